"""``logging-strategy`` with nested ``log-use-case`` directives.

Renders the template's checklist (every configured use case, ticked when selected),
each selected use case's details, and the privacy notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from sphinx_designdoc.catalog import use_case_label
from sphinx_designdoc.directives.base import (
    DesignDirective,
    SectionDirective,
    collecting,
    field_list,
    literal_list,
    note_merge,
    scratch,
    text_options,
)
from sphinx_designdoc.i18n import _
from sphinx_designdoc.model import LoggingStrategy, LogUseCase
from sphinx_designdoc.nodes import design_checklist
from sphinx_designdoc.query import logging_cell_text
from sphinx_designdoc.values import name_key

if TYPE_CHECKING:
    from collections.abc import Callable

_SINK = "designdoc:log-use-cases"


#: The template's use cases: display name and purpose, translated when asked for (one
#: lookup per use case shown, not a translation of the whole table each time).
_USE_CASES: dict[str, tuple[Callable[[], str], Callable[[], str]]] = {
    "tracing": (lambda: _("Tracing"), lambda: _("Execution flow and timing")),
    "error-tracking": (
        lambda: _("Error Tracking"),
        lambda: _("Problem identification and diagnosis"),
    ),
    "user-behavior": (lambda: _("User Behavior"), lambda: _("UX improvement insights")),
    "performance": (lambda: _("Performance"), lambda: _("Resource usage and efficiency")),
    "security-audit": (lambda: _("Security Audit"), lambda: _("Compliance and audit trails")),
    "business-metrics": (lambda: _("Business Metrics"), lambda: _("KPIs and analytics")),
}


def use_case_title(name: str) -> str:
    """The translated display name of a use case (``error-tracking`` -> Error Tracking)."""
    known = _USE_CASES.get(name)
    return known[0]() if known else use_case_label(name)


def use_case_purpose(name: str) -> str:
    """What the template says a use case is for; empty for custom use cases."""
    known = _USE_CASES.get(name)
    return known[1]() if known else ""


class LogUseCaseDirective(DesignDirective):
    """What one use case logs: events, extra fields, retention and sampling."""

    section = "usecase"
    optional_arguments = 1
    final_argument_whitespace = True  # a configured use case may be several words
    option_spec: ClassVar = text_options("events", "fields", "retention", "sampling")

    def render(self) -> list[nodes.Node]:
        name = name_key(self.arguments[0] if self.arguments else "")
        if not name:  # one warning, with what an option warning would add: the choices
            choices = ", ".join(self.settings.log_use_cases)
            self.warn("missing", f"log-use-case names no use case; expected one of {choices}")
        detail = LogUseCase(
            use_case=name,
            events=self.option_list("events"),
            fields=self.option_list("fields"),
            retention=self.option("retention"),
            sampling=self.option("sampling"),
            location=self.location,
        )
        sink = scratch(self.env).get(_SINK)
        if sink is not None:
            sink.append(detail)
        else:
            page = self.page()
            page.logging = page.logging or LoggingStrategy(location=self.location)
            page.logging.details.append(detail)
        heading = nodes.rubric(
            use_case_title(name), use_case_title(name), classes=["designdoc-title"]
        )
        node = self.container(heading, *self._fields(detail), *self.parse_content_to_nodes())
        if name:
            self.add_anchor(node, "usecase", name)
        return [node]

    def _fields(self, detail: LogUseCase) -> list[nodes.Node]:
        standard = ", ".join(self.settings.log_standard_fields)
        fields = literal_list(detail.fields)
        if fields and standard:
            fields.append(nodes.Text(" " + _("(plus the standard %s)") % standard))
        at = detail.location.of
        return field_list(
            [
                (_("Events"), literal_list(detail.events), at("events")),
                (_("Fields"), fields, at("fields")),
                (_("Retention"), logging_cell_text(detail.retention, ""), at("retention")),
                (_("Sampling"), detail.sampling, at("sampling")),
            ]
        )


class LoggingStrategyDirective(SectionDirective):
    """The Logging Strategy section."""

    section = "logging"
    once_per_page = True
    option_spec: ClassVar = text_options("use-cases", "pii", "privacy")

    def render(self) -> list[nodes.Node]:
        privacy_nodes, privacy = self.inline(self.option("privacy"))
        strategy = LoggingStrategy(
            use_cases=tuple(map(name_key, self.option_list("use-cases"))),
            pii=self.option_list("pii"),
            privacy=privacy,
            location=self.location,
        )
        page_strategy = self._store(strategy)
        with collecting(self.env, _SINK) as details:
            body = self.parse_content_to_nodes()
        page_strategy.details.extend(details)
        privacy_fields = field_list(
            [
                (_("PII fields"), literal_list(strategy.pii), strategy.location.of("pii")),
                (_("Privacy"), privacy_nodes, strategy.location.of("privacy")),
            ]
        )
        checklist = design_checklist(selected=strategy.use_cases)  # built at resolve time
        return [self.container(checklist, *body, *privacy_fields)]

    def _store(self, strategy: LoggingStrategy) -> LoggingStrategy:
        """Make ``strategy`` the page's, or merge it into the page's first one (stored
        before the content is parsed, so that a nested one merges into this one)."""
        page = self.page()
        if page.logging is not None and self.earlier is not None:
            ignored = page.logging.merge(strategy)
            self.merge_note = note_merge(
                "its use cases, PII fields and details are added to the first's", ignored
            )
            return page.logging
        if page.logging is not None:  # details written before this directive
            strategy.details[:0] = page.logging.details
        page.logging = strategy
        return strategy
