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


# -- "did you mean" for references: roles, relations, depends-on ------------------------

TARGETS = {
    "rst": "Payment Retry\n=============\n\n"
    ".. design-doc::\n   :id: payment-retry\n   :status: draft\n\n   Retry payments.\n\n"
    ".. design-goals::\n\n   .. goal:: Fast scheduling\n      :id: p99-latency\n\n"
    ".. component:: Gateway\n   :id: gateway\n\n.. component:: Ledger\n",
    "md": "# Payment Retry\n\n"
    "```{design-doc}\n:id: payment-retry\n:status: draft\n\nRetry payments.\n```\n\n"
    "::::{design-goals}\n:::{goal} Fast scheduling\n:id: p99-latency\n:::\n::::\n\n"
    ":::{component} Gateway\n:id: gateway\n:::\n\n:::{component} Ledger\n:::\n",
}
MISTYPED = {
    "rst": "Checkout\n========\n\n"
    ".. design-doc::\n   :id: checkout\n   :requires: payment-retyr\n\n   Pay.\n\n"
    ".. component:: Scheduler\n   :depends-on: ledgr, gateway, payment-retry.gatewy\n\n"
    ".. component:: Ledger\n\n"
    "See :design:goal:`p99-latncy`, :design:goal:`p99-latency`, :design:doc:`payment-retyr`.\n\n"
    "And :design:component:`ledgre`, :design:ref:`gatway`, :design:goal:`nothing-like-it`.\n",
    "md": "# Checkout\n\n"
    "```{design-doc}\n:id: checkout\n:requires: payment-retyr\n\nPay.\n```\n\n"
    ":::{component} Scheduler\n:depends-on: ledgr, gateway, payment-retry.gatewy\n:::\n\n"
    ":::{component} Ledger\n:::\n\n"
    "See {design:goal}`p99-latncy`, {design:goal}`p99-latency`, {design:doc}`payment-retyr`.\n\n"
    "And {design:component}`ledgre`, {design:ref}`gatway`, {design:goal}`nothing-like-it`.\n",
}


def line_of(text: str, start: str) -> int:
    """The number of the first line of ``text`` that starts with ``start``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_reference_warnings_say_did_you_mean(tmp_path: Path, fmt: str) -> None:
    """A near id of this doc is suggested bare (before another doc's 'ledger'), one of
    another doc qualified, and so is an id that exists only in another doc."""
    text = MISTYPED[fmt]
    index = "Home\n====\n\n.. toctree::\n\n   payment_retry\n   shop\n"  # shop sorts last
    files = {"index.rst": index, f"payment_retry.{fmt}": TARGETS[fmt], f"shop.{fmt}": text}
    result = build(write_project(tmp_path, files), freshenv=True)
    file = f"shop.{fmt}"
    doc = line_of(text, ".. design-doc::" if fmt == "rst" else "```{design-doc}")
    scheduler = line_of(text, ".. component:: Scheduler" if fmt == "rst" else ":::{component} S")
    see, also = line_of(text, "See "), line_of(text, "And ")
    not_found = "reference target not found"
    assert set(actual(result, file)) == {
        (file, doc, "ref",
         ":requires: names unknown design doc 'payment-retyr'; did you mean 'payment-retry'?"),
        (file, scheduler, "ref", "component 'Scheduler' depends on 'ledgr', which is no "
         "component of this doc; did you mean 'ledger'?"),
        (file, scheduler, "ref", "component 'Scheduler' depends on 'gateway', which is no "
         "component of this doc; did you mean 'payment-retry.gateway'?"),
        (file, scheduler, "ref", f"design:component {not_found}: payment-retry.gatewy; "
         "did you mean 'payment-retry.gateway'?"),
        (file, see, "ref", f"design:goal {not_found}: p99-latncy; "
         "did you mean 'payment-retry.p99-latency'?"),
        (file, see, "ref", f"design:goal {not_found}: p99-latency; "
         "did you mean 'payment-retry.p99-latency'?"),
        (file, see, "ref", f"design:doc {not_found}: payment-retyr; "
         "did you mean 'payment-retry'?"),
        (file, also, "ref", f"design:component {not_found}: ledgre; did you mean 'ledger'?"),
        (file, also, "ref", f"design:ref {not_found}: gatway; "
         "did you mean 'payment-retry.gateway'?"),
        (file, also, "ref", f"design:goal {not_found}: nothing-like-it"),
    }  # fmt: skip
    assert len(result.warnings) == 10


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_a_two_valued_kind_lists_both_values(tmp_path: Path, fmt: str) -> None:
    """'unresolved' is nearest to 'resolved', the opposite of what it means: with this
    few values the warning lists them instead of guessing."""
    page = {
        "rst": "Questions\n=========\n\n.. design-index:: questions\n   :kind: unresolved\n",
        "md": "# Questions\n\n```{design-index} questions\n:kind: unresolved\n```\n",
    }[fmt]
    index = "Home\n====\n\n.. toctree::\n\n   questions\n"
    result = build(write_project(tmp_path, {"index.rst": index, f"questions.{fmt}": page}),
                   freshenv=True)  # fmt: skip
    assert actual(result, f"questions.{fmt}") == {
        (f"questions.{fmt}", 4 if fmt == "rst" else 3, "option",
         "unknown kind 'unresolved'; expected one of open, resolved"),
    }  # fmt: skip
