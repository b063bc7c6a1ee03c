"""The logging strategy's use-case checklist, built at resolve time.

Every configured use case is listed, ticked when the strategy selects it, as in the
template. All of it comes from the configuration and the translations, nothing from the
page's text, so the page read holds a placeholder (see
:class:`~sphinx_designdoc.nodes.design_checklist`): fifty fewer nodes for every read
transform, the doctree pickle and the garbage collector, and no extension wording in the
project's message catalogs. :mod:`sphinx_designdoc.render.short_forms` builds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_designdoc.directives.logging_strategy import use_case_purpose, use_case_title
from sphinx_designdoc.i18n import _

if TYPE_CHECKING:
    from collections.abc import Iterable


def checklist(names: Iterable[str], selected: Iterable[str]) -> nodes.container:
    """Every use case of ``names``, ticked when in ``selected``, under a caption."""
    ticked_names = set(selected)
    items = nodes.bullet_list(classes=["designdoc-checklist"])
    for name in names:
        ticked = name in ticked_names
        para = nodes.paragraph()
        mark = "\u2611" if ticked else "\u2610"
        title = use_case_title(name)
        para += [nodes.inline(mark, mark, classes=["designdoc-check"]), nodes.Text(" ")]
        para += nodes.strong(title, title)
        if purpose := use_case_purpose(name):
            para += nodes.Text(f" \u2014 {purpose}")
        state = "designdoc-checked" if ticked else "designdoc-unchecked"
        items += nodes.list_item("", para, classes=[state])
    label = _("Applicable use cases")
    caption = nodes.paragraph("", "", nodes.strong(label, label), classes=["designdoc-caption"])
    return nodes.container("", caption, items, classes=["designdoc-use-cases"])
