"""Write ``designdoc.json``: beside the HTML output, and as the ``designdoc`` builder's output."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinx_designdoc.export import dumps, export

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_designdoc.domain import DesignDomain

JSON_NAME = "designdoc.json"


def write_export(env: BuildEnvironment, outdir: str | Path) -> Path:
    """Write the export of the whole collection; an unchanged file is left untouched."""
    domain = cast("DesignDomain", env.domains["design"])
    path = Path(outdir) / JSON_NAME
    text = dumps(export(domain.catalog, domain.settings))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def write_json(app: Sphinx, exception: Exception | None) -> None:
    """After a successful HTML-family build, write the export unless it is turned off."""
    if exception is not None or app.builder.format != "html":
        return
    domain = cast("DesignDomain", app.env.domains["design"])
    if domain.settings.export_json:
        write_export(app.env, app.outdir)
