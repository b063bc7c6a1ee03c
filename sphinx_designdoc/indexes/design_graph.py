"""``design-graph``: the relations between docs, or the dependencies between components,
drawn by Graphviz through ``sphinx.ext.graphviz``, filled in when the page is written.

The directive checks its options as the page is read (rules:
:mod:`sphinx_designdoc.rules.design_graph`) and leaves a :class:`design_graph` node;
the graph is made late from the whole collection (:mod:`sphinx_designdoc.graph` picks
the nodes and edges and writes the DOT text), so it shows every page, and the
outdated-page check hashes the same selection.

It is made on ``doctree-resolved`` rather than in a post-transform: the links of its
nodes are addresses in the output (a DOT ``URL`` per node), which only the builder
knows, and the event hands it over (a transform's ``app`` is deprecated). The event
comes after the references are resolved, so the edge list links with ``make_refnode``
itself.

What each builder gets:

* HTML, LaTeX and Texinfo, with a ``dot`` program: a ``graphviz`` node (a figure) that
  ``sphinx.ext.graphviz`` renders; in HTML as ``graphviz_output_format`` says, SVG or
  PNG with an image map, the nodes linking to their pages;
* every other builder (``text``, ``man``...), and any builder when there is no ``dot``:
  a bullet list of the edges ("A supersedes B"), each end a link, and the nodes without
  edges. No ``dot`` is one ``designdoc.graph`` warning per build, at the first graph,
  not one per graph or a broken image.
"""

from __future__ import annotations

import posixpath
import shutil
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.ext.graphviz import graphviz
from sphinx.util.nodes import make_refnode

from sphinx_designdoc import rules
from sphinx_designdoc.css import css_class
from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.findings import keyed
from sphinx_designdoc.graph import (
    DEPENDS_ON,
    GRAPH_KINDS,
    Graph,
    GraphNode,
    GraphQuery,
    edge_list,
    lone_nodes,
    select_graph,
    to_dot,
)
from sphinx_designdoc.i18n import _
from sphinx_designdoc.indexes.design_index import empty_note
from sphinx_designdoc.model import Finding
from sphinx_designdoc.sections.base import DesignDirective, text_options
from sphinx_designdoc.values import name_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: Builders whose ``graphviz`` visitor draws an image (the others write ``[graph]``).
DRAWING_FORMATS = ("html", "latex", "texinfo")
#: The key's ``about`` of the no-``dot`` finding.
NO_DOT = "design-graph:dot"


class design_graph(nodes.General, nodes.Element):
    """Where a ``design-graph`` goes; carries its ``GraphQuery`` in ``node["query"]``.
    Replaced before the page is written, so no builder ever sees it."""


def edge_labels() -> dict[str, str]:
    """Each kind of edge in words, as the graph and the list say it."""
    labels = {
        "supersedes": _("supersedes"),
        "amends": _("amends"),
        "requires": _("requires"),
        "related": _("related to"),
        DEPENDS_ON: _("depends on"),
    }
    return {kind: str(label) for kind, label in labels.items()}


# -- the directive -----------------------------------------------------------------------


class DesignGraphDirective(DesignDirective):
    """Checks the options now; the graph is made late, from the whole project."""

    section = "graph"
    has_content = False
    option_spec: ClassVar = text_options("of", "doc", "status", "tags")

    def render(self) -> list[nodes.Node]:
        written_of = self.option("of").lower()
        query = GraphQuery(
            of=written_of if written_of in GRAPH_KINDS else "docs",
            docs=self.option_list("doc"),
            statuses=tuple(map(name_key, self.option_list("status"))),
            tags=self.option_list("tags"),
            location=self.location,
        )
        for finding in rules.check_graph_query(query, written_of, self.settings, self.env.docname):
            self.domain.note(finding)
        node = design_graph(
            "",
            query=query,
            classes=["designdoc", f"designdoc-graph-{query.of}", *self.options.get("class", [])],
        )
        self.set_source_info(node)
        self.domain.shown_on(self.env.docname).graphs.append(query)
        return [node]


# -- the graph, late ---------------------------------------------------------------------


class GraphOutput:
    """One build's drawing: whether there is a ``dot`` to draw with, and the graphs."""

    def __init__(self) -> None:
        self.dot: str | None = None

    def builder_inited(self, app: Sphinx) -> None:
        """Look for ``dot`` once a build (``graphviz_dot``: a name on the ``PATH`` or a path)."""
        self.dot = shutil.which(str(app.config.graphviz_dot or ""))
        get_domain(app.env).graph_output = "drawn" if self.draws(app.builder) else "listed"

    def draws(self, builder: Builder) -> bool:
        return builder.format in DRAWING_FORMATS and self.dot is not None

    def env_updated(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """One ``graph`` finding for the build when graphs would be drawn without a ``dot``:
        at the first graph (by page, then line), kept with the configuration's findings
        so that ``designdoc.json`` and the summary count it in every build."""
        if app.builder.format not in DRAWING_FORMATS or self.dot is not None:
            return []
        domain = get_domain(env)
        first = next((q for d in sorted(domain.shown) for q in domain.shown[d].graphs), None)
        if first is None:
            return []
        message = (
            f"no Graphviz 'dot' program (graphviz_dot = {app.config.graphviz_dot!r} is not "
            "found): design-graph shows a list of its edges instead of the graph; install "
            "Graphviz or set graphviz_dot"
        )
        where = first.location
        finding = Finding("graph", message, "", where.line, where.source, about=NO_DOT)
        found = tuple(keyed([finding], str))
        domain.config_findings = (*domain.config_findings, *found)
        domain.warn(found)
        return []

    def doctree_resolved(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        """Replace each placeholder with its graph, its edge list or a short note."""
        placeholders = list(doctree.findall(design_graph))
        if not placeholders:
            return
        domain = get_domain(app.env)
        for number, node in enumerate(placeholders, 1):
            query: GraphQuery = node["query"]
            graph = select_graph(domain.catalog, query)
            rendered: nodes.Element
            if not graph.nodes:
                rendered = empty_note()
            elif self.draws(app.builder):
                rendered = drawing(graph, app.builder, docname, app.config.graphviz_output_format)
                rendered["ids"] = [_free_id(doctree, f"designdoc-graph-{number}")]
            else:
                rendered = edge_list_nodes(graph, app.builder, docname)
            rendered["classes"] += node["classes"]
            rendered.source, rendered.line = node.source, node.line
            node.replace_self(rendered)


def _free_id(doctree: nodes.document, wanted: str) -> str:
    """``wanted``, or with a suffix if the page has that id already: a figure needs an
    id, which Sphinx numbers it by."""
    found, number = wanted, 1
    while found in doctree.ids:
        number += 1
        found = f"{wanted}-{number}"
    doctree.ids[found] = doctree
    return found


def drawing(graph: Graph, builder: Builder, docname: str, output_format: str) -> nodes.figure:
    """The ``graphviz`` node of the graph, in a figure with a caption."""
    links = builder.format == "html"

    def url_of(node: GraphNode) -> str | None:
        return _url(builder, docname, node, svg=output_format == "svg") if links else None

    image = graphviz()
    image["code"] = to_dot(graph, edge_labels(), url_of)
    image["options"] = {"docname": docname}
    caption = _caption(graph)
    image["alt"] = caption  # our own words: sphinx.ext.graphviz writes alt text unescaped
    image["classes"] = ["designdoc-graph-image"]
    return nodes.figure("", image, nodes.caption(caption, caption), classes=["designdoc-graph"])


def _caption(graph: Graph) -> str:
    if graph.of == "components":
        return str(_("Components and their dependencies"))
    return str(_("Design docs and their relations"))


def _url(builder: Builder, docname: str, node: GraphNode, *, svg: bool) -> str:
    """The address of ``node``'s page (and item) from the page ``docname`` is written to.

    ``sphinx.ext.graphviz`` moves a relative link of an SVG image to the image folder,
    taking it as relative to the folder of ``docname``'s source path; a PNG's image map
    is in the page, so its links are relative to the page's own folder (they differ for
    ``dirhtml``, whose pages are ``docname/index.html``).
    """
    uri, _hash, fragment = builder.get_target_uri(node.docname).partition("#")
    here = docname if svg else builder.get_target_uri(docname).partition("#")[0]
    relative = posixpath.relpath(uri or ".", posixpath.dirname(here) or ".")
    if not uri or uri.endswith("/"):  # dirhtml: a folder
        relative = "./" if relative == "." else f"{relative}/"
    fragment = node.anchor or fragment
    return relative + (f"#{fragment}" if fragment else "")


def edge_list_nodes(graph: Graph, builder: Builder, docname: str) -> nodes.bullet_list:
    """A bullet list: "A supersedes B" per edge, then each node that has no edge."""
    labels = edge_labels()
    items = nodes.bullet_list(classes=["designdoc-graph-edges"])
    for source, kind, target in edge_list(graph):
        words = f" {labels[kind]} "
        items += nodes.list_item(
            "",
            nodes.paragraph(
                "",
                "",
                _link(builder, docname, source),
                nodes.Text(words),
                _link(builder, docname, target),
            ),
            classes=[css_class(f"designdoc-edge-{kind}")],
        )
    for node in lone_nodes(graph):
        items += nodes.list_item("", nodes.paragraph("", "", _link(builder, docname, node)))
    return items


def _link(builder: Builder, docname: str, node: GraphNode) -> nodes.Node:
    text = nodes.inline(node.title, node.title)
    hover = f"{node.title} ({node.status})" if node.status else node.title
    try:
        ref = make_refnode(builder, docname, node.docname, node.anchor, text, hover)
    except NoUri:  # a builder that makes no links here
        return text
    status = [css_class(f"designdoc-status-{node.status}")] if node.status else []
    ref["classes"] += ["designdoc-link", *status]
    return ref


def setup_design_graph(app: Sphinx) -> None:
    app.setup_extension("sphinx.ext.graphviz")
    app.add_directive("design-graph", DesignGraphDirective)
    app.add_node(design_graph)
    output = GraphOutput()
    app.connect("builder-inited", output.builder_inited)
    app.connect("env-updated", output.env_updated)
    app.connect("doctree-resolved", output.doctree_resolved)
