"""Sorting and filtering of ``design-index`` tables in HTML output.

One small static script (``static/designdoc-tables.js``, no framework, no network)
puts a sort button in each column header and, above a table of more than 10 rows, a
filter box. It only enhances what is there: without it the full table is on the page.
Added for HTML builders only (not ``epub``), and only with ``designdoc_interactive_tables = True``
(the default). The words it shows are translated here and handed to it in a small
inline script, since a static file cannot be translated per project.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sphinx_designdoc.config import interactive_tables
from sphinx_designdoc.i18n import _
from sphinx_designdoc.static_files import ship

if TYPE_CHECKING:
    from sphinx.application import Sphinx

JS_FILE = "designdoc-tables.js"
#: HTML-format builders whose pages are no web pages: e-book readers mostly run no
#: scripts, and a script would oblige the package to declare its pages "scripted".
NO_SCRIPT = frozenset({"epub"})


def script_words() -> dict[str, str]:
    """What the script shows, in the project's language."""
    return {
        "filter": str(_("Filter rows")),
        "sort": str(_("Sort by this column")),
        # TRANSLATORS: keep {shown} and {total}; the script puts the numbers in
        "count": str(_("{shown} of {total} rows")),
    }


def add_script(app: Sphinx) -> None:
    """``builder-inited``: link the script from every page of an HTML builder."""
    builder = app.builder
    if builder.format != "html" or builder.name in NO_SCRIPT or not interactive_tables(app.config):
        return
    data = json.dumps(script_words(), ensure_ascii=False).replace("</", "<\\/")
    app.add_js_file(None, body=f"window.DESIGNDOC_TABLES = {data};")
    app.add_js_file(JS_FILE, defer="defer")
    if not hasattr(app, "add_static_dir"):  # Sphinx before 9.1: copy it ourselves
        ship(app, JS_FILE)


def setup_interactive_tables(app: Sphinx) -> None:
    app.connect("builder-inited", add_script)
