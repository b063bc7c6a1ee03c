"""Pure rules: findings from the model, without Sphinx."""

from __future__ import annotations

from sphinx_designdoc.catalog import Catalog
from sphinx_designdoc.model import (
    Alternative,
    DocMeta,
    Finding,
    Goal,
    Location,
    LoggingStrategy,
    LogUseCase,
    Page,
    Relations,
)
from sphinx_designdoc.query import IndexQuery
from sphinx_designdoc.rules import check_page, check_project, check_query
from sphinx_designdoc.settings import Settings


def page(**fields: object) -> Page:
    return Page("designs/x", "designs-x", "X", **fields)  # type: ignore[arg-type]


def test_a_complete_page_has_no_findings() -> None:
    complete = page(
        meta=DocMeta(
            "x",
            status="approved",
            reviewers=("Sam",),
            created="2026-01-01",
            overview="Does x.",
            location=Location(line=3),
        ),
        headings=(
            "background",
            "design",
            "data model",
            "api design",
            "error handling",
            "security considerations",
            "testing strategy",
            "migration plan",
            "non-goals",
        ),
        goals=[Goal("g", "Fast", "performance", "p99 < 1 s", Location(line=5))],
        alternatives=[Alternative("a", "Cron", "No retries", Location(line=9))],
        logging=LoggingStrategy(
            ("tracing",),
            ("email",),
            "hashed",
            [LogUseCase("tracing", retention="2w")],
            Location(line=7),
        ),
    )
    assert check_page(complete, Settings()) == []


def test_custom_settings_change_what_is_valid() -> None:
    custom = Settings(statuses=("proposed",), goal_kinds=("latency",))
    findings = check_page(
        page(
            meta=DocMeta("x", status="draft", location=Location(line=1)),
            goals=[Goal("g", "T", "latency")],
        ),
        custom,
    )
    assert findings == [
        Finding("option", "unknown status 'draft'; expected one of proposed", "designs/x", 1)
    ]


def test_details_for_a_use_case_that_is_not_configured() -> None:
    logging = LoggingStrategy(("tracing",), details=[LogUseCase("tracing"), LogUseCase("tracng")])
    findings = check_page(page(logging=logging), Settings())
    assert [f.message for f in findings] == [
        "unknown log use case 'tracng'; did you mean 'tracing'?"
    ]


def test_project_rules_are_independent_of_read_order() -> None:
    relations = Relations(amends=("ghost",))
    one = Page("b", "b", meta=DocMeta("same", relations=relations, location=Location(line=2)))
    two = Page("a", "a", meta=DocMeta("same", location=Location(line=4)))
    for pages in ({"b": one, "a": two}, {"a": two, "b": one}):
        assert check_project(Catalog(pages)) == [
            Finding("duplicate", "duplicate design doc id 'same'; also used by 'a'", "b", 2),
            Finding("ref", ":amends: names unknown design doc 'ghost'", "b", 2),
        ]


def test_query_rules() -> None:
    query = IndexQuery("docs", kinds=("performance",), sort="-colour", location=Location(line=3))
    assert check_query(query, Settings(), "index") == [
        Finding("option", ":kind: does not apply to a 'docs' index", "index", 3),
        Finding(
            "option",
            "unknown sort column 'colour'; expected one of doc, status, authors, updated, "
            "tags, id, reviewers, created",
            "index",
            3,
        ),
    ]


def test_findings_point_at_the_option_line_in_the_items_file() -> None:
    """An option's own line where it is known, else the item's; always the item's file."""
    where = Location("part.rst", 4, (("status", 6), ("created", 7)))
    meta = DocMeta("x", status="drafty", created="2026-02-30", updated="soon", location=where)
    assert check_page(page(meta=meta), Settings()) == [
        Finding("option", "unknown status 'drafty'; did you mean 'draft'?", "designs/x", 6,
                "part.rst"),
        Finding("option", "bad :created: date '2026-02-30'; expected YYYY-MM-DD", "designs/x",
                7, "part.rst"),
        Finding("option", "bad :updated: date 'soon'; expected YYYY-MM-DD", "designs/x", 4,
                "part.rst"),
    ]  # fmt: skip
