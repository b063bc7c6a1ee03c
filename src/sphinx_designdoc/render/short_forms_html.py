"""Write the short field lists and the use-case checklist straight to HTML.

Expanded at resolve time (:mod:`sphinx_designdoc.render.short_forms`), a design doc's
field lists are some 150 new nodes, about a thousand objects for the garbage collector,
attached to a doctree it already holds as old. They outlive every young collection with
it, and in a 200-doc build they set off two extra full collections of the whole heap
while the pages are written. So the HTML builders write the short forms as they are,
and the nodes are never made.

A field's label and its ``<dt>``/``<dd>`` come from here, through the writer's own
``starttag`` and ``encode``; its value, a paragraph of the page, is written by the writer
as always. The checklist, built from the configuration alone, is written here whole,
escaped by the writer's ``encode``. The markup is what Sphinx's writer gives the
expanded nodes (honouring the ``compact_field_lists`` and ``compact_lists`` settings):
the tests build projects both ways and compare the pages byte for byte. The labels and
the checklist, the extension's wording, not the author's, are not in the search index;
the values are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils import nodes

from sphinx_designdoc.render.checklist import Entry, caption, entries

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.writers.html5 import HTML5Translator

    from sphinx_designdoc.domain import DesignDomain
    from sphinx_designdoc.nodes import design_checklist, design_field, design_fields


def visit_design_fields(translator: HTML5Translator, node: design_fields) -> None:
    classes = "field-list simple" if _is_simple(translator) else "field-list"
    translator.body.append(translator.starttag(node, "dl", CLASS=classes))


def depart_design_fields(translator: HTML5Translator, node: design_fields) -> None:
    translator.body.append("</dl>\n")


def visit_design_field(translator: HTML5Translator, node: design_field) -> None:
    """The label as the ``<dt>``, then the ``<dd>`` that the value is written into."""
    parity = "field-even" if node.parent.index(node) % 2 else "field-odd"
    translator.body += [
        translator.starttag(node, "dt", "", CLASS=parity),
        translator.encode(node["label"]),
        '<span class="colon">:</span></dt>\n',
        f'<dd class="{parity}">',
    ]


def depart_design_field(translator: HTML5Translator, node: design_field) -> None:
    translator.body.append("</dd>\n")


def visit_design_checklist(translator: HTML5Translator, node: design_checklist) -> None:
    domain = cast("DesignDomain", translator.builder.env.domains["design"])
    lines = entries(domain.settings.log_use_cases, node["selected"])
    compact = bool(translator.settings.compact_lists)  # Sphinx's html_compact_lists
    translator.body.append(checklist_html(lines, translator.encode, compact=compact))
    raise nodes.SkipNode


def checklist_html(lines: list[Entry], encode: Callable[[str], str], *, compact: bool) -> str:
    """A container of the caption and a bullet list, as the writer writes them."""
    simple = " simple" if compact else ""
    out = [
        '<div class="designdoc-use-cases docutils container">\n'
        f'<p class="designdoc-caption"><strong>{encode(caption())}</strong></p>\n'
        f'<ul class="designdoc-checklist{simple}">\n'
    ]
    for line in lines:
        purpose = encode(f" \u2014 {line.purpose}") if line.purpose else ""
        out.append(
            f'<li class="{line.state}"><p><span class="designdoc-check">{line.mark}</span> '
            f"<strong>{encode(line.title)}</strong>{purpose}</p></li>\n"
        )
    out.append("</ul>\n</div>\n")
    return "".join(out)


def _is_simple(translator: HTML5Translator) -> bool:
    """What the writer's ``is_compactable`` says of a field list whose every body is one
    paragraph: the docutils setting ``compact_field_lists`` decides."""
    return bool(translator.settings.compact_field_lists)
