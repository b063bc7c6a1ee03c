"""What the domain reads off a page once it is read: the one walk over the page, and
the prose lines the placeholder rule reads, each with its file and line."""

from __future__ import annotations

import linecache
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_designdoc.model import Location

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_designdoc.model import Page


#: Code, and the reports of docutils and MyST (which quote the source they refused).
_NOT_PROSE = (
    nodes.literal_block,
    nodes.literal,
    nodes.raw,
    nodes.comment,
    nodes.doctest_block,
    nodes.system_message,
)


def prose_lines(document: nodes.document) -> Iterator[tuple[str, Location]]:
    """Each line of the page's text outside code, with its file and line number.

    A text node has no line of its own: count from its nearest located ancestor (a
    paragraph, a title, a directive's container), adding the newlines of the text
    before it, so a placeholder on a paragraph's third line is reported there.  The
    file is that ancestor's, an included one for text that came through ``include``.
    """
    newlines_seen: dict[int, int] = {}
    for text in document.findall(nodes.Text):
        ancestors = list(_ancestors(text))
        if any(isinstance(parent, _NOT_PROSE) for parent in ancestors):
            continue
        anchor = next((node for node in ancestors if node.line), None)  # 0 means unknown
        first = _first_line(anchor) if anchor is not None else None
        source = (anchor.source if anchor is not None else None) or ""
        seen = newlines_seen.get(id(anchor), 0)
        for offset, line_text in enumerate(shown_lines(text)):
            yield line_text, Location(source, (first + seen + offset) if first else None)
        newlines_seen[id(anchor)] = seen + str(text).count("\n")


def shown_lines(text: nodes.Text) -> list[str]:
    """The text's lines as the reader sees them: reST escapes (``\\ ``) removed."""
    return [nodes.unescape(line) for line in str(text).split("\n")]


def literal_options(page: Page) -> Iterator[tuple[str, Location]]:
    """Option values shown as code (events, fields, PII): :func:`prose_lines` skips code."""
    if page.logging is None:
        return
    yield from ((name, page.logging.location.of("pii")) for name in page.logging.pii)
    for detail in page.logging.details:
        for option, names in (("events", detail.events), ("fields", detail.fields)):
            yield from ((name, detail.location.of(option)) for name in names)


_UNDERLINE = re.compile(r"^([!-/:-@\[-`{-~])\1+\s*$")


def _first_line(node: nodes.Node) -> int | None:
    """The node's first source line; docutils gives an underlined reST title its underline."""
    line = node.line
    underlined = (
        line
        and isinstance(node, nodes.title)
        and node.source
        and _UNDERLINE.match(linecache.getline(node.source, line))
    )
    return line - 1 if line and underlined else line


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


@dataclass(frozen=True)
class DesignRef:
    """A ``design`` reference on a page: its role, its target and where it is written.

    ``warn`` is false for the links of relation fields, whose targets the relation rules
    check (the role's own check would report them twice)."""

    role: str
    target: str
    location: Location
    warn: bool


@dataclass
class PageWalk:
    """What the domain needs of a page once it is read, found in one walk of it."""

    refs: list[DesignRef] = field(default_factory=list)  # design references
    titles: list[str | None] = field(default_factory=list)  # each section's, None if untitled
    texts: list[nodes.Text] = field(default_factory=list)


def walk_page(document: nodes.document) -> PageWalk:
    """The page's design references, section titles and texts, in document order."""
    found = PageWalk()
    for node in document.findall():
        if isinstance(node, nodes.Text):
            found.texts.append(node)
        elif isinstance(node, addnodes.pending_xref):
            if node.get("refdomain") == "design":
                where = Location(node.source or "", node.line)
                ref = DesignRef(
                    node["reftype"], node["reftarget"], where, bool(node.get("refwarn"))
                )
                found.refs.append(ref)
        elif isinstance(node, nodes.section):
            titled = node.children and isinstance(node[0], nodes.title)
            found.titles.append(node[0].astext() if titled else None)
    return found
