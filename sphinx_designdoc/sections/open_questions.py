"""Open Questions: ``open-question``, something still to decide, with an owner; resolved
once answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Question
from sphinx_designdoc.render.elements import labelled_heading
from sphinx_designdoc.render.fields import field_list
from sphinx_designdoc.sections.base import DesignDirective, text_options

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


class OpenQuestionDirective(DesignDirective):
    """A question; ``:resolution:`` records the answer and closes it."""

    section = "question"
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = text_options("id", "owner", "resolution")

    def render(self) -> list[nodes.Node]:
        title_nodes, title = self.title_argument()
        resolution_nodes, resolution = self.inline(self.option("resolution"))
        question = Question(
            id=self.item_id(self.option("id"), title, "question"),
            title=title,
            owner=self.option("owner"),
            resolution=resolution,
            location=self.location,
        )
        self.page().questions.append(question)
        label = _("Open question:") if question.is_open else _("Resolved question:")
        heading = labelled_heading(label, title_nodes)
        at = question.location.of
        fields = field_list([
            (_("Owner"), question.owner, at("owner")),
            (_("Resolution"), resolution_nodes, at("resolution")),
        ])  # fmt: skip
        node = self.container(heading, *fields, *self.parse_content_to_nodes())
        node["classes"].append("designdoc-open" if question.is_open else "designdoc-resolved")
        self.add_anchor(node, "question", question.id)
        return [node]


def setup_open_questions(app: Sphinx) -> None:
    app.add_directive("open-question", OpenQuestionDirective)
