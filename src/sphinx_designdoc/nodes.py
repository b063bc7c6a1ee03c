"""The extension's own nodes: placeholders that are replaced before any writer runs."""

from __future__ import annotations

from docutils import nodes


class design_index(nodes.General, nodes.Element):
    """Where a ``design-index`` table goes; carries its ``IndexQuery`` in ``node["query"]``.

    Replaced at resolve time (see :mod:`sphinx_designdoc.render.index_table`), so no
    builder ever sees it.
    """


class design_doc_status(nodes.General, nodes.Element):
    """Where a design doc's status banner (``node["part"] == "banner"``) or its backlinks
    (``"backlinks"``) go; replaced at resolve time from the whole project."""
