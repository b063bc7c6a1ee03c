"""The extension's own node: a placeholder replaced by a table before any writer runs."""

from __future__ import annotations

from docutils import nodes


class design_index(nodes.General, nodes.Element):
    """Where a ``design-index`` table goes; carries its ``IndexQuery`` in ``node["query"]``.

    Replaced at resolve time (see :mod:`sphinx_designdoc.render.index_table`), so no
    builder ever sees it.
    """
