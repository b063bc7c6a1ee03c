"""Every config value of the spec: registered with types, a description and its rebuild
scope; wrong types and wrong contents warn at start-up and fall back to the default."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import Build, build, line_of, write_project

SPEC_VALUES = {
    "designdoc_statuses": "env",
    "designdoc_goal_kinds": "env",
    "designdoc_log_use_cases": "env",
    "designdoc_log_standard_fields": "env",
    "designdoc_required_sections": "env",
    "designdoc_section_aliases": "env",
    "designdoc_pii_patterns": "env",
    "designdoc_placeholder_pattern": "env",
    "designdoc_stale_days": "env",
    "designdoc_complete_statuses": "env",
    "designdoc_export_json": "",
    "designdoc_interactive_tables": "html",
}

PAGE = {"index.rst": "Home\n====\n\n.. design-doc::\n   :status: draft\n"}


def test_every_value_is_registered_with_types_and_a_description(tmp_path: Path) -> None:
    app = build(write_project(tmp_path, PAGE), freshenv=True).app
    for name, rebuild in SPEC_VALUES.items():
        option = app.config.values[name]
        assert option.rebuild == rebuild, name
        assert option.valid_types, name
        assert option.description, name


WRONG_TYPES = {
    "designdoc_statuses": "draft, approved",
    "designdoc_section_aliases": ["migration-plan"],
    "designdoc_placeholder_pattern": 3,
    "designdoc_stale_days": True,
    "designdoc_export_json": "no",
    "designdoc_interactive_tables": "yes",
}


@pytest.mark.parametrize(("name", "value"), sorted(WRONG_TYPES.items()))
def test_a_wrongly_typed_value_warns_at_start_up(tmp_path: Path, name: str, value: object) -> None:
    result = build(write_project(tmp_path, PAGE, conf=f"{name} = {value!r}\n"), freshenv=True)
    assert f"The config value `{name}' has type" in result.warnings_text
    assert result.warnings_text.count("WARNING") == 1  # reported once, not also by us
    assert (result.outdir / "index.html").is_file()  # and the build goes on with the default


WRONG_CONTENTS = {
    "designdoc_goal_kinds": (["functional", ""], "a non-empty list of non-empty strings"),
    "designdoc_statuses": ([], "a non-empty list of non-empty strings"),
    "designdoc_export_json": (0, "True or False"),  # Sphinx lets an int pass for a bool
    "designdoc_required_sections": (["goals", "epilogue"], "a list of template sections"),
    "designdoc_section_aliases": ({"epilogue": ["Coda"]}, "a dict from template section"),
    "designdoc_placeholder_pattern": ("[unclosed", "a regular expression"),
    "designdoc_log_use_cases": ([], "a non-empty list"),
    "designdoc_pii_patterns": (["email", 3], "a list of non-empty strings"),
    "designdoc_stale_days": (-1, "a whole number of days (0 or more)"),
    "designdoc_interactive_tables": (1, "True or False"),
}


@pytest.mark.parametrize(("name", "case"), sorted(WRONG_CONTENTS.items()))
def test_wrong_contents_warn_with_the_config_subtype(
    tmp_path: Path, name: str, case: tuple[object, str]
) -> None:
    value, expected = case
    result = build(write_project(tmp_path, PAGE, conf=f"{name} = {value!r}\n"), freshenv=True)
    [warning] = result.warnings
    assert (warning.type, warning.subtype) == ("designdoc", "config")
    assert warning.message.startswith(f"{name} must be {expected}")
    assert warning.message.endswith("; using the default")


def test_changing_a_parsing_value_rereads_every_page(tmp_path: Path) -> None:
    src = write_project(tmp_path, {**PAGE, "other.rst": "Other\n=====\n"})
    statuses = {"designdoc_statuses": ["draft", "done"]}
    build(src)
    again = build(src, confoverrides=statuses)
    assert "[config changed ('designdoc_statuses')] 2 added" in again.status_text
    quiet = build(src, confoverrides={**statuses, "designdoc_export_json": False})
    assert "updating environment: 0 added, 0 changed, 0 removed" in quiet.status_text


def test_a_placeholder_pattern_matching_empty_text_is_refused(tmp_path: Path) -> None:
    conf = 'designdoc_placeholder_pattern = "x*"\n'
    result = build(write_project(tmp_path, PAGE, conf=conf), freshenv=True)
    assert [(w.subtype, w.message) for w in result.warnings] == [
        ("config", "designdoc_placeholder_pattern must be a regular expression that does not "
                   "match empty text, got 'x*'; using the default"),
    ]  # fmt: skip


# -- names are compared in lowercase, in conf.py as on pages -----------------------------

CAPITALISED = """\
designdoc_statuses = ["Draft", "Approved"]
designdoc_complete_statuses = ["APPROVED"]
designdoc_required_sections = ["Overview", "Background"]
designdoc_goal_kinds = ["Functional", "Performance"]
designdoc_log_use_cases = ["Tracing", "Error-Tracking"]
"""
CAPITALISED_PAGES = {
    "rst": """\
Home
====

.. design-doc::
   :status: Approved
   :reviewers: Sam Patel

   Overview.

.. design-goals::

   .. goal:: Fast
      :kind: Performance
      :target: p99 < 200 ms

.. logging-strategy::
   :use-cases: Tracing, error-tracking

   .. log-use-case:: TRACING

   .. log-use-case:: Error-Tracking

.. design-index:: docs
   :status: approved
""",
    "md": """\
# Home

```{design-doc}
:status: Approved
:reviewers: Sam Patel

Overview.
```

::::{design-goals}
:::{goal} Fast
:kind: Performance
:target: p99 < 200 ms
:::
::::

::::{logging-strategy}
:use-cases: Tracing, error-tracking

:::{log-use-case} TRACING
:::

:::{log-use-case} Error-Tracking
:::
::::

```{design-index} docs
:status: approved
```
""",
}


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_capitalised_names_in_conf_match_pages_in_any_case(tmp_path: Path, fmt: str) -> None:
    """``Approved`` in conf.py and ``:status: Approved`` on a page once gave "unknown
    status 'approved'; did you mean 'Approved'?": pages were lowercased, conf.py not."""
    files = {f"index.{fmt}": CAPITALISED_PAGES[fmt]}
    result = build(write_project(tmp_path, files, conf=CAPITALISED), freshenv=True)
    line = line_of(CAPITALISED_PAGES[fmt], "{design-doc}" if fmt == "md" else ".. design-doc::")
    # the one finding: the complete status APPROVED holds the doc to Background
    assert [(w.file, w.line, w.subtype, w.message) for w in result.warnings] == [
        (f"index.{fmt}", line, "missing", "required section 'Background' is missing "
         "('approved' docs need it): add the heading 'Background'"),
    ]  # fmt: skip
    doc = result.json()["docs"]["index"]
    assert doc["status"] == "approved"
    assert [goal["kind"] for goal in doc["goals"]] == ["performance"]
    assert doc["logging"]["use_cases"] == ["tracing", "error-tracking"]
    assert [d["use_case"] for d in doc["logging"]["details"]] == ["tracing", "error-tracking"]
    # the :status: filter of the index matches the doc
    assert result.soup("index").select_one("table.designdoc-index-docs tbody tr") is not None


def config_warnings(result: Build) -> list[tuple[str, str, str]]:
    return [(w.type, w.subtype, w.message) for w in result.warnings if w.subtype == "config"]


REPEATS = {
    "designdoc_required_sections": (
        ["background", "goals", "background"],
        "designdoc_required_sections lists 'background' more than once; the repeats are ignored",
    ),
    "designdoc_statuses": (
        ["draft", "in-review", "Draft"],
        "designdoc_statuses lists 'draft' more than once (as 'draft', 'Draft': names are "
        "compared in lowercase); the repeats are ignored",
    ),
    "designdoc_pii_patterns": (
        ["email", "ip", "email"],
        "designdoc_pii_patterns lists 'email' more than once; the repeats are ignored",
    ),
    "designdoc_log_standard_fields": (
        ["trace_id", "trace_id"],
        "designdoc_log_standard_fields lists 'trace_id' more than once; the repeats are ignored",
    ),
}


@pytest.mark.parametrize(("name", "case"), sorted(REPEATS.items()))
def test_a_repeated_entry_warns_at_start_up(
    tmp_path: Path, name: str, case: tuple[list[str], str]
) -> None:
    value, message = case
    result = build(write_project(tmp_path, PAGE, conf=f"{name} = {value!r}\n"), freshenv=True)
    assert config_warnings(result) == [("designdoc", "config", message)]


def test_a_repeated_required_section_is_reported_once(tmp_path: Path) -> None:
    """A repeated entry once printed every missing-section warning twice."""
    page = {"index.rst": "Home\n====\n\n.. design-doc::\n   :status: in-review\n\n   Text.\n"}
    conf = 'designdoc_required_sections = ["background", "Background"]\n'
    result = build(write_project(tmp_path, page, conf=conf), freshenv=True)
    assert [(w.file, w.line, w.subtype) for w in result.warnings] == [
        ("", 0, "config"),  # a start-up warning: no file, no line
        ("index.rst", line_of(page["index.rst"], "design-doc"), "missing"),
    ]
    assert result.warnings[1].message.startswith("required section 'Background' is missing")


def test_a_complete_status_that_is_no_status_warns(tmp_path: Path) -> None:
    conf = 'designdoc_complete_statuses = ["approved", "reviewed", "Done"]\n'
    result = build(write_project(tmp_path, PAGE, conf=conf), freshenv=True)
    assert config_warnings(result) == [
        ("designdoc", "config", f"designdoc_complete_statuses names {status!r}, which is not "
         "in designdoc_statuses, so no doc can have it; it is ignored")
        for status in ("reviewed", "done")
    ]  # fmt: skip


def test_own_statuses_keep_the_default_complete_statuses_they_name(tmp_path: Path) -> None:
    """With statuses of your own and the default complete statuses, no warning: those
    of ``in-review``, ``approved``, ``implemented`` you kept are checked."""
    page = {
        "index.rst": textwrap.dedent("""\
            Home
            ====

            .. design-doc::
               :status: approved
               :reviewers: Sam

               Text.
            """)
    }
    conf = 'designdoc_statuses = ["draft", "approved"]\ndesigndoc_required_sections = ["goals"]\n'
    result = build(write_project(tmp_path, page, conf=conf), freshenv=True)
    assert [(w.line, w.subtype, w.message) for w in result.warnings] == [
        (line_of(page["index.rst"], "design-doc"), "missing",
         "required section 'Goals' is missing ('approved' docs need it): add "
         "the heading 'Goals' or a design-goals directive"),
    ]  # fmt: skip


@pytest.mark.parametrize("pattern", [r"\b", r"\B", r"(?=\[)", r"(?<=\])", r"\s*"])
def test_a_placeholder_pattern_that_finds_empty_text_anywhere_is_refused(
    tmp_path: Path, pattern: str
) -> None:
    """``\\b`` matches no empty string, but empty text inside every word."""
    conf = f"designdoc_placeholder_pattern = {pattern!r}\n"
    page = {"index.rst": "Home [Feature Name]\n===================\n\n.. design-doc::\n"}
    result = build(write_project(tmp_path, page, conf=conf), freshenv=True)
    assert [(w.subtype, w.message) for w in result.warnings] == [
        ("config", "designdoc_placeholder_pattern must be a regular expression that does not "
                   f"match empty text, got {pattern!r}; using the default"),
        ("placeholder", "template placeholder '[Feature Name]' left in"),
    ]  # fmt: skip


EPOCHS = {
    "253402300800": "a date in the year 10000",
    "-99999999999": "a date before the year 1",
    " 1773964800": "a space before the number",
    "1_773_964_800": "Python's digit separators",
}


@pytest.mark.parametrize("epoch", sorted(EPOCHS))
def test_a_source_date_epoch_that_is_no_date_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    """Values Sphinx itself lets through; the first once crashed the build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = build(write_project(tmp_path, PAGE), freshenv=True)
    assert config_warnings(result) == [
        ("designdoc", "config", "SOURCE_DATE_EPOCH must be a whole number of seconds since "
         f"1970-01-01 UTC, for a date in the years 1 to 9999, got {epoch!r}; using today's "
         "date"),
    ]  # fmt: skip
    assert (result.outdir / "index.html").is_file()


def test_a_source_date_epoch_before_1970_is_a_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "-86400")  # what `date +%s` prints for 1969-12-31
    page = {
        "index.rst": textwrap.dedent("""\
            Home
            ====

            .. design-doc::
               :status: in-review
               :updated: 1969-11-01

               Text.
            """)
    }
    conf = 'designdoc_required_sections = ["overview"]\n'
    result = build(write_project(tmp_path, page, conf=conf), freshenv=True)
    assert [w.message for w in result.warnings] == [
        "in review but last updated 1969-11-01, 60 days ago (designdoc_stale_days is 30)"
    ]
