"""The sections' field lists and the logging checklist are short in the doctree Sphinx
keeps from reading to writing, and whole on every page a builder writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from helpers import build, copy_root
from sphinx_designdoc.nodes import design_checklist, design_field, design_fields

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
    result = build(copy_root("basic", tmp_path), freshenv=True)
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
