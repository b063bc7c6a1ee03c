"""Ids must be unique: items within a doc, doc ids across the project."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.rules.common import doc_ids, intended_doc
from sphinx_designdoc.values import meant

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from sphinx_designdoc.model import Location
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
                    where,
                )  # fmt: skip
            seen.add(item_id)


def check_doc_ids(pages: Mapping[str, Page]) -> Iterator[Finding]:
    """Two design docs with one id: the first by docname keeps it, the others are reported."""
    ordered = [pages[name] for name in sorted(pages) if pages[name].meta]
    counts = Counter(page.id for page in ordered)
    first: dict[str, str] = {}
    for page in ordered:
        if counts[page.id] < 2:
            continue
        if page.id in first and page.meta:
            yield Finding.at(
                "duplicate",
                f"duplicate design doc id {page.id!r}; also used by {first[page.id]!r}",
                page.docname,
                page.meta.location.of("id"),
            )
        else:
            first[page.id] = page.docname


def check_relation_targets(pages: Mapping[str, Page]) -> Iterator[Finding]:
    """``:supersedes:`` and the other relations must name known doc ids."""
    known = doc_ids(pages)
    for docname in sorted(pages):
        meta = pages[docname].meta
        if meta is None:
            continue
        for kind, targets in meta.relations.items():
            for target in targets:
                if target not in known:
                    hint = meant(intended_doc(target, known, meta.id))
                    yield Finding.at(
                        "ref", f":{kind}: names unknown design doc {target!r}{hint}", docname,
                        meta.location.of(kind),
                    )  # fmt: skip
