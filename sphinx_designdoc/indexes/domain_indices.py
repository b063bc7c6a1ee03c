"""The ``design`` domain's index pages: docs by status, goals by kind, rejected ideas.

Sphinx writes each index as ``design-<name>.html`` (``:ref:`design-goals``` links to
it), styled by the theme like ``py-modindex``, and regenerates it on every build, so it
never goes stale.  The entries are built by pure functions from a :class:`Catalog` and
the :class:`Settings`; the :class:`~sphinx.domains.Index` subclasses only fetch those.

Group headings are :class:`GroupHeading` strings: Sphinx's and furo's
``domainindex.html`` print a heading unescaped (``{{ letter }}``), since Sphinx's own
indices group by one letter, while ours group by titles authors type.
"""

from __future__ import annotations

import html
from abc import abstractmethod
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from sphinx.domains import Index, IndexEntry

from sphinx_designdoc.css import css_class
from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.i18n import _

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

    from sphinx.application import Sphinx

    from sphinx_designdoc.catalog import Catalog, Target
    from sphinx_designdoc.domain import DesignDomain
    from sphinx_designdoc.model import Page
    from sphinx_designdoc.settings import Settings

#: What ``Index.generate`` returns first: ``(group heading, entries)`` in page order.
Content = list[tuple[str, list[IndexEntry]]]


class GroupHeading(str):
    """A group heading that is HTML-escaped wherever a template prints it.

    The text itself is the plain heading, so comparisons and the LaTeX writer (which
    escapes it for TeX) see the real title; only ``str()`` (what Jinja calls for
    ``{{ letter }}`` without autoescape) and ``__html__`` (what ``|e`` and autoescape
    use) give the HTML-escaped form.
    """

    __slots__ = ()

    def __str__(self) -> str:
        return html.escape(str.__str__(self))

    def __html__(self) -> str:
        return str(self)


def docs_by_status(
    catalog: Catalog, settings: Settings, docnames: Collection[str] | None = None
) -> Content:
    """Every design doc under its status: configured statuses first, then others, then none.

    An entry shows the doc title and its id, and the authors (else the tags).  Pages
    with sections but no ``design-doc`` are no design docs and are left out.
    """
    keyed: list[tuple[str, IndexEntry]] = []
    for page in catalog.ordered_pages():
        doc = _doc_target(catalog, page)
        meta = page.meta
        if meta is None or (docnames is not None and doc.docname not in docnames):
            continue
        if meta.authors:
            qualifier, descr = _("Authors"), ", ".join(meta.authors)
        elif page.tags:
            qualifier, descr = _("Tags"), ", ".join(page.tags)
        else:
            qualifier, descr = "", ""
        # the design-doc block's anchor: LaTeX skips index entries without one
        anchor = page.anchors.get(("doc", page.id), "")
        keyed.append((page.status, _entry(doc, doc.name, qualifier, descr, anchor)))
    return _grouped(keyed, settings.statuses, _("no status"))


def goals_by_kind(
    catalog: Catalog, settings: Settings, docnames: Collection[str] | None = None
) -> Content:
    """Every goal under its kind, in the configured order, with its doc and target."""
    keyed: list[tuple[str, IndexEntry]] = []
    for page in catalog.ordered_pages():
        doc_title = _doc_target(catalog, page).title
        targets = _item_targets(catalog, page, "goal", [goal.id for goal in page.goals])
        for goal, target in zip(page.goals, targets, strict=True):
            if target is not None and (docnames is None or target.docname in docnames):
                keyed.append((goal.kind, _entry(target, doc_title, "", goal.target)))
    return _grouped(keyed, settings.goal_kinds, _("no kind"))


def alternatives_by_doc(catalog: Catalog, docnames: Collection[str] | None = None) -> Content:
    """The rejected-ideas ledger: every alternative under its doc's title, with why not."""
    keyed: list[tuple[str, IndexEntry]] = []
    for page in catalog.ordered_pages():
        doc_title = _doc_target(catalog, page).title
        alts = page.alternatives
        targets = _item_targets(catalog, page, "alternative", [alt.id for alt in alts])
        for alt, target in zip(alts, targets, strict=True):
            if target is not None and (docnames is None or target.docname in docnames):
                keyed.append((doc_title, _entry(target, "", "", alt.why_not)))
    return _grouped(keyed)


def _doc_target(catalog: Catalog, page: Page) -> Target:
    return catalog.targets["doc", page.id]


def _item_targets(
    catalog: Catalog, page: Page, objtype: str, item_ids: Sequence[str]
) -> list[Target | None]:
    """The link target of each item; ``None`` for a repeated id, which links elsewhere.

    Only the first item with an id gets its anchor (and the catalog entry), so a
    duplicate (already a ``designdoc.duplicate`` warning) is left out, as it is from
    ``objects.inv``.
    """
    seen: set[str] = set()
    found: list[Target | None] = []
    for item_id in item_ids:
        target = None if item_id in seen else catalog.targets.get((objtype, f"{page.id}.{item_id}"))
        seen.add(item_id)
        found.append(target)
    return found


def _entry(target: Target, extra: str, qualifier: str, descr: str, anchor: str = "") -> IndexEntry:
    anchor = anchor or target.anchor
    return IndexEntry(target.title, 0, target.docname, anchor, extra, qualifier, descr)


def _grouped(
    keyed: Iterable[tuple[str, IndexEntry]], order: Sequence[str] = (), missing: str = ""
) -> Content:
    """Entries grouped by key: keys in ``order`` first, then the others sorted, then "".

    The ``""`` key (no status, no kind) is headed ``missing``.  Entries within a group
    are sorted by name, case-insensitively, then by where they link.
    """
    groups: dict[str, list[IndexEntry]] = {}
    for key, entry in keyed:
        groups.setdefault(key, []).append(entry)
    known = [key for key in dict.fromkeys(order) if key in groups]
    others = sorted((key for key in groups if key and key not in order), key=_text_order)
    keys = [*known, *others, *([""] if "" in groups else [])]
    return [
        (
            GroupHeading(key or missing),
            sorted(groups[key], key=lambda e: (*_text_order(e.name), e.docname, e.anchor)),
        )
        for key in keys
    ]


def _text_order(text: str) -> tuple[str, str]:
    return text.casefold(), text


class _Translated:
    """A class attribute that reads as the current translation of a lazy message.

    Sphinx reads an index's ``localname`` and ``shortname`` from its class, which is
    defined before the extension's catalog is loaded, so ``_()`` gives a lazy proxy
    there. Proxies are not text to Sphinx's ``json`` builder, which stops on them when
    it writes the page context; this gives a ``str`` each time it is read.
    """

    def __init__(self, message: str) -> None:
        self.message = message

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return str(self.message)


class _DesignIndex(Index):
    """An index page over the whole collection, or, given ``docnames``, those docs only."""

    domain: DesignDomain

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[Content, bool]:
        only = frozenset(docnames) if docnames is not None else None
        settings = self.domain.settings
        return self.content(self.domain.catalog, settings, only), False

    @abstractmethod
    def content(
        self, catalog: Catalog, settings: Settings, docnames: Collection[str] | None
    ) -> Content:
        """The groups and entries of this index."""


class DesignDocsIndex(_DesignIndex):
    """``design-docs``: design docs by status."""

    name = "docs"
    localname = _Translated(_("Design docs by status"))
    shortname = _Translated(_("design docs"))

    def content(
        self, catalog: Catalog, settings: Settings, docnames: Collection[str] | None
    ) -> Content:
        return docs_by_status(catalog, settings, docnames)


class GoalsIndex(_DesignIndex):
    """``design-goals``: goals by kind."""

    name = "goals"
    localname = _Translated(_("Goals by kind"))
    shortname = _Translated(_("goals"))

    def content(
        self, catalog: Catalog, settings: Settings, docnames: Collection[str] | None
    ) -> Content:
        return goals_by_kind(catalog, settings, docnames)


class AlternativesIndex(_DesignIndex):
    """``design-alternatives``: the alternatives considered, by doc."""

    name = "alternatives"
    localname = _Translated(_("Alternatives considered"))
    shortname = _Translated(_("alternatives"))

    def content(
        self, catalog: Catalog, settings: Settings, docnames: Collection[str] | None
    ) -> Content:
        return alternatives_by_doc(catalog, docnames)


def with_statuses(content: Content, catalog: Catalog) -> Content:
    """The entries of an index page for HTML: each name followed by its doc's status
    badge and classed by that status, so superseded and rejected docs (and their items)
    are struck through as links to them are. Names and statuses are escaped here; the
    template prints a :class:`~markupsafe.Markup` name as it is."""
    shown: Content = []
    for heading, entries in content:
        marked = []
        for entry in entries:
            page = catalog.pages.get(entry.docname)
            status = page.status if page is not None else ""
            if status:
                cls = css_class(f"designdoc-status-{status}")
                name = Markup(
                    '<span class="designdoc-index-entry {0}">{1}</span> '
                    '<span class="designdoc-badge {0}">{2}</span>'
                ).format(cls, entry.name, status)
                entry = entry._replace(name=name)  # noqa: PLW2901
            marked.append(entry)
        shown.append((heading, marked))
    return shown


INDEX_PAGES = frozenset(f"design-{index}" for index in ("docs", "goals", "alternatives"))


def mark_statuses(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: the domain's index pages show statuses (HTML only; LaTeX
    writes the plain entries)."""
    if pagename in INDEX_PAGES and templatename == "domainindex.html":
        context["content"] = with_statuses(context["content"], get_domain(app.env).catalog)


def setup_domain_indices(app: Sphinx) -> None:
    for index in (DesignDocsIndex, GoalsIndex, AlternativesIndex):
        app.add_index_to_domain("design", index)
    app.connect("html-page-context", mark_statuses)
