"""rules/item_ids.py: item ids are unique per kind within a doc."""

from __future__ import annotations

from typing import Any

import pytest

from sphinx_designdoc.model import (
    Alternative,
    Component,
    Finding,
    Goal,
    Location,
    LoggingStrategy,
    LogUseCase,
    Page,
    Question,
)
from sphinx_designdoc.rules.item_ids import check_duplicate_items
from sphinx_designdoc.settings import Settings

SOURCE = "designs/x.rst"


def at(line: int, *options: str) -> Location:
    """A directive at ``line`` with ``options`` on the lines after it, in that order."""
    return Location(SOURCE, line, tuple((name, line + n) for n, name in enumerate(options, 1)))


def page(**fields: Any) -> Page:
    return Page("designs/x", "designs-x", "X", **fields)


def duplicate(message: str, line: int) -> Finding:
    return Finding("duplicate", message, "designs/x", line, SOURCE)


def items(kind: str, *ids_and_lines: tuple[str, int]) -> dict[str, Any]:
    """Page fields holding items of ``kind``, each with its :id: on the line after it."""
    if kind == "log use case":  # the use case is the directive's argument, not an option
        details = [LogUseCase(name, location=at(line)) for name, line in ids_and_lines]
        return {"logging": LoggingStrategy(details=details)}
    make = {
        "goal": ("goals", lambda i, where: Goal(i, f"Goal {i}", location=where)),
        "component": ("components", lambda i, where: Component(i, f"C {i}", location=where)),
        "alternative": ("alternatives", lambda i, where: Alternative(i, "A", location=where)),
        "open question": ("questions", lambda i, where: Question(i, "Q?", location=where)),
    }
    field, build = make[kind]
    return {field: [build(item_id, at(line, "id")) for item_id, line in ids_and_lines]}


#: Each kind, in the order the rule checks them, and where its id is: on the line after
#: the directive (:id:), or on the directive itself (a log use case's argument).
ID_LINE = {"goal": 1, "component": 1, "alternative": 1, "log use case": 0, "open question": 1}
KINDS = list(ID_LINE)


@pytest.mark.parametrize("kind", KINDS)
def test_unique_ids(kind: str) -> None:
    fields = items(kind, ("tracing", 3), ("error-tracking", 6), ("performance", 9))
    assert list(check_duplicate_items(page(**fields), Settings())) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_repeated_id_is_reported_at_the_second_item(kind: str) -> None:
    """At its :id: line; a log use case, named by its argument, at its directive."""
    fields = items(kind, ("tracing", 3), ("performance", 6), ("tracing", 9))
    assert list(check_duplicate_items(page(**fields), Settings())) == [
        duplicate(f"duplicate {kind} id 'tracing' in this doc", 9 + ID_LINE[kind])
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_every_repeat_after_the_first_is_reported(kind: str) -> None:
    fields = items(kind, ("tracing", 3), ("tracing", 6), ("tracing", 9))
    assert list(check_duplicate_items(page(**fields), Settings())) == [
        duplicate(f"duplicate {kind} id 'tracing' in this doc", 6 + ID_LINE[kind]),
        duplicate(f"duplicate {kind} id 'tracing' in this doc", 9 + ID_LINE[kind]),
    ]


def test_items_of_different_kinds_may_share_an_id() -> None:
    fields: dict[str, Any] = {}
    for line, kind in enumerate(KINDS):
        fields |= items(kind, ("tracing", 10 * line + 3))
    assert list(check_duplicate_items(page(**fields), Settings())) == []


def test_the_id_line_unknown_gives_the_item_line() -> None:
    goals = [Goal("g", "A", location=Location(SOURCE, 3)), Goal("g", "B", location=at(6))]
    assert list(check_duplicate_items(page(goals=goals), Settings())) == [
        duplicate("duplicate goal id 'g' in this doc", 6)
    ]


def test_findings_come_in_kind_order_then_item_order() -> None:
    """Goals, components, alternatives, log use cases, open questions."""
    fields: dict[str, Any] = {}
    for line, kind in enumerate(reversed(KINDS)):
        fields |= items(kind, ("a", 100 * line + 1), ("b", 100 * line + 3), ("b", 100 * line + 5))
    assert [f.message for f in check_duplicate_items(page(**fields), Settings())] == [
        f"duplicate {kind} id 'b' in this doc" for kind in KINDS
    ]


def test_the_docs_example() -> None:
    """docs/warnings.rst, designs/ledger.rst: two alternatives with the id csv."""
    alternatives = [
        Alternative("csv", "Nightly CSV dump", "Too slow.", at(9, "id", "why-not")),
        Alternative("csv", "Hourly CSV dump", "Still too slow.", at(13, "id", "why-not")),
    ]
    assert list(check_duplicate_items(page(alternatives=alternatives), Settings())) == [
        duplicate("duplicate alternative id 'csv' in this doc", 14)
    ]
