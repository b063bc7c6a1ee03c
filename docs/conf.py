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

# ``snippets`` holds the examples the pages show (literalinclude) and render (include),
# each as ``rst/NAME.rst`` and ``myst/NAME.md``, and the example pages' twins in the
# other format (``examples/``); tests/test_snippets.py builds them all. They are not
# pages of this site.
exclude_patterns = ["_build", "snippets"]

# design-graph draws with sphinx.ext.graphviz; SVG keeps the graphs' nodes links
graphviz_output_format = "svg"

html_theme = "furo"
html_title = "sphinx-designdoc"

