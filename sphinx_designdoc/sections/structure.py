"""Headings that a MyST fence mismatch swallowed: a ``designdoc.structure`` warning.

In MyST, ``:::{design-goals}`` around ``:::{goal}`` with as many colons closes at the
goal's closing fence; the outer closing ``:::`` then opens an anonymous block (a
``container`` with ``is_div``) that runs to the end of the page. Headings inside a
block become rubrics (with a ``level``): they leave the table of contents and the
section coverage. reST has no such case: a section title inside a directive's content
is a docutils error already.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_designdoc.coverage import normalize_heading
from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.model import Finding

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _is_anonymous_block(node: nodes.Node) -> bool:
    """A colon fence without a directive name (``:::``): MyST's anonymous div."""
    return isinstance(node, nodes.container) and bool(node.get("is_div")) and not node["classes"]


def _is_design_block(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and "designdoc" in node["classes"]


def _holder(rubric: nodes.rubric) -> nodes.Element | None:
    """The innermost anonymous block or design directive around ``rubric``."""
    parent = rubric.parent
    while parent is not None and not (_is_anonymous_block(parent) or _is_design_block(parent)):
        parent = parent.parent
    return parent


class SwallowedHeadings(SphinxTransform):
    """Warn, once per block, about the headings an anonymous block or an unclosed design
    directive holds; in a design directive only the template's section headings count,
    as a heading of the author's own may be meant as a rubric there."""

    default_priority = 500

    def apply(self, **kwargs: object) -> None:
        domain = get_domain(self.env)
        titles = domain.settings.section_titles()
        template = {title for names in titles.values() for title in names}
        swallowed: dict[int, tuple[nodes.Element, list[str]]] = {}
        for rubric in self.document.findall(nodes.rubric):
            holder = _holder(rubric) if "level" in rubric else None  # a MyST heading
            text = rubric.astext()
            if holder is None or (
                _is_design_block(holder) and normalize_heading(text) not in template
            ):
                continue
            swallowed.setdefault(id(holder), (holder, []))[1].append(text)
        for holder, headings in swallowed.values():
            message, about = _message(holder, headings), f"swallowed:{headings[0]}"
            where = (holder.line, holder.source or "")
            domain.note(Finding("structure", message, self.env.docname, *where, about=about))


def _message(holder: nodes.Element, headings: list[str]) -> str:
    names = ", ".join(repr(heading) for heading in headings)
    if _is_anonymous_block(holder):
        return (
            f"this ':::' opens an anonymous block that swallows the headings {names} "
            "(they become rubrics, outside the table of contents); if it was meant to "
            "close a directive, give that directive's fences more colons than the ones "
            "inside it, e.g. '::::{design-goals}' around ':::{goal}'"
        )
    return (
        f"the headings {names} are inside this directive (they become rubrics, outside "
        "the table of contents): close it before them, with a fence as long as its "
        "opening one"
    )


def setup_structure(app: Sphinx) -> None:
    app.add_transform(SwallowedHeadings)
