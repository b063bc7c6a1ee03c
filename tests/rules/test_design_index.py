"""rules/design_index.py: a design-index filters by, shows and sorts on things that exist
for its kind of index."""

from __future__ import annotations

from typing import Any

import pytest

from sphinx_designdoc.model import Finding, Location
from sphinx_designdoc.query import IndexQuery
from sphinx_designdoc.rules.design_index import check_query
from sphinx_designdoc.settings import DEFAULT_GOAL_KINDS, DEFAULT_STATUSES, Settings

SOURCE = "index.rst"
#: The design-index at line 3, then its options one a line.
OPTIONS = ("status", "kind", "columns", "sort")
WHERE = Location(SOURCE, 3, tuple((name, 4 + n) for n, name in enumerate(OPTIONS)))
LINE = {name: 4 + n for n, name in enumerate(OPTIONS)}


def query(index_kind: str, /, **filters: Any) -> IndexQuery:
    """A query with ``status``, ``kind`` and ``columns`` as comma lists (the option names)."""
    lists = {"status": "statuses", "kind": "kinds", "columns": "columns"}
    fields = {
        lists.get(k, k): tuple(v.split(", ")) if k in lists else v for k, v in filters.items()
    }
    return IndexQuery(index_kind, location=WHERE, **fields)


def option(message: str, at_option: str) -> Finding:
    return Finding("option", message, "index", LINE[at_option], SOURCE)


#: Every index kind with what its :kind: may name (none: it has no :kind:).
KIND_CHOICES = {
    "docs": (),
    "goals": DEFAULT_GOAL_KINDS,
    "non-goals": (),
    "components": (),
    "alternatives": (),
    "logging": ("tracing", "error-tracking"),
    "pii": (),
    "questions": ("open", "resolved"),
    "coverage": ("overview", "testing"),
}


@pytest.mark.parametrize("kind", list(KIND_CHOICES))
def test_an_index_without_filters(kind: str) -> None:
    assert check_query(query(kind), Settings(), "index") == []


@pytest.mark.parametrize(
    ("kind", "choices"), [(kind, choices) for kind, choices in KIND_CHOICES.items() if choices]
)
def test_what_kind_may_name(kind: str, choices: tuple[str, ...]) -> None:
    assert check_query(query(kind, kind=", ".join(choices)), Settings(), "index") == []


@pytest.mark.parametrize("kind", [kind for kind, choices in KIND_CHOICES.items() if not choices])
def test_kind_does_not_apply(kind: str) -> None:
    """Once, however many kinds are named."""
    assert check_query(query(kind, kind="performance, open"), Settings(), "index") == [
        option(f":kind: does not apply to a {kind!r} index", "kind")
    ]


#: (index kind, options) -> what the docs promise (docs/warnings.rst, "option").
@pytest.mark.parametrize(
    ("kind", "filters", "expected"),
    [
        pytest.param("docs", {"status": ", ".join(DEFAULT_STATUSES)}, [], id="every status"),
        pytest.param(
            "docs", {"status": "draft, aproved"},
            [option("unknown status 'aproved'; did you mean 'approved'?", "status")],
            id="status",
        ),
        pytest.param(
            "goals", {"kind": "perf"},
            [option("unknown kind 'perf'; expected one of functional, performance, scalability, "
                    "reliability, security, operability", "kind")],
            id="goal kind",
        ),
        pytest.param(
            "questions", {"kind": "closed"},
            [option("unknown kind 'closed'; expected one of open, resolved", "kind")],
            id="question state",
        ),
        pytest.param(
            "questions", {"kind": "unresolved"},
            [option("unknown kind 'unresolved'; expected one of open, resolved", "kind")],
            id="two choices: the list, not the closest",
        ),
        pytest.param(
            "coverage", {"kind": "tests"},
            [option("unknown kind 'tests'; did you mean 'testing'?", "kind")],
            id="section",
        ),
        pytest.param(
            "logging", {"kind": "tracng"},
            [option("unknown kind 'tracng'; did you mean 'tracing'?", "kind")],
            id="log use case",
        ),
        pytest.param(
            "components", {"columns": "component, depends_on"},
            [option("unknown column 'depends_on'; did you mean 'depends-on'?", "columns")],
            id="column",
        ),
        pytest.param(
            "docs", {"sort": "updatd"},
            [option("unknown sort column 'updatd'; did you mean 'updated'?", "sort")],
            id="sort column",
        ),
        pytest.param(
            "docs", {"sort": "-updatd"},
            [option("unknown sort column 'updatd'; did you mean 'updated'?", "sort")],
            id="descending sort column: named without its '-'",
        ),
        pytest.param("docs", {"sort": "-updated"}, [], id="descending sort"),
        pytest.param(
            "docs", {"status": "gone", "kind": "x", "columns": "colour", "sort": "size"},
            [
                option("unknown status 'gone'; expected one of draft, in-review, approved, "
                       "implemented, rejected, superseded, withdrawn", "status"),
                option(":kind: does not apply to a 'docs' index", "kind"),
                option("unknown column 'colour'; expected one of doc, status, authors, updated, "
                       "tags, id, reviewers, created", "columns"),
                option("unknown sort column 'size'; expected one of doc, status, authors, "
                       "updated, tags, id, reviewers, created", "sort"),
            ],
            id="in option order",
        ),
        pytest.param(
            "goals", {"columns": "colour, size"},
            [
                option("unknown column 'colour'; expected one of doc, goal, kind, target, status",
                       "columns"),
                option("unknown column 'size'; expected one of doc, goal, kind, target, status",
                       "columns"),
            ],
            id="each unknown column",
        ),
    ],
)  # fmt: skip
def test_check_query(kind: str, filters: dict[str, Any], expected: list[Finding]) -> None:
    assert check_query(query(kind, **filters), Settings(), "index") == expected


@pytest.mark.parametrize(
    ("kind", "columns"),
    [
        ("docs", "doc, status, authors, updated, tags, id, reviewers, created"),
        ("goals", "doc, goal, kind, target, status"),
        ("non-goals", "doc, non-goal, status"),
        ("components", "doc, component, purpose, interface, depends-on, status"),
        ("alternatives", "doc, alternative, why-not, status"),
        ("logging", "doc, status, pii, tracing, error-tracking, user-behavior, performance, "
                    "security-audit, business-metrics"),
        ("pii", "field, doc, retention, privacy, status, use-cases"),
        ("questions", "doc, question, owner, state, status, resolution"),
        ("coverage", "doc, status, overview, background, goals, non-goals, design, data-model, "
                     "api-design, error-handling, logging-strategy, security, testing, "
                     "migration-plan, alternatives"),
    ],
)  # fmt: skip
def test_every_column_of_each_kind_may_be_shown_and_sorted_on(kind: str, columns: str) -> None:
    for column in columns.split(", "):
        assert check_query(query(kind, columns=column, sort=column), Settings(), "index") == []


def test_the_options_lines_unknown_give_the_directive_line() -> None:
    unplaced = IndexQuery("docs", statuses=("gone",), kinds=("x",), location=Location(SOURCE, 3))
    assert [finding.line for finding in check_query(unplaced, Settings(), "index")] == [3, 3]


def test_the_findings_are_on_the_given_page() -> None:
    findings = check_query(query("docs", sort="size"), Settings(), "designs/overview")
    assert [finding.docname for finding in findings] == ["designs/overview"]


@pytest.mark.parametrize(
    ("settings", "kind", "filters", "expected"),
    [
        pytest.param(
            Settings(statuses=("proposed", "accepted")), "docs", {"status": "draft"},
            [option("unknown status 'draft'; expected one of proposed, accepted", "status")],
            id="statuses",
        ),
        pytest.param(
            Settings(goal_kinds=("latency", "cost")), "goals", {"kind": "latency"}, [],
            id="goal kinds: a configured one",
        ),
        pytest.param(
            Settings(goal_kinds=("latency", "cost")), "goals", {"kind": "performance"},
            [option("unknown kind 'performance'; expected one of latency, cost", "kind")],
            id="goal kinds: a default one no longer",
        ),
        pytest.param(
            Settings(log_use_cases=("audit", "billing")), "logging",
            {"kind": "audit", "columns": "doc, billing", "sort": "audit"}, [],
            id="log use cases: kinds and columns",
        ),
        pytest.param(
            Settings(log_use_cases=("audit", "billing")), "logging",
            {"kind": "tracing", "columns": "tracing"},
            [
                option("unknown kind 'tracing'; expected one of audit, billing", "kind"),
                option("unknown column 'tracing'; expected one of doc, audit, billing, status, "
                       "pii", "columns"),
            ],
            id="log use cases: a default one no longer",
        ),
    ],
)  # fmt: skip
def test_settings_change_what_is_valid(
    settings: Settings, kind: str, filters: dict[str, Any], expected: list[Finding]
) -> None:
    assert check_query(query(kind, **filters), settings, "index") == expected
