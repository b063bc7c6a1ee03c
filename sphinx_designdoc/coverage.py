"""Which template sections a doc has: by directive, or by a heading with the section's title.

Headings match case-insensitively, without numbering, against the section's titles
(extended by ``designdoc_section_aliases``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_designdoc.settings import TEMPLATE_SECTIONS

if TYPE_CHECKING:
    from sphinx_designdoc.model import Page
    from sphinx_designdoc.settings import Settings

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
