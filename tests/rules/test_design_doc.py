"""rules/design_doc.py: the design-doc's metadata, its id across the project, the docs
its relations name, and what its status needs (reviewers, answered questions, a recent
review, a successor, no supersedes cycle)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sphinx_designdoc.model import (
    RELATION_KINDS,
    DocMeta,
    Finding,
    Goal,
    Location,
    Page,
    Question,
    Relations,
)
from sphinx_designdoc.rules.design_doc import (
    check_doc_ids,
    check_doc_meta,
    check_lifecycle,
    check_relation_targets,
    check_successors,
)
from sphinx_designdoc.settings import DEFAULT_STATUSES, Settings

#: The options of a design-doc, each on its own line after the directive, in this order.
OPTIONS = ("id", "status", "reviewers", "created", "updated", *RELATION_KINDS)
ALL_STATUSES = ", ".join(DEFAULT_STATUSES)


def at(line: int, *options: str, source: str = "designs/x.rst") -> Location:
    """A directive at ``line`` with ``options`` on the lines after it, in that order."""
    return Location(source, line, tuple((name, line + n) for n, name in enumerate(options, 1)))


def line_of(option: str) -> int:
    """Where ``option`` is written: the design-doc is at line 4."""
    return 4 + 1 + OPTIONS.index(option)


def doc(
    docname: str = "designs/x",
    doc_id: str = "x",
    *,
    questions: tuple[Question, ...] = (),
    options: tuple[str, ...] = OPTIONS,
    **meta: Any,
) -> Page:
    """A page whose design-doc (at line 4 of ``<docname>.rst``, then ``options`` one a
    line) has ``meta``; relations are given by kind (``supersedes=("a",)``)."""
    relations = Relations(**{kind: meta.pop(kind) for kind in RELATION_KINDS if kind in meta})
    where = at(4, *options, source=f"{docname}.rst")
    return Page(
        docname,
        docname.replace("/", "-"),
        "X",
        meta=DocMeta(doc_id, relations=relations, location=where, **meta),
        questions=list(questions),
    )


def found(subtype: str, message: str, line: int, docname: str = "designs/x") -> Finding:
    return Finding(subtype, message, docname, line, f"{docname}.rst")  # type: ignore[arg-type]


def pages(*docs: Page) -> dict[str, Page]:
    return {page.docname: page for page in docs}


# check_doc_meta --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        pytest.param({}, [], id="nothing given"),
        *(pytest.param({"status": status}, [], id=status) for status in DEFAULT_STATUSES),
        pytest.param(
            {"status": "aproved"},
            [found("option", "unknown status 'aproved'; did you mean 'approved'?", 6)],
            id="mistyped status: a hint, at :status:",
        ),
        pytest.param(
            {"status": "zzz"},
            [found("option", f"unknown status 'zzz'; expected one of {ALL_STATUSES}", 6)],
            id="unknown status, nothing close: the statuses",
        ),
        pytest.param({"created": "2026-02-28", "updated": "2024-02-29"}, [], id="ISO dates"),
        pytest.param(
            {"created": "2026-02-30"},
            [found("option", "bad :created: date '2026-02-30'; expected YYYY-MM-DD", 8)],
            id="no such day",
        ),
        pytest.param(
            {"updated": "2026-1-1"},
            [found("option", "bad :updated: date '2026-1-1'; expected YYYY-MM-DD", 9)],
            id="not zero-padded",
        ),
        pytest.param(
            {"created": "20260101", "updated": "soon"},
            [
                found("option", "bad :created: date '20260101'; expected YYYY-MM-DD", 8),
                found("option", "bad :updated: date 'soon'; expected YYYY-MM-DD", 9),
            ],
            id="both, in order",
        ),
        pytest.param(
            {"status": "drafty", "created": "2026-02-30"},
            [
                found("option", "unknown status 'drafty'; did you mean 'draft'?", 6),
                found("option", "bad :created: date '2026-02-30'; expected YYYY-MM-DD", 8),
            ],
            id="status first, then dates",
        ),
    ],
)
def test_check_doc_meta(meta: dict[str, Any], expected: list[Finding]) -> None:
    assert list(check_doc_meta(doc(**meta), Settings())) == expected


def test_no_design_doc_no_metadata_findings() -> None:
    assert list(check_doc_meta(Page("designs/x", "designs-x"), Settings())) == []


@pytest.mark.parametrize(
    ("statuses", "status", "message"),
    [
        (("proposed", "accepted"), "proposed", None),
        (("proposed", "accepted"), "draft",
         "unknown status 'draft'; expected one of proposed, accepted"),
        (("draft", "approved", "final"), "aproved",
         "unknown status 'aproved'; expected one of draft, approved, final"),
        (("draft", "approved", "final", "dead"), "aproved",
         "unknown status 'aproved'; did you mean 'approved'?"),
    ],
    ids=["configured", "default no longer", "three or fewer: the list", "four: the closest"],
)  # fmt: skip
def test_configured_statuses(statuses: tuple[str, ...], status: str, message: str | None) -> None:
    expected = [found("option", message, 6)] if message else []
    assert list(check_doc_meta(doc(status=status), Settings(statuses=statuses))) == expected


def test_the_docs_option_example() -> None:
    """docs/warnings.rst, designs/retry.rst: :status: at line 5, :created: at line 6."""
    where = Location("designs/retry.rst", 4, (("status", 5), ("created", 6)))
    meta = DocMeta("retry", status="aproved", created="2026-02-30", location=where)
    assert list(check_doc_meta(Page("designs/retry", "designs-retry", meta=meta), Settings())) == [
        Finding("option", "unknown status 'aproved'; did you mean 'approved'?", "designs/retry",
                5, "designs/retry.rst"),
        Finding("option", "bad :created: date '2026-02-30'; expected YYYY-MM-DD", "designs/retry",
                6, "designs/retry.rst"),
    ]  # fmt: skip


# check_doc_ids ---------------------------------------------------------------------------


def test_unique_doc_ids() -> None:
    assert list(check_doc_ids(pages(doc("designs/a", "a"), doc("designs/b", "b")))) == []


def test_the_first_by_docname_keeps_the_id_whatever_the_read_order() -> None:
    """docs/warnings.rst: designs/ledger.rst and designs/audit.rst both use 'ledger'."""
    ledger, audit = doc("designs/ledger", "ledger"), doc("designs/audit", "ledger")
    expected = [
        found("duplicate", "duplicate design doc id 'ledger'; also used by 'designs/audit'",
              line_of("id"), "designs/ledger"),
    ]  # fmt: skip
    assert list(check_doc_ids(pages(ledger, audit))) == expected
    assert list(check_doc_ids(pages(audit, ledger))) == expected


def test_every_page_but_the_first_is_reported() -> None:
    docs = pages(doc("designs/c", "same"), doc("designs/a", "same"), doc("designs/b", "same"))
    assert list(check_doc_ids(docs)) == [
        found("duplicate", "duplicate design doc id 'same'; also used by 'designs/a'", 5, name)
        for name in ("designs/b", "designs/c")
    ]


def test_only_design_docs_claim_an_id() -> None:
    """A page without design-doc has an id (its docname's slug) but is not reported."""
    plain = Page("designs/b", "designs-a", goals=[Goal("g", "G")])
    assert list(check_doc_ids(pages(doc("designs/a", "designs-a"), plain))) == []


def test_the_id_line_unknown_gives_the_design_doc_line() -> None:
    twice = [
        Page(name, "p", meta=DocMeta("p", location=Location(f"{name}.rst", 3)))
        for name in ("designs/a", "designs/b")
    ]
    assert list(check_doc_ids(pages(*twice))) == [
        found("duplicate", "duplicate design doc id 'p'; also used by 'designs/a'", 3, "designs/b")
    ]


# check_relation_targets ------------------------------------------------------------------


@pytest.mark.parametrize("kind", RELATION_KINDS)
def test_a_relation_to_a_known_doc(kind: str) -> None:
    docs = pages(doc("designs/a", "a", **{kind: ("b",)}), doc("designs/b", "b"))
    assert list(check_relation_targets(docs)) == []


@pytest.mark.parametrize("kind", RELATION_KINDS)
def test_a_relation_to_an_unknown_doc_at_its_option(kind: str) -> None:
    docs = pages(doc("designs/a", "a", **{kind: ("ghost",)}), doc("designs/b", "b"))
    assert list(check_relation_targets(docs)) == [
        found("ref", f":{kind}: names unknown design doc 'ghost'", line_of(kind), "designs/a")
    ]


def test_a_close_doc_id_is_suggested() -> None:
    """docs/warnings.rst, designs/checkout.rst."""
    docs = pages(
        doc("designs/checkout", "checkout", requires=("payment-retyr",)),
        doc("designs/retry", "payment-retry"),
    )
    message = ":requires: names unknown design doc 'payment-retyr'; did you mean 'payment-retry'?"
    assert list(check_relation_targets(docs)) == [
        found("ref", message, line_of("requires"), "designs/checkout")
    ]


def test_a_relation_never_suggests_the_doc_itself() -> None:
    docs = pages(doc("designs/retry", "payment-retry", related=("payment-retyr",)))
    assert list(check_relation_targets(docs)) == [
        found("ref", ":related: names unknown design doc 'payment-retyr'", line_of("related"),
              "designs/retry"),
    ]  # fmt: skip


def test_a_page_with_design_content_but_no_design_doc_is_known_by_its_slug() -> None:
    goals = Page("notes/ideas", "notes-ideas", goals=[Goal("g", "G")])
    empty = Page("notes/todo", "scratchpad")
    docs = pages(doc("designs/a", "a", related=("notes-ideas", "scratchpad")), goals, empty)
    assert list(check_relation_targets(docs)) == [
        found("ref", ":related: names unknown design doc 'scratchpad'", line_of("related"),
              "designs/a"),
    ]  # fmt: skip


def test_relation_findings_by_docname_then_kind_then_target() -> None:
    docs = pages(
        doc("designs/b", "b", related=("r1",), supersedes=("s1", "s2")),
        doc("designs/a", "a", amends=("m1",)),
    )
    assert [(f.docname, f.message) for f in check_relation_targets(docs)] == [
        ("designs/a", ":amends: names unknown design doc 'm1'"),
        ("designs/b", ":supersedes: names unknown design doc 's1'"),
        ("designs/b", ":supersedes: names unknown design doc 's2'"),
        ("designs/b", ":related: names unknown design doc 'r1'"),
    ]


# check_lifecycle -------------------------------------------------------------------------

OPEN = Question("refunds", "Do we export refunds?", owner="Li Wei", location=at(11, "owner"))
RESOLVED = Question("shard", "Shard?", resolution="No.", location=at(14, "resolution"))
UNTITLED = Question("q-1", "", location=at(17))


def open_question(title: str, line: int) -> Finding:
    message = f"open question {title!r} in an approved design doc; answer it with :resolution:"
    return found("lifecycle", message, line)


NO_REVIEWERS = found("lifecycle", "approved design doc has no :reviewers:", line_of("status"))


@pytest.mark.parametrize(
    ("status", "reviewers", "questions", "expected"),
    [
        pytest.param("approved", ("Sam",), (), [], id="approved, reviewed"),
        pytest.param("approved", (), (), [NO_REVIEWERS], id="approved, no reviewers: at :status:"),
        pytest.param("approved", ("Sam",), (RESOLVED,), [], id="approved, questions answered"),
        pytest.param(
            "approved", ("Sam",), (OPEN, RESOLVED, UNTITLED),
            [open_question("Do we export refunds?", 11), open_question("q-1", 17)],
            id="approved, open questions: at each, by title or else id",
        ),
        pytest.param(
            "approved", (), (OPEN,), [NO_REVIEWERS, open_question("Do we export refunds?", 11)],
            id="reviewers first, then questions",
        ),
        *(
            pytest.param(status, (), (OPEN,), [], id=f"{status}: not checked")
            for status in ("draft", "in-review", "implemented", "")
        ),
    ],
)  # fmt: skip
def test_approved_docs(
    status: str,
    reviewers: tuple[str, ...],
    questions: tuple[Question, ...],
    expected: list[Finding],
) -> None:
    page = doc(status=status, reviewers=reviewers, questions=questions)
    assert list(check_lifecycle(page, Settings())) == expected


BUILD_DAY = dt.date(2026, 3, 20)


def stale(updated: str, age: int, stale_days: int = 30) -> Finding:
    message = (
        f"in review but last updated {updated}, {age} days ago "
        f"(designdoc_stale_days is {stale_days})"
    )
    return found("lifecycle", message, line_of("updated"))


@pytest.mark.parametrize(
    ("status", "updated", "stale_days", "expected"),
    [
        pytest.param("in-review", "2026-01-01", 30, [stale("2026-01-01", 78)], id="docs example"),
        pytest.param("in-review", "2026-02-18", 30, [], id="exactly stale_days ago: not stale"),
        pytest.param("in-review", "2026-02-17", 30, [stale("2026-02-17", 31)], id="one day more"),
        pytest.param("in-review", "2026-03-12", 7, [stale("2026-03-12", 8, 7)], id="stale_days 7"),
        pytest.param("in-review", "2026-03-13", 7, [], id="stale_days 7, 7 days ago"),
        pytest.param("in-review", "1999-01-01", 0, [], id="stale_days 0: off"),
        pytest.param("in-review", "2026-12-31", 30, [], id="updated after the build date"),
        pytest.param("in-review", "", 30, [], id="no :updated:"),
        pytest.param("in-review", "2026-02-30", 30, [], id="bad date: the date rule reports it"),
        pytest.param("in-review", "2026-1-1", 30, [], id="not ISO: the date rule reports it"),
        pytest.param("draft", "2020-01-01", 30, [], id="only in-review docs go stale"),
        pytest.param("approved", "2020-01-01", 30, [NO_REVIEWERS], id="approved: not stale"),
    ],
)  # fmt: skip
def test_stale_reviews(status: str, updated: str, stale_days: int, expected: list[Finding]) -> None:
    settings = Settings(stale_days=stale_days, today=BUILD_DAY)
    assert list(check_lifecycle(doc(status=status, updated=updated), settings)) == expected


def test_no_design_doc_no_lifecycle() -> None:
    page = Page("designs/x", "designs-x", questions=[OPEN])
    assert list(check_lifecycle(page, Settings())) == []


# check_successors ------------------------------------------------------------------------


def no_successor(doc_id: str, docname: str, why: str = "") -> Finding:
    message = f"superseded design doc has no successor: no doc has ':supersedes: {doc_id}'{why}"
    return found("lifecycle", message, line_of("status"), docname)


def cycle(text: str, docname: str) -> Finding:
    return found("lifecycle", f"supersedes cycle: {text}", line_of("supersedes"), docname)


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        pytest.param(
            [doc("designs/a", "a", status="superseded"), doc("designs/b", "b", supersedes=("a",))],
            [],
            id="superseded, with a successor",
        ),
        pytest.param(
            [doc("designs/a", "a", status="superseded")],
            [no_successor("a", "designs/a")],
            id="superseded, no successor: at :status:",
        ),
        pytest.param(
            [doc("designs/a", "a", status="superseded"), doc("designs/b", "b", amends=("a",))],
            [no_successor("a", "designs/a")],
            id="another relation is no successor",
        ),
        pytest.param(
            [doc("designs/a", "a", status="draft"), doc("designs/b", "b", supersedes=("a",))],
            [],
            id="superseding a doc of another status",
        ),
        pytest.param(
            [
                doc("designs/audit", "audit-log", status="superseded"),
                doc("designs/audit_v2", "audit-v2", supersedes=("audit-logs",)),
            ],
            [
                no_successor("audit-log", "designs/audit",
                             "; 'designs/audit_v2' has ':supersedes: audit-logs' "
                             "(did you mean 'audit-log'?)"),
            ],
            id="a mistyped successor is named",
        ),
        pytest.param(
            [
                doc("designs/audit", "audit-log", status="superseded"),
                doc("designs/b", "b", supersedes=("audit-logs",)),
                doc("designs/c", "c", supersedes=("audit-lg",)),
            ],
            [
                no_successor("audit-log", "designs/audit",
                             "; 'designs/b' has ':supersedes: audit-logs' "
                             "(did you mean 'audit-log'?)"
                             "; 'designs/c' has ':supersedes: audit-lg' "
                             "(did you mean 'audit-log'?)"),
            ],
            id="every mistyped successor, by docname",
        ),
        pytest.param(
            [
                doc("designs/audit", "audit-log", status="superseded"),
                doc("designs/b", "b", supersedes=("zebra",)),
            ],
            [no_successor("audit-log", "designs/audit")],
            id="a :supersedes: not close to the id is not named",
        ),
    ],
)  # fmt: skip
def test_successors(docs: list[Page], expected: list[Finding]) -> None:
    assert list(check_successors(pages(*docs))) == expected


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        pytest.param(
            [doc("designs/a", "a", supersedes=("a",))],
            [cycle("a -> a", "designs/a")],
            id="length 1: a doc that supersedes itself",
        ),
        pytest.param(
            [doc("designs/a", "a", supersedes=("b",)), doc("designs/b", "b", supersedes=("a",))],
            [cycle("a -> b -> a", "designs/a")],
            id="length 2",
        ),
        pytest.param(
            [
                doc("designs/a", "a", supersedes=("b",)),
                doc("designs/b", "b", supersedes=("c",)),
                doc("designs/c", "c", supersedes=("a",)),
            ],
            [cycle("a -> b -> c -> a", "designs/a")],
            id="length 3, once",
        ),
        pytest.param(
            [
                doc("designs/m", "a", supersedes=("b",)),
                doc("designs/n", "b", supersedes=("c",)),
                doc("designs/b", "c", supersedes=("a",)),
            ],
            [cycle("c -> a -> b -> c", "designs/b")],
            id="from the doc whose docname sorts first, not its id",
        ),
        pytest.param(
            [
                doc("designs/a", "a", supersedes=("b",)),
                doc("designs/b", "b", supersedes=("c",)),
                doc("designs/c", "c"),
            ],
            [],
            id="a chain",
        ),
        pytest.param(
            [
                doc("designs/a", "a", supersedes=("b", "c")),
                doc("designs/b", "b", supersedes=("d",)),
                doc("designs/c", "c", supersedes=("d",)),
                doc("designs/d", "d"),
            ],
            [],
            id="a diamond",
        ),
        pytest.param(
            [
                doc("designs/a", "a", supersedes=("b", "ghost")),
                doc("designs/b", "b", supersedes=("a",)),
                doc("designs/c", "c", supersedes=("d",)),
                doc("designs/d", "d", supersedes=("c",)),
            ],
            [cycle("a -> b -> a", "designs/a"), cycle("c -> d -> c", "designs/c")],
            id="two cycles, each once; unknown targets are no edges",
        ),
        pytest.param(
            [doc("designs/a", "a", supersedes=("b",)), doc("designs/b", "b", related=("a",))],
            [],
            id="only supersedes makes a cycle",
        ),
    ],
)
def test_supersedes_cycles(docs: list[Page], expected: list[Finding]) -> None:
    assert list(check_successors(pages(*docs))) == expected


def test_the_docs_lifecycle_example() -> None:
    """docs/warnings.rst: export.rst, export_v1.rst, audit.rst and search.rst, built on 20
    March 2026: what the page rules and the project rules give."""
    refunds = Question("refunds", "Do we export refunds?", owner="Li Wei",
                       location=at(11, "owner", source="designs/export.rst"))  # fmt: skip
    export = doc("designs/export", "ledger-export", status="approved",
                 supersedes=("ledger-export-v1",), questions=(refunds,),
                 options=("id", "status", "supersedes"))  # fmt: skip
    export_v1 = doc("designs/export_v1", "ledger-export-v1", status="superseded",
                    supersedes=("ledger-export",),
                    options=("id", "status", "supersedes"))  # fmt: skip
    audit = doc("designs/audit", "audit-log", status="superseded", options=("id", "status"))
    search = doc("designs/search", "invoice-search", status="in-review",
                 reviewers=("Sam Patel",), updated="2026-01-01",
                 options=("id", "status", "reviewers", "updated"))  # fmt: skip
    settings = Settings(today=BUILD_DAY)
    assert [
        finding
        for page in (export, export_v1, audit, search)
        for finding in check_lifecycle(page, settings)
    ] == [
        found("lifecycle", "approved design doc has no :reviewers:", 6, "designs/export"),
        found("lifecycle", "open question 'Do we export refunds?' in an approved design doc; "
              "answer it with :resolution:", 11, "designs/export"),
        found("lifecycle", "in review but last updated 2026-01-01, 78 days ago "
              "(designdoc_stale_days is 30)", 8, "designs/search"),
    ]  # fmt: skip
    assert list(check_successors(pages(export, export_v1, audit, search))) == [
        found("lifecycle", "superseded design doc has no successor: no doc has "
              "':supersedes: audit-log'", 6, "designs/audit"),
        found("lifecycle", "supersedes cycle: ledger-export -> ledger-export-v1 -> ledger-export",
              7, "designs/export"),
    ]  # fmt: skip


def test_a_doc_id_used_twice_belongs_to_the_first_page_by_docname() -> None:
    first = doc("designs/a", "x", status="superseded")
    second = doc("designs/b", "x", status="draft")
    assert list(check_successors(pages(first, second))) == [no_successor("x", "designs/a")]
