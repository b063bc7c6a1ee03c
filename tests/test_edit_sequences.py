"""Random edit sequences: after every edit, an incremental build equals a clean build.

Hypothesis generates a small project, a pure value (``Project``: docname -> ``Doc``)
that renders to reStructuredText and MyST sources: design docs in two folders with
goals, components, alternatives, open questions, logging details, relations, statuses,
tags, headings and ``design`` cross-references, pages with sections but no design doc,
and index pages with a ``design-index`` of every kind. Then it applies a sequence of
edits (add, change and remove items, details, relations, statuses and ids; add, delete
and move files; switch a page between reST and MyST). After every step:

* the serial incremental build, by a builder drawn for the step (``html``,
  ``designdoc`` or ``text``, each with its own output folder, all sharing one doctree
  folder as ``sphinx-build -M`` does), equals a clean build of that builder of the same
  sources, and
* the ``-j 2`` incremental HTML build (whose first build is a clean ``-j 2`` build)
  equals the same clean serial build:

for HTML, ``designdoc.json`` and the main content of every page of the clean build,
the domain index pages included; for ``designdoc``, the JSON; for ``text``, every
``.txt`` file. Warnings are allowed (a deleted doc leaves dangling references) and not
compared: an incremental build only repeats the warnings of the pages it reads.

Profiles: ``ci`` (the default) is small, derandomized and reproducible;
``DESIGNDOC_HYPOTHESIS_PROFILE=long`` runs many more, longer, random sequences. The
counts of examples and edit steps are printed at the end of the module.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import Build, build, page_bodies, write_project
from sphinx_designdoc.settings import DEFAULT_STATUSES

#: The shared hypothesis profile (conftest.py): "ci" by default, "long" for a local run.
PROFILE = os.environ.get("DESIGNDOC_HYPOTHESIS_PROFILE", "ci")
#: Examples (initial project and edit sequence) per run, and most edit steps in each.
EXAMPLES, MIN_STEPS, MAX_STEPS = {"ci": (12, 3, 6), "smoke": (4, 3, 6), "long": (100, 4, 12)}[
    PROFILE
]

# -- the pools values are drawn from: small, so edits collide, dangle and come back ----

DOCNAMES = (
    "alpha",
    "beta",
    "gamma",
    "designs/delta",
    "designs/epsilon",
    "designs/zeta",
    "designs/old/eta",
    "theta",
)
#: Doc ids: default slugs of some docnames (so explicit ids can clash) and other ids.
DOC_IDS = ("alpha", "beta", "designs-delta", "core", "edge")
ITEM_IDS = ("a", "b", "c")
TITLES = ("Payments", "Ledger", "Retry Service", "Search", "Cache")
STATUSES = (*DEFAULT_STATUSES, "bogus")
GOAL_KINDS = ("functional", "performance", "scalability", "security", "speed")
USE_CASES = ("tracing", "error-tracking", "security-audit", "audit")
RETENTIONS = ("", "14d", "2w", "6m", "1y", "90 days", "P30D", "soon")
LOG_FIELDS = ("payment_id", "email", "client_ip", "rows")
TAGS = ("payments", "ledger", "infra")
PEOPLE = ("Ana Ruiz", "Li Wei")
HEADINGS = ("Background", "Design", "Data Model", "API Design", "Error Handling")
WORDS = ("fast", "safe", "cheap", "simple")
#: PRD links: a URL, or paths (relative, absolute, with a suffix) to pages that come and go.
#: Not a ``:doc:`` role written in the option: that is Sphinx's own role, and Sphinx does
#: not re-write a page when the title of a page it links to with ``:doc:`` changes (plain
#: Sphinx, no extension: the incremental build keeps the old title).
PRDS = ("", "https://example.com/prd", "alpha", "/beta", "designs/delta.rst", "../theta.md")
RELATIONS = ("supersedes", "amends", "requires", "related")
ROLES = ("doc", "goal", "component", "alt", "usecase", "ref")
#: The builders that take turns on one doctree folder; ``html`` first, so a failure
#: shrinks towards the plain incremental HTML build.
BUILDERS = ("html", "designdoc", "text")

# -- the project model --------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    kind: str
    target: str = ""


@dataclass(frozen=True)
class Component:
    id: str
    title: str
    purpose: str = ""
    depends_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alternative:
    id: str
    title: str
    why_not: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    owner: str = ""
    resolution: str = ""


@dataclass(frozen=True)
class Detail:
    use_case: str
    retention: str = ""
    fields: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    sampling: str = ""


@dataclass(frozen=True)
class Logging:
    use_cases: tuple[str, ...] = ()
    pii: tuple[str, ...] = ()
    privacy: str = ""
    details: tuple[Detail, ...] = ()


@dataclass(frozen=True)
class Ref:
    role: str
    target: str
    text: str = ""  # an explicit link text


@dataclass(frozen=True)
class Doc:
    """One source page; ``design_doc=False`` is a page with sections but no design doc."""

    fmt: str = "rst"
    title: str = "Page"
    design_doc: bool = True
    id: str = ""  # "": the default, the slug of the docname
    status: str = "draft"
    tags: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    updated: str = ""
    prd: str = ""  # a URL, or a path to another page (which may come and go)
    supersedes: tuple[str, ...] = ()
    amends: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    plain_goals: tuple[str, ...] = ()
    non_goals: tuple[str, ...] = ()
    components: tuple[Component, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    questions: tuple[Question, ...] = ()
    logging: Logging | None = None
    security: str = ""  # security-considerations :authentication:
    testing: str = ""  # testing-strategy :unit:
    headings: tuple[str, ...] = ()
    refs: tuple[Ref, ...] = ()

    def __repr__(self) -> str:  # only what differs from the defaults: short failure reports
        changed = [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if getattr(self, f.name) != f.default
        ]
        return f"Doc({', '.join(changed)})"


Project = dict[str, Doc]  # docname -> page

# -- rendering to sources -------------------------------------------------------------


@dataclass
class _Block:
    """A directive, rendered as reST or as a MyST colon fence."""

    name: str
    argument: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    content: list[str | _Block] = field(default_factory=list)

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.content if isinstance(c, _Block)), default=0)

    def rst(self, indent: str = "") -> list[str]:
        lines = [f"{indent}.. {self.name}::" + (f" {self.argument}" if self.argument else "")]
        lines += [f"{indent}   :{key}: {value}" for key, value in self.options if value]
        for part in self.content:
            lines.append("")
            if isinstance(part, _Block):
                lines += part.rst(indent + "   ")
            else:
                lines.append(f"{indent}   {part}")
        return [*lines, ""]

    def md(self) -> list[str]:
        fence = ":" * (2 + self.depth())
        lines = [f"{fence}{{{self.name}}}" + (f" {self.argument}" if self.argument else "")]
        lines += [f":{key}: {value}" for key, value in self.options if value]
        for part in self.content:
            lines.append("")
            lines += part.md() if isinstance(part, _Block) else [part]
        return [*lines, fence, ""]


def _csv(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def _blocks(doc: Doc) -> list[_Block]:
    blocks = []
    if doc.design_doc:
        options = [
            ("id", doc.id),
            ("status", doc.status),
            ("tags", _csv(doc.tags)),
            ("reviewers", _csv(doc.reviewers)),
            ("authors", _csv(doc.authors)),
            ("updated", doc.updated),
            ("prd", doc.prd),
        ]
        options += [(kind, _csv(getattr(doc, kind))) for kind in RELATIONS]
        blocks.append(_Block("design-doc", "", options, [f"Overview of {doc.title}."]))
    if doc.goals or doc.plain_goals:
        goals: list[str | _Block] = [
            _Block("goal", g.title, [("id", g.id), ("kind", g.kind), ("target", g.target)])
            for g in doc.goals
        ]
        goals += [f"- {text}" for text in doc.plain_goals]
        blocks.append(_Block("design-goals", content=goals))
    if doc.non_goals:
        blocks.append(_Block("non-goals", content=[f"- {text}" for text in doc.non_goals]))
    for c in doc.components:
        options = [("id", c.id), ("purpose", c.purpose), ("depends-on", _csv(c.depends_on))]
        blocks.append(_Block("component", c.title, options))
    if doc.logging is not None:
        log = doc.logging
        details: list[str | _Block] = [
            _Block(
                "log-use-case",
                d.use_case,
                [
                    ("retention", d.retention),
                    ("fields", _csv(d.fields)),
                    ("events", _csv(d.events)),
                    ("sampling", d.sampling),
                ],
            )
            for d in log.details
        ]
        options = [
            ("use-cases", _csv(log.use_cases)),
            ("pii", _csv(log.pii)),
            ("privacy", log.privacy),
        ]
        blocks.append(_Block("logging-strategy", "", options, details))
    if doc.security:
        blocks.append(_Block("security-considerations", "", [("authentication", doc.security)]))
    if doc.testing:
        blocks.append(_Block("testing-strategy", "", [("unit", doc.testing)]))
    for a in doc.alternatives:
        blocks.append(_Block("alternative", a.title, [("id", a.id), ("why-not", a.why_not)]))
    for q in doc.questions:
        options = [("id", q.id), ("owner", q.owner), ("resolution", q.resolution)]
        blocks.append(_Block("open-question", q.title, options))
    return blocks


def _ref(ref: Ref, fmt: str) -> str:
    target = f"{ref.text} <{ref.target}>" if ref.text else ref.target
    return f"{{design:{ref.role}}}`{target}`" if fmt == "md" else f":design:{ref.role}:`{target}`"


def render_doc(doc: Doc) -> str:
    lines: list[str]
    if doc.fmt == "md":
        lines = [f"# {doc.title}", ""]
        for block in _blocks(doc):
            lines += block.md()
    else:
        lines = [doc.title, "=" * len(doc.title), ""]
        for block in _blocks(doc):
            lines += block.rst()
    if doc.refs:
        lines += ["See " + ", ".join(_ref(ref, doc.fmt) for ref in doc.refs) + ".", ""]
    for heading in doc.headings:
        if doc.fmt == "md":
            lines += [f"## {heading}", ""]
        else:
            lines += [heading, "-" * len(heading), ""]
        lines += [f"About {heading.lower()}.", ""]
    return "\n".join(lines)


INDEX_KINDS = (
    "docs",
    "goals",
    "non-goals",
    "components",
    "alternatives",
    "logging",
    "pii",
    "questions",
    "coverage",
    "review",
    "status",
)
INDEXES_RST = "Indexes\n=======\n\n" + "".join(
    f"{kind.title()}\n{'-' * len(kind)}\n\n.. design-index:: {kind}\n\n" for kind in INDEX_KINDS
)
FILTERED_MD = """\
# Filtered indexes

```{design-index} docs
:status: approved, draft, superseded
:sort: -doc
```

```{design-index} goals
:kind: performance, scalability
:columns: goal, doc, target, status
```

```{design-index} questions
:kind: open
```

```{design-index} alternatives
:tags: payments
```

```{design-index} logging
:doc: alpha, core
```

```{design-index} coverage
:columns: doc, status, background, design
```

```{design-index} review
:status: draft, in-review, approved
:columns: doc, status, age, questions, missing, findings
```

```{design-index} status
:tags: payments
```

Start at {design:doc}`alpha`, then {design:goal}`core.a` and {design:ref}`beta.b`.
"""


def render(project: Project) -> dict[str, str]:
    """Every source file of the project, by path."""
    toctree = "".join(f"   {name}\n" for name in [*sorted(project), "indexes", "filtered"])
    files = {
        "index.rst": f"Home\n====\n\nSee :design:doc:`beta`.\n\n.. toctree::\n\n{toctree}",
        "indexes.rst": INDEXES_RST,
        "filtered.md": FILTERED_MD,
    }
    for docname, doc in project.items():
        files[f"{docname}.{doc.fmt}"] = render_doc(doc)
    return files


# -- edits ----------------------------------------------------------------------------


def _pick(project: Project, n: int) -> str | None:
    names = sorted(project)
    return names[n % len(names)] if names else None


def _free_name(project: Project, wanted: str) -> str | None:
    start = DOCNAMES.index(wanted)
    rotated = DOCNAMES[start:] + DOCNAMES[:start]
    return next((name for name in rotated if name not in project), None)


@dataclass(frozen=True)
class SetField:
    """Give a page's field a new value (status, id, title, tags, a relation, ...)."""

    doc: int
    name: str
    value: Any

    def apply(self, project: Project) -> Project:
        if (docname := _pick(project, self.doc)) is None:
            return project
        doc = project[docname]
        if self.name.startswith("logging."):  # use-cases, pii, privacy
            log = doc.logging or Logging()
            value = replace(log, **{self.name.removeprefix("logging."): self.value})
            return {**project, docname: replace(doc, logging=value)}
        return {**project, docname: replace(doc, **{self.name: self.value})}


@dataclass(frozen=True)
class EditItem:
    """Add, change or remove one goal, component, alternative, question, logging detail..."""

    doc: int
    name: str  # a tuple field of Doc, or "details" (of the logging strategy)
    action: str  # add, change, remove
    index: int
    value: Any = None

    def apply(self, project: Project) -> Project:
        if (docname := _pick(project, self.doc)) is None:
            return project
        doc = project[docname]
        log = doc.logging or Logging()
        items = list(log.details if self.name == "details" else getattr(doc, self.name))
        if self.action == "add":
            items.insert(self.index % (len(items) + 1), self.value)
        elif not items:
            return project
        elif self.action == "change":
            items[self.index % len(items)] = self.value
        else:
            del items[self.index % len(items)]
        if self.name == "details":
            return {**project, docname: replace(doc, logging=replace(log, details=tuple(items)))}
        return {**project, docname: replace(doc, **{self.name: tuple(items)})}


@dataclass(frozen=True)
class AddDoc:
    """A new source file (under the first free name from ``name`` on)."""

    name: str
    doc: Doc

    def apply(self, project: Project) -> Project:
        name = _free_name(project, self.name)
        return project if name is None else {**project, name: self.doc}


@dataclass(frozen=True)
class DeleteDoc:
    doc: int

    def apply(self, project: Project) -> Project:
        docname = _pick(project, self.doc)
        return {name: doc for name, doc in project.items() if name != docname}


@dataclass(frozen=True)
class MoveDoc:
    """Rename a source file (maybe into another folder); the index's toctree follows."""

    doc: int
    name: str

    def apply(self, project: Project) -> Project:
        docname, new = _pick(project, self.doc), _free_name(project, self.name)
        if docname is None or new is None:
            return project
        rest = {name: doc for name, doc in project.items() if name != docname}
        return {**rest, new: project[docname]}


Edit = SetField | EditItem | AddDoc | DeleteDoc | MoveDoc

# -- strategies -----------------------------------------------------------------------


def _subset(pool: tuple[str, ...], max_size: int = 2) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(pool), max_size=max_size, unique=True).map(tuple)


_words = st.sampled_from(WORDS)
_item_ids = st.sampled_from(ITEM_IDS)
_optional = st.sampled_from(("", *WORDS))

goals = st.builds(
    Goal,
    _item_ids,
    st.sampled_from(TITLES),
    st.sampled_from(GOAL_KINDS),
    st.sampled_from(("", "p99 < 200 ms", "10M rows")),
)
components = st.builds(Component, _item_ids, st.sampled_from(TITLES), _optional, _subset(ITEM_IDS))
alternatives = st.builds(Alternative, _item_ids, st.sampled_from(TITLES), _optional)
questions = st.builds(
    Question, _item_ids, st.sampled_from(TITLES), st.sampled_from(("", *PEOPLE)), _optional
)
details = st.builds(
    Detail,
    st.sampled_from(USE_CASES),
    st.sampled_from(RETENTIONS),
    _subset(LOG_FIELDS),
    _subset(("retry.done", "export.failed"), 1),
    _optional,
)
loggings = st.builds(
    Logging,
    _subset(USE_CASES),
    _subset(LOG_FIELDS),
    _optional,
    st.lists(details, max_size=2).map(tuple),
)
ref_targets = st.one_of(
    st.sampled_from(DOC_IDS),
    st.builds("{}.{}".format, st.sampled_from(DOC_IDS), _item_ids),
    _item_ids,
    st.builds("{}.{}".format, st.sampled_from(DOC_IDS), st.sampled_from(USE_CASES)),
)
refs = st.builds(Ref, st.sampled_from(ROLES), ref_targets, st.sampled_from(("", "", "link")))

#: Strategies for the fields of a page, also used to draw new values in edits.
FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "fmt": st.sampled_from(("rst", "md")),
    "title": st.sampled_from(TITLES),
    "design_doc": st.sampled_from((True, True, True, False)),
    "id": st.sampled_from(("", *DOC_IDS)),
    "status": st.sampled_from(STATUSES),
    "tags": _subset(TAGS),
    "reviewers": _subset(PEOPLE),
    "authors": _subset(PEOPLE),
    "updated": st.sampled_from(("", "2026-01-10", "2020-01-01", "someday")),
    "prd": st.sampled_from(PRDS),
    "security": _optional,
    "testing": _optional,
    **{kind: _subset(DOC_IDS) for kind in RELATIONS},
    "goals": st.lists(goals, max_size=2).map(tuple),
    "plain_goals": _subset(WORDS, 1),
    "non_goals": _subset(WORDS),
    "components": st.lists(components, max_size=2).map(tuple),
    "alternatives": st.lists(alternatives, max_size=2).map(tuple),
    "questions": st.lists(questions, max_size=1).map(tuple),
    "logging": st.none() | loggings,
    "headings": _subset(HEADINGS, 3),
    "refs": st.lists(refs, max_size=3).map(tuple),
}
assert set(FIELDS) == {f.name for f in fields(Doc)}
docs = st.builds(Doc, **FIELDS)
#: Item lists that ``EditItem`` adds to, changes and removes from.
ITEMS: dict[str, st.SearchStrategy[Any]] = {
    "goals": goals,
    "plain_goals": _words,
    "non_goals": _words,
    "components": components,
    "alternatives": alternatives,
    "questions": questions,
    "details": details,
    "refs": refs,
    "tags": st.sampled_from(TAGS),
    **{kind: st.sampled_from(DOC_IDS) for kind in RELATIONS},
}
_LOGGING_FIELDS = {
    "logging.use_cases": _subset(USE_CASES),
    "logging.pii": _subset(LOG_FIELDS),
    "logging.privacy": _optional,
}


@st.composite
def projects(draw: st.DrawFn) -> Project:
    names = draw(st.lists(st.sampled_from(DOCNAMES), min_size=3, max_size=6, unique=True))
    return {name: draw(docs) for name in names}


_index = st.integers(0, 7)
_item_edits = st.one_of(
    *(
        st.builds(
            EditItem, _index, st.just(name), st.sampled_from(("add", "change")), _index, items
        )
        for name, items in sorted(ITEMS.items())
    ),
    st.builds(EditItem, _index, st.sampled_from(sorted(ITEMS)), st.just("remove"), _index),
)
_field_edits = st.one_of(
    *(
        st.builds(SetField, _index, st.just(name), values)
        for name, values in sorted({**FIELDS, **_LOGGING_FIELDS}.items())
    )
)
#: No ``flatmap``: every part shrinks on its own, so failures come out small.
edits: st.SearchStrategy[Edit] = st.one_of(
    _item_edits,
    _field_edits,
    st.builds(AddDoc, st.sampled_from(DOCNAMES), docs),
    st.builds(DeleteDoc, _index),
    st.builds(MoveDoc, _index, st.sampled_from(DOCNAMES)),
)

# -- building and comparing -----------------------------------------------------------

STATS = {"examples": 0, "steps": 0} | dict.fromkeys(BUILDERS, 0)


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Any:
    yield
    if not STATS["examples"]:
        return
    line = (
        f"\nedit sequences ({PROFILE} profile): {STATS['examples']} examples, "
        f"{STATS['steps']} edit steps ("
        + ", ".join(f"{STATS[name]} by {name}" for name in BUILDERS)
        + ")"
    )
    workeroutput = getattr(request.config, "workeroutput", None)
    if workeroutput is not None:  # a pytest-xdist worker: conftest.py has the main one print it
        workeroutput["edit_sequences"] = line
        return
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


def sync_sources(srcdir: Path, old: dict[str, str], new: dict[str, str]) -> None:
    """Make ``srcdir`` hold ``new``: write changed files, delete removed ones."""
    for path in old.keys() - new.keys():
        (srcdir / path).unlink()
    changed = {path: text for path, text in new.items() if old.get(path) != text}
    write_project(srcdir, changed)
    now = time.time_ns()  # later than the last build read any file, whatever the fs clock
    for path in changed:
        os.utime(srcdir / path, ns=(now, now))


def _fail_with_diff(what: str, name: str, expected: str, got: str) -> None:
    diff = difflib.unified_diff(expected.splitlines(), got.splitlines(), "clean", what, lineterm="")
    pytest.fail(f"{what}: {name} differs\n" + "\n".join(list(diff)[:60]))


def assert_same_json(build: Build, clean: Build, what: str) -> None:
    """``build`` wrote the same ``designdoc.json`` as ``clean``, byte for byte."""
    json_text, clean_json = (
        (result.outdir / "designdoc.json").read_text(encoding="utf-8") for result in (build, clean)
    )
    if json_text != clean_json:
        _fail_with_diff(what, "designdoc.json", clean_json, json_text)


def assert_same_pages(pages: dict[str, str], clean_pages: dict[str, str], what: str) -> None:
    """Every page of the clean build is there, the same (Sphinx never deletes a page)."""
    assert set(clean_pages) <= set(pages), f"{what}: pages missing"
    for page, text in clean_pages.items():
        if pages[page] != text:
            _fail_with_diff(what, page, text, pages[page])


def assert_same(build: Build, clean: Build, what: str) -> None:
    """``build`` wrote the same ``designdoc.json`` and HTML pages as ``clean``."""
    assert_same_json(build, clean, what)
    assert_same_pages(page_bodies(build), page_bodies(clean), what)


def text_pages(result: Build) -> dict[str, str]:
    return {
        str(path.relative_to(result.outdir)): path.read_text(encoding="utf-8")
        for path in sorted(result.outdir.rglob("*.txt"))
    }


def assert_same_as_clean(result: Build, clean_html: Build, what: str) -> None:
    """``result`` (of any builder) equals a clean build of its builder.

    The ``designdoc`` builder writes the JSON an HTML build writes (test_determinism.py), so
    only ``text`` needs a clean build of its own, beside the clean HTML build.
    """
    builder = result.app.builder.name
    if builder == "html":
        assert_same(result, clean_html, what)
    elif builder == "designdoc":
        assert_same_json(result, clean_html, what)
    else:
        clean = build(result.srcdir, builder, builddir=clean_html.outdir.parent, freshenv=True)
        assert_same_pages(text_pages(result), text_pages(clean), what)


def check_sequence(project: Project, steps: list[Edit], builders: list[str]) -> None:
    """Build ``project``, then after each edit compare incremental and clean builds; the
    serial incremental build of each step is by its builder, on the shared doctrees."""
    STATS["examples"] += 1
    with tempfile.TemporaryDirectory(prefix="designdoc-edits-") as tmp:
        root = Path(tmp)
        srcdir = root / "src"
        srcdir.mkdir()
        files = render(project)
        sync_sources(srcdir, {}, files)
        serial = build(srcdir, builddir=root / "shared")
        # 6 to 9 pages: even Sphinx 8.1 (which reads serially up to 5) splits the read
        assert_same(build(srcdir, builddir=root / "parallel", parallel=2), serial, "-j 2")
        number = 0
        for step, builder in zip(steps, builders, strict=True):
            project = step.apply(project)
            new_files = render(project)
            if new_files == files:
                continue  # the edit changed nothing (removed from an empty list, ...)
            number += 1
            STATS["steps"] += 1
            STATS[builder] += 1
            sync_sources(srcdir, files, new_files)
            files = new_files
            incremental = build(srcdir, builder, builddir=root / "shared")
            clean = build(srcdir, builddir=root / f"clean{number}", freshenv=True)
            assert_same_as_clean(incremental, clean, f"{builder} incremental after step {number}")
            again = build(srcdir, builddir=root / "parallel", parallel=2)
            assert_same(again, clean, f"incremental -j 2 after step {number}")
            shutil.rmtree(root / f"clean{number}")


@settings(max_examples=EXAMPLES)
@given(
    project=projects(),
    steps=st.lists(edits, min_size=MIN_STEPS, max_size=MAX_STEPS),
    builders=st.lists(st.sampled_from(BUILDERS), min_size=MAX_STEPS, max_size=MAX_STEPS),
)
def test_incremental_and_parallel_builds_equal_a_clean_build(
    project: Project, steps: list[Edit], builders: list[str]
) -> None:
    check_sequence(project, steps, builders[: len(steps)])
