"""The logging strategy's use-case checklist, built at resolve time.

Every configured use case is listed, ticked when the strategy selects it, as in the
template. All of it comes from the configuration and the translations, nothing from the
page's text, so the page read holds a placeholder (see
:class:`~sphinx_designdoc.nodes.design_checklist`): fifty fewer nodes for every read
transform, the doctree pickle and the garbage collector, and no extension wording in the
project's message catalogs. :mod:`sphinx_designdoc.render.short_forms` builds it as
docutils nodes; the HTML builders write :func:`entries` straight to HTML
(:mod:`sphinx_designdoc.render.short_forms_html`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

from sphinx_designdoc.directives.logging_strategy import use_case_purpose, use_case_title
from sphinx_designdoc.i18n import _

if TYPE_CHECKING:
    from collections.abc import Iterable


class Entry(NamedTuple):
    """One line of the checklist."""

    ticked: bool
    title: str
    purpose: str  # empty for a custom use case

    @property
    def mark(self) -> str:
        return "\u2611" if self.ticked else "\u2610"

    @property
    def state(self) -> str:
        """The list item's class."""
        return "designdoc-checked" if self.ticked else "designdoc-unchecked"


def entries(names: Iterable[str], selected: Iterable[str]) -> list[Entry]:
    """Every use case of ``names``, ticked when in ``selected``."""
    ticked = set(selected)
    return [Entry(name in ticked, use_case_title(name), use_case_purpose(name)) for name in names]


def caption() -> str:
    return _("Applicable use cases")


def checklist(names: Iterable[str], selected: Iterable[str]) -> nodes.container:
    """The checklist as docutils nodes: a caption, then a bullet list of :func:`entries`."""
    items = nodes.bullet_list(classes=["designdoc-checklist"])
    for entry in entries(names, selected):
        para = nodes.paragraph()
        para += [nodes.inline(entry.mark, entry.mark, classes=["designdoc-check"]), nodes.Text(" ")]
        para += nodes.strong(entry.title, entry.title)
        if entry.purpose:
            para += nodes.Text(f" \u2014 {entry.purpose}")
        items += nodes.list_item("", para, classes=[entry.state])
    label = caption()
    title = nodes.paragraph("", "", nodes.strong(label, label), classes=["designdoc-caption"])
    return nodes.container("", title, items, classes=["designdoc-use-cases"])
