"""rules/alternatives.py: every alternative says why it was not chosen."""

from __future__ import annotations

import pytest

from sphinx_designdoc.model import Alternative, Finding, Location, Page
from sphinx_designdoc.rules.alternatives import check_alternatives
from sphinx_designdoc.settings import Settings

SOURCE = "designs/x.rst"


def at(line: int, *options: str) -> Location:
    """A directive at ``line`` with ``options`` on the lines after it, in that order."""
    return Location(SOURCE, line, tuple((name, line + n) for n, name in enumerate(options, 1)))


def page(*alternatives: Alternative) -> Page:
    return Page("designs/x", "designs-x", "X", alternatives=list(alternatives))


def missing(message: str, line: int) -> Finding:
    return Finding("missing", message, "designs/x", line, SOURCE)


@pytest.mark.parametrize(
    ("alternatives", "expected"),
    [
        pytest.param([], [], id="no alternatives"),
        pytest.param(
            [Alternative("cron", "Cron", why_not="No retries.", location=at(9, "id", "why-not"))],
            [],
            id="with a reason",
        ),
        pytest.param(
            [Alternative("csv", "Nightly CSV dump", location=at(9, "id"))],
            [missing("alternative 'Nightly CSV dump' has no :why-not:", 9)],
            id="no reason: at the directive, as the option is absent",
        ),
        pytest.param(
            [Alternative("alternative-1", "", location=at(9, "id"))],
            [missing("untitled alternative has no :why-not:", 9)],
            id="untitled: the title is not quoted",
        ),
        pytest.param(
            [
                Alternative("a", "A", location=at(3)),
                Alternative("b", "B", why_not="Slow.", location=at(6, "why-not")),
                Alternative("c", "C", location=at(9)),
            ],
            [
                missing("alternative 'A' has no :why-not:", 3),
                missing("alternative 'C' has no :why-not:", 9),
            ],
            id="each one without a reason, in order",
        ),
    ],
)
def test_check_alternatives(alternatives: list[Alternative], expected: list[Finding]) -> None:
    assert list(check_alternatives(page(*alternatives), Settings())) == expected


def test_the_finding_is_in_the_file_the_alternative_is_written_in() -> None:
    included = Alternative("csv", "CSV", location=Location("designs/part.rst", 2))
    assert list(check_alternatives(page(included), Settings())) == [
        Finding("missing", "alternative 'CSV' has no :why-not:", "designs/x", 2, "designs/part.rst")
    ]
