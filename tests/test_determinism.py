"""Deterministic output: the same sources give the same bytes, built twice, serially or
with ``-j 2`` (by ``html`` and by the ``designdoc`` builder), and the collection
survives the pickled environment unchanged, also through a ``-j 2`` incremental build.

Every output file of two clean HTML builds is compared, for the reST and MyST test roots
and a generated project big enough for ``-j 2`` to split the work.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import (
    Build,
    assert_identical,
    assert_same_output,
    build,
    copy_root,
    write_generated_project,
)
from sphinx_designdoc.catalog import Catalog

#: Generated docs for the -j 2 builds: 26 pages read in 3 chunks by 2 workers (so the
#: collected data is merged from more chunks than workers) and written in 2 chunks.
DOCS = 24
#: A chunk ("doc000 .. doc010") in the status output: the work really was split.
READ_CHUNK = re.compile(r"reading sources\.\.\. \[ *\d+%\] doc\d+ \.\. doc\d+")
WRITE_CHUNK = re.compile(r"writing output\.\.\. \[ *\d+%\] doc\d+ \.\. doc\d+")

ROOTS = ("basic", "myst", "template", "escaping", "warnings")


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Build]:
    """A clean HTML build of a test root, made once for the tests that only read it."""
    built: dict[str, Build] = {}

    def get(root: str) -> Build:
        if root not in built:
            built[root] = build(copy_root(root, tmp_path_factory.mktemp(root)), freshenv=True)
        return built[root]

    return get


@pytest.mark.parametrize("root", ROOTS)
def test_two_clean_builds_write_the_same_bytes(
    tmp_path: Path, root: str, clean_build: Callable[[str], Build]
) -> None:
    one = clean_build(root)
    two = build(copy_root(root, tmp_path / "two"), freshenv=True)
    assert_identical(one, two)
    assert one.warnings_text.replace(str(one.srcdir), "") == two.warnings_text.replace(
        str(two.srcdir), ""
    )


def test_serial_and_parallel_builds_write_the_same_bytes(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write_generated_project(srcdir, DOCS)
    serial = build(srcdir, builddir=tmp_path / "serial", freshenv=True)
    parallel = build(srcdir, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    assert serial.warnings_text == parallel.warnings_text == ""
    assert READ_CHUNK.search(parallel.status_text)
    assert WRITE_CHUNK.search(parallel.status_text)
    assert len(serial.json()["docs"]) == DOCS
    assert_identical(serial, parallel)
    # the designdoc builder, serial and -j 2, writes the very bytes html wrote
    json_bytes = (serial.outdir / "designdoc.json").read_bytes()
    for jobs in (0, 2):
        lint = build(
            srcdir,
            "designdoc",
            builddir=tmp_path / f"designdoc-{jobs}",
            freshenv=True,
            parallel=jobs,
        )
        assert lint.warnings_text == ""
        assert (lint.outdir / "designdoc.json").read_bytes() == json_bytes


def test_parallel_incremental_equals_clean(tmp_path: Path) -> None:
    write_generated_project(tmp_path / "inc", DOCS)
    build(tmp_path / "inc", parallel=2)
    doc = tmp_path / "inc" / "doc007.rst"
    doc.write_text(
        doc.read_text(encoding="utf-8").replace("Goal 7", "Renamed goal"), encoding="utf-8"
    )
    again = build(tmp_path / "inc", parallel=2)
    write_generated_project(tmp_path / "clean", DOCS)
    clean_doc = tmp_path / "clean" / "doc007.rst"
    clean_doc.write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")
    clean = build(tmp_path / "clean", freshenv=True)
    assert "Renamed goal" in again.soup("doc006").get_text()
    assert "Renamed goal" in again.soup("indexes").get_text()
    assert_same_output(again, clean)


def design_data(result: Build) -> dict[str, object]:
    return dict(result.app.env.domaindata["design"])


@pytest.mark.parametrize("root", ["basic", "myst"])
def test_collected_data_survives_pickling(root: str, clean_build: Callable[[str], Build]) -> None:
    result = clean_build(root)
    data = design_data(result)
    assert data["pages"]
    assert data["shown"]
    restored = pickle.loads(pickle.dumps(result.app.env)).domaindata["design"]
    assert restored == data
    # the environment Sphinx saved for the next build holds the same data
    saved_path = Path(result.app.doctreedir) / "environment.pickle"
    saved = pickle.loads(saved_path.read_bytes()).domaindata["design"]
    assert saved == data
    # and everything derived from it: targets (objects.inv, roles) and backlinks
    catalog, restored_catalog = Catalog(data["pages"]), Catalog(saved["pages"])
    assert restored_catalog.targets == catalog.targets
    for page in catalog.ordered_pages():
        assert restored_catalog.backlinks(page.id) == catalog.backlinks(page.id)


@pytest.mark.parametrize("root", ["basic", "myst"])
def test_rebuilding_an_unchanged_project_writes_no_page(tmp_path: Path, root: str) -> None:
    srcdir = copy_root(root, tmp_path)
    first = build(srcdir)
    pages = {p: p.stat().st_mtime_ns for p in first.outdir.rglob("*.html")}
    json_before = (first.outdir / "designdoc.json").read_bytes()
    again = build(srcdir)  # loads the pickled environment
    assert "0 added, 0 changed, 0 removed" in again.status_text
    assert design_data(again) == design_data(first)
    assert (again.outdir / "designdoc.json").read_bytes() == json_before
    rewritten = {
        str(p.relative_to(again.outdir))
        for p, mtime in pages.items()
        if p.stat().st_mtime_ns != mtime
    }
    # Sphinx writes its own generated pages (general and domain indices, search) again
    # on every build; no page from a source is
    generated = {"genindex.html", "search.html", "py-modindex.html"}
    assert {p for p in rewritten if p not in generated and not p.startswith("design-")} == set()
