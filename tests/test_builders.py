"""Every builder: the ``designdoc`` builder writes only the export, valid against its
schema; the others get standard nodes only, so each writes the structure, warning-free.

That the ``designdoc`` builder's JSON is byte-identical to the one ``html`` writes, serially
and with ``-j 2``, is checked in ``test_determinism.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import docutils
import jsonschema
import pytest
from docutils import nodes

from helpers import Build, build, copy_root
from sphinx_designdoc.export import SCHEMA_VERSION, load_schema
from sphinx_designdoc.render.fields import design_fields

BUILDERS = (
    "text", "latex", "man", "texinfo", "singlehtml", "dirhtml", "epub", "gettext", "json",
    "pickle",
)  # fmt: skip


# -- the designdoc builder ------------------------------------------------------------


@pytest.mark.parametrize("root", ["basic", "myst", "warnings", "template", "escaping"])
def test_export_validates_against_the_shipped_schema(tmp_path: Path, root: str) -> None:
    data = build(copy_root(root, tmp_path), "designdoc", freshenv=True).json()
    jsonschema.validate(data, load_schema())
    assert data["version"] == SCHEMA_VERSION


def test_the_schema_rejects_a_drifted_export(tmp_path: Path) -> None:
    data = build(copy_root("basic", tmp_path), "designdoc", freshenv=True).json()
    data["docs"]["payment-retry"]["goals"][0]["priority"] = "high"
    with pytest.raises(jsonschema.ValidationError, match="priority"):
        jsonschema.validate(data, load_schema())


def test_builder_writes_only_the_export_with_every_warning(tmp_path: Path) -> None:
    lint = build(copy_root("warnings", tmp_path / "a"), "designdoc", freshenv=True)
    html = build(copy_root("warnings", tmp_path / "b"), "html", freshenv=True)
    assert sorted(p.name for p in lint.outdir.iterdir()) == ["designdoc.json"]
    assert lint.json() == html.json()
    assert as_set(lint) == as_set(html)
    assert any(
        w.subtype == "ref" and "reference target not found" in w.message for w in lint.warnings
    )


def as_set(result: Build) -> set[tuple[str, int, str, str]]:
    return {(w.file, w.line, w.subtype, w.message) for w in result.warnings}


def test_rebuilding_keeps_the_file_untouched(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    first = build(srcdir, "designdoc")
    path = first.outdir / "designdoc.json"
    stamp = path.stat().st_mtime_ns
    again = build(srcdir, "designdoc")
    assert again.warnings_text == ""
    assert path.stat().st_mtime_ns == stamp


# -- every other builder ----------------------------------------------------------------


@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_writes_without_warnings(tmp_path: Path, builder: str) -> None:
    result = build(copy_root("basic", tmp_path), builder, freshenv=True)
    assert result.warnings_text == ""


@pytest.mark.parametrize(("language", "title"), [("en", "Goals by kind"), ("de", "Ziele nach Art")])
def test_json_context_names_the_domain_indexes(tmp_path: Path, language: str, title: str) -> None:
    """Sphinx reads the index names from their classes; the JSON builder needs text."""
    srcdir = copy_root("basic", tmp_path)
    result = build(srcdir, "json", freshenv=True, confoverrides={"language": language})
    context = json.loads((result.outdir / "index.fjson").read_text(encoding="utf-8"))
    titles = {row[0]: row[1] for row in context["rellinks"]}  # (page, title, key, short)
    assert titles["design-goals"] == title


def read_all(outdir: Path, suffix: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(outdir.rglob(f"*{suffix}")))


def test_text_output_keeps_the_structure(tmp_path: Path) -> None:
    result: Build = build(copy_root("basic", tmp_path), "text", freshenv=True)
    retry = (result.outdir / "designs" / "retry.txt").read_text(encoding="utf-8")
    for shown in (
        "Status:",
        "approved",
        "**Target:** p99 < 200 ms at 500 req/s",
        "**Why not chosen:** The broker caps delays at 15 minutes",
        "payments reliability",
        "Retention:",
        "14d (14 days)",
        "Sampling:",
        "10% of successes",
        "\u2611 **Tracing** \u2014 Execution flow and timing",
        "\u2610 **User Behavior**",
    ):
        assert shown in retry, shown
    indexes = (result.outdir / "indexes.txt").read_text(encoding="utf-8")
    assert "Fast scheduling" in indexes
    assert "Why not chosen" in indexes


def test_latex_output_keeps_the_structure(tmp_path: Path) -> None:
    result: Build = build(copy_root("basic", tmp_path), "latex", freshenv=True)
    tex = read_all(result.outdir, ".tex")
    for shown in (
        "Target:",
        "p99 < 200 ms at 500 req/s",
        "Why not chosen:",
        "The broker caps delays at 15 minutes",
        "Retention",
        "14d (14 days)",
        "Fast scheduling",
    ):
        assert shown in tex.replace(r"\textless{}", "<"), shown
    # pdflatex has no glyphs for check marks: they are spelled out
    for mark in ("\u2611", "\u2610", "\u2713", "\u2717"):
        assert mark not in tex
    assert r"\DUrole{designdoc-check}{{[}x{]}} \sphinxstylestrong{Tracing}" in tex


def test_man_output_keeps_the_structure(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path), "man", freshenv=True)
    man = read_all(result.outdir, ".1")
    assert "Why not chosen:" in man
    assert "p99 < 200 ms at 500 req/s" in man.replace("\\(la", "<")


@pytest.mark.skipif(
    docutils.__version_info__ < (0, 22), reason="node.validate() needs docutils 0.22"
)
@pytest.mark.parametrize("builder", ["html", "text"])
def test_generated_nodes_validate(tmp_path: Path, builder: str) -> None:
    """Every docutils node the extension makes is valid; its own nodes, which only the
    HTML writer sees (``design_fields``), it writes itself."""
    result = build(copy_root("basic", tmp_path), builder, freshenv=True)
    env = result.app.env
    checked = 0
    for docname in ("designs/retry", "designs/ledger", "indexes"):
        doctree = env.get_doctree(docname)
        env.apply_post_transforms(doctree, docname)
        for node in doctree.findall(nodes.Element):
            ours = any(c.startswith("designdoc") for c in node.get("classes", []))
            if isinstance(node, design_fields):
                continue
            if ours and not isinstance(node, nodes.reference):  # Sphinx's own attributes
                node.validate(recursive=False)
                checked += 1
    assert checked > 20
