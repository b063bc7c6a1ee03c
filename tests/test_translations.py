"""The message catalogues: every page label is translated, shipped and up to date."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath
from types import ModuleType

import babel.messages.catalog
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup
from sphinx.application import Sphinx

from helpers import Build, build, copy_root, page_bodies, write_project
from sphinx_designdoc.i18n import MESSAGE_CATALOG

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sphinx_designdoc"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / f"{MESSAGE_CATALOG}.pot"
#: Every shipped translation (a new one is checked as soon as its .po exists).
LANGUAGES = tuple(
    sorted(path.parts[-3] for path in LOCALE.glob(f"*/LC_MESSAGES/{MESSAGE_CATALOG}.po"))
)


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{MESSAGE_CATALOG}.po"


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language)


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    """The text of every match, without the colon themes add after field names."""
    return [
        node.get_text(" ", strip=True).removesuffix(":").rstrip() for node in soup.select(selector)
    ]


def one(soup: BeautifulSoup, selector: str) -> str:
    node = soup.select_one(selector)
    assert node is not None, selector
    return node.get_text(" ", strip=True)


@pytest.fixture(scope="module")
def de_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    srcdir = copy_root("basic", tmp_path_factory.mktemp("de"))
    result = build(srcdir, freshenv=True, confoverrides={"language": "de"})
    assert result.warnings_text == ""
    return result


# -- German pages ----------------------------------------------------------------------


def test_design_doc_fields_are_german(de_site: Build) -> None:
    soup = de_site.soup("designs/retry")
    assert texts(soup, "dl.designdoc-fields:not(.designdoc-backlinks) > dt")[:9] == [
        "Status", "Autoren", "Reviewer", "Erstellt", "Aktualisiert", "PRD", "Tags",
        "Ersetzt", "Verwandt",
    ]  # fmt: skip
    ledger = de_site.soup("designs/ledger")
    assert "Setzt voraus" in texts(ledger, "div.designdoc-doc > dl.designdoc-fields > dt")


def test_goal_target_is_german(de_site: Build) -> None:
    soup = de_site.soup("designs/retry")
    assert texts(soup, ".designdoc-target strong") == ["Zielwert"]
    assert one(soup, ".designdoc-target") == "Zielwert: p99 < 200 ms at 500 req/s"


def test_alternative_labels_are_german(de_site: Build) -> None:
    soup = de_site.soup("designs/retry")
    assert one(soup, ".designdoc-alternative .designdoc-label") == "Alternative:"
    assert one(soup, ".designdoc-why-not strong") == "Warum nicht gewählt:"


def test_sections_components_and_questions_are_german(de_site: Build) -> None:
    soup = de_site.soup("designs/retry")
    assert texts(soup, ".designdoc-security dt") == [
        "Authentifizierung", "Autorisierung", "Datensicherheit"
    ]  # fmt: skip
    assert texts(soup, ".designdoc-testing dt") == [
        "Unit-Tests", "Integrationstests", "Performancetests"
    ]  # fmt: skip
    assert texts(soup, ".designdoc-component .designdoc-label") == ["Komponente"] * 2
    assert texts(soup, ".designdoc-component dt")[:3] == ["Zweck", "Schnittstelle", "Hängt ab von"]
    assert one(soup, ".designdoc-resolved .designdoc-label") == "Geklärte Frage:"
    assert texts(soup, ".designdoc-resolved dt") == ["Verantwortlich", "Entscheidung"]
    ledger = de_site.soup("designs/ledger")
    assert one(ledger, ".designdoc-open .designdoc-label") == "Offene Frage:"


def test_logging_checklist_is_german(de_site: Build) -> None:
    soup = de_site.soup("designs/retry")
    assert one(soup, ".designdoc-use-cases .designdoc-caption") == "Zutreffende Anwendungsfälle"
    assert texts(soup, ".designdoc-checklist strong") == [
        "Tracing", "Fehlerverfolgung", "Nutzerverhalten", "Performance", "Sicherheitsaudit",
        "Geschäftskennzahlen",
    ]  # fmt: skip
    items = texts(soup, ".designdoc-checklist li")
    assert items[1] == "☑ Fehlerverfolgung — Erkennung und Diagnose von Problemen"
    assert items[5] == "☐ Geschäftskennzahlen — KPIs und Analysen"
    assert texts(soup, ".designdoc-usecase .designdoc-title") == ["Tracing", "Fehlerverfolgung"]
    assert texts(soup, ".designdoc-usecase dt")[:4] == [
        "Ereignisse", "Felder", "Aufbewahrung", "Sampling"
    ]  # fmt: skip
    fields = texts(soup, ".designdoc-usecase dd")[1]
    assert fields.endswith("(zusätzlich zu den Standardfeldern use_case, timestamp, trace_id)")
    assert texts(soup, ".designdoc-logging > dl.designdoc-fields > dt") == [
        "PII-Felder", "Datenschutz"
    ]  # fmt: skip


def test_index_table_headers_are_german(de_site: Build) -> None:
    soup = de_site.soup("indexes")

    def headers(section: str) -> list[str]:
        return texts(soup, f"section#{section} table.designdoc-index thead th")

    assert headers("all-docs") == ["Designdokument", "Status", "Autoren", "Aktualisiert", "Tags"]
    assert headers("performance-goals") == ["Designdokument", "Ziel", "Art", "Zielwert"]
    assert headers("non-goals") == ["Designdokument", "Nicht-Ziel"]
    assert headers("rejected-ideas") == ["Designdokument", "Alternative", "Warum nicht gewählt"]
    assert headers("logging") == [
        "Designdokument", "Tracing", "Fehlerverfolgung", "Nutzerverhalten", "Performance",
        "Sicherheitsaudit", "Geschäftskennzahlen",
    ]  # fmt: skip
    assert headers("components") == [
        "Designdokument", "Komponente", "Zweck", "Schnittstelle", "Hängt ab von"
    ]  # fmt: skip
    assert headers("pii") == ["Feld", "Designdokument", "Aufbewahrung", "Datenschutz"]
    assert headers("questions") == [
        "Designdokument", "Frage", "Verantwortlich", "Zustand", "Entscheidung"
    ]  # fmt: skip
    assert headers("coverage") == [
        "Designdokument", "Status", "Hintergrund", "Design", "Sicherheitsaspekte", "Teststrategie"
    ]  # fmt: skip
    assert one(soup, "section#nothing .designdoc-empty") == "Keine passenden Design-Einträge."


def test_banners_are_german(de_site: Build) -> None:
    superseded = de_site.soup("designs/retry_v1")
    assert one(superseded, ".designdoc-banner .admonition-title") == "Ersetzt"
    assert one(superseded, ".designdoc-banner p:not(.admonition-title)") == (
        "Dieses Designdokument wurde durch Payment Retry Service ersetzt."
    )
    draft = de_site.soup("designs/ledger")
    assert one(draft, ".designdoc-banner .admonition-title") == "Entwurf"
    assert one(draft, ".designdoc-banner p:not(.admonition-title)") == (
        "Dieses Designdokument ist ein Entwurf und kann sich noch ändern."
    )


def test_backlinks_are_german(de_site: Build) -> None:
    assert texts(de_site.soup("designs/retry_v1"), ".designdoc-backlinks dt") == ["Ersetzt durch"]
    assert texts(de_site.soup("designs/retry"), ".designdoc-backlinks dt") == [
        "Vorausgesetzt von"
    ]  # fmt: skip
    assert texts(de_site.soup("designs/ledger"), ".designdoc-backlinks dt") == [
        "Referenziert von"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("page", "title", "shortname"),
    [
        ("design-docs", "Designdokumente nach Status", "Designdokumente"),
        ("design-goals", "Ziele nach Art", "Ziele"),
        ("design-alternatives", "Betrachtete Alternativen", "Alternativen"),
    ],
)
def test_domain_index_pages_are_german(
    de_site: Build, page: str, title: str, shortname: str
) -> None:
    soup = de_site.soup(page)
    assert one(soup, "h1") == title
    assert one(soup, "title").startswith(f"{title} ")
    # the theme's navigation names every index by its short name
    assert texts(soup, f'a[title="{title}"]')[0] == shortname


def test_domain_index_groups_are_german(tmp_path: Path, de_site: Build) -> None:
    assert "Autoren: Li Wei" in texts(de_site.soup("design-docs"), "td")
    page = "Home\n====\n\n.. design-doc::\n   :id: unsorted\n"  # a design doc with no status
    result = build(write_project(tmp_path, {"index.rst": page}), freshenv=True,
                   confoverrides={"language": "de"})  # fmt: skip
    assert "ohne Status" in texts(result.soup("design-docs"), "tr.cap td")


def test_text_builder_in_german(tmp_path: Path) -> None:
    result = build(
        copy_root("basic", tmp_path), "text", freshenv=True, confoverrides={"language": "de"}
    )
    assert result.warnings_text == ""
    retry = (result.outdir / "designs" / "retry.txt").read_text(encoding="utf-8")
    for label in ("Autoren:", "Zielwert:", "Vorausgesetzt von:", "Zutreffende Anwendungsfälle"):
        assert label in retry
    superseded = (result.outdir / "designs" / "retry_v1.txt").read_text(encoding="utf-8")
    banner = "Ersetzt: Dieses Designdokument wurde durch Payment Retry Service\nersetzt."
    assert banner in superseded
    indexes = (result.outdir / "indexes.txt").read_text(encoding="utf-8")
    assert "| Designdokument " in indexes
    assert "Keine passenden Design-Einträge." in indexes


@pytest.mark.parametrize(
    "builder", ["latex", "man", "texinfo", "singlehtml", "dirhtml", "epub", "gettext"]
)
def test_every_builder_in_german_writes_without_warnings(tmp_path: Path, builder: str) -> None:
    result = build(
        copy_root("basic", tmp_path), builder, freshenv=True, confoverrides={"language": "de"}
    )
    assert result.warnings_text == ""


def test_latex_in_german_spells_out_marks(tmp_path: Path) -> None:
    result = build(
        copy_root("basic", tmp_path), "latex", freshenv=True, confoverrides={"language": "de"}
    )
    tex = (result.outdir / "basic.tex").read_text(encoding="utf-8")
    assert "Designdokument" in tex
    assert "Sicherheitsaspekte" in tex
    lines = set(tex.splitlines())
    assert {"ja", "nein"} <= lines  # the coverage table's ✓ and ✗


def test_spanish_pages(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path), freshenv=True, confoverrides={"language": "es"})
    assert result.warnings_text == ""
    soup = result.soup("designs/retry")
    assert one(soup, ".designdoc-alternative .designdoc-label") == "Alternativa:"
    assert one(soup, ".designdoc-why-not strong") == "Por qué no se eligió:"
    assert texts(soup, ".designdoc-target strong") == ["Meta"]
    assert texts(soup, "div.designdoc-doc > dl.designdoc-fields > dt")[:2] == ["Estado", "Autores"]
    assert one(result.soup("designs/ledger"), ".designdoc-banner .admonition-title") == "Borrador"
    assert one(result.soup("design-goals"), "h1") == "Objetivos por tipo"


# -- English -----------------------------------------------------------------------------


def test_english_build_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, de_site: Build
) -> None:
    """English pages show the source strings, even after a German build in the process
    (``de_site``, made before this test runs)."""
    german = de_site
    english = build(copy_root("basic", tmp_path / "en"), freshenv=True)

    register = Sphinx.add_message_catalog
    skipped: list[str] = []

    def without_ours(app: Sphinx, catalog: str, locale_dir: str | os.PathLike[str]) -> None:
        if catalog == MESSAGE_CATALOG:
            skipped.append(catalog)
        else:
            register(app, catalog, locale_dir)

    monkeypatch.setattr(Sphinx, "add_message_catalog", without_ours)
    untranslated = build(copy_root("basic", tmp_path / "none"), freshenv=True)
    monkeypatch.undo()
    assert skipped == [MESSAGE_CATALOG]
    assert english.warnings_text == untranslated.warnings_text == ""
    assert page_bodies(english) == page_bodies(untranslated)
    assert page_bodies(english) != page_bodies(german)

    soup = english.soup("designs/retry")
    assert texts(soup, "div.designdoc-doc > dl.designdoc-fields > dt")[:3] == [
        "Status", "Authors", "Reviewers"
    ]  # fmt: skip
    assert texts(soup, ".designdoc-target strong") == ["Target"]
    assert one(soup, ".designdoc-why-not strong") == "Why not chosen:"
    assert one(soup, ".designdoc-caption") == "Applicable use cases"
    assert one(english.soup("design-docs"), "h1") == "Design docs by status"
    assert one(english.soup("designs/retry_v1"), ".designdoc-banner .admonition-title") == (
        "Superseded"
    )


# -- the catalogues ----------------------------------------------------------------------


def label_calls() -> list[tuple[str, ast.Call]]:
    """Every ``_(...)`` call in the package, with its module."""
    calls = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            if is_call and node.func.id == "_":
                calls.append((module, node))
    return calls


def test_labels_are_literals_from_the_extension_catalogue() -> None:
    """Babel only extracts literals, and only ``sphinx_designdoc.i18n._`` uses our catalogue."""
    calls = label_calls()
    assert len(calls) > 50
    for module, call in calls:
        where = f"{module}:{call.lineno}: {ast.unparse(call)}"
        text = (PACKAGE / module).read_text(encoding="utf-8")
        assert "from sphinx_designdoc.i18n import _\n" in text, where
        assert not call.keywords, where
        assert len(call.args) == 1, where
        assert isinstance(call.args[0], ast.Constant), where
        assert isinstance(call.args[0].value, str), where
        assert call.args[0].value.strip(), where


def test_template_is_up_to_date(tmp_path: Path) -> None:
    """The shipped ``.pot`` holds exactly what Babel extracts from the source today."""
    fresh = Catalog(project="sphinx-designdoc")
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords={"_": None}
    ):
        fresh.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    fresh_path = tmp_path / "fresh.pot"
    with fresh_path.open("wb") as file:
        write_po(file, fresh)
    extracted = {message.id for message in read_catalog(fresh_path) if message.id}
    shipped = {message.id for message in read_catalog(TEMPLATE) if message.id}
    assert shipped == extracted, "stale: run python tools/update_translations.py"
    # every label in the source, so none was missed by the extraction
    labels = {
        call.args[0].value for _, call in label_calls() if isinstance(call.args[0], ast.Constant)
    }
    assert shipped == labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_translation_is_complete(language: str) -> None:
    template = {message.id for message in read_catalog(TEMPLATE) if message.id}
    catalog = read_catalog(po_path(language), language)
    messages = {message.id: message for message in catalog if message.id}
    assert set(messages) == template
    for msgid, message in messages.items():
        assert isinstance(message.string, str), msgid
        assert message.string.strip(), f"{language}: no translation of {msgid!r}"
        assert not message.fuzzy, f"{language}: fuzzy translation of {msgid!r}"
    assert [(message.id, errors) for message, errors in catalog.check()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_translation(language: str) -> None:
    path = po_path(language)
    with path.with_suffix(".mo").open("rb") as file:
        compiled = {message.id: message.string for message in read_mo(file) if message.id}
    source = {message.id: message.string for message in read_catalog(path, language) if message.id}
    assert compiled == source


def test_catalogues_ship_in_the_package() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        package_data = tomllib.load(file)["tool"]["setuptools"]["package-data"]["sphinx_designdoc"]
    assert {"de", "es"} <= set(LANGUAGES)
    files = [TEMPLATE, *(po_path(lang) for lang in LANGUAGES)]
    files += [path.with_suffix(".mo") for path in files[1:]]
    for path in files:
        relative = PurePosixPath(path.relative_to(PACKAGE).as_posix())
        assert any(
            relative.match(glob) and len(relative.parts) == len(PurePosixPath(glob).parts)
            for glob in package_data
        ), f"{relative} is not in [tool.setuptools.package-data]"


def test_update_script_finds_nothing_stale() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    count = len([message for message in read_catalog(TEMPLATE) if message.id])
    for language in LANGUAGES:
        assert f"{language}: {count} of {count} messages translated, 0 fuzzy" in result.stdout


def load_update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_another_babel_release_leaves_the_catalogues_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Babel names itself in the header; a new release alone must not fail CI."""
    script = load_update_script()
    catalog = read_catalog(po_path("de"), "de")
    shipped = tmp_path / "shipped.mo"
    shipped.write_bytes(script.mo_bytes(catalog))
    po = tmp_path / "shipped.po"
    po.write_bytes(script.po_bytes(catalog))
    monkeypatch.setattr(babel.messages.catalog, "VERSION", "0.0.1")
    assert b"Babel 0.0.1" in script.mo_bytes(catalog)

    assert not script.store(shipped, script.mo_bytes(catalog), check=True)
    assert not script.store(po, script.po_bytes(catalog), check=True)
    assert not script.store(shipped, script.mo_bytes(catalog), check=False)
    assert not script.store(po, script.po_bytes(catalog), check=False)
    for path in (shipped, po):
        assert b"Babel 0.0.1" not in path.read_bytes(), f"{path.name} rewritten for the version"

    message = next(message for message in catalog if message.id)
    message.string = f"{message.string} (changed)"
    assert script.store(shipped, script.mo_bytes(catalog), check=True)
