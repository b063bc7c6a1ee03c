"""After any edit, an incremental build equals a clean build of the same sources."""

from __future__ import annotations

import os
import shutil
import textwrap
import time
from pathlib import Path

import pytest

from helpers import Build, assert_same_output, build, copy_root, write_project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = time.time() + 5  # make sure Sphinx sees a newer mtime
    os.utime(path, (later, later))


def clean_build(srcdir: Path, tmp_path: Path, label: str) -> Build:
    fresh = tmp_path / f"clean-{label}"
    shutil.copytree(srcdir, fresh, ignore=shutil.ignore_patterns("_build"))
    return build(fresh, freshenv=True)


EDITS = {
    "edit-goal": [
        ("designs/retry.rst", "Fast scheduling", "Quick scheduling"),
        ("designs/retry.rst", "p99 < 200 ms", "p99 < 150 ms"),
    ],
    "remove-alternative": [
        (
            "designs/retry_v1.rst",
            ".. alternative:: Retry in the client\n   :why-not: Clients go offline.\n",
            "",
        )
    ],
    "change-status": [("designs/ledger.rst", ":status: draft", ":status: approved")],
    # only the status of link targets in the goal tables changes (class and hover)
    "change-linked-status": [("designs/retry.rst", ":status: approved", ":status: implemented")],
    # the superseded doc's banner and backlinks show the successor's title
    "retitle-successor": [
        (
            "designs/retry.rst",
            "Payment Retry Service\n=====================",
            "Payment Retry Service Two\n=========================",
        )
    ],
    "remove-relation": [("designs/retry.rst", "   :supersedes: payment-retry-v1\n", "")],
    "change-id": [("designs/ledger.rst", ":id: nightly", ":id: every-night")],
    # the heading takes the goal's anchor: the goal moves to goal-p99-latency-1, and the
    # pages that link to it follow
    "heading-takes-anchor": [
        (
            "designs/retry.rst",
            "Migration Plan\n--------------\n",
            "Goal P99 Latency\n----------------\n\nMigration Plan\n--------------\n",
        )
    ],
    "add-use-case": [
        (
            "designs/ledger.rst",
            ":use-cases: business-metrics",
            ":use-cases: business-metrics, tracing\n\n   .. log-use-case:: tracing\n"
            "      :retention: 2w\n",
        )
    ],
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_incremental_equals_clean(tmp_path: Path, name: str) -> None:
    srcdir = copy_root("basic", tmp_path)
    first = build(srcdir)
    assert first.warnings_text == ""
    for file, old, new in EDITS[name]:
        edit(srcdir / file, old, new)
    again = build(srcdir)
    assert "0 added, 1 changed, 0 removed" in again.status_text  # really incremental
    assert_same_output(again, clean_build(srcdir, tmp_path, name))


GRAPHS = """\
Graphs
======

.. design-graph::

.. design-graph::
   :of: components
"""


def with_graph_page(srcdir: Path) -> Path:
    """The basic root with a page of graphs (drawn without Graphviz, so the page is the
    same on machines with and without it: the edge lists)."""
    (srcdir / "graphs.rst").write_text(GRAPHS, encoding="utf-8")
    edit(srcdir / "index.rst", "   indexes\n", "   indexes\n   graphs\n")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('graphviz_dot = "/nonexistent/dot"\nsuppress_warnings = ["designdoc.graph"]\n')
    return srcdir


@pytest.mark.parametrize("name", sorted(EDITS))
def test_graph_page_follows_every_edit(tmp_path: Path, name: str) -> None:
    """The graph page is written again exactly when what it shows changed, and then
    equals a clean build's."""
    srcdir = with_graph_page(copy_root("basic", tmp_path))
    first = build(srcdir)
    assert first.warnings_text == ""
    page = first.outdir / "graphs.html"
    before, shown = page.stat().st_mtime_ns, first.body("graphs")
    for file, old, new in EDITS[name]:
        edit(srcdir / file, old, new)
    again = build(srcdir)
    clean = clean_build(srcdir, tmp_path, name)
    assert_same_output(again, clean)
    rewritten = page.stat().st_mtime_ns != before
    assert rewritten == (clean.body("graphs") != shown)
    shows_it = {"change-status", "change-linked-status", "remove-relation", "retitle-successor"}
    assert rewritten == (name in shows_it)


def test_edit_sequence_rewrites_dependent_pages(tmp_path: Path) -> None:
    """Several edits in a row; the index page and linking pages follow each one."""
    srcdir = copy_root("basic", tmp_path)
    build(srcdir)
    for step, (name, edits) in enumerate(sorted(EDITS.items())):
        for file, old, new in edits:
            edit(srcdir / file, old, new)
        again = build(srcdir)
        assert_same_output(again, clean_build(srcdir, tmp_path, f"{step}-{name}"))
    text = again.soup("indexes").get_text(" ", strip=True)
    assert "Quick scheduling" in text
    assert "Retry in the client" not in text
    ledger_link = again.soup("designs/retry").select_one('a.designdoc-link[href="ledger.html"]')
    assert "designdoc-status-approved" in ledger_link["class"]
    assert "goal-every-night" in again.html("designs/ledger")


def test_unrelated_pages_are_not_rewritten(tmp_path: Path) -> None:
    """Only pages whose shown data changed are written again."""
    srcdir = copy_root("basic", tmp_path)
    first = build(srcdir)
    before = {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.html")}
    edit(srcdir / "designs/retry_v1.rst", "The first retry design.", "The first retry design!")
    again = build(srcdir)
    rewritten = {
        str(p.relative_to(again.outdir))
        for p, mtime in before.items()
        if p.stat().st_mtime_ns != mtime
    }
    # retry_v1 itself; nothing it shows elsewhere changed, so no other page is rewritten
    assert "designs/retry_v1.html" in rewritten
    assert "indexes.html" not in rewritten
    assert "designs/ledger.html" not in rewritten


def test_adding_a_doc_updates_indexes_and_resolves_dangling_refs(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    edit(srcdir / "notes.rst", "Sections work", "See :design:doc:`caching`. Sections work")
    first = build(srcdir)
    assert "reference target not found: caching" in first.warnings_text
    (srcdir / "designs/caching.rst").write_text(
        textwrap.dedent("""\
            Caching
            =======

            .. design-doc::
               :id: caching
               :status: draft
            """),
        encoding="utf-8",
    )
    edit(srcdir / "index.rst", "   notes\n", "   notes\n   designs/caching\n")
    again = build(srcdir)
    assert again.soup("notes").select_one('a[href="designs/caching.html"]') is not None
    assert_same_output(again, clean_build(srcdir, tmp_path, "add"))


def test_moving_a_doc_updates_links_to_it(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    build(srcdir)
    (srcdir / "designs/ledger.rst").rename(srcdir / "designs/ledger_export.rst")
    edit(srcdir / "index.rst", "designs/ledger\n", "designs/ledger_export\n")
    again = build(srcdir)
    hrefs = {a["href"] for a in again.soup("indexes").select("a.designdoc-link")}
    assert "designs/ledger_export.html" in hrefs
    assert "designs/ledger.html" not in hrefs
    assert_same_output(again, clean_build(srcdir, tmp_path, "moved"))


def test_banner_and_backlinks_follow_the_successor(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    first = build(srcdir)
    banner = first.soup("designs/retry_v1").select_one(".designdoc-banner")
    assert banner.get_text(" ", strip=True).endswith("superseded by Payment Retry Service .")
    edit(srcdir / "designs/retry.rst", "   :supersedes: payment-retry-v1\n", "")
    again = build(srcdir)
    page = again.soup("designs/retry_v1")
    assert page.select_one(".designdoc-banner").get_text(" ", strip=True) == (
        "Superseded This design doc is superseded and kept as a record."
    )
    assert page.select_one(".designdoc-backlinks") is None
    assert "superseded design doc has no successor" in again.warnings_text


PRD_PAGE = textwrap.dedent("""\
    A
    =

    .. design-doc::
       :prd: spec.rst
    """)
SPEC_PAGE = "Spec\n====\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ({"spec.rst": SPEC_PAGE}, {}),  # the PRD page is deleted: a path again
        ({}, {"spec.rst": SPEC_PAGE}),  # the PRD page appears: now a link
        ({"spec.rst": SPEC_PAGE}, {"spec.rst": "Product spec\n============\n"}),  # retitled
        ({"spec.rst": SPEC_PAGE}, {"spec.md": "# Spec in Markdown\n"}),  # and to MyST
    ],
    ids=["deleted", "added", "retitled", "retitled-md"],
)
def test_prd_link_follows_the_prd_page(
    tmp_path: Path, before: dict[str, str], after: dict[str, str]
) -> None:
    """Found by test_edit_sequences.py: the PRD link was decided when the doc was read."""
    toc = textwrap.dedent("""\
        Home
        ====

        .. toctree::

           a
           spec
        """)
    srcdir = write_project(tmp_path / "src", {"index.rst": toc, "a.rst": PRD_PAGE, **before})
    build(srcdir)
    for name in before.keys() - after.keys():
        (srcdir / name).unlink()
    for name, text in after.items():
        (srcdir / name).write_text(text, encoding="utf-8")
        later = time.time() + 5
        os.utime(srcdir / name, (later, later))
    again = build(srcdir)
    assert_same_output(again, clean_build(srcdir, tmp_path, "prd"))


def test_question_cell_links_to_the_question_when_a_goal_has_its_id(tmp_path: Path) -> None:
    """Found by test_edit_sequences.py: the questions table linked a question through
    ``:design:ref:``, which prefers a goal of the same id, so adding that goal changed
    the link in a clean build but not in an incremental one."""
    index = textwrap.dedent("""\
        Home
        ====

        .. toctree::

           a

        .. design-index:: questions
        """)
    page = textwrap.dedent("""\
        A
        =

        .. design-doc::

        .. open-question:: Which?
           :id: x
        """)
    srcdir = write_project(tmp_path / "src", {"index.rst": index, "a.rst": page})
    build(srcdir)
    # a goal of the question's id, added before the question
    goal = textwrap.dedent("""\
        .. design-goals::

           .. goal:: G
              :id: x

        .. open-question::""")
    edit(srcdir / "a.rst", ".. open-question::", goal)
    again = build(srcdir)
    assert (
        again.soup("index").select_one("td.designdoc-col-question a")["href"] == "a.html#question-x"
    )
    assert_same_output(again, clean_build(srcdir, tmp_path, "question"))


#: A goal, a page linking to it and a page linking to another goal, in either format.
SHARED_DOCTREES = {
    "rst": {
        "index.rst": textwrap.dedent("""\
            Home
            ====

            .. toctree::

               goals
               uses
               other
            """),
        "goals.rst": textwrap.dedent("""\
            Goals
            =====

            .. design-doc::
               :status: draft

            .. design-goals::

               .. goal:: Fast scheduling
                  :id: fast

               .. goal:: Cheap storage
                  :id: cheap
            """),
        "uses.rst": textwrap.dedent("""\
            Uses
            ====

            See :design:goal:`goals.fast`.
            """),
        "other.rst": textwrap.dedent("""\
            Other
            =====

            See :design:goal:`goals.cheap`.
            """),
    },
    "md": {
        "index.rst": textwrap.dedent("""\
            Home
            ====

            .. toctree::

               goals
               uses
               other
            """),
        "goals.md": textwrap.dedent("""\
            # Goals

            :::{design-doc}
            :status: draft
            :::

            ::::{design-goals}
            :::{goal} Fast scheduling
            :id: fast
            :::

            :::{goal} Cheap storage
            :id: cheap
            :::
            ::::
            """),
        "uses.md": textwrap.dedent("""\
            # Uses

            See {design:goal}`goals.fast`.
            """),
        "other.md": textwrap.dedent("""\
            # Other

            See {design:goal}`goals.cheap`.
            """),
    },
}


@pytest.mark.parametrize("fmt", sorted(SHARED_DOCTREES))
def test_builders_sharing_the_doctree_folder_each_rewrite_stale_pages(
    tmp_path: Path, fmt: str
) -> None:
    """``sphinx-build -M html``, an edit, ``-M designdoc`` and ``-M text``, ``-M html``:
    the other builders read the edit first, and the last HTML build still re-writes the
    page that links to the renamed goal (and only that page and the goal's own)."""
    srcdir = write_project(tmp_path / "src", SHARED_DOCTREES[fmt])
    builddir = tmp_path / "_build"  # as -M: <builder>/ for each output, doctrees/ shared
    first = build(srcdir, builddir=builddir)
    assert first.warnings_text == ""
    assert "Fast scheduling" in first.soup("uses").get_text()
    before = {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.html")}
    edit(srcdir / f"goals.{fmt}", "Fast scheduling", "Quick scheduling")
    now = time.time_ns()  # not in the future: later builds must not read the page again
    os.utime(srcdir / f"goals.{fmt}", ns=(now, now))
    lint = build(srcdir, "designdoc", builddir=builddir)
    assert "0 added, 1 changed, 0 removed" in lint.status_text  # it read the edit
    assert lint.json()["docs"]["goals"]["goals"][0]["title"] == "Quick scheduling"
    text = build(srcdir, "text", builddir=builddir)
    assert "Quick scheduling" in (text.outdir / "uses.txt").read_text(encoding="utf-8")
    again = build(srcdir, builddir=builddir)
    assert "0 added, 0 changed, 0 removed" in again.status_text  # nothing left to read
    assert "Quick scheduling" in again.soup("uses").get_text()
    rewritten = {
        str(p.relative_to(again.outdir))
        for p, mtime in before.items()
        if p.stat().st_mtime_ns != mtime
    }
    assert {"uses.html", "goals.html"} <= rewritten
    assert "other.html" not in rewritten
    assert_same_output(again, clean_build(srcdir, tmp_path, fmt))


#: Stops the build while it writes ``uses``, as Ctrl-C does (not an ``Exception``: Sphinx
#: would delete the saved environment, and the next build would start afresh).
INTERRUPT_CONF = """
import os

def _interrupt(app, doctree, docname):
    if docname == "uses" and os.environ.get("DESIGNDOC_TEST_INTERRUPT"):
        raise KeyboardInterrupt

def setup(app):
    app.connect("doctree-resolved", _interrupt)
"""


@pytest.mark.parametrize("fmt", sorted(SHARED_DOCTREES))
def test_a_page_an_interrupted_build_did_not_write_is_written_next_time(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sphinx saves the environment before it writes: what the page shows must not be
    recorded as written until the build has finished."""
    srcdir = write_project(tmp_path / "src", SHARED_DOCTREES[fmt], INTERRUPT_CONF)
    build(srcdir)
    edit(srcdir / f"goals.{fmt}", "Fast scheduling", "Quick scheduling")
    with monkeypatch.context() as patch:
        patch.setenv("DESIGNDOC_TEST_INTERRUPT", "1")
        with pytest.raises(KeyboardInterrupt):
            build(srcdir)
    again = build(srcdir)
    assert "Quick scheduling" in again.soup("uses").get_text()
    assert_same_output(again, clean_build(srcdir, tmp_path, fmt))


@pytest.mark.parametrize("fmt", sorted(SHARED_DOCTREES))
def test_a_stale_page_left_out_of_a_build_of_some_files_is_written_next_time(
    tmp_path: Path, fmt: str
) -> None:
    """``sphinx-build SRC OUT goals.rst`` writes only the files it is given: a page that
    shows the edit but is not among them must not be recorded as written."""
    srcdir = write_project(tmp_path / "src", SHARED_DOCTREES[fmt])
    build(srcdir)
    edit(srcdir / f"goals.{fmt}", "Fast scheduling", "Quick scheduling")
    some = build(srcdir, filenames=[srcdir / f"goals.{fmt}"])
    assert "Fast scheduling" in some.soup("uses").get_text()
    again = build(srcdir)
    assert "Quick scheduling" in again.soup("uses").get_text()
    assert_same_output(again, clean_build(srcdir, tmp_path, fmt))
