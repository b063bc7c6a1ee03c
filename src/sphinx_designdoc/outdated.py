"""Re-write exactly the pages whose shown cross-page data changed.

``env-get-updated`` runs after the changed pages were read.  For every page that shows
data from other pages (design references, ``design-index`` tables), hash what it would
show now and compare with the hash from its last write: a difference means its HTML is
stale, so Sphinx writes it again from its stored doctree.
"""

from __future__ import annotations

import hashlib
from functools import partial
from typing import TYPE_CHECKING, cast

from sphinx_designdoc.catalog import PRD_ROLE
from sphinx_designdoc.domain import page_title
from sphinx_designdoc.query import run_query

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.domain import DesignDomain, Shown
    from sphinx_designdoc.settings import Settings


def shown_digest(
    shown: Shown,
    catalog: Catalog,
    settings: Settings,
    docname: str,
    title_of: Callable[[str], str | None],
) -> str:
    """A stable hash of every link target and table row the page shows.

    ``title_of`` gives a project page's title (``None`` if there is no such page): what a
    ``:prd:`` link to a page shows.
    """
    digest = hashlib.sha256()
    for role, target in shown.refs:
        found = title_of(target) if role == PRD_ROLE else catalog.resolve(role, target, docname)
        digest.update(repr(found).encode())
    if shown.status and (page := catalog.pages.get(docname)):
        for kind, ids in catalog.backlinks(page.id):  # banner and backlinks
            digest.update(repr((kind, [catalog.find("doc", i) for i in ids])).encode())
    for query in shown.queries:
        table = run_query(catalog, query, settings)
        digest.update(repr(table).encode())
        for objtype, name in table.links():  # a link shows its target's page and status
            digest.update(repr(catalog.find(objtype, name)).encode())
    return digest.hexdigest()


def stale_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose shown data differs from when they were last written."""
    domain = cast("DesignDomain", env.domains["design"])
    settings = domain.settings
    stale = []
    for docname, shown in sorted(domain.shown.items()):
        digest = shown_digest(shown, domain.catalog, settings, docname, partial(page_title, env))
        if domain.digests.get(docname) != digest:
            domain.digests[docname] = digest
            stale.append(docname)
    return stale
