"""Helpers to build copies of test roots and read what the builds produced."""

from __future__ import annotations

import inspect
import json
import re
import shutil
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences
from sphinx.util.docutils import patch_docutils

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import pytest

ROOTS = Path(__file__).parent / "roots"
_WARNING = re.compile(
    r"^(?:(?P<file>[^\n]*?)(?::(?P<line>\d+))?: )?WARNING: (?P<message>.*?) "
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
        Warning(
            Path(m["file"] or "").name, int(m["line"] or 0), m["message"], m["type"], m["subtype"]
        )
        for m in _WARNING.finditer(text)
    ]


@dataclass
class Build:
    """The result of one build: where it wrote, and what it warned."""

    srcdir: Path
    outdir: Path
    warnings_text: str
    app: SphinxTestApp
    status_text: str = ""

    def __post_init__(self) -> None:
        self.warnings_text = strip_escape_sequences(self.warnings_text)
        self.status_text = strip_escape_sequences(self.status_text)

    @property
    def warnings(self) -> list[Warning]:
        return parse_warnings(self.warnings_text)

    def json(self) -> dict[str, Any]:
        return json.loads((self.outdir / "designdoc.json").read_text(encoding="utf-8"))

    def html(self, docname: str) -> str:
        return (self.outdir / f"{docname}.html").read_text(encoding="utf-8")

    def soup(self, docname: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(docname), "html.parser")

    def resolved_doctree(self, docname: str) -> nodes.document:
        """``docname`` as the builder writes it; Sphinx 9 wants the build's tags too."""
        env, builder = self.app.env, self.app.builder
        if "tags" in inspect.signature(env.get_and_resolve_doctree).parameters:
            return env.get_and_resolve_doctree(docname, builder, tags=self.app.tags)
        return env.get_and_resolve_doctree(docname, builder)

    def body(self, docname: str) -> str:
        """The main content of a page, without theme chrome."""
        body = self.soup(docname).select_one('div[role="main"], div.body, article')
        assert body is not None
        return str(body)


def lines_of(source: Path | str, marker: str) -> list[int]:
    """The 1-based numbers of the lines of ``source`` (a file, or its text) that contain
    ``marker``; unpack the result to say how many there are. Lines end at ``\n`` only,
    as in the warnings (``str.splitlines`` would also break at a form feed or U+2028)."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return [n for n, line in enumerate(text.split("\n"), 1) if marker in line]


def line_of(source: Path | str, marker: str) -> int:
    """The 1-based number of the one line of ``source`` (a file, or its text) that
    contains ``marker``: a warning's expected line, found the way a reader finds it."""
    found = lines_of(source, marker)
    assert len(found) == 1, f"{marker!r} is on lines {found}, not on exactly one"
    return found[0]


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
    filenames: Sequence[Path] = (),
) -> Build:
    """Build ``srcdir`` (incrementally when ``builddir`` holds an earlier build); with
    ``filenames``, only those sources, as ``sphinx-build SRC OUT FILE...`` does."""
    builddir = builddir or srcdir / "_build"
    warning, status = StringIO(), StringIO()
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=builddir,
        freshenv=freshenv,
        confoverrides=confoverrides or {},
        parallel=parallel,
        warning=warning,
        status=status,
    )
    try:
        app.build(filenames=list(filenames))
    finally:
        app.cleanup()
    return Build(srcdir, Path(app.outdir), warning.getvalue(), app, status.getvalue())


def build_both_ways(
    one: Path,
    two: Path,
    builder: str,
    monkeypatch: pytest.MonkeyPatch,
    switch_off: Callable[[pytest.MonkeyPatch], None],
) -> tuple[Build, Build]:
    """``one`` built as users get it, ``two`` with ``switch_off`` applied (a short cut of
    the extension switched off); each reads its ``docutils.conf`` as ``sphinx-build``
    does."""
    with patch_docutils(one):
        usual = build(one, builder, freshenv=True)
    with patch_docutils(two), monkeypatch.context() as patch:
        switch_off(patch)
        without = build(two, builder, freshenv=True)
    return usual, without


def page_bodies(result: Build) -> dict[str, str]:
    """The main content of every HTML page, by path."""
    return {
        str(path.relative_to(result.outdir)): result.body(str(path.relative_to(result.outdir))[:-5])
        for path in sorted(result.outdir.rglob("*.html"))
        if path.name not in {"genindex.html", "search.html"}
    }


def assert_same_output(build: Build, clean: Build) -> None:
    """``build`` wrote the same ``designdoc.json`` and page contents as ``clean``.

    Every page of the clean build is compared; a page left behind by a removed or moved
    source is Sphinx's own business (it never deletes output files).
    """
    assert build.json() == clean.json()
    bodies, clean_bodies = page_bodies(build), page_bodies(clean)
    assert set(clean_bodies) <= set(bodies)
    for page, body in clean_bodies.items():
        assert bodies[page] == body, f"{page} differs"


def output_files(result: Build) -> dict[str, bytes]:
    """Every file the build wrote, by path relative to the output directory."""
    return {
        str(path.relative_to(result.outdir)): path.read_bytes()
        for path in sorted(result.outdir.rglob("*"))
        if path.is_file()
    }


def assert_identical(one: Build, two: Build) -> None:
    """Both builds wrote the same files with the same bytes."""
    files, other = output_files(one), output_files(two)
    assert sorted(files) == sorted(other)
    assert "designdoc.json" in files
    differing = [name for name in files if files[name] != other[name]]
    assert differing == []


def write_generated_project(srcdir: Path, count: int) -> None:
    """``count`` design docs that link to each other, plus an index page of every kind."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text('extensions = ["sphinx_designdoc"]\n', encoding="utf-8")
    names = [f"doc{n:03d}" for n in range(count)]
    toctree = "\n".join(f"   {name}" for name in [*names, "indexes"])
    (srcdir / "index.rst").write_text(
        f"Home\n====\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8"
    )
    kinds = "\n\n".join(
        f".. design-index:: {kind}"
        for kind in ("docs", "goals", "non-goals", "alternatives", "logging")
    )
    (srcdir / "indexes.rst").write_text(f"Indexes\n=======\n\n{kinds}\n", encoding="utf-8")
    statuses = ("draft", "in-review", "approved", "implemented")
    for n, name in enumerate(names):
        following = names[(n + 1) % count]
        (srcdir / f"{name}.rst").write_text(
            f"""\
Design {n}
{"=" * (7 + len(str(n)))}

.. design-doc::
   :id: {name}
   :status: {statuses[n % 4]}
   :tags: team{n % 3}
   :reviewers: Reviewer {n}
   :related: {following}

   Overview of design {n}.

Background
----------

Context for design {n}.

Goals
-----

.. design-goals::

   .. goal:: Goal {n}
      :id: g
      :kind: performance
      :target: p99 < {n} ms

   - Plain goal {n}

Non-Goals
---------

.. non-goals::

   - Non-goal {n}

Design
------

.. component:: Service {n}
   :id: svc
   :purpose: Does the work of design {n}.

Data Model
----------

One table.

API Design
----------

One endpoint.

Error Handling
--------------

Retries.

Security Considerations
-----------------------

.. security-considerations::
   :authentication: mTLS

Testing Strategy
----------------

.. testing-strategy::
   :unit: 90% coverage

Migration Plan
--------------

None needed.

Logging Strategy
----------------

.. logging-strategy::
   :use-cases: tracing

   .. log-use-case:: tracing
      :retention: {n + 1}d

Alternatives Considered
-----------------------

.. alternative:: Alternative {n}
   :id: alt
   :why-not: Reason {n}

Next is :design:doc:`{following}`, its goal :design:goal:`{following}.g`.
""",
            encoding="utf-8",
        )


def write_project(srcdir: Path, files: dict[str, str], conf: str = "") -> Path:
    """A small project from strings; ``conf`` is appended to the default conf.py."""
    srcdir.mkdir(parents=True, exist_ok=True)
    base = (
        'extensions = ["sphinx_designdoc", "myst_parser"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
    )
    (srcdir / "conf.py").write_text(base + conf, encoding="utf-8")
    for name, text in files.items():
        (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
        (srcdir / name).write_text(text, encoding="utf-8")
    return srcdir
