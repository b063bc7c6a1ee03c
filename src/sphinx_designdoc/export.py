"""The ``designdoc.json`` export: a pure function from the catalog to JSON-ready data."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sphinx_designdoc.values import retention_days

if TYPE_CHECKING:
    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.model import Page

SCHEMA_VERSION = 1


def page_to_json(page: Page) -> dict[str, Any]:
    """One doc in the documented shape; absent metadata gives empty values, never omissions."""
    meta = page.meta
    logging = page.logging
    return {
        "id": page.id,
        "docname": page.docname,
        "title": page.title,
        "design_doc": meta is not None,
        "status": (meta.status or None) if meta else None,
        "authors": list(meta.authors) if meta else [],
        "reviewers": list(meta.reviewers) if meta else [],
        "created": (meta.created or None) if meta else None,
        "updated": (meta.updated or None) if meta else None,
        "prd": (meta.prd or None) if meta else None,
        "tags": list(page.tags),
        "overview": meta.overview if meta else "",
        "relations": {
            kind: list(targets) for kind, targets in (meta.relations.items() if meta else [])
        }
        or {"supersedes": [], "amends": [], "requires": [], "related": []},
        "goals": [
            {"id": g.id, "title": g.title, "kind": g.kind, "target": g.target or None}
            for g in page.goals
        ],
        "non_goals": [non_goal.text for non_goal in page.non_goals],
        "alternatives": [
            {"id": a.id, "title": a.title, "why_not": a.why_not or None} for a in page.alternatives
        ],
        "logging": None
        if logging is None
        else {
            "use_cases": list(logging.use_cases),
            "pii": list(logging.pii),
            "privacy": logging.privacy or None,
            "details": [
                {
                    "use_case": d.use_case,
                    "events": list(d.events),
                    "fields": list(d.fields),
                    "retention": d.retention or None,
                    "retention_days": retention_days(d.retention) if d.retention else None,
                    "sampling": d.sampling or None,
                }
                for d in logging.details
            ],
        },
    }


def export(catalog: Catalog) -> dict[str, Any]:
    """Every collected doc by id, in id order, with the schema version."""
    return {
        "version": SCHEMA_VERSION,
        "docs": {page.id: page_to_json(page) for page in catalog.ordered_pages()},
    }


def dumps(data: dict[str, Any]) -> str:
    """Stable text: the same sources always give byte-identical JSON."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
