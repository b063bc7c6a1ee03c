"""``sphinx-designdoc findings``: an export's findings in the formats CI systems show.

``text`` for a terminal (``source:line: [designdoc.subtype] message``), ``github`` for
GitHub Actions workflow commands (an annotation on the line), ``gitlab`` for a GitLab
Code Quality report, ``json`` for other tools. Only shown findings are printed:
baselined and suppressed ones are the project's decision not to see them. The export
is untrusted input, so every piece of text is escaped for where it goes.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass
from typing import Any

from sphinx_designdoc.escaping import github_data, github_property, plain

FORMATS = ("text", "github", "gitlab", "json")
#: Where a finding about the configuration is reported: it has no source of its own.
CONFIG_SOURCE = "conf.py"


@dataclass(frozen=True)
class Annotation:
    """One shown finding, with its path as the CI system wants it."""

    key: str
    subtype: str
    message: str
    path: str
    line: int | None


def repository_path(source: str | None, prefix: str) -> str:
    """``source`` (relative to the source dir) as a path from ``prefix``, the source
    dir's place in the repository: ``docs/`` + ``designs/a.rst``; an included file
    outside the source dir (``../README.rst``) comes out as ``README.rst``."""
    path = source or CONFIG_SOURCE
    return posixpath.normpath(posixpath.join(prefix, path)) if prefix else path


def shown_findings(
    export: dict[str, Any], prefix: str = "", new_since: dict[str, Any] | None = None
) -> list[Annotation]:
    """The export's shown findings in its order (by source and line); with ``new_since``
    (another export), only those whose key it does not have."""
    known = {row["key"] for row in new_since["findings"]} if new_since else set()
    return [
        Annotation(
            row["key"],
            row["subtype"],
            row["message"],
            repository_path(row["source"], prefix),
            row["line"],
        )
        for row in export.get("findings", ())
        if row["state"] == "shown" and row["key"] not in known
    ]


def to_text(found: list[Annotation]) -> str:
    """``source:line: [designdoc.subtype] message``, the form of Sphinx's own warnings."""
    return "".join(
        f"{plain(a.path)}{f':{a.line}' if a.line else ''}: "
        f"[designdoc.{plain(a.subtype)}] {plain(a.message)}\n"
        for a in found
    )


def to_github(found: list[Annotation]) -> str:
    """``::warning file=...,line=...,title=designdoc.SUBTYPE::MESSAGE``, one a line."""
    lines = []
    for a in found:
        properties = [f"file={github_property(a.path)}"]
        if a.line:
            properties.append(f"line={a.line}")
        properties.append(f"title={github_property('designdoc.' + a.subtype)}")
        lines.append(f"::warning {','.join(properties)}::{github_data(a.message)}\n")
    return "".join(lines)


def fingerprint(key: str) -> str:
    """A stable id for GitLab to match a finding across pipelines: the key's digest."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def to_gitlab(found: list[Annotation]) -> str:
    """A GitLab Code Quality report: a JSON array of Code Climate issues."""
    issues = [
        {
            "description": a.message,
            "check_name": f"designdoc.{a.subtype}",
            "fingerprint": fingerprint(a.key),
            "severity": "minor",
            "location": {"path": a.path, "lines": {"begin": a.line or 1}},
        }
        for a in found
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def to_json(found: list[Annotation]) -> str:
    """The shown findings as a JSON array of ``key, subtype, message, path, line``."""
    rows = [
        {"key": a.key, "subtype": a.subtype, "message": a.message, "path": a.path, "line": a.line}
        for a in found
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": to_text, "github": to_github, "gitlab": to_gitlab, "json": to_json}
