"""Sphinx configuration of the Acme Payments design-doc repository.

This is the example project of sphinx-designdoc: a small, realistic set of design
docs written the way a team would keep them next to its code.
"""

project = "Acme Payments design docs"
author = "Acme Payments engineering"
copyright = "2026, Acme Payments"

extensions = ["sphinx_designdoc", "myst_parser"]

# Design docs may be written in reStructuredText or in MyST Markdown.
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_enable_extensions = ["colon_fence"]

exclude_patterns = ["_build", "README.md"]

html_theme = "furo"
html_title = "Acme Payments design docs"
html_static_path = ["_static"]
html_css_files = ["acme.css"]
