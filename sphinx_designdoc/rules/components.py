"""Rules of the components: what each depends on exists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_designdoc.model import Finding, Page
from sphinx_designdoc.rules.common import named
from sphinx_designdoc.values import meant

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_designdoc.catalog import Catalog


def check_components(catalog: Catalog) -> Iterator[Finding]:
    """``:depends-on:`` names other components of the same doc; checked once every doc
    is known, so that the hint may be another doc's component (``DOCID.ITEMID``)."""
    for docname in sorted(catalog.pages):
        yield from _check_dependencies(catalog.pages[docname], catalog)


def _check_dependencies(page: Page, catalog: Catalog) -> Iterator[Finding]:
    known = {component.id for component in page.components}
    for component in page.components:
        for dependency in component.depends_on:
            # DOCID.ITEMID names another doc's component: resolved (and checked) as a link
            if dependency not in known and "." not in dependency:
                hint = meant(catalog.closest("component", dependency, page.docname))
                yield Finding.at(
                    "ref",
                    f"{named('component', component.title)} depends on {dependency!r}, "
                    f"which is no component of this doc{hint}",
                    page.docname,
                    component.location.of("depends-on"),
                    about=f"component:{component.id}:depends-on:{dependency}",
                )
