"""The sections' field lists and the logging checklist are short in the doctree Sphinx
keeps from reading to writing, and whole on every page a builder writes: expanded into
docutils nodes at resolve time, or, for the HTML builders, written as they are
(``render/fields.py``, ``sections/logging_strategy.py``) into exactly the pages the
expanded nodes give."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from helpers import Build, build, build_both_ways, copy_root, output_files
from sphinx_designdoc.render.expand import ExpandOutsideHTML
from sphinx_designdoc.render.fields import design_field, design_fields
from sphinx_designdoc.sections.logging_strategy import design_checklist

if TYPE_CHECKING:
    from pathlib import Path

USE_CASES = (
    "Tracing",
    "Error Tracking",
    "User Behavior",
    "Performance",
    "Security Audit",
    "Business Metrics",
)


def test_the_page_read_holds_short_forms(tmp_path: Path) -> None:
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


def test_the_page_written_has_them_whole(tmp_path: Path) -> None:
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


@pytest.mark.parametrize(
    ("builder", "expanded"),
    [
        ("html", False),
        ("dirhtml", False),
        ("singlehtml", False),
        ("epub", False),
        ("designdoc", False),
        ("text", True),
    ],
)
def test_which_builders_expand_them(tmp_path: Path, builder: str, expanded: bool) -> None:
    result = build(copy_root("basic", tmp_path), builder, freshenv=True)
    doctree = result.resolved_doctree("designs/retry")
    assert bool(list(doctree.findall(design_fields))) is not expanded
    assert bool(list(doctree.findall(design_checklist))) is not expanded
    assert bool(list(doctree.findall(nodes.field_list))) is expanded


def build_both(
    srcdir: Path, builder: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> tuple[Build, Build]:
    """``srcdir`` built as users get it, and a copy built with the short forms expanded
    into docutils nodes for every builder."""
    other = tmp_path / "expanded"
    shutil.copytree(srcdir, other)
    return build_both_ways(
        srcdir,
        other,
        builder,
        monkeypatch,
        lambda patch: patch.setattr(ExpandOutsideHTML, "is_supported", lambda self: True),
    )


def assert_same_pages(direct: Build, expanded: Build) -> None:
    """Every file the same, byte for byte, but the search index (see below)."""
    files, other = output_files(direct), output_files(expanded)
    assert sorted(files) == sorted(other)
    differing = [name for name in files if files[name] != other[name]]
    assert differing in ([], ["searchindex.js"])
    pages = "".join(v.decode() for name, v in files.items() if name.endswith(".html"))
    assert '<dl class="designdoc-fields field-list' in pages
    assert 'class="designdoc-use-cases' in pages


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
@pytest.mark.parametrize("root", ["basic", "myst", "template", "escaping", "warnings"])
def test_html_written_as_they_are_equals_the_expanded_nodes(
    tmp_path: Path, root: str, builder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct, expanded = build_both(copy_root(root, tmp_path), builder, monkeypatch, tmp_path)
    assert_same_pages(direct, expanded)


def test_lists_follow_the_compact_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    srcdir = copy_root("basic", tmp_path)
    (srcdir / "docutils.conf").write_text(
        "[html writers]\ncompact_field_lists: false\n", encoding="utf-8"
    )
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("html_compact_lists = False\n")  # Sphinx's word for compact_lists
    direct, expanded = build_both(srcdir, "html", monkeypatch, tmp_path)
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
    direct, expanded = build_both(srcdir, "html", monkeypatch, tmp_path)
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
    direct, expanded = build_both(copy_root("basic", tmp_path), "html", monkeypatch, tmp_path)
    terms, expanded_terms = search_terms(direct), search_terms(expanded)
    assert set(terms) <= set(expanded_terms)
    for label_only in ("review", "authent", "applic", "diagnosi"):  # Reviewers, ...
        assert label_only in expanded_terms
        assert label_only not in terms
    for value in ("ana", "ruiz", "wei", "retri"):  # Ana Ruiz, Li Wei, retried
        assert value in terms
