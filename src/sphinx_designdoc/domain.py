"""The ``design`` domain: holds the collection, resolves roles, feeds ``objects.inv``.

Its data is plain picklable model objects keyed by docname, so ``clear_doc`` and
``merge_domaindata`` are exact and ``-j N`` reads merge into the same state as a
serial read.  A ``Catalog`` (lookups by id) is derived lazily and dropped on change.
"""

from __future__ import annotations

import linecache
import re
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import clean_astext, make_refnode

from sphinx_designdoc import rules, warnings
from sphinx_designdoc.catalog import PRD_ROLE, ROLE_TYPES, Catalog, Target
from sphinx_designdoc.config import get_settings
from sphinx_designdoc.coverage import normalize_heading
from sphinx_designdoc.css import link_classes
from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Location, Page
from sphinx_designdoc.nodes import design_doc_status, design_index
from sphinx_designdoc.render.domain_indices import AlternativesIndex, DesignDocsIndex, GoalsIndex
from sphinx_designdoc.values import digest_id, meant, slugify

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

    from sphinx_designdoc.query import IndexQuery
    from sphinx_designdoc.settings import Settings


@dataclass(frozen=True)
class Shown:
    """What a page shows from other pages: its design references and index queries."""

    refs: tuple[tuple[str, str], ...] = ()  # (role, target)
    queries: tuple[IndexQuery, ...] = ()
    status: bool = False  # the page's design doc shows its banner and backlinks


class DesignDomain(Domain):
    """Design docs, goals, alternatives and logging use cases, project-wide."""

    name = "design"
    label = _("Design docs")
    object_types: ClassVar[dict[str, ObjType]] = {
        "doc": ObjType(_("design doc"), "doc", "ref"),
        "goal": ObjType(_("goal"), "goal", "ref"),
        "component": ObjType(_("component"), "component", "ref"),
        "question": ObjType(_("open question"), "ref"),
        "alternative": ObjType(_("alternative"), "alt", "ref"),
        "usecase": ObjType(_("log use case"), "usecase", "ref"),
    }
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        name: XRefRole(innernodeclass=nodes.inline, warn_dangling=True)
        for name in (*ROLE_TYPES, "ref")
    }
    indices = [DesignDocsIndex, GoalsIndex, AlternativesIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        "pages": {},  # docname -> Page
        "shown": {},  # docname -> Shown
    }
    data_version = 2  # 2: what pages showed when written moved out (outdated.py)

    _catalog: Catalog | None = None
    _settings: tuple[object, Settings] | None = None

    # -- the collection ----------------------------------------------------------------

    @property
    def pages(self) -> dict[str, Page]:
        return cast("dict[str, Page]", self.data["pages"])

    @property
    def shown(self) -> dict[str, Shown]:
        return cast("dict[str, Shown]", self.data["shown"])

    @property
    def catalog(self) -> Catalog:
        """Lookups over every page; rebuilt after any change to the collection."""
        if self._catalog is None or self._catalog.pages is not self.pages:
            self._catalog = Catalog(self.pages)
        return self._catalog

    @property
    def settings(self) -> Settings:
        """The build's settings, computed once per config (directives ask for them often)."""
        config = self.env.config
        if self._settings is None or self._settings[0] is not config:
            self._settings = (config, get_settings(config))
        return self._settings[1]

    def _changed(self) -> None:
        self._catalog = None

    def page_for(self, docname: str) -> Page:
        """The record of ``docname``, created when its first section is read."""
        self._changed()
        if docname not in self.pages:
            self.pages[docname] = Page(docname, slugify(docname) or digest_id("doc", docname))
        return self.pages[docname]

    def clear_doc(self, docname: str) -> None:
        self._changed()
        self.pages.pop(docname, None)
        self.shown.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._changed()
        for docname in docnames:
            for key in ("pages", "shown"):
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Finish the page record (title, what it shows) and check it."""
        found = _survey(document)
        shown = Shown(tuple(found.refs), tuple(found.queries), found.status)
        if shown.refs or shown.queries or shown.status:
            self.shown[docname] = shown
        page = self.pages.get(docname)
        if page is None:
            return
        page.title = (found.titles[0] if found.titles else None) or page.id
        page.headings = tuple(normalize_heading(t) for t in found.titles if t is not None)
        self._changed()
        settings = self.settings
        warnings.emit(rules.check_page(page, settings))
        if page.meta is None:
            return
        literal = list(_literal_options(page))
        visible = ("\n".join(_shown_lines(text)) for text in found.texts)
        candidates = chain(visible, (text for text, _line in literal))
        if rules.may_hold_placeholders(candidates, settings):  # rare: then find the lines
            texts = chain(_prose(document), literal)
            warnings.emit(rules.find_placeholders(page, texts, settings))

    def check_consistency(self) -> None:
        warnings.emit(rules.check_project(self.catalog))

    # -- cross-references --------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == PRD_ROLE:
            return _page_link(env, builder, fromdocname, target)
        found = self.catalog.resolve(typ, target, fromdocname)
        if found is None:
            return None
        return _link(builder, fromdocname, found, node, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self.catalog.find_any(target, fromdocname)
        if found is None:
            return []
        role = self.role_for_objtype(found.objtype) or "ref"
        return [(f"design:{role}", _link(builder, fromdocname, found, node, contnode))]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for target in self.catalog.targets.values():
            yield target.name, target.title, target.objtype, target.docname, target.anchor, 1


def _link(
    builder: Builder, fromdocname: str, found: Target, node: pending_xref, contnode: nodes.Element
) -> nodes.reference:
    """A link showing the target's title (unless the author gave one) and status on hover."""
    if not node.get("refexplicit"):
        contnode = nodes.inline(found.title, found.title, classes=contnode["classes"])
    ref = make_refnode(builder, fromdocname, found.docname, found.anchor, contnode, found.hover)
    ref["classes"] += link_classes(found)
    return ref


def page_title(env: BuildEnvironment, docname: str) -> str | None:
    """The title of the project page ``docname``; ``None`` when there is no such page."""
    if docname not in env.all_docs:
        return None
    title = env.titles.get(docname)
    return clean_astext(title) if title is not None else docname


def _page_link(
    env: BuildEnvironment, builder: Builder, fromdocname: str, docname: str
) -> nodes.reference | None:
    """A link to a project page showing its title, like ``:doc:``; ``None`` if there is none."""
    title = page_title(env, docname)
    if title is None:
        return None
    return make_refnode(
        builder, fromdocname, docname, "", nodes.inline(title, title, classes=["doc"])
    )


#: Code, and the reports of docutils and MyST (which quote the source they refused).
_NOT_PROSE = (
    nodes.literal_block,
    nodes.literal,
    nodes.raw,
    nodes.comment,
    nodes.doctest_block,
    nodes.system_message,
)


def _prose(document: nodes.document) -> Iterator[tuple[str, Location]]:
    """Each line of the page's text outside code, with its file and line number.

    A text node has no line of its own: count from its nearest located ancestor (a
    paragraph, a title, a directive's container), adding the newlines of the text
    before it, so a placeholder on a paragraph's third line is reported there.  The
    file is that ancestor's, an included one for text that came through ``include``.
    """
    newlines_seen: dict[int, int] = {}
    for text in document.findall(nodes.Text):
        ancestors = list(_ancestors(text))
        if any(isinstance(parent, _NOT_PROSE) for parent in ancestors):
            continue
        anchor = next((node for node in ancestors if node.line), None)  # 0 means unknown
        first = _first_line(anchor) if anchor is not None else None
        source = (anchor.source if anchor is not None else None) or ""
        seen = newlines_seen.get(id(anchor), 0)
        for offset, line_text in enumerate(_shown_lines(text)):
            yield line_text, Location(source, (first + seen + offset) if first else None)
        newlines_seen[id(anchor)] = seen + str(text).count("\n")


def _shown_lines(text: nodes.Text) -> list[str]:
    """The text's lines as the reader sees them: reST escapes (``\\ ``) removed."""
    return [nodes.unescape(line) for line in str(text).split("\n")]


def _literal_options(page: Page) -> Iterator[tuple[str, Location]]:
    """Option values shown as code (events, fields, PII): ``_prose`` skips code."""
    if page.logging is None:
        return
    yield from ((name, page.logging.location.of("pii")) for name in page.logging.pii)
    for detail in page.logging.details:
        for option, names in (("events", detail.events), ("fields", detail.fields)):
            yield from ((name, detail.location.of(option)) for name in names)


_UNDERLINE = re.compile(r"^([!-/:-@\[-`{-~])\1+\s*$")


def _first_line(node: nodes.Node) -> int | None:
    """The node's first source line; docutils gives an underlined reST title its underline."""
    line = node.line
    underlined = (
        line
        and isinstance(node, nodes.title)
        and node.source
        and _UNDERLINE.match(linecache.getline(node.source, line))
    )
    return line - 1 if line and underlined else line


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


@dataclass
class _Survey:
    """What ``process_doc`` needs of a page, found in one walk of it."""

    refs: list[tuple[str, str]] = field(default_factory=list)  # design references
    queries: list[IndexQuery] = field(default_factory=list)
    status: bool = False
    titles: list[str | None] = field(default_factory=list)  # each section's, None if untitled
    texts: list[nodes.Text] = field(default_factory=list)


def _survey(document: nodes.document) -> _Survey:
    found = _Survey()
    for node in document.findall():
        if isinstance(node, nodes.Text):
            found.texts.append(node)
        elif isinstance(node, addnodes.pending_xref):
            if node.get("refdomain") == "design":
                found.refs.append((node["reftype"], node["reftarget"]))
        elif isinstance(node, nodes.section):
            titled = node.children and isinstance(node[0], nodes.title)
            found.titles.append(node[0].astext() if titled else None)
        elif isinstance(node, design_index):
            found.queries.append(node["query"])
        elif isinstance(node, design_doc_status):
            found.status = True
    return found


def unresolved_design_ref(app: object, domain: Domain | None, node: pending_xref) -> bool | None:
    """Replace Sphinx's generic "reference target not found" with a designdoc.ref warning."""
    if domain is None or domain.name != "design":
        return None
    if not node.get("refwarn"):  # relation fields: check_project already warned
        return True
    typ, target = node["reftype"], node["reftarget"]
    hint = meant(cast("DesignDomain", domain).catalog.closest(typ, target, node.get("refdoc")))
    warnings.logger.warning(
        f"design:{typ} reference target not found: {target}{hint}",
        type="designdoc",
        subtype="ref",
        location=node,
    )
    return True
