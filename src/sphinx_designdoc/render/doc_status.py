"""A design doc's status banner and backlinks, rendered late from the whole project.

Backlinks are the inverse relations: the docs that supersede, amend, require or relate
to this one.  They and the banner ("superseded by ...") depend on other pages, so they
are built at resolve time; :mod:`sphinx_designdoc.outdated` re-writes the page when
they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_designdoc.directives.base import field_list, xref_list
from sphinx_designdoc.i18n import _
from sphinx_designdoc.nodes import design_doc_status

if TYPE_CHECKING:
    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.domain import DesignDomain

#: Statuses that get a banner at the top of the doc.
BANNER_STATUSES = ("superseded", "rejected", "withdrawn", "draft")


def backlink_label(kind: str) -> str:
    labels = {"supersedes": _("Superseded by"), "amends": _("Amended by"),
              "requires": _("Required by"), "related": _("Referenced from")}  # fmt: skip
    return labels[kind]


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
        domain = cast("DesignDomain", self.env.domains["design"])
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
