"""Generate one corpus of design docs in three forms that carry the same prose.

- ``plain``: reStructuredText with headings, field lists and bullet lists, as a team
  writes design docs without any extension; Sphinx alone builds it.
- ``designdoc``: the same docs written with this extension's directives and roles, plus
  an index page of ``design-index`` tables.
- ``needs``: the same docs with sphinx-needs needs for the goals, components and
  alternatives, ``:need:`` references and an index page of ``needtable`` s.

Every form has the same headings, paragraphs and list items; only the markup that makes
the structured parts differs. ``plain-ext`` is the plain corpus with this extension
enabled, to measure what the extension costs a project that has no design docs.
``stubs`` is the designdoc corpus built by ``stub_directives``, which reads the same
directives and roles and does nothing with them: what any extension pays for that markup.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

FORMS = ("plain", "plain-ext", "stubs", "designdoc", "needs")
STATUSES = ("draft", "in-review", "approved", "implemented")
KINDS = ("functional", "performance", "reliability", "security")

_CONF = {
    "plain": "",
    "plain-ext": 'extensions = ["sphinx_designdoc"]\n',
    "designdoc": 'extensions = ["sphinx_designdoc"]\n',
    "stubs": (
        f"import sys\nsys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        'extensions = ["stub_directives"]\n'
    ),
    "needs": textwrap.dedent(
        """\
        extensions = ["sphinx_needs"]
        needs_types = [
            {"directive": "goal", "title": "Goal", "prefix": "G_"},
            {"directive": "component", "title": "Component", "prefix": "C_"},
            {"directive": "alternative", "title": "Alternative", "prefix": "A_"},
        ]
        needs_fields = {
            name: {"description": name, "nullable": True}
            for name in ("kind", "target", "purpose", "interface", "why_not")
        }
        needs_id_regex = "^[A-Z0-9_]+$"
        """
    ),
}


_USE_CASES = {
    "tracing": ("Tracing", "Execution flow and timing"),
    "error-tracking": ("Error Tracking", "Problem identification and diagnosis"),
    "user-behavior": ("User Behavior", "UX improvement insights"),
    "performance": ("Performance", "Resource usage and efficiency"),
    "security-audit": ("Security Audit", "Compliance and audit trails"),
    "business-metrics": ("Business Metrics", "KPIs and analytics"),
}


@dataclass(frozen=True)
class Corpus:
    """The shape of a generated project."""

    docs: int
    goals_per_doc: int = 3

    def names(self) -> list[str]:
        return [f"doc{n:04d}" for n in range(self.docs)]


def write(srcdir: Path, form: str, corpus: Corpus) -> None:
    """Write ``corpus`` in ``form`` to ``srcdir``: conf.py, index, indexes and the docs."""
    srcdir.mkdir(parents=True, exist_ok=True)
    names = corpus.names()
    conf = 'project = "Benchmark"\nhtml_theme = "basic"\n' + _CONF[form]
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    toctree = "\n".join(f"   {name}" for name in [*names, "indexes"])
    (srcdir / "index.rst").write_text(
        f"Design docs\n===========\n\n.. toctree::\n   :maxdepth: 1\n\n{toctree}\n",
        encoding="utf-8",
    )
    markup = "designdoc" if form == "stubs" else form
    (srcdir / "indexes.rst").write_text(_indexes(markup), encoding="utf-8")
    for n, name in enumerate(names):
        text = _Doc(n, name, names[(n + 1) % len(names)], corpus.goals_per_doc).render(markup)
        (srcdir / f"{name}.rst").write_text(text, encoding="utf-8")


def edit_one_doc(srcdir: Path, corpus: Corpus, round_number: int, what: str) -> Path:
    """Edit the middle doc, differently every round.

    ``what`` is ``prose`` (a sentence of its Background changes: only that page shows it)
    or ``title`` (its first goal is renamed: the pages that link to the goal and the
    goals index show the title too, so they are written again).
    """
    path = srcdir / f"{corpus.names()[corpus.docs // 2]}.rst"
    pattern = {
        "prose": r"(The background of design \d+ is described here in sentence 0)( \(r\d+\))?",
        "title": r"(Keep the first goal of design \d+)( \(r\d+\))?",
    }[what]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(pattern, rf"\1 (r{round_number})", text, count=1), encoding="utf-8")
    return path


def _indexes(form: str) -> str:
    head = "Indexes\n=======\n\n"
    if form == "designdoc":
        kinds = ("docs", "goals", "components", "alternatives")
        return head + "\n\n".join(f".. design-index:: {kind}" for kind in kinds) + "\n"
    if form == "needs":
        tables = (
            ("goal", "id;title;kind;target"),
            ("component", "id;title;purpose"),
            ("alternative", "id;title;why_not"),
        )
        return head + "\n\n".join(
            f".. needtable::\n   :types: {kind}\n   :columns: {columns}\n   :style: table"
            for kind, columns in tables
        )
    return head + "Every design doc is listed on the home page.\n"


@dataclass(frozen=True)
class _Doc:
    """One design doc's prose, rendered in any form."""

    n: int
    name: str
    following: str
    goals: int

    def render(self, form: str) -> str:
        structured = form in ("designdoc", "needs")
        parts = [
            self._title(),
            self._meta(form),
            self._section("Background", self._paragraphs("background", 3)),
            self._section("Goals", self._goals(form)),
            self._section("Non-Goals", self._bullets("non-goal", 2, form, "non-goals")),
            self._section("Design", self._components(form)),
            self._section("Data Model", self._paragraphs("data model", 2)),
            self._section("API Design", self._api()),
            self._section("Error Handling", self._paragraphs("error handling", 1)),
            self._section("Security Considerations", self._fields(form, "security")),
            self._section("Testing Strategy", self._fields(form, "testing")),
            self._section("Migration Plan", self._paragraphs("migration", 1)),
            self._section("Logging Strategy", self._logging(form)),
            self._section("Alternatives Considered", self._alternatives(form)),
            self._section("Open Questions", self._question(form)),
            self._links(form if structured else "plain"),
        ]
        return "\n".join(parts)

    # -- shared prose ----------------------------------------------------------------

    def _sentence(self, topic: str, k: int) -> str:
        return (
            f"The {topic} of design {self.n} is described here in sentence {k}, with "
            f"enough words to read like a real paragraph about queues, retries and "
            f"the services that own them."
        )

    def _paragraphs(self, topic: str, count: int) -> str:
        return "\n\n".join(
            " ".join(self._sentence(topic, 3 * p + k) for k in range(3)) for p in range(count)
        )

    def _title(self) -> str:
        title = f"Design {self.n}: the {self.name} service"
        return f"{title}\n{'=' * len(title)}\n"

    def _section(self, heading: str, body: str) -> str:
        return f"{heading}\n{'-' * len(heading)}\n\n{body}\n"

    def _meta(self, form: str) -> str:
        fields = {
            "status": STATUSES[self.n % 4],
            "authors": f"Author {self.n % 17}, Author {self.n % 13}",
            "reviewers": f"Reviewer {self.n % 7}",
            "created": "2026-03-02",
            "tags": f"team{self.n % 5}, area{self.n % 3}",
            "related": self.following,
        }
        overview = self._paragraphs("overview", 1)
        if form == "designdoc":
            options = "\n".join(f"   :{key}: {value}" for key, value in fields.items())
            body = textwrap.indent(overview, "   ")
            return f".. design-doc::\n   :id: {self.name}\n{options}\n\n{body}\n"
        options = "\n".join(f":{key.title()}: {value}" for key, value in fields.items())
        return f"{options}\n\n{self._section('Overview', overview)}"

    def _goal(self, k: int) -> tuple[str, str, str, str]:
        title = (
            f"Keep the first goal of design {self.n}" if k == 0 else f"Goal {k} of design {self.n}"
        )
        kind = KINDS[(self.n + k) % 4]
        target = f"p99 < {10 + k} ms at {self.n + 100} req/s"
        return title, kind, target, self._sentence(f"goal {k}", k)

    def _goals(self, form: str) -> str:
        items = []
        for k in range(self.goals):
            title, kind, target, text = self._goal(k)
            if form == "designdoc":
                items.append(
                    f"   .. goal:: {title}\n      :id: g{k}\n      :kind: {kind}\n"
                    f"      :target: {target}\n\n      {text}"
                )
            elif form == "needs":
                items.append(
                    f".. goal:: {title}\n   :id: {self._need_id('G', k)}\n"
                    f"   :kind: {kind}\n   :target: {target}\n\n   {text}"
                )
            else:
                items.append(f"- **{title}**\n\n  Kind: {kind}. Target: {target}.\n\n  {text}")
        if form == "designdoc":
            return ".. design-goals::\n\n" + "\n\n".join(items)
        if form == "needs":
            return "\n\n".join(items)
        return f".. _{self.name}-g0:\n\n" + "\n\n".join(items)

    def _bullets(self, what: str, count: int, form: str, directive: str) -> str:
        bullets = "\n".join(f"- {what.capitalize()} {k} of design {self.n}." for k in range(count))
        if form == "designdoc":
            return f".. {directive}::\n\n" + textwrap.indent(bullets, "   ")
        return bullets

    def _components(self, form: str) -> str:
        items = []
        for k in range(2):
            title = f"Service {k} of design {self.n}"
            purpose = f"Does part {k} of the work of design {self.n}."
            interface = f"``handle_{k}(request) -> Response``"
            text = self._sentence(f"component {k}", k)
            if form == "designdoc":
                depends = "\n   :depends-on: c0" if k else ""
                items.append(
                    f".. component:: {title}\n   :id: c{k}\n   :purpose: {purpose}\n"
                    f"   :interface: {interface}{depends}\n\n   {text}"
                )
            elif form == "needs":
                links = f"\n   :links: {self._need_id('C', 0)}" if k else ""
                items.append(
                    f".. component:: {title}\n   :id: {self._need_id('C', k)}\n"
                    f"   :purpose: {purpose}\n   :interface: {interface}{links}\n\n   {text}"
                )
            else:
                heading = f"Component {k + 1}: {title}"
                depends = f"\n\n**Depends on:** Service 0 of design {self.n}" if k else ""
                items.append(
                    f"{heading}\n{'~' * len(heading)}\n\n**Purpose:** {purpose}\n\n"
                    f"**Interface:** {interface}{depends}\n\n{text}"
                )
        return "\n\n".join(items)

    def _api(self) -> str:
        code = f"POST /v1/design{self.n}/requests\nGET  /v1/design{self.n}/requests/{{id}}"
        return self._paragraphs("API", 1) + "\n\n::\n\n" + textwrap.indent(code, "   ")

    def _fields(self, form: str, section: str) -> str:
        values = {
            "security": {
                "authentication": "mTLS between services",
                "authorization": f"only the team{self.n % 5} role may call it",
                "data-protection": "card data never leaves the vault",
            },
            "testing": {
                "unit": "90% line coverage",
                "integration": "retry after gateway timeout; duplicate webhook",
            },
        }[section]
        if form == "designdoc":
            directive = {"security": "security-considerations", "testing": "testing-strategy"}
            options = "\n".join(f"   :{key}: {value}" for key, value in values.items())
            return f".. {directive[section]}::\n{options}"
        labels = {"unit": "Unit tests", "integration": "Integration tests"}
        return "\n".join(
            f"- {labels.get(key, key.replace('-', ' ').capitalize())}: {value}"
            for key, value in values.items()
        )

    def _logging(self, form: str) -> str:
        cases = {"tracing": "14d", "error-tracking": "30d"}
        events, fields = "request.received, request.done", "request_id, latency_ms"
        if form == "designdoc":
            use_cases = "\n\n".join(
                f"   .. log-use-case:: {case}\n      :events: {events}\n"
                f"      :fields: {fields}\n      :retention: {retention}"
                for case, retention in cases.items()
            )
            return (
                f".. logging-strategy::\n   :use-cases: {', '.join(cases)}\n"
                f"   :pii: email\n   :privacy: Emails are hashed before logging.\n\n"
                f"{use_cases}"
            )
        # what the template asks a team to write by hand: the checklist, then the details
        checklist = "\n".join(
            f"- [{'x' if case in cases else ' '}] {title} - {purpose}"
            for case, (title, purpose) in _USE_CASES.items()
        )
        details = "\n\n".join(
            f"**{_USE_CASES[case][0]}**\n\n- Events: ``{events.replace(', ', '``, ``')}``\n"
            f"- Fields: ``{fields.replace(', ', '``, ``')}`` (plus the standard use_case, "
            f"timestamp, trace_id)\n- Retention: {retention}"
            for case, retention in cases.items()
        )
        return (
            f"**Applicable Use Cases**:\n\n{checklist}\n\n**Implementation Details**:\n\n"
            f"{details}\n\n**Privacy Considerations**: PII fields ``email``. "
            f"Emails are hashed before logging."
        )

    def _alternatives(self, form: str) -> str:
        items = []
        for k in range(2):
            title = f"Alternative {k} for design {self.n}"
            why_not = f"It costs more than design {self.n} in reason {k}."
            text = self._sentence(f"alternative {k}", k)
            if form == "designdoc":
                items.append(
                    f".. alternative:: {title}\n   :id: a{k}\n   :why-not: {why_not}\n\n   {text}"
                )
            elif form == "needs":
                items.append(
                    f".. alternative:: {title}\n   :id: {self._need_id('A', k)}\n"
                    f"   :why_not: {why_not}\n\n   {text}"
                )
            else:
                heading = f"Alternative {k + 1}: {title}"
                items.append(
                    f"{heading}\n{'~' * len(heading)}\n\n{text}\n\n**Why not chosen:** {why_not}"
                )
        return "\n\n".join(items)

    def _question(self, form: str) -> str:
        question = f"Who operates design {self.n} at night?"
        owner, resolution = f"Author {self.n % 17}", f"Team {self.n % 5} is on call."
        if form == "designdoc":
            return (
                f".. open-question:: {question}\n   :owner: {owner}\n   :resolution: {resolution}"
            )
        return f"- {question} (owner: {owner}; resolution: {resolution})"

    def _links(self, form: str) -> str:
        other = self.following
        if form == "designdoc":
            return f"Next is :design:doc:`{other}`, its goal :design:goal:`{other}.g0`.\n"
        if form == "needs":
            target = f"G_{other.upper()}_0"
            return f"Next is :doc:`{other}`, its goal :need:`{target}`.\n"
        return f"Next is :doc:`{other}`, its goal :ref:`its first goal <{other}-g0>`.\n"

    def _need_id(self, prefix: str, k: int) -> str:
        return f"{prefix}_{self.name.upper()}_{k}"
