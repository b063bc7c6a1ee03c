"""Turn rule findings into Sphinx warnings: ``type="designdoc"``, a subtype, ``file:line``."""

from __future__ import annotations

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
    """Log each finding as a warning at its docname and line."""
    for finding in findings:
        logger.warning(
            finding.message,
            type="designdoc",
            subtype=finding.subtype,
            location=(finding.docname, finding.line),
        )
