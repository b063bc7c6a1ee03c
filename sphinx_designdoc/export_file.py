"""Reading a ``designdoc.json`` file that another build wrote: untrusted input.

:func:`load_export` reads one and checks it (readable, JSON, this version, the shape the
packaged schema describes), so that the commands that work on exports (``diff``,
``findings``, ``baseline``) can trust its shape and report a bad file in one line.
"""

from __future__ import annotations

import json
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
