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

    def unknown(what: str, option: str, values: tuple[str, ...], choices: tuple[str, ...]) -> None:
        for value in values:
            where = query.location.of(option)
            about = f"design-index:{query.kind}:{option}:{value}"
            findings.extend(choice(docname, where, what, value, choices, about))

    unknown("status", "status", query.statuses, settings.statuses)
    choices = kind_choices(query.kind, settings)
    if query.kinds and not choices:
        message = f":kind: does not apply to a {query.kind!r} index"
        where = query.location.of("kind")
        about = f"design-index:{query.kind}:kind"
        findings.append(Finding.at("option", message, docname, where, about=about))
    else:
        unknown("kind", "kind", query.kinds, choices)
    columns = allowed_columns(query.kind, settings)
    unknown("column", "columns", query.columns, columns)
    if query.sort:
        unknown("sort column", "sort", (query.sort.lstrip("-"),), columns)
    return findings
