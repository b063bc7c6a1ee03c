"""Whatever an author types into titles and options reaches the HTML as text, never markup."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import Build, build, copy_root, write_project
from sphinx_designdoc.render.guard import is_linkable

PAGES = ("index", "evil", "evil_md")
INJECTED = ("script", "img", "iframe", "style", "svg", "b")
#: What browsers strip from a URL before they read its scheme.
IGNORED_IN_URLS = "".join(map(chr, range(0x21)))
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def runs_script(url: str) -> bool:
    return url.lstrip(IGNORED_IN_URLS).lower().startswith(SCRIPT_SCHEMES)


def plain(text: str) -> str:
    """Text with its spaces collapsed and its (smart) quotes straight."""
    return " ".join(text.split()).replace("\u201c", '"').replace("\u201d", '"')


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
            assert not runs_script(str(element.get(attr, ""))), element


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
            "index.rst": textwrap.dedent("""\
                Home
                ====

                .. toctree::

                   md

                .. alternative:: javascript:alert(1)
                   :why-not: JaVaScRiPt:alert(2), see https://example.com/why

                .. goal:: Fast
                   :kind: performance
                   :target: `x <javascript:alert(3)>`_
                """),
            "md.md": textwrap.dedent("""\
                # MD

                :::{alternative} Other
                :why-not: <javascript:alert(4)>
                :::
                """),
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


def test_targets_and_substitutions_resolved_late_are_text(site: Build) -> None:
    """Named, anonymous and indirect targets and substitutions are resolved after the
    directives ran (by docutils' transforms); what they give titles and option values is
    still shown as text, and a link is kept only for ``http(s)``, ``mailto`` or relative
    URLs."""
    component = site.soup("evil").select_one(".designdoc-component")
    assert component is not None
    assert [a["href"] for a in component.find_all("a")] == ["https://example.com/safe"]
    assert component.find("a").get_text() == "safe target"
    text = plain(component.get_text())
    for shown in (
        'Named target one, anonymous target two and <img src=x onerror=alert("role")>',
        'a data target, a raw <img src=x onerror=alert("substitution")> substitution, '
        "a vb target one and an indirect target",
    ):
        assert shown in text
    goal = site.soup("evil").select_one("#goal-reached-through-target-one")
    assert goal is not None
    assert goal.find_all("a") == []
    assert 'Target: <img src=x onerror=alert("substitution")>' in plain(goal.get_text())


def test_myst_references_and_raw_markup_are_text(site: Build) -> None:
    """MyST: raw HTML and raw roles show as text, a link to a scheme other than
    ``http(s)`` or ``mailto`` as its text; a reference to an ``https`` URL links."""
    component = site.soup("evil_md").select_one(".designdoc-component")
    assert component is not None
    assert [a["href"] for a in component.find_all("a")] == ["https://example.com/safe-md"]
    text = plain(component.get_text())
    for shown in (
        "A [named][named] reference, a safe one and",
        '<img src=x onerror=alert("md-role")>',
        '<a href="javascript:alert(1)">raw link</a>, <img src=x onerror=alert("md-img")> '
        "and a file",
    ):
        assert shown in text


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_show_the_guarded_values(tmp_path: Path, builder: str) -> None:
    """Raw HTML in a title or option value is text for every builder, not HTML that
    the others drop."""
    result = build(copy_root("escaping", tmp_path), builder, freshenv=True)
    suffix = ".txt" if builder == "text" else ".tex"
    written = "".join(p.read_text(encoding="utf-8") for p in result.outdir.glob(f"*{suffix}"))
    for tex, text in ((r"\textless{}", "<"), (r"\textgreater{}", ">"), (r"\sphinxhyphen{}", "-")):
        written = written.replace(tex, text)
    written = plain(written)  # the text builder wraps lines
    for shown in (
        'a raw <img src=x onerror=alert("substitution")> substitution',
        '<img src=x onerror=alert("role")>',
        '<img src=x onerror=alert("md-role")>',
    ):
        assert shown in written, shown


@pytest.mark.parametrize("markdown", [False, True], ids=["rst", "myst"])
def test_page_text_outside_the_directives_is_the_authors(tmp_path: Path, markdown: bool) -> None:
    """Sphinx trusts a page's author as much as the page (``raw`` exists): the guard is
    for titles and option values only, not for the page's own text."""
    if markdown:
        page = textwrap.dedent("""\
            # Page

            [named]: https://example.com/page

            :::{alternative} Link [named][named] <b onclick="x()">raw</b>
            :why-not: no
            :::

            Page text [named][named] <b onclick="x()">raw</b>.
            """)
    else:
        page = textwrap.dedent("""\
            Page
            ====

            .. alternative:: Link `named`_ |raw|
               :why-not: no

            Page text `named`_ |raw|.

            .. _named: javascript:alert(1)
            .. |raw| raw:: html

               <b onclick="x()">raw</b>
            """)
    conf = textwrap.dedent("""\
        extensions = ["sphinx_designdoc", "myst_parser"]
        myst_enable_extensions = ["colon_fence"]
        """)
    srcdir = write_project(
        tmp_path, {"conf.py": conf, "index.md" if markdown else "index.rst": page}
    )
    soup = build(srcdir, freshenv=True).soup("index")
    alternative = soup.select_one(".designdoc-alternative")
    paragraph = soup.select_one(".designdoc-alternative ~ p")
    assert alternative is not None
    assert paragraph is not None
    assert alternative.find_all("b") == []
    assert '<b onclick="x()">raw</b>' in plain(alternative.get_text())
    assert [b.get_text() for b in paragraph.find_all("b")] == ["raw"]
    href = "https://example.com/page" if markdown else "javascript:alert(1)"
    assert [a["href"] for a in paragraph.find_all("a")] == [href]
    assert [a["href"] for a in alternative.find_all("a")] == ([href] if markdown else [])


@pytest.mark.parametrize(
    ("uri", "linkable"),
    [
        ("https://example.com/a", True),
        ("HTTP://example.com", True),
        ("mailto:a@example.com", True),
        ("other.html#id", True),
        ("#id", True),
        ("//example.com/x", True),
        ("java%09script:alert(1)", True),  # a relative path to browsers too
        ("javascript:alert(1)", False),
        (" \x01\x1fJaVaScRiPt:alert(1)", False),  # browsers skip these first
        ("java\tscr\nipt:alert(1)", False),  # and drop tabs and line breaks anywhere
        ("vbscript:msgbox(1)", False),
        ("data:text/html,<script>", False),
        ("ftp://example.com/file", False),
        ("file:///etc/passwd", False),
        ("http://[::1/unclosed", False),
    ],
)
def test_only_http_mailto_and_relative_urls_are_linkable(uri: str, linkable: bool) -> None:
    assert is_linkable(uri) is linkable
