"""The extension's own nodes: placeholders replaced before any writer runs, and the rows of
an index table, which only the HTML writer sees."""

from __future__ import annotations

from docutils import nodes


class design_index(nodes.General, nodes.Element):
    """Where a ``design-index`` table goes; carries its ``IndexQuery`` in ``node["query"]``.

    Replaced at resolve time (see :mod:`sphinx_designdoc.render.index_table`), so no
    builder ever sees it.
    """


class design_index_rows(nodes.General, nodes.Element):
    """The body rows of an index table for the HTML builders, written in one go by
    :mod:`sphinx_designdoc.render.index_html`: ``node["columns"]``, ``node["rows"]`` (each
    cell with its resolved link) and ``node["docname"]`` (the page it is on).

    Its only child is the text of every cell, for the search index; the writer skips it.
    """


class design_doc_status(nodes.General, nodes.Element):
    """Where a design doc's status banner (``node["part"] == "banner"``) or its backlinks
    (``"backlinks"``) go; replaced at resolve time from the whole project."""


class design_fields(nodes.General, nodes.Element):
    """A section's field list (status, purpose, owner, ...) in short form until resolve
    time: each child is a :class:`design_field`. Expanded into a docutils field list by
    :mod:`sphinx_designdoc.render.fields`, so no builder ever sees it."""


class design_field(nodes.Part, nodes.Element):
    """One row of :class:`design_fields`: the label in ``node["label"]``, the value as
    its only child, a paragraph."""


class design_checklist(nodes.General, nodes.Element):
    """Where a logging strategy's use-case checklist goes: every configured use case,
    ticked when it is in ``node["selected"]``. Built at resolve time by
    :mod:`sphinx_designdoc.render.checklist` from the configuration alone, so the page
    holds one node instead of about fifty until then."""
