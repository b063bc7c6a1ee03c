"""Validation rules: pure functions from the model to findings.

``check_page`` runs when a page has been read (its findings point into that page);
``check_project`` runs once every page is known (ids, relations, dependencies,
successors).  Sphinx only turns findings into warnings (:mod:`sphinx_designdoc.report`).
Each module holds the rules of one section of the template (``goals``,
``logging_strategy``...), named as its module in :mod:`sphinx_designdoc.sections`, or of
one concern across sections (``item_ids``, ``coverage``, ``placeholders``); add a rule
to the tuples below to run it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.coverage import coverage
from sphinx_designdoc.rules.alternatives import check_alternatives
from sphinx_designdoc.rules.components import check_components
from sphinx_designdoc.rules.coverage import check_coverage
from sphinx_designdoc.rules.design_doc import (
    check_doc_ids,
    check_doc_meta,
    check_lifecycle,
    check_relation_targets,
    check_successors,
)
from sphinx_designdoc.rules.design_graph import check_graph_query
from sphinx_designdoc.rules.design_index import check_query
from sphinx_designdoc.rules.goals import check_goals
from sphinx_designdoc.rules.item_ids import check_duplicate_items
from sphinx_designdoc.rules.logging_strategy import check_logging, check_privacy
from sphinx_designdoc.rules.placeholders import find_placeholders, may_hold_placeholders

if TYPE_CHECKING:
    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.model import Finding, Page
    from sphinx_designdoc.rules.common import PageRule
    from sphinx_designdoc.settings import Settings

PAGE_RULES: tuple[PageRule, ...] = (
    check_doc_meta,
    check_goals,
    check_alternatives,
    check_logging,
    check_privacy,
    check_duplicate_items,
    check_coverage,
    check_lifecycle,
)


def check_page(page: Page, settings: Settings) -> list[Finding]:
    """Every finding for one page, in rule order."""
    return [finding for rule in PAGE_RULES for finding in rule(page, settings)]


def check_project(catalog: Catalog) -> list[Finding]:
    """Findings that need every page: duplicate doc ids, relation and dependency targets
    (whose hints may name any doc), successors."""
    pages = catalog.pages
    return [
        *check_doc_ids(pages),
        *check_relation_targets(pages),
        *check_components(catalog),
        *check_successors(pages),
    ]


__all__ = [
    "check_graph_query",
    "check_page",
    "check_project",
    "check_query",
    "coverage",
    "find_placeholders",
    "may_hold_placeholders",
]
