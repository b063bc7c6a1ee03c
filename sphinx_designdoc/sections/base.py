"""The shared base of every design-doc directive.

Each section directive turns its options into a model object, registers it in the
``design`` domain, and returns standard docutils nodes with ``designdoc-*`` classes.
Nothing here touches reST-state internals, so the same code runs under MyST.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager, contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import RSTState
from sphinx.util.docutils import SphinxDirective

from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.model import Finding, Location, Page, merge_answers
from sphinx_designdoc.render.fields import field_list
from sphinx_designdoc.render.guard import guarded
from sphinx_designdoc.sections.option_lines import marker_offsets, option_offsets
from sphinx_designdoc.values import (
    ID_RULE,
    did_you_mean,
    digest_id,
    is_valid_id,
    slugify,
    split_list,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, MutableMapping, Sequence

    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from sphinx_designdoc.domain import DesignDomain
    from sphinx_designdoc.model import Answers, Security, Subtype, Testing
    from sphinx_designdoc.render.fields import FieldRow
    from sphinx_designdoc.settings import Settings

#: Per-document list of (node, object type, item id): the anchors items asked for, given
#: once the page is parsed (:class:`~sphinx_designdoc.sections.anchors.ItemAnchors`).
ANCHOR_REQUESTS = "designdoc:anchors"
#: A content line that reads like an option: ``:name: value``.
_OPTION_LIKE = re.compile(r":(?P<name>[A-Za-z][\w-]*):(?:\s|$)")
#: A MyST fence opening a nested directive; the option lines after it are its own.
_FENCE = re.compile(r"(?::{3,}|`{3,}|~{3,})")
#: Scratch keys: the design directive whose content is being parsed, as (name, line), and
#: the line of each section directive's first use on the page.
_OPEN = "designdoc:open"
_SECTIONS = "designdoc:sections"

_T = TypeVar("_T")

#: Text in which reStructuredText finds no inline markup: words, spaces and a few
#: punctuation marks (no ``*`_|[<:@\``, no ``..`` or ``--``); parsing it would only give
#: the same text back. Option values are mostly like this.
_NO_INLINE_MARKUP = re.compile(r"(?:[^\W_]|\s|[,;%]|-(?!-)|\.(?!\.)|/(?!/))*")


class UnknownOption(str):
    """The value of an option the directive does not know; warned about, then ignored."""

    __slots__ = ()


class _OptionSpec(dict[str, Any]):
    """An option spec that lets unknown options through, so that a typo gives a
    ``designdoc.option`` warning with a suggestion instead of dropping the directive."""

    def __missing__(self, key: str) -> Any:
        return UnknownOption


def text_options(*names: str) -> OptionSpec:
    """Options that accept any text (the rules check values and warn precisely), plus the
    usual ``:class:`` for extra CSS classes on the output."""
    spec = _OptionSpec(dict.fromkeys(names, directives.unchanged))
    spec["class"] = directives.class_option
    return cast("OptionSpec", spec)


def scratch(env: BuildEnvironment) -> MutableMapping[str, Any]:
    """Per-document scratch space (``current_document`` on Sphinx 8.2+)."""
    current = getattr(env, "current_document", None)
    return cast("MutableMapping[str, Any]", current if current is not None else env.temp_data)


@contextmanager
def scoped(env: BuildEnvironment, key: str, value: _T) -> Iterator[_T]:
    """``value`` under ``key`` in the scratch space while a directive parses its content."""
    store = scratch(env)
    outer = store.get(key)
    store[key] = value
    try:
        yield value
    finally:
        store[key] = outer


def collecting(env: BuildEnvironment, key: str) -> AbstractContextManager[list[Any]]:
    """Gather what nested child directives produce while a parent parses its content."""
    return scoped(env, key, [])


class DesignDirective(SphinxDirective):
    """Base for the section directives: options, ids, warnings and output containers."""

    #: CSS suffix of the output container (``designdoc-<section>``).
    section: ClassVar[str] = ""
    has_content = True
    option_spec: ClassVar[OptionSpec] = text_options()

    @property
    def domain(self) -> DesignDomain:
        return get_domain(self.env)

    @property
    def settings(self) -> Settings:
        return self.domain.settings

    @property
    def line(self) -> int:
        return self.get_source_info()[1]

    @cached_property
    def location(self) -> Location:
        """Where the directive is written (the included file for included content), and
        the line of each option given, where its text tells."""
        source, line = self.get_source_info()
        offsets = option_offsets(self.block_text, self.name)
        lines = ((name, self._line_at(offset)) for name, offset in offsets.items())
        return Location(source, line, tuple((name, n) for name, n in lines if n))

    def location_of(self, node: nodes.Node) -> Location:
        """Where a node of the content is written; the directive's line if it has none."""
        if node.line:
            return Location(node.source or self.location.source, node.line)
        return Location(self.location.source, self.location.line)

    def _line_at(self, offset: int) -> int | None:
        """The source line ``offset`` lines below the directive's first (None: unknown)."""
        line: int | None = self.state_machine.get_source_and_line(self.lineno + offset)[1]
        return line

    def run(self) -> list[nodes.Node]:
        """Warn about unknown options, then render the section."""
        for name, value in list(self.options.items()):
            if isinstance(value, UnknownOption):
                del self.options[name]
                hint = did_you_mean(name, tuple(self.option_spec or ()))
                self.warn("option", f"unknown option :{name}: of {self.name}{hint}", name)
        self.warn_options_in_content()
        with scoped(self.env, _OPEN, (self.name, self.line)):
            output = self.render()
        source, line = self.get_source_info()
        for node in output:  # so that a warning about any part of it has a line
            for element in node.findall(nodes.Element) if isinstance(node, nodes.Element) else ():
                if not element.line:  # None, or 0 from MyST
                    element.source, element.line = source, line
        return output

    def render(self) -> list[nodes.Node]:
        raise NotImplementedError

    def warn_options_in_content(self) -> None:
        """Options that the parser handed on as content, where they render as text (reST:
        a field list) and set nothing: after a blank line, or, in MyST, after a value
        holding a character that Python ends lines at (U+000C, U+2028, ...)."""
        first_paragraph = "\n".join(self.content).strip().split("\n\n", 1)[0]
        seen: dict[str, int] = {}
        for line in first_paragraph.splitlines():
            if _FENCE.match(line):  # a nested directive; what follows are its options
                break
            match = _OPTION_LIKE.match(line)
            if match is not None and match["name"] in (self.option_spec or {}):
                name = match["name"]
                seen[name] = seen.get(name, 0) + 1
                self.warn(
                    "option",
                    f"option :{name}: of {self.name} is read as content: the "
                    "options end at a blank line, or at a line-break character (such as "
                    "U+000C or U+2028) inside a value",
                    where=self._in_content(name, seen[name]),
                    about=f"content:{name}",
                )

    def _in_content(self, name: str, nth: int) -> Location:
        """Where the ``nth`` ``:name:`` line of the content is; the directive's line when
        the text does not tell."""
        lines = marker_offsets(self.block_text, self.name, name)
        if name in self.options:  # the first one is the option itself
            lines = lines[1:]
        line = self._line_at(lines[nth - 1]) if nth <= len(lines) else None
        return Location(self.location.source, line or self.location.line)

    def parse_content_to_nodes(self, allow_section_headings: bool = False) -> list[nodes.Node]:
        """The parsed content; without content, no nested parser is started (each one
        builds a docutils state machine, the largest cost of a small directive)."""
        if not self.content:
            return []
        parsed = super().parse_content_to_nodes(allow_section_headings)
        while parsed and isinstance(parsed[0], nodes.transition):
            # MyST makes one of a leading "***" or "---"; docutils 0.21 stops the build on
            # a transition that begins anything but a section (an assertion error)
            self.warn(
                "structure",
                f"the content of {self.name} begins with a transition (a line such as "
                "'***'), which only separates parts of a page or section; it is left out",
                where=self.location_of(parsed[0]),
                about="transition",
            )
            del parsed[0]
        return parsed

    def page(self) -> Page:
        """The record of the page being read, created on first use."""
        return self.domain.page_for(self.env.docname)

    def option(self, name: str) -> str:
        return str(self.options.get(name) or "").strip()

    def option_list(self, name: str) -> tuple[str, ...]:
        return split_list(self.options.get(name))

    def warn(
        self,
        subtype: Subtype,
        message: str,
        option: str = "",
        *,
        where: Location | None = None,
        about: str = "",
    ) -> None:
        """Warn at ``where``, else at ``option``'s line, else at the directive's, once the
        page is read. The finding is about ``about`` (default: the option) of
        :attr:`subject`."""
        where = where or (self.location.of(option) if option else self.location)
        about = ":".join(part for part in (self.subject, about or option) if part)
        self.domain.note(Finding.at(subtype, message, self.env.docname, where, about=about))

    @property
    def subject(self) -> str:
        """What this directive's findings are about, in the key: its name and, for an
        item, its id as written or else its title's slug (its id may not be known yet)."""
        written = str(self.options.get("id") or "").strip()
        named = written or (slugify(self.arguments[0]) if self.arguments else "")
        return f"{self.name}:{named}" if named else self.name

    def item_id(self, explicit: str, title: str, what: str, text: str | None = None) -> str:
        """The author's ``:id:`` when it is usable, else a slug of it or of the title.

        A title without a letter or digit gets a digest of itself; no title, one of
        ``text`` (default: the directive's options and content, the same in reST and
        MyST). Never the line, which changes, and moves links, when a line is added
        above."""
        if explicit and not is_valid_id(explicit):
            fixed = slugify(explicit) or digest_id(what, explicit)
            self.warn(
                "option", f"invalid {what} id {explicit!r}; using {fixed!r} ({ID_RULE})", "id"
            )
            return fixed
        if found := explicit or slugify(title):
            return found
        if text is None:
            options = [f":{name}: {value}" for name, value in sorted(self.options.items())]
            text = "\n".join([*options, *self.content])
        return digest_id(what, title or text)

    def title_argument(self) -> tuple[list[nodes.Node], str]:
        """The item's title (inline markup allowed) and its plain text; warns if absent."""
        title_nodes, title = self.inline(self.arguments[0] if self.arguments else "")
        if not title:
            self.warn("missing", f"{self.name} has no title", about="title")
        return title_nodes, title

    def inline(self, text: str) -> tuple[list[nodes.Node], str]:
        """Inline markup for an option value (guarded: :mod:`~sphinx_designdoc.render.guard`),
        and its plain text for the model."""
        if not text:
            return [], ""
        if isinstance(self.state, RSTState) and _NO_INLINE_MARKUP.fullmatch(text):
            return [nodes.Text(text)], " ".join(text.split())  # what the parser would give
        parsed, messages = self.parse_inline(text, lineno=self.lineno)
        plain = " ".join("".join(node.astext() for node in parsed).split())
        return [*guarded(self.state.document, parsed), *messages], plain

    def container(self, *children: nodes.Node) -> nodes.container:
        classes = ["designdoc", f"designdoc-{self.section}", *self.options.get("class", [])]
        node = nodes.container("", *children, classes=classes)
        self.set_source_info(node)
        return node

    def add_anchor(self, node: nodes.Element, objtype: str, item_id: str) -> None:
        """Ask for the HTML anchor of the item ``node`` shows; it is given once the page is
        parsed, when the ids of all headings and labels are known."""
        scratch(self.env).setdefault(ANCHOR_REQUESTS, []).append((node, objtype, item_id))


class SectionDirective(DesignDirective):
    """A template section (``design-goals``, ``logging-strategy``...): it belongs at the
    top level of the page, and some are one per page. Either mistake is a ``structure``
    warning that says what became of this directive's content."""

    #: A second one on the page is a mistake, not more of the same: its answers are merged
    #: into the first's (``merge_note`` says how) and the page warns.
    once_per_page: ClassVar[bool] = False
    #: The line of the first directive of this kind on the page, when this one is not it.
    earlier: int | None = None
    #: How this one was merged into the first: set by ``render`` when ``earlier`` is set,
    #: or on the class where it is always the same.
    merge_note: str = ""

    def run(self) -> list[nodes.Node]:
        store = scratch(self.env)
        outer: tuple[str, int] | None = store.get(_OPEN)
        seen: dict[str, int] = store.setdefault(_SECTIONS, {})
        self.earlier = seen.get(self.name)
        seen.setdefault(self.name, self.line)
        output = super().run()
        self.warn_structure(outer)
        return output

    def warn_structure(self, outer: tuple[str, int] | None) -> None:
        problems: list[str] = []
        if outer is not None:
            problems.append(
                f"{self.name} is inside {outer[0]} (line {outer[1]}): a section directive "
                "belongs at the top level of the page, after its heading"
            )
        repeated = self.once_per_page and self.earlier is not None
        if repeated and outer != (self.name, self.earlier):
            problems.append(f"a page holds one {self.name}; the first is at line {self.earlier}")
        if problems:
            note = [self.merge_note] if repeated and self.merge_note else []
            self.warn("structure", "; ".join([*problems, *note]), about="placement")


def note_merge(added: str, ignored: Sequence[str]) -> str:
    """``added``, and which options of a repeated section lost to the first's values."""
    if not ignored:
        return added
    names = ", ".join(f":{name}:" for name in ignored)
    return f"{added}, except {names}, where the first's value is kept"


class AnswersDirective(SectionDirective):
    """A section that is a fixed set of labelled answers (options) followed by prose:
    Security Considerations, Testing Strategy."""

    once_per_page = True
    #: The options, in the order they are shown.
    fields: ClassVar[tuple[str, ...]] = ()
    #: The model of the answers: a field per option (``data-protection`` as
    #: ``data_protection``), kept on the page under the section's name.
    answers: ClassVar[type[Security | Testing]]

    def labels(self) -> dict[str, str]:
        """Each option's translated label."""
        raise NotImplementedError

    def render(self) -> list[nodes.Node]:
        labels = self.labels()
        rows: list[FieldRow] = []
        values: dict[str, str] = {}
        for name in self.fields:
            parsed, values[name.replace("-", "_")] = self.inline(self.option(name))
            rows.append((labels[name], parsed, self.location.of(name)))
        page = self.page()
        given = self.answers(**values, location=self.location)
        setattr(page, self.section, self.merged(getattr(page, self.section), given))
        return [self.container(*field_list(rows), *self.parse_content_to_nodes())]

    def merged(self, first: Answers | None, answers: Answers) -> Answers:
        """``answers``, or, for a second one on the page, the first's completed by them."""
        if first is None or self.earlier is None:
            return answers
        merged, ignored = merge_answers(first, answers)
        options = [name.replace("_", "-") for name in ignored]
        self.merge_note = note_merge("its answers fill in the first's empty ones", options)
        return merged
