"""Write the body rows of an index table (a ``design_index_rows`` node) as HTML.

The markup is what Sphinx's HTML writer gives the same rows as docutils nodes (see
``render_table``): striped ``<tr>``, a ``<td>`` classed by column holding one ``<p>``,
links as ``reference internal`` with the target's title and status on hover, statuses
and kinds as badges. The writer's own ``encode`` and ``attval`` escape the text, and the
builder makes the links relative, so only the tags are spelled out here; the tests build
the same project both ways and compare the pages byte for byte.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_designdoc.css import css_class, link_classes
from sphinx_designdoc.render.index_table import entry_classes, is_badge

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_designdoc.catalog import Target
    from sphinx_designdoc.nodes import design_index_rows
    from sphinx_designdoc.query import Cell

    Escape = Callable[[str], str]


def visit_design_index_rows(translator: HTML5Translator, node: design_index_rows) -> None:
    """Write every row, then skip the node's child (the cells' text, for the search index)."""
    href = _hrefs(translator.builder, node["docname"])
    translator.body.append(
        rows_html(node["columns"], node["rows"], translator.encode, translator.attval, href)
    )
    raise nodes.SkipNode


def rows_html(
    columns: tuple[str, ...],
    rows: tuple[tuple[tuple[Cell, Target | None], ...], ...],
    encode: Escape,
    attval: Escape,
    href: Callable[[Target], str],
) -> str:
    """The ``<tr>`` elements; the header row was the table's first, so the body starts even."""
    out = []
    for number, row in enumerate(rows):
        out.append(f'<tr class="row-{"odd" if number % 2 else "even"}">')
        for column, (cell, link) in zip(columns, row, strict=True):
            classes = attval(" ".join(entry_classes(column, cell)))
            content = _content(cell, link, encode, attval, href)
            out.append(f'<td class="{classes}"><p>{content}</p></td>\n')
        out.append("</tr>\n")
    return "".join(out)


def _content(
    cell: Cell, link: Target | None, encode: Escape, attval: Escape, href: Callable[[Target], str]
) -> str:
    text = encode(cell.text)
    if link is not None:
        classes = attval(" ".join([*link_classes(link), "reference", "internal"]))
        return (
            f'<a class="{classes}" href="{attval(href(link))}" title="{attval(link.hover)}">'
            f"{text}</a>"
        )
    if cell.text and is_badge(cell):
        badge_class = css_class(f"designdoc-{cell.css}")
        return f'<span class="designdoc-badge {badge_class}">{text}</span>'
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
