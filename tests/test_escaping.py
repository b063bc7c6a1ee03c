"""Whatever an author types into titles and options reaches the HTML as text, never markup."""

from __future__ import annotations

import pytest

from helpers import Build, build, copy_root

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
