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
from dataclasses import dataclass
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

# A mistake only MyST can make (a stray ``:::`` fence) has no reST form: these snippets
# are built, and their expected files written, in MyST only.
MYST_ONLY = {"warning-fence"}
NAMES = sorted({path.stem for path in (SNIPPETS / "rst").glob("*.rst")} | MYST_ONLY)
CASES = [(name, fmt) for name in NAMES for fmt in SUFFIX if fmt == "myst" or name not in MYST_ONLY]
EXAMPLE_NAMES = sorted(path.stem for path in EXAMPLES.iterdir())

# The test projects are configured as docs/conf.py configures the site: both formats,
# MyST with colon fences. Only the format of the page under test changes.
CONF = (
    'extensions = ["sphinx_designdoc", "myst_parser"]\nmyst_enable_extensions = ["colon_fence"]\n'
)

# What a snippet warns is what docs/warnings.rst prints under it: each line
# ".../designs/retry.rst:5: WARNING: message [designdoc.option]" belongs to the nearest
# snippet before it that the page shows with that caption. The test reads the page, so
# the docs cannot show a line, a message or a subtype the build does not give. The other
# snippets warn nothing: the docs site, which renders them, is built with -W.
WARNINGS_PAGE = DOCS / "warnings.rst"
_SHOWN = re.compile(
    r"^\.\. literalinclude:: snippets/(?P<fmt>rst|myst)/(?P<name>[\w-]+)\.\w+\n"
    r"(?:   :[\w-]+:.*\n)*?   :caption: (?P<caption>\S+)$"
    r"|^   \.\.\./(?P<path>\S+?):(?P<line>\d+): WARNING: (?P<message>.*) "
    r"\[(?P<kind>\w+\.[\w-]+)\]$",
    re.MULTILINE,
)
Shown = tuple[int, str, str]  # line, type.subtype, message


def documented_warnings() -> tuple[dict[tuple[str, str], set[Shown]], list[tuple[str, Shown]]]:
    """(snippet, format) -> what the page shows it giving; and the lines shown before any
    snippet with their caption (the page's opening illustration), as (caption, line)."""
    matches = list(_SHOWN.finditer(WARNINGS_PAGE.read_text(encoding="utf-8")))
    shown: dict[tuple[str, str], set[Shown]] = {}
    illustrations: list[tuple[str, Shown]] = []
    for index, match in enumerate(matches):
        if match["path"] is None:
            continue
        found = (int(match["line"]), match["kind"], match["message"])
        source = next((m for m in reversed(matches[:index]) if m["caption"] == match["path"]), None)
        if source is None:
            illustrations.append((match["path"], found))
        else:
            shown.setdefault((source["name"], source["fmt"]), set()).add(found)
    return shown, illustrations


WARNINGS, ILLUSTRATIONS = documented_warnings()


def test_the_warnings_page_shows_what_its_examples_give() -> None:
    """The page shows the warnings of 12 examples, and its opening illustration is one
    of them (the caption's snippet gives it)."""
    assert len({name for name, _fmt in WARNINGS}) >= 12
    assert ILLUSTRATIONS
    for caption, line in ILLUSTRATIONS:
        givers = {name for (name, fmt), lines in WARNINGS.items() if line in lines}
        assert givers, f"{caption}: {line} is given by no example of the page"


@dataclass(frozen=True)
class Project:
    """Snippets that only make sense together: the pages of one example that spans
    docs (a doc and the one it refers to, two docs with one id), or a snippet whose doc
    id another snippet has too. Each is built as a
    project of its own, so what the others collect changes nothing in it (no "did you
    mean" names an item of another example); each snippet is the page its caption on
    docs/warnings.rst names, since a message can name a page (``also used by
    'designs/audit'``); ``conf`` is added to the project's ``conf.py``."""

    pages: dict[str, str]
    conf: str = ""


PROJECTS: dict[str, Project] = {
    # The quick example of docs/index.rst is the doc payment-retry, as is first-doc.
    "quick-example": Project({"quick-example": "quick-example"}),
    "warning-duplicate": Project(
        {"warning-duplicate": "designs/ledger", "warning-duplicate-audit": "designs/audit"}
    ),
    "warning-ref": Project(
        {"warning-ref": "designs/checkout", "warning-ref-retry": "designs/retry"}
    ),
    "warning-lifecycle": Project(
        {
            "warning-lifecycle": "designs/export",
            "warning-lifecycle-v1": "designs/export_v1",
            "warning-lifecycle-audit": "designs/audit",
            "warning-lifecycle-search": "designs/search",
        },
        conf="designdoc_required_sections = []\n",
    ),
}

# The snippets built beside the example pages (see group_of) besides the index-* ones.
BESIDE_EXAMPLES = {"roles"}

# Every snippet is built with the build date of docs/warnings.rst's lifecycle example
# (20 March 2026), so that a staleness check gives the same days today and next year.
EPOCH = "1773964800"


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
        names = set(NAMES) - MYST_ONLY if suffix == ".rst" else set(NAMES)
        assert {p.name for p in folder.iterdir()} - {"examples"} == {n + suffix for n in names}


def group_of(name: str) -> str:
    """The ``design-index`` snippets (``index-*``) list what the whole project collected,
    so, as on the docs site, they are built beside the example pages, as are the
    snippets that link to them (``BESIDE_EXAMPLES``); a snippet of a ``PROJECTS`` entry
    is built with that entry's other pages; the other snippets stand alone, as each
    would at the top of a page of its own."""
    if name.startswith("index-") or name in BESIDE_EXAMPLES:
        return "indexes"
    return next((key for key, project in PROJECTS.items() if name in project.pages), "alone")


def docname_of(name: str) -> str:
    """The page a snippet is in its project: named after it, or as ``PROJECTS`` says."""
    group = group_of(name)
    return PROJECTS[group].pages[name] if group in PROJECTS else name


def file_of(name: str, fmt: str) -> str:
    """The file name a warning of the snippet names."""
    return Path(docname_of(name)).name + SUFFIX[fmt]


@pytest.fixture(scope="module")
def snippet_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Build]:
    """One project per group and format, each snippet a page named for it (or, in a
    ``PROJECTS`` entry, as the entry says): outside a ``PROJECTS`` entry a page's
    snippet shows nothing from the others (no snippet links to another or lists what
    other pages collect), so one build serves them all."""
    builds = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for group in ("alone", "indexes", *PROJECTS):
            names = [name for name in NAMES if group_of(name) == group]
            conf = CONF + (PROJECTS[group].conf if group in PROJECTS else "")
            for fmt, suffix in SUFFIX.items():
                srcdir = tmp_path_factory.mktemp(f"{group}-{fmt}")
                present = [name for name in names if fmt == "myst" or name not in MYST_ONLY]
                pages = [docname_of(name) for name in present]
                if group == "indexes":
                    shutil.copytree(EXAMPLES, srcdir / "examples")
                    pages += [f"examples/{example}" for example in EXAMPLE_NAMES]
                write_project(srcdir, pages, conf)
                for name in present:
                    page = srcdir / f"{docname_of(name)}{suffix}"
                    page.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(SNIPPETS / fmt / f"{name}{suffix}", page)
                # Not an HTML builder, so the doctree is in the standard docutils form
                # every non-HTML builder gets (the HTML builders get the same content
                # partly written as HTML, compared with it in test_html_written_directly.py); and
                # unlike "dummy" or "text" its links have their targets
                # (``refuri="examples/payment-retry#goal-p99-latency"``).
                builds[group, fmt] = build(srcdir, "pseudoxml", freshenv=True)
    return builds


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_snippet(name: str, fmt: str, snippet_builds: dict[tuple[str, str], Build]) -> None:
    """The snippet renders as expected, in both formats, and warns as the docs say."""
    result = snippet_builds[group_of(name), fmt]
    expected = WARNINGS.get((name, fmt), set())
    warned = [w for w in result.warnings if w.file == file_of(name, fmt)]
    assert {(w.line, f"{w.type}.{w.subtype}", w.message) for w in warned} == expected
    doctree = result.resolved_doctree(docname_of(name))
    written = "myst" if name in MYST_ONLY else "rst"
    check(normalised(doctree), EXPECTED / f"{name}.txt", write=fmt == written)


def test_snippets_warn_only_where_documented(
    snippet_builds: dict[tuple[str, str], Build],
) -> None:
    """No warning outside the snippets that the docs show warning."""
    for (group, fmt), result in snippet_builds.items():
        files = {
            file_of(name, fmt)
            for name, shown_in in WARNINGS
            if shown_in == fmt and group_of(name) == group
        }
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
