"""``design-index KIND``: a table of collected items, filled in at resolve time."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from sphinx_designdoc import rules, warnings
from sphinx_designdoc.directives.base import DesignDirective, text_options
from sphinx_designdoc.nodes import design_index
from sphinx_designdoc.query import SPECS, IndexQuery, allowed_columns, kind_choices
from sphinx_designdoc.values import name_key, unknown_choice

if TYPE_CHECKING:
    from docutils import nodes


class DesignIndexDirective(DesignDirective):
    """Validates the query now; the table is built late, from the whole project."""

    section = "index"
    has_content = False
    optional_arguments = 1
    option_spec: ClassVar = text_options("status", "kind", "tags", "doc", "sort", "columns")

    def render(self) -> list[nodes.Node]:
        kind = (self.arguments[0] if self.arguments else "").strip().lower()
        if kind not in SPECS:
            self.warn("option", unknown_choice("design-index kind", kind, tuple(SPECS)))
            return []
        query = IndexQuery(
            kind=kind,
            statuses=tuple(map(name_key, self.option_list("status"))),
            kinds=tuple(map(name_key, self.option_list("kind"))),
            tags=self.option_list("tags"),
            docs=self.option_list("doc"),
            sort=self.option("sort").lower(),
            columns=tuple(c.lower() for c in self.option_list("columns")),
            location=self.location,
        )
        findings = rules.check_query(query, self.settings, self.env.docname)
        warnings.emit(findings)
        allowed = allowed_columns(kind, self.settings)
        columns = tuple(column for column in query.columns if column in allowed)
        sort = query.sort if query.sort.lstrip("-") in allowed else ""
        choices = kind_choices(kind, self.settings)
        kinds = tuple(k for k in query.kinds if k in choices)  # unknown ones were reported
        node = design_index(
            "",
            query=replace(query, columns=columns, sort=sort, kinds=kinds),
            classes=["designdoc", f"designdoc-index-{kind}", *self.options.get("class", [])],
        )
        self.set_source_info(node)
        return [node]
