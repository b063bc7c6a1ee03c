"""Every warning: type ``designdoc``, its subtype, the file and line, and a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Build, build, copy_root, write_project

# (file, line, subtype, start of message) for the same faults written in RST and MyST.
FAULTS = {
    "faults.rst": {
        "doc": 4,
        "goal1": 15,
        "goal2": 18,
        "goal3": 21,
        "logging": 24,
        "tracing": 28,
        "alt": 31,
        "refs": 33,
    },
    "faults_md.md": {
        "doc": 3,
        "goal1": 15,
        "goal2": 19,
        "goal3": 23,
        "logging": 28,
        "tracing": 32,
        "alt": 37,
        "refs": 40,
    },
}


def expected_for(file: str) -> set[tuple[str, int, str, str]]:
    at = FAULTS[file]
    return {
        (file, at["doc"], "option", "unknown status 'in-revew'; did you mean 'in-review'?"),
        (file, at["doc"], "option", "bad :created: date '2026-02-30'; expected YYYY-MM-DD"),
        (file, at["doc"], "option", "bad :updated: date 'March 3'; expected YYYY-MM-DD"),
        (file, at["doc"], "ref", ":supersedes: names unknown design doc 'nowhere'"),
        (file, at["goal1"], "missing", "performance goal 'Be quick' has no :target:"),
        (
            file,
            at["goal2"],
            "option",
            "unknown goal kind 'scalabilty'; did you mean 'scalability'?",
        ),
        (file, at["goal3"], "duplicate", "duplicate goal id 'be-quick' in this doc"),
        (
            file,
            at["logging"],
            "option",
            "unknown log use case 'auditing'; expected one of "
            "tracing, error-tracking, user-behavior, performance, security-audit, business-metrics",
        ),
        (
            file,
            at["logging"],
            "missing",
            "log use case 'security-audit' is selected but has no log-use-case details",
        ),
        (file, at["logging"], "missing", ":pii: fields are listed without :privacy: notes"),
        (
            file,
            at["tracing"],
            "option",
            "unparseable :retention: 'forever'; use e.g. 14d, 2w, 6m, 1y, '90 days' or P30D",
        ),
        (file, at["alt"], "missing", "alternative 'Do nothing' has no :why-not:"),
        (file, at["refs"], "ref", "design:goal reference target not found: missing-goal"),
        (file, at["refs"], "ref", "design:doc reference target not found: ghost"),
    }


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("warnings", tmp_path_factory.mktemp("w")), freshenv=True)


def actual(result: Build, file: str) -> set[tuple[str, int, str, str]]:
    return {(w.file, w.line, w.subtype, w.message) for w in result.warnings if w.file == file}


@pytest.mark.parametrize("file", sorted(FAULTS))
def test_each_fault_warns_once_at_its_line(result: Build, file: str) -> None:
    extra = {
        (
            "faults.rst",
            35,
            "duplicate",
            "a page holds at most one design-doc; this one "
            "is not collected (the first is at line 4)",
        ),
        ("faults.rst", 4, "duplicate", "duplicate design doc id 'faulty'; also used by 'dup'"),
    }
    expected = expected_for(file) | (extra if file == "faults.rst" else set())
    assert actual(result, file) == expected
    found = [w for w in result.warnings if w.file == file]
    assert len(found) == len(expected), "a warning was emitted twice"


def test_every_warning_is_typed_designdoc(result: Build) -> None:
    assert result.warnings
    assert {w.type for w in result.warnings} == {"designdoc"}
    # nothing but our warnings: each line of output is one parsed warning
    assert len(result.warnings) == result.warnings_text.count("WARNING:")


def test_index_query_faults(result: Build) -> None:
    assert actual(result, "index.rst") == {
        ("index.rst", 10, "option", "unknown design-index kind 'gaols'; did you mean 'goals'?"),
        ("index.rst", 12, "option", "unknown status 'aproved'; did you mean 'approved'?"),
        (
            "index.rst",
            12,
            "option",
            "unknown kind 'speed'; expected one of functional, "
            "performance, scalability, reliability, security, operability",
        ),
        (
            "index.rst",
            12,
            "option",
            "unknown column 'colour'; expected one of doc, goal, kind, target, status",
        ),
    }


def test_faulty_pages_still_render_everything(result: Build) -> None:
    for page in ("faults", "faults_md"):
        text = result.soup(page).get_text(" ", strip=True)
        for shown in ("Be quick", "Grow", "Do nothing", "forever", "Tracing", "in-revew"):
            assert shown in text, (page, shown)


def test_suppress_warnings_silences_a_subtype(tmp_path) -> None:
    quiet = build(
        copy_root("warnings", tmp_path),
        freshenv=True,
        confoverrides={"suppress_warnings": ["designdoc.missing", "designdoc.option"]},
    )
    subtypes = {w.subtype for w in quiet.warnings}
    assert subtypes == {"duplicate", "ref"}


def test_myst_link_in_a_title_warns_at_its_line(tmp_path: Path) -> None:
    """Found by the fuzz test: a dangling MyST link in an item's title warned without a
    line, as the heading around it had line 0."""
    srcdir = write_project(
        tmp_path,
        {
            "index.rst": "Home\n====\n\n.. toctree::\n\n   md\n",
            "md.md": "# MD\n\nText.\n\n:::{open-question} Which [link](#nowhere)?\n"
            ":resolution: see [x](#nothing)\n:::\n",
        },
    )
    result = build(srcdir, freshenv=True)
    assert {(w.file, w.line, w.message) for w in result.warnings} == {
        ("md.md", 5, "'myst' cross-reference target not found: 'nowhere'"),
        ("md.md", 5, "'myst' cross-reference target not found: 'nothing'"),
    }


@pytest.mark.parametrize("retention", ["9" * 400 + "d", "P" + "9" * 5000 + "D"])
def test_huge_retention_warns_instead_of_crashing(tmp_path: Path, retention: str) -> None:
    """Found by the fuzz test: a number too long for float() (infinity) or int() (over
    4300 digits) in ``:retention:`` crashed the build."""
    page = (
        "Logs\n====\n\n.. logging-strategy::\n   :use-cases: tracing\n\n"
        f"   .. log-use-case:: tracing\n      :retention: {retention}\n\n"
        ".. design-index:: logging\n"
    )
    result = build(write_project(tmp_path, {"index.rst": page}), freshenv=True)
    [warning] = result.warnings
    assert (warning.file, warning.line, warning.subtype) == ("index.rst", 7, "option")
    assert warning.message.startswith(f"unparseable :retention: '{retention[:20]}")
    assert result.json()["docs"]["index"]["logging"]["details"][0]["retention_days"] is None
