"""The ``designdoc`` builder and the JSON export's schema and determinism."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from helpers import build, copy_root, write_generated_project
from sphinx_designdoc.export import SCHEMA_VERSION, load_schema


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
    as_set = lambda result: {(w.file, w.line, w.subtype, w.message) for w in result.warnings}  # noqa: E731
    assert as_set(lint) == as_set(html)
    assert any(w.subtype == "ref" and "reference target not found" in w.message
               for w in lint.warnings)  # fmt: skip


def test_two_builds_give_byte_identical_json(tmp_path: Path) -> None:
    write_generated_project(tmp_path / "one", 30)
    write_generated_project(tmp_path / "two", 30)
    one = build(tmp_path / "one", "designdoc", freshenv=True)
    two = build(tmp_path / "two", "designdoc", freshenv=True, parallel=2)
    assert (one.outdir / "designdoc.json").read_bytes() == (
        two.outdir / "designdoc.json"
    ).read_bytes()
    html = build(tmp_path / "one", "html", freshenv=True)
    assert (html.outdir / "designdoc.json").read_bytes() == (
        one.outdir / "designdoc.json"
    ).read_bytes()


def test_rebuilding_keeps_the_file_untouched(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    first = build(srcdir, "designdoc")
    path = first.outdir / "designdoc.json"
    stamp = path.stat().st_mtime_ns
    again = build(srcdir, "designdoc")
    assert again.warnings_text == ""
    assert path.stat().st_mtime_ns == stamp
