"""Rules of the Goals section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.rules.common import choice, named
from sphinx_designdoc.settings import KINDS_NEEDING_TARGET, Settings

if TYPE_CHECKING:
    from collections.abc import Iterator


def check_goals(page: Page, settings: Settings) -> Iterator[Finding]:
    """Goal kinds must be configured; performance and scalability goals need a target."""
    for goal in page.goals:
        where = goal.location.of("kind")
        yield from choice(page.docname, where, "goal kind", goal.kind, settings.goal_kinds,
                          f"goal:{goal.id}:kind")  # fmt: skip
        if goal.kind in KINDS_NEEDING_TARGET and not goal.target:
            yield Finding.at(
                "missing",
                f"{named(f'{goal.kind} goal', goal.title)} has no :target:",
                page.docname,
                goal.location,
                about=f"goal:{goal.id}:target",
            )
