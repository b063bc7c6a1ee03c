"""``sphinx-designdoc findings`` and ``sphinx-designdoc baseline`` on real exports.

The test-warnings root (every subtype a page can have, in reStructuredText and MyST) is
built three times: as it is; with ``designdoc.duplicate`` suppressed and its ``ref``
findings in a baseline; and that again with one new finding. The commands run on those
exports as CI runs them.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import Build, build, copy_root
from sphinx_designdoc.annotate import Annotation, repository_path, to_github, to_text
from sphinx_designdoc.baseline import BaselineError, baseline_text, read_baseline
from sphinx_designdoc.cli import main
from sphinx_designdoc.escaping import github_data, github_property

NEW_FAULT = "\n.. alternative:: Batch it\n   :id: batch\n"


class Exports:
    """The three builds' ``designdoc.json`` files."""

    def __init__(self, root: Path) -> None:
        srcdir = copy_root("warnings", root)
        self.plain = self.write(root / "plain.json", build(srcdir, "designdoc", freshenv=True))
        refs = [row for row in self.rows(self.plain) if row["subtype"] == "ref"]
        (srcdir / "base.json").write_text(baseline_text(refs), encoding="utf-8")
        overrides = {
            "suppress_warnings": ["designdoc.duplicate"],
            "designdoc_baseline": "base.json",
        }
        self.result = build(srcdir, "designdoc", freshenv=True, confoverrides=overrides)
        self.reviewed = self.write(root / "reviewed.json", self.result)
        with (srcdir / "faults.rst").open("a", encoding="utf-8") as file:
            file.write(NEW_FAULT)
        self.new_fault_line = (srcdir / "faults.rst").read_text(encoding="utf-8").count("\n") - 1
        self.added = self.write(
            root / "added.json", build(srcdir, "designdoc", freshenv=True, confoverrides=overrides)
        )

    @staticmethod
    def write(path: Path, result: Build) -> Path:
        path.write_text(json.dumps(result.json()), encoding="utf-8")
        return path

    @staticmethod
    def rows(path: Path) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["findings"]
        return rows


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Exports:
    return Exports(tmp_path_factory.mktemp("annotate"))


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def shown(path: Path) -> list[dict[str, Any]]:
    return [row for row in Exports.rows(path) if row["state"] == "shown"]


def test_the_states_of_the_reviewed_build(exports: Exports) -> None:
    states = {(row["subtype"], row["state"]) for row in Exports.rows(exports.reviewed)}
    assert states == {("duplicate", "suppressed"), ("ref", "baselined"), ("option", "shown"),
                      ("missing", "shown")}  # fmt: skip


def test_text_is_what_the_build_warned(
    exports: Exports, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "findings", exports.reviewed)
    assert (code, err) == (0, "")
    warned = [f"{w.file}:{w.line}: [designdoc.{w.subtype}] {w.message}" for w in
              exports.result.warnings]  # fmt: skip
    assert sorted(out.splitlines()) == sorted(warned)
    assert len(warned) == len(shown(exports.reviewed)) == 24
    assert "[designdoc.ref]" not in out  # baselined
    assert "[designdoc.duplicate]" not in out  # suppressed


def test_github_workflow_commands(exports: Exports, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "findings", exports.reviewed, "--format", "github", "--prefix",
                       "docs")  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    expected = [
        f"::warning file=docs/{row['source']},line={row['line']},title=designdoc.{row['subtype']}"
        f"::{github_data(row['message'])}"
        for row in shown(exports.reviewed)
    ]
    assert lines == expected
    assert "::warning file=docs/faults_md.md,line=" in out  # MyST findings too


def test_gitlab_code_quality_report(exports: Exports, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "findings", exports.reviewed, "--format", "gitlab", "--prefix",
                       "docs/")  # fmt: skip
    assert code == 0
    issues = json.loads(out)
    rows = shown(exports.reviewed)
    assert [issue["fingerprint"] for issue in issues] == [
        hashlib.sha256(row["key"].encode()).hexdigest() for row in rows
    ]
    assert len({issue["fingerprint"] for issue in issues}) == len(rows)
    first, row = issues[0], rows[0]
    assert first == {
        "description": row["message"],
        "check_name": f"designdoc.{row['subtype']}",
        "fingerprint": hashlib.sha256(row["key"].encode()).hexdigest(),
        "severity": "minor",
        "location": {"path": f"docs/{row['source']}", "lines": {"begin": row["line"]}},
    }


def test_json(exports: Exports, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "findings", exports.reviewed, "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"key": r["key"], "subtype": r["subtype"], "message": r["message"],
         "path": r["source"], "line": r["line"]}
        for r in shown(exports.reviewed)
    ]  # fmt: skip


def test_new_since_keeps_only_the_new_finding(
    exports: Exports, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "findings", exports.added, "--new-since", exports.reviewed)
    assert code == 0
    assert out == (
        f"faults.rst:{exports.new_fault_line}: [designdoc.missing] alternative 'Batch it' "
        "has no :why-not:\n"
    )
    # lines inserted above every other finding would not make them new either: keys only
    assert run(capsys, "findings", exports.reviewed, "--new-since", exports.added)[1] == ""


@pytest.mark.parametrize(
    ("source", "prefix", "path"),
    [("a/b.rst", "", "a/b.rst"), ("a/b.rst", "docs", "docs/a/b.rst"),
     ("a/b.rst", "docs/", "docs/a/b.rst"), ("../README.rst", "docs/", "README.rst"),
     (None, "docs/", "docs/conf.py")],
)  # fmt: skip
def test_paths_from_the_repository(source: str | None, prefix: str, path: str) -> None:
    assert repository_path(source, prefix) == path


def test_github_escaping() -> None:
    assert github_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert github_property("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext%3A a%2Cb"
    evil = Annotation("k", "missing", "x\n::error::owned\r\n%0A\x1b[31m", "a,b:c.rst", 3)
    (line,) = to_github([evil]).splitlines()
    assert line == (
        "::warning file=a%2Cb%3Ac.rst,line=3,title=designdoc.missing::"
        "x%0A::error::owned%0D%0A%250A[31m"
    )


def test_text_drops_control_characters() -> None:
    evil = Annotation("k", "ref", "bad\x1b[2J\nnext\u202eline", "a.rst", None)
    assert to_text([evil]) == "a.rst: [designdoc.ref] bad[2J nextline\n"


# -- the baseline command ------------------------------------------------------------------


def test_baseline_prints_or_writes_the_baseline(
    exports: Exports, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = Exports.rows(exports.reviewed)
    code, out, _ = run(capsys, "baseline", exports.reviewed)
    assert code == 0
    assert out == baseline_text(rows)
    kept = {row["key"] for row in rows if row["state"] != "suppressed"}
    assert read_baseline(out) == kept
    lines = out.splitlines()
    assert lines[0] == '{"version": 1, "findings": ['
    assert lines[-1] == "]}"
    entries = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
    assert [entry["key"] for entry in entries] == sorted(kept)
    assert set(entries[0]) == {"key", "source", "message"}
    target = tmp_path / "designdoc-baseline.json"
    code, out, _ = run(capsys, "baseline", exports.reviewed, "-o", target)
    assert (code, out) == (0, f"wrote {len(kept)} findings to {target}\n")
    assert target.read_text(encoding="utf-8") == baseline_text(rows)


def test_an_empty_baseline() -> None:
    assert baseline_text([]) == '{"version": 1, "findings": []}\n'
    assert read_baseline(baseline_text([])) == frozenset()


@pytest.mark.parametrize(
    ("text", "reason"),
    [("[]", "not a version 1 baseline"), ('{"version": 1}', 'no "findings" list'),
     ('{"version": 1, "findings": [1]}', 'entry 1 has no "key"'),
     ('{"version": 1, "findings": [{"key": "a"}, {"key": 2}]}', 'entry 2 has no "key"'),
     ("[" * 100_000, "not JSON"), ("{", "not JSON")],
)  # fmt: skip
def test_a_malformed_baseline_is_refused(text: str, reason: str) -> None:
    with pytest.raises(BaselineError, match=re.escape(reason)):
        read_baseline(text)


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["findings", "baseline"])
@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("{", "not JSON"), ('{"version": 9}', "unsupported version 9"),
     ('{"version": 1, "docs": {}, "findings": [{"key": 1}]}', "not a valid designdoc.json")],
)  # fmt: skip
def test_bad_input_is_one_line_and_status_2(
    command: str, content: str | None, message: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = tmp_path / "designdoc.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, command, path)
    assert (code, out) == (2, "")
    assert err.startswith(f"sphinx-designdoc: {path}: ")
    assert message in err
    assert err.count("\n") == 1


def test_a_bad_new_since_file_is_status_2(
    exports: Exports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "findings", exports.reviewed, "--new-since", tmp_path / "no.json")
    assert (code, out) == (2, "")
    assert err == f"sphinx-designdoc: {tmp_path / 'no.json'}: no such file\n"


def test_a_baseline_that_cannot_be_written_is_status_2(
    exports: Exports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "baseline", exports.reviewed, "-o", tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith(f"sphinx-designdoc: {tmp_path}: cannot write it: ")


def test_findings_and_baseline_run_without_sphinx(exports: Exports) -> None:
    code = (
        "import sys\nfrom sphinx_designdoc.cli import main\n"
        f"main(['findings', {str(exports.reviewed)!r}, '--format', 'github'])\n"
        f"main(['baseline', {str(exports.reviewed)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sphinx')\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)  # fmt: skip
    assert "LOADED []" in result.stdout
    assert "::warning file=" in result.stdout
    assert '{"version": 1, "findings": [' in result.stdout


@pytest.mark.parametrize("command", [["findings"], ["baseline"], ["findings", "--new-since"]])
def test_an_export_without_findings_is_status_2(
    exports: Exports, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.json"
    data = json.loads(exports.reviewed.read_text(encoding="utf-8"))
    del data["findings"]  # as sphinx-designdoc wrote it before it exported findings
    old.write_text(json.dumps(data), encoding="utf-8")
    args = [*command, old] if command != ["findings", "--new-since"] else [
        "findings", exports.reviewed, "--new-since", old]  # fmt: skip
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err == f"sphinx-designdoc: {old}: holds no findings (an older export); build it again\n"
