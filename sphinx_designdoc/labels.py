"""The template's own words, translated: use cases, section titles, relations and the
headers of index columns. Shared by the sections that show them and the index tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.catalog import use_case_label
from sphinx_designdoc.i18n import _
from sphinx_designdoc.settings import SECTION_HEADINGS

if TYPE_CHECKING:
    from collections.abc import Callable

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


def relation_label(kind: str) -> str:
    """The field label of a relation a doc declares (``:supersedes:``)."""
    labels = {
        "supersedes": _("Supersedes"),
        "amends": _("Amends"),
        "requires": _("Requires"),
        "related": _("Related"),
    }
    return labels[kind]


def backlink_label(kind: str) -> str:
    """The field label of a relation other docs declare to this one."""
    labels = {"supersedes": _("Superseded by"), "amends": _("Amended by"),
              "requires": _("Required by"), "related": _("Referenced from")}  # fmt: skip
    return labels[kind]


def column_label(column: str) -> str:
    """The translated header of a column key; use-case and section columns show their name."""
    labels = {
        "doc": _("Design doc"), "id": _("Id"), "status": _("Status"),
        "authors": _("Authors"), "reviewers": _("Reviewers"), "created": _("Created"),
        "updated": _("Updated"), "tags": _("Tags"), "goal": _("Goal"), "kind": _("Kind"),
        "target": _("Target"), "non-goal": _("Non-goal"), "component": _("Component"),
        "purpose": _("Purpose"), "interface": _("Interface"), "depends-on": _("Depends on"),
        "alternative": _("Alternative"), "why-not": _("Why not chosen"),
        "pii": _("PII fields"), "field": _("Field"), "retention": _("Retention"),
        "use-cases": _("Use cases"), "privacy": _("Privacy"), "question": _("Question"),
        "owner": _("Owner"), "state": _("State"), "resolution": _("Resolution"),
        "age": _("Age (days)"), "questions": _("Open questions"),
        "missing": _("Missing sections"), "findings": _("Findings"), "docs": _("Docs"),
    }  # fmt: skip
    if column in labels:
        return labels[column]
    if column in SECTION_HEADINGS:
        return section_title(column)
    return use_case_title(column)


def section_title(key: str) -> str:
    """The translated title of a template section."""
    titles = {
        "overview": _("Overview"), "background": _("Background"), "goals": _("Goals"),
        "non-goals": _("Non-Goals"), "design": _("Design"), "data-model": _("Data Model"),
        "api-design": _("API Design"), "error-handling": _("Error Handling"),
        "logging-strategy": _("Logging Strategy"),
        "security": _("Security Considerations"), "testing": _("Testing Strategy"),
        "migration-plan": _("Migration Plan"), "alternatives": _("Alternatives Considered"),
    }  # fmt: skip
    return titles.get(key, SECTION_HEADINGS.get(key, key))
