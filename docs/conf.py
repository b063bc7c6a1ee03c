"""Sphinx configuration of the sphinx-designdoc documentation.

The site is built with the extension itself, so every example on it renders live.
"""

from __future__ import annotations

from sphinx_designdoc import __version__

project = "sphinx-designdoc"
author = "sphinx-designdoc developers"
copyright = "sphinx-designdoc developers"  # noqa: A001
version = release = __version__

extensions = ["sphinx_designdoc", "myst_parser"]
myst_enable_extensions = ["colon_fence"]

# ``_snippets`` holds stand-alone example sources that pages show with literalinclude;
# they are not pages of this site.
exclude_patterns = ["_build", "_snippets"]

html_theme = "furo"
html_title = "sphinx-designdoc"


def _drop_stale_stylesheet(app: object) -> None:
    """Work around a bug in sphinx-designdoc 0.1.0 on Sphinx < 9.1.

    The extension copies ``designdoc.css`` into ``_static`` without overwriting, so an
    existing output directory that holds an older copy keeps it and the build gets a
    ``misc.copy_overwrite`` warning (fatal with ``-W``). Remove the old copy first.
    """
    from pathlib import Path

    from sphinx_designdoc.extension import CSS_FILE, STATIC_DIR

    old = Path(app.outdir) / "_static" / CSS_FILE  # type: ignore[attr-defined]
    new = STATIC_DIR / CSS_FILE
    if old.is_file() and old.read_bytes() != new.read_bytes():
        old.unlink()


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("builder-inited", _drop_stale_stylesheet)
