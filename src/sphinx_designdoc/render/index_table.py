"""Render ``design-index`` placeholders as tables, late, from the whole collection.

Runs as a post-transform before reference resolution, so the links in the table are
ordinary ``design`` references, resolved for whichever builder is writing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_designdoc.catalog import TYPE_ROLES, use_case_label
from sphinx_designdoc.config import get_settings
from sphinx_designdoc.directives.base import badge
from sphinx_designdoc.directives.logging_strategy import use_case_title
from sphinx_designdoc.i18n import _
from sphinx_designdoc.nodes import design_index
from sphinx_designdoc.query import Cell, Table, run_query

if TYPE_CHECKING:
    from sphinx_designdoc.domain import DesignDomain


def column_label(column: str) -> str:
    """The translated header of a column key; use-case columns show the use case."""
    labels = {
        "doc": _("Design doc"),
        "id": _("Id"),
        "status": _("Status"),
        "authors": _("Authors"),
        "reviewers": _("Reviewers"),
        "created": _("Created"),
        "updated": _("Updated"),
        "tags": _("Tags"),
        "goal": _("Goal"),
        "kind": _("Kind"),
        "target": _("Target"),
        "non-goal": _("Non-goal"),
        "alternative": _("Alternative"),
        "why-not": _("Why not chosen"),
        "pii": _("PII fields"),
    }
    return labels.get(column) or use_case_title(column) or use_case_label(column)


class DesignIndexRenderer(SphinxPostTransform):
    """Replace each placeholder with its table (or a short note when nothing matches)."""

    default_priority = 5  # before ReferencesResolver (10) resolves the links we add

    def run(self, **kwargs: Any) -> None:
        domain = cast("DesignDomain", self.env.domains["design"])
        settings = get_settings(self.config)
        docname = self.env.docname
        for node in list(self.document.findall(design_index)):
            query = node["query"]
            table = run_query(domain.catalog, query, settings)
            rendered = render_table(table, docname, query.kind) if table.rows else empty_note()
            rendered["classes"] += node["classes"]
            node.replace_self(rendered)


def empty_note() -> nodes.paragraph:
    text = _("No matching design items.")
    return nodes.paragraph(text, text, classes=["designdoc-empty"])


def render_table(table: Table, docname: str, kind: str) -> nodes.table:
    """A docutils table: a header row of labels, then one row per entry."""
    labels = [column_label(column) for column in table.columns]
    group = nodes.tgroup(cols=len(table.columns))
    group += [nodes.colspec(colwidth=width) for width in column_widths(labels, table)]
    header = nodes.row()
    header += [
        _entry(nodes.Text(label), column)
        for label, column in zip(labels, table.columns, strict=True)
    ]
    group += nodes.thead("", header)
    body = nodes.tbody()
    for cells in table.rows:
        body += nodes.row(
            "",
            *(
                _entry(_cell(cell, docname), column, cell)
                for cell, column in zip(cells, table.columns, strict=True)
            ),
        )
    group += body
    return nodes.table("", group, classes=["designdoc-index", f"designdoc-index-{kind}"])


def column_widths(labels: list[str], table: Table) -> list[int]:
    """Relative widths from the longest word or cell, bounded so no column starves."""
    widths = []
    for index, label in enumerate(labels):
        texts = [label, *(row[index].text for row in table.rows)]
        widths.append(min(max(len(text) for text in texts), 40) + 2)
    return widths


def _entry(content: nodes.Node, column: str, cell: Cell | None = None) -> nodes.entry:
    """A cell classed by its column (``designdoc-col-status``) and, for use cases, by state."""
    classes = [f"designdoc-col-{column}"]
    if cell and cell.css in {"selected", "unselected"}:
        classes.append(f"designdoc-{cell.css}")
    return nodes.entry("", nodes.paragraph("", "", content), classes=classes)


def _cell(cell: Cell, docname: str) -> nodes.Node:
    if cell.link is None:
        if cell.text and cell.css.startswith(("status-", "kind-")):
            return badge(cell.text, f"designdoc-{cell.css}")
        return nodes.Text(cell.text)
    objtype, name = cell.link
    return addnodes.pending_xref(
        "",
        nodes.inline(cell.text, cell.text),
        refdomain="design",
        reftype=TYPE_ROLES[objtype],
        reftarget=name,
        refdoc=docname,
        refexplicit=True,
        refwarn=False,
    )
