"""Configuration values: registration, start-up validation, and the pure ``Settings``.

Every value is registered with its types, a description and ``"env"`` rebuild (pages
are re-read when it changes, since warnings and collected data depend on it), except
``designdoc_export_json`` which only decides whether a file is written, and
``designdoc_interactive_tables``, which only changes HTML pages (``"html"``).  A value of the
right type but wrong content (say a list holding a number, or a pattern that is no
regular expression) gets a ``designdoc.config`` warning and its default is used.

Names (statuses, goal kinds, use cases, section keys) are compared in lowercase, in
``conf.py`` as in pages (:func:`~sphinx_designdoc.values.name_key`): they are ids that
the lifecycle rules, CSS classes, ``:status:`` filters and the JSON use, so ``Approved``
in ``conf.py`` and ``:status: approved`` on a page are the same status.  What can never
match is reported at start-up instead: a repeated entry, a complete status that is no
status, a placeholder pattern that finds empty text, a ``SOURCE_DATE_EPOCH`` that is no
date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sphinx_designdoc.model import Finding
from sphinx_designdoc.settings import TEMPLATE_SECTIONS, Settings
from sphinx_designdoc.values import name_key

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config


_DEFAULTS = Settings()
_LIST = frozenset({list, tuple})


def _is_name_list(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(
        isinstance(item, str) and item.strip() for item in value
    )


def _is_choices(value: object) -> bool:
    """A non-empty list of names: with no choice at all, every value would be wrong."""
    return _is_name_list(value) and bool(value)


def _is_section(key: object) -> bool:
    return isinstance(key, str) and name_key(key) in TEMPLATE_SECTIONS


def _is_sections(value: object) -> bool:
    return _is_name_list(value) and all(map(_is_section, value))  # type: ignore[call-overload]


def _is_aliases(value: object) -> bool:
    return isinstance(value, dict) and all(
        _is_section(key) and _is_name_list(titles) for key, titles in value.items()
    )


#: Texts a placeholder pattern is tried on at start-up: words, spaces, punctuation,
#: brackets, digits and a line break, where ``\b``, ``^``, ``$``, lookarounds and ``x*``
#: all find empty text.
_PROBES = ("", "Word", "two words, and more.", "[Feature Name]", "snake_case-id.v2 (42)",
           "line one\nline two")  # fmt: skip


def _is_pattern(value: object) -> bool:
    r"""A regular expression that finds no empty text: an empty match is no placeholder,
    and a pattern that finds one (``\b`` inside any word) flags every line."""
    if not isinstance(value, str):
        return False
    try:
        pattern = re.compile(value)
    except re.error:
        return False
    return not any(m.start() == m.end() for text in _PROBES for m in pattern.finditer(text))


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
    rebuild: Literal["", "env", "html"] = "env"
    #: For a list: each entry as the settings hold it; two entries alike after it repeat.
    entry: Callable[[str], str] | None = None


VALUES: dict[str, _Value] = {
    "designdoc_statuses": _Value(
        list(_DEFAULTS.statuses), _LIST, _is_choices, "a non-empty list of non-empty strings",
        "the statuses a design doc may have", entry=name_key),
    "designdoc_goal_kinds": _Value(
        list(_DEFAULTS.goal_kinds), _LIST, _is_choices, "a non-empty list of non-empty strings",
        "the kinds a goal may have", entry=name_key),
    "designdoc_log_use_cases": _Value(
        list(_DEFAULTS.log_use_cases), _LIST, _is_choices, "a non-empty list of non-empty strings",
        "the logging use cases of the template", entry=name_key),
    "designdoc_log_standard_fields": _Value(
        list(_DEFAULTS.log_standard_fields), _LIST, _is_name_list,
        "a list of non-empty strings", "fields every log record carries", entry=str.strip),
    "designdoc_required_sections": _Value(
        list(_DEFAULTS.required_sections), _LIST, _is_sections,
        f"a list of template sections ({', '.join(TEMPLATE_SECTIONS)})",
        "the sections a complete design doc must have", entry=name_key),
    "designdoc_section_aliases": _Value(
        {}, frozenset({dict}), _is_aliases,
        "a dict from template section to a list of extra section titles",
        "extra section titles that count as a template section"),
    "designdoc_pii_patterns": _Value(
        list(_DEFAULTS.pii_patterns), _LIST, _is_name_list, "a list of non-empty strings",
        "words of a logged field name that mark it as personal data", entry=name_key),
    "designdoc_placeholder_pattern": _Value(
        _DEFAULTS.placeholder_pattern, frozenset({str}), _is_pattern,
        "a regular expression that does not match empty text",
        "template placeholder text that must not be left in"),
    "designdoc_stale_days": _Value(
        _DEFAULTS.stale_days, frozenset({int}), _is_days, "a whole number of days (0 or more)",
        "days after which a doc in review without an :updated: date change is stale"),
    "designdoc_complete_statuses": _Value(
        list(_DEFAULTS.complete_statuses), _LIST, _is_name_list,
        "a list of non-empty strings", "statuses of docs that must have every required section",
        entry=name_key),
    "designdoc_export_json": _Value(
        _DEFAULTS.export_json, frozenset({bool}), lambda v: isinstance(v, bool), "True or False",
        "write designdoc.json beside the HTML output", rebuild=""),
    "designdoc_baseline": _Value(
        None, frozenset({str, type(None)}), lambda v: v is None or bool(str(v).strip()),
        "a path (from the conf dir) or None", "findings not to warn about: the baseline "
        "file that sphinx-designdoc baseline writes", rebuild=""),
    "designdoc_interactive_tables": _Value(
        True, frozenset({bool}), lambda v: isinstance(v, bool), "True or False",
        "sort and filter design-index tables in HTML output (one small script)",
        rebuild="html"),
}  # fmt: skip


def register(app: Sphinx) -> None:
    """Register every config value with its types, description and rebuild scope."""
    for name, value in VALUES.items():
        app.add_config_value(
            name, value.default, value.rebuild, types=value.types, description=value.description
        )


def config_findings(config: Config) -> list[Finding]:
    """Values of the right type but wrong content (the default is used), and entries
    that can never match (they are left out): each a ``config`` finding about its
    value's name (:mod:`sphinx_designdoc.review` warns them as the build starts)."""
    found: list[Finding] = []

    def finding(about: str, message: str, *args: object) -> None:
        found.append(Finding("config", message % args, "", about=about))

    for name, spec in VALUES.items():
        value = config[name]
        if not spec.valid(value):
            if not _sphinx_warns(value, spec.types):
                finding(name, "%s must be %s, got %r; using the default",
                        name, spec.expected, value)  # fmt: skip
        elif spec.entry is not None:
            for key, written in _repeats(value, spec.entry).items():
                cased = len(set(written)) > 1
                how = f" (as {', '.join(map(repr, written))}: names are compared in lowercase)"
                finding(f"{name}:{key}", "%s lists %r more than once%s; the repeats are "
                        "ignored", name, key, how if cased else "")  # fmt: skip
    for status in _not_statuses(config):
        finding(f"designdoc_complete_statuses:{status}", "designdoc_complete_statuses names "
                "%r, which is not in designdoc_statuses, so no doc can have it; it is "
                "ignored", status)  # fmt: skip
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch and _epoch_date(epoch) is None:
        finding("SOURCE_DATE_EPOCH", "SOURCE_DATE_EPOCH must be a whole number of seconds "
                "since 1970-01-01 UTC, for a date in the years 1 to 9999, got %r; using "
                "today's date", epoch)  # fmt: skip
    return found


def _repeats(
    entries: list[str] | tuple[str, ...], entry: Callable[[str], str]
) -> dict[str, list[str]]:
    """Each entry given more than once (after ``entry``), with how it was written."""
    written: dict[str, list[str]] = {}
    for item in entries:
        written.setdefault(entry(item), []).append(item.strip())
    return {key: items for key, items in written.items() if len(items) > 1}


def _not_statuses(config: Config) -> list[str]:
    """The complete statuses the author wrote that are no status.

    The default list is not checked: with statuses of your own, the complete statuses
    are those of ``in-review``, ``approved`` and ``implemented`` that you kept.
    """
    name = "designdoc_complete_statuses"
    if list(_get(config, name)) == VALUES[name].default:
        return []
    statuses = _names(config, "designdoc_statuses")
    return [status for status in _names(config, name) if status not in statuses]


def _sphinx_warns(value: object, types: frozenset[type]) -> bool:
    """Whether Sphinx's own type check already reports ``value`` (an int given for a
    bool slips through it), so that each mistake is reported exactly once."""
    return type(value) not in types and not (types == {bool} and type(value) is int)


def _get(config: Config, name: str) -> Any:
    value = config[name]
    return value if VALUES[name].valid(value) else VALUES[name].default


def _names(config: Config, name: str) -> tuple[str, ...]:
    """A list value's entries as the settings hold them, each once, in the given order."""
    entry = VALUES[name].entry or str.strip
    return tuple(dict.fromkeys(entry(item) for item in _get(config, name)))


_EPOCH = re.compile(r"-?[0-9]+")


def _epoch_date(epoch: str) -> dt.date | None:
    """The UTC date of a ``SOURCE_DATE_EPOCH`` value; ``None`` for no integer, or for one
    beyond the dates Python has (years 1 to 9999)."""
    if not _EPOCH.fullmatch(epoch):
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def build_date() -> dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds (a value
    that is no date was reported at start-up, and today is used)."""
    epoch = _epoch_date(os.environ.get("SOURCE_DATE_EPOCH", ""))
    return epoch or dt.datetime.now(tz=dt.UTC).date()


def get_settings(config: Config) -> Settings:
    """The settings for this build, falling back to defaults for invalid values."""
    aliases = _get(config, "designdoc_section_aliases")
    statuses = _names(config, "designdoc_statuses")
    complete = _names(config, "designdoc_complete_statuses")
    return Settings(
        statuses=statuses,
        goal_kinds=_names(config, "designdoc_goal_kinds"),
        log_use_cases=_names(config, "designdoc_log_use_cases"),
        log_standard_fields=_names(config, "designdoc_log_standard_fields"),
        required_sections=_names(config, "designdoc_required_sections"),
        section_aliases=tuple(
            (name_key(key), tuple(titles)) for key, titles in sorted(aliases.items())
        ),
        pii_patterns=_names(config, "designdoc_pii_patterns"),
        placeholder_pattern=_get(config, "designdoc_placeholder_pattern"),
        stale_days=_get(config, "designdoc_stale_days"),
        complete_statuses=tuple(status for status in complete if status in statuses),
        export_json=_get(config, "designdoc_export_json"),
        today=build_date(),
    )


def interactive_tables(config: Config) -> bool:
    """Whether HTML pages get the script that sorts and filters index tables."""
    return bool(_get(config, "designdoc_interactive_tables"))


def baseline_path(config: Config, confdir: str | os.PathLike[str]) -> str | None:
    """The baseline file ``designdoc_baseline`` names, from the conf dir; ``None`` for none."""
    name = _get(config, "designdoc_baseline")
    return os.path.join(confdir, name) if name else None
