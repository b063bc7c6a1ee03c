"""Report rule findings as Sphinx warnings: ``type="designdoc"``, a subtype, ``file:line``.

The one logger of the extension; everything it warns goes through :func:`emit` or
:func:`warn`, so every warning has a subtype that ``suppress_warnings`` can name.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, get_args

from sphinx.util import logging

from sphinx_designdoc.model import Subtype

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docutils import nodes

    from sphinx_designdoc.model import Finding

logger = logging.getLogger("sphinx_designdoc")

#: Every subtype the extension emits; ``suppress_warnings = ["designdoc.<subtype>"]``.
SUBTYPES: tuple[Subtype, ...] = get_args(Subtype)


def emit(findings: Iterable[Finding]) -> None:
    """Log each finding as a warning at its file and line: the file it is really in (an
    included one, say) when known, else its page's."""
    for finding in findings:
        warn(finding.subtype, finding.message, _location(finding))


def warn(
    subtype: Subtype, message: str, location: str | tuple[str, int | None] | nodes.Node | None
) -> None:
    """One ``designdoc.<subtype>`` warning at ``location`` (anything Sphinx's logger takes)."""
    logger.warning(message, type="designdoc", subtype=subtype, location=location)


def _location(finding: Finding) -> str | tuple[str, int | None]:
    """``path:line`` as Sphinx writes a node's location, or (docname, line) for Sphinx."""
    if not finding.source:
        return (finding.docname, finding.line)
    return f"{os.path.abspath(finding.source)}:{finding.line or ''}"


def inform(message: str) -> None:
    """A line of the build's own output (not a warning: ``-W`` does not fail on it)."""
    logger.info(message)
