"""What a ``design-index`` shows: pure selection of rows from the catalog.

A query gives a ``Table`` of plain cells.  The renderer turns it into docutils nodes,
and the outdated-page check hashes the very same table, so a page is re-written
exactly when what it shows changes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_designdoc.coverage import coverage
from sphinx_designdoc.model import Located, Location
from sphinx_designdoc.settings import TEMPLATE_SECTIONS
from sphinx_designdoc.values import retention_days

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from sphinx_designdoc.catalog import Catalog
    from sphinx_designdoc.model import Page
    from sphinx_designdoc.settings import Settings


@dataclass(frozen=True)
class Cell:
    """One table cell: text, optionally a link to a design object (objtype, name);
    ``sort`` orders it when its text would not (numbers), else the text does.

    A cell of several values (tags, what a component depends on) keeps their joined
    ``text`` (for ``:sort:`` and the search index) and each value as one of its
    ``parts``, shown as a badge or a link of its own."""

    text: str
    link: tuple[str, str] | None = None
    css: str = ""
    parts: tuple[Cell, ...] = ()
    sort: str = ""


@dataclass(frozen=True)
class Table:
    """Column keys (translated to labels by the renderer) and rows of cells."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def links(self) -> list[tuple[str, str]]:
        """Every (objtype, name) the table links to."""
        cells = [part for row in self.rows for cell in row for part in (cell, *cell.parts)]
        return [cell.link for cell in cells if cell.link]


@dataclass(frozen=True)
class IndexQuery(Located):
    """A ``design-index`` directive's kind and filters, as written by the author."""

    kind: str
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    sort: str = ""
    columns: tuple[str, ...] = ()
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class _Spec:
    """How one index kind builds its rows, which columns it has, what ``:kind:`` picks."""

    columns: tuple[str, ...]
    rows: Callable[[Page, IndexQuery, Settings], Iterator[dict[str, Cell]]]
    optional: tuple[str, ...] = ("status",)
    extra_columns: Callable[[Settings], tuple[str, ...]] = field(default=lambda s: ())
    kinds: Callable[[Settings], tuple[str, ...]] = field(default=lambda s: ())
    #: The statuses shown when ``:status:`` names none; the sort when ``:sort:`` names none.
    statuses: tuple[str, ...] = ()
    sort: str = ""
    #: Rows that sum up the pages' rows (one per status), instead of the pages' rows.
    summary: (
        Callable[[list[dict[str, Cell]], IndexQuery, Settings], list[dict[str, Cell]]] | None
    ) = None


def _doc_cell(page: Page) -> Cell:
    return Cell(page.title or page.id, ("doc", page.id))


def _status_cell(page: Page) -> Cell:
    return Cell(page.status, None, f"status-{page.status}" if page.status else "")


def _doc_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    meta = page.meta
    yield {
        "doc": _doc_cell(page),
        "id": Cell(page.id),
        "status": _status_cell(page),
        "authors": Cell(", ".join(meta.authors) if meta else ""),
        "reviewers": Cell(", ".join(meta.reviewers) if meta else ""),
        "created": Cell(meta.created if meta else ""),
        "updated": Cell(meta.updated if meta else ""),
        "tags": _tags_cell(page.tags),
    }


def _tags_cell(tags: tuple[str, ...]) -> Cell:
    """Tags as badges, as on the doc page."""
    return Cell(", ".join(tags), parts=tuple(Cell(tag, None, "tag") for tag in tags))


def _depends_on_cell(page: Page, depends_on: tuple[str, ...]) -> Cell:
    """What a component depends on, each a link to that component: a bare id is one of
    the same doc's components, as on the doc page."""
    return Cell(", ".join(depends_on), parts=tuple(
        Cell(name, ("component", name if "." in name else f"{page.id}.{name}"))
        for name in depends_on
    ))  # fmt: skip


def _goal_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    for goal in page.goals:
        if query.kinds and goal.kind not in query.kinds:
            continue
        yield {
            "doc": _doc_cell(page),
            "status": _status_cell(page),
            "goal": Cell(goal.title, ("goal", f"{page.id}.{goal.id}")),
            "kind": Cell(goal.kind, None, f"kind-{goal.kind}"),
            "target": Cell(goal.target),
        }


def _non_goal_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    for non_goal in page.non_goals:
        yield {
            "doc": _doc_cell(page),
            "status": _status_cell(page),
            "non-goal": Cell(non_goal.text),
        }


def _alternative_rows(
    page: Page, query: IndexQuery, settings: Settings
) -> Iterator[dict[str, Cell]]:
    for alt in page.alternatives:
        yield {
            "doc": _doc_cell(page),
            "status": _status_cell(page),
            "alternative": Cell(alt.title, ("alternative", f"{page.id}.{alt.id}")),
            "why-not": Cell(alt.why_not),
        }


def logging_cell_text(retention: str, sampling: str) -> str:
    """``14d (14 days); 10% of successes``: what a logging index cell says."""
    days = retention_days(retention) if retention else None
    shown = retention
    if days is not None and retention.strip().lower() not in {f"{days} days", f"{days} day"}:
        shown = f"{retention} ({days} day)" if days == 1 else f"{retention} ({days} days)"
    parts = [shown, sampling]
    return "; ".join(part for part in parts if part)


def _logging_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    logging = page.logging
    if logging is None:
        return
    row = {
        "doc": _doc_cell(page),
        "status": _status_cell(page),
        "pii": Cell(", ".join(logging.pii)),
    }
    details = {detail.use_case: detail for detail in logging.details}
    for use_case in settings.log_use_cases:
        if detail := details.get(use_case):
            text = logging_cell_text(detail.retention, detail.sampling) or "\u2713"
            row[use_case] = Cell(text, ("usecase", f"{page.id}.{use_case}"), "selected")
        elif use_case in logging.use_cases:
            row[use_case] = Cell("\u2713", None, "selected")
        else:
            row[use_case] = Cell("", None, "unselected")
    if not query.kinds or any(row[k].css == "selected" for k in query.kinds if k in row):
        yield row


def _component_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    for comp in page.components:
        yield {
            "doc": _doc_cell(page),
            "status": _status_cell(page),
            "component": Cell(comp.title, ("component", f"{page.id}.{comp.id}")),
            "purpose": Cell(comp.purpose),
            "interface": Cell(comp.interface),
            "depends-on": _depends_on_cell(page, comp.depends_on),
        }


def _pii_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    """One row per declared PII field, with the retention of the use cases that log it."""
    logging = page.logging
    if logging is None:
        return
    for field_name in logging.pii:
        logged_by = [d for d in logging.details
                     if field_name.lower() in {name.lower() for name in d.fields}]  # fmt: skip
        yield {
            "field": Cell(field_name),
            "doc": _doc_cell(page),
            "status": _status_cell(page),
            "retention": Cell("; ".join(
                f"{d.use_case}: {logging_cell_text(d.retention, '')}" for d in logged_by
                if d.retention)),
            "use-cases": Cell(", ".join(d.use_case for d in logged_by)),
            "privacy": Cell(logging.privacy),
        }  # fmt: skip


def _question_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    for question in page.questions:
        state = "open" if question.is_open else "resolved"
        if query.kinds and state not in query.kinds:
            continue
        yield {
            "doc": _doc_cell(page),
            "status": _status_cell(page),
            "question": Cell(question.title, ("question", f"{page.id}.{question.id}")),
            "owner": Cell(question.owner),
            "state": Cell(state, None, state),
            "resolution": Cell(question.resolution),
        }


def _coverage_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    if page.meta is None:
        return
    present = coverage(page, settings)
    row = {"doc": _doc_cell(page), "status": _status_cell(page)}
    for section, found in present.items():
        row[section] = Cell("\u2713", None, "present") if found else Cell("\u2717", None, "missing")
    if not query.kinds or any(row[k].css == "missing" for k in query.kinds if k in row):
        yield row


def _age(page: Page, today: dt.date) -> Cell:
    """Days since ``:updated:`` (else ``:created:``) at the build date; empty without a
    date that reads (a bad one was reported as the page was read)."""
    meta = page.meta
    written = (meta.updated or meta.created) if meta else ""
    try:
        days = (today - dt.date.fromisoformat(written)).days
    except ValueError:
        return Cell("")
    return Cell(str(days), None, "number", sort=f"{days + 10**6:08d}")  # negative ones too


def _count(number: int) -> Cell:
    return Cell(str(number), None, "number", sort=f"{number:08d}")


def _review_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    meta = page.meta
    if meta is None:
        return
    present = coverage(page, settings)
    missing = [name for name in settings.required_sections if not present.get(name, True)]
    yield {
        "doc": _doc_cell(page),
        "status": _status_cell(page),
        "age": _age(page, settings.today),
        "authors": Cell(", ".join(meta.authors)),
        "reviewers": Cell(", ".join(meta.reviewers)),
        "questions": _count(sum(question.is_open for question in page.questions)),
        "missing": _count(len(missing)),  # which ones: the coverage index
        "created": Cell(meta.created),
        "updated": Cell(meta.updated),
        "tags": Cell(", ".join(page.tags)),
    }


def _status_rows(page: Page, query: IndexQuery, settings: Settings) -> Iterator[dict[str, Cell]]:
    if page.meta is not None and page.status:
        yield {"status": _status_cell(page)}


def _status_summary(
    rows: list[dict[str, Cell]], query: IndexQuery, settings: Settings
) -> list[dict[str, Cell]]:
    """A row per status: the configured ones in their order (with no doc too), then any
    other a doc has; a bar's length is its count against the largest."""
    counts = Counter(row["status"].text for row in rows)
    statuses = [*settings.statuses, *sorted(set(counts) - set(settings.statuses))]
    if query.statuses:
        statuses = [status for status in statuses if status in query.statuses]
    most = max((counts[status] for status in statuses), default=0) or 1
    return [
        {
            "status": Cell(status, None, f"status-{status}"),
            "docs": Cell(str(counts[status]), None,
                         f"bar-{round(100 * counts[status] / most)} status-{status}",
                         sort=f"{counts[status]:08d}"),
        }
        for status in statuses
    ]  # fmt: skip


SPECS: dict[str, _Spec] = {
    "docs": _Spec(("doc", "status", "authors", "updated", "tags"), _doc_rows,
                  optional=("id", "reviewers", "created")),
    "goals": _Spec(("doc", "goal", "kind", "target"), _goal_rows,
                   kinds=lambda s: s.goal_kinds),
    "non-goals": _Spec(("doc", "non-goal"), _non_goal_rows),
    "components": _Spec(("doc", "component", "purpose", "interface", "depends-on"),
                        _component_rows),
    "alternatives": _Spec(("doc", "alternative", "why-not"), _alternative_rows),
    "logging": _Spec(("doc",), _logging_rows, optional=("status", "pii"),
                     extra_columns=lambda s: s.log_use_cases, kinds=lambda s: s.log_use_cases),
    "pii": _Spec(("field", "doc", "retention", "privacy"), _pii_rows,
                 optional=("status", "use-cases")),
    "questions": _Spec(("doc", "question", "owner", "state"), _question_rows,
                       optional=("status", "resolution"), kinds=lambda s: ("open", "resolved")),
    "coverage": _Spec(("doc", "status"), _coverage_rows,
                      extra_columns=lambda s: TEMPLATE_SECTIONS,
                      kinds=lambda s: TEMPLATE_SECTIONS),
    "review": _Spec(("doc", "status", "age", "authors", "reviewers", "questions", "missing",
                     "findings"), _review_rows, optional=("created", "updated", "tags"),
                    statuses=("draft", "in-review"), sort="-age"),
    "status": _Spec(("status", "docs"), _status_rows, optional=(), summary=_status_summary),
}  # fmt: skip


def default_columns(kind: str, settings: Settings) -> tuple[str, ...]:
    spec = SPECS[kind]
    return spec.columns + spec.extra_columns(settings)


def allowed_columns(kind: str, settings: Settings) -> tuple[str, ...]:
    """What ``:columns:`` and ``:sort:`` may name for this index kind."""
    defaults = default_columns(kind, settings)
    return defaults + tuple(col for col in SPECS[kind].optional if col not in defaults)


def kind_choices(kind: str, settings: Settings) -> tuple[str, ...]:
    """What ``:kind:`` may name: goal kinds, use cases, question states, sections."""
    return SPECS[kind].kinds(settings)


def _selected(page: Page, query: IndexQuery, statuses: tuple[str, ...]) -> bool:
    if statuses and page.status not in statuses:
        return False
    if query.tags and not set(query.tags) & set(page.tags):
        return False
    return not query.docs or page.id in query.docs


def run_query(
    catalog: Catalog,
    query: IndexQuery,
    settings: Settings,
    findings: Mapping[str, int] | None = None,
) -> Table:
    """The table a ``design-index`` shows, in a stable order. ``findings`` (doc id ->
    how many) fills the ``findings`` column of a ``review`` index."""
    spec = SPECS[query.kind]
    columns = query.columns or default_columns(query.kind, settings)
    # a summary shows every status it is asked for, with no doc too: it filters itself
    statuses = () if spec.summary else query.statuses or spec.statuses
    rows = [
        row
        for page in catalog.ordered_pages()
        if _selected(page, query, statuses)
        for row in spec.rows(page, query, settings)
    ]
    if spec.summary:
        rows = spec.summary(rows, query, settings)
    if "findings" in columns:
        counts = findings or {}
        for row in rows:
            link = row["doc"].link
            row["findings"] = _count(counts.get(link[1], 0) if link else 0)
    if sort := query.sort or spec.sort:
        key, reverse = sort.lstrip("-"), sort.startswith("-")
        rows.sort(key=lambda row: _sort_key(row.get(key, Cell(""))), reverse=reverse)
    return Table(columns, tuple(tuple(row.get(col, Cell("")) for col in columns) for row in rows))


def _sort_key(cell: Cell) -> str:
    """Numbers by their value, other cells by their text."""
    return cell.sort or cell.text.lower()
