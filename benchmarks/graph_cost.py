"""What a ``design-graph`` page costs a build: the designdoc corpus with and without one.

    python benchmarks/graph_cost.py [--docs 1000] [--rounds 1]

Both projects are the ``designdoc`` corpus of :mod:`corpus` (each doc ``:related:`` to
the next, two components, one depending on the other), HTML with SVG graphs. The second
has one more page, ``graphs.rst``, with a docs graph (every doc, every relation) and a
components graph (every component, grouped by doc). Measured, in wall seconds: a full
build (``-E``), then an incremental build after one doc's status changes (which the
docs graph shows, so the graph page is written again and ``dot`` runs again), and how
long ``dot`` alone takes for each graph of the page.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import corpus

GRAPHS = """\
Graphs
======

.. design-graph::

.. design-graph::
   :of: components
"""


def make(srcdir: Path, docs: int, *, graph: bool) -> None:
    corpus.write(srcdir, "designdoc", corpus.Corpus(docs))
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('graphviz_output_format = "svg"\nsuppress_warnings = ["designdoc"]\n')
    if graph:
        (srcdir / "graphs.rst").write_text(GRAPHS, encoding="utf-8")
        index = srcdir / "index.rst"
        index.write_text(index.read_text(encoding="utf-8") + "   graphs\n", encoding="utf-8")


def sphinx_build(srcdir: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", *extra, str(srcdir),
         str(srcdir / "_build")],
        check=True,
    )  # fmt: skip
    return time.perf_counter() - start


def change_status(srcdir: Path, docs: int, round_number: int) -> None:
    path = srcdir / f"{corpus.Corpus(docs).names()[docs // 2]}.rst"
    text = path.read_text(encoding="utf-8")
    statuses = ("approved", "draft")
    new = statuses[round_number % 2]
    path.write_text(re.sub(r":status: [\w-]+", f":status: {new}", text, count=1), "utf-8")


def dot_alone(srcdir: Path) -> list[float]:
    """``dot -Tsvg`` on the DOT text of each graph of the page, as Sphinx runs it."""
    from sphinx.application import Sphinx  # noqa: PLC0415
    from sphinx.ext.graphviz import graphviz  # noqa: PLC0415

    app = Sphinx(srcdir, srcdir, srcdir / "_build", srcdir / "_build/.doctrees", "html",
                 status=None, warning=None)  # fmt: skip
    doctree = app.env.get_and_resolve_doctree("graphs", app.builder)
    times = []
    for node in doctree.findall(graphviz):
        start = time.perf_counter()
        subprocess.run(["dot", "-Tsvg"], input=node["code"].encode(), capture_output=True,
                       check=True)  # fmt: skip
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for form, graph in (("without graph", False), ("with graph", True)):
            srcdir = Path(tmp) / form.replace(" ", "-")
            make(srcdir, args.docs, graph=graph)
            times = results.setdefault(form, {"full": [], "status edit": []})
            for round_number in range(args.rounds):
                times["full"].append(sphinx_build(srcdir, "-E"))
                change_status(srcdir, args.docs, round_number)
                times["status edit"].append(sphinx_build(srcdir))
            if graph:
                dot = dot_alone(srcdir)
    print(f"{args.docs} docs; medians of {args.rounds} rounds; wall seconds")
    print(f"{'measure':<14}{'without':>10}{'with':>10}{'added':>10}")
    for measure in ("full", "status edit"):
        without = statistics.median(results["without graph"][measure])
        with_graph = statistics.median(results["with graph"][measure])
        print(f"{measure:<14}{without:>10.2f}{with_graph:>10.2f}{with_graph - without:>+10.2f}")
    print("dot alone: " + ", ".join(f"{t:.2f} s" for t in dot) + " (docs graph, components graph)")


if __name__ == "__main__":
    main()
