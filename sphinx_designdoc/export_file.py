"""Reading a ``designdoc.json`` file that another build wrote: untrusted input.

:func:`load_export` reads one and checks it (readable, JSON, this version, the shape the
packaged schema describes), so that the commands that work on exports (``diff``,
``findings``, ``baseline``) can trust its shape and report a bad file in one line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, cast

from sphinx_designdoc.export import SCHEMA_VERSION, load_schema


class ExportFileError(Exception):
    """A file that cannot be used; the message is one line, naming the file."""


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
#: The Python types of each JSON type; ``bool`` is an ``int`` in Python, not in JSON.
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "null": (type(None),),
    "integer": (int,),
    "number": (int, float),
}

#: A problem: where it is (the keys and indexes from the node checked) and what it is.
Problem = tuple[tuple[str, ...], str]
#: A schema node made into a function: the first problem of a value, or ``None``.
Check = Callable[[Any], Problem | None]


def _where(path: tuple[str, ...]) -> str:
    return "/".join(path) or "top level"


def _type_check(names: list[str]) -> Check:
    types = tuple(python for name in names for python in _TYPES[name])
    bool_ok = "boolean" in names

    def check(value: Any) -> Problem | None:
        if isinstance(value, types) and (bool_ok or not isinstance(value, bool)):
            return None
        return (), f"{_one_line(json.dumps(value), 40)} is not of type {names}"

    return check


def _value_checks(schema: dict[str, Any]) -> list[Check]:
    """The checks of a value itself, in the order they are reported."""
    checks = []
    if "type" in schema:
        types = schema["type"]
        checks.append(_type_check([types] if isinstance(types, str) else types))
    if "const" in schema:
        const = schema["const"]
        checks.append(lambda v: None if (v, type(v)) == (const, type(const)) else
                      ((), f"{const!r} was expected"))  # fmt: skip
    if "enum" in schema:
        allowed, names = schema["enum"], ", ".join(map(repr, schema["enum"]))
        checks.append(lambda v: None if v in allowed else ((), f"one of {names} was expected"))
    if "minimum" in schema:
        least = schema["minimum"]
        checks.append(lambda v: ((), f"{v} is less than {least}") if
                      isinstance(v, int | float) and not isinstance(v, bool) and v < least
                      else None)  # fmt: skip
    return checks


def _one_of(subs: list[Check]) -> Check:
    """Exactly one must match; else the shortest problem, as jsonschema's best match."""

    def check(value: Any) -> Problem | None:
        problems = [sub(value) for sub in subs]
        if problems.count(None) == 1:
            return None
        found = [p for p in problems if p is not None]
        if not found:
            return (), "ambiguous"
        return min(found, key=lambda p: len(_where(("-", *p[0]))) + len(p[1]))

    return check


def _object_check(schema: dict[str, Any], compile_: Callable[[Any], Check]) -> Check:
    required = tuple(schema.get("required", ()))
    properties = {key: compile_(sub) for key, sub in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties", True)
    other = compile_(extra) if isinstance(extra, dict) else None

    def check(value: dict[str, Any]) -> Problem | None:
        for key in required:
            if key not in value:
                return (), f"{key!r} is a required property"
        for key in sorted(value):
            sub = properties.get(key, other)
            if sub is None:
                if extra is False:
                    return (), f"unexpected property {_one_line(repr(key), 40)}"
                continue
            if (found := sub(value[key])) is not None:
                return (key, *found[0]), found[1]
        return None

    return check


def _compile(schema: dict[str, Any], root: dict[str, Any], refs: dict[str, Check]) -> Check:
    """``schema`` as a function, compiled once: checking a large export then costs a
    call per value instead of reading the schema's keys for each."""
    if "$ref" in schema:
        name = schema["$ref"]

        def by_ref(value: Any) -> Problem | None:
            if name not in refs:
                target: Any = root
                for part in name.removeprefix("#/").split("/"):
                    target = target[part]
                refs[name] = _compile(target, root, refs)
            return refs[name](value)

        return by_ref
    checks = _value_checks(schema)
    if "oneOf" in schema:
        checks.append(_one_of([_compile(sub, root, refs) for sub in schema["oneOf"]]))
    objects = _object_check(schema, lambda sub: _compile(sub, root, refs))
    items = _compile(schema["items"], root, refs) if isinstance(schema.get("items"), dict) else None

    def check(value: Any) -> Problem | None:
        for one in checks:
            if (found := one(value)) is not None:
                return found
        if isinstance(value, dict):
            return objects(value)
        if items is not None and isinstance(value, list):
            for number, item in enumerate(value):
                if (found := items(item)) is not None:
                    return (str(number), *found[0]), found[1]
        return None

    return check


def schema_error(data: Any, schema: dict[str, Any] | None = None) -> str | None:
    """The first place ``data`` does not match the packaged schema, or ``None``.

    A small validator for the keywords the schema uses (:data:`CHECKED_KEYWORDS`), the
    schema compiled to functions: many times faster than jsonschema on a large export,
    and no dependency. The tests check that it agrees with jsonschema.
    """
    check = _packaged_check() if schema is None else _compile(schema, schema, {})
    found = check(data)
    return None if found is None else f"{_where(found[0])}: {found[1]}"


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
def _packaged_check() -> Check:
    schema = _packaged_schema()
    return _compile(schema, schema, {})


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
        raise ExportFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise ExportFileError(f"{path}: cannot read it: {_one_line(str(reason))}") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise ExportFileError(f"{path}: not JSON: {_one_line(str(error))}") from None
    if not isinstance(data, dict):
        raise ExportFileError(f"{path}: not a designdoc.json export (not an object)")
    version = data.get("version")
    if type(version) is not int or version != SCHEMA_VERSION:
        shown = _one_line(json.dumps(version), 40)
        raise ExportFileError(
            f"{path}: unsupported version {shown} (this release reads version {SCHEMA_VERSION})"
        )
    problem = schema_error(data)
    if problem is not None:
        raise ExportFileError(f"{path}: not a valid designdoc.json: {_one_line(problem)}")
    return cast("dict[str, Any]", data)
