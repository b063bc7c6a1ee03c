"""Testing Strategy: ``testing-strategy``, three labelled answers and prose."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Testing
from sphinx_designdoc.sections.base import AnswersDirective, text_options

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class TestingDirective(AnswersDirective):
    """Unit, integration and performance tests."""

    section = "testing"
    fields = ("unit", "integration", "performance")
    option_spec: ClassVar = text_options(*fields)
    answers = Testing

    def labels(self) -> dict[str, str]:
        return {"unit": _("Unit tests"), "integration": _("Integration tests"),
                "performance": _("Performance tests")}  # fmt: skip


def setup_testing(app: Sphinx) -> None:
    app.add_directive("testing-strategy", TestingDirective)
