"""rules/common.py: what the rules share: the unknown-choice finding, item names, the doc
ids a relation may name and the doc it most likely means."""

from __future__ import annotations

import pytest

from sphinx_designdoc.model import DocMeta, Finding, Goal, Location, Page
from sphinx_designdoc.rules.common import choice, doc_ids, intended_doc, named


@pytest.mark.parametrize(
    ("value", "choices", "message"),
    [
        pytest.param("b", ("a", "b"), None, id="allowed"),
        pytest.param("B", ("a", "b"), "unknown status 'B'; expected one of a, b", id="exact case"),
        pytest.param("aproved", ("draft", "approved", "final"),
                     "unknown status 'aproved'; expected one of draft, approved, final",
                     id="three choices: the list"),
        pytest.param("aproved", ("draft", "approved", "final", "dead"),
                     "unknown status 'aproved'; did you mean 'approved'?", id="four: the closest"),
        pytest.param("zzz", ("draft", "approved", "final", "dead"),
                     "unknown status 'zzz'; expected one of draft, approved, final, dead",
                     id="nothing close: the list"),
    ],
)  # fmt: skip
def test_choice(value: str, choices: tuple[str, ...], message: str | None) -> None:
    where = Location("designs/x.rst", 6)
    expected = [Finding("option", message, "designs/x", 6, "designs/x.rst")] if message else []
    assert list(choice("designs/x", where, "status", value, choices, "status")) == expected


@pytest.mark.parametrize(
    ("title", "name"),
    [("Do nothing", "alternative 'Do nothing'"), ("", "untitled alternative")],
)
def test_named(title: str, name: str) -> None:
    assert named("alternative", title) == name


def test_doc_ids_are_those_of_pages_with_design_content() -> None:
    pages = {
        "designs/a": Page("designs/a", "designs-a", meta=DocMeta("ledger")),
        "notes/b": Page("notes/b", "notes-b", goals=[Goal("g", "G")]),
        "notes/c": Page("notes/c", "notes-c"),
    }
    assert doc_ids(pages) == {"ledger", "notes-b"}


@pytest.mark.parametrize(
    ("target", "own_id", "intended"),
    [
        ("payment-retyr", "checkout", "payment-retry"),
        ("payment-retyr", "payment-retry", None),
        ("zebra", "checkout", None),
    ],
    ids=["close", "never the doc itself", "nothing close"],
)
def test_intended_doc(target: str, own_id: str, intended: str | None) -> None:
    assert intended_doc(target, {"payment-retry", "checkout"}, own_id) == intended
