"""Another project links to this project's docs, goals and alternatives with intersphinx."""

from __future__ import annotations

from pathlib import Path

from helpers import build, copy_root, write_project

BASE = "https://docs.example.com/payments/"


def test_second_project_links_through_objects_inv(tmp_path: Path) -> None:
    first = build(copy_root("basic", tmp_path), freshenv=True)
    inventory = first.outdir / "objects.inv"
    conf = (
        'extensions.append("sphinx.ext.intersphinx")\n'
        f"intersphinx_mapping = {{'payments': ({BASE!r}, {str(inventory)!r})}}\n"
    )
    page = (
        "Consumer\n========\n\n"
        "Builds on :design:doc:`payment-retry`, keeps :design:goal:`payment-retry.p99-latency`\n"
        "and rejects :design:alt:`payments:payment-retry.broker-delay` for the same reason.\n"
        "Also :external+payments:design:goal:`ledger-export.volume`.\n"
    )
    second = build(write_project(tmp_path / "second", {"index.rst": page}, conf=conf),
                   freshenv=True)  # fmt: skip
    assert second.warnings_text == ""
    links = {a.get_text(): a["href"] for a in second.soup("index").select("a.reference.external")}
    assert links == {
        "Payment Retry Service": BASE + "designs/retry.html",
        "Fast scheduling": BASE + "designs/retry.html#goal-p99-latency",
        "Delayed delivery in the message broker": BASE
        + "designs/retry.html#alternative-broker-delay",
        "Export 10M rows": BASE + "designs/ledger.html#goal-volume",
    }
