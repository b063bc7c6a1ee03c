"""HTML anchors of design items, given once the page is parsed.

An item asks for docutils' id of ``goal-<id>`` (``goal-auto-retry``), the form headings
and labels have too, so a heading "Goal Tracking" can hold the anchor of ``.. goal::``
with ``:id: tracking``. Headings and labels keep theirs, wherever they are on the page:
items get their anchors after parsing, an item whose anchor is taken gets the first free
``goal-tracking-1``, ``-2``..., and the page record keeps each item's anchor, so that
role links, index tables, domain index pages and ``objects.inv`` all lead to the item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.sections.base import ANCHOR_REQUESTS, scratch
from sphinx_designdoc.values import short_digest

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def anchor_for(objtype: str, item_id: str) -> str:
    """The anchor an item asks for: docutils' id of ``goal-<id>``, which keeps only ASCII
    letters and digits; an id beyond ASCII adds a digest of itself, so ids that differ
    only in other scripts' letters keep apart (``goal-uberprufung-1a2b3c4d``)."""
    anchor = nodes.make_id(f"{objtype}-{item_id}")
    return anchor if item_id.isascii() else f"{anchor}-{short_digest(item_id)}"


class ItemAnchors(SphinxTransform):
    """Give each item its anchor, after every heading and label has its id.

    Before the domain collects the page (850), so the page record is complete then.
    """

    default_priority = 840

    def apply(self, **kwargs: object) -> None:
        requests = scratch(self.env).pop(ANCHOR_REQUESTS, None)
        if not requests:
            return
        anchors = get_domain(self.env).page_for(self.env.docname).anchors
        for node, objtype, item_id in requests:
            if (objtype, item_id) in anchors:
                continue  # a repeated id (a designdoc.duplicate warning): the first has it
            anchor = self._free_id(node, anchor_for(objtype, item_id))
            if anchor not in node["ids"]:  # a label just before the item may have given it
                node["ids"].append(anchor)
                self.document.set_id(node)
            anchors[objtype, item_id] = anchor

    def _free_id(self, node: nodes.Element, anchor: str) -> str:
        """``anchor``, or with the first number that makes it free on this page."""
        candidate, number = anchor, 0
        while self.document.ids.get(candidate, node) is not node:
            number += 1
            candidate = f"{anchor}-{number}"
        return candidate


def setup_anchors(app: Sphinx) -> None:
    app.add_transform(ItemAnchors)
