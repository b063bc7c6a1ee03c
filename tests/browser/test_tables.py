"""Index tables in Chromium: they fit furo's column at 1280 px, become cards at 390 px,
sort by a header (mouse and keyboard, with aria-sort) and filter when long."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture fails and says why
    expect = None

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from .conftest import Screenshots, Site, Tab

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).parents[2] / "sphinx_designdoc" / "static" / "designdoc-tables.js"
MODES = ["light", "dark"]

# Every index table with the width of the column it is in (furo's article) and whether
# anything in it is cut off: wider than its wrapper, which would then scroll.
_WIDTHS_JS = """() => Array.from(document.querySelectorAll("table.designdoc-index"), (t) => {
  const column = t.closest("article[role=main]").getBoundingClientRect();
  const wrapper = t.parentElement.classList.contains("table-wrapper") ? t.parentElement : t;
  const box = t.getBoundingClientRect();
  return {
    kind: Array.from(t.classList).find((c) => c.startsWith("designdoc-index-")),
    left: box.left, right: box.right, columnLeft: column.left, columnRight: column.right,
    scrollWidth: wrapper.scrollWidth, clientWidth: wrapper.clientWidth,
  };
})"""

# Each body cell of the page's index tables, as the phone layout shows it.
_CARDS_JS = """() => {
  const width = document.documentElement.clientWidth;
  return Array.from(document.querySelectorAll("table.designdoc-index > tbody > tr"), (tr) => ({
    display: getComputedStyle(tr).display,
    cells: Array.from(tr.cells, (td) => {
      const box = td.getBoundingClientRect();
      const before = getComputedStyle(td, "::before");
      return {
        label: td.dataset.label,
        shown: before.content,
        visible: before.display !== "none" && before.visibility !== "hidden" && box.height > 0,
        inside: box.left >= -0.5 && box.right <= width + 0.5,
      };
    }),
  }));
}"""


def _index_pages(site: Site) -> list[str]:
    return [
        page
        for page in site.pages
        if 'class="designdoc-index' in (site.out / page).read_text(encoding="utf-8")
    ]


@pytest.mark.parametrize("mode", MODES)
def test_no_index_table_is_wider_than_its_column(site: Site, tab: Tab, mode: str) -> None:
    pages = _index_pages(site)
    assert "indexes.html" in pages
    tab.page.set_viewport_size({"width": 1280, "height": 900})
    failures: list[str] = []
    checked = 0
    for page in pages:
        tab.open(page)
        tab.set_theme(mode)
        for table in tab.page.evaluate(_WIDTHS_JS):
            checked += 1
            where = f"{page}: {table['kind']}"
            # furo's wrapper pads each table by 0.2rem for its shadow, so the table sits
            # 3px right of the column's edge: compare widths
            width, column = (
                table["right"] - table["left"],
                table["columnRight"] - table["columnLeft"],
            )
            if width > column + 0.5:
                failures.append(f"{where} is {width:.0f}px wide, its column {column:.0f}px")
            if table["scrollWidth"] > table["clientWidth"]:
                failures.append(
                    f"{where} is {table['scrollWidth']}px wide in {table['clientWidth']}px"
                )
    assert checked > 15, f"only {checked} index tables found"
    assert not failures, f"{mode}, 1280px:\n" + "\n".join(failures)


@pytest.mark.parametrize("mode", MODES)
def test_index_tables_are_cards_on_a_phone(tab: Tab, mode: str, screenshots: Screenshots) -> None:
    tab.page.set_viewport_size({"width": 390, "height": 844})
    tab.open("indexes.html")
    tab.set_theme(mode)
    rows = tab.page.evaluate(_CARDS_JS)
    assert len(rows) > 50
    failures: list[str] = []
    for number, row in enumerate(rows):
        if row["display"] != "block":
            failures.append(f"row {number} is display: {row['display']}, not a card")
        for cell in row["cells"]:
            if not cell["label"]:
                failures.append(f"row {number}: a cell without data-label")
            elif cell["shown"] != f'"{cell["label"]}"' or not cell["visible"]:
                failures.append(f"row {number}: label {cell['label']!r} shows {cell['shown']}")
            if not cell["inside"]:
                failures.append(f"row {number}: the {cell['label']!r} cell is off screen")
    assert not failures, f"{mode}, 390px:\n" + "\n".join(failures[:40])
    # with the script, the header is a row of sort buttons above the cards
    expect(tab.page.locator("table.designdoc-index button.designdoc-sort").first).to_be_visible()
    screenshots.take(tab, f"index-cards-{mode}-390")


def _docs_table(tab: Tab) -> Locator:
    return tab.page.locator("section#design-docs table.designdoc-index-docs").first


def _column(table: Locator, label: str) -> list[str]:
    index: int = table.evaluate(
        "(t, label) => Array.from(t.tHead.rows[0].cells).findIndex("
        "(th) => th.textContent.trim() === label)",
        label,
    )
    assert index >= 0, label
    texts: list[str] = table.evaluate(
        "(t, i) => Array.from(t.tBodies[0].rows).filter((r) => !r.hidden)"
        ".map((r) => r.cells[i].textContent.trim())",
        index,
    )
    return texts


def _aria_sorts(table: Locator) -> list[str | None]:
    sorts: list[str | None] = table.evaluate(
        "(t) => Array.from(t.tHead.rows[0].cells, (th) => th.getAttribute('aria-sort'))"
    )
    return sorts


def _collated(texts: list[str]) -> list[str]:
    return sorted(texts, key=str.casefold)


@pytest.mark.parametrize("mode", MODES)
def test_sorting_by_a_column_up_then_down(tab: Tab, mode: str, screenshots: Screenshots) -> None:
    tab.open("indexes.html")
    tab.set_theme(mode)
    table = _docs_table(tab)
    assert _aria_sorts(table) == [None] * 5  # unsorted: the order the page was built in
    original = _column(table, "Design doc")
    button = table.get_by_role("button", name="Updated", exact=True)
    button.click()
    updated = _column(table, "Updated")
    assert updated == sorted(updated), "ISO dates sort ascending"
    assert _aria_sorts(table) == [None, None, None, "ascending", None]
    button.click()
    assert _column(table, "Updated") == sorted(updated, reverse=True)
    assert _aria_sorts(table) == [None, None, None, "descending", None]
    table.get_by_role("button", name="Design doc", exact=True).click()
    docs = _column(table, "Design doc")
    assert docs == _collated(original)
    assert docs != original
    assert _aria_sorts(table) == ["ascending", None, None, None, None]
    screenshots.take(tab, f"index-sorted-{mode}-1280")


def test_sorting_with_the_keyboard(tab: Tab) -> None:
    tab.open("indexes.html")
    table = _docs_table(tab)
    first = table.get_by_role("button", name="Design doc", exact=True)
    first.focus()
    tab.page.keyboard.press("Tab")  # the next header is the next stop
    status = table.get_by_role("button", name="Status", exact=True)
    expect(status).to_be_focused()
    tab.page.keyboard.press("Enter")
    assert _aria_sorts(table)[1] == "ascending"
    assert _column(table, "Status") == _collated(_column(table, "Status"))
    tab.page.keyboard.press("Space")
    assert _aria_sorts(table)[1] == "descending"
    assert _column(table, "Status") == _collated(_column(table, "Status"))[::-1]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", [1280, 390])
def test_filtering_to_one_row(tab: Tab, mode: str, width: int, screenshots: Screenshots) -> None:
    tab.page.set_viewport_size({"width": width, "height": 900})
    tab.open("indexes.html")
    tab.set_theme(mode)
    section = tab.page.locator("section#components")
    table = section.locator("table.designdoc-index-components").first
    total = table.locator("tbody tr").count()
    assert total > 10
    small = tab.page.locator("section#design-docs table.designdoc-index-docs").first
    assert small.locator("tbody tr").count() <= 10
    filters = tab.page.locator("div.designdoc-filter")
    assert filters.count() == tab.page.evaluate(
        "Array.from(document.querySelectorAll('table.designdoc-index'))"
        ".filter((t) => t.tBodies[0].rows.length > 10).length"
    )
    box = section.get_by_label("Filter rows").first
    expect(box).to_be_visible()
    box.fill("token BRIDGE bridge(")  # every word, any case
    expect(table.locator("tbody tr:visible")).to_have_count(1)
    assert _column(table, "Component") == ["Token Bridge"]
    expect(section.locator(".designdoc-filter-count").first).to_have_text(f"1 of {total} rows")
    screenshots.take(tab, f"index-filtered-{mode}-{width}")
    box.fill("")
    expect(table.locator("tbody tr:visible")).to_have_count(total)


def test_numbers_sort_as_numbers(tab: Tab) -> None:
    """A column of numbers sorts by value, empty cells last; text with digits too."""
    tab.page.set_content(
        "<table class='designdoc-index'><thead><tr><th>N</th><th>Name</th></tr></thead>"
        "<tbody>"
        + "".join(
            f"<tr><td>{n}</td><td>{name}</td></tr>"
            for n, name in [("10", "v10"), ("9", "v9"), ("", "v1"), ("100", "v2"), ("-1.5", "a")]
        )
        + "</tbody></table>"
    )
    tab.page.add_script_tag(path=str(SCRIPT))
    table = tab.page.locator("table")
    table.get_by_role("button", name="N", exact=True).click()
    assert _column(table, "N") == ["-1.5", "9", "10", "100", ""]
    table.get_by_role("button", name="N", exact=True).click()
    assert _column(table, "N") == ["100", "10", "9", "-1.5", ""]
    table.get_by_role("button", name="Name", exact=True).click()
    assert _column(table, "Name") == ["a", "v1", "v2", "v9", "v10"]


def test_screenshots_of_the_index_pages(tab: Tab, screenshots: Screenshots) -> None:
    shots: dict[str, Any] = {"indexes": "indexes.html", "design-docs": "design-docs.html"}
    for width in (1280, 390):
        tab.page.set_viewport_size({"width": width, "height": 900})
        for mode in MODES:
            for name, page in shots.items():
                tab.open(page)
                tab.set_theme(mode)
                path = screenshots.take(tab, f"tables-{name}-{mode}-{width}")
                assert path.stat().st_size > 10_000
