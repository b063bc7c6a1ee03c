"""TEMPORARY STUB (the helper writes the real one)."""

import json
from pathlib import Path


class BaselineError(ValueError):
    pass


def read_baseline(text: str) -> frozenset[str]:
    try:
        data = json.loads(text)
    except ValueError as e:
        raise BaselineError(f"not JSON: {e}") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != 1
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError("not a baseline")
    return frozenset(f["key"] for f in data["findings"])


def load_baseline(path: str) -> frozenset[str]:
    try:
        return read_baseline(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise BaselineError(f"cannot be read: {e.strerror}") from None


def baseline_text(findings: list[dict]) -> str:
    rows = sorted((f for f in findings if f["state"] != "suppressed"), key=lambda f: f["key"])
    lines = [
        json.dumps(
            {"key": f["key"], "source": f["source"], "message": f["message"]}, ensure_ascii=False
        )
        for f in rows
    ]
    return '{"version": 1, "findings": [\n' + ",\n".join(lines) + "\n]}\n"
