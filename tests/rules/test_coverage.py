"""rules/coverage.py: a doc in a complete status has every required template section,
by its directive or by a heading with one of the section's titles."""

from __future__ import annotations

from typing import Any

import pytest

from sphinx_designdoc import model  # model.Testing: a class named Test* here, pytest collects
from sphinx_designdoc.model import (
    Alternative,
    Component,
    DocMeta,
    Finding,
    Goal,
    Location,
    LoggingStrategy,
    NonGoal,
    Page,
    Security,
)
from sphinx_designdoc.rules.coverage import check_coverage
from sphinx_designdoc.settings import TEMPLATE_SECTIONS, Settings

SOURCE = "designs/x.rst"
#: The design-doc directive at line 4, its :status: at line 5.
DOC = Location(SOURCE, 4, (("status", 5),))

#: A heading for each template section.
ALL_HEADINGS = (
    "overview", "background", "goals", "non-goals", "design", "data model", "api design",
    "error handling", "logging strategy", "security considerations", "testing strategy",
    "migration plan", "alternatives considered",
)  # fmt: skip


def page(status: str = "in-review", overview: str = "", **fields: Any) -> Page:
    meta = DocMeta("x", status=status, overview=overview, location=DOC)
    return Page("designs/x", "designs-x", "X", meta=meta, **fields)


def missing(section: str, add: str, status: str = "in-review") -> Finding:
    message = f"required section {section!r} is missing ({status!r} docs need it): add {add}"
    return Finding("missing", message, "designs/x", 4, SOURCE)


def without(*headings: str) -> tuple[str, ...]:
    return tuple(heading for heading in ALL_HEADINGS if heading not in headings)


def test_a_doc_with_every_section_has_no_finding() -> None:
    assert list(check_coverage(page(headings=ALL_HEADINGS), Settings())) == []


#: Each section missing alone: what the message tells the author to add.
MISSING = {
    "overview": missing("Overview", "the heading 'Overview' or overview text in design-doc"),
    "background": missing("Background", "the heading 'Background'"),
    "goals": missing("Goals", "the heading 'Goals' or a design-goals directive"),
    "non-goals": missing("Non-Goals", "the heading 'Non-Goals' or a non-goals directive"),
    "design": missing("Design", "the heading 'Design' or a component directive"),
    "data-model": missing("Data Model", "the heading 'Data Model'"),
    "api-design": missing("API Design", "the heading 'API Design'"),
    "error-handling": missing("Error Handling", "the heading 'Error Handling'"),
    "logging-strategy": missing(
        "Logging Strategy", "the heading 'Logging Strategy' or a logging-strategy directive"
    ),
    "security": missing(
        "Security Considerations",
        "the heading 'Security Considerations' or a security-considerations directive",
    ),
    "testing": missing(
        "Testing Strategy", "the heading 'Testing Strategy' or a testing-strategy directive"
    ),
    "migration-plan": missing("Migration Plan", "the heading 'Migration Plan'"),
    "alternatives": missing(
        "Alternatives Considered",
        "the heading 'Alternatives Considered' or an alternative directive",
    ),
}


def test_every_template_section_has_its_message() -> None:
    assert tuple(MISSING) == TEMPLATE_SECTIONS


@pytest.mark.parametrize(
    ("heading", "expected"),
    list(zip(ALL_HEADINGS, MISSING.values(), strict=True)),
    ids=list(MISSING),
)
def test_one_missing_section(heading: str, expected: Finding) -> None:
    """One finding, at the design-doc line (not the :status: line)."""
    assert list(check_coverage(page(headings=without(heading)), Settings())) == [expected]


def test_all_missing_in_the_order_of_the_required_sections() -> None:
    assert list(check_coverage(page(), Settings())) == list(MISSING.values())
    order = ("testing", "goals", "background")
    assert list(check_coverage(page(), Settings(required_sections=order))) == [
        MISSING[key] for key in order
    ]


@pytest.mark.parametrize(
    ("fields", "section"),
    [
        pytest.param({"overview": "Retries failed payments."}, "overview", id="overview text"),
        pytest.param({"goals": [Goal("g", "Fast")]}, "goals", id="a goal"),
        pytest.param({"non_goals": [NonGoal("Refunds.")]}, "non-goals", id="a non-goal"),
        pytest.param({"components": [Component("c", "Cart")]}, "design", id="a component"),
        pytest.param({"logging": LoggingStrategy()}, "logging-strategy", id="logging-strategy"),
        pytest.param({"security": Security()}, "security", id="security-considerations"),
        pytest.param({"testing": model.Testing()}, "testing", id="testing-strategy"),
        pytest.param({"alternatives": [Alternative("a", "Cron")]}, "alternatives", id="an alt"),
    ],
)
def test_a_directive_stands_for_its_heading(fields: dict[str, Any], section: str) -> None:
    index = TEMPLATE_SECTIONS.index(section)
    doc = page(headings=without(ALL_HEADINGS[index]), **fields)
    assert list(check_coverage(doc, Settings())) == []


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("summary", "overview"),
        ("context", "background"),
        ("non goals", "non-goals"),
        ("detailed design", "design"),
        ("high-level architecture", "design"),
        ("architecture", "design"),
        ("schema", "data-model"),
        ("data models", "data-model"),
        ("api", "api-design"),
        ("apis", "api-design"),
        ("errors", "error-handling"),
        ("logging", "logging-strategy"),
        ("security", "security"),
        ("testing", "testing"),
        ("test plan", "testing"),
        ("migration", "migration-plan"),
        ("rollout", "migration-plan"),
        ("alternatives", "alternatives"),
    ],
)
def test_other_titles_of_a_section_count(heading: str, section: str) -> None:
    index = TEMPLATE_SECTIONS.index(section)
    headings = (*without(ALL_HEADINGS[index]), heading)
    assert list(check_coverage(page(headings=headings), Settings())) == []


def test_the_docs_example() -> None:
    """docs/warnings.rst, designs/search.rst: numbered headings, partly named differently
    from the template (the collector normalizes '1. Background' to 'background')."""
    headings = ("background", "goals", "non-goals", "architecture", "data model", "api",
                "logging", "security", "rollout", "alternatives")  # fmt: skip
    doc = page(overview="Full-text search over invoices.", headings=headings)
    assert list(check_coverage(doc, Settings())) == [
        MISSING["error-handling"],
        MISSING["testing"],
    ]


@pytest.mark.parametrize("status", ["", "draft", "rejected", "superseded", "withdrawn"])
def test_docs_not_in_a_complete_status_are_not_checked(status: str) -> None:
    assert list(check_coverage(page(status), Settings())) == []


@pytest.mark.parametrize("status", ["in-review", "approved", "implemented"])
def test_the_complete_statuses(status: str) -> None:
    findings = list(check_coverage(page(status, headings=without("background")), Settings()))
    assert findings == [missing("Background", "the heading 'Background'", status)]


def test_a_page_without_design_doc_is_not_checked() -> None:
    assert list(check_coverage(Page("designs/x", "designs-x", "X"), Settings())) == []


def test_configured_complete_statuses() -> None:
    settings = Settings(complete_statuses=("draft",))
    assert list(check_coverage(page("in-review"), settings)) == []
    assert list(check_coverage(page("draft", headings=without("background")), settings)) == [
        missing("Background", "the heading 'Background'", "draft")
    ]


def test_no_required_sections_turns_the_check_off() -> None:
    assert list(check_coverage(page(), Settings(required_sections=()))) == []


def test_only_the_required_sections_are_checked() -> None:
    settings = Settings(required_sections=("goals", "error-handling"))
    assert list(check_coverage(page(headings=("goals",)), settings)) == [MISSING["error-handling"]]


def test_section_aliases_add_titles() -> None:
    """designdoc_section_aliases: extra titles, matched in lowercase; the defaults stay."""
    settings = Settings(section_aliases=(("testing", ("QA Plan",)),))
    headings = (*without("testing strategy"), "qa plan")
    assert list(check_coverage(page(headings=headings), settings)) == []
    assert list(check_coverage(page(headings=ALL_HEADINGS), settings)) == []
    assert list(check_coverage(page(headings=headings), Settings())) == [MISSING["testing"]]
