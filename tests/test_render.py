"""What each section directive renders, identically from reStructuredText and MyST."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup, Tag
from docutils import nodes
from sphinx.util.inventory import InventoryFile

from helpers import Build, build, copy_root, write_project

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module", params=["basic", "myst"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_root(request.param, tmp_path_factory.mktemp(request.param)), freshenv=True)
    assert result.warnings_text == ""
    return result


def test_design_doc_metadata(site: Build) -> None:
    doc = site.soup("designs/retry").select_one("div.designdoc-doc")
    assert doc is not None
    fields = {
        dt.get_text(strip=True).rstrip(":"): dd.get_text(" ", strip=True)
        for dt, dd in zip(doc.select("dt"), doc.select("dd"), strict=True)
    }
    assert fields == {
        "Status": "approved",
        "Authors": "Ana Ruiz, Li Wei",
        "Reviewers": "Sam Patel",
        "Created": "2026-03-02",
        "Updated": "2026-03-20",
        "PRD": "https://example.com/prd/retry",
        "Tags": "payments reliability",
        "Supersedes": "Payment Retry v1",
        "Related": "Ledger Export",
        "Required by": "Ledger Export",  # a backlink: ledger's :requires:
    }
    assert "designdoc-backlinks" in doc.select("dl")[1]["class"]
    assert doc.select_one(".designdoc-badge.designdoc-status-approved").get_text() == "approved"
    assert doc.select_one('a[href="https://example.com/prd/retry"]') is not None
    assert doc.select_one(".designdoc-overview").get_text(strip=True) == (
        "Retries failed card payments automatically."
    )


def test_goals_keep_written_order_with_kinds_and_targets(site: Build) -> None:
    items = site.soup("designs/retry").select("div.designdoc-goals li.designdoc-goal")
    assert [li.get("id") for li in items] == [
        "goal-auto-retry",
        "goal-p99-latency",
        "goal-keep-an-audit-trail-of-every-attempt",
    ]
    kinds = [li.select_one(".designdoc-badge").get_text() for li in items]
    assert kinds == ["functional", "performance", "functional"]
    target = items[1].select_one(".designdoc-target").get_text(" ", strip=True)
    assert target == "Target: p99 < 200 ms at 500 req/s"
    assert "Scheduling must not slow down" in items[1].get_text()
    # one list: adjacent goal directives and bullets are merged
    assert len(site.soup("designs/retry").select("ul.designdoc-goal-list")) == 1


def test_non_goals_and_alternatives(site: Build) -> None:
    soup = site.soup("designs/retry")
    non_goals = [li.get_text(strip=True) for li in soup.select(".designdoc-non-goals li")]
    assert non_goals == ["Changing the card-network integration.", "Retrying disputed payments."]
    alt = soup.select_one("#alternative-broker-delay")
    assert "designdoc-alternative" in alt["class"]
    assert alt.select_one(".designdoc-title").get_text(" ", strip=True) == (
        "Alternative: Delayed delivery in the message broker"
    )
    assert "Publish the retry with a delivery delay." in alt.get_text()
    assert alt.select_one(".designdoc-why-not").get_text(" ", strip=True) == (
        "Why not chosen: The broker caps delays at 15 minutes; retries need up to 72 hours."
    )


def test_logging_checklist_and_details(site: Build) -> None:
    soup = site.soup("designs/retry")
    checklist = soup.select("ul.designdoc-checklist > li")
    assert [(li["class"][0], li.strong.get_text()) for li in checklist] == [
        ("designdoc-checked", "Tracing"),
        ("designdoc-checked", "Error Tracking"),
        ("designdoc-unchecked", "User Behavior"),
        ("designdoc-unchecked", "Performance"),
        ("designdoc-unchecked", "Security Audit"),
        ("designdoc-unchecked", "Business Metrics"),
    ]
    tracing = soup.select_one("#usecase-tracing")
    fields = {
        dt.get_text(strip=True).rstrip(":"): dd.get_text(" ", strip=True)
        for dt, dd in zip(tracing.select("dt"), tracing.select("dd"), strict=True)
    }
    assert fields == {
        "Events": "retry.scheduled , retry.attempted",
        "Fields": "payment_id , attempt , delay_ms , card_last4 "
        "(plus the standard use_case, timestamp, trace_id)",
        "Retention": "14d (14 days)",
        "Sampling": "10% of successes, all failures",
    }
    privacy = soup.select(".designdoc-logging > dl.designdoc-fields dd")
    assert [dd.get_text(" ", strip=True) for dd in privacy] == [
        "email , card_last4",
        "Emails are hashed before logging.",
    ]


def test_references_show_target_title_and_status(site: Build) -> None:
    soup = site.soup("designs/retry")
    links = {a.get_text(): a for a in soup.select("a.designdoc-link")}
    assert links["Fast scheduling"]["href"] == "#goal-p99-latency"
    assert links["Fast scheduling"]["title"] == "Fast scheduling (approved)"
    assert links["Delayed delivery in the message broker"]["href"] == "#alternative-broker-delay"
    assert links["Tracing"]["href"] == "#usecase-tracing"
    assert links["Ledger Export"]["href"] == "ledger.html"
    assert "designdoc-status-draft" in links["Ledger Export"]["class"]
    assert "designdoc-status-superseded" in links["Payment Retry v1"]["class"]
    ledger = {
        a.get_text(): a["href"] for a in site.soup("designs/ledger").select("a.designdoc-link")
    }
    assert ledger["Retry failed card payments automatically"] == "retry.html#goal-auto-retry"
    assert ledger["Fast scheduling"] == "retry.html#goal-p99-latency"


def test_page_without_design_doc_is_collected_under_its_title(site: Build) -> None:
    notes = site.json()["docs"]["notes"]
    assert notes["title"] == "Scratch notes"
    assert notes["design_doc"] is False
    assert [g["title"] for g in notes["goals"]] == ["Learn from incidents."]


def test_css_is_linked_and_shipped(site: Build) -> None:
    assert site.soup("index").select_one('link[href*="designdoc.css"]') is not None
    assert (site.outdir / "_static" / "designdoc.css").is_file()


def test_rst_and_myst_collect_the_same_data(tmp_path_factory: pytest.TempPathFactory) -> None:
    rst = build(copy_root("basic", tmp_path_factory.mktemp("r")), freshenv=True)
    md = build(copy_root("myst", tmp_path_factory.mktemp("m")), freshenv=True)
    assert rst.json() == md.json()
    assert rst.json()["docs"]["payment-retry"]["goals"][1]["target"] == "p99 < 200 ms at 500 req/s"


def test_status_banners(site: Build) -> None:
    v1 = site.soup("designs/retry_v1").select_one("div.designdoc-doc .designdoc-banner")
    assert "designdoc-status-superseded" in v1["class"]
    assert v1.get_text(" ", strip=True) == (
        "Superseded This design doc is superseded by Payment Retry Service ."
    )
    assert v1.select_one("a")["href"] == "retry.html"
    draft = site.soup("designs/ledger").select_one(".designdoc-banner")
    assert draft.get_text(" ", strip=True) == (
        "Draft This design doc is a draft and may still change."
    )
    assert site.soup("designs/retry").select_one(".designdoc-banner") is None


def test_backlinks(site: Build) -> None:
    def backlinks(page: str) -> dict[str, str]:
        node = site.soup(page).select_one("dl.designdoc-backlinks")
        return {dt.get_text(strip=True).rstrip(":"): dd.get_text(" ", strip=True)
                for dt, dd in zip(node.select("dt"), node.select("dd"), strict=True)}  # fmt: skip

    assert backlinks("designs/retry_v1") == {"Superseded by": "Payment Retry Service"}
    assert backlinks("designs/ledger") == {"Referenced from": "Payment Retry Service"}
    assert backlinks("designs/retry") == {"Required by": "Ledger Export"}
    link = site.soup("designs/retry_v1").select_one("dl.designdoc-backlinks a")
    assert link["href"] == "retry.html"
    assert link["title"] == "Payment Retry Service (approved)"


SPACED_VALUES = {
    "rst": """\
Doc
===

.. design-doc::
   :id: spaced
   :status: In Review

   Overview.

.. design-goals::

   .. goal:: Nice
      :kind: nice to have

.. logging-strategy::
   :use-cases: data export

   .. log-use-case:: data export
""",
    "md": """\
# Doc

```{design-doc}
:id: spaced
:status: In Review

Overview.
```

::::{design-goals}

:::{goal} Nice
:kind: nice to have
:::
::::

::::{logging-strategy}
:use-cases: data export

:::{log-use-case} data export
:::
::::
""",
}
INDEXES = """\
Home
====

.. toctree::

   doc

See :design:doc:`spaced`.

.. design-index:: docs

.. design-index:: goals

.. design-index:: logging
"""


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_a_value_with_spaces_is_one_css_class(tmp_path: Path, fmt: str) -> None:
    """``:status: in review`` once gave the classes ``designdoc-status-in`` and ``review``."""
    conf = 'designdoc_log_use_cases = ["tracing", "data export"]\n'
    src = write_project(tmp_path, {"index.rst": INDEXES, f"doc.{fmt}": SPACED_VALUES[fmt]}, conf)
    result = build(src, freshenv=True)
    assert {(w.subtype, w.message.split(";")[0]) for w in result.warnings} == {
        ("option", "unknown status 'in review'"),
        ("option", "unknown goal kind 'nice to have'"),
    }
    soup = BeautifulSoup(result.body("doc") + result.body("index"), "html.parser")
    classes = {name for element in soup.select("[class]") for name in element["class"]}
    assert {"review", "to", "have", "export", "designdoc-status-in"}.isdisjoint(classes)
    page = result.soup("doc")
    assert page.select_one(".designdoc-badge.designdoc-status-in-review").get_text() == (
        "in review"
    )
    assert page.select_one("li.designdoc-goal.designdoc-kind-nice-to-have") is not None
    # a configured use case of two words is a log-use-case's name too
    assert page.select_one("#usecase-data-export .designdoc-title").get_text() == "Data Export"
    index = result.soup("index")
    assert index.select_one("p a.designdoc-link.designdoc-status-in-review") is not None
    assert index.select_one("td .designdoc-badge.designdoc-status-in-review") is not None
    assert index.select_one("td .designdoc-badge.designdoc-kind-nice-to-have") is not None
    assert index.select_one("th.designdoc-col-data-export") is not None
    # the docutils tables of the other builders: one class each too
    doctree = build(src, "text", freshenv=True).resolved_doctree("index")
    names = {name for node in doctree.findall(nodes.Element) for name in node["classes"]}
    assert {"designdoc-status-in-review", "designdoc-kind-nice-to-have"} <= names
    assert not [name for name in names if " " in name]


# -- anchors -------------------------------------------------------------------------

_TRACKER = {
    "rst": (
        textwrap.dedent("""\
            Tracker
            =======

            .. design-doc::
               :id: tracker

               Overview.

            {first}{second}See :design:goal:`tracking`.
            """),
        textwrap.dedent("""\
            Goal Tracking
            -------------

            How we track.

            """),
        textwrap.dedent("""\
            .. goal:: Track every retry
               :id: tracking

            """),
        textwrap.dedent("""\
            Links
            =====

            :design:goal:`tracker.tracking`

            .. design-index:: goals
            """),
    ),
    "md": (
        textwrap.dedent("""\
            # Tracker

            :::{{design-doc}}
            :id: tracker

            Overview.
            :::

            {first}{second}See {{design:goal}}`tracking`.
            """),
        textwrap.dedent("""\
            ## Goal Tracking

            How we track.

            """),
        textwrap.dedent("""\
            :::{goal} Track every retry
            :id: tracking
            :::

            """),
        textwrap.dedent("""\
            # Links

            {design:goal}`tracker.tracking`

            :::{design-index} goals
            :::
            """),
    ),
}


def _landing(result: Build, href: str, base: str = "") -> Tag:
    """The element a link from page ``base`` (a docname) leads to."""
    page, _, fragment = href.partition("#")
    folder = base.rpartition("/")[0]
    docname = (f"{folder}/{page}" if folder else page).removesuffix(".html") if page else base
    element = result.soup(docname).find(id=fragment)
    assert isinstance(element, Tag), href
    return element


@pytest.mark.parametrize("heading_first", [True, False])
@pytest.mark.parametrize("suffix", ["rst", "md"])
def test_every_link_to_an_item_lands_on_it_whatever_the_headings(
    tmp_path: Path, suffix: str, heading_first: bool
) -> None:
    """A heading "Goal Tracking" has docutils' id ``goal-tracking``, the anchor the goal
    ``tracking`` asks for: the heading keeps it, before or after the goal, and every link
    to the goal (role, index table, domain index page, objects.inv) leads to the goal."""
    template, heading, goal, links = _TRACKER[suffix]
    first, second = (heading, goal) if heading_first else (goal, heading)
    index = textwrap.dedent("""\
        Home
        ====

        .. toctree::

           tracker
           links
        """)
    tracker = template.format(first=first, second=second)
    src = write_project(
        tmp_path, {"index.rst": index, f"tracker.{suffix}": tracker, f"links.{suffix}": links}
    )
    result = build(src, freshenv=True)
    assert result.warnings_text == ""
    with open(result.outdir / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    data = inventory.data if hasattr(inventory, "data") else inventory
    entry = dict(data["design:goal"])["tracker.tracking"]
    # the role link on its page; the role link and the index row on the other; the
    # domain index page's row; the inventory's entry
    hrefs = [(docname, href) for docname in ("tracker", "links", "design-goals")
             for href in _hrefs(result, docname, "Track every retry")]  # fmt: skip
    assert [docname for docname, _ in hrefs] == ["tracker", "links", "links", "design-goals"]
    hrefs.append(("", entry.uri if hasattr(entry, "uri") else entry[2]))
    for base, href in hrefs:
        element = _landing(result, str(href), base)
        assert element.name == "li", href
        assert "designdoc-goal" in element["class"]
        assert "Track every retry" in element.get_text()
    section = _landing(result, "#goal-tracking", "tracker")
    assert section.name == "section"
    assert section.select_one("h2").get_text(strip=True).rstrip("¶#") == "Goal Tracking"


def _hrefs(result: Build, docname: str, text: str) -> list[str]:
    """Where the links showing ``text`` on page ``docname`` lead."""
    return [str(a["href"]) for a in result.soup(docname).select("a") if a.get_text() == text]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "index.rst",
            textwrap.dedent("""\
            .. goal:: {title}
               :id: {id}

            :design:goal:`{id}`

            """),
        ),
        (
            "index.md",
            textwrap.dedent("""\
            :::{{goal}} {title}
            :id: {id}
            :::

            {{design:goal}}`{id}`

            """),
        ),
    ],
)
def test_links_land_on_items_whose_ids_are_no_docutils_ids(
    tmp_path: Path, name: str, text: str
) -> None:
    """Docutils ids are lowercase ASCII words: ``Auto_Retry`` or ``надёжность`` become
    another id on the page, and links lead to the one the item got."""
    items = [("Retry", "Auto_Retry"), ("Надёжность", "надёжность"), ("Скорость", "скорость")]
    body = "".join(text.format(title=title, id=item_id) for title, item_id in items)
    heading = "Home\n====\n\n" if name.endswith(".rst") else "# Home\n\n"
    result = build(write_project(tmp_path, {name: heading + body}), freshenv=True)
    assert result.warnings_text == ""
    hrefs = [str(a["href"]) for a in result.soup("index").select("a.designdoc-link")]
    assert [_landing(result, href, "index").get_text(strip=True) for href in hrefs] == [
        f"functional{title}" for title, _ in items
    ]
