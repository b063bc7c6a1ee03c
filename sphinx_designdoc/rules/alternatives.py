"""Rules of the Alternatives Considered section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.rules.common import named

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_designdoc.settings import Settings


def check_alternatives(page: Page, settings: Settings) -> Iterator[Finding]:
    """An alternative without the reason it was not chosen teaches nothing."""
    for alt in page.alternatives:
        if not alt.why_not:
            message = f"{named('alternative', alt.title)} has no :why-not:"
            yield Finding.at(
                "missing",
                message,
                page.docname,
                alt.location,
                about=f"alternative:{alt.id}:why-not",
            )
