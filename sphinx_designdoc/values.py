"""Pure parsers for option values: ids, comma lists, dates, retention periods.

They never raise on user input: a value that does not parse gives ``None`` and the
rules turn that into a warning, with a "did you mean" hint for a mistyped name.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import unicodedata
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

#: What is neither a letter, a digit (``\\w`` but ``_``), a space nor a word separator.
_SLUG_DROP = re.compile(r"[^\w\s/-]")
_SLUG_JOIN = re.compile(r"[\s_/-]+")


def _is_letter_or_digit(char: str) -> bool:
    """A letter or digit of any script (Unicode categories L and N)."""
    return unicodedata.category(char)[0] in "LN"


def _is_mark(char: str) -> bool:
    """A combining mark (category M): part of the letter before it in many scripts."""
    return unicodedata.category(char)[0] == "M"


def slugify(text: str) -> str:
    """An id from a title or docname: its words of letters and digits, in any script,
    lowercased (NFKC) and joined by ``-`` (``Fast Path!`` -> ``fast-path``,
    ``Надёжность`` -> ``надёжность``); empty when the text has no letter or digit."""
    text = unicodedata.normalize("NFKC", text).lower()

    def keep_marks(match: re.Match[str]) -> str:
        """Drop punctuation and symbols, but not a mark that belongs to a letter
        (the vowel signs of Devanagari, for example)."""
        at = match.start()
        attached = at > 0 and (text[at - 1].isalnum() or _is_mark(text[at - 1]))
        return match[0] if attached and _is_mark(match[0]) else ""

    kept = _SLUG_DROP.sub("" if text.isascii() else keep_marks, text)  # ASCII has no marks
    return _SLUG_JOIN.sub("-", kept).strip("-")


#: What :func:`is_valid_id` accepts, as warnings and the command line say it.
ID_RULE = "ids are letters and digits of any script, '-' and '_', starting with a letter or digit"


def is_valid_id(text: str) -> bool:
    """True for an id as authors may write it: letters (with their marks) and digits of
    any script, ``-`` and ``_``, starting with a letter or digit; ``.`` separates ids."""
    return (
        bool(text)
        and _is_letter_or_digit(text[0])
        and all(_is_letter_or_digit(char) or _is_mark(char) or char in "-_" for char in text)
    )


def short_digest(text: str) -> str:
    """Eight hex digits that stand for ``text`` (NFKC), the same in every build."""
    normalized = unicodedata.normalize("NFKC", text).encode()
    return hashlib.blake2b(normalized, digest_size=4).hexdigest()


def digest_id(what: str, text: str) -> str:
    """The id of an item whose title has no letter or digit (``goal-1f0c9e2a``): it
    depends on the text alone, so it stays when lines are added above it."""
    return f"{what}-{short_digest(' '.join(text.split()))}"


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


#: Days per unit of a short form such as ``14d`` or ``24h`` (months are 30 days, years 365).
_UNIT_DAYS: dict[str, Fraction] = {
    **dict.fromkeys(("min", "mins", "minute", "minutes"), Fraction(1, 24 * 60)),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), Fraction(1, 24)),
    **dict.fromkeys(("d", "day", "days"), Fraction(1)),
    **dict.fromkeys(("w", "wk", "week", "weeks"), Fraction(7)),
    **dict.fromkeys(("m", "mo", "month", "months"), Fraction(30)),
    **dict.fromkeys(("y", "yr", "year", "years"), Fraction(365)),
}
#: Days per unit of an ISO 8601 duration (``P1Y6M``, ``PT24H``), by its group name.
_ISO_DAYS = {
    "y": Fraction(365),
    "mo": Fraction(30),
    "w": Fraction(7),
    "d": Fraction(1),
    "h": Fraction(1, 24),
    "mi": Fraction(1, 24 * 60),
    "s": Fraction(1, 24 * 60 * 60),
}
#: The longest retention period accepted (100 years): anything longer is a typo, not a
#: policy, and would make every "kept longer than N days" check meaningless.
MAX_RETENTION_DAYS = 100 * 365
# Numbers have at most 9 digits: a longer one is no retention period, and would overflow
# int() (beyond its 4300-digit limit).
_SHORT_FORM = re.compile(r"(\d{1,9}(?:\.\d{1,9})?)\s*([a-z]+)")
_ISO_FORM = re.compile(
    r"P(?:(?P<y>\d{1,9})Y)?(?:(?P<mo>\d{1,9})M)?(?:(?P<w>\d{1,9})W)?(?:(?P<d>\d{1,9})D)?"
    r"(?:T(?=\d)(?:(?P<h>\d{1,9})H)?(?:(?P<mi>\d{1,9})M)?(?:(?P<s>\d{1,9})S)?)?",
    re.IGNORECASE,
)


def period_days(value: str) -> int | None:
    """Whole days in a period of any length, rounded down; ``None`` when it does not parse.

    Accepts ``14d``, ``2w``, ``6m`` (30-day months), ``1y`` (365-day years), ``24h``,
    ``90 days``, ``1 year`` and ISO 8601 durations such as ``P30D``, ``P1Y6M`` or
    ``PT24H``.  Rounding down keeps the number a lower bound: ``36h`` is 1 day.
    """
    text = value.strip().lower()
    if match := _SHORT_FORM.fullmatch(text):
        number, unit = match.groups()
        return int(Fraction(number) * _UNIT_DAYS[unit]) if unit in _UNIT_DAYS else None
    if (match := _ISO_FORM.fullmatch(text)) and any(match.groupdict().values()):
        parts = match.groupdict(default="0")
        return int(sum(int(parts[key]) * days for key, days in _ISO_DAYS.items()))
    return None


def retention_days(value: str) -> int | None:
    """Whole days in a retention period (see :func:`period_days`), or ``None`` when it
    does not parse or is longer than :data:`MAX_RETENTION_DAYS`."""
    days = period_days(value)
    return days if days is not None and days <= MAX_RETENTION_DAYS else None


def name_key(name: str) -> str:
    """How a status, goal kind, use case or section key is compared: without surrounding
    space and in lowercase, the same for ``conf.py`` lists and page options."""
    return name.strip().lower()


def close_match(value: str, choices: Iterable[str]) -> str | None:
    """The choice most like a mistyped ``value``, ignoring case; ``None`` if none is close."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(choice.lower(), choice)
    close = difflib.get_close_matches(value.lower(), list(by_key), n=1, cutoff=0.6)
    return by_key[close[0]] if close else None


def meant(match: str | None) -> str:
    """``; did you mean 'x'?`` for a close match, an empty string without one."""
    return f"; did you mean {match!r}?" if match else ""


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A ``did you mean`` hint for a mistyped choice, or an empty string."""
    return meant(close_match(value, choices))


#: Up to this many allowed values, a warning lists them all rather than the closest: the
#: list is as short as the hint, and among so few values the closest may well be the
#: opposite of what was meant (``unresolved`` is closest to ``resolved``, not ``open``).
FEW_CHOICES = 3


def unknown_choice(what: str, value: str, choices: tuple[str, ...] | list[str]) -> str:
    """``unknown status 'aproved'; did you mean 'approved'?`` (or the allowed values)."""
    if len(choices) > FEW_CHOICES and (hint := did_you_mean(value, choices)):
        return f"unknown {what} {value!r}{hint}"
    return f"unknown {what} {value!r}; expected one of {', '.join(choices)}"
