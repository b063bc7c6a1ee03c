"""Every warning: type ``designdoc``, its subtype, the file and line, and a clear message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import ROOTS, Build, build, copy_root, line_of, lines_of, write_project
from sphinx_designdoc.sections.option_lines import option_offsets

WARNINGS = ROOTS / "test-warnings"

# Each fault, found in the same faults written in RST and MyST by a marker on its line: a
# fault in an option is reported at the option's own line, others at their directive's.
MARKERS = {
    "status": ":status: in-revew",
    "created": ":created: 2026-02-30",
    "updated": ":updated: March 3",
    "supersedes": ":supersedes: nowhere",
    "kind2": ":kind: scalabilty",
    "use-cases": ":use-cases:",
    "pii": ":pii:",
    "retention": ":retention: forever",
    "alt": "Do nothing",
    "refs": "See ",
}


def fault_lines(file: str) -> dict[str, int]:
    """The line of each fault of ``file`` in the test-warnings root."""
    path = WARNINGS / file
    at = {name: line_of(path, marker) for name, marker in MARKERS.items()}
    # two goals 'Be quick': the first lacks its target, the second repeats its id
    at["goal1"], at["goal3"] = lines_of(path, "Be quick")
    return at


FILES = ("faults.rst", "faults_md.md")


def expected_for(file: str) -> set[tuple[str, int, str, str]]:
    at = fault_lines(file)
    return {
        (file, at["status"], "option", "unknown status 'in-revew'; did you mean 'in-review'?"),
        (file, at["created"], "option", "bad :created: date '2026-02-30'; expected YYYY-MM-DD"),
        (file, at["updated"], "option", "bad :updated: date 'March 3'; expected YYYY-MM-DD"),
        (file, at["supersedes"], "ref", ":supersedes: names unknown design doc 'nowhere'"),
        (file, at["goal1"], "missing", "performance goal 'Be quick' has no :target:"),
        (
            file,
            at["kind2"],
            "option",
            "unknown goal kind 'scalabilty'; did you mean 'scalability'?",
        ),
        (file, at["goal3"], "duplicate", "duplicate goal id 'be-quick' in this doc"),
        (
            file,
            at["use-cases"],
            "option",
            "unknown log use case 'auditing'; expected one of "
            "tracing, error-tracking, user-behavior, performance, security-audit, business-metrics",
        ),
        (
            file,
            at["use-cases"],
            "missing",
            "log use case 'security-audit' is selected but has no log-use-case details",
        ),
        (file, at["pii"], "missing", ":pii: fields are listed without :privacy: notes"),
        (
            file,
            at["retention"],
            "option",
            "unparseable :retention: 'forever'; use e.g. 14d, 2w, 6m, 1y, '90 days' or P30D",
        ),
        (file, at["alt"], "missing", "alternative 'Do nothing' has no :why-not:"),
        (file, at["refs"], "ref", "design:goal reference target not found: missing-goal"),
        (file, at["refs"], "ref", "design:doc reference target not found: ghost"),
    }


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("warnings", tmp_path_factory.mktemp("w")), freshenv=True)


def actual(result: Build, file: str) -> set[tuple[str, int, str, str]]:
    return {(w.file, w.line, w.subtype, w.message) for w in result.warnings if w.file == file}


@pytest.mark.parametrize("file", FILES)
def test_each_fault_warns_once_at_its_line(result: Build, file: str) -> None:
    expected = expected_for(file)
    if file == "faults.rst":
        # a second design-doc on the page, and the first's id also used by dup.rst
        first, second = lines_of(WARNINGS / file, ".. design-doc::")
        expected |= {
            (
                file,
                second,
                "duplicate",
                "a page holds at most one design-doc; this one "
                f"is not collected (the first is at line {first})",
            ),
            (
                file,
                line_of(WARNINGS / file, ":id: faulty"),
                "duplicate",
                "duplicate design doc id 'faulty'; also used by 'dup'",
            ),
        }
    assert actual(result, file) == expected
    found = [w for w in result.warnings if w.file == file]
    assert len(found) == len(expected), "a warning was emitted twice"


def test_every_warning_is_typed_designdoc(result: Build) -> None:
    assert result.warnings
    assert {w.type for w in result.warnings} == {"designdoc"}
    # nothing but our warnings: each line of output is one parsed warning
    assert len(result.warnings) == result.warnings_text.count("WARNING:")


def test_index_query_faults(result: Build) -> None:
    index = WARNINGS / "index.rst"
    assert actual(result, "index.rst") == {
        (
            "index.rst",
            line_of(index, ":: gaols"),
            "option",
            "unknown design-index kind 'gaols'; did you mean 'goals'?",
        ),
        (
            "index.rst",
            line_of(index, ":status: aproved"),
            "option",
            "unknown status 'aproved'; did you mean 'approved'?",
        ),
        (
            "index.rst",
            line_of(index, ":kind: speed"),
            "option",
            "unknown kind 'speed'; expected one of functional, "
            "performance, scalability, reliability, security, operability",
        ),
        (
            "index.rst",
            line_of(index, ":columns:"),
            "option",
            "unknown column 'colour'; expected one of doc, goal, kind, target, status",
        ),
    }


def test_faulty_pages_still_render_everything(result: Build) -> None:
    for page in ("faults", "faults_md"):
        text = result.soup(page).get_text(" ", strip=True)
        for shown in ("Be quick", "Grow", "Do nothing", "forever", "Tracing", "in-revew"):
            assert shown in text, (page, shown)


def test_suppress_warnings_silences_a_subtype(tmp_path) -> None:
    quiet = build(
        copy_root("warnings", tmp_path),
        freshenv=True,
        confoverrides={"suppress_warnings": ["designdoc.missing", "designdoc.option"]},
    )
    subtypes = {w.subtype for w in quiet.warnings}
    assert subtypes == {"duplicate", "ref"}


def test_myst_link_in_a_title_warns_at_its_line(tmp_path: Path) -> None:
    """Found by the fuzz test: a dangling MyST link in an item's title warned without a
    line, as the heading around it had line 0."""
    srcdir = write_project(
        tmp_path,
        {
            "index.rst": textwrap.dedent("""\
                Home
                ====

                .. toctree::

                   md
                """),
            "md.md": textwrap.dedent("""\
                # MD

                Text.

                :::{open-question} Which [link](#nowhere)?
                :resolution: see [x](#nothing)
                :::
                """),
        },
    )
    result = build(srcdir, freshenv=True)
    md = srcdir / "md.md"
    assert {(w.file, w.line, w.message) for w in result.warnings} == {
        (
            "md.md",
            line_of(md, "{open-question}"),
            "'myst' cross-reference target not found: 'nowhere'",
        ),
        (
            "md.md",
            line_of(md, ":resolution:"),
            "'myst' cross-reference target not found: 'nothing'",
        ),
    }


@pytest.mark.parametrize("retention", ["9" * 400 + "d", "P" + "9" * 5000 + "D"])
def test_huge_retention_warns_instead_of_crashing(tmp_path: Path, retention: str) -> None:
    """Found by the fuzz test: a number too long for float() (infinity) or int() (over
    4300 digits) in ``:retention:`` crashed the build."""
    page = textwrap.dedent(f"""\
        Logs
        ====

        .. logging-strategy::
           :use-cases: tracing

           .. log-use-case:: tracing
              :retention: {retention}

        .. design-index:: logging
        """)
    result = build(write_project(tmp_path, {"index.rst": page}), freshenv=True)
    [warning] = result.warnings
    assert (warning.file, warning.line, warning.subtype) == (
        "index.rst",
        line_of(page, ":retention:"),
        "option",
    )
    assert warning.message.startswith(f"unparseable :retention: '{retention[:20]}")
    assert result.json()["docs"]["index"]["logging"]["details"][0]["retention_days"] is None


# -- "did you mean" for references: roles, relations, depends-on ------------------------

TARGETS = {
    "rst": textwrap.dedent("""\
        Payment Retry
        =============

        .. design-doc::
           :id: payment-retry
           :status: draft

           Retry payments.

        .. design-goals::

           .. goal:: Fast scheduling
              :id: p99-latency

        .. component:: Gateway
           :id: gateway

        .. component:: Ledger
        """),
    "md": textwrap.dedent("""\
        # Payment Retry

        ```{design-doc}
        :id: payment-retry
        :status: draft

        Retry payments.
        ```

        ::::{design-goals}
        :::{goal} Fast scheduling
        :id: p99-latency
        :::
        ::::

        :::{component} Gateway
        :id: gateway
        :::

        :::{component} Ledger
        :::
        """),
}
MISTYPED = {
    "rst": textwrap.dedent("""\
        Checkout
        ========

        .. design-doc::
           :id: checkout
           :requires: payment-retyr

           Pay.

        .. component:: Scheduler
           :depends-on: ledgr, gateway, payment-retry.gatewy

        .. component:: Ledger

        See :design:goal:`p99-latncy`, :design:goal:`p99-latency`, :design:doc:`payment-retyr`.

        And :design:component:`ledgre`, :design:ref:`gatway`, :design:goal:`nothing-like-it`.
        """),
    "md": textwrap.dedent("""\
        # Checkout

        ```{design-doc}
        :id: checkout
        :requires: payment-retyr

        Pay.
        ```

        :::{component} Scheduler
        :depends-on: ledgr, gateway, payment-retry.gatewy
        :::

        :::{component} Ledger
        :::

        See {design:goal}`p99-latncy`, {design:goal}`p99-latency`, {design:doc}`payment-retyr`.

        And {design:component}`ledgre`, {design:ref}`gatway`, {design:goal}`nothing-like-it`.
        """),
}


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_reference_warnings_say_did_you_mean(tmp_path: Path, fmt: str) -> None:
    """A near id of this doc is suggested bare (before another doc's 'ledger'), one of
    another doc qualified, and so is an id that exists only in another doc."""
    text = MISTYPED[fmt]
    # shop sorts last
    index = textwrap.dedent("""\
        Home
        ====

        .. toctree::

           payment_retry
           shop
        """)
    files = {"index.rst": index, f"payment_retry.{fmt}": TARGETS[fmt], f"shop.{fmt}": text}
    result = build(write_project(tmp_path, files), freshenv=True)
    file = f"shop.{fmt}"
    requires, depends = line_of(text, ":requires:"), line_of(text, ":depends-on:")
    see, also = line_of(text, "See "), line_of(text, "And ")
    not_found = "reference target not found"
    assert set(actual(result, file)) == {
        (file, requires, "ref",
         ":requires: names unknown design doc 'payment-retyr'; did you mean 'payment-retry'?"),
        (file, depends, "ref", "component 'Scheduler' depends on 'ledgr', which is no "
         "component of this doc; did you mean 'ledger'?"),
        (file, depends, "ref", "component 'Scheduler' depends on 'gateway', which is no "
         "component of this doc; did you mean 'payment-retry.gateway'?"),
        (file, depends, "ref", f"design:component {not_found}: payment-retry.gatewy; "
         "did you mean 'payment-retry.gateway'?"),
        (file, see, "ref", f"design:goal {not_found}: p99-latncy; "
         "did you mean 'payment-retry.p99-latency'?"),
        (file, see, "ref", f"design:goal {not_found}: p99-latency; "
         "did you mean 'payment-retry.p99-latency'?"),
        (file, see, "ref", f"design:doc {not_found}: payment-retyr; "
         "did you mean 'payment-retry'?"),
        (file, also, "ref", f"design:component {not_found}: ledgre; did you mean 'ledger'?"),
        (file, also, "ref", f"design:ref {not_found}: gatway; "
         "did you mean 'payment-retry.gateway'?"),
        (file, also, "ref", f"design:goal {not_found}: nothing-like-it"),
    }  # fmt: skip
    assert len(result.warnings) == 10


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_a_two_valued_kind_lists_both_values(tmp_path: Path, fmt: str) -> None:
    """'unresolved' is nearest to 'resolved', the opposite of what it means: with this
    few values the warning lists them instead of guessing."""
    page = {
        "rst": textwrap.dedent("""\
            Questions
            =========

            .. design-index:: questions
               :kind: unresolved
            """),
        "md": textwrap.dedent("""\
            # Questions

            ```{design-index} questions
            :kind: unresolved
            ```
            """),
    }[fmt]
    index = textwrap.dedent("""\
        Home
        ====

        .. toctree::

           questions
        """)
    result = build(write_project(tmp_path, {"index.rst": index, f"questions.{fmt}": page}),
                   freshenv=True)  # fmt: skip
    assert actual(result, f"questions.{fmt}") == {
        (f"questions.{fmt}", line_of(page, ":kind:"), "option",
         "unknown kind 'unresolved'; expected one of open, resolved"),
    }  # fmt: skip


# The same faults in a file pulled in with ``include``: a goal without its target, a goal
# kind and an index status that are misspelt (each on its option's line), an alternative
# without its reason, and a placeholder.
# the index of the tests that build one page beside it
PAGE_TOC = textwrap.dedent("""\
    Home
    ====

    .. toctree::

       page
    """)
INCLUDED = {
    "rst": (
        "page.rst",
        textwrap.dedent("""\
            Page
            ====

            .. design-doc::
               :status: draft

               Overview.

            .. include:: part.rst.inc
            """),
        "part.rst.inc",
        textwrap.dedent("""\
            Included
            --------

            .. design-goals::

               .. goal:: Fast
                  :kind: performance

               .. goal:: Grow
                  :kind: scalabilty

            .. alternative:: Nothing

            .. design-index:: goals
               :status: aproved

            Some [Feature Name] here.
            """),
    ),
    "myst": (
        "page.md",
        textwrap.dedent("""\
            # Page

            ```{design-doc}
            :status: draft

            Overview.
            ```

            ```{include} part.md.inc
            ```
            """),
        "part.md.inc",
        # the blank line after '::::{design-goals}': MyST adds a line before a fence right
        # after a fence
        textwrap.dedent("""\
            ## Included

            ::::{design-goals}

            :::{goal} Fast
            :kind: performance
            :::

            :::{goal} Grow
            :kind: scalabilty
            :::
            ::::

            :::{alternative} Nothing
            :::

            ```{design-index} goals
            :status: aproved
            ```

            Some [Feature Name] here.
            """),
    ),
}


@pytest.mark.parametrize("form", sorted(INCLUDED))
def test_included_content_warns_at_the_included_file(tmp_path: Path, form: str) -> None:
    """Each warning names the file the text is in and its line there, not the including
    page with the included file's line."""
    page, page_text, part, part_text = INCLUDED[form]
    at = {
        fault: line_of(part_text, marker)
        for fault, marker in {
            "fast": "Fast",
            "grow": ":kind: scalabilty",
            "alt": "Nothing",
            "index": ":status: aproved",
            "placeholder": "[Feature Name]",
        }.items()
    }
    files = {"index.rst": PAGE_TOC, page: page_text}
    result = build(write_project(tmp_path, {**files, part: part_text}), freshenv=True)
    assert {(w.file, w.line, w.subtype, w.message) for w in result.warnings} == {
        (part, at["fast"], "missing", "performance goal 'Fast' has no :target:"),
        (part, at["grow"], "option", "unknown goal kind 'scalabilty'; did you mean 'scalability'?"),
        (part, at["alt"], "missing", "alternative 'Nothing' has no :why-not:"),
        (part, at["index"], "option", "unknown status 'aproved'; did you mean 'approved'?"),
        (part, at["placeholder"], "placeholder", "template placeholder '[Feature Name]' left in"),
    }


# Faulty options on their own lines, after values that take more than one line: reST
# fields (and an argument on two lines), MyST ``:key:`` lines and a MyST YAML block.
OPTION_LINES = {
    "page.rst": textwrap.dedent("""\
            Page
            ====

            .. design-doc::
               :authors: Ann,
                  Bob
               :status: in-revew
               :created: 2026-02-30

               Overview.

            .. component:: Queue
               of jobs
               :depends-on: nothing

            .. logging-strategy::
               :use-cases: tracing
               :privacy: hashed,
                  salted

               .. log-use-case:: tracing
                  :fields: email
                  :retention: forever
            """),
    "fields.md": textwrap.dedent("""\
            # Page

            ```{design-doc}
            :authors: Ann, Bob
            :status: in-revew
            :created: 2026-02-30

            Overview.
            ```

            ```{component} Queue of jobs
            :depends-on: nothing
            ```

            ````{logging-strategy}
            :use-cases: tracing
            :privacy: hashed, salted

            ```{log-use-case} tracing
            :fields: email
            :retention: forever
            ```
            ````
            """),
    "yaml.md": textwrap.dedent("""\
            # Page

            ```{design-doc}
            ---
            authors: |
              Ann,
              Bob

            status: in-revew
            created: 2026-02-30
            ---
            Overview.
            ```

            ```{component} Queue of jobs
            ---
            depends-on: nothing
            ---
            ```

            ````{logging-strategy}
            ---
            use-cases: tracing
            privacy: >
              hashed,
              salted
            ---
            ```{log-use-case} tracing
            ---
            fields: email
            retention: forever
            ---
            ```
            ````
            """),
}


@pytest.mark.parametrize("name", sorted(OPTION_LINES))
def test_option_warnings_point_at_the_option_line(tmp_path: Path, name: str) -> None:
    text = OPTION_LINES[name]
    at = {
        option: line_of(text, marker)
        for option, marker in {
            "status": "in-revew",
            "created": "2026-02-30",
            "depends-on": "depends-on",
            "fields": "fields: email",
            "retention": "retention: forever",
        }.items()
    }
    files = {"index.rst": PAGE_TOC, name: text}
    if name != "page.rst":
        files["index.rst"] = files["index.rst"].replace("page", name.removesuffix(".md"))
    result = build(write_project(tmp_path, files), freshenv=True)
    assert {(w.file, w.line, w.subtype, w.message) for w in result.warnings} == {
        (name, at["status"], "option", "unknown status 'in-revew'; did you mean 'in-review'?"),
        (name, at["created"], "option", "bad :created: date '2026-02-30'; expected YYYY-MM-DD"),
        (
            name,
            at["depends-on"],
            "ref",
            "component 'Queue of jobs' depends on 'nothing', which is no component of this doc",
        ),
        (
            name,
            at["fields"],
            "privacy",
            "logged field 'email' looks like personal data ('email') but is not listed in :pii:",
        ),
        (
            name,
            at["retention"],
            "option",
            "unparseable :retention: 'forever'; use e.g. 14d, 2w, 6m, 1y, '90 days' or P30D",
        ),
    }


@pytest.mark.parametrize(
    ("block_text", "offsets"),
    [
        (".. goal:: Fast\n   :kind: performance\n   :target: 1 s\n", {"kind": 1, "target": 2}),
        # an argument on two lines; a value on two lines; a field after a blank line is content
        (".. goal:: Be\n   fast\n   :target: p99\n      < 1 s\n   :kind: performance\n\n"
         "   :id: no\n", {"target": 2, "kind": 4}),
        # reST options may start on the directive's line
        (".. goal:: :kind: performance\n", {"kind": 0}),
        ("```{goal} Fast\n:kind: performance\n:target: 1 s\n```\n", {"kind": 1, "target": 2}),
        # a MyST YAML block, with a value on two lines
        (":::{goal} Fast\n---\ntarget: |\n  1 s\n\nkind: performance\n---\n:::\n",
         {"target": 2, "kind": 5}),
        # MyST before 5.2 gives only the content: no option line is known
        ("Body text.\n:kind: performance\n", {}),
        # another directive's text (a nested one, first in an older MyST's content)
        (":::{alternative} Slow\n:why-not: slow\n:::\n", {}),
    ],
)  # fmt: skip
def test_option_lines_are_read_from_the_directive_text(
    block_text: str, offsets: dict[str, int]
) -> None:
    assert option_offsets(block_text, "goal") == offsets


LEADING_TRANSITION = """\
# Leading rules

::::{log-use-case} tracing
:::{design-doc}

***

The overview.
:::
::::

:::{non-goals}

***

- Not this.
:::

:::{security-considerations}

***

Prose.
:::
"""


def test_a_transition_beginning_a_directive_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """MyST reads a leading ``***`` as a transition, which docutils 0.21 stops the build
    on (an assertion error) anywhere but at a section's top level: each is a
    ``structure`` warning at its line, and the rest of the page is built."""
    srcdir = write_project(tmp_path, {"index.md": LEADING_TRANSITION})
    result = build(srcdir, freshenv=True)
    transitions = [w for w in result.warnings if "transition" in w.message]
    nested, *top_level = lines_of(LEADING_TRANSITION, "***")
    # MyST numbers the lines of a directive written on the line after a colon fence
    # without options one line late, in its own warnings too (docs/roadmap.md, Known
    # limitations); the others are exact
    assert [(w.subtype, w.line) for w in transitions] == [
        ("structure", line) for line in (nested + 1, *top_level)
    ]
    assert {w.message.split(" begins")[0] for w in transitions} == {
        "the content of design-doc",
        "the content of non-goals",
        "the content of security-considerations",
    }
    page = result.soup("index")
    assert page.select("div.designdoc-doc hr, div.designdoc-non-goals hr") == []
    assert "The overview." in page.get_text()
    assert "Not this." in page.get_text()
    assert result.json()["docs"]["index"]["non_goals"] == ["Not this."]
