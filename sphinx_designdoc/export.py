"""The ``designdoc.json`` export: a pure function from the catalog to JSON-ready data.

Every key is always present; a value the author did not give is ``null`` (or an empty
list), so consumers never test for missing keys.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from sphinx_designdoc.coverage import coverage
from sphinx_designdoc.model import DocMeta
from sphinx_designdoc.values import retention_days

if TYPE_CHECKING:
    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.model import LoggingStrategy, Page, Security, Testing
    from sphinx_designdoc.settings import Settings

SCHEMA_VERSION = 1
SCHEMA_FILE = "schema/designdoc.schema.json"


def load_schema() -> dict[str, Any]:
    """The published JSON Schema of ``designdoc.json`` (shipped in the package)."""
    text = resources.files("sphinx_designdoc").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return cast("dict[str, Any]", json.loads(text))


def _or_none(value: str) -> str | None:
    return value or None


def _meta(meta: DocMeta) -> dict[str, Any]:
    return {
        "status": _or_none(meta.status),
        "authors": list(meta.authors),
        "reviewers": list(meta.reviewers),
        "created": _or_none(meta.created),
        "updated": _or_none(meta.updated),
        "prd": _or_none(meta.prd),
        "overview": meta.overview,
        "relations": {kind: list(targets) for kind, targets in meta.relations.items()},
    }


def _logging(logging: LoggingStrategy | None) -> dict[str, Any] | None:
    if logging is None:
        return None
    details = [
        {
            "use_case": d.use_case,
            "events": list(d.events),
            "fields": list(d.fields),
            "retention": _or_none(d.retention),
            "retention_days": retention_days(d.retention) if d.retention else None,
            "sampling": _or_none(d.sampling),
        }
        for d in logging.details
    ]
    return {"use_cases": list(logging.use_cases), "pii": list(logging.pii),
            "privacy": _or_none(logging.privacy), "details": details}  # fmt: skip


def _security(security: Security | None) -> dict[str, Any] | None:
    if security is None:
        return None
    return {"authentication": _or_none(security.authentication),
            "authorization": _or_none(security.authorization),
            "data_protection": _or_none(security.data_protection)}  # fmt: skip


def _testing(testing: Testing | None) -> dict[str, Any] | None:
    if testing is None:
        return None
    return {"unit": _or_none(testing.unit), "integration": _or_none(testing.integration),
            "performance": _or_none(testing.performance)}  # fmt: skip


def page_to_json(page: Page, settings: Settings) -> dict[str, Any]:
    """One doc in the documented shape."""
    return {
        "id": page.id,
        "docname": page.docname,
        "title": page.title,
        "design_doc": page.meta is not None,
        "tags": list(page.tags),
        **_meta(page.meta or DocMeta(page.id)),
        "goals": [
            {"id": g.id, "title": g.title, "kind": g.kind, "target": _or_none(g.target)}
            for g in page.goals
        ],
        "non_goals": [non_goal.text for non_goal in page.non_goals],
        "components": [
            {"id": c.id, "title": c.title, "purpose": _or_none(c.purpose),
             "interface": _or_none(c.interface), "depends_on": list(c.depends_on)}
            for c in page.components
        ],
        "logging": _logging(page.logging),
        "security": _security(page.security),
        "testing": _testing(page.testing),
        "alternatives": [
            {"id": a.id, "title": a.title, "why_not": _or_none(a.why_not)}
            for a in page.alternatives
        ],
        "questions": [
            {"id": q.id, "title": q.title, "owner": _or_none(q.owner),
             "resolution": _or_none(q.resolution), "open": q.is_open}
            for q in page.questions
        ],
        "sections": coverage(page, settings),
    }  # fmt: skip


def export(
    catalog: Catalog, settings: Settings, findings: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Every collected doc by id, in id order, with the schema version, and the
    build's findings (rows of :func:`sphinx_designdoc.findings.to_row`, in file order)."""
    return {
        "version": SCHEMA_VERSION,
        "docs": {page.id: page_to_json(page, settings) for page in catalog.ordered_pages()},
        "findings": findings or [],
    }


def dumps(data: dict[str, Any]) -> str:
    """Stable text: the same sources always give byte-identical JSON."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
