"""Logging Strategy: ``logging-strategy`` with nested ``log-use-case`` directives.

Renders the template's checklist (every configured use case, ticked when selected),
each selected use case's details, and the privacy notes. Its rules are in
:mod:`sphinx_designdoc.rules.logging_strategy`.

The checklist comes from the configuration and the translations alone, nothing from
the page's text, so the page holds one :class:`design_checklist` node until it is
written: fifty fewer nodes for every read transform, the doctree pickle and the garbage
collector, and no extension wording in the project's message catalogs. The HTML
writers write it straight from :func:`checklist_lines`; other builders get the docutils
nodes of :func:`checklist_nodes`, made from the same lines, caption and classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from docutils import nodes

from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.i18n import _
from sphinx_designdoc.labels import use_case_purpose, use_case_title
from sphinx_designdoc.model import LoggingStrategy, LogUseCase
from sphinx_designdoc.query import logging_cell_text
from sphinx_designdoc.render.elements import literal_list
from sphinx_designdoc.render.expand import written_as_html
from sphinx_designdoc.render.fields import field_list
from sphinx_designdoc.sections.base import (
    DesignDirective,
    SectionDirective,
    collecting,
    note_merge,
    scratch,
    text_options,
)
from sphinx_designdoc.values import name_key

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_designdoc.settings import Settings

_SINK = "designdoc:log-use-cases"

# -- the checklist: one description, two renderings --------------------------------------

#: The classes of the checklist's parts, for both renderings.
CHECKLIST_CLASS = "designdoc-use-cases"
CAPTION_CLASS = "designdoc-caption"
LIST_CLASS = "designdoc-checklist"
MARK_CLASS = "designdoc-check"


class ChecklistLine(NamedTuple):
    """One line of the checklist."""

    ticked: bool
    title: str
    purpose: str  # empty for a custom use case

    @property
    def mark(self) -> str:
        return "\u2611" if self.ticked else "\u2610"

    @property
    def state(self) -> str:
        """The list item's class."""
        return "designdoc-checked" if self.ticked else "designdoc-unchecked"


def checklist_lines(names: Iterable[str], selected: Iterable[str]) -> list[ChecklistLine]:
    """Every use case of ``names``, in order, ticked when in ``selected``."""
    ticked = set(selected)
    return [
        ChecklistLine(name in ticked, use_case_title(name), use_case_purpose(name))
        for name in names
    ]


def checklist_caption() -> str:
    return _("Applicable use cases")


def checklist_nodes(lines: list[ChecklistLine]) -> nodes.container:
    """The checklist as docutils nodes: the caption, then a bullet list of ``lines``."""
    items = nodes.bullet_list(classes=[LIST_CLASS])
    for line in lines:
        para = nodes.paragraph()
        para += [nodes.inline(line.mark, line.mark, classes=[MARK_CLASS]), nodes.Text(" ")]
        para += nodes.strong(line.title, line.title)
        if line.purpose:
            para += nodes.Text(f" \u2014 {line.purpose}")
        items += nodes.list_item("", para, classes=[line.state])
    label = checklist_caption()
    title = nodes.paragraph("", "", nodes.strong(label, label), classes=[CAPTION_CLASS])
    return nodes.container("", title, items, classes=[CHECKLIST_CLASS])


def checklist_html(
    lines: list[ChecklistLine], encode: Callable[[str], str], *, compact: bool
) -> str:
    """What Sphinx's HTML writer writes for :func:`checklist_nodes` of ``lines``."""
    simple = " simple" if compact else ""
    out = [
        f'<div class="{CHECKLIST_CLASS} docutils container">\n'
        f'<p class="{CAPTION_CLASS}"><strong>{encode(checklist_caption())}</strong></p>\n'
        f'<ul class="{LIST_CLASS}{simple}">\n'
    ]
    for line in lines:
        purpose = encode(f" \u2014 {line.purpose}") if line.purpose else ""
        out.append(
            f'<li class="{line.state}"><p><span class="{MARK_CLASS}">{line.mark}</span> '
            f"<strong>{encode(line.title)}</strong>{purpose}</p></li>\n"
        )
    out.append("</ul>\n</div>\n")
    return "".join(out)


class design_checklist(written_as_html):
    """Where a logging strategy's checklist goes: the selected use cases in
    ``node["selected"]``; the configured ones come from the settings when it is written."""

    def expand(self, settings: Settings) -> nodes.container:
        return checklist_nodes(checklist_lines(settings.log_use_cases, self["selected"]))


def visit_design_checklist(translator: HTML5Translator, node: design_checklist) -> None:
    names = get_domain(translator.builder.env).settings.log_use_cases
    lines = checklist_lines(names, node["selected"])
    compact = bool(translator.settings.compact_lists)  # Sphinx's html_compact_lists
    translator.body.append(checklist_html(lines, translator.encode, compact=compact))
    raise nodes.SkipNode


# -- the directives ----------------------------------------------------------------------


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
            message = f"log-use-case names no use case; expected one of {choices}"
            self.warn("missing", message, about="use-case")
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
        checklist = design_checklist(selected=strategy.use_cases)  # written late
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


def setup_logging_strategy(app: Sphinx) -> None:
    app.add_directive("logging-strategy", LoggingStrategyDirective)
    app.add_directive("log-use-case", LogUseCaseDirective)
    app.add_node(design_checklist, html=(visit_design_checklist, None))
