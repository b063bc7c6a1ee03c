"""Index tables in HTML: each cell labelled for the phone layout, the sort-and-filter
script linked (or not, with ``designdoc_interactive_tables = False``), and nothing of
either in the output of other builders. The script itself runs in tests/browser."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from helpers import Build, build, copy_root
from sphinx_designdoc.indexes.design_index import designdoc_entry
from sphinx_designdoc.indexes.interactive import JS_FILE

if TYPE_CHECKING:
    from pathlib import Path

SCRIPT = f'src="_static/{JS_FILE}'


def labels_and_headers(result: Build, docname: str = "indexes") -> list[tuple[str, str]]:
    """(data-label, column header) of every body cell of every index table."""
    found = []
    for table in result.soup(docname).select("table.designdoc-index"):
        headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            cells = row.select("td")
            assert len(cells) == len(headers)
            found += [(td.get("data-label"), h) for td, h in zip(cells, headers, strict=True)]
    return found


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_every_cell_carries_its_column_header(tmp_path: Path, builder: str) -> None:
    """The rows written directly (html, dirhtml) and the docutils table (singlehtml)."""
    result = build(copy_root("basic", tmp_path), builder, freshenv=True)
    docname = {"dirhtml": "indexes/index", "singlehtml": "index"}.get(builder, "indexes")
    pairs = labels_and_headers(result, docname)
    assert len(pairs) > 50
    assert all(label == header for label, header in pairs), pairs
    assert {"Design doc", "Status", "Tags", "Depends on"} <= {label for label, _ in pairs}


@pytest.mark.parametrize("builder", ["html", "singlehtml"])
def test_the_script_is_linked_in_html(tmp_path: Path, builder: str) -> None:
    result = build(copy_root("basic", tmp_path), builder, freshenv=True)
    page = result.html("index")
    assert page.count(SCRIPT) == 1
    assert 'defer="defer"' in page.split(SCRIPT)[0].rsplit("<script", 1)[1]
    assert "window.DESIGNDOC_TABLES = {" in page
    assert '"filter": "Filter rows"' in page
    assert (result.outdir / "_static" / JS_FILE).is_file()
    assert result.warnings_text == ""


def test_no_script_with_the_option_off(tmp_path: Path) -> None:
    result = build(
        copy_root("basic", tmp_path),
        freshenv=True,
        confoverrides={"designdoc_interactive_tables": False},
    )
    page = result.html("indexes")
    assert JS_FILE not in page
    assert "DESIGNDOC_TABLES" not in page
    assert all(label == header for label, header in labels_and_headers(result))  # CSS only


def test_the_words_of_the_script_are_translated(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path), freshenv=True, confoverrides={"language": "de"})
    page = result.html("indexes")
    assert '"filter": "Zeilen filtern"' in page
    assert 'data-label="Status"' in page
    assert 'data-label="Designdokument"' in page


def test_epub_gets_no_script(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path), "epub", freshenv=True)
    page = (result.outdir / "indexes.xhtml").read_text(encoding="utf-8")
    assert 'class="designdoc-index' in page
    assert JS_FILE not in page
    assert "DESIGNDOC_TABLES" not in page
    assert 'data-label="Status"' in page  # the phone layout is CSS only


@pytest.mark.parametrize("builder", ["text", "latex", "man"])
def test_other_builders_get_no_labels_and_no_script(tmp_path: Path, builder: str) -> None:
    """Their output is the same with the option on and off, and has neither."""
    outputs = []
    for interactive in (True, False):
        result = build(
            copy_root("basic", tmp_path / str(interactive)),
            builder,
            freshenv=True,
            confoverrides={"designdoc_interactive_tables": interactive},
        )
        if builder != "latex":  # its check-mark words are only set up while it writes
            doctree = result.resolved_doctree("indexes")
            assert not list(doctree.findall(designdoc_entry))
        files = sorted(p for p in result.outdir.rglob("*") if p.is_file() and p.suffix != ".pickle")
        text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
        assert "data-label" not in text
        assert "designdoc-tables" not in text
        outputs.append([(p.relative_to(result.outdir).as_posix(), p.read_bytes()) for p in files])
    assert outputs[0] == outputs[1]
