"""``-j 2`` reads and writes in worker processes; the result equals a serial build."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import assert_same_output, build, write_generated_project

DOCS = 60  # several read chunks per worker, so the read really splits


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    write_generated_project(tmp_path / "serial", DOCS)
    write_generated_project(tmp_path / "parallel", DOCS)
    serial = build(tmp_path / "serial", freshenv=True)
    parallel = build(tmp_path / "parallel", freshenv=True, parallel=2)
    assert serial.warnings_text == parallel.warnings_text == ""
    # chunks ("doc000 .. doc016") show the read and the write were really split
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] doc\d+ \.\. doc\d+", parallel.status_text)
    assert re.search(r"writing output\.\.\. \[ *\d+%\] doc\d+ \.\. doc\d+", parallel.status_text)
    assert len(serial.json()["docs"]) == DOCS
    assert_same_output(serial, parallel)


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
