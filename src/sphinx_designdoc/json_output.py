"""Write ``designdoc.json`` beside the HTML output when a build finishes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinx_designdoc.export import dumps, export

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_designdoc.domain import DesignDomain

JSON_NAME = "designdoc.json"


def write_json(app: Sphinx, exception: Exception | None) -> None:
    """Write the export after a successful HTML-family build (unchanged files stay untouched)."""
    if exception is not None or app.builder.format != "html":
        return
    domain = cast("DesignDomain", app.env.domains["design"])
    settings = domain.settings
    if not settings.export_json:
        return
    path = Path(app.outdir) / JSON_NAME
    text = dumps(export(domain.catalog, settings))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
