"""Item ids are unique per kind within a doc, or references become ambiguous."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Location, Page

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx_designdoc.settings import Settings


def check_duplicate_items(page: Page, settings: Settings) -> Iterator[Finding]:
    """Item ids must be unique per kind within a doc, or references become ambiguous."""
    logging_details = page.logging.details if page.logging else []
    groups: list[tuple[str, Iterable[tuple[str, Location]]]] = [
        ("goal", ((goal.id, goal.location.of("id")) for goal in page.goals)),
        ("component", ((comp.id, comp.location.of("id")) for comp in page.components)),
        ("alternative", ((alt.id, alt.location.of("id")) for alt in page.alternatives)),
        ("log use case", ((d.use_case, d.location) for d in logging_details)),
        ("open question", ((q.id, q.location.of("id")) for q in page.questions)),
    ]
    for what, items in groups:
        seen: set[str] = set()
        for item_id, where in items:
            if item_id in seen:
                yield Finding.at(
                    "duplicate", f"duplicate {what} id {item_id!r} in this doc", page.docname,
                    where, about=f"{what.replace(' ', '-')}:{item_id}",
                )  # fmt: skip
            seen.add(item_id)
