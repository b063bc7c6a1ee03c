"""Validation rules: pure functions from the model to findings.

``check_page`` runs when a page has been read (its findings point into that page);
``check_project`` runs once all pages are known (duplicate doc ids, relation targets).
Sphinx only turns the findings into warnings (:mod:`sphinx_designdoc.warnings`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.query import IndexQuery, allowed_columns, kind_choices
from sphinx_designdoc.settings import KINDS_NEEDING_TARGET, Settings
from sphinx_designdoc.values import is_iso_date, retention_days, unknown_choice

PageRule = Callable[[Page, Settings], Iterator[Finding]]


def _choice(
    docname: str, line: int | None, what: str, value: str, choices: tuple[str, ...]
) -> Iterator[Finding]:
    if value not in choices:
        yield Finding("option", unknown_choice(what, value, choices), docname, line)


def check_doc_meta(page: Page, settings: Settings) -> Iterator[Finding]:
    """Status must be configured and dates must be ISO dates."""
    meta = page.meta
    if meta is None:
        return
    if meta.status:
        yield from _choice(page.docname, meta.line, "status", meta.status, settings.statuses)
    for name, value in (("created", meta.created), ("updated", meta.updated)):
        if value and not is_iso_date(value):
            yield Finding(
                "option",
                f"bad :{name}: date {value!r}; expected YYYY-MM-DD",
                page.docname,
                meta.line,
            )


def check_goals(page: Page, settings: Settings) -> Iterator[Finding]:
    """Goal kinds must be configured; performance and scalability goals need a target."""
    for goal in page.goals:
        yield from _choice(page.docname, goal.line, "goal kind", goal.kind, settings.goal_kinds)
        if goal.kind in KINDS_NEEDING_TARGET and not goal.target:
            yield Finding(
                "missing",
                f"{goal.kind} goal {goal.title!r} has no :target:",
                page.docname,
                goal.line,
            )


def check_alternatives(page: Page, settings: Settings) -> Iterator[Finding]:
    """An alternative without the reason it was not chosen teaches nothing."""
    for alt in page.alternatives:
        if not alt.why_not:
            yield Finding(
                "missing", f"alternative {alt.title!r} has no :why-not:", page.docname, alt.line
            )


def check_logging(page: Page, settings: Settings) -> Iterator[Finding]:
    """Use cases must be known, selected ones detailed, retention parseable, PII explained."""
    logging = page.logging
    if logging is None:
        return
    for use_case in logging.use_cases:
        yield from _choice(
            page.docname, logging.line, "log use case", use_case, settings.log_use_cases
        )
    detailed = {detail.use_case for detail in logging.details}
    for use_case in logging.use_cases:
        if use_case in settings.log_use_cases and use_case not in detailed:
            yield Finding(
                "missing",
                f"log use case {use_case!r} is selected but has no log-use-case details",
                page.docname,
                logging.line,
            )
    for detail in logging.details:
        if detail.use_case:  # an empty name already warned at the directive
            yield from _choice(
                page.docname, detail.line, "log use case", detail.use_case, settings.log_use_cases
            )
        if detail.retention and retention_days(detail.retention) is None:
            yield Finding(
                "option",
                f"unparseable :retention: {detail.retention!r}; "
                "use e.g. 14d, 2w, 6m, 1y, '90 days' or P30D",
                page.docname,
                detail.line,
            )
    if logging.pii and not logging.privacy:
        yield Finding(
            "missing",
            ":pii: fields are listed without :privacy: notes",
            page.docname,
            logging.line,
        )


def check_duplicate_items(page: Page, settings: Settings) -> Iterator[Finding]:
    """Item ids must be unique per kind within a doc, or references become ambiguous."""
    groups: list[tuple[str, Iterable[tuple[str, int | None]]]] = [
        ("goal", ((goal.id, goal.line) for goal in page.goals)),
        ("alternative", ((alt.id, alt.line) for alt in page.alternatives)),
        (
            "log use case",
            ((d.use_case, d.line) for d in page.logging.details) if page.logging else (),
        ),
    ]
    for what, items in groups:
        seen: set[str] = set()
        for item_id, line in items:
            if item_id in seen:
                yield Finding(
                    "duplicate", f"duplicate {what} id {item_id!r} in this doc", page.docname, line
                )
            seen.add(item_id)


PAGE_RULES: tuple[PageRule, ...] = (
    check_doc_meta,
    check_goals,
    check_alternatives,
    check_logging,
    check_duplicate_items,
)


def check_page(page: Page, settings: Settings) -> list[Finding]:
    """Every finding for one page, in rule order."""
    return [finding for rule in PAGE_RULES for finding in rule(page, settings)]


def check_project(pages: Mapping[str, Page]) -> list[Finding]:
    """Findings that need every page: duplicate doc ids and unknown relation targets."""
    ordered = [pages[name] for name in sorted(pages)]
    counts = Counter(page.id for page in ordered if page.meta)
    first: dict[str, str] = {}
    findings: list[Finding] = []
    known = {page.id for page in ordered}
    for page in ordered:
        if page.meta is None:
            continue
        if counts[page.id] > 1:
            if page.id in first:
                findings.append(
                    Finding(
                        "duplicate",
                        f"duplicate design doc id {page.id!r}; also used by {first[page.id]!r}",
                        page.docname,
                        page.meta.line,
                    )
                )
            else:
                first[page.id] = page.docname
        for kind, targets in page.meta.relations.items():
            findings.extend(
                Finding(
                    "ref",
                    f":{kind}: names unknown design doc {target!r}",
                    page.docname,
                    page.meta.line,
                )
                for target in targets
                if target not in known
            )
    return findings


def check_query(query: IndexQuery, settings: Settings, docname: str) -> list[Finding]:
    """Filters and columns of a ``design-index`` must name things that exist."""
    findings: list[Finding] = []

    def unknown(what: str, values: tuple[str, ...], choices: tuple[str, ...]) -> None:
        for value in values:
            findings.extend(_choice(docname, query.line, what, value, choices))

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
