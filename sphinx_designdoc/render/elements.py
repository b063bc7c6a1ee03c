"""Small docutils building blocks that every section's output is made of: badges, item
headings, lists of literals and of ``design`` cross-references."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx_designdoc.model import Location


def badge(text: str, *classes: str) -> nodes.inline:
    """A small coloured label (status, goal kind, tag)."""
    return nodes.inline(text, text, classes=["designdoc-badge", *classes])


def spaced(items: list[nodes.inline]) -> list[nodes.Node]:
    """Badges separated by spaces, so text and LaTeX output keep words apart."""
    out: list[nodes.Node] = []
    for item in items:
        out += [nodes.Text(" "), item] if out else [item]
    return out


def labelled_heading(label: str, title_nodes: list[nodes.Node]) -> nodes.rubric:
    """``Alternative: <title>``: the heading of an item card."""
    heading = nodes.rubric("", "", classes=["designdoc-title"])
    heading += [nodes.inline(label, label, classes=["designdoc-label"]), nodes.Text(" ")]
    heading += title_nodes
    return heading


def literal_list(values: tuple[str, ...]) -> list[nodes.Node]:
    """``a, b, c`` as comma-separated inline literals."""
    out: list[nodes.Node] = []
    for index, value in enumerate(values):
        if index:
            out.append(nodes.Text(", "))
        out.append(nodes.literal(value, value))
    return out


def xref(
    domain: str, reftype: str, target: str, refdoc: str, *, warn: bool, text: str = ""
) -> addnodes.pending_xref:
    """A cross-reference resolved later; shows ``text`` (default: the target) until then."""
    shown = text or target
    return addnodes.pending_xref(
        "", nodes.inline(shown, shown), refdomain=domain, reftype=reftype,
        reftarget=target, refdoc=refdoc, refexplicit=False, refwarn=warn,
    )  # fmt: skip


def xref_list(
    reftype: str,
    targets: tuple[str, ...],
    refdoc: str,
    *,
    warn_dotted: bool = False,
    where: Location | None = None,
) -> list[nodes.Node]:
    """``a, b`` as ``design`` links; the rules report unknown targets, except the
    ``DOCID.ITEMID`` ones with ``warn_dotted``, which the resolver reports at ``where``
    (the option's line)."""
    out: list[nodes.Node] = []
    for index, target in enumerate(targets):
        if index:
            out.append(nodes.Text(", "))
        link = xref("design", reftype, target, refdoc, warn=warn_dotted and "." in target)
        if where is not None and where.source:  # else the directive's line, as for the rest
            link.source, link.line = where.source, where.line
        out.append(link)
    return out
