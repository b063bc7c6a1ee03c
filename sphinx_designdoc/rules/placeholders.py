"""Template placeholders such as ``[Feature Name]`` must not be left in a design doc."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx_designdoc.model import Location
    from sphinx_designdoc.settings import Settings


def may_hold_placeholders(texts: Iterable[str], settings: Settings) -> bool:
    """Whether any of ``texts`` matches, searched in one pass over their joined text.

    Cheaper than :func:`find_placeholders`, which needs each line's number; a page that
    fails this test has no placeholder (each text starts a new line of the joined text,
    so ``^`` and ``$`` match where they match in the line-by-line scan).
    """
    pattern = re.compile(settings.placeholder_pattern, re.MULTILINE)
    return pattern.search("\n".join(texts)) is not None


def find_placeholders(
    page: Page, texts: Iterable[tuple[str, Location]], settings: Settings
) -> Iterator[Finding]:
    """One finding per placeholder per line, in the order the text was written."""
    if page.meta is None:
        return
    pattern = re.compile(settings.placeholder_pattern)
    seen: set[tuple[str, Location]] = set()
    for text, where in texts:
        for match in pattern.finditer(text):
            if (match.group(), where) not in seen:
                seen.add((match.group(), where))
                yield Finding.at(
                    "placeholder",
                    f"template placeholder {match.group()!r} left in",
                    page.docname,
                    where,
                    about=match.group(),
                )
