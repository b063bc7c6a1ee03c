"""The documented examples are the specification: each is built as reStructuredText and as
MyST, and both must give one expected doctree (the sphinx-design pattern).

``docs/snippets/rst/NAME.rst`` and ``docs/snippets/myst/NAME.md`` are the examples the
docs pages show (Source and Rendered); ``tests/snippets/NAME.txt`` is what both render.
The example pages under ``docs/examples/`` exist in one format each; their other-format
twins are ``docs/snippets/examples/`` and both give ``tests/snippets/examples/NAME.txt``.

After a deliberate change of what a snippet renders, regenerate the expected files and
review the diff: ``DESIGNDOC_REGENERATE=1 pytest tests/test_snippets.py``.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from helpers import Build, build

if TYPE_CHECKING:
    from collections.abc import Iterable

DOCS = Path(__file__).parent.parent / "docs"
SNIPPETS = DOCS / "snippets"
EXAMPLES = DOCS / "examples"
EXPECTED = Path(__file__).parent / "snippets"
SUFFIX = {"rst": ".rst", "myst": ".md"}
REGENERATE = os.environ.get("DESIGNDOC_REGENERATE") == "1"

NAMES = sorted(path.stem for path in (SNIPPETS / "rst").glob("*.rst"))
EXAMPLE_NAMES = sorted(path.stem for path in EXAMPLES.iterdir())

# The test projects are configured as docs/conf.py configures the site: both formats,
# MyST with colon fences. Only the format of the page under test changes.
CONF = (
    'extensions = ["sphinx_designdoc", "myst_parser"]\nmyst_enable_extensions = ["colon_fence"]\n'
)

# What a snippet warns, as docs/warnings.rst shows it: (line in the reST form, line in
# the MyST form, type.subtype, message). The other snippets warn nothing: the docs site,
# which renders them, is built with -W.
WARNINGS: dict[str, set[tuple[int, int, str, str]]] = {
    "warning-option": {
        (5, 4, "designdoc.option", "unknown status 'aproved'; did you mean 'approved'?"),
        (6, 5, "designdoc.option", "bad :created: date '2026-02-30'; expected YYYY-MM-DD"),
    },
}


def normalised(doctree: nodes.document) -> str:
    """The doctree as text (``pformat``), without what only says how it was written.

    ``pformat`` shows node names, attributes and text, not ``line`` (not an attribute).
    Three normalisations, all about the source file rather than the page (and one
    about docutils' version: a true attribute prints as ``1`` on 0.22, ``True`` on
    0.21, so booleans are compared as numbers):

    - every ``source`` attribute is dropped: the file's path, which differs by
      temporary directory and by suffix;
    - comments are dropped: a note to the page's author, written ``.. text`` in reST
      (a ``comment`` node) and ``% text`` or ``<!-- text -->`` in MyST (a ``comment``,
      or a ``raw`` HTML node holding only the comment); no reader sees them;
    - adjacent text nodes are joined, and outside literal blocks each run of white
      space is one space: MyST gives each soft line break a text node of its own
      (``"\\n"``), reST keeps a paragraph's run of text in one, and an option value
      continued on the next line (reST only) keeps its line break; every builder shows
      any of these as one space.

    Nothing MyST-specific is dropped: a MyST-only attribute would be a difference
    worth seeing.
    """
    for node in list(doctree.findall(nodes.Element)):
        if isinstance(node, nodes.comment) or (
            isinstance(node, nodes.raw)
            and node.get("format") == "html"
            and re.fullmatch(r"\s*<!--.*-->\s*", node.astext(), re.DOTALL)
        ):
            node.parent.remove(node)
            continue
        node.attributes.pop("source", None)
        for name, value in node.attributes.items():  # docutils 0.21 prints True, 0.22 1
            if isinstance(value, bool):
                node.attributes[name] = int(value)
        children: list[nodes.Node] = []
        for child in node.children:
            if isinstance(child, nodes.Text) and children and isinstance(children[-1], nodes.Text):
                children[-1] = nodes.Text(children[-1] + child)
            else:
                children.append(child)
        if not isinstance(node, nodes.FixedTextElement):
            children = [
                nodes.Text(re.sub(r"\s+", " ", child)) if isinstance(child, nodes.Text) else child
                for child in children
            ]
        node.children = []
        node.extend(children)
    return doctree.pformat()


def warnings_of(result: Build) -> set[tuple[str, str, str]]:
    """(file, type.subtype, message) of each warning: the line is left out, as the same
    directive sits on different lines in the two formats; each must have one, though."""
    assert all(w.line > 0 for w in result.warnings), result.warnings_text
    return {(Path(w.file).stem, f"{w.type}.{w.subtype}", w.message) for w in result.warnings}


def check(actual: str, expected_file: Path, *, write: bool) -> None:
    """Compare with ``expected_file``; with ``DESIGNDOC_REGENERATE=1``, the form given
    ``write`` writes it first (the others still compare against it)."""
    if REGENERATE and write:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.is_file(), f"no {expected_file}; run with DESIGNDOC_REGENERATE=1"
    assert actual == expected_file.read_text(encoding="utf-8")


def write_project(srcdir: Path, pages: Iterable[str], conf: str = CONF) -> None:
    """``conf.py`` and an ``index.rst`` whose hidden toctree holds ``pages``."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    toctree = "".join(f"   {page}\n" for page in pages)
    (srcdir / "index.rst").write_text(
        f"Snippets\n========\n\n.. toctree::\n   :hidden:\n\n{toctree}", encoding="utf-8"
    )


def test_every_snippet_in_both_formats() -> None:
    assert NAMES
    for folder, suffix in (
        (SNIPPETS / "rst", ".rst"),
        (SNIPPETS / "myst", ".md"),
        (EXPECTED, ".txt"),
    ):
        assert {p.name for p in folder.iterdir()} - {"examples"} == {n + suffix for n in NAMES}


def group_of(name: str) -> str:
    """The ``design-index`` snippets (``index-*``) list what the whole project collected,
    so, as on the docs site, they are built beside the example pages; the other
    snippets stand alone, as each would at the top of a page of its own."""
    return "indexes" if name.startswith("index-") else "alone"


@pytest.fixture(scope="module")
def snippet_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Build]:
    """One project per group and format, each snippet a page named for it: a page's
    snippet shows nothing from the others (no snippet links to another or lists what
    other pages collect), so one build serves them all."""
    builds = {}
    for group in ("alone", "indexes"):
        names = [name for name in NAMES if group_of(name) == group]
        for fmt, suffix in SUFFIX.items():
            srcdir = tmp_path_factory.mktemp(f"{group}-{fmt}")
            pages = list(names)
            if group == "indexes":
                shutil.copytree(EXAMPLES, srcdir / "examples")
                pages += [f"examples/{example}" for example in EXAMPLE_NAMES]
            write_project(srcdir, pages)
            for name in names:
                shutil.copy(SNIPPETS / fmt / f"{name}{suffix}", srcdir / f"{name}{suffix}")
            # Not an HTML builder, so the doctree is in the standard docutils form every
            # non-HTML builder gets (the HTML builders get the same content partly
            # written as HTML, compared with it in test_short_forms.py); and unlike
            # "dummy" or "text" its links have their targets
            # (``refuri="examples/payment-retry#goal-p99-latency"``).
            builds[group, fmt] = build(srcdir, "pseudoxml", freshenv=True)
    return builds


@pytest.mark.parametrize("fmt", ["rst", "myst"])
@pytest.mark.parametrize("name", NAMES)
def test_snippet(name: str, fmt: str, snippet_builds: dict[tuple[str, str], Build]) -> None:
    """The snippet renders as expected, in both formats, and warns as the docs say."""
    result = snippet_builds[group_of(name), fmt]
    suffix = SUFFIX[fmt]
    # One table of warnings for both forms, each at its line in the form built.
    column = 0 if fmt == "rst" else 1
    expected = {(w[column], w[2], w[3]) for w in WARNINGS.get(name, set())}
    warned = [w for w in result.warnings if w.file == f"{name}{suffix}"]
    assert {(w.line, f"{w.type}.{w.subtype}", w.message) for w in warned} == expected
    check(normalised(result.resolved_doctree(name)), EXPECTED / f"{name}.txt", write=fmt == "rst")


def test_snippets_warn_only_where_documented(
    snippet_builds: dict[tuple[str, str], Build],
) -> None:
    """No warning outside the snippets that the docs show warning."""
    for (_group, fmt), result in snippet_builds.items():
        files = {f"{name}{SUFFIX[fmt]}" for name in WARNINGS}
        assert [w for w in result.warnings if w.file not in files] == []


# Each docs/examples page and its twin in the other format.
OTHER = {".rst": ".md", ".md": ".rst"}


def test_every_example_has_a_twin() -> None:
    twins = {p.name for p in (SNIPPETS / "examples").iterdir()}
    assert twins == {p.stem + OTHER[p.suffix] for p in EXAMPLES.iterdir()}
    expected = {p.name for p in (EXPECTED / "examples").iterdir()}
    assert expected == {f"{n}.txt" for n in EXAMPLE_NAMES}


@pytest.fixture(scope="module")
def example_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """The example pages as the docs build them ("page"), and every one replaced by its
    twin ("twin"). The twin project keeps the pages' own files, excluded from the build,
    so that "Source of this page" (a ``literalinclude`` of the page's file) shows the
    same source in both."""
    builds = {}
    for variant in ("page", "twin"):
        srcdir = tmp_path_factory.mktemp(variant)
        conf = CONF
        shutil.copytree(EXAMPLES, srcdir / "examples")
        if variant == "twin":
            excluded = [f"examples/{p.name}" for p in sorted(EXAMPLES.iterdir())]
            conf += f"exclude_patterns = {excluded!r}\n"
            for twin in (SNIPPETS / "examples").iterdir():
                shutil.copy(twin, srcdir / "examples" / twin.name)
        write_project(srcdir, [f"examples/{name}" for name in EXAMPLE_NAMES], conf)
        builds[variant] = build(srcdir, "pseudoxml", freshenv=True)
    return builds


def test_examples_warn_alike(example_builds: dict[str, Build]) -> None:
    assert warnings_of(example_builds["page"]) == warnings_of(example_builds["twin"]) == set()


@pytest.mark.parametrize("variant", ["page", "twin"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example(name: str, variant: str, example_builds: dict[str, Build]) -> None:
    doctree = example_builds[variant].resolved_doctree(f"examples/{name}")
    check(normalised(doctree), EXPECTED / "examples" / f"{name}.txt", write=variant == "page")
