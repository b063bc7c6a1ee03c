"""A read-only, project-wide view of the collected pages, with fast lookups by id.

The domain keeps ``Page`` records per docname; a ``Catalog`` is derived from them
whenever they change and answers "which object is ``DOCID.ITEMID``?" in O(1).  When two
pages claim the same doc id, the first by docname wins, so the answer never depends on
the order pages were read in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_designdoc.model import RELATION_KINDS
from sphinx_designdoc.values import close_match

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from sphinx_designdoc.model import Page

#: Object types, in the order ``:design:ref:`` tries them.
ITEM_TYPES = ("goal", "component", "alternative", "usecase", "question")
OBJECT_TYPES = ("doc", *ITEM_TYPES)
#: ``design`` role name -> the object type it links to (``ref`` links to any).
ROLE_TYPES = {
    "doc": "doc",
    "goal": "goal",
    "component": "component",
    "alt": "alternative",
    "usecase": "usecase",
}
#: Object type -> the reference type that links to exactly that type. A question has no
#: role of its own; ``ref`` would prefer a goal of the same id, so it is resolved by its
#: object type name (``resolve`` takes an object type for a role it does not know).
TYPE_ROLES = {objtype: role for role, objtype in ROLE_TYPES.items()} | {"question": "question"}
#: The reference type of a ``:prd:`` link to a project page (by docname): resolved by the
#: domain, not the catalog, as it may be any page; it shows that page's title.
PRD_ROLE = "prd"


@dataclass(frozen=True)
class Target:
    """Everything a link to a design object shows: where it is, its title and doc status."""

    objtype: str
    name: str  # DOCID or DOCID.ITEMID
    docname: str
    anchor: str
    title: str
    status: str

    @property
    def hover(self) -> str:
        """A link's tooltip: the title and, where there is one, its doc's status."""
        return f"{self.title} ({self.status})" if self.status else self.title


class Catalog:
    """Lookups over all collected pages."""

    def __init__(self, pages: Mapping[str, Page]) -> None:
        self.pages = pages
        self.by_id: dict[str, Page] = {}
        for docname in sorted(pages):
            page = pages[docname]
            if page.has_content:
                self.by_id.setdefault(page.id, page)
        self.targets: dict[tuple[str, str], Target] = {}
        #: doc id -> relation kind -> ids of the docs that name it (the backlinks)
        self.incoming: dict[str, dict[str, list[str]]] = {}
        for page in self.by_id.values():
            for target in _page_targets(page):
                self.targets.setdefault((target.objtype, target.name), target)
            for kind, ids in page.meta.relations.items() if page.meta else ():
                for target_id in ids:
                    self.incoming.setdefault(target_id, {}).setdefault(kind, []).append(page.id)

    def backlinks(self, doc_id: str) -> list[tuple[str, tuple[str, ...]]]:
        """(relation kind, ids of the docs naming ``doc_id`` with it), in relation order."""
        incoming = self.incoming.get(doc_id, {})
        return [(kind, tuple(incoming.get(kind, ()))) for kind in RELATION_KINDS]

    def ordered_pages(self) -> list[Page]:
        """Pages that are the owner of their doc id, by doc id."""
        return [self.by_id[doc_id] for doc_id in sorted(self.by_id)]

    def find(self, objtype: str, target: str, fromdocname: str | None = None) -> Target | None:
        """Resolve ``DOCID``, ``DOCID.ITEMID`` or, inside a doc, a bare ``ITEMID``."""
        if objtype == "doc":
            return self.targets.get(("doc", target))
        found = self.targets.get((objtype, target))
        if found is None and fromdocname is not None and (here := self.pages.get(fromdocname)):
            found = self.targets.get((objtype, f"{here.id}.{target}"))
        return found

    def resolve(self, role: str, target: str, fromdocname: str | None = None) -> Target | None:
        """What the ``design`` role ``role`` links to."""
        if role == "ref":
            return self.find_any(target, fromdocname)
        return self.find(ROLE_TYPES.get(role, role), target, fromdocname)

    def find_any(self, target: str, fromdocname: str | None = None) -> Target | None:
        """Resolve ``target`` as whichever object type matches first."""
        for objtype in OBJECT_TYPES:
            if found := self.find(objtype, target, fromdocname):
                return found
        return None

    def closest(self, role: str, target: str, fromdocname: str | None = None) -> str | None:
        """The known target most like the unresolved ``target`` of ``role``, written as
        it would be on ``fromdocname``: an item of that doc by its bare id, any other by
        ``DOCID.ITEMID`` (so a bare id of another doc's item is suggested qualified)."""
        objtypes = OBJECT_TYPES if role == "ref" else (ROLE_TYPES.get(role, role),)
        page = self.pages.get(fromdocname) if fromdocname is not None else None
        here = page.id if page is not None else None
        bare = "." not in target
        spellings: dict[str, str] = {}  # what the author may have meant -> how to write it
        for objtype, name in self.targets:
            if objtype not in objtypes:
                continue
            doc_id, dot, item_id = name.partition(".")
            local = bool(dot) and doc_id == here
            key = item_id if dot and bare else name
            if local or key not in spellings:  # this doc's item before another doc's
                spellings[key] = item_id if local and bare else name
        match = close_match(target, spellings)
        return spellings[match] if match is not None else None


def _page_targets(page: Page) -> Iterator[Target]:
    status = page.status
    yield Target("doc", page.id, page.docname, "", page.title or page.id, status)
    items: list[tuple[str, str, str]] = [
        *(("goal", goal.id, goal.title) for goal in page.goals),
        *(("component", comp.id, comp.title) for comp in page.components),
        *(("question", question.id, question.title) for question in page.questions),
        *(("alternative", alt.id, alt.title) for alt in page.alternatives),
        *(("usecase", d.use_case, use_case_label(d.use_case))
          for d in (page.logging.details if page.logging else ())),
    ]  # fmt: skip
    for objtype, item_id, title in items:
        yield Target(objtype, f"{page.id}.{item_id}", page.docname,
                     page.anchors.get((objtype, item_id), ""), title, status)  # fmt: skip


def use_case_label(name: str) -> str:
    """``error-tracking`` -> ``Error Tracking``."""
    return name.replace("-", " ").replace("_", " ").title()
