"""``design-index:: review`` (what waits for review, oldest first) and ``design-index::
status`` (docs per status, a bar each), on real builds in reStructuredText and MyST."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from helpers import Build, assert_same_output, build, write_project
from test_incremental import clean_build, edit

RETRY = """\
Retry
=====

.. design-doc::
   :id: retry
   :status: in-review
   :authors: Ana Ruiz
   :reviewers: Kim Lee
   :created: 2026-01-02
   :updated: 2026-02-01

   Retries failed payments. [Description]

.. open-question:: How often?
   :id: often

.. open-question:: How long?
   :id: long
   :resolution: A day.
"""
EMAILS = """\
# Emails

```{design-doc}
:id: emails
:status: draft
:authors: Sam Patel
:created: 2026-03-01
```

Tells customers.
"""
LEDGER = """\
Ledger
======

.. design-doc::
   :id: ledger
   :status: approved
   :reviewers: Kim Lee
   :created: 2025-01-01

   Exports the ledger.
"""
UNDATED = """\
# Refunds

```{design-doc}
:id: refunds
:status: draft
```

Refunds.
"""
DASHBOARD = """\
Dashboard
=========

.. design-index:: review

.. design-index:: status
"""
DASHBOARD_MD = """\
# Dashboard in MyST

```{design-index} review
:status: draft, in-review, approved
:sort: doc
:columns: doc, status, age, findings
```

```{design-index} status
:status: draft, approved
```
"""
FILES = {
    "index.rst": "Designs\n=======\n\n.. toctree::\n\n   retry\n   emails\n   ledger\n"
    "   refunds\n   dash\n   dash_md\n",
    "retry.rst": RETRY, "emails.md": EMAILS, "ledger.rst": LEDGER, "refunds.md": UNDATED,
    "dash.rst": DASHBOARD, "dash_md.md": DASHBOARD_MD,
}  # fmt: skip
APRIL_FIRST = str(int(dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC).timestamp()))
CONF = 'suppress_warnings = ["designdoc.missing"]\n'


def rows(result: Build, page: str, index: int) -> list[list[str]]:
    table = result.soup(page).select("table.designdoc-index")[index]
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in table.select("tbody tr")]  # fmt: skip


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", APRIL_FIRST)
    return write_project(tmp_path / "p", FILES, CONF)


def test_the_review_index_lists_what_waits_oldest_first(project: Path) -> None:
    result = build(project, freshenv=True)
    assert rows(result, "dash", 0) == [
        # doc, status, age in days, authors, reviewers, open questions, sections missing, findings
        ["Retry", "in-review", "59", "Ana Ruiz", "Kim Lee", "1", "12", "2"],
        ["Emails", "draft", "31", "Sam Patel", "", "0", "13", "0"],
        ["Refunds", "draft", "", "", "", "0", "13", "0"],
    ]  # fmt: skip
    # findings: the placeholder and the stale review; suppressed ones (missing) not counted
    headers = [th.get_text(strip=True) for th in result.soup("dash").select("table th")][:8]
    assert headers == ["Design doc", "Status", "Age (days)", "Authors", "Reviewers",
                       "Open questions", "Missing sections", "Findings"]  # fmt: skip
    link = result.soup("dash").select_one("td.designdoc-col-doc a")
    assert link is not None
    assert link["href"] == "retry.html"


def test_the_build_date_is_source_date_epoch(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    may = str(int(dt.datetime(2026, 5, 1, tzinfo=dt.UTC).timestamp()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", may)
    ages = [row[2] for row in rows(build(project, freshenv=True), "dash", 0)]
    assert ages == ["89", "61", ""]


def test_review_filters_columns_and_sort_in_myst(project: Path) -> None:
    result = build(project, freshenv=True)
    assert rows(result, "dash_md", 0) == [
        ["Emails", "draft", "31", "0"], ["Ledger", "approved", "455", "0"],
        ["Refunds", "draft", "", "0"], ["Retry", "in-review", "59", "2"],
    ]  # fmt: skip


def test_the_status_index_has_a_bar_and_the_number_per_status(project: Path) -> None:
    result = build(project, freshenv=True)
    assert rows(result, "dash", 1) == [
        ["draft", "2"], ["in-review", "1"], ["approved", "1"], ["implemented", "0"],
        ["rejected", "0"], ["superseded", "0"], ["withdrawn", "0"],
    ]  # fmt: skip
    bars = [span["style"] for span in result.soup("dash").select("span.designdoc-bar")]
    colours = [span["class"][1] for span in result.soup("dash").select("span.designdoc-bar")]
    assert colours[:3] == ["designdoc-status-draft", "designdoc-status-in-review",
                           "designdoc-status-approved"]  # fmt: skip
    assert bars == [f"--designdoc-share: {share}" for share in
                    ("1.00", "0.50", "0.50", "0.00", "0.00", "0.00", "0.00")]  # fmt: skip
    assert rows(result, "dash_md", 1) == [["draft", "2"], ["approved", "1"]]


@pytest.mark.parametrize("builder", ["text", "singlehtml", "latex"])
def test_other_builders_get_the_numbers(project: Path, builder: str) -> None:
    result = build(project, builder, freshenv=True)
    written = {"text": "dash.txt", "singlehtml": "index.html", "latex": "projectnamenotset.tex"}[
        builder
    ]
    output = (result.outdir / written).read_text(encoding="utf-8")
    assert "Age (days)" in output
    if builder == "singlehtml":
        assert (
            'class="designdoc-bar designdoc-status-in-review" style="--designdoc-share: 0.50"'
            in output
        )
    else:
        assert "designdoc-bar" not in output
        assert re.search(r"in-review.*\b1\b", output.replace("\n", " "))


def test_the_dashboard_is_rewritten_when_what_it_shows_changes(
    project: Path, tmp_path: Path
) -> None:
    build(project)
    for step, (file, old, new) in enumerate([
        ("emails.md", ":status: draft", ":status: in-review\n:updated: 2026-03-30"),
        ("retry.rst", " [Description]", ""),  # a finding fixed: the count follows
        ("ledger.rst", ":status: approved", ":status: draft"),
    ]):  # fmt: skip
        edit(project / file, old, new)
        again = build(project)
        assert_same_output(again, clean_build(project, tmp_path, f"step-{step}"))
    assert rows(again, "dash", 0)[0][:2] == ["Ledger", "draft"]
    assert [row[-1] for row in rows(again, "dash", 0) if row[0] == "Retry"] == ["1"]
