"""The sections' short field lists, expanded into docutils field lists at resolve time.

A design doc shows about twenty-five labelled values (status, authors, purpose, owner,
...). As docutils field lists that is six nodes a value, and Sphinx keeps every page's
doctree in memory from reading to writing: every read transform walks them, they are
pickled, and the garbage collector scans them again and again. Read, a value is a
:class:`~sphinx_designdoc.nodes.design_field` holding its paragraph; the label is a
string. The paragraph stays from the start, so the value is smart-quoted, translated and
cross-referenced like any text, while the labels, which the extension translates itself,
stay out of the project's message catalogs. :mod:`sphinx_designdoc.render.short_forms`
expands them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils import nodes

if TYPE_CHECKING:
    from sphinx_designdoc.nodes import design_field, design_fields


def expand(short: design_fields) -> nodes.field_list:
    """The docutils field list that ``short`` stands for."""
    fields = nodes.field_list(classes=short["classes"])
    fields.source, fields.line = short.source, short.line
    for item in short.children:
        label = cast("design_field", item)["label"]
        body = nodes.field_body("", *item.children)
        field = nodes.field("", nodes.field_name(label, label), body)
        field.source, field.line = item.source, item.line
        fields += field
    return fields
