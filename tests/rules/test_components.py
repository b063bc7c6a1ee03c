"""rules/components.py: a component's :depends-on: names components of its own doc;
``DOCID.ITEMID`` is another doc's, resolved (and checked) as a link."""

from __future__ import annotations

import pytest

from sphinx_designdoc.catalog import Catalog
from sphinx_designdoc.model import Component, DocMeta, Finding, Goal, Location, Page
from sphinx_designdoc.rules.components import check_components


def at(line: int, *options: str, source: str) -> Location:
    """A directive at ``line`` with ``options`` on the lines after it, in that order."""
    return Location(source, line, tuple((name, line + n) for n, name in enumerate(options, 1)))


def component(
    component_id: str, title: str, *depends_on: str, line: int = 7, docname: str = "designs/x"
) -> Component:
    """A component at ``line``, its :id: on the next line, :depends-on: on the one after."""
    where = at(line, "id", "depends-on", source=f"{docname}.rst")
    return Component(component_id, title, depends_on=depends_on, location=where)


def design(docname: str, doc_id: str, *components: Component, **fields: object) -> Page:
    meta = DocMeta(doc_id, location=Location(f"{docname}.rst", 4))
    return Page(docname, doc_id, doc_id.title(), meta, components=list(components), **fields)  # type: ignore[arg-type]


def check(*pages: Page) -> list[Finding]:
    return list(check_components(Catalog({page.docname: page for page in pages})))


def no_component(
    title: str, dependency: str, line: int, hint: str = "", docname: str = "designs/x"
) -> Finding:
    message = f"component {title!r} depends on {dependency!r}, which is no component of this doc"
    return Finding("ref", message + hint, docname, line, f"{docname}.rst")


SCHEDULER = component("scheduler", "Scheduler", "ledger", "plan-store")
PLAN_STORE = component("plan-store", "Plan Store", line=11)


@pytest.mark.parametrize(
    ("components", "expected"),
    [
        pytest.param([], [], id="no components"),
        pytest.param(
            [component("scheduler", "Scheduler", "plan-store"), PLAN_STORE], [],
            id="a component of the same doc",
        ),
        pytest.param(
            [component("plan-store", "P", "scheduler"), component("scheduler", "S", line=11)],
            [], id="a component written later",
        ),
        pytest.param(
            [SCHEDULER, PLAN_STORE], [no_component("Scheduler", "ledger", 9)],
            id="no such component: at :depends-on:",
        ),
        pytest.param(
            [component("scheduler", "Scheduler", "plan-stor"), PLAN_STORE],
            [no_component("Scheduler", "plan-stor", 9, "; did you mean 'plan-store'?")],
            id="a close component of the same doc, by its bare id",
        ),
        pytest.param(
            [component("scheduler", "Scheduler", "scheduler")], [],
            id="itself (a component of the same doc)",
        ),
        pytest.param(
            [component("scheduler", "Scheduler", "other.ledger", "x.y.z")], [],
            id="DOCID.ITEMID: left to the link check",
        ),
        pytest.param(
            [component("a", "A", "b1", "b2"), component("c", "C", "d", line=11)],
            [no_component("A", "b1", 9), no_component("A", "b2", 9), no_component("C", "d", 13)],
            id="each dependency, in order",
        ),
    ],
)  # fmt: skip
def test_dependencies_within_a_doc(components: list[Component], expected: list[Finding]) -> None:
    assert check(design("designs/x", "x", *components)) == expected


def test_a_goal_is_no_component() -> None:
    page = design("designs/x", "x", component("c", "Cart", "p99"), goals=[Goal("p99", "Fast")])
    assert check(page) == [no_component("Cart", "p99", 9)]


def test_the_docs_example_suggests_another_docs_component_qualified() -> None:
    """docs/warnings.rst: designs/checkout.rst's Cart depends on 'ledger', a component of
    designs/retry.rst (payment-retry). The docs show line 8, the component; the rule
    reports the :depends-on: line (9), as the table above the example says."""
    retry = design(
        "designs/retry",
        "payment-retry",
        component("ledger", "Ledger", line=12, docname="designs/retry"),
    )
    cart = Component("cart", "Cart", depends_on=("ledger",),
                     location=at(8, "depends-on", source="designs/checkout.rst"))  # fmt: skip
    checkout = design("designs/checkout", "checkout", cart)
    assert check(retry, checkout) == [
        no_component(
            "Cart", "ledger", 9, "; did you mean 'payment-retry.ledger'?", "designs/checkout"
        )
    ]


def test_a_close_component_of_the_same_doc_comes_before_another_docs() -> None:
    other = design("designs/other", "other", component("ledger", "L", docname="designs/other"))
    here = design(
        "designs/x", "x", component("c", "Cart", "ledgr"), component("ledger", "L", line=11)
    )
    assert check(other, here) == [no_component("Cart", "ledgr", 9, "; did you mean 'ledger'?")]


def test_pages_are_checked_by_docname_whatever_the_read_order() -> None:
    b = design("designs/b", "b", component("c", "B", "ghost", docname="designs/b"))
    a = design("designs/a", "a", component("c", "A", "ghost", docname="designs/a"))
    assert check(b, a) == [
        no_component("A", "ghost", 9, docname="designs/a"),
        no_component("B", "ghost", 9, docname="designs/b"),
    ]


def test_a_page_without_design_doc_is_checked_too() -> None:
    page = Page("notes/n", "notes-n", components=[component("c", "C", "ghost", docname="notes/n")])
    assert check(page) == [no_component("C", "ghost", 9, docname="notes/n")]


def test_the_depends_on_line_unknown_gives_the_component_line() -> None:
    cart = Component("cart", "Cart", depends_on=("ghost",), location=Location("designs/x.rst", 7))
    assert check(design("designs/x", "x", cart)) == [no_component("Cart", "ghost", 7)]


def test_an_untitled_component_is_not_quoted() -> None:
    untitled = component("component-1", "", "ghost")
    assert check(design("designs/x", "x", untitled)) == [
        Finding(
            "ref",
            "untitled component depends on 'ghost', which is no component of this doc",
            "designs/x",
            9,
            "designs/x.rst",
        )
    ]
