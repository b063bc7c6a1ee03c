"""Design objects go into ``objects.inv`` and resolve through ``:any:``."""

from __future__ import annotations

from pathlib import Path

from sphinx.util.inventory import InventoryFile

from helpers import Build, build, copy_root


def test_objects_inv_lists_docs_and_items(tmp_path: Path) -> None:
    result: Build = build(copy_root("basic", tmp_path), freshenv=True)
    with open(result.outdir / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(
            stream, "https://example.com", lambda base, uri: f"{base}/{uri}"
        )
    data = inventory.data if hasattr(inventory, "data") else inventory
    goals = dict(data["design:goal"])
    assert "payment-retry.p99-latency" in goals
    entry = goals["payment-retry.p99-latency"]
    uri = entry.uri if hasattr(entry, "uri") else entry[2]
    name = entry.display_name if hasattr(entry, "display_name") else entry[3]
    assert uri == "https://example.com/designs/retry.html#goal-p99-latency"
    assert name == "Fast scheduling"
    assert "payment-retry" in dict(data["design:doc"])
    assert "payment-retry.broker-delay" in dict(data["design:alternative"])
    assert "payment-retry.tracing" in dict(data["design:usecase"])


def test_any_role_resolves_design_objects(tmp_path) -> None:
    srcdir = copy_root("basic", tmp_path)
    with open(srcdir / "notes.rst", "a", encoding="utf-8") as notes:
        notes.write("\nSee :any:`payment-retry.p99-latency` and :design:ref:`ledger-export`.\n")
    result = build(srcdir, freshenv=True)
    assert result.warnings_text == ""
    links = {a.get_text(): a["href"] for a in result.soup("notes").select("a.designdoc-link")}
    assert links == {
        "Fast scheduling": "designs/retry.html#goal-p99-latency",
        "Ledger Export": "designs/ledger.html",
    }
