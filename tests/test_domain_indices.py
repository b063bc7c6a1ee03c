"""The ``design`` domain's index pages: docs by status, goals by kind, alternatives."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import Build, build, copy_root, write_project
from sphinx_designdoc.catalog import Catalog
from sphinx_designdoc.indexes.domain_indices import (
    Content,
    GroupHeading,
    alternatives_by_doc,
    docs_by_status,
    goals_by_kind,
)
from sphinx_designdoc.model import Alternative, DocMeta, Goal, Page
from sphinx_designdoc.settings import Settings

#: One group of an index page: its heading, then (name, extra, description, href) rows.
Group = tuple[str, list[tuple[str, str, str, str]]]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("basic", tmp_path_factory.mktemp("domidx")), freshenv=True)


def groups(soup: BeautifulSoup) -> list[Group]:
    """The groups of a domain index page, as the basic theme or furo lays them out."""
    table = soup.select_one("table.modindextable, table.domainindex-table")
    assert table is not None
    found: list[Group] = []
    for row in table.select("tr"):
        cells = row.select("td")
        if "cap" in (row.get("class") or []):
            found.append((cells[1].get_text(strip=True), []))
        elif link := row.select_one("a"):
            extra = cells[1].select_one("em")
            name = link.select_one(".designdoc-index-entry") or link  # without its badge
            found[-1][1].append((
                name.get_text(strip=True),
                extra.get_text(strip=True) if extra else "",
                cells[2].get_text(" ", strip=True),
                str(link["href"]),
            ))  # fmt: skip
    return found


def test_docs_by_status(site: Build) -> None:
    soup = site.soup("design-docs")
    assert soup.select_one("h1").get_text() == "Design docs by status"
    assert groups(soup) == [
        ("draft", [("Ledger Export", "(ledger-export)", "Authors: Li Wei",
                    "designs/ledger.html#doc-ledger-export")]),
        ("approved", [("Payment Retry Service", "(payment-retry)", "Authors: Ana Ruiz, Li Wei",
                       "designs/retry.html#doc-payment-retry")]),
        ("superseded", [("Payment Retry v1", "(payment-retry-v1)", "Tags: payments",
                         "designs/retry_v1.html#doc-payment-retry-v1")]),
    ]  # fmt: skip
    # "Scratch notes" holds goals but no design-doc: it is no design doc


def test_goals_by_kind(site: Build) -> None:
    soup = site.soup("design-goals")
    assert soup.select_one("h1").get_text() == "Goals by kind"
    retry = "(Payment Retry Service)"
    assert groups(soup) == [
        ("functional", [
            ("Keep an audit trail of every attempt.", retry, "",
             "designs/retry.html#goal-keep-an-audit-trail-of-every-attempt"),
            ("Learn from incidents.", "(Scratch notes)", "",
             "notes.html#goal-learn-from-incidents"),
            ("Nightly export", "(Ledger Export)", "", "designs/ledger.html#goal-nightly"),
            ("Retry failed card payments automatically", retry, "",
             "designs/retry.html#goal-auto-retry"),
        ]),
        ("performance", [("Fast scheduling", retry, "p99 < 200 ms at 500 req/s",
                          "designs/retry.html#goal-p99-latency")]),
        ("scalability", [("Export 10M rows", "(Ledger Export)", "10M rows in under 30 minutes",
                          "designs/ledger.html#goal-volume")]),
    ]  # fmt: skip


def test_alternatives_considered(site: Build) -> None:
    soup = site.soup("design-alternatives")
    assert soup.select_one("h1").get_text() == "Alternatives considered"
    assert groups(soup) == [
        ("Ledger Export", [("Stream every entry", "",
                            "Needs a new consumer per downstream system.",
                            "designs/ledger.html#alternative-streaming")]),
        ("Payment Retry Service", [(
            "Delayed delivery in the message broker", "",
            "The broker caps delays at 15 minutes; retries need up to 72 hours.",
            "designs/retry.html#alternative-broker-delay")]),
        ("Payment Retry v1", [("Retry in the client", "", "Clients go offline.",
                               "designs/retry_v1.html#alternative-retry-in-the-client")]),
    ]  # fmt: skip


def test_item_links_reach_their_anchors(site: Build) -> None:
    """Every goal and alternative link lands on an element with that id on its page."""
    checked = 0
    for page in ("design-goals", "design-alternatives"):
        for link in site.soup(page).select("table a[href]"):
            path, _, anchor = str(link["href"]).partition("#")
            assert site.soup(path.removesuffix(".html")).find(id=anchor) is not None, link
            checked += 1
    assert checked == 9


def test_jump_links_match_the_groups(site: Build) -> None:
    soup = site.soup("design-goals")
    jumps = [a["href"] for a in soup.select("div.modindex-jumpbox a")]
    assert jumps == ["#cap-functional", "#cap-performance", "#cap-scalability"]
    assert all(soup.find(id=href[1:]) is not None for href in jumps)


def test_groups_follow_the_configured_order(tmp_path: Path) -> None:
    """Configured statuses and kinds first, in that order; unconfigured ones after."""
    result = build(
        copy_root("basic", tmp_path),
        freshenv=True,
        confoverrides={
            "designdoc_statuses": ["superseded", "approved"],
            "designdoc_goal_kinds": ["scalability", "performance", "functional"],
        },
    )
    docs = [heading for heading, _ in groups(result.soup("design-docs"))]
    assert docs == ["superseded", "approved", "draft"]
    goals = [heading for heading, _ in groups(result.soup("design-goals"))]
    assert goals == ["scalability", "performance", "functional"]


def test_furo_renders_the_indices(tmp_path: Path) -> None:
    result = build(
        copy_root("basic", tmp_path), freshenv=True, confoverrides={"html_theme": "furo"}
    )
    assert result.warnings_text == ""
    soup = result.soup("design-goals")
    assert soup.select_one("table.domainindex-table") is not None
    performance = dict(groups(soup))["performance"]
    assert performance[0][3] == "designs/retry.html#goal-p99-latency"


REF_PAGE = """\
Home
====

.. toctree::

   design
   other

See :ref:`design-goals`, :ref:`the ledger <design-alternatives>` and :ref:`design-docs`.
"""
DESIGN_PAGE = """\
The Design
==========

.. design-doc::
   :id: the-design
   :status: draft

   Overview.

.. design-goals::

   .. goal:: Be quick
      :id: quick
      :kind: performance
      :target: 1 ms

.. alternative:: Be slow
   :id: slow
   :why-not: Too slow.
"""
MYST_PAGE = """\
# Other

Goals are listed in {ref}`design-goals`.
"""


def test_ref_links_to_the_index_pages(tmp_path: Path) -> None:
    srcdir = write_project(
        tmp_path / "refs", {"index.rst": REF_PAGE, "design.rst": DESIGN_PAGE, "other.md": MYST_PAGE}
    )
    result = build(srcdir, freshenv=True)
    assert result.warnings_text == ""
    links = {a.get_text(): a["href"] for a in result.soup("index").select("div.body a.reference")}
    assert links["Goals by kind"] == "design-goals.html"
    assert links["the ledger"] == "design-alternatives.html"
    assert links["Design docs by status"] == "design-docs.html"
    myst = result.soup("other").select_one("div.body a.reference")
    assert (myst.get_text(), myst["href"]) == ("Goals by kind", "design-goals.html")
    for page in ("design-goals", "design-alternatives", "design-docs"):
        assert (result.outdir / f"{page}.html").is_file()
    assert groups(result.soup("design-goals")) == [
        ("performance", [("Be quick", "(The Design)", "1 ms", "design.html#goal-quick")])
    ]


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_stay_warning_free(tmp_path: Path, builder: str) -> None:
    result = build(copy_root("basic", tmp_path), builder, freshenv=True)
    assert result.warnings_text == ""


def test_latex_lists_the_indices(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path), "latex", freshenv=True)
    tex = (result.outdir / "basic.tex").read_text(encoding="utf-8")
    for shown in (
        r"\renewcommand{\indexname}{Design docs by status}",
        r"\bigletter{draft}",
        r"\renewcommand{\indexname}{Goals by kind}",
        r"\sphinxstyleindexentry{Fast scheduling}\sphinxstyleindexextra{Payment Retry Service}"
        r"\sphinxstyleindexpageref{designs/retry:\detokenize{goal-p99-latency}}",
        r"\renewcommand{\indexname}{Alternatives considered}",
        r"\bigletter{Payment Retry v1}",
        r"\sphinxstyleindexentry{Retry in the client}"
        r"\sphinxstyleindexpageref{designs/retry_v1:\detokenize{alternative-retry-in-the-client}}",
    ):
        assert shown in tex, shown


# -- titles authors type are text, never markup ---------------------------------------


@pytest.fixture(scope="module")
def evil(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("escaping", tmp_path_factory.mktemp("domidx-esc")), freshenv=True)


@pytest.mark.parametrize("page", ["design-docs", "design-goals", "design-alternatives"])
def test_index_pages_escape_author_text(evil: Build, page: str) -> None:
    body = evil.soup(page).select_one('div[role="main"], div.body')
    assert body is not None
    for tag in ("script", "img", "iframe", "style", "svg", "b"):
        assert body.find_all(tag) == [], f"<{tag}> injected into {page}"


def test_group_headings_show_the_title_as_text(evil: Build) -> None:
    headings = [heading for heading, _ in groups(evil.soup("design-alternatives"))]
    assert headings == ["Evil <script>alert(\u201ctitle\u201d)</script>", "Evil MyST <b>"]
    cap = evil.soup("design-alternatives").select_one("tr.cap")
    assert cap["id"] == "cap-Evil <script>alert(\u201ctitle\u201d)</script>"


def test_latex_group_headings_are_escaped_for_tex_only(tmp_path: Path) -> None:
    result = build(copy_root("escaping", tmp_path), "latex", freshenv=True)
    tex = (result.outdir / "escaping.tex").read_text(encoding="utf-8")
    assert r"\bigletter{Evil MyST \textless{}b\textgreater{}}" in tex
    assert "&lt;" not in tex


def test_group_heading_is_the_plain_text_escaped_for_html() -> None:
    heading = GroupHeading('A <b> & "c"')
    assert heading == 'A <b> & "c"'
    assert str(heading) == heading.__html__() == html.escape('A <b> & "c"')
    assert heading.translate({}) == 'A <b> & "c"'


# -- the pure helpers ------------------------------------------------------------------


def page(
    docname: str,
    title: str,
    status: str = "",
    *,
    authors: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    goals: tuple[Goal, ...] = (),
    alternatives: tuple[Alternative, ...] = (),
) -> Page:
    """A page record as a read leaves it, with the anchor each item got."""
    meta = DocMeta(docname, status=status, authors=authors, tags=tags)
    items = [("goal", goal.id) for goal in goals] + [("alternative", a.id) for a in alternatives]
    anchors = {(objtype, item_id): f"{objtype}-{item_id}" for objtype, item_id in items}
    return Page(docname, docname, title, meta, list(goals), alternatives=list(alternatives),
                anchors=anchors)  # fmt: skip


CATALOG = Catalog({
    "a": page("a", "alpha", "approved", authors=("Ana",), tags=("t",),
              goals=(Goal("z", "Zeta", "performance", "1 ms"), Goal("b", "beta", "performance"),
                     Goal("z", "Zeta again", "functional")),
              alternatives=(Alternative("x", "X", "no"), Alternative("x", "X again", "dup"))),
    "b": page("b", "Bravo", "odd", tags=("t1", "t2"), goals=(Goal("g", "Gamma", "custom"),)),
    "c": page("c", "charlie", "zany"),
    "d": page("d", "Delta", "approved"),
    "e": page("e", "echo"),
})  # fmt: skip
SETTINGS = Settings(statuses=("draft", "approved"), goal_kinds=("functional", "performance"))


def summary(content: Content) -> list[tuple[str, list[str]]]:
    return [(heading, [entry.name for entry in entries]) for heading, entries in content]


def test_docs_grouping_order_and_descriptions() -> None:
    content = docs_by_status(CATALOG, SETTINGS)
    assert summary(content) == [
        ("approved", ["alpha", "Delta"]),
        ("odd", ["Bravo"]),
        ("zany", ["charlie"]),
        ("no status", ["echo"]),
    ]
    alpha, bravo = content[0][1][0], content[1][1][0]
    assert (alpha.extra, alpha.qualifier, alpha.descr) == ("a", "Authors", "Ana")
    assert (bravo.qualifier, bravo.descr) == ("Tags", "t1, t2")
    assert all(isinstance(heading, GroupHeading) for heading, _ in content)


def test_goals_skip_repeated_ids_and_keep_unknown_kinds() -> None:
    content = goals_by_kind(CATALOG, SETTINGS)
    assert summary(content) == [
        ("performance", ["beta", "Zeta"]),
        ("custom", ["Gamma"]),
    ]
    zeta = content[0][1][1]
    assert (zeta.docname, zeta.anchor, zeta.extra, zeta.descr) == ("a", "goal-z", "alpha", "1 ms")


def test_alternatives_group_by_doc_title() -> None:
    content = alternatives_by_doc(CATALOG)
    assert summary(content) == [("alpha", ["X"])]
    assert content[0][1][0].descr == "no"


def test_docnames_restrict_every_index() -> None:
    only = frozenset({"b", "e"})
    assert summary(docs_by_status(CATALOG, SETTINGS, only)) == [
        ("odd", ["Bravo"]),
        ("no status", ["echo"]),
    ]
    assert summary(goals_by_kind(CATALOG, SETTINGS, only)) == [("custom", ["Gamma"])]
    assert alternatives_by_doc(CATALOG, only) == []


def test_index_pages_show_status_badges_and_strike_closed_docs(site: Build) -> None:
    """Each entry is classed by its doc's status (the CSS strikes superseded and
    rejected ones) and followed by its status badge; LaTeX keeps the plain entries."""
    for page in ("design-docs", "design-goals", "design-alternatives"):
        soup = site.soup(page)
        entries = soup.select("table.indextable code.xref > span.designdoc-index-entry")
        assert entries, page
        for entry in entries:
            (badge,) = entry.find_next_siblings("span", class_="designdoc-badge")
            status = badge.get_text()
            assert f"designdoc-status-{status}" in entry["class"]
            assert f"designdoc-status-{status}" in badge["class"]
    superseded = site.soup("design-docs").select(
        ".designdoc-index-entry.designdoc-status-superseded"
    )
    assert [entry.get_text() for entry in superseded] == ["Payment Retry v1"]
