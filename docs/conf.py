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

