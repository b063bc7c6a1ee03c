"""The extension's settings as a pure, frozen value: what the rules and renderers read.

Built once from Sphinx's config (see :mod:`sphinx_designdoc.config`); the defaults
follow the design-doc template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_STATUSES = (
    "draft",
    "in-review",
    "approved",
    "implemented",
    "rejected",
    "superseded",
    "withdrawn",
)
DEFAULT_GOAL_KINDS = (
    "functional",
    "performance",
    "scalability",
    "reliability",
    "security",
    "operability",
)
#: Goal kinds whose goals must say how success is measured.
KINDS_NEEDING_TARGET = frozenset({"performance", "scalability"})
DEFAULT_LOG_USE_CASES = (
    "tracing",
    "error-tracking",
    "user-behavior",
    "performance",
    "security-audit",
    "business-metrics",
)
DEFAULT_LOG_STANDARD_FIELDS = ("use_case", "timestamp", "trace_id")
DEFAULT_COMPLETE_STATUSES = ("in-review", "approved", "implemented")
#: The template's sections, in order (the completeness check's keys).
TEMPLATE_SECTIONS = (
    "overview",
    "background",
    "goals",
    "non-goals",
    "design",
    "data-model",
    "api-design",
    "error-handling",
    "logging-strategy",
    "security",
    "testing",
    "migration-plan",
    "alternatives",
)
#: How the template titles each section.
SECTION_HEADINGS = {
    "overview": "Overview",
    "background": "Background",
    "goals": "Goals",
    "non-goals": "Non-Goals",
    "design": "Design",
    "data-model": "Data Model",
    "api-design": "API Design",
    "error-handling": "Error Handling",
    "logging-strategy": "Logging Strategy",
    "security": "Security Considerations",
    "testing": "Testing Strategy",
    "migration-plan": "Migration Plan",
    "alternatives": "Alternatives Considered",
}
#: Section titles that count as each template section (matched case-insensitively).
DEFAULT_SECTION_TITLES: dict[str, tuple[str, ...]] = {
    "overview": ("overview", "summary"),
    "background": ("background", "context"),
    "goals": ("goals",),
    "non-goals": ("non-goals", "non goals"),
    "design": ("design", "detailed design", "high-level architecture", "architecture"),
    "data-model": ("data model", "data models", "schema"),
    "api-design": ("api design", "api", "apis"),
    "error-handling": ("error handling", "errors"),
    "logging-strategy": ("logging strategy", "logging"),
    "security": ("security considerations", "security"),
    "testing": ("testing strategy", "testing", "test plan"),
    "migration-plan": ("migration plan", "migration", "rollout"),
    "alternatives": ("alternatives considered", "alternatives"),
}
DEFAULT_PII_PATTERNS = (
    "email",
    "phone",
    "ip",
    "name",
    "address",
    "ssn",
    "card",
    "birth",
    "passport",
    "location",
    "user_agent",
)
#: Bracketed template text such as ``[Feature Name]`` or ``[Description]``.
DEFAULT_PLACEHOLDER_PATTERN = r"\[[A-Z][^\[\]\n]{0,200}\]"
DEFAULT_STALE_DAYS = 30


@dataclass(frozen=True)
class Settings:
    """What the configuration says, in the types the rules need."""

    statuses: tuple[str, ...] = DEFAULT_STATUSES
    goal_kinds: tuple[str, ...] = DEFAULT_GOAL_KINDS
    log_use_cases: tuple[str, ...] = DEFAULT_LOG_USE_CASES
    log_standard_fields: tuple[str, ...] = DEFAULT_LOG_STANDARD_FIELDS
    required_sections: tuple[str, ...] = TEMPLATE_SECTIONS
    #: Extra titles per section, on top of :data:`DEFAULT_SECTION_TITLES`.
    section_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    pii_patterns: tuple[str, ...] = DEFAULT_PII_PATTERNS
    placeholder_pattern: str = DEFAULT_PLACEHOLDER_PATTERN
    stale_days: int = DEFAULT_STALE_DAYS
    complete_statuses: tuple[str, ...] = DEFAULT_COMPLETE_STATUSES
    export_json: bool = True
    #: The build date (``SOURCE_DATE_EPOCH`` when set), for the staleness check.
    today: dt.date = dt.date(1970, 1, 1)

    def section_titles(self) -> dict[str, tuple[str, ...]]:
        """Every title that counts as each template section, lowercased."""
        titles = {key: list(values) for key, values in DEFAULT_SECTION_TITLES.items()}
        for key, extra in self.section_aliases:
            titles.setdefault(key, []).extend(title.lower() for title in extra)
        return {key: tuple(values) for key, values in titles.items()}
