"""``designdoc.json``: the documented shape, beside the HTML output."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Build, build, copy_root, write_project


def test_json_shape(tmp_path: Path) -> None:
    result: Build = build(copy_root("basic", tmp_path), freshenv=True)
    data = result.json()
    assert data["version"] == 1
    assert list(data["docs"]) == ["ledger-export", "notes", "payment-retry", "payment-retry-v1"]
    doc = data["docs"]["payment-retry"]
    assert doc == {
        "id": "payment-retry",
        "docname": "designs/retry",
        "title": "Payment Retry Service",
        "design_doc": True,
        "status": "approved",
        "authors": ["Ana Ruiz", "Li Wei"],
        "reviewers": ["Sam Patel"],
        "created": "2026-03-02",
        "updated": "2026-03-20",
        "prd": "https://example.com/prd/retry",
        "tags": ["payments", "reliability"],
        "overview": "Retries failed card payments automatically.",
        "relations": {
            "supersedes": ["payment-retry-v1"],
            "amends": [],
            "requires": [],
            "related": ["ledger-export"],
        },
        "goals": [
            {
                "id": "auto-retry",
                "title": "Retry failed card payments automatically",
                "kind": "functional",
                "target": None,
            },
            {
                "id": "p99-latency",
                "title": "Fast scheduling",
                "kind": "performance",
                "target": "p99 < 200 ms at 500 req/s",
            },
            {
                "id": "keep-an-audit-trail-of-every-attempt",
                "title": "Keep an audit trail of every attempt.",
                "kind": "functional",
                "target": None,
            },
        ],
        "non_goals": ["Changing the card-network integration.", "Retrying disputed payments."],
        "alternatives": [
            {
                "id": "broker-delay",
                "title": "Delayed delivery in the message broker",
                "why_not": "The broker caps delays at 15 minutes; retries need up to 72 hours.",
            },
        ],
        "components": [
            {
                "id": "scheduler",
                "title": "Retry Scheduler",
                "purpose": "Decides when a failed payment is retried.",
                "interface": "schedule(payment_id, failure_code) -> RetryPlan",
                "depends_on": ["ledger"],
            },
            {
                "id": "ledger",
                "title": "Ledger",
                "purpose": "Records every attempt.",
                "interface": None,
                "depends_on": [],
            },
        ],
        "security": {
            "authentication": "mTLS between services",
            "authorization": "only the billing role may trigger manual retries",
            "data_protection": "card data never leaves the vault",
        },
        "testing": {
            "unit": "90% line coverage of the scheduler",
            "integration": "retry after gateway timeout; duplicate webhook",
            "performance": "500 req/s for 1 h with p99 < 200 ms",
        },
        "questions": [
            {
                "id": "disputes",
                "title": "Do we retry disputed payments?",
                "owner": "Ana Ruiz",
                "resolution": "No; disputes go to the chargeback flow.",
                "open": False,
            },
        ],
        "sections": dict.fromkeys(
            [
                "overview",
                "background",
                "goals",
                "non-goals",
                "design",
                "data-model",
                "api-design",
                "error-handling",
                "logging-strategy",
                "security",
                "testing",
                "migration-plan",
                "alternatives",
            ],
            True,
        ),
        "logging": {
            "use_cases": ["tracing", "error-tracking"],
            "pii": ["email", "card_last4"],
            "privacy": "Emails are hashed before logging.",
            "details": [
                {
                    "use_case": "tracing",
                    "events": ["retry.scheduled", "retry.attempted"],
                    "fields": ["payment_id", "attempt", "delay_ms", "card_last4"],
                    "retention": "14d",
                    "retention_days": 14,
                    "sampling": "10% of successes, all failures",
                },
                {
                    "use_case": "error-tracking",
                    "events": ["retry.failed"],
                    "fields": ["payment_id", "failure_code"],
                    "retention": "90 days",
                    "retention_days": 90,
                    "sampling": "all",
                },
            ],
        },
    }


def test_no_json_in_an_epub_folder_so_the_next_epub_build_is_quiet(tmp_path: Path) -> None:
    """Every file in the folder goes into the book: a ``designdoc.json`` there made the
    next ``epub`` build warn (``epub.unknown_project_files``), which fails ``-W``."""
    src = copy_root("basic", tmp_path)
    first = build(src, "epub", freshenv=True)
    assert not (first.outdir / "designdoc.json").exists()
    (src / "designs" / "retry.rst").write_text(
        (src / "designs" / "retry.rst").read_text(encoding="utf-8") + "\nMore.\n",
        encoding="utf-8",
    )
    again = build(src, "epub")
    assert "designdoc.json" not in again.warnings_text
    assert not (again.outdir / "designdoc.json").exists()


def test_json_can_be_turned_off(tmp_path: Path) -> None:
    result: Build = build(
        copy_root("basic", tmp_path), freshenv=True, confoverrides={"designdoc_export_json": False}
    )
    assert not (result.outdir / "designdoc.json").exists()


def test_turning_json_off_removes_the_export_of_an_earlier_build(tmp_path: Path) -> None:
    """The previous ``designdoc.json`` once stayed, with data that no longer holds."""
    src = copy_root("basic", tmp_path)
    first = build(src)
    assert first.json()["docs"]
    build(src, confoverrides={"designdoc_export_json": False})
    assert not (first.outdir / "designdoc.json").exists()


@pytest.mark.parametrize("text", ['{"version": 2, "docs": {}}', "[1, 2]", "not JSON"])
def test_turning_json_off_keeps_a_file_it_did_not_write(tmp_path: Path, text: str) -> None:
    result = build(write_project(tmp_path, {"index.rst": "Home\n====\n"}))
    (result.outdir / "designdoc.json").write_text(text, encoding="utf-8")
    build(result.srcdir, confoverrides={"designdoc_export_json": False})
    assert (result.outdir / "designdoc.json").read_text(encoding="utf-8") == text


def test_turning_json_off_keeps_one_from_html_extra_path(tmp_path: Path) -> None:
    """A portal may publish another project's export through ``html_extra_path``."""
    other = build(write_project(tmp_path / "other", {"index.rst": "Other\n=====\n"}))
    published = (other.outdir / "designdoc.json").read_text(encoding="utf-8")
    conf = 'html_extra_path = ["extra"]\ndesigndoc_export_json = False\n'
    files = {"index.rst": "Home\n====\n", "extra/designdoc.json": published}
    result = build(write_project(tmp_path / "portal", files, conf))
    assert result.json() == other.json()
