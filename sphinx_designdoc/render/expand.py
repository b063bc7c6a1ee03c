"""Nodes the HTML writers write themselves, and the one walk that expands them for the
other builders.

A section's field list and the logging checklist stay one small node each from reading
to writing: Sphinx keeps every doctree in memory in between, and every read transform,
the doctree pickle and the garbage collector pay for each node. The HTML builders write
such a node with its own visitor, straight from what it holds; every other builder but
``designdoc`` (which writes no pages) gets the docutils nodes of :meth:`expand`, all of
them in one walk of the page at resolve time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_designdoc.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_designdoc.settings import Settings


class written_as_html(nodes.General, nodes.Element):
    """Base of the nodes that the HTML writers write as they are."""

    def expand(self, settings: Settings) -> nodes.Element:
        """The docutils nodes this node stands for, for every other builder."""
        raise NotImplementedError


class _HTMLOrNoPages(SphinxPostTransform):
    """Never applied: asks Sphinx whether the builder writes HTML (and so writes these
    nodes as they are) or writes no pages, which Sphinx 8.1 and 9 find out differently."""

    formats = ("html", "designdoc")


class ExpandOutsideHTML(SphinxPostTransform):
    """Replace every :class:`written_as_html` node of the page with its docutils nodes."""

    default_priority = 6  # after the design renderers (5), which add backlinks as fields,
    # and before SpellOutCheckMarks (8), which spells out the checklist's marks

    def is_supported(self) -> bool:
        return not _HTMLOrNoPages(self.document).is_supported()

    def run(self, **kwargs: Any) -> None:
        settings = get_domain(self.env).settings
        for node in list(self.document.findall(written_as_html)):
            node.replace_self(node.expand(settings))


def setup_expand(app: Sphinx) -> None:
    app.add_post_transform(ExpandOutsideHTML)
