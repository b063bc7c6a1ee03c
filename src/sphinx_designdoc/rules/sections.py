"""Rules for each section's own content: metadata, goals, components, alternatives, logging."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.rules.common import choice, named
from sphinx_designdoc.settings import KINDS_NEEDING_TARGET, Settings
from sphinx_designdoc.values import (
    MAX_RETENTION_DAYS,
    is_iso_date,
    meant,
    period_days,
    retention_days,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_designdoc.catalog import Catalog


def check_doc_meta(page: Page, settings: Settings) -> Iterator[Finding]:
    """Status must be configured and dates must be ISO dates."""
    meta = page.meta
    if meta is None:
        return
    if meta.status:
        where = meta.location.of("status")
        yield from choice(page.docname, where, "status", meta.status, settings.statuses)
    for name, value in (("created", meta.created), ("updated", meta.updated)):
        if value and not is_iso_date(value):
            yield Finding.at(
                "option",
                f"bad :{name}: date {value!r}; expected YYYY-MM-DD",
                page.docname,
                meta.location.of(name),
            )


def check_goals(page: Page, settings: Settings) -> Iterator[Finding]:
    """Goal kinds must be configured; performance and scalability goals need a target."""
    for goal in page.goals:
        where = goal.location.of("kind")
        yield from choice(page.docname, where, "goal kind", goal.kind, settings.goal_kinds)
        if goal.kind in KINDS_NEEDING_TARGET and not goal.target:
            yield Finding.at(
                "missing",
                f"{named(f'{goal.kind} goal', goal.title)} has no :target:",
                page.docname,
                goal.location,
            )


def check_components(catalog: Catalog) -> Iterator[Finding]:
    """``:depends-on:`` names other components of the same doc; checked once every doc
    is known, so that the hint may be another doc's component (``DOCID.ITEMID``)."""
    for docname in sorted(catalog.pages):
        yield from _check_dependencies(catalog.pages[docname], catalog)


def _check_dependencies(page: Page, catalog: Catalog) -> Iterator[Finding]:
    known = {component.id for component in page.components}
    for component in page.components:
        for dependency in component.depends_on:
            # DOCID.ITEMID names another doc's component: resolved (and checked) as a link
            if dependency not in known and "." not in dependency:
                hint = meant(catalog.closest("component", dependency, page.docname))
                yield Finding.at(
                    "ref",
                    f"component {component.title!r} depends on {dependency!r}, "
                    f"which is no component of this doc{hint}",
                    page.docname,
                    component.location.of("depends-on"),
                )


def check_alternatives(page: Page, settings: Settings) -> Iterator[Finding]:
    """An alternative without the reason it was not chosen teaches nothing."""
    for alt in page.alternatives:
        if not alt.why_not:
            message = f"{named('alternative', alt.title)} has no :why-not:"
            yield Finding.at("missing", message, page.docname, alt.location)


def _retention_problem(retention: str) -> str:
    """Why a ``:retention:`` value gives no ``retention_days``."""
    if period_days(retention) is None:
        return f"unparseable :retention: {retention!r}; use e.g. 14d, 2w, 6m, 1y, '90 days' or P30D"
    return (
        f":retention: {retention!r} is longer than 100 years ({MAX_RETENTION_DAYS} days), "
        "the longest retention period accepted"
    )


def check_logging(page: Page, settings: Settings) -> Iterator[Finding]:
    """Use cases must be known, selected ones detailed, retention parseable, PII explained."""
    logging = page.logging
    if logging is None:
        return
    selection = logging.location.of("use-cases")
    for use_case in logging.use_cases:
        yield from choice(page.docname, selection, "log use case", use_case, settings.log_use_cases)
    detailed = {detail.use_case for detail in logging.details}
    for use_case in logging.use_cases:
        if use_case in settings.log_use_cases and use_case not in detailed:
            yield Finding.at(
                "missing",
                f"log use case {use_case!r} is selected but has no log-use-case details",
                page.docname,
                selection,
            )
    for detail in logging.details:
        if detail.use_case:  # an empty name already warned at the directive
            yield from choice(
                page.docname, detail.location, "log use case", detail.use_case,
                settings.log_use_cases,
            )  # fmt: skip
        if detail.retention and retention_days(detail.retention) is None:
            yield Finding.at(
                "option",
                _retention_problem(detail.retention),
                page.docname,
                detail.location.of("retention"),
            )
    if logging.pii and not logging.privacy:
        yield Finding.at(
            "missing", ":pii: fields are listed without :privacy: notes", page.docname,
            logging.location.of("pii"),
        )  # fmt: skip
