"""The extension's static files (stylesheet, table script) in HTML output."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"


def ship(app: Sphinx, name: str) -> None:
    """Copy ``static/NAME`` into the output's ``_static`` (Sphinx before 9.1 has no
    ``add_static_dir``).

    Copied before any page is written, so Sphinx links it with a checksum that changes
    when the file does, and an outdated copy is replaced.
    """
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    copy_asset_file(STATIC_DIR / name, static / name, force=True)
