"""Pure parsers for option values: ids, comma lists, dates, retention periods.

They never raise on user input: a value that does not parse gives ``None`` and the
rules turn that into a warning.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata

_SLUG_DROP = re.compile(r"[^\w\s-]")
_SLUG_JOIN = re.compile(r"[\s_/-]+")


def slugify(text: str) -> str:
    """An id made of lowercase ASCII words joined by ``-`` (``Fast Path!`` -> ``fast-path``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = _SLUG_DROP.sub("", ascii_text.replace("/", " ")).strip().lower()
    return _SLUG_JOIN.sub("-", cleaned).strip("-")


def split_list(value: str | None) -> tuple[str, ...]:
    """Split a comma (or newline) separated option into its non-empty, stripped items."""
    if not value:
        return ()
    return tuple(item.strip() for item in re.split(r"[,\n]", value) if item.strip())


def is_iso_date(value: str) -> bool:
    """True for a calendar date written ``YYYY-MM-DD``."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_UNIT_DAYS = {
    "d": 1,
    "day": 1,
    "days": 1,
    "w": 7,
    "wk": 7,
    "week": 7,
    "weeks": 7,
    "m": 30,
    "mo": 30,
    "month": 30,
    "months": 30,
    "y": 365,
    "yr": 365,
    "year": 365,
    "years": 365,
}
# Numbers have at most 9 digits: a longer one is no retention period, and would overflow
# float() (to infinity) or int() (beyond its 4300-digit limit).
_SHORT_FORM = re.compile(r"(\d{1,9}(?:\.\d{1,9})?)\s*([a-z]+)")
_ISO_FORM = re.compile(
    r"P(?:(?P<y>\d{1,9})Y)?(?:(?P<m>\d{1,9})M)?(?:(?P<w>\d{1,9})W)?(?:(?P<d>\d{1,9})D)?",
    re.IGNORECASE,
)


def retention_days(value: str) -> int | None:
    """Whole days in a retention period, or ``None`` when it does not parse.

    Accepts ``14d``, ``2w``, ``6m`` (30-day months), ``1y`` (365-day years), ``90 days``,
    ``1 year`` and ISO 8601 durations such as ``P30D`` or ``P1Y6M``.
    """
    text = value.strip().lower()
    if match := _SHORT_FORM.fullmatch(text):
        number, unit = match.groups()
        if unit in _UNIT_DAYS:
            return int(float(number) * _UNIT_DAYS[unit])
        return None
    if (match := _ISO_FORM.fullmatch(text)) and any(match.groupdict().values()):
        parts = {key: int(num) for key, num in match.groupdict(default="0").items()}
        return parts["y"] * 365 + parts["m"] * 30 + parts["w"] * 7 + parts["d"]
    return None


def name_key(name: str) -> str:
    """How a status, goal kind, use case or section key is compared: without surrounding
    space and in lowercase, the same for ``conf.py`` lists and page options."""
    return name.strip().lower()


def did_you_mean(value: str, choices: tuple[str, ...] | list[str]) -> str:
    """A ``did you mean`` hint for a mistyped choice, or an empty string."""
    close = difflib.get_close_matches(value.lower(), list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def unknown_choice(what: str, value: str, choices: tuple[str, ...] | list[str]) -> str:
    """``unknown status 'aproved'; did you mean 'approved'?`` (or the allowed values)."""
    hint = did_you_mean(value, choices) or f"; expected one of {', '.join(choices)}"
    return f"unknown {what} {value!r}{hint}"
