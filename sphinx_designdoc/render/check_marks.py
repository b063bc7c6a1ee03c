"""Spell out the check marks (☑ ☐ ✓ ✗) for LaTeX and Texinfo.

pdflatex has no glyphs for them and stops; the words read as well on paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_designdoc.i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def mark_words() -> dict[str, str]:
    return {"\u2611": "[x]", "\u2610": "[ ]", "\u2713": _("yes"), "\u2717": _("no")}


class SpellOutCheckMarks(SphinxPostTransform):
    """Replace the marks in every text of the page (after the index tables are built)."""

    default_priority = 8  # after the design renderers (5), before references (10)
    formats = ("latex", "texinfo")

    def run(self, **kwargs: Any) -> None:
        marks = mark_words()
        for text in list(self.document.findall(nodes.Text)):
            value = str(text)
            if any(mark in value for mark in marks):
                for mark, word in marks.items():
                    value = value.replace(mark, word)
                text.parent.replace(text, nodes.Text(value))


def setup_check_marks(app: Sphinx) -> None:
    app.add_post_transform(SpellOutCheckMarks)
