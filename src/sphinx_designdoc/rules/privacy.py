"""Logged fields that look like personal data must be declared in ``:pii:``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_designdoc.settings import Settings

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
                )
