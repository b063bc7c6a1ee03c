"""Findings as the export, the baseline and the summary know them: keyed, with a state.

A key is ``subtype:doc:about``: the subtype, the doc (its id; the docname for a page
without a design doc; ``conf.py`` for the configuration) and what is wrong
(:attr:`~sphinx_designdoc.model.Finding.about`). It holds no line number and none of
the message's words, so it survives edits elsewhere in the file and rewording of the
message. Findings that would share a key (the same placeholder twice in one doc) are
told apart by their order in the file: the second is ``KEY~2``.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Set

    from sphinx_designdoc.model import Finding, Subtype

State = Literal["shown", "suppressed", "baselined"]
#: The doc part of the key of a finding about the configuration.
CONFIG_DOC = "conf.py"


def position(finding: Finding) -> tuple[str, int]:
    """Where a finding is, for sorting: file and line (a stable sort keeps the findings
    of one line in the order the rules found them)."""
    return (finding.source, finding.line or 0)


def keyed(findings: Iterable[Finding], doc_of: Callable[[str], str]) -> list[Finding]:
    """The findings in file order, each with its key; ``doc_of`` maps a docname to the
    doc part of the key. Numbering repeats in file order keeps the keys of the earlier
    ones when lines are added above or below them."""
    seen: Counter[str] = Counter()
    result = []
    for finding in sorted(findings, key=position):
        doc = doc_of(finding.docname) if finding.docname else CONFIG_DOC
        key = f"{finding.subtype}:{doc}:{finding.about}"
        seen[key] += 1
        result.append(replace(finding, key=key if seen[key] == 1 else f"{key}~{seen[key]}"))
    return result


def doc_of_key(key: str) -> str:
    """The doc part of a key (``payment-retry`` of ``missing:payment-retry:data-model``);
    empty for text that is no key (a baseline is untrusted input)."""
    parts = key.split(":", 2)
    return parts[1] if len(parts) == 3 else ""


def distinct(findings: Iterable[Finding]) -> list[Finding]:
    """The findings with keys made unique across pages: two pages that claim one doc id
    (a ``duplicate`` finding) can have the same problem; the later one gets the next
    free ``~N``. Pages are keyed one at a time, so only this step sees both."""
    seen: set[str] = set()
    result = []
    for finding in findings:
        key, number = finding.key, 1
        while key in seen:
            number += 1
            key = f"{finding.key}~{number}"
        seen.add(key)
        result.append(finding if key == finding.key else replace(finding, key=key))
    return result


def state_of(finding: Finding, baseline: Set[str], suppressed: Callable[[Subtype], bool]) -> State:
    """``suppressed`` by ``suppress_warnings`` (never shown, baseline or not), else
    ``baselined`` when its key is in the baseline, else ``shown``."""
    if suppressed(finding.subtype):
        return "suppressed"
    return "baselined" if finding.key in baseline else "shown"


def to_row(finding: Finding, state: State, doc: str | None, source: str | None) -> dict[str, Any]:
    """One finding as ``designdoc.json`` holds it."""
    return {
        "key": finding.key,
        "subtype": finding.subtype,
        "message": finding.message,
        "source": source,
        "line": finding.line,
        "docname": finding.docname or None,
        "doc": doc,
        "state": state,
    }


def relative_source(path: str, srcdir: str) -> str:
    """``path`` relative to the source dir, with ``/`` whatever the system's separator
    (an included file may lie outside it: ``../README.rst``)."""
    return os.path.relpath(path, srcdir).replace(os.sep, "/")


def summary_line(states: Iterable[State], subtypes: Iterable[Subtype]) -> str | None:
    """``designdoc: 47 findings (45 placeholder, 2 missing); 3 in the baseline``, or
    ``None`` when the build found nothing. ``states`` and ``subtypes`` go pairwise;
    the count is of shown findings, most frequent subtype first."""
    shown: Counter[str] = Counter()
    others: Counter[State] = Counter()
    for state, subtype in zip(states, subtypes, strict=True):
        if state == "shown":
            shown[subtype] += 1
        else:
            others[state] += 1
    total = sum(shown.values())
    if not total and not others:
        return None
    line = f"designdoc: {total} finding{'' if total == 1 else 's'}"
    if shown:
        by_count = sorted(shown.items(), key=lambda item: (-item[1], item[0]))
        line += " (" + ", ".join(f"{count} {subtype}" for subtype, count in by_count) + ")"
    if others["suppressed"]:
        line += f"; {others['suppressed']} suppressed"
    if others["baselined"]:
        line += f"; {others['baselined']} in the baseline"
    return line


def fixed_entries(baseline: Set[str], keys: Set[str]) -> list[str]:
    """Baseline entries that no longer occur, sorted: the finding was fixed (or its doc
    removed), so the entry should go, before a new finding with that key slips in."""
    return sorted(baseline - keys)
