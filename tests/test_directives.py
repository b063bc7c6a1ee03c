"""Directive behaviour beyond the happy path: placement, options, PRD links, config."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.languages import get_language
from docutils.parsers.rst import Parser
from docutils.parsers.rst.states import Inliner, Struct
from docutils.utils import new_document
from hypothesis import given
from hypothesis import strategies as st

from helpers import build, line_of, lines_of, write_project
from sphinx_designdoc.sections.base import _NO_INLINE_MARKUP
from sphinx_designdoc.values import digest_id

TOC = textwrap.dedent("""\
    Home
    ====

    .. toctree::

       a
       prd/spec
    """)
# the index of the tests that build one page beside it
PAGE_TOC = textwrap.dedent("""\
    Home
    ====

    .. toctree::

       page
    """)


def test_children_outside_their_parent_are_still_collected(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        A
        =

        .. goal:: Loose goal
           :id: loose

        .. log-use-case:: tracing
           :retention: 2w
        """)
    src = write_project(tmp_path, {"index.rst": TOC, "prd/spec.rst": "Spec\n====\n", "a.rst": page})
    result = build(src, freshenv=True)
    assert result.warnings_text == ""
    doc = result.json()["docs"]["a"]
    assert [g["id"] for g in doc["goals"]] == ["loose"]
    assert doc["logging"]["details"][0]["retention_days"] == 14
    assert result.soup("a").select_one("li#goal-loose") is not None


def test_prd_links_to_a_project_page_or_shows_a_path(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        A
        =

        .. design-doc::
           :prd: prd/spec.rst

        B
        -

        .. alternative:: X
           :why-not: Y
        """)
    src = write_project(tmp_path, {"index.rst": TOC, "prd/spec.rst": "Spec\n====\n", "a.rst": page})
    result = build(src, freshenv=True)
    assert result.warnings_text == ""
    link = result.soup("a").select_one("div.designdoc-doc a.reference")
    assert link["href"] == "prd/spec.html"
    (src / "a.rst").write_text(
        textwrap.dedent("""\
            A
            =

            .. design-doc::
               :prd: ../../outside/prd.md
            """)
    )
    outside = build(src, freshenv=True)
    assert outside.soup("a").select_one("div.designdoc-doc span.designdoc-path").get_text() == (
        "../../outside/prd.md"
    )


def test_class_option_adds_classes(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        Home
        ====

        .. design-index:: goals
           :class: wide

        .. design-goals::
           :class: mine

           .. goal:: G
              :class: special
        """)
    src = write_project(tmp_path, {"index.rst": page})
    soup = build(src, freshenv=True).soup("index")
    assert soup.select_one("div.designdoc-goals.mine") is not None
    assert soup.select_one("li.designdoc-goal.special") is not None
    assert soup.select_one("table.designdoc-index.wide") is not None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "index.rst",
            textwrap.dedent("""\
                Home
                ====

                .. goal:: G
                   :id: {id}
                """),
        ),
        (
            "index.md",
            textwrap.dedent("""\
                # Home

                :::{{goal}} G
                :id: {id}
                :::
                """),
        ),
    ],
)
def test_invalid_ids_are_replaced_with_a_warning(tmp_path: Path, name: str, text: str) -> None:
    rule = "ids are letters and digits of any script, '-' and '_', starting with a letter or digit"
    no_letters = digest_id("goal", "!!!")
    cases = [
        ("a.b c", "ab-c", f"invalid goal id 'a.b c'; using 'ab-c' ({rule})"),
        ("надёжность", "надёжность", None),  # letters are letters, in any script
        ("!!!", no_letters, f"invalid goal id '!!!'; using {no_letters!r} ({rule})"),
    ]
    for explicit, used, message in cases:
        page = text.format(id=explicit)
        result = build(write_project(tmp_path / used, {name: page}), freshenv=True)
        expected = [(name, line_of(page, ":id:"), "option", message)] if message else []
        assert [(w.file, w.line, w.subtype, w.message) for w in result.warnings] == expected
        assert result.json()["docs"]["index"]["goals"][0]["id"] == used


# {above} is where the tests add lines; in MyST, braces are doubled for str.format
_SCRIPTS = {
    "rst": textwrap.dedent("""\
        Home
        ====

        {above}.. design-goals::

           - 速度
           - 信頼性
           - ⚡
           - ⏱

           .. goal:: Надёжность

        .. component:: Планировщик

        .. alternative:: 代替案
           :why-not: 遅い

        .. open-question:: Вопрос?

        :design:goal:`надёжность`, :design:component:`планировщик`.
        """),
    "md": textwrap.dedent("""\
        # Home

        {above}::::{{design-goals}}
        - 速度
        - 信頼性
        - ⚡
        - ⏱

        :::{{goal}} Надёжность
        :::
        ::::

        :::{{component}} Планировщик
        :::

        :::{{alternative}} 代替案
        :why-not: 遅い
        :::

        :::{{open-question}} Вопрос?
        :::

        {{design:goal}}`надёжность`, {{design:component}}`планировщик`.
        """),
}


@pytest.mark.parametrize("suffix", ["rst", "md"])
def test_ids_keep_every_scripts_letters_and_stay_when_lines_are_added(
    tmp_path: Path, suffix: str
) -> None:
    """Titles in any script have ids of their letters; titles without letters or digits
    get distinct ids; none depends on its line, so a line added above changes none."""

    def ids_and_anchors(above: str) -> tuple[dict[str, list[str]], list[str], list[str]]:
        page = _SCRIPTS[suffix].format(above=above)
        src = write_project(tmp_path / str(len(above)), {f"index.{suffix}": page})
        result = build(src, freshenv=True)
        assert result.warnings_text == ""
        doc = result.json()["docs"]["index"]
        kinds = ("goals", "components", "alternatives", "questions")
        ids = {kind: [item["id"] for item in doc[kind]] for kind in kinds}
        soup = result.soup("index")
        anchors = [str(node["id"]) for node in soup.select("li.designdoc-goal, div.designdoc[id]")]
        links = [str(a["href"]) for a in soup.select("a.designdoc-link")]
        assert [soup.find(id=href.removeprefix("#")).get_text() for href in links] == [
            soup.select("li.designdoc-goal")[4].get_text(),
            soup.select_one("div.designdoc-component").get_text(),
        ]
        return ids, anchors, links

    ids, anchors, links = ids_and_anchors("")
    no_letters = ids["goals"][2:4]
    assert ids == {
        "goals": ["速度", "信頼性", *no_letters, "надёжность"],
        "components": ["планировщик"],
        "alternatives": ["代替案"],
        "questions": ["вопрос"],
    }
    assert no_letters == [digest_id("goal", "⚡"), digest_id("goal", "⏱")]
    assert len(set(anchors)) == len(anchors) == 8
    assert ids_and_anchors("A new line.\n\nAnd another one.\n\n") == (ids, anchors, links)


_UNTITLED_RST = textwrap.dedent("""\
    Home
    ====

    {above}.. design-goals::

       - ⚡
       - ⚡

    .. goal::
       :kind: security

    .. goal::
       :kind: reliability
    """)
_UNTITLED_MD = textwrap.dedent("""\
    # Home

    {above}:::{{design-goals}}
    - ⚡
    - ⚡
    :::

    :::{{goal}}
    :kind: security
    :::

    :::{{goal}}
    :kind: reliability
    :::
    """)


@pytest.mark.parametrize(
    ("name", "text", "untitled"),
    [("index.rst", _UNTITLED_RST, ".. goal::"), ("index.md", _UNTITLED_MD, ":::{goal}")],
)
def test_same_text_is_a_duplicate_and_untitled_items_differ(
    tmp_path: Path, name: str, text: str, untitled: str
) -> None:
    """Two bullets with the same text are one goal twice; two untitled goals are told
    apart by their text, not by their lines."""

    def goal_ids(above: str) -> list[str]:
        page = text.format(above=above)
        result = build(write_project(tmp_path / str(len(above)), {name: page}), freshenv=True)
        # the second bullet repeats the first; two goals have no title
        _first, duplicate = lines_of(page, "- ⚡")
        first_untitled, second_untitled = lines_of(page, untitled)
        repeated = digest_id("goal", "⚡")
        assert [(w.file, w.line, w.subtype, w.message) for w in result.warnings] == [
            (name, duplicate, "duplicate", f"duplicate goal id {repeated!r} in this doc"),
            (name, first_untitled, "missing", "goal has no title"),
            (name, second_untitled, "missing", "goal has no title"),
        ]  # in file order
        return [goal["id"] for goal in result.json()["docs"]["index"]["goals"]]

    ids = goal_ids("")
    assert len(set(ids[2:])) == 2
    assert goal_ids("A new line.\n\n") == ids


def test_missing_titles_warn_and_render_the_rest(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        # Home

        :::{goal}
        :kind: performance
        :target: 1 s
        :::

        :::{alternative}
        :why-not: slow

        Body text.
        :::

        After.
        """)
    result = build(write_project(tmp_path, {"index.md": page}), freshenv=True)
    assert [(w.file, w.line, w.subtype, w.message) for w in result.warnings] == [
        ("index.md", line_of(page, ":::{goal}"), "missing", "goal has no title"),
        ("index.md", line_of(page, ":::{alternative}"), "missing", "alternative has no title"),
    ]
    text = result.soup("index").get_text()
    assert "Body text." in text
    assert "After." in text
    assert "slow" in text


def test_wrongly_typed_config_warns_and_falls_back(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        Home
        ====

        .. design-doc::
           :status: draft
        """)
    src = write_project(tmp_path, {"index.rst": page}, conf='designdoc_statuses = ["draft", 3]\n')
    result = build(src, freshenv=True)
    # a start-up warning: no file or line, like Sphinx's own config warnings
    assert [(w.file, w.subtype, w.message) for w in result.warnings] == [
        ("", "config", "designdoc_statuses must be a non-empty list of non-empty strings, "
                   "got ['draft', 3]; using the default"),
    ]  # fmt: skip


def test_custom_statuses_and_use_cases(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        Home
        ====

        .. design-doc::
           :status: proposed

        .. logging-strategy::
           :use-cases: audit

           .. log-use-case:: audit
              :retention: 7y
        """)
    conf = textwrap.dedent("""\
        designdoc_statuses = ["proposed", "accepted"]
        designdoc_log_use_cases = ["audit"]
        """)
    src = write_project(tmp_path, {"index.rst": page}, conf=conf)
    result = build(src, freshenv=True)
    assert result.warnings_text == ""
    checklist = [li.get_text(" ", strip=True) for li in result.soup("index").select(
        "ul.designdoc-checklist li")]  # fmt: skip
    assert checklist == ["\u2611 Audit"]
    assert result.json()["docs"]["index"]["logging"]["details"][0]["retention_days"] == 2555


def test_unknown_options_warn_with_a_suggestion_and_the_directive_renders(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        Home
        ====

        .. alternative:: A
           :why_not: typo
           :colour: red

           Body stays.
        """)
    result = build(write_project(tmp_path, {"index.rst": page}), freshenv=True)
    assert [(w.line, w.subtype, w.message) for w in result.warnings] == [  # in file order
        (line_of(page, ".. alternative::"), "missing", "alternative 'A' has no :why-not:"),
        (
            line_of(page, ":why_not:"),
            "option",
            "unknown option :why_not: of alternative; did you mean 'why-not'?",
        ),
        (line_of(page, ":colour:"), "option", "unknown option :colour: of alternative"),
    ]
    assert "Body stays." in result.soup("index").get_text()


IN_CONTENT = (
    "option :{}: of component is read as content: the options end at a blank line, or at "
    "a line-break character (such as U+000C or U+2028) inside a value"
)


@pytest.mark.parametrize(
    ("name", "page"),
    [
        # a blank line before the options: docutils and MyST read them as content
        (
            "page.rst",
            textwrap.dedent("""\
                Page
                ====

                .. component:: Q

                   :purpose: Holds jobs.
                   :interface: ``put()``

                   Body stays.
                """),
        ),
        (
            "page.md",
            textwrap.dedent("""\
                # Home

                ```{component} Q

                :purpose: Holds jobs.
                :interface: `put()`

                Body stays.
                ```
                """),
        ),
        # MyST ends the options at a form feed in a value; the rest of that line too
        (
            "page.md",
            textwrap.dedent("""\
                # Home

                ```{component} Q
                :class: wide\x0cnarrow
                :purpose: Holds jobs.
                :interface: `put()`

                Body stays.
                ```
                """),
        ),
    ],
)
def test_options_read_as_content_warn_at_their_line(tmp_path: Path, name: str, page: str) -> None:
    files = {"index.rst": PAGE_TOC, name: page}
    result = build(write_project(tmp_path, files), freshenv=True)
    assert [(Path(w.file).name, w.line, w.subtype, w.message) for w in result.warnings] == [
        (name, line_of(page, ":purpose:"), "option", IN_CONTENT.format("purpose")),
        (name, line_of(page, ":interface:"), "option", IN_CONTENT.format("interface")),
    ]
    assert "Body stays." in result.soup("page").get_text()


@pytest.mark.parametrize(
    ("name", "page"),
    [
        (
            "page.rst",
            textwrap.dedent("""\
                Page
                ====

                .. design-goals::

                   .. goal:: G
                      :class: special
                """),
        ),
        (
            "page.md",
            textwrap.dedent("""\
                # Page

                ::::{design-goals}
                :::{goal} G
                :class: special
                :::
                ::::
                """),
        ),
    ],
)
def test_a_nested_directives_options_are_not_its_parents(
    tmp_path: Path, name: str, page: str
) -> None:
    files = {"index.rst": PAGE_TOC, name: page}
    result = build(write_project(tmp_path, files), freshenv=True)
    assert result.warnings_text == ""
    assert result.soup("page").select_one("li.designdoc-goal.special") is not None


NESTED = {
    "page.rst": textwrap.dedent("""\
        Page
        ====

        .. logging-strategy::
           :use-cases: tracing

           Intro.

           .. logging-strategy::
              :pii: user_email
              :privacy: Hashed.

              .. log-use-case:: tracing
                 :fields: user_email

        .. design-goals::

           - Goal

           .. design-goals::

              - Inner goal
        """),
    "page.md": textwrap.dedent("""\
        # Page

        :::::{logging-strategy}
        :use-cases: tracing

        Intro.

        ::::{logging-strategy}
        :pii: user_email
        :privacy: Hashed.

        :::{log-use-case} tracing
        :fields: user_email
        :::
        ::::
        :::::

        ::::{design-goals}
        - Goal

        :::{design-goals}
        - Inner goal
        :::
        ::::
        """),
}
INSIDE = (
    "{} is inside {} (line {}): a section directive belongs at the top level of the page, "
    "after its heading"
)


@pytest.mark.parametrize("name", NESTED)
def test_a_nested_section_directive_warns_and_keeps_its_options(tmp_path: Path, name: str) -> None:
    """The inner logging-strategy's :pii: is merged, not dropped: no false privacy warning."""
    files = {"index.rst": PAGE_TOC, name: NESTED[name]}
    result = build(write_project(tmp_path, files), freshenv=True)
    outer_log, inner_log = lines_of(NESTED[name], "logging-strategy")
    outer_goals, inner_goals = lines_of(NESTED[name], "design-goals")
    assert [(w.file, w.line, w.subtype, w.message) for w in result.warnings] == [
        (name, inner_log, "structure",
         INSIDE.format("logging-strategy", "logging-strategy", outer_log)
         + "; its use cases, PII fields and details are added to the first's"),
        (name, inner_goals, "structure",
         INSIDE.format("design-goals", "design-goals", outer_goals)
         + "; its goals are added to the first's"),
    ]  # fmt: skip
    doc = result.json()["docs"]["page"]
    assert doc["logging"]["use_cases"] == ["tracing"]
    assert doc["logging"]["pii"] == ["user_email"]
    assert doc["logging"]["privacy"] == "Hashed."
    assert sorted(goal["title"] for goal in doc["goals"]) == ["Goal", "Inner goal"]


SWALLOWED = (
    "this ':::' opens an anonymous block that swallows the headings 'Non-Goals', 'Data "
    "Model' (they become rubrics, outside the table of contents); if it was meant to close "
    "a directive, give that directive's fences more colons than the ones inside it, e.g. "
    "'::::{design-goals}' around ':::{goal}'"
)
# {outer} is the fence of design-goals; str.format needs its braces doubled
GOALS_FENCES = textwrap.dedent("""\
    # Page

    ## Goals

    {outer}{{design-goals}}
    :::{{goal}} Fast
    :kind: performance
    :target: 1 s
    :::
    {outer}

    ## Non-Goals

    - None.

    ## Data Model

    Tables.
    """)
# the second {outer}: the fence meant to close design-goals
GOALS_CLOSE = lines_of(GOALS_FENCES, "{outer}")[1]
NEVER_CLOSED = textwrap.dedent("""\
    # Page

    ```{component} Queue
    :purpose: Holds jobs.

    ## Retry budget

    Three.

    ## Data Model

    Tables.
    """)
NEVER_CLOSED_MESSAGE = (
    "the headings 'Data Model' are inside this directive (they become rubrics, outside the "
    "table of contents): close it before them, with a fence as long as its opening one"
)


@pytest.mark.parametrize(
    ("name", "page", "expected", "sections"),
    [
        # the goal's closing ':::' closes design-goals; the next ':::' opens a block
        ("page.md", GOALS_FENCES.format(outer=":::"), [(GOALS_CLOSE, "structure", SWALLOWED)],
         ["Goals"]),
        ("page.md", GOALS_FENCES.format(outer="::::"), [], ["Goals", "Non-Goals", "Data Model"]),
        # never closed: a template heading is swallowed, a heading of the author's own
        # is a rubric by intent
        ("page.md", NEVER_CLOSED,
         [(line_of(NEVER_CLOSED, "```{component}"), "structure", NEVER_CLOSED_MESSAGE)], []),
    ],
)  # fmt: skip
def test_headings_swallowed_by_a_fence_mismatch_warn(
    tmp_path: Path,
    name: str,
    page: str,
    expected: list[tuple[int, str, str]],
    sections: list[str],
) -> None:
    files = {"index.rst": PAGE_TOC, name: page}
    result = build(write_project(tmp_path, files), freshenv=True)
    assert [(w.line, w.subtype, w.message) for w in result.warnings] == expected
    assert [next(h.strings) for h in result.soup("page").select("h2")] == sections


def test_a_fence_mismatch_in_an_included_file_warns_at_that_file(tmp_path: Path) -> None:
    """MyST only: reST has no fence mismatch (the next test)."""
    page = textwrap.dedent("""\
        # Page

        Intro.

        ```{include} part.md.inc
        ```
        """)
    part = GOALS_FENCES.format(outer=":::").replace("# Page\n\n", "")
    files = {"index.rst": PAGE_TOC, "page.md": page, "part.md.inc": part}
    result = build(write_project(tmp_path, files), freshenv=True)
    # the last ':::' of the part, meant to close design-goals
    assert [(w.file, w.line, w.subtype, w.message) for w in result.warnings] == [
        ("part.md.inc", lines_of(part, ":::")[-1], "structure", SWALLOWED)
    ]


def test_a_rest_heading_inside_a_directive_is_an_error_of_docutils(tmp_path: Path) -> None:
    """The reST side of the fence mismatch: docutils reports it at the heading, so the
    extension adds nothing."""
    page = textwrap.dedent("""\
        Page
        ====

        .. design-goals::

           - Fast

           Non-Goals
           ---------
        """)
    files = {"index.rst": PAGE_TOC, "page.rst": page}
    result = build(write_project(tmp_path, files), freshenv=True)
    # docutils 0.22 reports it as an ERROR, 0.21 (with Sphinx 8.1) as CRITICAL, at the
    # heading's underline
    underline = line_of(page, "---------")
    assert re.search(
        rf"page\.rst:{underline}: (ERROR|CRITICAL): Unexpected section title\.",
        result.warnings_text,
    )
    assert "designdoc" not in result.warnings_text


def test_a_changed_stylesheet_replaces_the_old_copy_silently(tmp_path: Path) -> None:
    src = write_project(tmp_path, {"index.rst": "Home\n====\n"})
    first = build(src)
    shipped = first.outdir / "_static" / "designdoc.css"
    original = shipped.read_text(encoding="utf-8")
    shipped.write_text("/* an older version of the stylesheet */\n", encoding="utf-8")
    (src / "index.rst").write_text("Home\n====\n\nChanged.\n", encoding="utf-8")
    again = build(src)
    assert again.warnings_text == ""
    assert shipped.read_text(encoding="utf-8") == original


def test_nitpicky_gives_one_warning_per_unknown_relation(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        Home
        ====

        .. design-doc::
           :supersedes: ghost

        .. log-use-case::
        """)
    src = write_project(tmp_path, {"index.rst": page})
    result = build(src, freshenv=True, confoverrides={"nitpicky": True})
    assert [(w.line, w.subtype, w.message) for w in result.warnings] == [
        (
            line_of(page, ".. log-use-case::"),
            "missing",
            "log-use-case names no use case; expected one of tracing, "
            "error-tracking, user-behavior, performance, security-audit, business-metrics",
        ),
        (line_of(page, ":supersedes:"), "ref", ":supersedes: names unknown design doc 'ghost'"),
    ]


def test_export_json_must_be_a_bool(tmp_path: Path) -> None:
    src = write_project(
        tmp_path, {"index.rst": "Home\n====\n"}, conf='designdoc_export_json = "no"\n'
    )
    result = build(src, freshenv=True)
    assert "designdoc_export_json" in result.warnings_text  # Sphinx's own type warning
    assert (result.outdir / "designdoc.json").is_file()  # the default (True) applies


def test_unknown_index_kind_filter_warns_and_is_ignored(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        Home
        ====

        .. design-doc::
           :status: draft

        .. design-index:: coverage
           :kind: bogus, testing
        """)
    result = build(write_project(tmp_path, {"index.rst": page}), freshenv=True)
    assert [(w.line, w.subtype, w.message) for w in result.warnings] == [
        (
            line_of(page, ":kind: bogus"),
            "option",
            "unknown kind 'bogus'; expected one of overview, background, goals, "
            "non-goals, design, data-model, api-design, error-handling, "
            "logging-strategy, security, testing, migration-plan, alternatives",
        ),
    ]
    assert result.soup("index").select_one("table.designdoc-index-coverage") is not None


def test_pii_index_matches_fields_case_insensitively(tmp_path: Path) -> None:
    page = textwrap.dedent("""\
        Home
        ====

        .. logging-strategy::
           :use-cases: tracing
           :pii: Customer_Email
           :privacy: hashed

           .. log-use-case:: tracing
              :fields: customer_email
              :retention: 2w

        .. design-index:: pii
        """)
    src = write_project(tmp_path, {"index.rst": page})
    result = build(src, freshenv=True)
    assert result.warnings_text == ""
    cells = [td.get_text() for td in result.soup("index").select("table.designdoc-index-pii td")]
    assert cells == ["Customer_Email", "Home", "tracing: 2w (14 days)", "hashed"]


def test_depends_on_another_docs_component(tmp_path: Path) -> None:
    index = textwrap.dedent("""\
        Home
        ====

        .. toctree::

           b

        .. component:: Scheduler
           :depends-on: b.store, b.nothing
        """)
    other = textwrap.dedent("""\
        B
        =

        .. component:: Store
        """)
    src = write_project(tmp_path, {"index.rst": index, "b.rst": other})
    result = build(src, freshenv=True)
    assert [(w.file, w.subtype, w.message) for w in result.warnings] == [
        ("index.rst", "ref", "design:component reference target not found: b.nothing"),
    ]
    assert result.soup("index").select_one('a[href="b.html#component-store"]') is not None


@given(st.text(alphabet=st.sampled_from("aZé9 _-.,;%/\n*`|:@<\\"), max_size=40))
def test_option_text_without_markup_is_not_parsed(text: str) -> None:
    """The shortcut for plain option values gives what the reST inline parser gives."""
    if not _NO_INLINE_MARKUP.fullmatch(text):
        return
    document = new_document("<option>", get_default_settings(Parser))
    inliner = Inliner()
    inliner.init_customizations(document.settings)
    memo = Struct(document=document, reporter=document.reporter, language=get_language("en"))
    parsed, messages = inliner.parse(text, 1, memo, document)
    assert messages == []
    assert [str(node) for node in parsed] == ([text] if text else [])
    assert all(type(node) is nodes.Text for node in parsed)
