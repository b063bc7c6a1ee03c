"""Pure value parsers: retention periods, dates, ids, lists, suggestions."""

from __future__ import annotations

import pytest

from sphinx_designdoc.values import (
    FEW_CHOICES,
    MAX_RETENTION_DAYS,
    did_you_mean,
    digest_id,
    is_iso_date,
    is_valid_id,
    name_key,
    period_days,
    retention_days,
    slugify,
    split_list,
    unknown_choice,
)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("14d", 14),
        ("2w", 14),
        ("6m", 180),
        ("1y", 365),
        ("2y", 730),
        ("90 days", 90),
        ("1 day", 1),
        ("1 year", 365),
        ("3 months", 90),
        ("P30D", 30),
        ("p1y6m", 545),
        ("P2W", 14),
        (" 14D ", 14),
        # hours and minutes, rounded down to whole days
        ("PT24H", 1),
        ("pt36h", 1),
        ("P1DT12H", 1),
        ("PT1440M", 1),
        ("PT86400S", 1),
        ("PT12H", 0),
        ("24h", 1),
        ("48 hours", 2),
        ("1 hour", 0),
        ("2880 min", 2),
        ("1.5w", 10),
        # up to 100 years
        ("100y", 36500),
        ("P36500D", 36500),
    ],
)
def test_retention_days(text: str, days: int) -> None:
    assert retention_days(text) == days


@pytest.mark.parametrize(
    "text", ["forever", "", "14", "d14", "P", "14 fortnights", "1y2", "PT", "P1DT", "PT1D"]
)
def test_unparseable_retention(text: str) -> None:
    assert retention_days(text) is None
    assert period_days(text) is None


@pytest.mark.parametrize(("text", "days"), [("P999999999Y", 364_999_999_635), ("101y", 36865),
                                            ("P36501D", 36501), ("876024h", 36501)])  # fmt: skip
def test_a_retention_beyond_100_years_gives_no_days(text: str, days: int) -> None:
    """``P999999999Y`` was accepted while ``PT24H`` was refused."""
    assert period_days(text) == days > MAX_RETENTION_DAYS
    assert retention_days(text) is None


def test_names_are_compared_stripped_and_lowercased() -> None:
    assert name_key(" In-Review ") == "in-review"
    assert name_key("APPROVED") == name_key("approved")


def test_iso_dates() -> None:
    assert is_iso_date("2026-03-02")
    assert not is_iso_date("2026-02-30")
    assert not is_iso_date("2026-3-2")
    assert not is_iso_date("March 3")


def test_slugify() -> None:
    assert slugify("Fast Path!") == "fast-path"
    assert slugify("designs/payment_retry") == "designs-payment-retry"
    assert slugify("<script>") == "script"
    assert slugify("p99 < 200 ms") == "p99-200-ms"
    assert slugify("!!!") == ""


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Überprüfung der Zahlungen", "überprüfung-der-zahlungen"),
        ("Надёжность платежей", "надёжность-платежей"),
        ("支払いの再試行", "支払いの再試行"),
        ("हिन्दी भाषा", "हिन्दी-भाषा"),  # the vowel signs and virama are marks: kept
        ("\uff26\uff35\uff2c\uff2c\u3000\uff57\uff49\uff44\uff54\uff48", "full-width"),  # NFKC
        ("\u0301accent first", "accent-first"),  # a mark with no letter before it
    ],
)
def test_slugify_keeps_the_letters_of_every_script(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert is_valid_id(slug)


def test_digest_ids_tell_texts_without_letters_apart() -> None:
    assert digest_id("goal", "≤ %") != digest_id("goal", "⚡ ⏱")
    assert digest_id("goal", "⚡  ⏱") == digest_id("goal", "⚡ ⏱")
    assert digest_id("goal", "⚡ ⏱").startswith("goal-")
    assert is_valid_id(digest_id("goal", "⚡ ⏱"))


@pytest.mark.parametrize("text", ["auto-retry", "Auto_Retry", "99", "надёжность", "हिन्दी"])
def test_valid_ids_are_letters_and_digits_of_any_script(text: str) -> None:
    assert is_valid_id(text)


@pytest.mark.parametrize("text", ["", "a.b", "a b", "-a", "_a", "\u0301a", "a!", "a/b"])
def test_invalid_ids(text: str) -> None:
    assert not is_valid_id(text)


def test_split_list() -> None:
    assert split_list(" a, b ,,c\nd ") == ("a", "b", "c", "d")
    assert split_list(None) == ()


def test_did_you_mean() -> None:
    assert did_you_mean("aproved", ("approved", "draft")) == "; did you mean 'approved'?"
    assert did_you_mean("zzz", ("approved", "draft")) == ""


def test_few_choices_are_listed_rather_than_guessed() -> None:
    few = ("open", "resolved", "deferred")[:FEW_CHOICES]
    assert unknown_choice("kind", "unresolved", few) == (
        f"unknown kind 'unresolved'; expected one of {', '.join(few)}"
    )
    more = ("open", "resolved", "deferred", "dropped")
    assert len(more) > FEW_CHOICES
    assert unknown_choice("kind", "unresolved", more) == (
        "unknown kind 'unresolved'; did you mean 'resolved'?"
    )
