"""Which template sections a doc has, and the check that complete docs have them all.

A section counts as present through its directive (goals, components, logging, ...)
or through a heading whose title is one of the section's titles (case-insensitive,
extended by ``designdoc_section_aliases``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.settings import SECTION_HEADINGS, TEMPLATE_SECTIONS, Settings

if TYPE_CHECKING:
    from collections.abc import Iterator

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")


def normalize_heading(title: str) -> str:
    """``3.2 Data Model:`` -> ``data model``."""
    return " ".join(_NUMBERING.sub("", title).strip().rstrip(":").split()).lower()


def coverage(page: Page, settings: Settings) -> dict[str, bool]:
    """Every template section of the doc, present or not, in template order."""
    by_directive = {
        "overview": bool(page.meta and page.meta.overview),
        "goals": bool(page.goals),
        "non-goals": bool(page.non_goals),
        "design": bool(page.components),
        "logging-strategy": page.logging is not None,
        "security": page.security is not None,
        "testing": page.testing is not None,
        "alternatives": bool(page.alternatives),
    }
    headings = set(page.headings)
    titles = settings.section_titles()
    return {
        key: by_directive.get(key, False) or not headings.isdisjoint(titles.get(key, ()))
        for key in TEMPLATE_SECTIONS
    }


#: The directive that provides each structured section.
SECTION_DIRECTIVES = {
    "overview": "overview text in design-doc",
    "goals": "a design-goals directive",
    "non-goals": "a non-goals directive",
    "design": "a component directive",
    "logging-strategy": "a logging-strategy directive",
    "security": "a security-considerations directive",
    "testing": "a testing-strategy directive",
    "alternatives": "an alternative directive",
}


def check_coverage(page: Page, settings: Settings) -> Iterator[Finding]:
    """A doc whose status says it is complete has every required section."""
    meta = page.meta
    if meta is None or meta.status not in settings.complete_statuses:
        return
    present = coverage(page, settings)
    for key in settings.required_sections:
        if present.get(key, True):
            continue
        heading = SECTION_HEADINGS[key]
        how = f"a {heading!r} heading"
        if directive := SECTION_DIRECTIVES.get(key):
            how += f" or {directive}"
        yield Finding(
            "missing",
            f"required section {heading!r} is missing ({meta.status!r} docs need it): add {how}",
            page.docname,
            meta.line,
        )
