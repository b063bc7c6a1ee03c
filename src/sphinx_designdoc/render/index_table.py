"""Render ``design-index`` placeholders as tables, late, from the whole collection.

Runs as a post-transform before reference resolution, so the links in the table are
ordinary ``design`` references, resolved for whichever builder is writing; the HTML
builders get the body rows as one node instead (:class:`HTMLIndexRenderer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_designdoc.catalog import TYPE_ROLES
from sphinx_designdoc.css import css_class
from sphinx_designdoc.directives.base import badge
from sphinx_designdoc.directives.logging_strategy import use_case_title
from sphinx_designdoc.i18n import _
from sphinx_designdoc.nodes import design_index, design_index_rows
from sphinx_designdoc.query import Cell, Table, run_query
from sphinx_designdoc.settings import SECTION_HEADINGS

if TYPE_CHECKING:
    from sphinx_designdoc.catalog import Catalog, Target
    from sphinx_designdoc.domain import DesignDomain


def column_label(column: str) -> str:
    """The translated header of a column key; use-case and section columns show their name."""
    labels = {
        "doc": _("Design doc"), "id": _("Id"), "status": _("Status"),
        "authors": _("Authors"), "reviewers": _("Reviewers"), "created": _("Created"),
        "updated": _("Updated"), "tags": _("Tags"), "goal": _("Goal"), "kind": _("Kind"),
        "target": _("Target"), "non-goal": _("Non-goal"), "component": _("Component"),
        "purpose": _("Purpose"), "interface": _("Interface"), "depends-on": _("Depends on"),
        "alternative": _("Alternative"), "why-not": _("Why not chosen"),
        "pii": _("PII fields"), "field": _("Field"), "retention": _("Retention"),
        "use-cases": _("Use cases"), "privacy": _("Privacy"), "question": _("Question"),
        "owner": _("Owner"), "state": _("State"), "resolution": _("Resolution"),
    }  # fmt: skip
    if column in labels:
        return labels[column]
    if column in SECTION_HEADINGS:
        return section_title(column)
    return use_case_title(column)


def section_title(key: str) -> str:
    """The translated title of a template section."""
    titles = {
        "overview": _("Overview"), "background": _("Background"), "goals": _("Goals"),
        "non-goals": _("Non-Goals"), "design": _("Design"), "data-model": _("Data Model"),
        "api-design": _("API Design"), "error-handling": _("Error Handling"),
        "logging-strategy": _("Logging Strategy"),
        "security": _("Security Considerations"), "testing": _("Testing Strategy"),
        "migration-plan": _("Migration Plan"), "alternatives": _("Alternatives Considered"),
    }  # fmt: skip
    return titles.get(key, SECTION_HEADINGS.get(key, key))


class _IndexRenderer(SphinxPostTransform):
    """Replace each placeholder with its table (or a short note when nothing matches)."""

    def run(self, **kwargs: Any) -> None:
        domain = cast("DesignDomain", self.env.domains["design"])
        for node in list(self.document.findall(design_index)):
            query = node["query"]
            table = run_query(domain.catalog, query, domain.settings)
            rendered: nodes.Element = empty_note()
            if table.rows:
                rendered = self.render(table, domain.catalog, query.kind)
            rendered["classes"] += node["classes"]
            node.replace_self(rendered)

    def render(self, table: Table, catalog: Catalog, kind: str) -> nodes.table:
        raise NotImplementedError


class DesignIndexRenderer(_IndexRenderer):
    """Any builder: a docutils table whose links are ``design`` references, resolved next."""

    default_priority = 5  # before ReferencesResolver (10) resolves the links we add

    def is_supported(self) -> bool:
        """Not where :class:`HTMLIndexRenderer` already replaced every placeholder: a walk
        of every page that finds nothing."""
        return not HTMLIndexRenderer(self.document).is_supported()

    def render(self, table: Table, catalog: Catalog, kind: str) -> nodes.table:
        return render_table(table, self.env.docname, kind)


class HTMLIndexRenderer(_IndexRenderer):
    """The HTML builders: a docutils table whose body rows are one node, written in one go.

    An index table can have thousands of rows. As docutils nodes (about 15 a row) every
    later transform, the HTML writer and the search indexer walk each of them, which made
    the index page cost as much as dozens of design docs. The header is still docutils
    nodes, so the writer keeps its own table markup and settings; see
    :mod:`sphinx_designdoc.render.index_html` for the rows. Builders that rewrite links in
    the doctree afterwards (``singlehtml``, ``epub``) get :class:`DesignIndexRenderer`.
    """

    default_priority = 4  # before DesignIndexRenderer
    builders = ("html", "dirhtml")

    def render(self, table: Table, catalog: Catalog, kind: str) -> nodes.table:
        docname = self.env.docname
        rows = tuple(
            tuple((cell, _resolve(catalog, cell, docname)) for cell in cells)
            for cells in table.rows
        )
        shell, body = _table_shell(table, kind)
        words = " ".join(cell.text for cells in table.rows for cell in cells if cell.text)
        body += design_index_rows(
            "", nodes.Text(words), columns=table.columns, rows=rows, docname=docname
        )
        return shell


def _resolve(catalog: Catalog, cell: Cell, docname: str) -> Target | None:
    """What the cell links to, found as the ``design`` domain resolves its references."""
    if cell.link is None:
        return None
    objtype, name = cell.link
    return catalog.resolve(TYPE_ROLES[objtype], name, docname)


def empty_note() -> nodes.paragraph:
    text = _("No matching design items.")
    return nodes.paragraph(text, text, classes=["designdoc-empty"])


def render_table(table: Table, docname: str, kind: str) -> nodes.table:
    """A docutils table: a header row of labels, then one row per entry."""
    shell, body = _table_shell(table, kind)
    for cells in table.rows:
        body += nodes.row(
            "",
            *(
                _entry(_cell(cell, docname), column, cell)
                for cell, column in zip(cells, table.columns, strict=True)
            ),
        )
    return shell


def _table_shell(table: Table, kind: str) -> tuple[nodes.table, nodes.tbody]:
    """The table with its column specs and header row, and its (empty) body."""
    labels = [column_label(column) for column in table.columns]
    group = nodes.tgroup(cols=len(table.columns))
    group += [nodes.colspec(colwidth=width) for width in column_widths(labels, table)]
    header = nodes.row()
    header += [
        _entry([nodes.Text(label)], column)
        for label, column in zip(labels, table.columns, strict=True)
    ]
    group += nodes.thead("", header)
    body = nodes.tbody()
    group += body
    shell = nodes.table("", group, classes=["designdoc-index", f"designdoc-index-{kind}"])
    return shell, body


def column_widths(labels: list[str], table: Table) -> list[int]:
    """Relative widths from the longest word or cell, bounded so no column starves."""
    widths = []
    for index, label in enumerate(labels):
        texts = [label, *(row[index].text for row in table.rows)]
        widths.append(min(max(len(text) for text in texts), 40) + 2)
    return widths


def _entry(content: list[nodes.Node], column: str, cell: Cell | None = None) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *content), classes=entry_classes(column, cell))


def entry_classes(column: str, cell: Cell | None) -> list[str]:
    """A cell's classes: its column (``designdoc-col-status``) and, for use cases, its state."""
    classes = [css_class(f"designdoc-col-{column}")]
    if cell and cell.css and not is_badge(cell):
        classes.append(f"designdoc-{cell.css}")  # selected, present, missing, open, ...
    return classes


def is_badge(cell: Cell) -> bool:
    """Statuses and goal kinds show as coloured badges."""
    return cell.css.startswith(("status-", "kind-"))


def _cell(cell: Cell, docname: str) -> list[nodes.Node]:
    """A cell's content: as few nodes as will do, since an index table can have
    thousands of cells and every node costs each later transform and the writer."""
    if cell.link is None:
        if cell.text and is_badge(cell):
            return [badge(cell.text, css_class(f"designdoc-{cell.css}"))]
        return [nodes.Text(cell.text)] if cell.text else []
    objtype, name = cell.link
    return [addnodes.pending_xref(
        "",
        nodes.Text(cell.text),
        refdomain="design",
        reftype=TYPE_ROLES[objtype],
        reftarget=name,
        refdoc=docname,
        refexplicit=True,
        refwarn=False,
    )]  # fmt: skip
