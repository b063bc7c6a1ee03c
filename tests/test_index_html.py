"""The HTML builders write index table rows in one go (``render/index_html.py``); the
pages must be exactly what Sphinx's writer makes of the same rows as docutils nodes.

Each project is built twice, once as users get it and once with the one-go rows switched
off (every builder then gets the docutils table), and every output file is compared byte
for byte: pages, the search index, ``designdoc.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from helpers import Build, assert_identical, build, build_both_ways, copy_root
from sphinx_designdoc.indexes.design_index import HTMLIndexRenderer, design_index_rows

if TYPE_CHECKING:
    from pathlib import Path

ROOTS = ("basic", "myst", "template", "escaping", "warnings")

# One page, in a subfolder, holds the items and the indexes that list them (links are
# "#anchor", and "#" to the doc itself); the home page's index links down into the
# subfolder. docutils.conf asks for column widths (a <colgroup>) and another table style.
SAME_PAGE = """\
Same page
=========

.. design-doc::
   :id: here
   :status: approved
   :tags: a & b, <c>

   Overview with "quotes" & <tags>.

Goals
-----

.. design-goals::

   .. goal:: Serve <fast> & "well" @ 99%
      :id: fast
      :kind: performance
      :target: p99 < 5 ms

   .. goal:: Second goal
      :id: second

Alternatives Considered
-----------------------

.. alternative:: Do nothing
   :id: nothing
   :why-not: It <fails>.

Indexes
-------

.. design-index:: docs
   :columns: doc, id, status, tags

.. design-index:: goals

.. design-index:: alternatives
"""


def build_both(
    one: Path, two: Path, builder: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[Build, Build]:
    """``one`` as users build it, ``two`` with every index table built of docutils nodes."""
    return build_both_ways(
        one,
        two,
        builder,
        monkeypatch,
        lambda patch: patch.setattr(HTMLIndexRenderer, "builders", ("no-such-builder",)),
    )


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
@pytest.mark.parametrize("root", ROOTS)
def test_rows_written_in_one_go_equal_the_docutils_table(
    tmp_path: Path, root: str, builder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, nodes_only = build_both(
        copy_root(root, tmp_path / "one"), copy_root(root, tmp_path / "two"), builder, monkeypatch
    )
    assert_identical(fast, nodes_only)


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_same_page_links_and_column_widths(
    tmp_path: Path, builder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for copy in ("one", "two"):
        srcdir = tmp_path / copy
        (srcdir / "deep").mkdir(parents=True)
        (srcdir / "conf.py").write_text('extensions = ["sphinx_designdoc"]\n', encoding="utf-8")
        (srcdir / "docutils.conf").write_text(
            "[html writers]\ntable_style: colwidths-grid, booktabs\n", encoding="utf-8"
        )
        (srcdir / "index.rst").write_text(
            "Home\n====\n\n.. toctree::\n\n   deep/here\n\n.. design-index:: goals\n",
            encoding="utf-8",
        )
        (srcdir / "deep" / "here.rst").write_text(SAME_PAGE, encoding="utf-8")
    fast, nodes_only = build_both(tmp_path / "one", tmp_path / "two", builder, monkeypatch)
    assert_identical(fast, nodes_only)
    page = fast.html("deep/here" if builder == "html" else "deep/here/index")
    assert 'href="#goal-fast"' in page
    assert 'href="#"' in page  # the docs index links to the doc it is on
    assert "<colgroup>" in page
    assert 'title="Serve &lt;fast&gt; &amp; &quot;well&quot; &#64; 99% (approved)"' in page
    home = "deep/here.html#goal-fast" if builder == "html" else "deep/here/#goal-fast"
    assert f'href="{home}"' in fast.html("index")


@pytest.mark.parametrize(
    ("builder", "in_one_go"),
    [("html", True), ("dirhtml", True), ("singlehtml", False), ("epub", False)],
)
def test_which_builders_write_rows_in_one_go(tmp_path: Path, builder: str, in_one_go: bool) -> None:
    """``singlehtml`` and ``epub`` rewrite links in the doctree after resolving, so they
    keep the docutils rows; the others get the one node."""
    result = build(copy_root("basic", tmp_path), builder, freshenv=True)
    doctree = result.resolved_doctree("indexes")
    assert bool(list(doctree.findall(design_index_rows))) is in_one_go
