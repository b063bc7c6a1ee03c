"""``sphinx-designdoc diff``: what a change does to the design docs, from two exports.

Pure functions over two ``designdoc.json`` files (see docs/json.md): :func:`load_export`
reads and checks one, :func:`diff_exports` compares two into :class:`Changes`, and
:func:`to_text`, :func:`to_markdown` and :func:`to_json` render them. Both files are
untrusted input: every piece of text they hold is escaped by the renderers, and nothing
here depends on the order of keys or the order of iteration, so the output is
deterministic.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import quote

from sphinx_designdoc.export import SCHEMA_VERSION, load_schema

Value = str | bool | list[str] | None
Kind = Literal["added", "removed", "changed"]


class DiffInputError(Exception):
    """A file that cannot be compared; the message is one line, naming the file."""


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
class Changes:
    """Every doc that differs, in doc id order.

    ``findings_new`` and ``findings_fixed`` (finding keys) are the seam for findings: the
    export holds none yet, so they stay empty until it does (see :func:`diff_findings`).
    """

    docs: tuple[DocChange, ...] = ()
    findings_new: tuple[str, ...] = field(default=())
    findings_fixed: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.docs or self.findings_new or self.findings_fixed)


# --------------------------------------------------------------------------- loading


#: The keywords of the packaged schema that :func:`schema_error` checks; the others it
#: meets are annotations. A schema using any other keyword fails the tests.
CHECKED_KEYWORDS = frozenset(
    {
        "type",
        "const",
        "enum",
        "required",
        "properties",
        "additionalProperties",
        "items",
        "oneOf",
        "$ref",
        "minimum",
    }
)
ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$defs"})
_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
}


def _where(path: tuple[str, ...]) -> str:
    return "/".join(path) or "top level"


def _object_error(schema: dict[str, Any], value: dict[str, Any], path: tuple[str, ...],
                  root: dict[str, Any]) -> str | None:  # fmt: skip
    for key in schema.get("required", ()):
        if key not in value:
            return f"{_where(path)}: {key!r} is a required property"
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key in sorted(value):
        if key in properties:
            found = _error(properties[key], value[key], (*path, key), root)
        elif extra is False:
            found = f"{_where(path)}: unexpected property {_one_line(repr(key), 40)}"
        elif isinstance(extra, dict):
            found = _error(extra, value[key], (*path, key), root)
        else:
            found = None
        if found:
            return found
    return None


def _value_error(schema: dict[str, Any], value: Any, path: tuple[str, ...]) -> str | None:
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_TYPES[name](value) for name in names):
            return f"{_where(path)}: {_one_line(json.dumps(value), 40)} is not of type {names}"
    if "const" in schema and (value, type(value)) != (schema["const"], type(schema["const"])):
        return f"{_where(path)}: {schema['const']!r} was expected"
    if "enum" in schema and value not in schema["enum"]:
        return f"{_where(path)}: one of {', '.join(map(repr, schema['enum']))} was expected"
    if "minimum" in schema and _TYPES["number"](value) and value < schema["minimum"]:
        return f"{_where(path)}: {value} is less than {schema['minimum']}"
    return None


def _error(schema: dict[str, Any], value: Any, path: tuple[str, ...], root: dict[str, Any]
           ) -> str | None:  # fmt: skip
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return _error(target, value, path, root)
    if found := _value_error(schema, value, path):
        return found
    if "oneOf" in schema:
        errors = [_error(sub, value, path, root) for sub in schema["oneOf"]]
        if errors.count(None) != 1:
            return min((e for e in errors if e), key=len, default=f"{_where(path)}: ambiguous")
    if isinstance(value, dict):
        return _object_error(schema, value, path, root)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for number, item in enumerate(value):
            if found := _error(schema["items"], item, (*path, str(number)), root):
                return found
    return None


def schema_error(data: Any, schema: dict[str, Any] | None = None) -> str | None:
    """The first place ``data`` does not match the packaged schema, or ``None``.

    A small validator for the keywords the schema uses (:data:`CHECKED_KEYWORDS`): about
    twenty times faster than jsonschema on a large export, and no dependency. The tests
    check that it agrees with jsonschema.
    """
    schema = schema or _packaged_schema()
    return _error(schema, data, (), schema)


def _keywords(schema: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            found.add(key)
            if key in {"properties", "$defs"}:
                for sub in value.values():
                    found |= _keywords(sub)
            elif key not in {"const", "enum", "description", "title"}:
                found |= _keywords(value)
    elif isinstance(schema, list):
        for sub in schema:
            found |= _keywords(sub)
    return found


@cache
def _packaged_schema() -> dict[str, Any]:
    """The packaged schema, read once, when the first file is checked (not on import:
    the command line imports this module for every command). That it uses only
    :data:`CHECKED_KEYWORDS` is a test's job."""
    return load_schema()


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def load_export(path: str | Path) -> dict[str, Any]:
    """The export in ``path``, checked: readable, JSON, this version, the documented shape."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DiffInputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise DiffInputError(f"{path}: cannot read it: {_one_line(str(reason))}") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise DiffInputError(f"{path}: not JSON: {_one_line(str(error))}") from None
    if not isinstance(data, dict):
        raise DiffInputError(f"{path}: not a designdoc.json export (not an object)")
    version = data.get("version")
    if type(version) is not int or version != SCHEMA_VERSION:
        shown = _one_line(json.dumps(version), 40)
        raise DiffInputError(
            f"{path}: unsupported version {shown} (this release reads version {SCHEMA_VERSION})"
        )
    problem = schema_error(data)
    if problem is not None:
        raise DiffInputError(f"{path}: not a valid designdoc.json: {_one_line(problem)}")
    return cast("dict[str, Any]", data)


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


def diff_findings(base: dict[str, Any], head: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Finding keys new in ``head`` and fixed since ``base``.

    The seam for findings: the export has no findings yet (docs/json.md), so there is
    nothing to compare. When it gets them, compare their keys here; the renderers
    already show :attr:`Changes.findings_new` and :attr:`Changes.findings_fixed`.
    """
    return [], []


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
    return Changes(tuple(docs), tuple(sorted(new_findings)), tuple(sorted(fixed)))


# --------------------------------------------------------------------------- rendering

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\n\r\t\x0b\x0c\x85\u2028\u2029]+")
#: CommonMark lets any ASCII punctuation be escaped with a backslash; these are the ones
#: that can start markup in GitHub Markdown (emphasis, code, links, images, headings,
#: lists, tables, strike-through, HTML, entities, footnotes, math).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~=:$^\"'])")


def _plain(text: str) -> str:
    """One line of text without control characters or invisible direction changes."""
    text = _LINE_BREAKS.sub(" ", text)
    text = _CONTROL.sub("", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf" or c == "\u200d")


def escape_markdown(text: str) -> str:
    """``text`` as inert Markdown: shown as written, on one line, starting no markup.

    Line breaks become spaces; HTML is written as entities (``<img>`` shows as text);
    punctuation that starts markup is backslash-escaped (links, images, code, emphasis,
    headings, lists, ``|`` in table cells); ``@name`` mentions and ``#123`` references
    are broken with a zero-width space so they notify and link nobody.
    """
    text = _plain(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return text.replace("@", "@\u200b").replace("\\#", "\\#\u200b")


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
    """One line: how many docs were added, removed, changed."""
    if not changes.docs:
        return "No design doc changed."
    counts = [
        f"{sum(doc.change == kind for doc in changes.docs)} {kind}"
        for kind in ("added", "removed", "changed")
        if any(doc.change == kind for doc in changes.docs)
    ]
    number = len(changes.docs)
    verb = "design docs differ" if number > 1 else "design doc differs"
    return f"{number} {verb}: " + ", ".join(counts) + "."


def _findings_lines(changes: Changes, word: Any) -> list[str]:
    return [f"finding new: {word(key)}" for key in changes.findings_new] + [
        f"finding fixed: {word(key)}" for key in changes.findings_fixed
    ]


def _text_quote(text: str) -> str:
    return json.dumps(_plain(text), ensure_ascii=False)


def to_text(changes: Changes) -> str:
    """Plain text for a terminal: values quoted as JSON strings, control characters gone."""
    lines = [summary(changes)]
    for doc in changes.docs:
        lines += ["", f"{doc.change} {_plain(doc.id)} {_text_quote(doc.title)}"]
        lines += ["  " + line for line in _doc_lines(doc, _text_quote, _plain)]
    if changes.findings_new or changes.findings_fixed:
        lines += ["", *_findings_lines(changes, _plain)]
    return "\n".join(lines) + "\n"


def _md_quote(text: str) -> str:
    return f"“{escape_markdown(text)}”"


def page_url(base_url: str, docname: str) -> str:
    """``{base_url}/{docname}.html``, quoted so that it stays one Markdown link target."""
    base = quote(base_url.rstrip("/"), safe=":/?#@!$&*+,;=%~")
    return f"{base}/{quote(_plain(docname), safe='/')}.html"


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
        lines += [f"- {line}" for line in _findings_lines(changes, escape_markdown)]
    return "\n".join(lines) + "\n"


def to_json(changes: Changes) -> str:
    """The changes as JSON, keys sorted: ``{"version": 1, "summary": ..., "docs": [...]}``."""
    data = {"version": 1, "summary": summary(changes), **asdict(changes)}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
