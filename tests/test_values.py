"""Pure value parsers: retention periods, dates, ids, lists, suggestions."""

from __future__ import annotations

import pytest

from sphinx_designdoc.values import (
    did_you_mean,
    is_iso_date,
    name_key,
    retention_days,
    slugify,
    split_list,
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
    ],
)
def test_retention_days(text: str, days: int) -> None:
    assert retention_days(text) == days


@pytest.mark.parametrize("text", ["forever", "", "14", "d14", "P", "14 fortnights", "1y2"])
def test_unparseable_retention(text: str) -> None:
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
    assert slugify("Überprüfung der Zahlungen") == "uberprufung-der-zahlungen"
    assert slugify("<script>") == "script"
    assert slugify("!!!") == ""


def test_split_list() -> None:
    assert split_list(" a, b ,,c\nd ") == ("a", "b", "c", "d")
    assert split_list(None) == ()


def test_did_you_mean() -> None:
    assert did_you_mean("aproved", ("approved", "draft")) == "; did you mean 'approved'?"
    assert did_you_mean("zzz", ("approved", "draft")) == ""
