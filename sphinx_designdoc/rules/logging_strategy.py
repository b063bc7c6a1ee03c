"""Rules of the Logging Strategy section: known and detailed use cases, parseable
retention, and personal data declared in ``:pii:`` and explained in ``:privacy:``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.rules.common import choice
from sphinx_designdoc.values import MAX_RETENTION_DAYS, period_days, retention_days

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_designdoc.settings import Settings


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
        yield from choice(page.docname, selection, "log use case", use_case,
                           settings.log_use_cases, f"use-cases:{use_case}")  # fmt: skip
    detailed = {detail.use_case for detail in logging.details}
    for use_case in logging.use_cases:
        if use_case in settings.log_use_cases and use_case not in detailed:
            yield Finding.at(
                "missing",
                f"log use case {use_case!r} is selected but has no log-use-case details",
                page.docname,
                selection,
                about=f"log-use-case:{use_case}",
            )
    for detail in logging.details:
        if detail.use_case:  # an empty name already warned at the directive
            yield from choice(
                page.docname, detail.location, "log use case", detail.use_case,
                settings.log_use_cases, f"log-use-case:{detail.use_case}",
            )  # fmt: skip
        if detail.retention and retention_days(detail.retention) is None:
            yield Finding.at(
                "option",
                _retention_problem(detail.retention),
                page.docname,
                detail.location.of("retention"),
                about=f"log-use-case:{detail.use_case}:retention",
            )
    if logging.pii and not logging.privacy:
        yield Finding.at(
            "missing", ":pii: fields are listed without :privacy: notes", page.docname,
            logging.location.of("pii"), about="privacy",
        )  # fmt: skip


_WORD_SPLIT = re.compile(r"[_\-.\s]+")


def _words(name: str) -> list[str]:
    return [word for word in _WORD_SPLIT.split(name.lower()) if word]


def pii_match(field: str, patterns: tuple[str, ...]) -> str | None:
    """The pattern whose words appear, whole and in order, among the field name's words.

    ``customer_email`` matches ``email``; ``user_agent_hash`` matches ``user_agent``;
    ``shipping`` does not match ``ip``.
    """
    words = _words(field)
    for pattern in patterns:
        wanted = _words(pattern)
        size = len(wanted)
        if size and any(words[i : i + size] == wanted for i in range(len(words) - size + 1)):
            return pattern
    return None


def check_privacy(page: Page, settings: Settings) -> Iterator[Finding]:
    """Every logged field that looks like PII is listed in the strategy's ``:pii:``."""
    if page.logging is None:
        return
    declared = {name.lower() for name in page.logging.pii}
    for detail in page.logging.details:
        for field in detail.fields:
            if field.lower() in declared:
                continue
            if pattern := pii_match(field, settings.pii_patterns):
                yield Finding.at(
                    "privacy",
                    f"logged field {field!r} looks like personal data ({pattern!r}) "
                    "but is not listed in :pii:",
                    page.docname,
                    detail.location.of("fields"),
                    about=f"fields:{field}",
                )
