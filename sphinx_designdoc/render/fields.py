"""A section's field list (status, purpose, owner, ...): one node, written straight to
HTML, expanded into a docutils field list for the other builders.

A design doc shows about twenty-five labelled values. As docutils field lists that is
six nodes a value, kept in memory from reading to writing (:mod:`.expand`). Read, a
value is a :class:`design_field` holding its paragraph, and the label is a string. The
paragraph is there from the start, so the value is smart-quoted, translated and
cross-referenced like any text, while the labels, which the extension translates itself,
stay out of the project's message catalogs and the search index.

Both renderings are made from the same node: its label, its value and the one class
list :data:`FIELDS_CLASS`. The HTML is what Sphinx's writer gives the expanded field
list (honouring ``compact_field_lists``); a test builds projects both ways and compares
the pages byte for byte.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils import nodes

from sphinx_designdoc.render.expand import written_as_html

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TypeAlias

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_designdoc.model import Location
    from sphinx_designdoc.settings import Settings

    FieldBody: TypeAlias = Sequence[nodes.Node] | str
    #: A field: its label and body, and where its option is written when it shows one.
    FieldRow: TypeAlias = tuple[str, FieldBody] | tuple[str, FieldBody, Location]

FIELDS_CLASS = "designdoc-fields"


class design_fields(written_as_html):
    """A section's field list: each child is a :class:`design_field`."""

    def expand(self, settings: Settings) -> nodes.field_list:
        """The docutils field list this node stands for."""
        fields = nodes.field_list(classes=self["classes"])
        fields.source, fields.line = self.source, self.line
        for item in self.children:
            label = cast("design_field", item)["label"]
            body = nodes.field_body("", *item.children)
            field = nodes.field("", nodes.field_name(label, label), body)
            field.source, field.line = item.source, item.line
            fields += field
        return fields


class design_field(nodes.Part, nodes.Element):
    """One row of :class:`design_fields`: the label in ``node["label"]``, the value as
    its only child, a paragraph."""


def field_list(rows: Sequence[FieldRow]) -> list[nodes.Node]:
    """A field list of the rows that have a body; nothing when none has.

    A field that shows an option's value is at that option's line, so that a warning
    about its text (a placeholder left in) points there."""
    fields = design_fields(classes=[FIELDS_CLASS])
    for label, body, *where in rows:
        if not body:
            continue
        content = [nodes.Text(body)] if isinstance(body, str) else body
        paragraph = nodes.paragraph("", "", *content)
        if where and where[0].source and where[0].line:
            _place(paragraph, where[0])
        fields += design_field("", paragraph, label=label)
    return [fields] if fields.children else []


def _place(node: nodes.Element, where: Location) -> None:
    """Give ``node`` and its elements that have no line of their own ``where``."""
    for element in node.findall(nodes.Element):
        if not element.line:
            element.source, element.line = where.source, where.line


def visit_design_fields(translator: HTML5Translator, node: design_fields) -> None:
    """``<dl>``, as the writer's ``is_compactable`` gives it for a field list whose every
    body is one paragraph: the docutils setting ``compact_field_lists`` decides."""
    simple = bool(translator.settings.compact_field_lists)
    classes = "field-list simple" if simple else "field-list"
    translator.body.append(translator.starttag(node, "dl", CLASS=classes))


def depart_design_fields(translator: HTML5Translator, node: design_fields) -> None:
    translator.body.append("</dl>\n")


def visit_design_field(translator: HTML5Translator, node: design_field) -> None:
    """The label as the ``<dt>``, then the ``<dd>`` that the writer writes the value into."""
    parity = "field-even" if node.parent.index(node) % 2 else "field-odd"
    translator.body += [
        translator.starttag(node, "dt", "", CLASS=parity),
        translator.encode(node["label"]),
        '<span class="colon">:</span></dt>\n',
        f'<dd class="{parity}">',
    ]


def depart_design_field(translator: HTML5Translator, node: design_field) -> None:
    translator.body.append("</dd>\n")


def setup_fields(app: Sphinx) -> None:
    app.add_node(design_fields, html=(visit_design_fields, depart_design_fields))
    app.add_node(design_field, html=(visit_design_field, depart_design_field))
