"""rules/goals.py: goal kinds are configured ones; performance and scalability goals
have a :target:."""

from __future__ import annotations

import pytest

from sphinx_designdoc.model import Finding, Goal, Location, Page
from sphinx_designdoc.rules.goals import check_goals
from sphinx_designdoc.settings import DEFAULT_GOAL_KINDS, Settings

SOURCE = "designs/x.rst"


def at(line: int, *options: str) -> Location:
    """A directive at ``line`` with ``options`` on the lines after it, in that order."""
    return Location(SOURCE, line, tuple((name, line + n) for n, name in enumerate(options, 1)))


def goal(kind: str = "functional", target: str = "", title: str = "Fast scheduling") -> Goal:
    """A goal at line 12, its :kind: at 13 and :target: (when given) at 14."""
    options = ("kind", "target") if target else ("kind",)
    return Goal("g", title, kind, target, at(12, *options))


def page(*goals: Goal) -> Page:
    return Page("designs/x", "designs-x", "X", goals=list(goals))


def found(subtype: str, message: str, line: int) -> Finding:
    return Finding(subtype, message, "designs/x", line, SOURCE)  # type: ignore[arg-type]


ALL_KINDS = ", ".join(DEFAULT_GOAL_KINDS)


@pytest.mark.parametrize(
    ("goals", "expected"),
    [
        pytest.param([], [], id="no goals"),
        *(
            pytest.param([goal(kind)], [], id=f"{kind} without target")
            for kind in ("functional", "reliability", "security", "operability")
        ),
        pytest.param([goal("performance", "p99 < 200 ms")], [], id="performance with target"),
        pytest.param([goal("scalability", "10k rps")], [], id="scalability with target"),
        pytest.param(
            [goal("performance")],
            [found("missing", "performance goal 'Fast scheduling' has no :target:", 12)],
            id="performance without target: at the goal",
        ),
        pytest.param(
            [goal("scalability")],
            [found("missing", "scalability goal 'Fast scheduling' has no :target:", 12)],
            id="scalability without target",
        ),
        pytest.param(
            [goal("performance", title="")],
            [found("missing", "untitled performance goal has no :target:", 12)],
            id="untitled: the title is not quoted",
        ),
        pytest.param(
            [goal("perfomance")],
            [found("option", "unknown goal kind 'perfomance'; did you mean 'performance'?", 13)],
            id="mistyped kind: a hint, at the :kind: line, and no target needed",
        ),
        pytest.param(
            [goal("perf")],
            [found("option", f"unknown goal kind 'perf'; expected one of {ALL_KINDS}", 13)],
            id="unknown kind, nothing close: the allowed kinds",
        ),
        pytest.param(
            [goal("performance"), goal("functional"), goal("latency")],
            [
                found("missing", "performance goal 'Fast scheduling' has no :target:", 12),
                found("option", f"unknown goal kind 'latency'; expected one of {ALL_KINDS}", 13),
            ],
            id="each goal in order",
        ),
    ],
)
def test_check_goals(goals: list[Goal], expected: list[Finding]) -> None:
    assert list(check_goals(page(*goals), Settings())) == expected


def test_kind_not_written_is_reported_at_the_goal() -> None:
    """A default kind that the settings do not allow: there is no :kind: line to point at."""
    unwritten = Goal("g", "Fast", location=Location(SOURCE, 12))
    assert list(check_goals(page(unwritten), Settings(goal_kinds=("latency",)))) == [
        found("option", "unknown goal kind 'functional'; expected one of latency", 12)
    ]


@pytest.mark.parametrize(
    ("goal_kinds", "kind", "expected"),
    [
        pytest.param(("latency", "cost"), "latency", [], id="a configured kind is valid"),
        pytest.param(
            ("latency", "cost"),
            "functional",
            [found("option", "unknown goal kind 'functional'; expected one of latency, cost", 13)],
            id="a default kind is not, once the kinds are configured",
        ),
        pytest.param(
            ("latency", "throughput", "cost"),
            "latncy",
            [
                found(
                    "option",
                    "unknown goal kind 'latncy'; expected one of latency, throughput, cost",
                    13,
                )
            ],
            id="three kinds or fewer: the list, even with a close one",
        ),
        pytest.param(
            ("latency", "throughput", "cost", "safety"),
            "latncy",
            [found("option", "unknown goal kind 'latncy'; did you mean 'latency'?", 13)],
            id="four kinds: the closest",
        ),
        pytest.param(
            ("performance",),
            "performance",
            [found("missing", "performance goal 'Fast scheduling' has no :target:", 12)],
            id="performance still needs a target when configured",
        ),
        pytest.param(
            ("latency",),
            "performance",
            [
                found("option", "unknown goal kind 'performance'; expected one of latency", 13),
                found("missing", "performance goal 'Fast scheduling' has no :target:", 12),
            ],
            id="the target rule goes by the kind's name, configured or not",
        ),
    ],
)
def test_configured_goal_kinds(
    goal_kinds: tuple[str, ...], kind: str, expected: list[Finding]
) -> None:
    assert list(check_goals(page(goal(kind)), Settings(goal_kinds=goal_kinds))) == expected
