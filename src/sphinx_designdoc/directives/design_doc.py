"""``design-doc``: the doc's metadata and overview; one per page."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urlparse

from docutils import nodes
from sphinx.util import docname_join

from sphinx_designdoc.catalog import PRD_ROLE
from sphinx_designdoc.css import css_class
from sphinx_designdoc.directives.base import (
    SectionDirective,
    badge,
    field_list,
    text_options,
    xref,
    xref_list,
)
from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import RELATION_KINDS, DocMeta, Relations
from sphinx_designdoc.nodes import design_doc_status
from sphinx_designdoc.values import name_key

if TYPE_CHECKING:
    from sphinx_designdoc.directives.base import FieldRow


def relation_label(kind: str) -> str:
    labels = {
        "supersedes": _("Supersedes"),
        "amends": _("Amends"),
        "requires": _("Requires"),
        "related": _("Related"),
    }
    return labels[kind]


def _spaced(items: list[nodes.inline]) -> list[nodes.Node]:
    """Badges separated by spaces, so text and LaTeX output keep words apart."""
    out: list[nodes.Node] = []
    for item in items:
        out += [nodes.Text(" "), item] if out else [item]
    return out


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
        else:
            self.warn(
                "duplicate",
                "a page holds at most one design-doc; this one is not "
                f"collected (the first is at line {page.meta.line})",
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
            (_("Tags"), _spaced([badge(tag, "designdoc-tag") for tag in meta.tags]), at("tags")),
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
