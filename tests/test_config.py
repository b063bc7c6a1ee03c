"""Every config value of the spec: registered with types, a description and its rebuild
scope; wrong types and wrong contents warn at start-up and fall back to the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build, write_project

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
