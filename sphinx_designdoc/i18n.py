"""Translation of every label the extension writes into pages."""

from __future__ import annotations

from sphinx.locale import get_translation

MESSAGE_CATALOG = "sphinx_designdoc"

#: Output text (labels in pages), translated into the project's ``language``.
_ = get_translation(MESSAGE_CATALOG)
