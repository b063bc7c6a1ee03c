"""The package's shape, as SPEC.md's Architecture section states it: a pure core, layers
that point one way, no import cycles even at type level, one module per section with
rules of the same name, no module named like the standard library, and a command line
that imports no Sphinx."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "sphinx_designdoc"

#: Layer of each module (by dotted name below the package, or its first part): a module
#: imports only modules of its own layer or lower ones. Type-only imports count too.
LAYERS = {
    "core": ("model", "values", "settings", "coverage", "catalog", "query", "graph",
             "export", "scaffold", "rules", "escaping", "export_file", "diff", "findings",
             "baseline", "annotate"),
    "adapters": ("i18n", "report", "config", "css", "labels", "static_files"),
    "domain": ("domain", "page_walk"),
    "render": ("render",),
    "sections": ("sections", "indexes"),
    "outputs": ("outdated", "review", "json_output", "builder"),
    "entry points": ("extension", "cli", "__init__"),
}  # fmt: skip
RANK = {part: rank for rank, parts in enumerate(LAYERS.values()) for part in parts}
#: The sections of the template; each has its module in sections/ and a setup function.
SECTIONS = ("design_doc", "goals", "non_goals", "components", "logging_strategy", "security",
            "testing", "alternatives", "open_questions")  # fmt: skip


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name below it (``sections.goals``)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def module_level(path: Path) -> list[ast.stmt]:
    """The statements run on import, and those under ``if TYPE_CHECKING:``; not the
    bodies of functions, whose imports wait until they are called (``setup()``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[ast.stmt] = []
    for node in tree.body:
        found.extend(node.body if isinstance(node, ast.If) else [node])
    return found


def imports(path: Path) -> set[str]:
    """The package modules ``path`` imports, at run time or for type checking."""
    names: set[str] = set()
    for node in module_level(path):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sphinx_designdoc"):
            base = node.module.removeprefix("sphinx_designdoc").lstrip(".")
            known = modules()
            for alias in node.names:
                name = f"{base}.{alias.name}".lstrip(".")
                names.add(name if name in known else base or "__init__")
        elif isinstance(node, ast.Import):
            names.update(
                a.name.removeprefix("sphinx_designdoc.")
                for a in node.names
                if a.name.startswith("sphinx_designdoc.")
            )
    return names


def third_party(path: Path) -> set[str]:
    """The top-level packages other than this one that ``path`` imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # functions too
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found - {"sphinx_designdoc", "__future__"} - set(sys.stdlib_module_names)


def rank(module: str) -> int:
    return RANK[module.split(".", maxsplit=1)[0]]


def test_every_module_has_a_layer() -> None:
    assert all(module.split(".")[0] in RANK for module in modules())


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_point_down(module: str) -> None:
    upward = {name for name in imports(modules()[module]) if rank(name) > rank(module)}
    assert not upward, f"{module} ({rank(module)}) imports higher layers: {upward}"


def test_the_core_imports_neither_sphinx_nor_docutils() -> None:
    core = [name for name in modules() if rank(name) == 0 and name != "scaffold"]
    assert "rules.logging_strategy" in core
    leaks = {name: third_party(modules()[name]) for name in core}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_no_import_cycles() -> None:
    graph = {name: imports(path) - {name} for name, path in modules().items()}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        assert name not in path, "import cycle: " + " -> ".join([*path[path.index(name) :], name])
        if name in done:
            return
        for other in sorted(graph.get(name, ())):
            visit(other, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_a_section_imports_no_other_section() -> None:
    """A section's module is the one place to change it: it uses the shared base, never
    another section."""
    shared = {"sections", "sections.base", "sections.option_lines"}
    for name, path in modules().items():
        if name.startswith(("sections.", "indexes.")):
            others = {i for i in imports(path) if i.startswith("sections.") and i not in shared}
            assert others <= {name}, f"{name} imports {others}"


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_has_its_module_and_setup(section: str) -> None:
    source = (PACKAGE / "sections" / f"{section}.py").read_text(encoding="utf-8")
    assert f"\ndef setup_{section}(app: Sphinx) -> None:" in source
    extension = (PACKAGE / "extension.py").read_text(encoding="utf-8")
    assert f"    setup_{section},\n" in extension


def test_rules_modules_are_named_for_sections_or_concerns() -> None:
    rules = {path.stem for path in (PACKAGE / "rules").glob("*.py")} - {"__init__", "common"}
    concerns = {"item_ids", "coverage", "placeholders", "design_index", "design_graph"}
    assert rules - concerns <= set(SECTIONS)


def test_no_module_is_named_like_the_standard_library() -> None:
    clashes = {name for name in modules() if name.split(".")[-1] in sys.stdlib_module_names}
    assert clashes == set()


def test_one_way_to_the_domain() -> None:
    """``get_domain(env)``, in :mod:`sphinx_designdoc.domain`, is the only lookup."""
    lookups = [
        name
        for name, path in modules().items()
        if 'domains["design"]' in path.read_text(encoding="utf-8")
    ]
    assert lookups == ["domain"]


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["new", "--help"],
        ["diff", "--help"],
        ["findings", "--help"],
        ["baseline", "--help"],
    ],
)
def test_the_command_line_imports_no_sphinx(argv: list[str]) -> None:
    code = (
        "import sys\nfrom sphinx_designdoc.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sphinx')\n"
        "print('SPHINX', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "SPHINX []" in result.stdout
    assert "sphinx-designdoc" in result.stdout
