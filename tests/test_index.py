"""``design-index`` tables: every kind, every filter, links into the docs."""

from __future__ import annotations

import pytest

from helpers import Build, build, copy_root


@pytest.fixture(scope="module", params=["basic", "myst"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The same indexes written in reStructuredText (basic) and in MyST (myst)."""
    result = build(copy_root(request.param, tmp_path_factory.mktemp("idx")), freshenv=True)
    assert result.warnings_text == ""
    return result


def table(site: Build, section: str) -> list[list[str]]:
    """Rows (header first) of the table in the section with this id."""
    node = site.soup("indexes").select_one(f"section#{section}")
    assert node is not None, section
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in node.select("tr")
    ]


def test_docs_index(site: Build) -> None:
    assert table(site, "all-docs") == [
        ["Design doc", "Status", "Authors", "Updated", "Tags"],
        ["Ledger Export", "draft", "Li Wei", "", "ledger"],
        ["Scratch notes", "", "", "", ""],
        [
            "Payment Retry Service",
            "approved",
            "Ana Ruiz, Li Wei",
            "2026-03-20",
            "payments reliability",  # badges, apart as on the doc page
        ],
        ["Payment Retry v1", "superseded", "", "", "payments"],
    ]
    tags = site.soup("indexes").select("table td.designdoc-col-tags span.designdoc-badge")
    assert {"designdoc-tag"} <= set(tags[0]["class"])
    assert [tag.get_text() for tag in tags[:3]] == ["ledger", "payments", "reliability"]


def test_goals_filtered_by_kind(site: Build) -> None:
    assert table(site, "performance-goals") == [
        ["Design doc", "Goal", "Kind", "Target"],
        ["Ledger Export", "Export 10M rows", "scalability", "10M rows in under 30 minutes"],
        ["Payment Retry Service", "Fast scheduling", "performance", "p99 < 200 ms at 500 req/s"],
    ]


def test_goals_filtered_by_status(site: Build) -> None:
    rows = table(site, "approved-goals")
    assert [row[1] for row in rows[1:]] == [
        "Retry failed card payments automatically",
        "Fast scheduling",
        "Keep an audit trail of every attempt.",
    ]


def test_non_goals_index(site: Build) -> None:
    assert table(site, "non-goals")[1:] == [
        ["Ledger Export", "Real-time export."],
        ["Payment Retry Service", "Changing the card-network integration."],
        ["Payment Retry Service", "Retrying disputed payments."],
    ]


def test_alternatives_filtered_by_tag(site: Build) -> None:
    assert table(site, "rejected-ideas") == [
        ["Design doc", "Alternative", "Why not chosen"],
        [
            "Payment Retry Service",
            "Delayed delivery in the message broker",
            "The broker caps delays at 15 minutes; retries need up to 72 hours.",
        ],
        ["Payment Retry v1", "Retry in the client", "Clients go offline."],
    ]


def test_logging_index_is_docs_by_use_cases(site: Build) -> None:
    assert table(site, "logging") == [
        [
            "Design doc",
            "Tracing",
            "Error Tracking",
            "User Behavior",
            "Performance",
            "Security Audit",
            "Business Metrics",
        ],
        ["Ledger Export", "", "", "", "", "", "1y (365 days)"],
        [
            "Payment Retry Service",
            "14d (14 days); 10% of successes, all failures",
            "90 days; all",
            "",
            "",
            "",
            "",
        ],
    ]


def test_doc_filter_columns_and_descending_sort(site: Build) -> None:
    assert table(site, "ledger-only") == [
        ["Goal", "Kind", "Status"],
        ["Nightly export", "functional", "draft"],
        ["Export 10M rows", "scalability", "draft"],
    ]


def test_empty_index_says_so(site: Build) -> None:
    node = site.soup("indexes").select_one("section#nothing")
    assert node.select_one("table") is None
    assert node.select_one("p.designdoc-empty").get_text() == "No matching design items."


def test_index_cells_link_to_items(site: Build) -> None:
    node = site.soup("indexes").select_one("section#performance-goals")
    hrefs = {a.get_text(): a["href"] for a in node.select("a")}
    assert hrefs["Fast scheduling"] == "designs/retry.html#goal-p99-latency"
    assert hrefs["Ledger Export"] == "designs/ledger.html"
    logging = site.soup("indexes").select_one("section#logging")
    assert logging.select_one('a[href="designs/retry.html#usecase-tracing"]') is not None


def test_components_index(site: Build) -> None:
    assert table(site, "components") == [
        ["Design doc", "Component", "Purpose", "Interface", "Depends on"],
        ["Payment Retry Service", "Retry Scheduler", "Decides when a failed payment is retried.",
         "schedule(payment_id, failure_code) -> RetryPlan", "Ledger"],
        ["Payment Retry Service", "Ledger", "Records every attempt.", "", ""],
    ]  # fmt: skip
    node = site.soup("indexes").select_one("section#components")
    assert node.select_one('a[href="designs/retry.html#component-scheduler"]') is not None
    # depends-on: a link to the component, showing its title, as on the doc page
    (dependency,) = node.select("td.designdoc-col-depends-on a.designdoc-link")
    assert dependency["href"] == "designs/retry.html#component-ledger"
    assert dependency.get_text() == "Ledger"


def test_pii_index(site: Build) -> None:
    assert table(site, "pii") == [
        ["Field", "Design doc", "Retention", "Privacy"],
        ["email", "Payment Retry Service", "", "Emails are hashed before logging."],
        ["card_last4", "Payment Retry Service", "tracing: 14d (14 days)",
         "Emails are hashed before logging."],
    ]  # fmt: skip


def test_questions_index_and_open_filter(site: Build) -> None:
    assert table(site, "questions") == [
        ["Design doc", "Question", "Owner", "State", "Resolution"],
        ["Ledger Export", "Which warehouse do we export to?", "Li Wei", "open", ""],
        ["Payment Retry Service", "Do we retry disputed payments?", "Ana Ruiz", "resolved",
         "No; disputes go to the chargeback flow."],
    ]  # fmt: skip
    assert [row[1] for row in table(site, "open-questions")[1:]] == [
        "Which warehouse do we export to?"
    ]
    node = site.soup("indexes").select_one("section#open-questions")
    assert node.select_one("a.designdoc-link")["href"] == "designs/ledger.html"
    assert node.select_one('a[href="designs/ledger.html#question-warehouse"]') is not None


def test_coverage_index(site: Build) -> None:
    assert table(site, "coverage") == [
        ["Design doc", "Status", "Background", "Design", "Security Considerations",
         "Testing Strategy"],
        ["Ledger Export", "draft", "\u2717", "\u2717", "\u2717", "\u2717"],
        ["Payment Retry Service", "approved", "\u2713", "\u2713", "\u2713", "\u2713"],
        ["Payment Retry v1", "superseded", "\u2717", "\u2717", "\u2717", "\u2717"],
    ]  # fmt: skip
    cells = site.soup("indexes").select("section#coverage td.designdoc-col-background")
    assert [c["class"][-1] for c in cells] == [
        "designdoc-missing", "designdoc-present", "designdoc-missing"]  # fmt: skip
