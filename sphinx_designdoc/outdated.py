"""Re-write exactly the pages whose shown cross-page data changed.

``env-get-updated`` runs after the changed pages were read.  For every page that shows
data from other pages (design references, ``design-index`` tables, a banner), hash what
it would show now and compare with the hash from when the running builder last wrote
it into its output folder: a difference means the page there is stale, so Sphinx writes
it again from its stored doctree.

Builders share one environment (``sphinx-build -M`` and the quickstart Makefile keep
``_build/doctrees`` for all of them), so what a page showed when written is recorded
per builder and output folder, not in the environment.  And the record is a file of
its own, saved only once a build has succeeded: Sphinx pickles the environment before
it writes, so a record in it would claim pages that a failed write never wrote.
"""

from __future__ import annotations

import hashlib
import json
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinx import addnodes
from sphinx.util.osutil import FileAvoidWrite

from sphinx_designdoc.catalog import PRD_ROLE
from sphinx_designdoc.domain import get_domain, page_title
from sphinx_designdoc.graph import select_graph

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.domain import CrossPageContent
    from sphinx_designdoc.query import IndexQuery, Table

#: In the doctree folder, beside the environment: output (builder and folder) ->
#: docname -> digest of what the page showed when that builder last wrote it there.
RECORD_NAME = "designdoc-written.json"

Digests = dict[str, str]


def shown_digest(
    shown: CrossPageContent,
    catalog: Catalog,
    table_of: Callable[[IndexQuery], Table],
    docname: str,
    title_of: Callable[[str], str | None],
    graph_output: str = "",
) -> str:
    """A stable hash of every link target, table row and graph the page shows;
    ``graph_output`` is how this build shows graphs (drawn, or as a list of edges).

    ``table_of`` gives the table of a ``design-index`` as the page would show it now;
    ``title_of`` a project page's title (``None`` if there is no such page): what a
    ``:prd:`` link to a page shows.
    """
    digest = hashlib.sha256()
    for ref in shown.refs:
        role, target = ref.role, ref.target
        found = title_of(target) if role == PRD_ROLE else catalog.resolve(role, target, docname)
        digest.update(repr(found).encode())
    if shown.status and (page := catalog.pages.get(docname)):
        for kind, ids in catalog.backlinks(page.id):  # banner and backlinks
            digest.update(repr((kind, [catalog.find("doc", i) for i in ids])).encode())
    for query in shown.queries:
        table = table_of(query)
        digest.update(repr(table).encode())
        for objtype, name in table.links():  # a link shows its target's page and status
            digest.update(repr(catalog.find(objtype, name)).encode())
    for graph in shown.graphs:  # its nodes carry their titles, statuses and link targets
        digest.update(repr((graph_output, select_graph(catalog, graph))).encode())
    return digest.hexdigest()


def load_record(path: Path) -> dict[str, Digests]:
    """The saved record; an absent or unreadable one is empty (every page is compared)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return cast("dict[str, Digests]", record) if isinstance(record, dict) else {}


class WrittenPages:
    """One build's view of the record: what each page shows now, what it showed when
    this output was last written, and which pages this build wrote."""

    def __init__(self) -> None:
        self.output = ""  # "builder:output folder"; "" until the build compares
        self.showing: Digests = {}
        self.last_written: Digests = {}
        self.written: set[str] = set()

    def stale_pages(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """``env-get-updated``: pages whose shown data differs from this output's copy."""
        domain = get_domain(env)
        title_of = partial(page_title, env)
        self.output = f"{app.builder.name}:{Path(app.outdir).resolve()}"
        self.last_written = load_record(_record_path(app)).get(self.output, {})
        self.showing = {
            docname: shown_digest(
                shown, domain.catalog, domain.index_table, docname, title_of, domain.graph_output
            )
            for docname, shown in sorted(domain.shown.items())
        }
        self.written = set()
        last = self.last_written
        return [name for name, digest in self.showing.items() if last.get(name) != digest]

    def page_written(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        """``doctree-resolved``: the builder writes ``docname`` with what it shows now.

        Parallel writers resolve in the main process too, so every written page comes by.
        Builders that write one file of many pages (``latex``, ``singlehtml``) resolve
        it once, as its first page, with each page it includes marked.
        """
        self.written.add(docname)
        self.written.update(node["docname"] for node in doctree.findall(addnodes.start_of_file))

    def save(self, app: Sphinx, exception: Exception | None) -> None:
        """``build-finished``: record the written pages (a failed build records nothing).

        A page not written this time (``sphinx-build`` given only some files) keeps its
        old digest, so it is still found stale next time.
        """
        if exception is not None or not self.output:
            return
        kept = {
            name: digest if name in self.written else self.last_written.get(name)
            for name, digest in self.showing.items()
        }
        path = _record_path(app)
        record = load_record(path)
        record[self.output] = {name: digest for name, digest in kept.items() if digest}
        with FileAvoidWrite(path) as file:  # unchanged: left untouched
            file.write(json.dumps(record, indent=1, sort_keys=True))


def _record_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / RECORD_NAME


def setup_outdated(app: Sphinx) -> None:
    written = WrittenPages()
    app.connect("env-get-updated", written.stale_pages)
    app.connect("doctree-resolved", written.page_written)
    app.connect("build-finished", written.save)
