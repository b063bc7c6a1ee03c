"""A ``design-graph`` must draw a kind of graph that exists and filter by real statuses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.graph import GRAPH_KINDS
from sphinx_designdoc.rules.common import choice

if TYPE_CHECKING:
    from sphinx_designdoc.graph import GraphQuery
    from sphinx_designdoc.model import Finding
    from sphinx_designdoc.settings import Settings


def check_graph_query(
    query: GraphQuery, written_of: str, settings: Settings, docname: str
) -> list[Finding]:
    """An unknown ``:of:`` (``written_of``, as the author wrote it) and unknown statuses,
    each at its option's line, with a suggestion."""
    findings: list[Finding] = []
    if written_of:
        where, about = query.location.of("of"), f"design-graph:of:{written_of}"
        findings.extend(choice(docname, where, "graph kind", written_of, GRAPH_KINDS, about))
    for status in query.statuses:
        where, about = query.location.of("status"), f"design-graph:status:{status}"
        findings.extend(choice(docname, where, "status", status, settings.statuses, about))
    return findings
