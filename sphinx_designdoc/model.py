"""The pure model of a design doc: plain dataclasses, no Sphinx or docutils imports.

Everything the extension collects is one of these.  They are picklable, compare by
value and hold plain text only, so the environment can store, merge and diff them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal, TypeVar

RELATION_KINDS = ("supersedes", "amends", "requires", "related")


@dataclass(frozen=True)
class Location:
    """Where some text is written: its file, its line, and the line of each option.

    The file is the one the text is really in (the included file for content that came
    through ``include``); empty when unknown, and then the page's own file is meant.
    """

    source: str = ""
    line: int | None = None
    options: tuple[tuple[str, int], ...] = ()  # (option name, its own line)

    def of(self, option: str) -> Location:
        """Where ``option`` is written: its own line, else (not given, or not known
        because the parser did not tell) the item's."""
        return Location(self.source, dict(self.options).get(option, self.line))


class Located:
    """An item that knows where it is written; ``line`` is its first line."""

    location: Location

    @property
    def line(self) -> int | None:
        return self.location.line


@dataclass(frozen=True)
class Goal(Located):
    """A technical goal; performance and scalability goals carry a measurable target."""

    id: str
    title: str
    kind: str = "functional"
    target: str = ""
    location: Location = Location()


@dataclass(frozen=True)
class NonGoal(Located):
    """Something the design explicitly does not cover."""

    text: str
    location: Location = Location()


@dataclass(frozen=True)
class Alternative(Located):
    """An approach that was considered and not chosen, with the reason."""

    id: str
    title: str
    why_not: str = ""
    location: Location = Location()


@dataclass(frozen=True)
class Component(Located):
    """One block of the detailed design: what it is for, its interface, what it uses."""

    id: str
    title: str
    purpose: str = ""
    interface: str = ""
    depends_on: tuple[str, ...] = ()
    location: Location = Location()


@dataclass(frozen=True)
class Security(Located):
    """The Security Considerations section."""

    authentication: str = ""
    authorization: str = ""
    data_protection: str = ""
    location: Location = Location()


@dataclass(frozen=True)
class Testing(Located):
    """The Testing Strategy section: unit, integration and performance testing."""

    unit: str = ""
    integration: str = ""
    performance: str = ""
    location: Location = Location()


#: The sections made of text answers to the template's questions.
Answers = TypeVar("Answers", Security, Testing)


def merge_answers(first: Answers, second: Answers) -> tuple[Answers, tuple[str, ...]]:
    """A section's answers given twice on a page: ``second`` fills in what ``first`` left
    empty. Returns the merged answers and the fields of ``second`` that were not taken
    (answered differently by ``first``)."""
    taken: dict[str, Any] = {}
    ignored: list[str] = []
    for answer in fields(first):
        if answer.name == "location":
            continue
        mine, theirs = getattr(first, answer.name), getattr(second, answer.name)
        if not mine:
            taken[answer.name] = theirs
        elif theirs and theirs != mine:
            ignored.append(answer.name)
    return replace(first, **taken), tuple(ignored)


@dataclass(frozen=True)
class Question(Located):
    """An open question; it is resolved once it has a resolution."""

    id: str
    title: str
    owner: str = ""
    resolution: str = ""
    location: Location = Location()

    @property
    def is_open(self) -> bool:
        return not self.resolution


@dataclass(frozen=True)
class LogUseCase(Located):
    """What one logging use case records, how long it is kept, and how it is sampled."""

    use_case: str
    events: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    retention: str = ""
    sampling: str = ""
    location: Location = Location()


@dataclass
class LoggingStrategy(Located):
    """The logging section: the selected use cases, their details and PII handling."""

    use_cases: tuple[str, ...] = ()
    pii: tuple[str, ...] = ()
    privacy: str = ""
    details: list[LogUseCase] = field(default_factory=list)
    location: Location = Location()

    def merge(self, other: LoggingStrategy) -> tuple[str, ...]:
        """Take in a second strategy of the same page: its use cases, PII fields and
        details add up; a privacy note only fills in a missing one. Returns the fields of
        ``other`` that were not taken (a different privacy note)."""
        self.use_cases = tuple(dict.fromkeys((*self.use_cases, *other.use_cases)))
        self.pii = tuple(dict.fromkeys((*self.pii, *other.pii)))
        self.details.extend(other.details)
        if not self.privacy:
            self.privacy = other.privacy
        return ("privacy",) if other.privacy not in ("", self.privacy) else ()


@dataclass(frozen=True)
class Relations:
    """Links to other design docs, by doc id."""

    supersedes: tuple[str, ...] = ()
    amends: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    def items(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each relation kind with its targets, in the documented order."""
        return [(kind, getattr(self, kind)) for kind in RELATION_KINDS]


@dataclass(frozen=True)
class DocMeta(Located):
    """The ``design-doc`` directive's metadata; its content is the overview."""

    id: str
    status: str = ""
    authors: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""
    prd: str = ""
    tags: tuple[str, ...] = ()
    relations: Relations = Relations()
    overview: str = ""
    location: Location = Location()


@dataclass
class Page:
    """Everything collected from one source page.

    A page without ``design-doc`` can still hold sections; they are collected under the
    page title and id (the slug of its docname) but get no doc-level checks.
    """

    docname: str
    default_id: str
    title: str = ""
    meta: DocMeta | None = None
    goals: list[Goal] = field(default_factory=list)
    non_goals: list[NonGoal] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    logging: LoggingStrategy | None = None
    components: list[Component] = field(default_factory=list)
    security: Security | None = None
    testing: Testing | None = None
    questions: list[Question] = field(default_factory=list)
    #: Titles of the page's sections, lowercased; the coverage check matches them.
    headings: tuple[str, ...] = ()
    #: (object type, id) -> the HTML anchor the item got on the page; links lead there.
    anchors: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """The doc id other pages use to refer to this page."""
        return self.meta.id if self.meta else self.default_id

    @property
    def status(self) -> str:
        return self.meta.status if self.meta else ""

    @property
    def tags(self) -> tuple[str, ...]:
        return self.meta.tags if self.meta else ()

    @property
    def has_content(self) -> bool:
        """True when the page holds anything worth listing."""
        return bool(
            self.meta
            or self.goals
            or self.non_goals
            or self.alternatives
            or self.logging
            or self.components
            or self.security
            or self.testing
            or self.questions
        )


#: The kind of a finding: its warning is ``designdoc.<subtype>``, which
#: ``suppress_warnings`` names (docs/warnings.rst describes each).
Subtype = Literal[
    "option", "missing", "placeholder", "duplicate", "ref", "lifecycle", "privacy",
    "structure", "config", "graph",
]  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """A problem a rule found: turned into a ``designdoc.<subtype>`` warning at file:line.

    The file is ``source`` when known (an included file, say), else the page's own.
    ``about`` names what is wrong (a section, an item and its field, a placeholder)
    in words that survive edits elsewhere: with the subtype and the doc it makes the
    finding's ``key`` (:mod:`sphinx_designdoc.findings`), which the export and the
    baseline use; ``key`` is empty until the finding is keyed.
    """

    subtype: Subtype
    message: str
    docname: str
    line: int | None = None
    source: str = ""
    about: str = field(default="", compare=False)  # tests compare what is reported
    key: str = field(default="", compare=False)

    @classmethod
    def at(
        cls, subtype: Subtype, message: str, docname: str, where: Location, *, about: str
    ) -> Finding:
        """A finding at ``where``, such as an item's location or one of its options'."""
        return cls(subtype, message, docname, where.line, where.source, about)
