"""Three parts of a page are one node each in the doctree Sphinx keeps from reading to
writing, and whole on every page a builder writes: a section's field list
(``render/fields.py``), the logging checklist (``sections/logging_strategy.py``) and an
index table's body rows (``indexes/design_index.py``). The HTML builders write them
straight to HTML; every other builder gets docutils nodes, made from the same
description. The HTML must be exactly what Sphinx's writer makes of those nodes.

Each project is built twice, once as users get it and once with the three HTML paths
switched off (every builder then gets the docutils nodes), and every output file is
compared byte for byte: pages, ``designdoc.json``, and the search index, which differs
only in the extension's own labels (kept out of it when written directly).
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from helpers import Build, build, build_both_ways, copy_root, output_files
from sphinx_designdoc.indexes.design_index import HTMLIndexRenderer, design_index_rows
from sphinx_designdoc.render.expand import ExpandOutsideHTML
from sphinx_designdoc.render.fields import design_field, design_fields
from sphinx_designdoc.sections.logging_strategy import design_checklist

if TYPE_CHECKING:
    from pathlib import Path

ROOTS = ("basic", "myst", "template", "escaping", "warnings")
USE_CASES = (
    "Tracing",
    "Error Tracking",
    "User Behavior",
    "Performance",
    "Security Audit",
    "Business Metrics",
)


def switch_off_html_paths(patch: pytest.MonkeyPatch) -> None:
    """Every builder gets the docutils nodes: field lists and checklist expanded, index
    rows built as table rows."""
    patch.setattr(ExpandOutsideHTML, "is_supported", lambda self: True)
    patch.setattr(HTMLIndexRenderer, "builders", ("no-such-builder",))


def build_both(
    one: Path, two: Path, builder: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[Build, Build]:
    """``one`` built as users get it, ``two`` (a copy) with the HTML paths switched off."""
    if not two.exists():
        shutil.copytree(one, two)
    return build_both_ways(one, two, builder, monkeypatch, switch_off_html_paths)


def assert_same_pages(direct: Build, nodes_only: Build) -> None:
    """Every file the same, byte for byte, but the search index (see the module)."""
    files, other = output_files(direct), output_files(nodes_only)
    assert sorted(files) == sorted(other)
    assert "designdoc.json" in files
    differing = [name for name in files if files[name] != other[name]]
    assert differing in ([], ["searchindex.js"])
    pages = "".join(v.decode() for name, v in files.items() if name.endswith(".html"))
    assert '<dl class="designdoc-fields field-list' in pages


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
@pytest.mark.parametrize("root", ROOTS)
def test_html_written_directly_equals_the_docutils_nodes(
    tmp_path: Path, root: str, builder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct, nodes_only = build_both(
        copy_root(root, tmp_path / "one"), tmp_path / "two" / root, builder, monkeypatch
    )
    assert_same_pages(direct, nodes_only)


@pytest.mark.parametrize(
    ("builder", "written_directly", "rows_in_one_go"),
    [
        ("html", True, True),
        ("dirhtml", True, True),
        ("singlehtml", True, False),
        ("epub", True, False),
        ("designdoc", True, False),
        ("text", False, False),
    ],
)
def test_which_builders_get_which_form(
    tmp_path: Path, builder: str, written_directly: bool, rows_in_one_go: bool
) -> None:
    """``singlehtml`` and ``epub`` rewrite links in the doctree after resolving, so they
    keep docutils index rows; ``designdoc`` writes no page, so nothing is expanded."""
    result = build(copy_root("basic", tmp_path), builder, freshenv=True)
    doctree = result.resolved_doctree("designs/retry")
    assert bool(list(doctree.findall(design_fields))) is written_directly
    assert bool(list(doctree.findall(design_checklist))) is written_directly
    assert bool(list(doctree.findall(nodes.field_list))) is not written_directly
    index = result.resolved_doctree("indexes")
    assert bool(list(index.findall(design_index_rows))) is rows_in_one_go


def test_the_page_read_holds_one_node_each(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path), freshenv=True)
    doctree = result.app.env.get_doctree("designs/retry")
    assert not list(doctree.findall(nodes.field_list))
    assert not list(doctree.findall(nodes.field))
    labels = [field["label"] for field in doctree.findall(design_field)]
    assert labels[:3] == ["Status", "Authors", "Reviewers"]
    assert {"Purpose", "Interface", "Authentication", "Events", "Owner"} <= set(labels)
    for field in doctree.findall(design_field):  # the value stays a paragraph of the page
        assert [type(child) for child in field.children] == [nodes.paragraph]
    (checklist,) = doctree.findall(design_checklist)
    assert checklist["selected"] == ("tracing", "error-tracking")
    assert not [n for n in doctree.findall(nodes.strong) if n.astext() in USE_CASES]


def test_other_builders_get_them_whole(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path), "text", freshenv=True)
    env = result.app.env
    doctree = env.get_doctree("designs/retry")
    shorts = [[item["label"] for item in short] for short in doctree.findall(design_fields)]
    env.apply_post_transforms(doctree, "designs/retry")
    assert not list(doctree.findall(design_fields))
    assert not list(doctree.findall(design_checklist))
    whole = [
        fields
        for fields in doctree.findall(nodes.field_list)
        if "designdoc-backlinks" not in fields["classes"]
    ]
    assert [[name.astext() for name in f.findall(nodes.field_name)] for f in whole] == shorts
    for body in doctree.findall(nodes.field_body):
        assert [type(child) for child in body.children] == [nodes.paragraph]
    (checklist,) = doctree.findall(
        lambda node: isinstance(node, nodes.container) and "designdoc-use-cases" in node["classes"]
    )
    items = [item.astext().split(" \u2014 ")[0] for item in checklist.findall(nodes.list_item)]
    ticked = ("Tracing", "Error Tracking")
    assert items == [("\u2611 " if name in ticked else "\u2610 ") + name for name in USE_CASES]


def test_labels_stay_out_of_the_projects_message_catalogs(tmp_path: Path) -> None:
    """The extension translates its labels itself; a project's translators get its text."""
    result = build(copy_root("basic", tmp_path), "gettext", freshenv=True)
    messages = set()
    for pot in result.outdir.glob("**/*.pot"):
        text = pot.read_text(encoding="utf-8")
        messages |= {
            line[len('msgid "') : -1] for line in text.splitlines() if line.startswith("msgid")
        }
    for label in ("Status", "Authors", "Purpose", "Owner", "Applicable use cases"):
        assert label not in messages
    assert not [m for m in messages if "Execution flow and timing" in m]
    for value in (
        "Ana Ruiz, Li Wei",
        "mTLS between services",
        "Decides when a failed payment is retried.",
    ):
        assert value in messages


def test_lists_follow_the_compact_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    srcdir = copy_root("basic", tmp_path)
    (srcdir / "docutils.conf").write_text(
        "[html writers]\ncompact_field_lists: false\n", encoding="utf-8"
    )
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("html_compact_lists = False\n")  # Sphinx's word for compact_lists
    direct, expanded = build_both(srcdir, tmp_path / "two", "html", monkeypatch)
    assert_same_pages(direct, expanded)
    page = direct.html("designs/retry")
    assert '<dl class="designdoc-fields field-list">' in page
    assert "field-list simple" not in page
    assert '<ul class="designdoc-checklist">' in page


def test_custom_use_cases_in_the_checklist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A use case of the project's own has no purpose; its name is escaped."""
    srcdir = copy_root("basic", tmp_path)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('designdoc_log_use_cases = ["tracing", "error-tracking", "r&d <x>"]\n')
    direct, expanded = build_both(srcdir, tmp_path / "two", "html", monkeypatch)
    assert_same_pages(direct, expanded)
    page = direct.html("designs/retry")
    assert "<strong>R&amp;D &lt;X&gt;</strong></p></li>" in page  # no purpose, escaped


def search_terms(result: Build) -> dict[str, object]:
    text = (result.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return dict(index["terms"])


def test_search_index_has_the_values_not_the_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The labels and the checklist are the extension's words, on every design doc alike;
    what the author wrote stays searchable."""
    direct, expanded = build_both(
        copy_root("basic", tmp_path), tmp_path / "two", "html", monkeypatch
    )
    terms, expanded_terms = search_terms(direct), search_terms(expanded)
    assert set(terms) <= set(expanded_terms)
    for label_only in ("review", "authent", "applic", "diagnosi"):  # Reviewers, ...
        assert label_only in expanded_terms
        assert label_only not in terms
    for value in ("ana", "ruiz", "wei", "retri"):  # Ana Ruiz, Li Wei, retried
        assert value in terms


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
    assert_same_pages(fast, nodes_only)
    page = fast.html("deep/here" if builder == "html" else "deep/here/index")
    assert 'href="#goal-fast"' in page
    assert 'href="#"' in page  # the docs index links to the doc it is on
    assert "<colgroup>" in page
    assert 'title="Serve &lt;fast&gt; &amp; &quot;well&quot; &#64; 99% (approved)"' in page
    home = "deep/here.html#goal-fast" if builder == "html" else "deep/here/#goal-fast"
    assert f'href="{home}"' in fast.html("index")
