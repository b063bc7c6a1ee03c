"""Docs whose status says they are complete must have every required section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.coverage import coverage
from sphinx_designdoc.model import Finding
from sphinx_designdoc.settings import SECTION_HEADINGS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_designdoc.model import Page
    from sphinx_designdoc.settings import Settings


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
        how = f"the heading {heading!r}"
        if directive := SECTION_DIRECTIVES.get(key):
            how += f" or {directive}"
        yield Finding.at(
            "missing",
            f"required section {heading!r} is missing ({meta.status!r} docs need it): add {how}",
            page.docname,
            meta.location,
            about=key,
        )
