"""Components: ``component``, one block of the detailed design (purpose, interface,
implementation, what it depends on). Rules: :mod:`sphinx_designdoc.rules.components`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Component
from sphinx_designdoc.render.elements import labelled_heading, xref_list
from sphinx_designdoc.render.fields import field_list
from sphinx_designdoc.sections.base import DesignDirective, text_options

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


class ComponentDirective(DesignDirective):
    """A component; the content is its implementation approach."""

    section = "component"
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = text_options("id", "purpose", "interface", "depends-on")

    def render(self) -> list[nodes.Node]:
        title_nodes, title = self.title_argument()
        purpose_nodes, purpose = self.inline(self.option("purpose"))
        interface_nodes, interface = self.inline(self.option("interface"))
        component = Component(
            id=self.item_id(self.option("id"), title, "component"),
            title=title,
            purpose=purpose,
            interface=interface,
            depends_on=self.option_list("depends-on"),
            location=self.location,
        )
        self.page().components.append(component)
        heading = labelled_heading(_("Component:"), title_nodes)
        at = component.location.of
        fields = field_list([
            (_("Purpose"), purpose_nodes, at("purpose")),
            (_("Interface"), interface_nodes, at("interface")),
            (_("Depends on"), xref_list(
                "component", component.depends_on, self.env.docname, warn_dotted=True,
                where=at("depends-on"),
            ), at("depends-on")),
        ])  # fmt: skip
        node = self.container(heading, *fields, *self.parse_content_to_nodes())
        self.add_anchor(node, "component", component.id)
        return [node]


def setup_components(app: Sphinx) -> None:
    app.add_directive("component", ComponentDirective)
