"""Goals: ``design-goals`` with nested ``goal`` directives and plain bullets (functional
goals). Rules: :mod:`sphinx_designdoc.rules.goals`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from sphinx_designdoc.css import css_class
from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Goal
from sphinx_designdoc.render.elements import badge
from sphinx_designdoc.sections.base import (
    DesignDirective,
    SectionDirective,
    collecting,
    scratch,
    text_options,
)
from sphinx_designdoc.values import name_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_SINK = "designdoc:goals"
_GOAL_LIST = "designdoc-goal-list"


def goal_list(*items: nodes.list_item) -> nodes.bullet_list:
    return nodes.bullet_list("", *items, classes=[_GOAL_LIST])


def decorate_goal(
    item: nodes.list_item, goal: Goal, target_nodes: list[nodes.Node] | None = None
) -> None:
    """Mark a list item as a goal: kind badge before the title, target after it."""
    kind_class = css_class(f"designdoc-kind-{goal.kind}")
    item["classes"] += ["designdoc-goal", kind_class]
    first = item.children[0] if item.children else None
    if not isinstance(first, nodes.paragraph):
        first = nodes.paragraph()
        item.insert(0, first)
    first.insert(0, badge(goal.kind, kind_class))
    first.insert(1, nodes.Text(" "))
    if goal.target:
        target = nodes.paragraph("", "", classes=["designdoc-target"])
        target += nodes.strong(_("Target:"), _("Target:"))
        target += nodes.Text(" ")
        target += target_nodes or nodes.Text(goal.target)
        item.insert(1, target)


class GoalDirective(DesignDirective):
    """One goal: a title, a kind and, for measurable kinds, a target."""

    section = "goal"
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = text_options("id", "kind", "target")

    def render(self) -> list[nodes.Node]:
        title_nodes, title = self.title_argument()
        target_nodes, target = self.inline(self.option("target"))
        goal = Goal(
            id=self.item_id(self.option("id"), title, "goal"),
            title=title,
            kind=name_key(self.option("kind")) or "functional",
            target=target,
            location=self.location,
        )
        item = nodes.list_item("", nodes.paragraph("", "", nodes.strong("", "", *title_nodes)))
        item["classes"] += self.options.get("class", [])
        self.set_source_info(item)
        item += self.parse_content_to_nodes()
        decorate_goal(item, goal, target_nodes)
        self.add_anchor(item, "goal", goal.id)
        sink = scratch(self.env).get(_SINK)
        if sink is not None:
            sink.append(goal)
        else:
            self.page().goals.append(goal)
        return [goal_list(item)]


class DesignGoalsDirective(SectionDirective):
    """The Goals section: ``goal`` directives and plain bullets, in written order."""

    section = "goals"
    once_per_page = True
    merge_note = "its goals are added to the first's"

    def render(self) -> list[nodes.Node]:
        with collecting(self.env, _SINK) as directive_goals:
            children = self.parse_content_to_nodes()
        pending = iter(directive_goals)
        goals: list[Goal] = []
        output: list[nodes.Node] = []
        for child in children:
            if isinstance(child, nodes.bullet_list) and _GOAL_LIST in child["classes"]:
                goals.extend(goal for _ in child.children if (goal := next(pending, None)))
                self._append_items(output, child.children)
            elif isinstance(child, nodes.bullet_list):
                for item in child.children:
                    goals.append(self._bullet_goal(item))
                self._append_items(output, child.children)
            else:
                output.append(child)
        goals.extend(pending)  # goals nested deeper, e.g. inside an admonition
        self.page().goals.extend(goals)
        return [self.container(*output)]

    def _bullet_goal(self, item: nodes.Node) -> Goal:
        first = item.children[0] if item.children else item
        title = " ".join(first.astext().split())
        goal = Goal(
            id=self.item_id("", title, "goal", item.astext()),
            title=title,
            location=self.location_of(item),
        )
        if isinstance(item, nodes.list_item):
            decorate_goal(item, goal)
            self.add_anchor(item, "goal", goal.id)
        return goal

    @staticmethod
    def _append_items(output: list[nodes.Node], items: list[nodes.Node]) -> None:
        """Add items to the trailing goal list, so adjacent goals form one list."""
        last = output[-1] if output else None
        if not (isinstance(last, nodes.bullet_list) and _GOAL_LIST in last["classes"]):
            last = goal_list()
            output.append(last)
        last.extend(list(items))


def setup_goals(app: Sphinx) -> None:
    app.add_directive("design-goals", DesignGoalsDirective)
    app.add_directive("goal", GoalDirective)
