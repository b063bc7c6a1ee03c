"""What a ``design-graph`` page costs a build: the designdoc corpus with and without one.

    python benchmarks/graph_cost.py [--docs 1000] [--rounds 1]

Both projects are the ``designdoc`` corpus of :mod:`corpus` (each doc ``:related:`` to
the next, two components, one depending on the other), HTML with SVG graphs. The second
has one more page, ``graphs.rst``, with a docs graph (every doc, every relation) and a
components graph (every component, grouped by doc). Measured, in wall and CPU seconds:
a full build (into an empty output folder: ``sphinx.ext.graphviz`` names an image by its
DOT text and reuses one already there), then an incremental build after one doc's
status changes (which both graphs show, so the graph page is written again and ``dot``
runs again), and how long ``dot`` alone takes for each graph of the page.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
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


def sphinx_build(srcdir: Path, *extra: str) -> tuple[float, float]:
    """Wall and CPU seconds of one build; the CPU time counts ``dot`` too (a child of
    the build), and other work on the machine much less than the wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", *extra, str(srcdir),
         str(srcdir / "_build")],
        check=True,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


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
    forms = (("without graph", False), ("with graph", True))
    results: dict[str, dict[str, list[tuple[float, float]]]] = {
        form: {"full": [], "status edit": []} for form, _graph in forms
    }
    with tempfile.TemporaryDirectory() as tmp:
        for form, graph in forms:
            make(Path(tmp) / form.replace(" ", "-"), args.docs, graph=graph)
        for round_number in range(args.rounds):  # the forms take turns, in both orders
            for form, _graph in forms if round_number % 2 == 0 else forms[::-1]:
                srcdir = Path(tmp) / form.replace(" ", "-")
                shutil.rmtree(srcdir / "_build", ignore_errors=True)  # no SVG to reuse
                results[form]["full"].append(sphinx_build(srcdir, "-E"))
                change_status(srcdir, args.docs, round_number)
                results[form]["status edit"].append(sphinx_build(srcdir))
        dot = dot_alone(Path(tmp) / "with-graph")
    print(f"{args.docs} docs; medians of {args.rounds} rounds; seconds")
    print(f"{'measure':<14}{'wall without':>14}{'with':>8}{'added':>8}"
          f"{'cpu without':>14}{'with':>8}{'added':>8}")  # fmt: skip
    for measure in ("full", "status edit"):
        row = f"{measure:<14}"
        for index in (0, 1):
            without = statistics.median(t[index] for t in results["without graph"][measure])
            with_graph = statistics.median(t[index] for t in results["with graph"][measure])
            row += f"{without:>14.2f}{with_graph:>8.2f}{with_graph - without:>+8.2f}"
        print(row)
    print("dot alone: " + ", ".join(f"{t:.2f} s" for t in dot) + " (docs graph, components graph)")


if __name__ == "__main__":
    main()
