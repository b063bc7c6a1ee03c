"""Findings in ``designdoc.json``: keyed, with a state; the summary line; the baseline.

Real builds of the test-warnings root (every subtype a page can have, in reStructuredText
and MyST) and of small projects; ``-W`` runs go through ``python -m sphinx`` as in CI.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOTS, Build, build, copy_root, write_project
from sphinx_designdoc.baseline import baseline_text
from sphinx_designdoc.export import load_schema
from sphinx_designdoc.findings import keyed, summary_line
from sphinx_designdoc.model import Finding

WARNINGS = ROOTS / "test-warnings"
FILES = ("faults.rst", "faults_md.md")


def rows(result: Build) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = result.json()["findings"]
    return findings


def where(row: dict[str, Any]) -> tuple[str, int, str, str]:
    return (row["source"], row["line"], row["subtype"], row["message"])


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("warnings", tmp_path_factory.mktemp("faults")), freshenv=True)


def test_every_warning_is_a_shown_finding_with_its_file_line_and_message(faults: Build) -> None:
    warned = sorted((w.file, w.line, w.subtype, w.message) for w in faults.warnings)
    assert sorted(map(where, rows(faults))) == warned
    assert {row["state"] for row in rows(faults)} == {"shown"}


def test_findings_are_sorted_keyed_once_and_valid(faults: Build) -> None:
    found = rows(faults)
    assert found == sorted(found, key=lambda r: (r["source"] or "", r["line"] or 0, r["key"]))
    keys = [row["key"] for row in found]
    assert len(keys) == len(set(keys))
    jsonschema.validate(faults.json(), load_schema())


@pytest.mark.parametrize(("file", "doc"), [("faults.rst", "faulty"), ("faults_md.md", "faulty-md")])
def test_keys_name_subtype_doc_and_what_is_wrong(faults: Build, file: str, doc: str) -> None:
    keys = {row["key"] for row in rows(faults) if row["source"] == file}
    expected = {
        "option:DOC:status", "option:DOC:created", "option:DOC:updated",
        "ref:DOC:supersedes:nowhere", "missing:DOC:goal:be-quick:target",
        "option:DOC:goal:grow:kind", "duplicate:DOC:goal:be-quick",
        "option:DOC:use-cases:auditing", "missing:DOC:log-use-case:security-audit",
        "missing:DOC:privacy", "option:DOC:log-use-case:tracing:retention",
        "missing:DOC:alternative:do-nothing:why-not", "ref:DOC:goal:missing-goal",
        "ref:DOC:doc:ghost",
    }  # fmt: skip
    if file == "faults.rst":  # its id is dup.rst's too; it holds a second design-doc
        expected |= {"duplicate:DOC:id:faults", "duplicate:DOC:design-doc:second"}
    assert keys == {key.replace("DOC", doc) for key in expected}
    for row in rows(faults):
        if row["source"] == file:
            assert (row["doc"], row["docname"]) == (doc, Path(file).stem)


def test_a_page_without_design_doc_is_keyed_by_docname(faults: Build) -> None:
    index = [row for row in rows(faults) if row["source"] == "index.rst"]
    assert [(row["key"], row["doc"]) for row in index] == [
        ("option:index:design-index:gaols:kind", None),
        ("option:index:design-index:goals:status:aproved", None),
        ("option:index:design-index:goals:kind:speed", None),
        ("option:index:design-index:goals:columns:colour", None),
    ]


def test_the_summary_line_ends_the_build(faults: Build) -> None:
    last = faults.status_text.strip().splitlines()
    assert "designdoc: 34 findings (16 option, 8 missing, 6 ref, 4 duplicate)" in last


def test_an_incremental_build_reports_the_same(faults: Build, tmp_path: Path) -> None:
    """Nothing is read again, nothing warned again: the JSON and the summary come from
    what the environment keeps."""
    shutil.copytree(faults.srcdir, tmp_path / "src")
    clean = build(tmp_path / "src", freshenv=True)
    again = build(tmp_path / "src")
    assert again.warnings_text == ""
    assert rows(again) == rows(clean)
    assert "designdoc: 34 findings" in again.status_text


def test_parallel_reads_report_the_same(tmp_path: Path) -> None:
    serial = build(copy_root("warnings", tmp_path / "one"), freshenv=True)
    parallel = build(copy_root("warnings", tmp_path / "two"), freshenv=True, parallel=2)
    assert rows(parallel) == rows(serial)


def test_suppressed_findings_are_kept_with_their_state(tmp_path: Path) -> None:
    srcdir = copy_root("warnings", tmp_path)
    result = build(srcdir, freshenv=True, confoverrides={"suppress_warnings": ["designdoc.ref"]})
    states = {row["key"]: row["state"] for row in rows(result)}
    assert states["ref:faulty:doc:ghost"] == "suppressed"
    assert {s for k, s in states.items() if not k.startswith("ref:")} == {"shown"}
    assert "; 6 suppressed" in result.status_text


def test_a_ref_in_an_unchanged_page_stays_a_finding(tmp_path: Path) -> None:
    """References are checked with the project, not as pages are written."""
    srcdir = write_project(tmp_path, {
        "index.rst": "Home\n====\n\n.. toctree::\n\n   a\n   b\n",
        "a.rst": "A\n=\n\nSee :design:doc:`bee`.\n",
        "b.rst": "B\n=\n\nText.\n",
    })  # fmt: skip
    first = build(srcdir, freshenv=True)
    assert [row["key"] for row in rows(first)] == ["ref:a:doc:bee"]
    (srcdir / "b.rst").write_text("B\n=\n\nMore text.\n", encoding="utf-8")
    assert [row["key"] for row in rows(build(srcdir))] == ["ref:a:doc:bee"]
    (srcdir / "b.rst").write_text(
        "B\n=\n\n.. design-doc::\n   :id: bee\n   :status: draft\n\n   Now it exists.\n",
        encoding="utf-8",
    )
    fixed = build(srcdir)
    assert rows(fixed) == []
    assert "designdoc:" not in fixed.status_text


def test_configuration_findings_have_no_file(tmp_path: Path) -> None:
    srcdir = write_project(tmp_path, {"index.rst": "Home\n====\n"},
                           conf='designdoc_statuses = ["draft", "Draft"]\n')  # fmt: skip
    result = build(srcdir, freshenv=True)
    [row] = rows(result)
    assert row["key"] == "config:conf.py:designdoc_statuses:draft"
    assert (row["source"], row["line"], row["docname"], row["doc"]) == (None, None, None, None)
    assert [w.subtype for w in result.warnings] == ["config"]


# -- the baseline -----------------------------------------------------------------------


def sphinx_w(srcdir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -W`` as CI runs it (incremental: one build folder)."""
    command = [sys.executable, "-m", "sphinx", "-W", "-b", "html", *extra,
               str(srcdir), str(srcdir / "_build")]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, check=False)


def export_of(srcdir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((srcdir / "_build" / "designdoc.json").read_text("utf-8"))
    return data


def warned(process: subprocess.CompletedProcess[str]) -> list[str]:
    return re.findall(r"\[designdoc\.\w+\]", process.stderr)


def baselined_project(tmp_path: Path) -> Path:
    """The test-warnings root with a baseline written from its own build."""
    srcdir = copy_root("warnings", tmp_path)
    assert sphinx_w(srcdir).returncode != 0  # -W fails on 34 findings
    text = baseline_text(export_of(srcdir)["findings"])
    (srcdir / "designdoc-baseline.json").write_text(text, encoding="utf-8")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('designdoc_baseline = "designdoc-baseline.json"\n')
    return srcdir


def test_with_a_baseline_minus_w_passes_and_only_a_new_finding_fails_it(tmp_path: Path) -> None:
    srcdir = baselined_project(tmp_path)
    passed = sphinx_w(srcdir, "-E")
    assert (passed.returncode, warned(passed)) == (0, []), passed.stderr
    assert "designdoc: 0 findings; 34 in the baseline" in passed.stdout
    assert {row["state"] for row in export_of(srcdir)["findings"]} == {"baselined"}

    page = srcdir / "faults.rst"
    page.write_text(page.read_text("utf-8") + "\nAlso :design:doc:`phantom`.\n", "utf-8")
    failed = sphinx_w(srcdir)
    assert failed.returncode != 0
    assert "design:doc reference target not found: phantom [designdoc.ref]" in failed.stderr
    assert warned(failed) == ["[designdoc.ref]"]
    states = {row["key"]: row["state"] for row in export_of(srcdir)["findings"]}
    assert states.pop("ref:faulty:doc:phantom") == "shown"


def test_a_finding_moved_by_lines_above_it_stays_baselined(tmp_path: Path) -> None:
    srcdir = baselined_project(tmp_path)
    for name in FILES:
        page = srcdir / name
        lines = page.read_text("utf-8").split("\n")
        filler = ["", "A paragraph added above.", "", "And another one.", ""]
        page.write_text("\n".join([*lines[:2], *filler, *lines[2:]]), "utf-8")
    result = sphinx_w(srcdir)
    assert (result.returncode, warned(result)) == (0, []), result.stderr
    moved = [row for row in export_of(srcdir)["findings"] if row["source"] in FILES]
    assert moved
    assert {row["state"] for row in moved} == {"baselined"}


def test_a_changed_baseline_rereads_the_pages_whose_findings_it_shows_or_hides(
    tmp_path: Path,
) -> None:
    srcdir = baselined_project(tmp_path)
    assert sphinx_w(srcdir, "-E").returncode == 0
    baseline = srcdir / "designdoc-baseline.json"
    whole = baseline.read_text("utf-8")
    lifted = ("option:faulty:status", "ref:faulty-md:supersedes:nowhere")  # page, project
    kept = [line for line in whole.split("\n") if not any(f'"{key}"' in line for key in lifted)]
    baseline.write_text(baseline_text([{**json.loads(line.rstrip(",")), "state": "shown"}
                                       for line in kept[1:-2]]), "utf-8")  # fmt: skip
    incremental = sphinx_w(srcdir)  # no source changed: only the baseline
    assert incremental.returncode != 0
    assert sorted(warned(incremental)) == ["[designdoc.option]", "[designdoc.ref]"]
    assert "unknown status 'in-revew'" in incremental.stderr
    assert ":supersedes: names unknown design doc 'nowhere'" in incremental.stderr
    assert "designdoc: 2 findings (1 option, 1 ref); 32 in the baseline" in incremental.stdout
    baseline.write_text(whole, "utf-8")  # and back: hidden again, without -E
    again = sphinx_w(srcdir)
    assert (again.returncode, warned(again)) == (0, []), again.stderr
    assert "designdoc: 0 findings; 34 in the baseline" in again.stdout


def test_two_pages_that_claim_one_doc_id_get_distinct_keys(tmp_path: Path) -> None:
    page = ".. design-doc::\n   :id: same\n\n   Owned by [Owner Name].\n"
    srcdir = write_project(tmp_path / "p", {
        "index.rst": "Index\n=====\n\n.. toctree::\n\n   a\n   b\n",
        "a.rst": "A\n=\n\n" + page, "b.rst": "B\n=\n\n" + page})  # fmt: skip
    keys = [row["key"] for row in rows(build(srcdir, "designdoc", freshenv=True))]
    assert len(keys) == len(set(keys))
    assert "placeholder:same:[Owner Name]" in keys
    assert "placeholder:same:[Owner Name]~2" in keys


def test_fixed_entries_are_listed_without_failing(tmp_path: Path) -> None:
    srcdir = baselined_project(tmp_path)
    page = srcdir / "faults.rst"
    page.write_text(page.read_text("utf-8").replace(":status: in-revew", ":status: draft"), "utf-8")
    result = sphinx_w(srcdir)
    assert result.returncode == 0, result.stderr
    assert ("designdoc: 1 baseline entry no longer found (fixed; remove from the baseline): "
            "option:faulty:status") in result.stdout  # fmt: skip


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "cannot be read"), ("{not json", "JSON"), ('{"version": 9, "findings": []}', "")],
)
def test_a_missing_or_malformed_baseline_warns_and_builds_without(
    tmp_path: Path, content: str | None, reason: str
) -> None:
    srcdir = copy_root("warnings", tmp_path)
    if content is not None:
        (srcdir / "base.json").write_text(content, encoding="utf-8")
    result = build(srcdir, freshenv=True, confoverrides={"designdoc_baseline": "base.json"})
    config = [w for w in result.warnings if w.subtype == "config"]
    assert len(config) == 1
    assert config[0].message.startswith("designdoc_baseline 'base.json': ")
    assert reason in config[0].message
    assert config[0].message.endswith("; building without a baseline")
    assert len(result.warnings) == 35  # the 34 findings are shown
    assert {row["state"] for row in rows(result)} == {"shown"}


# -- keys: pure, and stable under edits elsewhere ------------------------------------------


def test_repeats_are_numbered_in_file_order() -> None:
    found = [Finding("placeholder", "m", "d", line, "d.rst", about="[Name]") for line in (9, 3, 5)]
    result = keyed(found, lambda docname: "doc")
    assert [(f.line, f.key) for f in result] == [
        (3, "placeholder:doc:[Name]"), (5, "placeholder:doc:[Name]~2"),
        (9, "placeholder:doc:[Name]~3"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("states", "line"),
    [
        ([], None),
        ([("shown", "missing")], "designdoc: 1 finding (1 missing)"),
        ([("shown", "option"), ("shown", "missing"), ("shown", "missing")],
         "designdoc: 3 findings (2 missing, 1 option)"),
        ([("baselined", "missing"), ("suppressed", "ref"), ("shown", "ref")],
         "designdoc: 1 finding (1 ref); 1 suppressed; 1 in the baseline"),
        ([("baselined", "missing")] * 3, "designdoc: 0 findings; 3 in the baseline"),
    ],
)  # fmt: skip
def test_summary_line(states: list[tuple[Any, Any]], line: str | None) -> None:
    assert summary_line([s for s, _ in states], [t for _, t in states]) == line


_OPENING = re.compile(r"^(`{3,}|:{3,})\{")
_CLOSING = re.compile(r"^(`{3,}|:{3,})\s*$")


def top_level_starts(lines: list[str]) -> list[int]:
    """The lines before which a paragraph can be added at the top level of the page:
    after a blank line, at column 0, outside any MyST fence; and the end."""
    found, depth = [], 0
    for number, line in enumerate(lines):
        if depth == 0 and number and not lines[number - 1].strip() and line[:1].strip():
            found.append(number)
        depth += 1 if _OPENING.match(line) else -1 if _CLOSING.match(line) and depth else 0
    return [*found, len(lines)]


FILLERS = ("", "A paragraph written elsewhere.", "Two lines\nof text.")


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_edits_elsewhere_never_change_the_keys_of_untouched_findings(
    faults: Build, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Paragraphs and blank lines added anywhere at the top level of either page move
    its findings down by as many lines, and change no key."""
    srcdir = tmp_path_factory.mktemp("edited") / "src"
    shutil.copytree(WARNINGS, srcdir)
    shift: dict[str, list[int]] = {}
    for name in FILES:
        lines = (srcdir / name).read_text("utf-8").split("\n")
        points = data.draw(st.lists(st.sampled_from(top_level_starts(lines)), max_size=4))
        for point in sorted(points, reverse=True):
            filler = [*data.draw(st.sampled_from(FILLERS)).split("\n"), ""]
            lines[point:point] = filler
            shift.setdefault(name, []).extend([point] * len(filler))
        (srcdir / name).write_text("\n".join(lines), "utf-8")
    edited = {row["key"]: row for row in rows(build(srcdir, freshenv=True))}
    before = {row["key"]: row for row in rows(faults)}
    assert edited.keys() == before.keys()
    for key, row in before.items():
        added = sum(1 for point in shift.get(row["source"], []) if point < row["line"])
        assert edited[key]["line"] == row["line"] + added, key
