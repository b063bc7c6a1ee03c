"""The baseline: the keys of the findings a project has accepted for now.

A team with many existing docs writes one from today's build
(``sphinx-designdoc baseline``), commits it, and names it in ``designdoc_baseline``;
from then on ``-W`` fails only on findings whose key is not in it. The file is one
finding a line, sorted by key, so that its changes read well in review::

    {"version": 1, "findings": [
    {"key": "missing:payment-retry:data-model", "source": "designs/retry.rst", "message": "..."},
    ...
    ]}

Only ``key`` counts; ``source`` and ``message`` are there for the reader. A baseline is
untrusted input: it is checked, and its keys are only ever compared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BASELINE_VERSION = 1


class BaselineError(ValueError):
    """A baseline that cannot be used; the message says why in a few words."""


def read_baseline(text: str) -> frozenset[str]:
    """The keys of the baseline ``text``; :class:`BaselineError` when it is not one."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise BaselineError(f"not JSON ({' '.join(str(error).split())[:100]})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(f'not a version {BASELINE_VERSION} baseline (no "version": 1)')
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise BaselineError('not a baseline (no "findings" list)')
    keys = set()
    for number, entry in enumerate(findings, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            raise BaselineError(f'entry {number} has no "key" string')
        keys.add(entry["key"])
    return frozenset(keys)


def load_baseline(path: str | Path) -> frozenset[str]:
    """The keys of the baseline file at ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError("cannot be read: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise BaselineError(f"cannot be read: {reason}") from None
    return read_baseline(text)


def baseline_rows(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries of a baseline of an export's ``findings``: every one that is shown or
    already baselined, by key. Suppressed findings stay out: ``suppress_warnings``
    already silences them, and a baseline entry would hide them if it were lifted."""
    kept = [row for row in findings if row["state"] != "suppressed"]
    entries = {row["key"]: row for row in kept}
    return [
        {"key": key, "source": entries[key]["source"], "message": entries[key]["message"]}
        for key in sorted(entries)
    ]


def baseline_text(findings: list[dict[str, Any]]) -> str:
    """The baseline file of an export's ``findings``, one entry a line."""
    lines = [json.dumps(entry, ensure_ascii=False) for entry in baseline_rows(findings)]
    if not lines:
        return f'{{"version": {BASELINE_VERSION}, "findings": []}}\n'
    body = ",\n".join(lines)
    return f'{{"version": {BASELINE_VERSION}, "findings": [\n{body}\n]}}\n'
