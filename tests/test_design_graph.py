"""``design-graph``: DOT of docs and components, filters, RST and MyST, the SVG's links, the
LaTeX figure, the edge list of text builders and without ``dot``, escaping, option
warnings and incremental exactness.

``DESIGNDOC_GRAPHVIZ_DOT`` names the ``dot`` the drawing tests use (CI runs this file
once more with it pointing nowhere: then the drawing tests are skipped and the others
show what a machine without Graphviz gets).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import docutils
import pytest
from docutils import nodes
from sphinx.ext.graphviz import graphviz

from helpers import (
    assert_same_output,
    build,
    line_of,
    lines_of,
    output_files,
    write_project,
)
from sphinx_designdoc.catalog import Catalog
from sphinx_designdoc.graph import (
    GraphQuery,
    dot_string,
    edge_list,
    lone_nodes,
    select_graph,
    to_dot,
)
from sphinx_designdoc.indexes.design_graph import edge_labels
from sphinx_designdoc.model import Component, DocMeta, Page, Relations

if TYPE_CHECKING:
    from helpers import Build

DOT = os.environ.get("DESIGNDOC_GRAPHVIZ_DOT", "dot")
HAVE_DOT = shutil.which(DOT) is not None
needs_dot = pytest.mark.skipif(not HAVE_DOT, reason=f"no Graphviz dot ({DOT!r})")
NO_DOT = "/nonexistent/dot"
LABELS = edge_labels()


# -- the pure part: which nodes and edges, and the DOT text -------------------------------


def page(docname: str, doc_id: str, status: str, *, tags: tuple[str, ...] = (),
         components: tuple[Component, ...] = (), **relations: tuple[str, ...]) -> Page:  # fmt: skip
    meta = DocMeta(doc_id, status=status, tags=tags, relations=Relations(**relations))
    return Page(docname, doc_id, title=doc_id.title(), meta=meta, components=list(components))


def catalog() -> Catalog:
    pages = [
        page("a", "alpha", "approved", tags=("pay",), supersedes=("beta",), amends=("gamma",),
             components=(Component("api", "API", depends_on=("store", "gamma.queue")),
                         Component("store", "Store"))),
        page("b", "beta", "superseded", tags=("pay",), related=("gamma", "nowhere")),
        page("c", "gamma", "draft", requires=("alpha",),
             components=(Component("queue", "Queue", depends_on=("alpha.store",)),)),
        page("d", "delta", "rejected"),
    ]  # fmt: skip
    return Catalog({p.docname: p for p in pages})


def edges(query: GraphQuery) -> list[tuple[str, str, str]]:
    graph = select_graph(catalog(), query)
    return [(source.name, kind, target.name) for source, kind, target in edge_list(graph)]


def test_docs_graph_has_every_doc_and_relation_between_shown_docs() -> None:
    graph = select_graph(catalog(), GraphQuery())
    assert [node.name for node in graph.nodes] == ["alpha", "beta", "delta", "gamma"]
    assert edges(GraphQuery()) == [
        ("alpha", "supersedes", "beta"),
        ("alpha", "amends", "gamma"),
        ("beta", "related", "gamma"),  # "nowhere" is no doc: no edge
        ("gamma", "requires", "alpha"),
    ]
    assert [node.name for node in lone_nodes(graph)] == ["delta"]


def test_docs_dot_draws_kinds_differently_and_greys_retired_docs() -> None:
    dot = to_dot(select_graph(catalog(), GraphQuery()), LABELS)
    lines = dot.splitlines()
    edge_lines = {kind: next(line for line in lines if f'label="{LABELS[kind]}"' in line)
                  for kind in ("supersedes", "amends", "requires", "related")}  # fmt: skip
    styles = {re.search(r"style=\"(\w+)\", arrowhead=\"(\w+)\"", line).groups()  # type: ignore[union-attr]
              for line in edge_lines.values()}  # fmt: skip
    assert len(styles) == 4  # each kind its own line and arrowhead
    beta = next(line for line in lines if 'label="Beta"' in line)
    delta = next(line for line in lines if 'label="Delta"' in line)
    alpha = next(line for line in lines if 'label="Alpha"' in line)
    assert "dashed" in beta
    assert "dashed" in delta
    assert "dashed" not in alpha
    assert 'fillcolor="#d3f9d8"' in alpha  # approved
    assert 'tooltip="Beta (superseded)"' in beta
    assert "URL" not in dot  # no links unless asked for


def test_components_graph_groups_by_doc_and_draws_depends_on() -> None:
    query = GraphQuery(of="components")
    graph = select_graph(catalog(), query)
    assert [node.name for node in graph.nodes] == ["alpha.api", "alpha.store", "gamma.queue"]
    assert edges(query) == [
        ("alpha.api", "depends-on", "alpha.store"),  # a bare id is the doc's own
        ("alpha.api", "depends-on", "gamma.queue"),
        ("gamma.queue", "depends-on", "alpha.store"),
    ]
    dot = to_dot(graph, LABELS)
    assert dot.count("subgraph cluster_") == 2
    assert 'label="Alpha"' in dot
    assert 'label="Gamma"' in dot
    assert dot.count('label="depends on"') == 3


@pytest.mark.parametrize(
    ("query", "names"),
    [
        (GraphQuery(docs=("alpha", "gamma")), ["alpha", "gamma"]),
        (GraphQuery(statuses=("draft", "approved")), ["alpha", "gamma"]),
        (GraphQuery(tags=("pay",)), ["alpha", "beta"]),
        (GraphQuery(tags=("pay",), statuses=("superseded",)), ["beta"]),
        (GraphQuery(of="components", docs=("gamma",)), ["gamma.queue"]),
    ],
)
def test_filters_restrict_the_nodes_and_the_edges_follow(
    query: GraphQuery, names: list[str]
) -> None:
    graph = select_graph(catalog(), query)
    assert [node.name for node in graph.nodes] == names
    assert all(s.name in names and t.name in names for s, _, t in edge_list(graph))


def test_dot_string_keeps_hostile_text_in_its_string() -> None:
    assert dot_string('say "hi"') == '"say \\"hi\\""'
    assert dot_string('\\"]; evil [') == '"\\\\\\"]; evil ["'
    assert dot_string("two\nlines\r\u2028x\x00") == '"two lines x"'
    assert dot_string("C:\\New") == '"C:\\\\New"'  # not Graphviz's \N (the node's name)


@needs_dot
def test_hostile_titles_make_one_node_each_showing_the_text() -> None:
    hostile = ['Evil "quote', 'x \\"]; evil [shape=none]; y', "a\\nb \\N \\G", "<b>bold</b>"]
    pages = {str(n): Page(str(n), f"d{n}", title=title, meta=DocMeta(f"d{n}", status="draft"))
             for n, title in enumerate(hostile)}  # fmt: skip
    graph = select_graph(Catalog(pages), GraphQuery())
    dot = to_dot(graph, LABELS, lambda node: f'x.html#"{node.name}\\')
    svg = subprocess.run([DOT, "-Tsvg"], input=dot.encode(), capture_output=True, check=True)
    text = svg.stdout.decode()
    assert text.count('class="node"') == len(hostile)
    blocks = re.findall(r'<g id="node\d+" class="node">(.*?)</g>', text, re.DOTALL)
    shown = [" ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", block))
             for block in blocks]  # fmt: skip
    assert sorted(shown) == sorted(hostile)  # long titles are wrapped, at spaces
    assert "<b>" not in text


# -- in a project: RST and MyST, builders -----------------------------------------------

DOCS = {
    "index.rst": "Home\n====\n\n.. toctree::\n\n   designs/alpha\n   designs/beta\n"
    "   designs/gamma\n   graphs\n   graphs_md\n   sub/deep\n",
    "designs/alpha.rst": """\
Alpha "quoted" title
====================

.. design-doc::
   :id: alpha
   :status: draft
   :supersedes: beta
   :requires: gamma
   :tags: pay

   Overview.

.. component:: Front End
   :id: front
   :depends-on: store, gamma.queue

.. component:: Store
   :id: store
""",
    "designs/beta.rst": """\
Beta
====

.. design-doc::
   :id: beta
   :status: superseded
   :tags: pay

   Overview.
""",
    "designs/gamma.md": """\
# Gamma

```{design-doc}
:id: gamma
:status: draft
:related: beta

Overview.
```

```{component} Queue
:id: queue
```
""",
}
GRAPHS_RST = """\
Graphs
======

.. design-graph::

.. design-graph::
   :of: components

.. design-graph::
   :tags: pay
   :status: superseded, draft
"""
GRAPHS_MD = """\
# Graphs

```{design-graph}
```

```{design-graph}
:of: components
```

```{design-graph}
:tags: pay
:status: superseded, draft
```
"""
DEEP = "Deep\n====\n\n.. design-graph::\n"
CONF = 'graphviz_output_format = "svg"\nversion = "1.0"\ncopyright = "2026, Acme"\n'


def project(tmp_path: Path, conf: str = CONF) -> Path:
    files = {**DOCS, "graphs.rst": GRAPHS_RST, "graphs_md.md": GRAPHS_MD, "sub/deep.rst": DEEP}
    return write_project(tmp_path / "src", files, conf)


def run(srcdir: Path, builder: str = "html", dot: str = DOT, **kwargs: object) -> Build:
    overrides = {"graphviz_dot": dot, "suppress_warnings": ["designdoc.missing"]}
    return build(srcdir, builder, freshenv=True, confoverrides=overrides, **kwargs)  # type: ignore[arg-type]


def graph_codes(result: Build, docname: str) -> list[str]:
    return [node["code"] for node in result.resolved_doctree(docname).findall(graphviz)]


@needs_dot
def test_rst_and_myst_give_the_same_graphs(tmp_path: Path) -> None:
    result = run(project(tmp_path))
    assert result.warnings == []
    rst, md = graph_codes(result, "graphs"), graph_codes(result, "graphs_md")
    assert len(rst) == 3
    assert rst == md
    docs, components, filtered = rst
    assert 'label="Alpha “quoted” title"' in docs  # the page title, as Sphinx shows it
    assert docs.count(" -> ") == 3
    assert 'label="related to"' in docs
    assert components.count("subgraph cluster_") == 2
    assert components.count('label="depends on"') == 2
    assert "Gamma" not in filtered
    assert filtered.count(" -> ") == 1


@needs_dot
def test_html_svg_nodes_link_to_the_doc_and_component_pages(tmp_path: Path) -> None:
    result = run(project(tmp_path))
    images = result.outdir / "_images"
    for docname in ("graphs", "sub/deep"):
        soup = result.soup(docname)
        objects = soup.select("figure.designdoc-graph object[type='image/svg+xml']")
        assert objects, docname
        page_dir = (result.outdir / docname).parent
        hrefs = set()
        for obj in objects:
            svg_path = (page_dir / obj["data"]).resolve()
            svg = svg_path.read_text(encoding="utf-8")
            assert 'target="_top"' in svg
            for href in re.findall(r'href="([^"]+)"', svg):
                file, _, anchor = href.partition("#")
                target = (images / file).resolve()
                assert target.is_file(), (docname, href)
                if anchor:
                    assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href
                hrefs.add(str(target.relative_to(result.outdir)) + (f"#{anchor}" if anchor else ""))
        assert "designs/alpha.html" in hrefs
        if docname == "graphs":
            assert "designs/alpha.html#component-front" in hrefs
            assert "designs/gamma.html#component-queue" in hrefs
    caption = result.soup("graphs").select_one("figure.designdoc-graph figcaption")
    assert caption is not None
    assert "Design docs and their relations" in caption.get_text()


@needs_dot
def test_png_image_map_links_are_relative_to_the_page(tmp_path: Path) -> None:
    result = run(project(tmp_path, conf=""), builder="dirhtml")
    soup = result.soup("sub/deep/index")
    areas = soup.select("map area")
    assert areas
    page_dir = result.outdir / "sub" / "deep"
    for area in areas:
        file = area["href"].partition("#")[0]
        assert (page_dir / file / "index.html").resolve().is_file(), area["href"]


@needs_dot
def test_latex_gets_the_figure(tmp_path: Path) -> None:
    result = run(project(tmp_path), builder="latex")
    tex = next(result.outdir.glob("*.tex")).read_text(encoding="utf-8")
    images = re.findall(r"\\sphinxincludegraphics\[\]\{(graphviz-\w+\.pdf)\}", tex)
    assert len(images) == 7  # three graphs on each graphs page, one in sub/deep
    assert all((result.outdir / name).is_file() for name in images)
    assert tex.count("\\caption{Design docs and their relations}") == 5
    assert "\\caption{Components and their dependencies}" in tex


EDGES_TEXT = [
    "* Alpha “quoted” title supersedes Beta",
    "* Alpha “quoted” title requires Gamma",
    "* Gamma related to Beta",
]


def test_text_builder_lists_the_edges(tmp_path: Path) -> None:
    result = run(project(tmp_path), builder="text")
    assert result.warnings == []
    text = (result.outdir / "graphs.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.startswith("* ")]
    assert lines[:3] == [line.replace("“", '"').replace("”", '"') for line in EDGES_TEXT]
    assert "* Front End depends on Store" in lines
    assert "* Front End depends on Queue" in lines
    assert "[graph" not in text
    md = (result.outdir / "graphs_md.txt").read_text(encoding="utf-8")
    assert md.split("Graphs", 1)[1] == text.split("Graphs", 1)[1]


def test_without_dot_one_warning_and_the_lists(tmp_path: Path) -> None:
    srcdir = project(tmp_path)
    result = run(srcdir, dot=NO_DOT)
    graph_warnings = [w for w in result.warnings if w.subtype == "graph"]
    first = lines_of(srcdir / "graphs.rst", ".. design-graph::")[0]
    assert [(w.type, w.subtype, w.file, w.line) for w in graph_warnings] == [
        ("designdoc", "graph", "graphs.rst", first)
    ]
    assert NO_DOT in graph_warnings[0].message
    assert len(result.warnings) == 1
    for docname in ("graphs", "graphs_md", "sub/deep"):
        body = result.body(docname)
        assert "<object" not in body
        assert "<img" not in body
        assert "graphviz" not in body
        items = result.soup(docname).select("ul.designdoc-graph-edges > li")
        assert items, docname
    soup = result.soup("graphs")
    first_list = soup.select_one("ul.designdoc-graph-edges")
    assert [li.get_text(" ", strip=True) for li in first_list.select("li")][:3] == [
        line[2:] for line in EDGES_TEXT
    ]
    link = first_list.select_one("a.designdoc-link.designdoc-status-superseded")
    assert link is not None
    assert link["href"] == "designs/beta.html"
    rows = [row for row in result.json()["findings"] if row["subtype"] == "graph"]
    assert [(row["source"], row["line"], row["key"]) for row in rows] == [
        ("graphs.rst", first, "graph:conf.py:design-graph:dot")
    ]


def test_without_dot_text_builders_do_not_warn(tmp_path: Path) -> None:
    result = run(project(tmp_path), builder="text", dot=NO_DOT)
    assert result.warnings == []


def test_without_dot_and_no_graph_no_warning(tmp_path: Path) -> None:
    doc = "Home\n====\n\n.. design-doc::\n   :status: draft\n\n   Overview.\n"
    srcdir = write_project(tmp_path / "src", {"index.rst": doc})
    assert run(srcdir, dot=NO_DOT).warnings == []


# -- option warnings --------------------------------------------------------------------

BAD_RST = """\
Bad
===

.. design-graph::
   :of: componets
   :status: aproved
   :stauts: draft
"""
BAD_MD = """\
# Bad

```{design-graph}
:of: componets
:status: aproved
:stauts: draft
```
"""


@pytest.mark.parametrize("name", ["bad.rst", "bad.md"])
def test_unknown_values_warn_at_their_option_line(tmp_path: Path, name: str) -> None:
    text = BAD_RST if name.endswith(".rst") else BAD_MD
    srcdir = write_project(tmp_path / "src", {"index.rst": "Home\n====\n", name: text})
    result = run(srcdir, dot=NO_DOT)
    found = sorted((w.line, w.message) for w in result.warnings if w.subtype == "option")
    assert found == [
        (line_of(text, ":of:"), "unknown graph kind 'componets'; expected one of docs, components"),
        (line_of(text, ":status:"), "unknown status 'aproved'; did you mean 'approved'?"),
        (line_of(text, ":stauts:"),
         "unknown option :stauts: of design-graph; did you mean 'status'?"),
    ]  # fmt: skip


# -- incremental and parallel builds ----------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def incremental(srcdir: Path, dot: str = DOT) -> Build:
    overrides = {"graphviz_dot": dot, "suppress_warnings": ["designdoc.missing"]}
    return build(srcdir, confoverrides=overrides)


EDITS = {
    "status": ("designs/beta.rst", ":status: superseded", ":status: approved"),
    "relation": ("designs/alpha.rst", ":requires: gamma", ":amends: gamma"),
    "title": ("designs/gamma.md", "# Gamma", "# Gamma Two"),
    "depends-on": ("designs/alpha.rst", ":depends-on: store, gamma.queue", ":depends-on: store"),
}


@pytest.mark.parametrize("dot", [pytest.param(DOT, marks=needs_dot), NO_DOT])
@pytest.mark.parametrize("name", sorted(EDITS))
def test_graph_pages_follow_edits_elsewhere(tmp_path: Path, name: str, dot: str) -> None:
    srcdir = project(tmp_path / "inc")
    incremental(srcdir, dot)
    pages = ("graphs.html", "graphs_md.html", "sub/deep.html")
    before = {page: (srcdir / "_build/html" / page).stat().st_mtime_ns for page in pages}
    file, old, new = EDITS[name]
    edit(srcdir / file, old, new)
    again = incremental(srcdir, dot)
    assert "1 changed" in again.status_text
    rewritten = {p for p in pages if (again.outdir / p).stat().st_mtime_ns != before[p]}
    # sub/deep shows the docs graph only: components are not in it
    assert rewritten == set(pages) - ({"sub/deep.html"} if name == "depends-on" else set())
    clean = run(project(tmp_path / "clean"), dot=dot)
    edit(clean.srcdir / file, old, new)
    clean = run(clean.srcdir, dot=dot)
    assert_same_output(again, clean)


def test_unrelated_edit_leaves_the_graph_page_alone(tmp_path: Path) -> None:
    srcdir = project(tmp_path)
    incremental(srcdir)
    page = srcdir / "_build/html/graphs.html"
    before = page.stat().st_mtime_ns
    edit(srcdir / "designs/beta.rst", "   Overview.", "   Overview, reworded.")
    incremental(srcdir)
    assert page.stat().st_mtime_ns == before


@needs_dot
def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    more = {f"designs/extra{n:02d}.rst": f"Extra {n}\n{'=' * (6 + len(str(n)))}\n\n"
            f".. design-doc::\n   :id: extra{n:02d}\n   :status: draft\n"
            f"   :requires: {'alpha' if n % 2 else 'beta'}\n\n   Overview.\n"
            for n in range(24)}  # fmt: skip
    toctree = "".join(f"   {name[:-4]}\n" for name in more)
    files = {**DOCS, **more, "graphs.rst": GRAPHS_RST, "graphs_md.md": GRAPHS_MD,
             "sub/deep.rst": DEEP}  # fmt: skip
    files["index.rst"] += toctree
    one = run(write_project(tmp_path / "one", files, CONF))
    two = run(write_project(tmp_path / "two", files, CONF), parallel=2)
    assert one.warnings == two.warnings == []
    first, second = output_files(one), output_files(two)
    graphs = [name for name in first if name.startswith("_images/graphviz-")]
    assert len(graphs) == 7  # three on each graphs page (their links differ), one in sub/deep
    for name in (*graphs, "graphs.html", "graphs_md.html", "sub/deep.html"):
        assert first[name] == second[name], name


# -- every builder ------------------------------------------------------------------------


@needs_dot
@pytest.mark.parametrize(
    "builder", ["singlehtml", "dirhtml", "epub", "man", "texinfo", "gettext", "json", "pickle"]
)
def test_every_builder_writes_the_graph_pages_without_warnings(
    tmp_path: Path, builder: str
) -> None:
    assert run(project(tmp_path), builder).warnings_text == ""


@pytest.mark.skipif(
    docutils.__version_info__ < (0, 22), reason="node.validate() needs docutils 0.22"
)
@pytest.mark.parametrize("builder", ["text", "html"])
def test_the_edge_list_and_the_figure_validate(tmp_path: Path, builder: str) -> None:
    result = run(project(tmp_path), builder, dot=NO_DOT if builder == "text" else DOT)
    doctree = result.resolved_doctree("graphs")
    made = [node for node in doctree.findall(nodes.Element)
            if any(c.startswith("designdoc-graph") for c in node.get("classes", []))]  # fmt: skip
    assert len(made) >= 3
    for node in made:
        # the figure holds sphinx.ext.graphviz's node, as that extension's own figures do,
        # where docutils expects an image: the figure's other parts are checked
        if isinstance(node, nodes.figure):
            assert isinstance(node[0], graphviz)
            node[1].validate()
        elif not isinstance(node, graphviz):
            node.validate(recursive=False)


@needs_dot
def test_a_dot_that_went_away_rewrites_exactly_the_graph_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing in the sources or the configuration changed, but the graphs are lists
    now: the graph pages are written again, and no other page."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "dot").symlink_to(shutil.which(DOT) or DOT)
    monkeypatch.setenv("PATH", str(bindir))
    srcdir = project(tmp_path / "src")
    overrides = {"suppress_warnings": ["designdoc.missing"]}
    first = build(srcdir, confoverrides=overrides)
    assert "<object" in first.body("graphs")
    pages = {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.html")}
    (bindir / "dot").unlink()
    again = build(srcdir, confoverrides=overrides)
    rewritten = {
        str(p.relative_to(again.outdir)) for p, t in pages.items() if p.stat().st_mtime_ns != t
    }
    # index.html holds them in its toctree, and Sphinx writes the generated pages anyway
    assert {"graphs.html", "graphs_md.html", "sub/deep.html"} <= rewritten
    assert not {name for name in rewritten if name.startswith("designs/")}
    assert "designdoc-graph-edges" in again.body("graphs")
    assert [w.subtype for w in again.warnings] == ["graph"]


@needs_dot
def test_myst_colon_fences_give_the_same_graphs(tmp_path: Path) -> None:
    colons = GRAPHS_MD.replace("```{design-graph}", ":::{design-graph}").replace("```", ":::")
    srcdir = project(tmp_path)
    (srcdir / "graphs_md.md").write_text(colons, encoding="utf-8")
    result = run(srcdir)
    assert result.warnings == []
    assert graph_codes(result, "graphs_md") == graph_codes(result, "graphs")
