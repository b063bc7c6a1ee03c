"""Non-Goals: ``non-goals``, what the design explicitly does not cover, one bullet each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_designdoc.model import NonGoal
from sphinx_designdoc.sections.base import SectionDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class NonGoalsDirective(SectionDirective):
    """Bullets are the non-goals; without bullets, each paragraph is one."""

    section = "non-goals"
    once_per_page = True
    merge_note = "its non-goals are added to the first's"

    def render(self) -> list[nodes.Node]:
        children = self.parse_content_to_nodes()
        items: list[nodes.Element] = [
            item
            for child in children
            if isinstance(child, nodes.bullet_list)
            for item in child.children
            if isinstance(item, nodes.Element)
        ]
        for child in children:
            if isinstance(child, nodes.bullet_list):
                child["classes"].append("designdoc-non-goal-list")
        if not items:
            items = [child for child in children if isinstance(child, nodes.paragraph)]
        self.page().non_goals.extend(
            NonGoal(" ".join(item.astext().split()), self.location_of(item)) for item in items
        )
        return [self.container(*children)]


def setup_non_goals(app: Sphinx) -> None:
    app.add_directive("non-goals", NonGoalsDirective)
