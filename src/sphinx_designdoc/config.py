"""Configuration values: registration, start-up validation, and the pure ``Settings``.

Every value is registered with its types, a description and ``"env"`` rebuild (pages
are re-read when it changes, since warnings and collected data depend on it), except
``designdoc_export_json`` which only decides whether a file is written.  A value of the
right type but wrong content (say a list holding a number, or a pattern that is no
regular expression) gets a ``designdoc.config`` warning and its default is used.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sphinx.util import logging

from sphinx_designdoc.settings import TEMPLATE_SECTIONS, Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger("sphinx_designdoc")

_DEFAULTS = Settings()
_LIST = frozenset({list, tuple})


def _is_name_list(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(
        isinstance(item, str) and item.strip() for item in value
    )


def _is_choices(value: object) -> bool:
    """A non-empty list of names: with no choice at all, every value would be wrong."""
    return _is_name_list(value) and bool(value)


def _is_sections(value: object) -> bool:
    return _is_name_list(value) and set(value) <= set(TEMPLATE_SECTIONS)  # type: ignore[call-overload]


def _is_aliases(value: object) -> bool:
    return isinstance(value, dict) and all(
        key in TEMPLATE_SECTIONS and _is_name_list(titles) for key, titles in value.items()
    )


def _is_pattern(value: object) -> bool:
    """A regular expression that cannot match empty text (which would flag every line)."""
    if not isinstance(value, str):
        return False
    try:
        return re.compile(value).search("") is None
    except re.error:
        return False


def _is_days(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@dataclass(frozen=True)
class _Value:
    """One config value: its default, accepted types, content check and meaning."""

    default: Any
    types: frozenset[type]
    valid: Callable[[object], bool]
    expected: str
    description: str
    rebuild: Literal["", "env"] = "env"


VALUES: dict[str, _Value] = {
    "designdoc_statuses": _Value(
        list(_DEFAULTS.statuses), _LIST, _is_choices, "a non-empty list of non-empty strings",
        "the statuses a design doc may have"),
    "designdoc_goal_kinds": _Value(
        list(_DEFAULTS.goal_kinds), _LIST, _is_choices, "a non-empty list of non-empty strings",
        "the kinds a goal may have"),
    "designdoc_log_use_cases": _Value(
        list(_DEFAULTS.log_use_cases), _LIST, _is_choices, "a non-empty list of non-empty strings",
        "the logging use cases of the template"),
    "designdoc_log_standard_fields": _Value(
        list(_DEFAULTS.log_standard_fields), _LIST, _is_name_list,
        "a list of non-empty strings", "fields every log record carries"),
    "designdoc_required_sections": _Value(
        list(_DEFAULTS.required_sections), _LIST, _is_sections,
        f"a list of template sections ({', '.join(TEMPLATE_SECTIONS)})",
        "the sections a complete design doc must have"),
    "designdoc_section_aliases": _Value(
        {}, frozenset({dict}), _is_aliases,
        "a dict from template section to a list of extra section titles",
        "extra section titles that count as a template section"),
    "designdoc_pii_patterns": _Value(
        list(_DEFAULTS.pii_patterns), _LIST, _is_name_list, "a list of non-empty strings",
        "words of a logged field name that mark it as personal data"),
    "designdoc_placeholder_pattern": _Value(
        _DEFAULTS.placeholder_pattern, frozenset({str}), _is_pattern,
        "a regular expression that does not match empty text",
        "template placeholder text that must not be left in"),
    "designdoc_stale_days": _Value(
        _DEFAULTS.stale_days, frozenset({int}), _is_days, "a whole number of days (0 or more)",
        "days after which a doc in review without an :updated: date change is stale"),
    "designdoc_complete_statuses": _Value(
        list(_DEFAULTS.complete_statuses), _LIST, _is_name_list,
        "a list of non-empty strings", "statuses of docs that must have every required section"),
    "designdoc_export_json": _Value(
        _DEFAULTS.export_json, frozenset({bool}), lambda v: isinstance(v, bool), "True or False",
        "write designdoc.json beside the HTML output", rebuild=""),
}  # fmt: skip


def register(app: Sphinx) -> None:
    """Register every config value with its types, description and rebuild scope."""
    for name, value in VALUES.items():
        app.add_config_value(
            name, value.default, value.rebuild, types=value.types, description=value.description
        )
    app.connect("config-inited", check_config)


def check_config(app: Sphinx, config: Config) -> None:
    """Warn about values of the right type but wrong content (the default is used)."""
    for name, spec in VALUES.items():
        value = config[name]
        if not spec.valid(value) and not _sphinx_warns(value, spec.types):
            logger.warning(
                "%s must be %s, got %r; using the default",
                name, spec.expected, value, type="designdoc", subtype="config",
            )  # fmt: skip


def _sphinx_warns(value: object, types: frozenset[type]) -> bool:
    """Whether Sphinx's own type check already reports ``value`` (an int given for a
    bool slips through it), so that each mistake is reported exactly once."""
    return type(value) not in types and not (types == {bool} and type(value) is int)


def _get(config: Config, name: str) -> Any:
    value = config[name]
    return value if VALUES[name].valid(value) else VALUES[name].default


def build_date() -> dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def get_settings(config: Config) -> Settings:
    """The settings for this build, falling back to defaults for invalid values."""

    def names(name: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in _get(config, name))

    aliases = _get(config, "designdoc_section_aliases")
    return Settings(
        statuses=names("designdoc_statuses"),
        goal_kinds=names("designdoc_goal_kinds"),
        log_use_cases=names("designdoc_log_use_cases"),
        log_standard_fields=names("designdoc_log_standard_fields"),
        required_sections=names("designdoc_required_sections"),
        section_aliases=tuple((key, tuple(titles)) for key, titles in sorted(aliases.items())),
        pii_patterns=tuple(item.lower() for item in names("designdoc_pii_patterns")),
        placeholder_pattern=_get(config, "designdoc_placeholder_pattern"),
        stale_days=_get(config, "designdoc_stale_days"),
        complete_statuses=names("designdoc_complete_statuses"),
        export_json=_get(config, "designdoc_export_json"),
        today=build_date(),
    )
