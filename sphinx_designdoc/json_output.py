"""Write ``designdoc.json``: beside the HTML output, and as the ``designdoc`` builder's output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders._epub_base import EpubBuilder

from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.export import SCHEMA_VERSION, dumps, export
from sphinx_designdoc.review import finding_rows

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

JSON_NAME = "designdoc.json"


def write_export(env: BuildEnvironment, outdir: str | Path) -> Path:
    """Write the export of the whole collection; an unchanged file is left untouched."""
    domain = get_domain(env)
    path = Path(outdir) / JSON_NAME
    text = dumps(export(domain.catalog, domain.settings, finding_rows(env)))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def write_json(app: Sphinx, exception: Exception | None) -> None:
    """After a successful HTML-family build, write the export, or, when it is turned
    off, remove the one an earlier build left, so the output never holds stale data.

    Not into an EPUB's folder: the next build packs every file there into the book and
    warns about a file without a media type."""
    if exception is not None or app.builder.format != "html":
        return
    if isinstance(app.builder, EpubBuilder):
        return
    domain = get_domain(app.env)
    if domain.settings.export_json:
        write_export(app.env, app.outdir)
    elif _is_our_export(path := Path(app.outdir) / JSON_NAME) and not _is_extra_file(app):
        path.unlink()


def _is_our_export(path: Path) -> bool:
    """Whether ``path`` holds an export as this extension writes it (its schema version
    and a ``docs`` object): a file of that name with other content is someone else's."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(data, dict)
        and data.get("version") == SCHEMA_VERSION
        and isinstance(data.get("docs"), dict)
    )


def _is_extra_file(app: Sphinx) -> bool:
    """Whether ``html_extra_path`` (copied into the output) provides ``designdoc.json``."""
    for entry in app.config.html_extra_path:
        extra = Path(app.confdir, entry)
        if (extra / JSON_NAME).is_file() or (extra.name == JSON_NAME and extra.is_file()):
            return True
    return False


def setup_json_output(app: Sphinx) -> None:
    app.connect("build-finished", write_json)
