"""Template placeholders such as ``[Feature Name]`` must not be left in a design doc."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx_designdoc.settings import Settings


def find_placeholders(
    page: Page, texts: Iterable[tuple[str, int | None]], settings: Settings
) -> Iterator[Finding]:
    """One finding per placeholder per line, in the order the text was written."""
    if page.meta is None:
        return
    pattern = re.compile(settings.placeholder_pattern)
    seen: set[tuple[str, int | None]] = set()
    for text, line in texts:
        for match in pattern.finditer(text):
            if (match.group(), line) not in seen:
                seen.add((match.group(), line))
                yield Finding(
                    "placeholder",
                    f"template placeholder {match.group()!r} left in",
                    page.docname,
                    line,
                )
