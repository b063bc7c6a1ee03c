"""Whatever an author types into titles and options reaches the HTML as text, never markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Build, build, copy_root, write_project

PAGES = ("index", "evil", "evil_md")
INJECTED = ("script", "img", "iframe", "style", "svg", "b")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("escaping", tmp_path_factory.mktemp("esc")), freshenv=True)


@pytest.mark.parametrize("page", PAGES)
def test_no_injected_elements(site: Build, page: str) -> None:
    body = site.soup(page).select_one('div[role="main"], div.body')
    assert body is not None
    for tag in INJECTED:
        assert body.find_all(tag) == [], f"<{tag}> injected into {page}"
    for element in body.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")], element
        for attr in ("href", "src"):
            assert not str(element.get(attr, "")).lower().startswith("javascript:"), element


@pytest.mark.parametrize("page", PAGES)
def test_injected_text_is_shown_escaped(site: Build, page: str) -> None:
    html = site.html(page)
    assert "<script>alert" not in html
    if page == "evil":
        for shown in (
            '&lt;script&gt;alert("author")&lt;/script&gt;',
            '&lt;img src=x onerror=alert("goal")&gt;',
            '&lt;script&gt;alert("why")&lt;/script&gt;',
        ):
            assert shown in html.replace("&quot;", '"').replace("“", '"').replace("”", '"')
    if page == "index":  # index tables repeat the same text, escaped too
        text = site.soup(page).get_text()
        assert '<script>alert("target")</script>' in text
        assert '<script>alert("sampling")</script>' not in html


def test_hover_titles_are_escaped(site: Build) -> None:
    links = site.soup("evil").select("a.designdoc-link")
    assert [a["title"] for a in links] == [
        '<img src=x onerror=alert("goal")> (draft)',
        '<script>alert("alt")</script> (draft)',
    ]
    md_links = site.soup("evil_md").select("a.designdoc-link")
    assert md_links[0]["title"] == '<script>alert("md-goal")</script> (draft)'


def test_json_keeps_the_raw_text(site: Build) -> None:
    doc = site.json()["docs"]["evil"]
    assert doc["authors"] == ['<script>alert("author")</script>']
    assert doc["alternatives"][0]["why_not"] == '<script>alert("why")</script>'


def test_script_links_in_titles_and_options_are_text(tmp_path: Path) -> None:
    """Found by the fuzz test: docutils links a standalone ``javascript:`` URI, and titles
    and option values are parsed as inline markup; they show it as text instead."""
    srcdir = write_project(
        tmp_path,
        {
            "index.rst": "Home\n====\n\n.. toctree::\n\n   md\n\n"
            ".. alternative:: javascript:alert(1)\n"
            "   :why-not: JaVaScRiPt:alert(2), see https://example.com/why\n\n"
            ".. goal:: Fast\n   :kind: performance\n   :target: `x <javascript:alert(3)>`_\n",
            "md.md": "# MD\n\n:::{alternative} Other\n:why-not: <javascript:alert(4)>\n:::\n",
        },
    )
    site = build(srcdir, freshenv=True)
    for page in ("index", "md"):
        hrefs = [a.get("href", "") for a in site.soup(page).find_all("a")]
        assert not [href for href in hrefs if "javascript" in href.lower()], page
    text = site.soup("index").get_text()
    assert "javascript:alert(1)" in text
    assert "JaVaScRiPt:alert(2)" in text
    assert "https://example.com/why" in [a.get("href") for a in site.soup("index").find_all("a")]
