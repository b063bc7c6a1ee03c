"""The ``designdoc`` builder: read, check and resolve everything, write only the JSON.

``sphinx-build -b designdoc SRC OUT`` is the fast path for CI lint: it emits every
warning an HTML build would (references are resolved, so unknown ``design`` targets
are reported) but renders no page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders import Builder
from sphinx.locale import __

from sphinx_designdoc.json_output import write_export

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils import nodes


class DesignDocBuilder(Builder):
    """Writes ``designdoc.json`` and nothing else."""

    name = "designdoc"
    format = "designdoc"
    epilog = __("The design-doc export is in %(outdir)s.")
    allow_parallel = False  # writing is a no-op: nothing to gain from worker processes

    def get_outdated_docs(self) -> Iterable[str]:
        """Every doc: resolving all of them reports every reference problem, every run."""
        return sorted(self.env.found_docs)

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname

    def prepare_writing(self, docnames: Set[str]) -> None:
        return None

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        return None  # the doctree was resolved (and its warnings emitted) to get here

    def finish(self) -> None:
        write_export(self.env, self.outdir)
