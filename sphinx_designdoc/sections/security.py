"""Security Considerations: ``security-considerations``, three labelled answers and prose."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import Security
from sphinx_designdoc.sections.base import AnswersDirective, text_options

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class SecurityDirective(AnswersDirective):
    """Authentication, authorization, data protection."""

    section = "security"
    fields = ("authentication", "authorization", "data-protection")
    option_spec: ClassVar = text_options(*fields)
    answers = Security

    def labels(self) -> dict[str, str]:
        return {"authentication": _("Authentication"), "authorization": _("Authorization"),
                "data-protection": _("Data protection")}  # fmt: skip


def setup_security(app: Sphinx) -> None:
    app.add_directive("security-considerations", SecurityDirective)
