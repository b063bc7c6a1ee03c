"""``design-index KIND``: a table of collected items, filled in at resolve time.

The directive checks the query as the page is read (rules:
:mod:`sphinx_designdoc.rules.design_index`) and leaves a :class:`design_index` node; the
table is built late from the whole collection (:mod:`sphinx_designdoc.query` runs the
query), as a post-transform before reference resolution, so its links are ordinary
``design`` references resolved for whichever builder writes.

An index table can have thousands of rows. As docutils nodes (about 15 a row) every
later transform, the HTML writer and the search indexer walk each of them, which made
the index page cost as much as dozens of design docs. So for ``html`` and ``dirhtml``
the body rows are one :class:`design_index_rows` node, written in one go
(:func:`rows_html`). Both renderings take a cell's content and classes from the same
functions (:func:`entry_classes`, :func:`is_badge`, :func:`~sphinx_designdoc.css.link_classes`),
and the header row is docutils nodes in both, so the writer keeps its own table markup
and settings. Builders that rewrite links in the doctree afterwards (``singlehtml``,
``epub``) and all others get the docutils table of :func:`render_table`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_designdoc import rules
from sphinx_designdoc.catalog import TYPE_ROLES
from sphinx_designdoc.css import css_class, link_classes
from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.i18n import _
from sphinx_designdoc.indexes.interactive import setup_interactive_tables
from sphinx_designdoc.labels import column_label
from sphinx_designdoc.query import (
    SPECS,
    Cell,
    IndexQuery,
    Table,
    allowed_columns,
    kind_choices,
)
from sphinx_designdoc.render.elements import badge
from sphinx_designdoc.sections.base import DesignDirective, text_options
from sphinx_designdoc.values import name_key, unknown_choice

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_designdoc.catalog import Catalog, Target

    Escape = Callable[[str], str]


class design_index(nodes.General, nodes.Element):
    """Where a ``design-index`` table goes; carries its ``IndexQuery`` in ``node["query"]``.
    Replaced at resolve time, so no builder ever sees it."""


class design_index_rows(nodes.General, nodes.Element):
    """The body rows of an index table for the HTML builders, written in one go:
    ``node["columns"]``, ``node["labels"]`` (their headers), ``node["rows"]`` (each
    cell with its resolved links) and ``node["docname"]`` (the page it is on).

    Its only child is the text of every cell, for the search index; the writer skips it."""


class designdoc_entry(nodes.entry):
    """A body cell of an index table in HTML output (``singlehtml``, ``epub``): an
    ``entry`` written with its column's header as ``data-label``, which the phone
    layout shows beside the value (:func:`rows_html` writes the same attribute). Other
    builders get plain entries."""

    def __init__(self, *children: nodes.Node, label: str = "", **attributes: Any) -> None:
        super().__init__("", *children, **attributes)
        self["label"] = label


class _HTMLOutput(SphinxPostTransform):
    """Only asked :meth:`is_supported`: whether this build writes HTML."""

    formats = ("html",)


# -- the directive -----------------------------------------------------------------------


class DesignIndexDirective(DesignDirective):
    """Validates the query now; the table is built late, from the whole project."""

    section = "index"
    has_content = False
    optional_arguments = 1
    option_spec: ClassVar = text_options("status", "kind", "tags", "doc", "sort", "columns")

    def render(self) -> list[nodes.Node]:
        kind = (self.arguments[0] if self.arguments else "").strip().lower()
        if kind not in SPECS:
            message = unknown_choice("design-index kind", kind, tuple(SPECS))
            self.warn("option", message, about="kind")
            return []
        query = IndexQuery(
            kind=kind,
            statuses=tuple(map(name_key, self.option_list("status"))),
            kinds=tuple(map(name_key, self.option_list("kind"))),
            tags=self.option_list("tags"),
            docs=self.option_list("doc"),
            sort=self.option("sort").lower(),
            columns=tuple(c.lower() for c in self.option_list("columns")),
            location=self.location,
        )
        for finding in rules.check_query(query, self.settings, self.env.docname):
            self.domain.note(finding)
        allowed = allowed_columns(kind, self.settings)
        columns = tuple(column for column in query.columns if column in allowed)
        sort = query.sort if query.sort.lstrip("-") in allowed else ""
        choices = kind_choices(kind, self.settings)
        kinds = tuple(k for k in query.kinds if k in choices)  # unknown ones were reported
        node = design_index(
            "",
            query=replace(query, columns=columns, sort=sort, kinds=kinds),
            classes=["designdoc", f"designdoc-index-{kind}", *self.options.get("class", [])],
        )
        self.set_source_info(node)
        self.domain.shown_on(self.env.docname).queries.append(node["query"])
        return [node]


# -- the table, late: docutils nodes for any builder --------------------------------------


class _IndexRenderer(SphinxPostTransform):
    """Replace each placeholder with its table (or a short note when nothing matches)."""

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        for node in list(self.document.findall(design_index)):
            query = node["query"]
            table = domain.index_table(query)
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
        labelled = _HTMLOutput(self.document).is_supported()
        return render_table(table, self.env.docname, kind, catalog, labelled=labelled)


class HTMLIndexRenderer(_IndexRenderer):
    """``html`` and ``dirhtml``: a docutils table whose body rows are one node, written
    in one go by :func:`rows_html` (see the module's docstring for why)."""

    default_priority = 4  # before DesignIndexRenderer
    builders = ("html", "dirhtml")

    def render(self, table: Table, catalog: Catalog, kind: str) -> nodes.table:
        docname = self.env.docname
        rows = tuple(
            tuple((cell, _resolve_all(catalog, cell, docname)) for cell in cells)
            for cells in table.rows
        )
        shell, body = _table_shell(table, kind)
        words = " ".join(cell.text for cells in table.rows for cell in cells if cell.text)
        labels = tuple(str(column_label(column)) for column in table.columns)
        body += design_index_rows(
            "", nodes.Text(words), columns=table.columns, labels=labels, rows=rows,
            docname=docname,
        )  # fmt: skip
        return shell


def _resolve(catalog: Catalog, cell: Cell, docname: str) -> Target | None:
    """What the cell links to, found as the ``design`` domain resolves its references."""
    if cell.link is None:
        return None
    objtype, name = cell.link
    return catalog.resolve(TYPE_ROLES[objtype], name, docname)


def _resolve_all(catalog: Catalog, cell: Cell, docname: str) -> tuple[Target | None, ...]:
    """What the cell and each of its parts link to."""
    return tuple(_resolve(catalog, one, docname) for one in (cell, *cell.parts))


def empty_note() -> nodes.paragraph:
    text = _("No matching design items.")
    return nodes.paragraph(text, text, classes=["designdoc-empty"])


def render_table(
    table: Table, docname: str, kind: str, catalog: Catalog, *, labelled: bool = False
) -> nodes.table:
    """A docutils table: a header row of labels, then one row per entry; with
    ``labelled`` (HTML output) each cell carries its column's header."""
    shell, body = _table_shell(table, kind)
    labels = [str(column_label(column)) for column in table.columns]
    for cells in table.rows:
        body += nodes.row(
            "",
            *(
                _entry(
                    _cell(cell, _resolve_all(catalog, cell, docname), docname),
                    column,
                    cell,
                    label if labelled else None,
                )
                for cell, column, label in zip(cells, table.columns, labels, strict=True)
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


def _entry(
    content: list[nodes.Node], column: str, cell: Cell | None = None, label: str | None = None
) -> nodes.entry:
    paragraph = nodes.paragraph("", "", *content)
    classes = entry_classes(column, cell)
    if label is None:
        return nodes.entry("", paragraph, classes=classes)
    return designdoc_entry(paragraph, label=label, classes=classes)


def entry_classes(column: str, cell: Cell | None) -> list[str]:
    """A cell's classes: its column (``designdoc-col-status``) and, for use cases, its state."""
    classes = [css_class(f"designdoc-col-{column}")]
    if cell and cell.css and not is_badge(cell) and not is_bar(cell):
        classes.append(f"designdoc-{cell.css}")  # selected, present, missing, open, ...
    return classes


def is_badge(cell: Cell) -> bool:
    """Statuses, goal kinds and tags show as coloured badges."""
    return cell.css.startswith(("status-", "kind-")) or cell.css == "tag"


def bar_html(cell: Cell) -> str:
    """A ``status`` index count as a bar before the number, in its status's colour: its
    length is the count's share of the largest (a number from the query), its colour
    a class made from the status (never author text as such)."""
    bar, _, status = cell.css.partition(" ")
    share = int(bar.removeprefix("bar-")) / 100
    colour = css_class(f"designdoc-{status}")
    return f'<span class="designdoc-bar {colour}" style="--designdoc-share: {share:.2f}"></span>'


def is_bar(cell: Cell) -> bool:
    return cell.css.startswith("bar-")


def separator(part: Cell) -> str:
    """What goes before each part of a cell but the first: a space between badges (as
    on the doc page), a comma between links."""
    return " " if is_badge(part) else ", "


def shown_text(cell: Cell, link: Target | None, *, part: bool) -> str:
    """What a link shows: a part (an id, as written) the title of what it links to, as on
    the doc page; a cell's own link the title it was made with."""
    return link.title if part and link is not None else cell.text


def _cell(
    cell: Cell, links: tuple[Target | None, ...], docname: str, *, part: bool = False
) -> list[nodes.Node]:
    """A cell's content: as few nodes as will do, since an index table can have
    thousands of cells and every node costs each later transform and the writer."""
    if cell.parts:
        out: list[nodes.Node] = []
        for one, link in zip(cell.parts, links[1:], strict=True):
            if out:
                out.append(nodes.Text(separator(one)))
            out += _cell(one, (link,), docname, part=True)
        return out
    if cell.link is None:
        if cell.text and is_badge(cell):
            return [badge(cell.text, css_class(f"designdoc-{cell.css}"))]
        if is_bar(cell):  # a bar in HTML; the number alone elsewhere
            return [nodes.raw("", bar_html(cell), format="html"), nodes.Text(cell.text)]
        return [nodes.Text(cell.text)] if cell.text else []
    objtype, name = cell.link
    return [addnodes.pending_xref(
        "",
        nodes.Text(shown_text(cell, links[0], part=part)),
        refdomain="design",
        reftype=TYPE_ROLES[objtype],
        reftarget=name,
        refdoc=docname,
        refexplicit=True,
        refwarn=False,
    )]  # fmt: skip


# -- the body rows, straight to HTML ----------------------------------------------------


def visit_design_index_rows(translator: HTML5Translator, node: design_index_rows) -> None:
    """Write every row, then skip the node's child (the cells' text, for the search index)."""
    href = _hrefs(translator.builder, node["docname"])
    translator.body.append(rows_html(
        node["columns"], node["labels"], node["rows"], translator.encode, translator.attval, href
    ))  # fmt: skip
    raise nodes.SkipNode


def visit_designdoc_entry(translator: HTML5Translator, node: designdoc_entry) -> None:
    """The writer's own ``<td>``, with the column's header as ``data-label``."""
    translator.visit_entry(node)
    tag = translator.body[-1]
    label = translator.attval(node["label"])
    translator.body[-1] = f'{tag.removesuffix(">")} data-label="{label}">'


def depart_designdoc_entry(translator: HTML5Translator, node: designdoc_entry) -> None:
    translator.depart_entry(node)


def rows_html(
    columns: tuple[str, ...],
    labels: tuple[str, ...],
    rows: tuple[tuple[tuple[Cell, tuple[Target | None, ...]], ...], ...],
    encode: Escape,
    attval: Escape,
    href: Callable[[Target], str],
) -> str:
    """The ``<tr>`` elements; the header row was the table's first, so the body starts even."""
    out = []
    for number, row in enumerate(rows):
        out.append(f'<tr class="row-{"odd" if number % 2 else "even"}">')
        for column, label, (cell, links) in zip(columns, labels, row, strict=True):
            classes = attval(" ".join(entry_classes(column, cell)))
            content = _content(cell, links, encode, attval, href)
            out.append(
                f'<td class="{classes}" data-label="{attval(label)}"><p>{content}</p></td>\n'
            )
        out.append("</tr>\n")
    return "".join(out)


def _content(
    cell: Cell,
    links: tuple[Target | None, ...],
    encode: Escape,
    attval: Escape,
    href: Callable[[Target], str],
    *,
    part: bool = False,
) -> str:
    if cell.parts:
        return "".join(
            (separator(one) if index else "")
            + _content(one, (link,), encode, attval, href, part=True)
            for index, (one, link) in enumerate(zip(cell.parts, links[1:], strict=True))
        )
    link = links[0]
    if link is not None:
        text = encode(shown_text(cell, link, part=part))
        classes = attval(" ".join([*link_classes(link), "reference", "internal"]))
        return (
            f'<a class="{classes}" href="{attval(href(link))}" title="{attval(link.hover)}">'
            f"{text}</a>"
        )
    text = encode(cell.text)
    if cell.text and is_badge(cell):
        badge_class = css_class(f"designdoc-{cell.css}")
        return f'<span class="designdoc-badge {badge_class}">{text}</span>'
    if is_bar(cell):
        return bar_html(cell) + text
    return text


def _hrefs(builder: Builder, docname: str) -> Callable[[Target], str]:
    """A link's ``href`` from page ``docname``, as ``make_refnode`` and the writer make it."""

    @cache
    def page(other: str) -> str:
        return builder.get_relative_uri(docname, other)

    def href(target: Target) -> str:
        if target.docname == docname and target.anchor:
            return f"#{target.anchor}"
        uri = page(target.docname) + (f"#{target.anchor}" if target.anchor else "")
        return uri or "#"

    return href


def setup_design_index(app: Sphinx) -> None:
    app.add_directive("design-index", DesignIndexDirective)
    app.add_node(design_index)
    app.add_node(design_index_rows, html=(visit_design_index_rows, None))
    app.add_node(designdoc_entry, html=(visit_designdoc_entry, depart_designdoc_entry))
    app.add_post_transform(HTMLIndexRenderer)
    app.add_post_transform(DesignIndexRenderer)
    setup_interactive_tables(app)
