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
# design-graph draws with sphinx.ext.graphviz: SVG keeps the graphs sharp and their nodes
# links (PNG, Graphviz's default, links them through an image map).
graphviz_output_format = "svg"

# -- sphinx-designdoc --------------------------------------------------------------

# The example docs carry fixed dates (the fraud-scoring doc was last updated on
# 2026-11-18), while the staleness check compares a doc in review with today's date
# (or SOURCE_DATE_EPOCH). With the default of 30 days the example would start failing
# its -W build a month after it was written, so allow ten years here. A real project
# keeps the default, so that a review nobody touches for a month is flagged.
designdoc_stale_days = 3650

# The defaults, spelled out: docs in these statuses must have every template section
# (by heading or by directive), or the build warns with designdoc.missing. Drafts,
# rejected, withdrawn and superseded docs may be partial.
designdoc_complete_statuses = ["in-review", "approved", "implemented"]
designdoc_required_sections = [
    "overview", "background", "goals", "non-goals", "design", "data-model",
    "api-design", "error-handling", "logging-strategy", "security", "testing",
    "migration-plan", "alternatives",
]

# The two docs under "Older docs" were written before the template and moved here as
# they were: their findings (missing sections, a placeholder, goals without a target)
# are in the baseline, so -W fails on new findings only, and the build ends with
# "designdoc: 0 findings; 15 in the baseline". The file is written from a build's
# designdoc.json with `sphinx-designdoc baseline`; write it again as the docs are fixed.
designdoc_baseline = "designdoc-baseline.json"

# -- LaTeX / PDF ---------------------------------------------------------------------

# The architecture diagrams use box-drawing arrows, and the design-index tables use
# check marks; pdflatex cannot typeset those characters, xelatex can.
latex_engine = "xelatex"
