"""``sphinx-designdoc diff``: what a change does to the design docs, from two exports.

Pure functions over two ``designdoc.json`` files (see docs/json.md), each read and
checked by :func:`~sphinx_designdoc.export_file.load_export`: :func:`diff_exports`
compares two into :class:`Changes`, and :func:`to_text`, :func:`to_markdown` and
:func:`to_json` render them. Both files are untrusted input: every piece of text they
hold is escaped by the renderers (:mod:`sphinx_designdoc.escaping`), and nothing here
depends on the order of keys or the order of iteration, so the output is deterministic.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Literal, cast
from urllib.parse import quote

from sphinx_designdoc.escaping import code_span, escape_markdown, plain

Value = str | bool | list[str] | None
Kind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class FieldChange:
    """One value that differs: ``field`` as authors write the option (``why-not``)."""

    field: str
    old: Value
    new: Value


@dataclass(frozen=True)
class ItemChange:
    """A goal, non-goal, component, alternative, open question or logging use case
    added, removed or changed (with the fields that changed)."""

    kind: str
    id: str
    title: str
    change: Kind
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class DocChange:
    """One doc added, removed or changed. ``title`` and ``docname`` are the head's, or the
    base's for a removed doc; a retitle is the ``title`` entry of ``fields``."""

    id: str
    title: str
    docname: str
    change: Kind
    fields: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()
    sections_present: tuple[str, ...] = ()
    sections_missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class FindingChange:
    """A finding of one export that the other lacks (by key), as the export has it."""

    key: str
    subtype: str
    message: str
    source: str | None
    line: int | None


@dataclass(frozen=True)
class Changes:
    """Every doc that differs, in doc id order; the findings new in the head and those
    fixed since the base, in key order."""

    docs: tuple[DocChange, ...] = ()
    findings_new: tuple[FindingChange, ...] = ()
    findings_fixed: tuple[FindingChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.docs or self.findings_new or self.findings_fixed)


# --------------------------------------------------------------------------- comparing

#: Doc-level values, in the order they are reported: (key in the export, name shown).
DOC_FIELDS = (
    ("title", "title"),
    ("design_doc", "design-doc"),
    ("status", "status"),
    ("authors", "authors"),
    ("reviewers", "reviewers"),
    ("tags", "tags"),
    ("created", "created"),
    ("updated", "updated"),
    ("prd", "prd"),
    ("overview", "overview"),
)
RELATIONS = ("supersedes", "amends", "requires", "related")
#: Items matched by id: (key in the export, kind shown, [(key, name shown), ...]).
ITEM_LISTS = (
    ("goals", "goal", (("title", "title"), ("kind", "kind"), ("target", "target"))),
    ("components", "component", (("title", "title"), ("purpose", "purpose"),
                                 ("interface", "interface"), ("depends_on", "depends-on"))),
    ("alternatives", "alternative", (("title", "title"), ("why_not", "why-not"))),
    ("questions", "question", (("title", "title"), ("owner", "owner"),
                               ("resolution", "resolution"))),
)  # fmt: skip
LOGGING_FIELDS = (("use_cases", "use-cases"), ("pii", "pii"), ("privacy", "privacy"))
DETAIL_FIELDS = (("events", "events"), ("fields", "fields"), ("retention", "retention"),
                 ("sampling", "sampling"))  # fmt: skip
SECURITY_FIELDS = (("authentication", "authentication"), ("authorization", "authorization"),
                   ("data_protection", "data-protection"))  # fmt: skip
TESTING_FIELDS = (("unit", "unit"), ("integration", "integration"),
                  ("performance", "performance"))  # fmt: skip


def _value(value: Any) -> Value:
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value)


def _fields(
    old: dict[str, Any], new: dict[str, Any], names: tuple[tuple[str, str], ...], prefix: str = ""
) -> list[FieldChange]:
    found = []
    for key, name in names:
        before, after = _value(old.get(key)), _value(new.get(key))
        if before != after:
            found.append(FieldChange(prefix + name, before, after))
    return found


def _keyed(items: list[Any], key: str) -> dict[str, dict[str, Any]]:
    """Items by id; a repeated id (a ``designdoc.duplicate`` warning) gets ``#2``, ``#3``."""
    found: dict[str, dict[str, Any]] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        ident, number = str(item.get(key, "")), 1
        while (ident if number == 1 else f"{ident}#{number}") in found:
            number += 1
        found[ident if number == 1 else f"{ident}#{number}"] = item
    return found


def _items(
    kind: str,
    old: list[Any],
    new: list[Any],
    names: tuple[tuple[str, str], ...],
    key: str = "id",
    title: str = "title",
) -> list[ItemChange]:
    before, after = _keyed(old, key), _keyed(new, key)
    found = []
    for ident in sorted(before.keys() | after.keys()):
        if ident not in after:
            found.append(ItemChange(kind, ident, str(before[ident].get(title, "")), "removed"))
        elif ident not in before:
            found.append(ItemChange(kind, ident, str(after[ident].get(title, "")), "added"))
        elif changed := _fields(before[ident], after[ident], names):
            label = str(after[ident].get(title, ""))
            found.append(ItemChange(kind, ident, label, "changed", tuple(changed)))
    return found


def _non_goals(old: list[Any], new: list[Any]) -> list[ItemChange]:
    """Non-goals have no id: matched by their text, so an edit is a removal and an addition."""
    before, after = Counter(str(text) for text in old), Counter(str(text) for text in new)
    return [
        ItemChange("non-goal", "", text, "removed") for text in sorted((before - after).elements())
    ] + [ItemChange("non-goal", "", text, "added") for text in sorted((after - before).elements())]


def _section(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def _diff_doc(doc_id: str, old: dict[str, Any], new: dict[str, Any]) -> DocChange | None:
    fields = _fields(old, new, DOC_FIELDS)
    fields += _fields(
        _section(old.get("relations")),
        _section(new.get("relations")),
        tuple((kind, kind) for kind in RELATIONS),
    )
    old_log, new_log = _section(old.get("logging")), _section(new.get("logging"))
    fields += _fields(old_log, new_log, LOGGING_FIELDS, "logging ")
    for name, fields_of in (("security", SECURITY_FIELDS), ("testing", TESTING_FIELDS)):
        fields += _fields(_section(old.get(name)), _section(new.get(name)), fields_of, name + " ")
    items: list[ItemChange] = []
    for key, kind, names in ITEM_LISTS:
        items += _items(kind, old.get(key) or [], new.get(key) or [], names)
    items += _non_goals(old.get("non_goals") or [], new.get("non_goals") or [])
    items += _items(
        "log use case",
        old_log.get("details") or [],
        new_log.get("details") or [],
        DETAIL_FIELDS,
        key="use_case",
        title="use_case",
    )
    old_sections, new_sections = _section(old.get("sections")), _section(new.get("sections"))
    keys = sorted(old_sections.keys() | new_sections.keys())
    present = tuple(n for n in keys if new_sections.get(n) is True and not old_sections.get(n))
    missing = tuple(n for n in keys if old_sections.get(n) is True and not new_sections.get(n))
    if not (fields or items or present or missing):
        return None
    return DocChange(
        doc_id,
        str(new.get("title", "")),
        str(new.get("docname", "")),
        "changed",
        tuple(fields),
        tuple(items),
        present,
        missing,
    )


def _findings(export: dict[str, Any]) -> dict[str, FindingChange]:
    """The export's findings by key, but those ``suppress_warnings`` silences: a project
    that silences a subtype does not want it reported here either."""
    return {
        row["key"]: FindingChange(
            row["key"], row["subtype"], row["message"], row["source"], row["line"]
        )
        for row in export.get("findings", ())
        if row["state"] != "suppressed"
    }


def diff_findings(
    base: dict[str, Any], head: dict[str, Any]
) -> tuple[list[FindingChange], list[FindingChange]]:
    """The findings new in ``head`` and those fixed since ``base``, by key: a finding
    whose lines moved is the same finding, one whose doc was renamed is not. None when
    either export is older than findings in exports: all would look new or fixed."""
    if "findings" not in base or "findings" not in head:
        return [], []
    before, after = _findings(base), _findings(head)
    new = [after[key] for key in sorted(after.keys() - before.keys())]
    return new, [before[key] for key in sorted(before.keys() - after.keys())]


def diff_exports(base: dict[str, Any], head: dict[str, Any]) -> Changes:
    """What changed from ``base`` to ``head`` (two loaded exports), in doc id order."""
    old_docs, new_docs = _section(base.get("docs")), _section(head.get("docs"))
    docs = []
    for doc_id in sorted(old_docs.keys() | new_docs.keys()):
        old, new = old_docs.get(doc_id), new_docs.get(doc_id)
        if new is None:
            assert old is not None
            docs.append(DocChange(doc_id, str(old["title"]), str(old["docname"]), "removed"))
        elif old is None:
            docs.append(DocChange(doc_id, str(new["title"]), str(new["docname"]), "added"))
        elif (changed := _diff_doc(doc_id, old, new)) is not None:
            docs.append(changed)
    new_findings, fixed = diff_findings(base, head)
    return Changes(tuple(docs), tuple(new_findings), tuple(fixed))


# --------------------------------------------------------------------------- rendering


def _shown(value: Value, quote_text: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "[" + ", ".join(quote_text(item) for item in value) + "]" if value else "[]"
    return cast("str", quote_text(value))


def _field_line(change: FieldChange, quote_text: Any, word: Any) -> str:
    """``name: old -> new``; for lists of the same items in any order, what came and went."""
    old, new = change.old, change.new
    if change.field == "status":
        return f"status: {word(old or 'none')} -> {word(new or 'none')}"
    if isinstance(old, list) and isinstance(new, list):
        parts = [f"+{quote_text(item)}" for item in new if item not in old]
        parts += [f"-{quote_text(item)}" for item in old if item not in new]
        if parts:
            return f"{change.field}: " + ", ".join(parts)
    return f"{change.field}: {_shown(old, quote_text)} -> {_shown(new, quote_text)}"


def _item_lines(item: ItemChange, quote_text: Any, word: Any) -> list[str]:
    label = item.kind + (f" {word(item.id)}" if item.id else "")
    if item.change != "changed":
        return [f"{label}: {item.change} {quote_text(item.title)}"]
    return [f"{label}: {_field_line(f, quote_text, word)}" for f in item.fields]


def _doc_lines(doc: DocChange, quote_text: Any, word: Any) -> list[str]:
    lines = [_field_line(change, quote_text, word) for change in doc.fields]
    for item in doc.items:
        lines += _item_lines(item, quote_text, word)
    lines += [f"section {word(name)}: now present" for name in doc.sections_present]
    lines += [f"section {word(name)}: now missing" for name in doc.sections_missing]
    return lines


def summary(changes: Changes) -> str:
    """One line: how many docs were added, removed, changed; how many findings are new
    and how many were fixed."""
    line = "No design doc changed."
    if changes.docs:
        counts = [
            f"{sum(doc.change == kind for doc in changes.docs)} {kind}"
            for kind in ("added", "removed", "changed")
            if any(doc.change == kind for doc in changes.docs)
        ]
        number = len(changes.docs)
        verb = "design docs differ" if number > 1 else "design doc differs"
        line = f"{number} {verb}: " + ", ".join(counts) + "."
    found = [
        f"{len(findings)} {name}"
        for findings, name in ((changes.findings_new, "new"), (changes.findings_fixed, "fixed"))
        if findings
    ]
    return line + (" Findings: " + ", ".join(found) + "." if found else "")


def _place(finding: FindingChange) -> str:
    """``source:line``; a finding about the configuration has no source: ``conf.py``."""
    place = finding.source or "conf.py"
    return f"{place}:{finding.line}" if finding.line else place


def _findings_lines(changes: Changes, key: Any, text: Any) -> list[str]:
    """``new KEY (SOURCE:LINE): MESSAGE`` for each finding new, then each one fixed."""
    return [
        f"{change} {key(f.key)} ({text(_place(f))}): {text(f.message)}"
        for change, findings in (("new", changes.findings_new), ("fixed", changes.findings_fixed))
        for f in findings
    ]


def _text_quote(text: str) -> str:
    return json.dumps(plain(text), ensure_ascii=False)


def to_text(changes: Changes) -> str:
    """Plain text for a terminal: values quoted as JSON strings, control characters gone."""
    lines = [summary(changes)]
    for doc in changes.docs:
        lines += ["", f"{doc.change} {plain(doc.id)} {_text_quote(doc.title)}"]
        lines += ["  " + line for line in _doc_lines(doc, _text_quote, plain)]
    if changes.findings_new or changes.findings_fixed:
        lines += ["", "findings:"]
        lines += ["  " + line for line in _findings_lines(changes, plain, plain)]
    return "\n".join(lines) + "\n"


def _md_quote(text: str) -> str:
    return f"“{escape_markdown(text)}”"


def page_url(base_url: str, docname: str) -> str:
    """``{base_url}/{docname}.html``, quoted so that it stays one Markdown link target."""
    base = quote(base_url.rstrip("/"), safe=":/?#@!$&*+,;=%~")
    return f"{base}/{quote(plain(docname), safe='/')}.html"


def to_markdown(changes: Changes, base_url: str | None = None) -> str:
    """For a pull-request comment or a CI job summary: a summary line, then one section per
    changed doc. Every piece of text from the exports is escaped (:func:`escape_markdown`)."""
    lines = [f"**{summary(changes)}**"]
    for doc in changes.docs:
        title = escape_markdown(doc.title) or escape_markdown(doc.id)
        if base_url is not None and doc.change != "removed":
            title = f"[{title}]({page_url(base_url, doc.docname)})"
        lines += ["", f"### {title} ({escape_markdown(doc.id)}): {doc.change}"]
        body = _doc_lines(doc, _md_quote, escape_markdown)
        if body:
            lines += [""] + [f"- {line}" for line in body]
    if changes.findings_new or changes.findings_fixed:
        lines += ["", "### Findings", ""]
        lines += [f"- {line}" for line in _findings_lines(changes, code_span, escape_markdown)]
    return "\n".join(lines) + "\n"


def to_json(changes: Changes) -> str:
    """The changes as JSON, keys sorted: ``{"version": 1, "summary": ..., "docs": [...]}``."""
    data = {"version": 1, "summary": summary(changes), **asdict(changes)}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
