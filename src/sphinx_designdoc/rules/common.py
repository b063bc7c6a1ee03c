"""What the rules share: the rule signature and the unknown-choice finding."""

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
