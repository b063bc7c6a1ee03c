"""The ``design`` domain: holds the collection, resolves roles, feeds ``objects.inv``.

Its data is plain picklable model objects keyed by docname, so ``clear_doc`` and
``merge_domaindata`` are exact and ``-j N`` reads merge into the same state as a
serial read.  A ``Catalog`` (lookups by id) is derived lazily and dropped on change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.errors import NoUri
from sphinx.roles import XRefRole
from sphinx.util.logging import is_suppressed_warning
from sphinx.util.nodes import clean_astext, make_refnode

from sphinx_designdoc import report, rules
from sphinx_designdoc.catalog import PRD_ROLE, ROLE_TYPES, Catalog, Target
from sphinx_designdoc.config import get_settings
from sphinx_designdoc.coverage import normalize_heading
from sphinx_designdoc.css import link_classes
from sphinx_designdoc.findings import doc_of_key, keyed
from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.page_walk import (
    DesignRef,
    literal_options,
    prose_lines,
    shown_lines,
    walk_page,
)
from sphinx_designdoc.query import run_query
from sphinx_designdoc.values import digest_id, meant, slugify

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

    from sphinx_designdoc.graph import GraphQuery
    from sphinx_designdoc.query import IndexQuery, Table
    from sphinx_designdoc.settings import Settings


@dataclass
class CrossPageContent:
    """What a page shows from other pages, so that it is written again when that changes:
    its ``design`` references, its index tables' and graphs' queries, and whether its
    design doc shows the banner and backlinks. The directives note queries and the banner as the
    page is read; the references are found when it has been read."""

    refs: list[DesignRef] = field(default_factory=list)
    queries: list[IndexQuery] = field(default_factory=list)
    status: bool = False
    graphs: list[GraphQuery] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.refs or self.queries or self.status or self.graphs)


def get_domain(env: BuildEnvironment) -> DesignDomain:
    """The ``design`` domain of the build."""
    return cast("DesignDomain", env.domains["design"])


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
    # its index pages: :mod:`sphinx_designdoc.indexes.domain_indices` adds them
    initial_data: ClassVar[dict[str, Any]] = {
        "pages": {},  # docname -> Page
        "shown": {},  # docname -> CrossPageContent
        "findings": {},  # docname -> the keyed findings of reading it
        "baseline": frozenset(),  # the keys of the baseline the pages were warned with
    }
    data_version = 5  # 5: what a page shows includes its graphs

    #: This build's findings about the configuration, and the pages to read again
    #: because the baseline changed (:mod:`sphinx_designdoc.review` sets both as the
    #: build starts).
    config_findings: tuple[Finding, ...] = ()
    rereading: tuple[str, ...] = ()
    #: How this build shows graphs ("drawn", "listed"), so that a graph page is written
    #: again when that changes (:mod:`sphinx_designdoc.indexes.design_graph` sets it).
    graph_output: str = ""

    _catalog: Catalog | None = None
    _settings: tuple[object, Settings] | None = None
    _project_findings: tuple[Catalog, list[Finding]] | None = None
    _finding_counts: tuple[Catalog, dict[str, int]] | None = None

    # -- the collection ----------------------------------------------------------------

    @property
    def pages(self) -> dict[str, Page]:
        return cast("dict[str, Page]", self.data["pages"])

    @property
    def shown(self) -> dict[str, CrossPageContent]:
        return cast("dict[str, CrossPageContent]", self.data["shown"])

    def shown_on(self, docname: str) -> CrossPageContent:
        """What ``docname`` shows from other pages, noted as it is read."""
        return self.shown.setdefault(docname, CrossPageContent())

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
        self.page_findings.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._changed()
        for docname in docnames:
            for key in ("pages", "shown", "findings"):
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    # -- findings ----------------------------------------------------------------------

    @property
    def page_findings(self) -> dict[str, list[Finding]]:
        """Docname -> what reading it found: the directives' findings and its rules'."""
        return cast("dict[str, list[Finding]]", self.data["findings"])

    def note(self, finding: Finding) -> None:
        """A directive's finding, warned with the page's others once the page is read
        (when its doc id, part of the key, is known)."""
        self.page_findings.setdefault(finding.docname, []).append(finding)

    def doc_of(self, docname: str) -> str:
        """The doc part of a finding's key: the design doc's id, else the docname."""
        page = self.pages.get(docname)
        return page.id if page is not None and page.meta is not None else docname

    @property
    def baseline(self) -> frozenset[str]:
        """The keys of this build's baseline."""
        return cast("frozenset[str]", self.data["baseline"])

    def use_baseline(self, keys: frozenset[str]) -> list[str]:
        """Make ``keys`` the baseline; the pages to read again because an entry came or
        went since the last build (their warnings were shown or hidden by the old one)."""
        changed = self.baseline ^ keys
        self.data["baseline"] = keys
        docs = {doc for key in changed if (doc := doc_of_key(key))}
        known = self.pages.keys() | self.page_findings.keys() | self.shown.keys()
        return sorted(
            docname
            for docname in known
            if docname in docs or (docname in self.pages and self.pages[docname].id in docs)
        )

    def suppressed(self, subtype: str) -> bool:
        """Whether ``suppress_warnings`` silences ``designdoc.SUBTYPE``."""
        return is_suppressed_warning("designdoc", subtype, self.env.config.suppress_warnings)

    def warn(self, findings: Iterable[Finding]) -> None:
        """Warn each finding whose key the baseline does not hold."""
        report.emit(finding for finding in findings if finding.key not in self.baseline)

    def project_findings(self) -> list[Finding]:
        """What needs every page: ids, relations, dependencies, successors and the
        targets of ``design`` references; kept until the collection changes."""
        catalog = self.catalog
        if self._project_findings is None or self._project_findings[0] is not catalog:
            found = [*rules.check_project(catalog), *self._ref_findings()]
            self._project_findings = (catalog, keyed(found, self.doc_of))
        return self._project_findings[1]

    def all_findings(self) -> list[Finding]:
        """Every finding of the build: configuration, pages, project."""
        pages = (self.page_findings[docname] for docname in sorted(self.page_findings))
        return [*self.config_findings, *chain.from_iterable(pages), *self.project_findings()]

    def index_table(self, query: IndexQuery) -> Table:
        """The table a ``design-index`` shows now: what the page is written with and what
        the outdated check compares."""
        counts = self.finding_counts() if query.kind == "review" else None
        return run_query(self.catalog, query, self.settings, counts)

    def finding_counts(self) -> dict[str, int]:
        """Doc id -> how many findings its page has, but those ``suppress_warnings``
        silences (a ``review`` index shows them); kept until the collection changes."""
        catalog = self.catalog
        if self._finding_counts is None or self._finding_counts[0] is not catalog:
            counts: Counter[str] = Counter(
                self.doc_of(finding.docname)
                for finding in self.all_findings()
                if finding.docname and not self.suppressed(finding.subtype)
            )
            self._finding_counts = (catalog, dict(counts))
        return self._finding_counts[1]

    def _ref_findings(self) -> Iterator[Finding]:
        """A ``designdoc.ref`` finding per reference that nothing resolves: found here,
        not as pages are written, so that they are the same whichever pages a build
        writes. Other extensions (intersphinx) get their say as when Sphinx resolves."""
        for docname in sorted(self.shown):
            for ref in self.shown[docname].refs:
                if ref.warn and not self._resolves(ref, docname):
                    closest = self.catalog.closest(ref.role, ref.target, docname)
                    message = f"design:{ref.role} reference target not found: {ref.target}"
                    yield Finding.at("ref", message + meant(closest), docname, ref.location,
                                     about=f"{ref.role}:{ref.target}")  # fmt: skip

    def _resolves(self, ref: DesignRef, docname: str) -> bool:
        if ref.role == PRD_ROLE:
            return page_title(self.env, ref.target) is not None
        if self.catalog.resolve(ref.role, ref.target, docname) is not None:
            return True
        node = addnodes.pending_xref(
            "", refdomain=self.name, reftype=ref.role, reftarget=ref.target, refdoc=docname,
            refexplicit=False, refwarn=True,
        )  # fmt: skip
        try:
            found = self.env.events.emit_firstresult(
                "missing-reference", self.env, node, nodes.inline(ref.target, ref.target),
                allowed_exceptions=(NoUri,),
            )  # fmt: skip
        except NoUri:  # resolved, though not to a link in this output
            return True
        return found is not None

    # -- reading -----------------------------------------------------------------------

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Finish the page record (title, what it shows), check it, and warn what reading
        it found."""
        found = walk_page(document)
        self.shown_on(docname).refs = found.refs
        if not self.shown[docname]:
            del self.shown[docname]
        findings = self.page_findings.pop(docname, [])
        page = self.pages.get(docname)
        if page is not None:
            page.title = (found.titles[0] if found.titles else None) or page.id
            page.headings = tuple(normalize_heading(t) for t in found.titles if t is not None)
            self._changed()
            findings += self._check_page(page, document, found.texts)
        if findings:
            self.page_findings[docname] = keyed(findings, self.doc_of)
            self.warn(self.page_findings[docname])

    def _check_page(
        self, page: Page, document: nodes.document, texts: list[nodes.Text]
    ) -> list[Finding]:
        settings = self.settings
        findings = rules.check_page(page, settings)
        if page.meta is None:
            return findings
        literal = list(literal_options(page))
        visible = ("\n".join(shown_lines(text)) for text in texts)
        candidates = chain(visible, (text for text, _line in literal))
        if rules.may_hold_placeholders(candidates, settings):  # rare: then find the lines
            lines = chain(prose_lines(document), literal)
            findings += rules.find_placeholders(page, lines, settings)
        return findings

    def check_consistency(self) -> None:
        self.warn(self.project_findings())

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


def unresolved_design_ref(app: object, domain: Domain | None, node: pending_xref) -> bool | None:
    """Silence Sphinx's generic "reference target not found" for ``design`` references:
    the domain found them when the project was checked
    (:meth:`DesignDomain.project_findings`)."""
    if domain is None or domain.name != "design":
        return None
    return True


def setup_domain(app: Sphinx) -> None:
    app.add_domain(DesignDomain)
    app.connect("warn-missing-reference", unresolved_design_ref)
