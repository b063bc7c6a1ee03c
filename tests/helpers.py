"""Helpers to build copies of test roots and read what the builds produced."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

ROOTS = Path(__file__).parent / "roots"
_WARNING = re.compile(
    r"^(?P<file>[^\n]*?):(?P<line>\d+): WARNING: (?P<message>.*?) "
    r"\[(?P<type>[\w-]+)\.(?P<subtype>[\w-]+)\]$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Warning:
    """One warning as a user sees it: ``file:line: WARNING: message [type.subtype]``."""

    file: str
    line: int
    message: str
    type: str
    subtype: str


def parse_warnings(text: str) -> list[Warning]:
    text = strip_escape_sequences(text)
    return [
        Warning(Path(m["file"]).name, int(m["line"]), m["message"], m["type"], m["subtype"])
        for m in _WARNING.finditer(text)
    ]


@dataclass
class Build:
    """The result of one build: where it wrote, and what it warned."""

    srcdir: Path
    outdir: Path
    warnings_text: str
    app: SphinxTestApp

    def __post_init__(self) -> None:
        self.warnings_text = strip_escape_sequences(self.warnings_text)

    @property
    def warnings(self) -> list[Warning]:
        return parse_warnings(self.warnings_text)

    def json(self) -> dict[str, Any]:
        return json.loads((self.outdir / "designdoc.json").read_text(encoding="utf-8"))

    def html(self, docname: str) -> str:
        return (self.outdir / f"{docname}.html").read_text(encoding="utf-8")

    def soup(self, docname: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(docname), "html.parser")

    def body(self, docname: str) -> str:
        """The main content of a page, without theme chrome."""
        body = self.soup(docname).select_one('div[role="main"], div.body, article')
        assert body is not None
        return str(body)


def copy_root(name: str, dest: Path) -> Path:
    """A private, editable copy of ``tests/roots/test-<name>``."""
    srcdir = dest / name
    shutil.copytree(ROOTS / f"test-{name}", srcdir)
    return srcdir


def build(
    srcdir: Path,
    buildername: str = "html",
    *,
    builddir: Path | None = None,
    parallel: int = 0,
    freshenv: bool = False,
    confoverrides: dict[str, Any] | None = None,
) -> Build:
    """Build ``srcdir`` (incrementally when ``builddir`` holds an earlier build)."""
    builddir = builddir or srcdir / "_build"
    warning = StringIO()
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=builddir,
        freshenv=freshenv,
        confoverrides=confoverrides or {},
        parallel=parallel,
        warning=warning,
        status=StringIO(),
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Build(srcdir, Path(app.outdir), warning.getvalue(), app)


