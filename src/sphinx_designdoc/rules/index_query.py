"""A ``design-index`` must filter by, show and sort on things that exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding
from sphinx_designdoc.query import IndexQuery, allowed_columns, kind_choices
from sphinx_designdoc.rules.common import choice

if TYPE_CHECKING:
    from sphinx_designdoc.settings import Settings


def check_query(query: IndexQuery, settings: Settings, docname: str) -> list[Finding]:
    """Unknown statuses, kinds, columns and sort columns, each with a suggestion."""
    findings: list[Finding] = []

    def unknown(what: str, values: tuple[str, ...], choices: tuple[str, ...]) -> None:
        for value in values:
            findings.extend(choice(docname, query.line, what, value, choices))

    unknown("status", query.statuses, settings.statuses)
    choices = kind_choices(query.kind, settings)
    if query.kinds and not choices:
        findings.append(
            Finding(
                "option", f":kind: does not apply to a {query.kind!r} index", docname, query.line
            )
        )
    else:
        unknown("kind", query.kinds, choices)
    columns = allowed_columns(query.kind, settings)
    unknown("column", query.columns, columns)
    if query.sort:
        unknown("sort column", (query.sort.lstrip("-"),), columns)
    return findings
