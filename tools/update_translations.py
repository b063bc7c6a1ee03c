"""Refresh sphinx-designdoc's message catalogues in one command.

    python tools/update_translations.py             # extract .pot, update .po, compile .mo
    python tools/update_translations.py --init fr   # start a new language, then refresh
    python tools/update_translations.py --check     # CI: fail if anything is stale or missing

The same steps as ``pybabel extract`` / ``pybabel update`` / ``pybabel compile`` (only
the ``_`` keyword, from ``sphinx_designdoc``), through Babel's Python API, so that a
file whose messages did not change is left alone instead of getting a new date.
Needs only the standard library and Babel (installed with Sphinx).
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import sys
from pathlib import Path

from babel.core import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from sphinx_designdoc import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sphinx_designdoc"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "sphinx_designdoc"  # sphinx_designdoc.i18n.MESSAGE_CATALOG
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
#: Only ``_`` marks output text; ``__`` (console text) uses Sphinx's own catalogue.
KEYWORDS = {"_": None}
COMMENT_TAGS = ("Translators:",)
WIDTH = 76
#: Header lines that change on every run or with the Babel release; ignored when deciding
#: whether a file changed.
_VOLATILE = re.compile(
    rb'^"(?:POT-Creation-Date|PO-Revision-Date|Generated-By): .*\\n"\n', re.MULTILINE
)


def project_version() -> str:
    """The version the package states (``pyproject.toml`` reads it from there too)."""
    return __version__


def extract() -> Catalog:
    """The template: every ``_("...")`` in the package, with its source locations."""
    template = Catalog(
        project="sphinx-designdoc",
        version=project_version(),
        copyright_holder="sphinx-designdoc developers",
        charset="utf-8",
    )
    prefix = PACKAGE.relative_to(ROOT).as_posix()
    found = extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        location = (f"{prefix}/{Path(filename).as_posix()}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def po_files() -> dict[str, Path]:
    """Every translation, by language code."""
    return {
        path.parent.parent.name: path
        for path in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    }


def po_bytes(catalog: Catalog, **options: bool) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, **options)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _same(path: Path, content: bytes) -> bool:
    if not path.exists():
        return False
    old = path.read_bytes()
    if path.suffix == ".mo":
        return mo_meaning(old) == mo_meaning(content)
    return _VOLATILE.sub(b"", old) == _VOLATILE.sub(b"", content)


def mo_meaning(content: bytes) -> tuple[list[tuple[str, str]], dict[tuple[str, str], str]]:
    """What a compiled catalogue says: its header and translations.

    Leaves out the ``Generated-By`` header, which names the Babel release that compiled
    it, so that a new Babel release does not make a shipped catalogue stale.
    """
    catalog = read_mo(io.BytesIO(content))
    header = [(name, value) for name, value in catalog.mime_headers if name != "Generated-By"]
    messages = {
        (repr(message.id), message.context or ""): repr(message.string)
        for message in catalog
        if message.id
    }
    return header, messages


def essence(content: bytes) -> dict[tuple[str, str], tuple[str, ...]]:
    """What a .pot or .po says, apart from dates and source locations."""
    catalog = read_po(io.BytesIO(content))
    return {
        (repr(message.id), message.context or ""): (
            repr(message.string),
            *sorted(message.flags),
            *message.auto_comments,
            *message.user_comments,
        )
        for message in catalog
        if message.id
    }


def store(path: Path, content: bytes, *, check: bool) -> bool:
    """Write ``content`` unless the file already says the same; True if it was stale.

    ``check`` only compares, and a catalogue whose source line numbers moved is not
    stale then: an edit elsewhere in a module should not fail CI.
    """
    if _same(path, content):
        return False
    if check and path.suffix in {".po", ".pot"} and path.exists():
        return essence(path.read_bytes()) != essence(content)
    if not check:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return True


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def init_language(language: str) -> Path:
    """A new, empty translation from the template (``pybabel init``)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        raise SystemExit(f"{path.relative_to(ROOT)} already exists")
    catalog = read(TEMPLATE, language)
    catalog.locale = Locale.parse(language)
    catalog.revision_date = datetime.datetime.now(datetime.UTC)
    catalog.fuzzy = False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(po_bytes(catalog))
    return path


def refresh(*, check: bool) -> tuple[list[str], list[str]]:
    """Extract, update and compile (``check``: only compare).

    Returns the errors (broken placeholders; in ``check`` mode, stale files too) and the
    gaps (untranslated or fuzzy messages, errors in ``check`` mode).
    """
    errors: list[str] = []
    gaps: list[str] = []
    stale_verb = "is out of date" if check else "updated"

    if store(TEMPLATE, po_bytes(extract()), check=check):
        errors += [f"{TEMPLATE.relative_to(ROOT)} {stale_verb}"] if check else []
        print(f"{TEMPLATE.relative_to(ROOT)}: {stale_verb}")
    # the template as written (or as it stands, in check mode), with its own dates
    template = read(TEMPLATE) if TEMPLATE.exists() else extract()

    for language, po_path in po_files().items():
        name = po_path.relative_to(ROOT)
        catalog = read(po_path, language)
        catalog.update(template)  # ``pybabel update``: new, changed (fuzzy), removed
        if store(po_path, po_bytes(catalog, ignore_obsolete=True), check=check):
            errors += [f"{name} {stale_verb}"] if check else []
            print(f"{name}: {stale_verb}")
        mo_path = po_path.with_suffix(".mo")
        if store(mo_path, mo_bytes(catalog), check=check):
            errors += [f"{mo_path.relative_to(ROOT)} {stale_verb}"] if check else []
            print(f"{mo_path.relative_to(ROOT)}: {'is out of date' if check else 'compiled'}")

        messages = [message for message in catalog if message.id]
        untranslated = [m.id for m in messages if not m.string]
        fuzzy = [m.id for m in messages if m.string and m.fuzzy]
        done = len(messages) - len(untranslated) - len(fuzzy)
        print(f"{language}: {done} of {len(messages)} messages translated, {len(fuzzy)} fuzzy")
        gaps += [f"{name}: untranslated {msgid!r}" for msgid in untranslated]
        gaps += [f"{name}: fuzzy (check it, then drop the flag) {msgid!r}" for msgid in fuzzy]
        for message, found in catalog.check():  # e.g. a %s lost in translation
            errors += [f"{name}: {message.id!r}: {error}" for error in found]
    return errors, gaps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if any file is stale"
    )
    parser.add_argument("--init", metavar="LANG", help="start a translation for LANG first")
    args = parser.parse_args(argv)
    if args.init:
        if args.check:
            parser.error("--init and --check exclude each other")
        store(TEMPLATE, po_bytes(extract()), check=False)
        print(f"{init_language(args.init).relative_to(ROOT)}: created")
    errors, gaps = refresh(check=args.check)
    if args.check:
        errors += gaps
    elif gaps:
        print("Translate the messages left empty or fuzzy in the .po files, then run again.")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
