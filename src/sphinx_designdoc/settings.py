"""The extension's settings as a pure, frozen value: what the rules and renderers read.

Built once from Sphinx's config (see :mod:`sphinx_designdoc.config`); the defaults
follow the design-doc template.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Settings:
    """What the configuration says, in the types the rules need."""

    statuses: tuple[str, ...] = DEFAULT_STATUSES
    goal_kinds: tuple[str, ...] = DEFAULT_GOAL_KINDS
    log_use_cases: tuple[str, ...] = DEFAULT_LOG_USE_CASES
    log_standard_fields: tuple[str, ...] = DEFAULT_LOG_STANDARD_FIELDS
    export_json: bool = True
