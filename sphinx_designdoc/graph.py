"""What a ``design-graph`` shows: nodes and edges picked from the catalog, as DOT text and
as a list of edges. Pure: no Sphinx or docutils imports.

:func:`select_graph` gives a :class:`Graph` of plain values; the renderer turns it into
DOT (:func:`to_dot`) or a bullet list, and the outdated-page check hashes the very same
graph, so a page is written again exactly when what it shows changes.

Everything in the DOT text that comes from authors (titles, ids, statuses, tooltips,
link addresses) is a quoted DOT string made by :func:`dot_string`, never an HTML-like
label, so no title can end its string, add attributes or nodes, or use Graphviz's
``\\N``-style escapes.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_designdoc.model import RELATION_KINDS, Located, Location

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.model import Page

#: What a graph can show: relations between docs, or dependencies between components.
GRAPH_KINDS = ("docs", "components")
DEPENDS_ON = "depends-on"
EDGE_KINDS = (*RELATION_KINDS, DEPENDS_ON)

#: Statuses drawn greyed out: docs that are no longer the design.
GREYED = frozenset({"superseded", "rejected", "withdrawn"})
#: Fill colour of a node by its doc's status; light, so the dark text reads on it in
#: light and dark themes alike. Other statuses are white.
STATUS_FILL = {
    "draft": "#fff3bf",
    "in-review": "#d0e4ff",
    "approved": "#d3f9d8",
    "implemented": "#b2f2bb",
}
GREY_FILL, GREY_TEXT = "#e9ecef", "#6c757d"
#: How each kind of edge is drawn, so they differ without colour too.
EDGE_STYLE = {
    "supersedes": 'style="bold", arrowhead="normal"',
    "amends": 'style="dashed", arrowhead="empty"',
    "requires": 'style="solid", arrowhead="vee"',
    "related": 'style="dotted", arrowhead="none"',
    DEPENDS_ON: 'style="solid", arrowhead="vee"',
}
#: Lines and their labels: a middle grey that reads on white and on a dark background.
LINE_COLOUR = "#868e96"


@dataclass(frozen=True)
class GraphQuery(Located):
    """A ``design-graph`` directive's kind and filters, as written by the author."""

    of: str = "docs"
    docs: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class GraphNode:
    """A doc or a component: what it shows and where it links to."""

    objtype: str  # "doc" or "component"
    name: str  # DOCID or DOCID.ITEMID
    title: str
    status: str  # its doc's
    docname: str
    anchor: str
    group: str = ""  # a component's doc id
    group_title: str = ""


@dataclass(frozen=True)
class GraphEdge:
    """``source`` KIND ``target``, by node name."""

    source: str
    kind: str
    target: str


@dataclass(frozen=True)
class Graph:
    of: str
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]

    def node(self, name: str) -> GraphNode:
        return next(node for node in self.nodes if node.name == name)


def _selected(page: Page, query: GraphQuery) -> bool:
    if query.statuses and page.status not in query.statuses:
        return False
    if query.tags and not set(query.tags) & set(page.tags):
        return False
    return not query.docs or page.id in query.docs


def select_graph(catalog: Catalog, query: GraphQuery) -> Graph:
    """The nodes the filters keep and the edges between them, in a stable order."""
    pages = [page for page in catalog.ordered_pages() if _selected(page, query)]
    if query.of == "components":
        return _component_graph(catalog, pages)
    nodes = tuple(_doc_node(catalog, page) for page in pages)
    shown = {node.name for node in nodes}
    edges: dict[GraphEdge, None] = {}
    for page in pages:
        for kind, ids in page.meta.relations.items() if page.meta else ():
            for target in ids:
                if target in shown and target != page.id:
                    edges[GraphEdge(page.id, kind, target)] = None
    return Graph("docs", nodes, tuple(edges))


def _doc_node(catalog: Catalog, page: Page) -> GraphNode:
    target = catalog.find("doc", page.id)
    title = target.title if target else page.title or page.id
    return GraphNode("doc", page.id, title, page.status, page.docname, "")


def _component_graph(catalog: Catalog, pages: list[Page]) -> Graph:
    nodes: list[GraphNode] = []
    for page in pages:
        group_title = page.title or page.id
        for comp in page.components:
            name = f"{page.id}.{comp.id}"
            if catalog.find("component", name) is None:
                continue  # a duplicate id: the first one is the component
            anchor = page.anchors.get(("component", comp.id), "")
            nodes.append(GraphNode("component", name, comp.title or comp.id, page.status,
                                   page.docname, anchor, page.id, group_title))  # fmt: skip
    shown = {node.name for node in nodes}
    edges: dict[GraphEdge, None] = {}
    for page in pages:
        for comp in page.components:
            source = f"{page.id}.{comp.id}"
            for dependency in comp.depends_on if source in shown else ():
                found = catalog.find("component", dependency, page.docname)
                if found is not None and found.name in shown and found.name != source:
                    edges[GraphEdge(source, DEPENDS_ON, found.name)] = None
    return Graph("components", tuple(nodes), tuple(edges))


# -- DOT ---------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def dot_string(text: str) -> str:
    """``text`` as one quoted DOT string that shows exactly it: line breaks and other
    control characters become spaces, backslashes and quotes are escaped (so ``\\N``,
    ``\\l`` and friends are text, and no quote ends the string)."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_label(text: str, width: int = 24) -> str:
    """``text`` as a DOT string in lines of about ``width`` characters (Graphviz does not
    wrap labels), each line made by :func:`dot_string`, joined by DOT's own ``\\n``."""
    lines = textwrap.wrap(" ".join(_CONTROL.sub(" ", text).split()), width) or [""]
    return '"' + "\\n".join(dot_string(line)[1:-1] for line in lines) + '"'


def to_dot(
    graph: Graph,
    labels: Mapping[str, str],
    url_of: Callable[[GraphNode], str | None] = lambda node: None,
) -> str:
    """The graph as DOT source: ``labels`` names each edge kind (translated); ``url_of``
    gives a node's link (``None``: no link)."""
    ids = {node.name: f"n{number}" for number, node in enumerate(graph.nodes)}
    lines = [
        "digraph designdoc {",
        # docs: successors above what they supersede; components: chains left to right,
        # so the docs' groups stack down the page instead of running off its side
        f'  graph [rankdir="{"LR" if graph.of == "components" else "TB"}",'
        ' bgcolor="transparent", fontname="sans-serif", fontsize=11,'
        f' fontcolor="{LINE_COLOUR}"];',
        '  node [shape="box", style="rounded,filled", fontname="sans-serif", fontsize=11,'
        ' fillcolor="#ffffff", color="#495057", fontcolor="#212529"];',
        f'  edge [fontname="sans-serif", fontsize=9, color="{LINE_COLOUR}",'
        f' fontcolor="{LINE_COLOUR}"];',
    ]
    if graph.of == "components":
        groups: dict[str, list[GraphNode]] = {}
        for node in graph.nodes:
            groups.setdefault(node.group, []).append(node)
        for number, members in enumerate(groups.values()):
            lines.append(f"  subgraph cluster_{number} {{")
            lines.append(f'    label={dot_label(members[0].group_title, 40)}; style="rounded";'
                         f' color="{LINE_COLOUR}";')  # fmt: skip
            lines.extend(f"    {_node_line(ids[node.name], node, url_of)}" for node in members)
            lines.append("  }")
    else:
        lines.extend(f"  {_node_line(ids[node.name], node, url_of)}" for node in graph.nodes)
    for edge in graph.edges:
        attributes = f"{EDGE_STYLE[edge.kind]}, label={dot_string(labels[edge.kind])}"
        lines.append(f"  {ids[edge.source]} -> {ids[edge.target]} [{attributes}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node_line(node_id: str, node: GraphNode, url_of: Callable[[GraphNode], str | None]) -> str:
    hover = f"{node.title} ({node.status})" if node.status else node.title
    attributes = [f"label={dot_label(node.title)}", f"tooltip={dot_string(hover)}"]
    if node.status in GREYED:
        attributes += [f'fillcolor="{GREY_FILL}"', f'fontcolor="{GREY_TEXT}"',
                       f'color="{GREY_TEXT}"', 'style="rounded,filled,dashed"']  # fmt: skip
    elif node.status in STATUS_FILL:
        attributes.append(f'fillcolor="{STATUS_FILL[node.status]}"')
    url = url_of(node)
    if url is not None:
        attributes += [f"URL={dot_string(url)}", 'target="_top"']
    return f"{node_id} [{', '.join(attributes)}];"


def edge_list(graph: Graph) -> tuple[tuple[GraphNode, str, GraphNode], ...]:
    """Every edge with its two nodes, for builders that show the graph as text."""
    by_name = {node.name: node for node in graph.nodes}
    return tuple((by_name[e.source], e.kind, by_name[e.target]) for e in graph.edges)


def lone_nodes(graph: Graph) -> tuple[GraphNode, ...]:
    """The nodes no edge touches: the edge list names them on their own."""
    touched = {name for edge in graph.edges for name in (edge.source, edge.target)}
    return tuple(node for node in graph.nodes if node.name not in touched)
