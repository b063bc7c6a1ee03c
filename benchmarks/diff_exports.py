"""Time ``sphinx-designdoc diff`` on two synthetic exports of 2000 docs each (target: 2 s).

    python benchmarks/diff_exports.py [DOCS]

Every doc has five findings. The head changes one doc in ten (status, a goal's target,
a component added, a log use case's retention; three findings new, one fixed), removes
20 docs and adds 20. Both files are written to a temporary
folder and read back, so the time includes loading and validating them.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sphinx_designdoc.diff import diff_exports, to_markdown, to_text
from sphinx_designdoc.export_file import load_export
from sphinx_designdoc.settings import TEMPLATE_SECTIONS


def synthetic_doc(number: int) -> dict[str, Any]:
    doc_id = f"doc-{number:05d}"
    return {
        "id": doc_id, "docname": f"designs/{doc_id}", "title": f"Design {number}",
        "design_doc": True, "status": "draft", "authors": ["Ana Ruiz", "Li Wei"],
        "reviewers": ["Kim Lee"], "created": "2026-01-01", "updated": None, "prd": None,
        "tags": ["payments"], "overview": f"Doc {number} does one thing well. " * 5,
        "relations": {"supersedes": [], "amends": [], "related": [],
                      "requires": [f"doc-{(number + 1) % 2000:05d}"]},
        "goals": [{"id": f"g{i}", "title": f"Goal {i}", "kind": "performance",
                   "target": f"p99 < {i} ms"} for i in range(5)],
        "non_goals": [f"Non-goal {i}" for i in range(3)],
        "components": [{"id": f"c{i}", "title": f"Component {i}", "purpose": "Does work.",
                        "interface": "HTTP", "depends_on": [f"c{i + 1}"]} for i in range(5)],
        "logging": {"use_cases": ["error-tracking", "audit"], "pii": ["email"],
                    "privacy": "Hashed.", "details": [
                        {"use_case": use_case, "events": ["a.b", "c.d"],
                         "fields": ["id", "email"], "retention": "30d",
                         "retention_days": 30, "sampling": None}
                        for use_case in ("error-tracking", "audit")]},
        "security": {"authentication": "mTLS", "authorization": None,
                     "data_protection": "encrypted"},
        "testing": {"unit": "yes", "integration": None, "performance": None},
        "alternatives": [{"id": f"a{i}", "title": f"Alt {i}", "why_not": "slow"}
                         for i in range(3)],
        "questions": [{"id": f"q{i}", "title": f"Question {i}?", "owner": "Ana Ruiz",
                       "resolution": None, "open": True} for i in range(3)],
        "sections": dict.fromkeys(TEMPLATE_SECTIONS, True),
    }  # fmt: skip


def finding(doc_id: str, subtype: str, about: str, line: int) -> dict[str, Any]:
    return {"key": f"{subtype}:{doc_id}:{about}", "subtype": subtype,
            "message": f"{about} is not right", "source": f"designs/{doc_id}.rst",
            "line": line, "docname": f"designs/{doc_id}", "doc": doc_id,
            "state": "shown"}  # fmt: skip


def exports(docs: int) -> tuple[dict[str, Any], dict[str, Any]]:
    base: dict[str, Any] = {
        "version": 1,
        "docs": {d["id"]: d for d in map(synthetic_doc, range(docs))},
        "findings": [
            finding(f"doc-{number:05d}", "placeholder", f"[Text {i}]", 10 + i)
            for number in range(docs)
            for i in range(5)
        ],
    }
    head = json.loads(json.dumps(base))
    for number in range(0, docs, 10):
        doc = head["docs"][f"doc-{number:05d}"]
        doc["status"] = "in-review"
        doc["goals"][0]["target"] = "p99 < 1 ms"
        doc["components"].append({"id": "new", "title": "New", "purpose": None,
                                  "interface": None, "depends_on": []})  # fmt: skip
        doc["logging"]["details"][0]["retention"] = "90d"
        head["findings"] += [finding(doc["id"], "missing", s, 3) for s in ("api", "data", "tests")]
        head["findings"].remove(finding(doc["id"], "placeholder", "[Text 0]", 10))
    for number in range(20):
        del head["docs"][f"doc-{number * 7 + 1:05d}"]
        added = synthetic_doc(docs + number)
        head["docs"][added["id"]] = added
    return base, head


def main() -> None:
    docs = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    base, head = exports(docs)
    with tempfile.TemporaryDirectory() as folder:
        base_path, head_path = Path(folder, "base.json"), Path(folder, "head.json")
        base_path.write_text(json.dumps(base), encoding="utf-8")
        head_path.write_text(json.dumps(head), encoding="utf-8")
        start = time.perf_counter()
        loaded = load_export(base_path), load_export(head_path)
        loading = time.perf_counter() - start
        changes = diff_exports(*loaded)
        comparing = time.perf_counter() - start - loading
        text, markdown = to_text(changes), to_markdown(changes, "https://docs.example.com")
        total = time.perf_counter() - start
    print(f"{docs} docs, {len(changes.docs)} differ, {len(changes.findings_new)} findings new, "
          f"{len(changes.findings_fixed)} fixed, {len(text.splitlines())} lines of text, "
          f"{len(markdown)} characters of Markdown")  # fmt: skip
    print(f"load and validate both: {loading:.3f} s")
    print(f"compare:                {comparing:.3f} s")
    print(f"render text + markdown: {total - loading - comparing:.3f} s")
    print(f"total:                  {total:.3f} s (target: under 2 s)")


if __name__ == "__main__":
    main()
