"""``security-considerations`` and ``testing-strategy``: option fields plus prose.

Both sections are a fixed set of labelled answers; they share one directive shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sphinx_designdoc.directives.base import (
    SectionDirective,
    field_list,
    note_merge,
    text_options,
)
from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Security, Testing, merge_answers

if TYPE_CHECKING:
    from docutils import nodes

    from sphinx_designdoc.directives.base import FieldRow
    from sphinx_designdoc.model import Answers


class FieldsSectionDirective(SectionDirective):
    """A section made of labelled option values followed by free prose."""

    once_per_page = True
    fields: ClassVar[tuple[str, ...]] = ()

    def labels(self) -> dict[str, str]:
        raise NotImplementedError

    def store(self, values: dict[str, str]) -> None:
        raise NotImplementedError

    def render(self) -> list[nodes.Node]:
        labels = self.labels()
        rows: list[FieldRow] = []
        values: dict[str, str] = {}
        for name in self.fields:
            parsed, values[name] = self.inline(self.option(name))
            rows.append((labels[name], parsed, self.location.of(name)))
        self.store(values)
        return [self.container(*field_list(rows), *self.parse_content_to_nodes())]

    def merged(self, first: Answers | None, answers: Answers) -> Answers:
        """``answers``, or, for a second one on the page, the first's completed by them."""
        if first is None or self.earlier is None:
            return answers
        merged, ignored = merge_answers(first, answers)
        options = [name.replace("_", "-") for name in ignored]
        self.merge_note = note_merge("its answers fill in the first's empty ones", options)
        return merged


class SecurityDirective(FieldsSectionDirective):
    """Security Considerations: authentication, authorization, data protection."""

    section = "security"
    fields = ("authentication", "authorization", "data-protection")
    option_spec: ClassVar = text_options(*fields)

    def labels(self) -> dict[str, str]:
        return {"authentication": _("Authentication"), "authorization": _("Authorization"),
                "data-protection": _("Data protection")}  # fmt: skip

    def store(self, values: dict[str, str]) -> None:
        page = self.page()
        page.security = self.merged(page.security, Security(
            values["authentication"], values["authorization"], values["data-protection"],
            location=self.location,
        ))  # fmt: skip


class TestingDirective(FieldsSectionDirective):
    """Testing Strategy: unit, integration and performance tests."""

    section = "testing"
    fields = ("unit", "integration", "performance")
    option_spec: ClassVar = text_options(*fields)

    def labels(self) -> dict[str, str]:
        return {"unit": _("Unit tests"), "integration": _("Integration tests"),
                "performance": _("Performance tests")}  # fmt: skip

    def store(self, values: dict[str, str]) -> None:
        page = self.page()
        page.testing = self.merged(
            page.testing,
            Testing(
                values["unit"],
                values["integration"],
                values["performance"],
                location=self.location,
            ),
        )
