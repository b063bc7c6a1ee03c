"""Alternatives Considered: ``alternative``, an approach considered and not chosen, and
why not. Rules: :mod:`sphinx_designdoc.rules.alternatives`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Alternative
from sphinx_designdoc.render.elements import labelled_heading
from sphinx_designdoc.sections.base import DesignDirective, text_options

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class AlternativeDirective(DesignDirective):
    """Title, description (the content) and the reason it was rejected."""

    section = "alternative"
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = text_options("id", "why-not")

    def render(self) -> list[nodes.Node]:
        title_nodes, title = self.title_argument()
        why_nodes, why_not = self.inline(self.option("why-not"))
        alt = Alternative(
            id=self.item_id(self.option("id"), title, "alternative"),
            title=title,
            why_not=why_not,
            location=self.location,
        )
        self.page().alternatives.append(alt)
        heading = labelled_heading(_("Alternative:"), title_nodes)
        node = self.container(heading, *self.parse_content_to_nodes())
        if why_nodes:
            why = nodes.paragraph("", "", classes=["designdoc-why-not"])
            why += [nodes.strong(_("Why not chosen:"), _("Why not chosen:")), nodes.Text(" ")]
            why += why_nodes
            node += why
        self.add_anchor(node, "alternative", alt.id)
        return [node]


def setup_alternatives(app: Sphinx) -> None:
    app.add_directive("alternative", AlternativeDirective)
