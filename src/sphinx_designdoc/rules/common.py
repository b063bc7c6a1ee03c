"""What the rules share: the rule signature, the unknown-choice finding, item names."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.settings import Settings
from sphinx_designdoc.values import unknown_choice

PageRule = Callable[[Page, Settings], Iterator[Finding]]


def choice(
    docname: str, line: int | None, what: str, value: str, choices: tuple[str, ...]
) -> Iterator[Finding]:
    """An ``option`` finding when ``value`` is not one of ``choices``."""
    if value not in choices:
        yield Finding("option", unknown_choice(what, value, choices), docname, line)


def named(what: str, title: str) -> str:
    """``alternative 'Do nothing'``, or ``untitled alternative`` for one without a title
    (reported on its own), so that a message never quotes an empty title."""
    return f"{what} {title!r}" if title else f"untitled {what}"
