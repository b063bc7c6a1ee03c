"""Expand the short forms a page is read with, in one walk of the page at resolve time.

A section's field list (:mod:`sphinx_designdoc.render.fields`) and the logging checklist
(:mod:`sphinx_designdoc.render.checklist`) stay short from reading to writing, because
Sphinx keeps every doctree in memory in between. For every builder but the HTML ones,
which write them as they are (:mod:`sphinx_designdoc.render.short_forms_html`), and the
``designdoc`` builder, which writes no pages, both become docutils nodes at the same
point, so one walk finds them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_designdoc.nodes import design_checklist, design_fields
from sphinx_designdoc.render.checklist import checklist
from sphinx_designdoc.render.fields import expand

if TYPE_CHECKING:
    from docutils import nodes

    from sphinx_designdoc.domain import DesignDomain


def _is_short_form(node: nodes.Node) -> bool:
    return isinstance(node, (design_fields, design_checklist))


class _LeftShort(SphinxPostTransform):
    """Never applied: asks Sphinx whether the builder writes the short forms as they are
    (HTML) or writes no pages (``designdoc``), which Sphinx 8.1 and 9 find out differently."""

    formats = ("html", "designdoc")


class ShortFormsRenderer(SphinxPostTransform):
    """Replace every short field list and checklist of the page with its docutils nodes."""

    default_priority = 6  # after the design renderers (5), which add backlinks as fields,
    # and before PlainMarks (8), which spells out the checklist's marks

    def is_supported(self) -> bool:
        """Not for the HTML builders, which write the short forms as they are (see
        :mod:`sphinx_designdoc.render.short_forms_html`), nor the ``designdoc`` builder."""
        return not _LeftShort(self.document).is_supported()

    def run(self, **kwargs: Any) -> None:
        names = cast("DesignDomain", self.env.domains["design"]).settings.log_use_cases
        for node in list(self.document.findall(_is_short_form)):
            if isinstance(node, design_fields):
                node.replace_self(expand(node))
            else:
                placeholder = cast("design_checklist", node)
                placeholder.replace_self(checklist(names, placeholder["selected"]))
