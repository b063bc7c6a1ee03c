"""``component``: one block of the detailed design (purpose, interface, implementation)."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from sphinx_designdoc.catalog import anchor_for
from sphinx_designdoc.directives.base import DesignDirective, field_list, text_options, xref
from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Component


class ComponentDirective(DesignDirective):
    """A component; the content is its implementation approach."""

    section = "component"
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = text_options("id", "purpose", "interface", "depends-on")

    def render(self) -> list[nodes.Node]:
        title_nodes, title = self.inline(self.arguments[0] if self.arguments else "")
        if not title:
            self.warn("missing", "component has no title")
        purpose_nodes, purpose = self.inline(self.option("purpose"))
        interface_nodes, interface = self.inline(self.option("interface"))
        component = Component(
            id=self.item_id(self.option("id"), title, "component"),
            title=title,
            purpose=purpose,
            interface=interface,
            depends_on=self.option_list("depends-on"),
            line=self.line,
        )
        self.page().components.append(component)
        heading = nodes.rubric("", "", classes=["designdoc-title"])
        label = _("Component:")
        heading += [nodes.inline(label, label, classes=["designdoc-label"]), nodes.Text(" ")]
        heading += title_nodes
        fields = field_list([
            (_("Purpose"), purpose_nodes),
            (_("Interface"), interface_nodes),
            (_("Depends on"), self._dependency_links(component.depends_on)),
        ])  # fmt: skip
        node = self.container(heading, *fields, *self.parse_content_to_nodes())
        self.add_anchor(node, anchor_for("component", component.id))
        return [node]

    def _dependency_links(self, ids: tuple[str, ...]) -> list[nodes.Node]:
        """Links to the doc's other components (unknown ids are reported by the rules)."""
        out: list[nodes.Node] = []
        for index, item_id in enumerate(ids):
            if index:
                out.append(nodes.Text(", "))
            out.append(xref("design", "component", item_id, self.env.docname, warn=False))
        return out
