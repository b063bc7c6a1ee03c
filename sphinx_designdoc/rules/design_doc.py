"""Rules of the design doc itself: its metadata, its id across the project, the docs
it names, and what its status needs (reviewers, answered questions, a successor,
freshness)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Location, Page
from sphinx_designdoc.rules.common import choice, doc_ids, intended_doc
from sphinx_designdoc.values import is_iso_date, meant

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from sphinx_designdoc.settings import Settings


def check_doc_meta(page: Page, settings: Settings) -> Iterator[Finding]:
    """Status must be configured and dates must be ISO dates."""
    meta = page.meta
    if meta is None:
        return
    if meta.status:
        where = meta.location.of("status")
        yield from choice(page.docname, where, "status", meta.status, settings.statuses, "status")
    for name, value in (("created", meta.created), ("updated", meta.updated)):
        if value and not is_iso_date(value):
            yield Finding.at(
                "option",
                f"bad :{name}: date {value!r}; expected YYYY-MM-DD",
                page.docname,
                meta.location.of(name),
                about=name,
            )


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
                about=f"id:{page.docname}",  # the other doc has the same id
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
                        meta.location.of(kind), about=f"{kind}:{target}",
                    )  # fmt: skip


def check_lifecycle(page: Page, settings: Settings) -> Iterator[Finding]:
    """Approved docs were reviewed and answered their questions; reviews do not go stale."""
    meta = page.meta
    if meta is None:
        return
    if meta.status == "approved":
        if not meta.reviewers:
            yield Finding.at("lifecycle", "approved design doc has no :reviewers:", page.docname,
                             meta.location.of("status"), about="reviewers")  # fmt: skip
        for question in page.questions:
            if question.is_open:
                yield Finding.at(
                    "lifecycle",
                    f"open question {question.title or question.id!r} in an approved design doc; "
                    "answer it with :resolution:",
                    page.docname,
                    question.location,
                    about=f"question:{question.id}",
                )
    if meta.status == "in-review" and settings.stale_days and meta.updated:
        try:
            updated = dt.date.fromisoformat(meta.updated)
        except ValueError:
            return  # the date rule already reported it
        age = (settings.today - updated).days
        if age > settings.stale_days:
            yield Finding.at(
                "lifecycle",
                f"in review but last updated {meta.updated}, {age} days ago "
                f"(designdoc_stale_days is {settings.stale_days})",
                page.docname,
                meta.location.of("updated"),
                about="stale",
            )


def check_successors(pages: Mapping[str, Page]) -> Iterator[Finding]:
    """A superseded doc is superseded by some doc; supersedes never goes round in a cycle."""
    docs: dict[str, Page] = {}
    for _docname, page in sorted(pages.items()):  # a repeated id is the first page's
        if page.meta:
            docs.setdefault(page.id, page)
    superseded_by = {target for page in docs.values() if page.meta
                     for target in page.meta.relations.supersedes}  # fmt: skip
    near_misses = _mistyped_supersedes(pages)
    for doc_id, page in docs.items():
        if page.status == "superseded" and doc_id not in superseded_by:
            why = "".join(
                f"; {docname!r} has ':supersedes: {target}' (did you mean {doc_id!r}?)"
                for docname, target in near_misses.get(doc_id, ())
            )
            yield Finding.at(
                "lifecycle",
                f"superseded design doc has no successor: no doc has ':supersedes: {doc_id}'" + why,
                page.docname,
                page.meta.location.of("status") if page.meta else Location(),
                about="successor",
            )
    yield from _cycles(docs)


def _mistyped_supersedes(pages: Mapping[str, Page]) -> dict[str, list[tuple[str, str]]]:
    """Doc id -> (docname, target) of each ``:supersedes:`` naming no doc that most
    likely means it: the same guess as the ``ref`` warning's "did you mean"."""
    known = doc_ids(pages)
    near: dict[str, list[tuple[str, str]]] = {}
    for docname in sorted(pages):
        meta = pages[docname].meta
        if meta is None:
            continue
        for target in meta.relations.supersedes:
            if target not in known and (intended := intended_doc(target, known, meta.id)):
                near.setdefault(intended, []).append((docname, target))
    return near


def _cycles(docs: Mapping[str, Page]) -> Iterator[Finding]:
    edges = {doc_id: [t for t in page.meta.relations.supersedes if t in docs]
             for doc_id, page in docs.items() if page.meta}  # fmt: skip
    reported: set[frozenset[str]] = set()
    for start in sorted(edges):
        path: list[str] = []
        yield from _walk(start, edges, path, docs, reported)


def _walk(
    node: str,
    edges: Mapping[str, list[str]],
    path: list[str],
    docs: Mapping[str, Page],
    reported: set[frozenset[str]],
) -> Iterator[Finding]:
    if node in path:
        cycle = path[path.index(node) :]
        if frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            first = min(cycle, key=lambda doc_id: docs[doc_id].docname)
            rotated = cycle[cycle.index(first) :] + cycle[: cycle.index(first)]
            meta = docs[first].meta
            yield Finding.at(
                "lifecycle",
                "supersedes cycle: " + " -> ".join([*rotated, first]),
                docs[first].docname,
                meta.location.of("supersedes") if meta else Location(),
                about="supersedes-cycle:" + ",".join(sorted(cycle)),
            )
        return
    path.append(node)
    for target in edges.get(node, ()):
        yield from _walk(target, edges, path, docs, reported)
    path.pop()
