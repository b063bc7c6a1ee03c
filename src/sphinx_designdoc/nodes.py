"""The extension's own nodes: placeholders replaced before any writer runs, and short
forms (index rows, field lists, the checklist) that the HTML writers write as they are."""

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
    """A section's field list (status, purpose, owner, ...) in short form: each child is
    a :class:`design_field`. The HTML writers write it as it is
    (:mod:`sphinx_designdoc.render.short_forms_html`); for other builders it is expanded
    into a docutils field list at resolve time (:mod:`sphinx_designdoc.render.fields`)."""


class design_field(nodes.Part, nodes.Element):
    """One row of :class:`design_fields`: the label in ``node["label"]``, the value as
    its only child, a paragraph."""


class design_checklist(nodes.General, nodes.Element):
    """Where a logging strategy's use-case checklist goes: every configured use case,
    ticked when it is in ``node["selected"]``. Built from the configuration alone by
    :mod:`sphinx_designdoc.render.checklist`, as HTML by the HTML writers and as docutils
    nodes at resolve time for other builders, so the page holds one node instead of
    about fifty."""
