"""What the rules share: the rule signature, the unknown-choice finding, item names
and doc id hints."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from sphinx_designdoc.model import Finding, Location, Page
from sphinx_designdoc.settings import Settings
from sphinx_designdoc.values import close_match, unknown_choice

PageRule = Callable[[Page, Settings], Iterator[Finding]]


def choice(
    docname: str, where: Location, what: str, value: str, choices: tuple[str, ...], about: str
) -> Iterator[Finding]:
    """An ``option`` finding at ``where`` when ``value`` is not one of ``choices``."""
    if value not in choices:
        message = unknown_choice(what, value, choices)
        yield Finding.at("option", message, docname, where, about=about)


def named(what: str, title: str) -> str:
    """``alternative 'Do nothing'``, or ``untitled alternative`` for one without a title
    (reported on its own), so that a message never quotes an empty title."""
    return f"{what} {title!r}" if title else f"untitled {what}"


def doc_ids(pages: Mapping[str, Page]) -> set[str]:
    """The doc ids a relation may name: those of the pages that hold design content."""
    return {page.id for page in pages.values() if page.has_content}


def intended_doc(target: str, known: set[str], own_id: str) -> str | None:
    """The known doc id that the unknown relation ``target`` of doc ``own_id`` most
    likely means; never the doc itself, which cannot be related to itself."""
    return close_match(target, sorted(known - {own_id}))
