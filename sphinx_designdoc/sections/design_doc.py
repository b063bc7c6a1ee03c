"""The design doc itself: ``design-doc`` (its metadata and overview, one per page), and
the status banner and backlinks it shows from the whole project.

Backlinks are the inverse relations: the docs that supersede, amend, require or relate
to this one. They and the banner ("superseded by ...") depend on other pages, so they
are built at resolve time (:class:`DocStatusRenderer`), and
:mod:`sphinx_designdoc.outdated` writes the page again when they change. Rules:
:mod:`sphinx_designdoc.rules.design_doc`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast
from urllib.parse import urlparse

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join

from sphinx_designdoc.catalog import PRD_ROLE
from sphinx_designdoc.css import css_class
from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.i18n import _
from sphinx_designdoc.labels import backlink_label, relation_label
from sphinx_designdoc.model import RELATION_KINDS, DocMeta, Relations
from sphinx_designdoc.render.elements import badge, spaced, xref, xref_list
from sphinx_designdoc.render.fields import field_list
from sphinx_designdoc.sections.base import SectionDirective, text_options
from sphinx_designdoc.values import name_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.render.fields import FieldRow

#: Statuses that get a banner at the top of the doc.
BANNER_STATUSES = ("superseded", "rejected", "withdrawn", "draft")


class design_doc_status(nodes.General, nodes.Element):
    """Where a design doc's status banner (``node["part"] == "banner"``) or its backlinks
    (``"backlinks"``) go; replaced at resolve time from the whole project."""


class DesignDocDirective(SectionDirective):
    """Metadata of the design doc on this page; the content is its overview."""

    section = "doc"
    option_spec: ClassVar = text_options(
        "id",
        "status",
        "authors",
        "reviewers",
        "created",
        "updated",
        "prd",
        "tags",
        *RELATION_KINDS,
    )

    def render(self) -> list[nodes.Node]:
        page = self.page()
        body = self.parse_content_to_nodes()
        meta = DocMeta(
            id=self.item_id(self.option("id"), "", "doc") if self.option("id") else page.default_id,
            status=name_key(self.option("status")),
            authors=self.option_list("authors"),
            reviewers=self.option_list("reviewers"),
            created=self.option("created"),
            updated=self.option("updated"),
            prd=self.option("prd"),
            tags=self.option_list("tags"),
            relations=Relations(**{kind: self.option_list(kind) for kind in RELATION_KINDS}),
            overview=" ".join(" ".join(node.astext() for node in body).split()),
            location=self.location,
        )
        late: tuple[list[nodes.Node], list[nodes.Node]] = ([], [])
        if page.meta is None:
            page.meta = meta
            late = ([design_doc_status(part="banner")], [design_doc_status(part="backlinks")])
            self.domain.shown_on(self.env.docname).status = True
        else:
            self.warn(
                "duplicate",
                "a page holds at most one design-doc; this one is not "
                f"collected (the first is at line {page.meta.line})",
                about="second",
            )
        overview = nodes.container("", *body, classes=["designdoc-overview"])
        banner, backlinks = late
        node = self.container(*banner, *self._fields(meta), *backlinks, overview)
        if banner:
            self.add_anchor(node, "doc", meta.id)
        return [node]

    def _fields(self, meta: DocMeta) -> list[nodes.Node]:
        status_class = css_class(f"designdoc-status-{meta.status}")
        status = [badge(meta.status, status_class)] if meta.status else []
        at = meta.location.of
        rows: list[FieldRow] = [
            (_("Status"), status, at("status")),
            (_("Authors"), ", ".join(meta.authors), at("authors")),
            (_("Reviewers"), ", ".join(meta.reviewers), at("reviewers")),
            (_("Created"), meta.created, at("created")),
            (_("Updated"), meta.updated, at("updated")),
            (_("PRD"), self._prd_link(meta.prd), at("prd")),
            (_("Tags"), spaced([badge(tag, "designdoc-tag") for tag in meta.tags]), at("tags")),
        ]
        for kind, targets in meta.relations.items():
            links = xref_list("doc", targets, self.env.docname)
            rows.append((relation_label(kind), links, at(kind)))
        return field_list(rows)

    def _prd_link(self, prd: str) -> list[nodes.Node]:
        """A URL links out; a document path (with or without suffix) links to that page."""
        if not prd:
            return []
        if urlparse(prd).scheme in {"http", "https"}:
            return [nodes.reference(prd, prd, refuri=prd)]
        if "`" in prd:
            return self.inline(prd)[0]
        target = prd
        for suffix in self.config.source_suffix:
            target = target.removesuffix(suffix)
        # Whether the path is a project page, and its title, are known only once every
        # page is read: the domain resolves this late (and the page is written again when
        # the PRD page comes, goes or is retitled). Unresolved, it shows the path.
        link = xref("design", PRD_ROLE, docname_join(self.env.docname, target),
                    self.env.docname, warn=False, text=prd)  # fmt: skip
        for shown in link.findall(nodes.inline):
            shown["classes"].append("designdoc-path")
        return [link]


# -- shown late, from the whole project ---------------------------------------------------


def banner(status: str, successors: tuple[str, ...], docname: str) -> list[nodes.Node]:
    """An admonition for a doc that is not (or no longer) the current design."""
    if status not in BANNER_STATUSES:
        return []
    titles = {"superseded": _("Superseded"), "rejected": _("Rejected"),
              "withdrawn": _("Withdrawn"), "draft": _("Draft")}  # fmt: skip
    texts = {
        "superseded": _("This design doc is superseded and kept as a record."),
        "rejected": _("This design was rejected; it is kept as a record of the decision."),
        "withdrawn": _("This design was withdrawn by its authors."),
        "draft": _("This design doc is a draft and may still change."),
    }
    body = nodes.paragraph("", texts[status])
    if status == "superseded" and successors:
        # one message, so translators can place the links anywhere in the sentence
        before, _sep, after = _("This design doc is superseded by %s.").partition("%s")
        body = nodes.paragraph("", before)
        body += [*xref_list("doc", successors, docname), nodes.Text(after)]
    title = titles[status]
    classes = ["designdoc-banner", f"designdoc-status-{status}"]
    return [nodes.admonition("", nodes.title(title, title), body, classes=classes)]


def backlinks(catalog: Catalog, doc_id: str, docname: str) -> list[nodes.Node]:
    """Fields of the docs that declare a relation to this one, by kind."""
    rows = [(backlink_label(kind), xref_list("doc", ids, docname))
            for kind, ids in catalog.backlinks(doc_id)]  # fmt: skip
    fields = field_list(rows)
    for node in fields:
        cast("nodes.Element", node)["classes"].append("designdoc-backlinks")
    return fields


class DocStatusRenderer(SphinxPostTransform):
    """Fill in the banner and backlinks of the page's design doc."""

    default_priority = 5  # before ReferencesResolver (10) resolves the links we add

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        docname = self.env.docname
        page = domain.pages.get(docname)
        for node in list(self.document.findall(design_doc_status)):
            if page is None:
                node.parent.remove(node)
                continue
            if node["part"] == "banner":
                successors = dict(domain.catalog.backlinks(page.id))["supersedes"]
                rendered = banner(page.status, successors, docname)
            else:
                rendered = backlinks(domain.catalog, page.id, docname)
            if rendered:
                node.replace_self(rendered)
            else:
                node.parent.remove(node)


def setup_design_doc(app: Sphinx) -> None:
    app.add_directive("design-doc", DesignDocDirective)
    app.add_node(design_doc_status)
    app.add_post_transform(DocStatusRenderer)
