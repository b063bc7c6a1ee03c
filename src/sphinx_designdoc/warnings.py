"""Turn rule findings into Sphinx warnings: ``type="designdoc"``, a subtype, ``file:line``."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx_designdoc.model import Finding

logger = logging.getLogger("sphinx_designdoc")

#: Every subtype the extension emits; ``suppress_warnings = ["designdoc.<subtype>"]``.
SUBTYPES = (
    "option",
    "missing",
    "placeholder",
    "duplicate",
    "ref",
    "lifecycle",
    "privacy",
    "structure",
    "config",
)


def emit(findings: Iterable[Finding]) -> None:
    """Log each finding as a warning at its file and line: the file it is really in (an
    included one, say) when known, else its page's."""
    for finding in findings:
        logger.warning(
            finding.message,
            type="designdoc",
            subtype=finding.subtype,
            location=_location(finding),
        )


def _location(finding: Finding) -> str | tuple[str, int | None]:
    """``path:line`` as Sphinx writes a node's location, or (docname, line) for Sphinx."""
    if not finding.source:
        return (finding.docname, finding.line)
    return f"{os.path.abspath(finding.source)}:{finding.line or ''}"
