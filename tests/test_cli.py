"""``sphinx-designdoc new``: scaffolds a doc that builds with placeholder warnings only."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from helpers import Build, build, write_project
from sphinx_designdoc import __version__ as VERSION
from sphinx_designdoc.cli import main
from sphinx_designdoc.settings import SECTION_HEADINGS, TEMPLATE_SECTIONS

#: The headings of the design-doc template, in its order: every section, and the two
#: parts of "Design".
TEMPLATE_HEADINGS = [
    *(SECTION_HEADINGS[key] for key in TEMPLATE_SECTIONS[:5]),
    "High-Level Architecture",
    "Detailed Design",
    *(SECTION_HEADINGS[key] for key in TEMPLATE_SECTIONS[5:]),
]


def test_new_writes_the_doc_and_says_how_to_add_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["new", "Payment Retry", "--dir", str(tmp_path / "designs"),
                 "--author", "Ana Ruiz", "--id", "retry"])  # fmt: skip
    assert code == 0
    path = tmp_path / "designs" / "payment_retry.rst"
    text = path.read_text(encoding="utf-8")
    rule = "=" * len("Payment Retry")
    assert text.startswith(f"{rule}\nPayment Retry\n{rule}\n\nOverview\n========\n")
    assert "   :id: retry\n" in text
    assert "   :authors: Ana Ruiz\n" in text
    assert f"   :created: {dt.date.today().isoformat()}\n" in text
    out = capsys.readouterr().out
    assert f"Wrote {path}" in out
    assert f"   {(tmp_path / 'designs' / 'payment_retry').as_posix()}" in out


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Payment Retry", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "payment_retry.rst"
    path.write_text("my edits\n", encoding="utf-8")
    assert main(["new", "Payment Retry", "--dir", str(tmp_path)]) == 1
    assert "exists; not overwriting it" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "my edits\n"


def test_a_title_without_letters_is_refused(tmp_path: Path) -> None:
    assert main(["new", "!!!", "--dir", str(tmp_path)]) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("doc_format", ["rst", "md"])
def test_titles_and_ids_in_any_script(tmp_path: Path, doc_format: str) -> None:
    """Letters are letters: the id rule of ``--id`` is the build's, whatever the script."""
    args = ["new", "Надёжность платежей", "--format", doc_format, "--dir", str(tmp_path)]
    assert main([*args, "--id", "надёжность"]) == 0
    path = tmp_path / f"надёжность_платежей.{doc_format}"
    assert ":id: надёжность\n" in path.read_text(encoding="utf-8")


def test_help_explains_every_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    help_text = capsys.readouterr().out
    for flag in ("--format", "--dir", "--id", "--author", "title"):
        assert flag in help_text
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"sphinx-designdoc {VERSION}"


def build_scaffolded(tmp_path: Path, doc_format: str) -> Build:
    """A project holding one doc that ``sphinx-designdoc new`` wrote, built."""
    src = write_project(
        tmp_path, {"index.rst": "Home\n====\n\n.. toctree::\n\n   designs/new_feature\n"}
    )
    assert main(["new", "New Feature", "--format", doc_format, "--dir", str(src / "designs")]) == 0
    return build(src, freshenv=True)


@pytest.mark.parametrize("doc_format", ["rst", "md"])
def test_scaffolded_doc_builds_with_placeholder_warnings_only(
    tmp_path: Path, doc_format: str
) -> None:
    result = build_scaffolded(tmp_path, doc_format)
    assert result.warnings
    assert {(w.type, w.subtype) for w in result.warnings} == {("designdoc", "placeholder")}
    messages = {w.message for w in result.warnings}
    for placeholder in ("[Brief summary of what this design implements]", "[Why not chosen]",
                        "[Events to log]", "[Author]"):  # fmt: skip
        assert f"template placeholder {placeholder!r} left in" in messages
    doc = result.json()["docs"]["new-feature"]
    assert doc["title"] == "New Feature"  # no "Design Doc:" prefix to fill every index
    assert doc["sections"] == dict.fromkeys(TEMPLATE_SECTIONS, True)  # every template section
    assert len(doc["goals"]) == 3
    assert [c["id"] for c in doc["components"]] == ["component-1", "component-2"]
    assert [d["use_case"] for d in doc["logging"]["details"]] == ["tracing", "error-tracking"]
    assert doc["security"] is not None
    assert doc["testing"] is not None
    assert len(doc["alternatives"]) == 2
    assert len(doc["questions"]) == 1


@pytest.mark.parametrize("doc_format", ["rst", "md"])
def test_scaffolded_doc_shows_every_template_section_under_the_feature_name(
    tmp_path: Path, doc_format: str
) -> None:
    result = build_scaffolded(tmp_path, doc_format)
    soup = result.soup("designs/new_feature")
    assert soup.title is not None
    assert soup.title.get_text(strip=True).startswith("New Feature")
    [title] = soup.select("h1")
    assert title.get_text(strip=True).rstrip("¶") == "New Feature"
    headings = [h.get_text(strip=True).rstrip("¶") for h in soup.select("h2, h3")]
    assert [h for h in headings if h in TEMPLATE_HEADINGS] == TEMPLATE_HEADINGS
    overview = soup.select_one("section#overview")
    assert overview is not None  # the design-doc (its overview) is in the Overview section
    assert "[Brief summary of what this design implements]" in overview.get_text()


@pytest.mark.parametrize("doc_format", ["rst", "md"])
def test_a_title_with_wide_letters_is_underlined_to_its_width(
    tmp_path: Path, doc_format: str
) -> None:
    index = "Home\n====\n\n.. toctree::\n   :glob:\n\n   d/*\n"  # whatever the file's name
    quiet = 'suppress_warnings = ["designdoc.placeholder"]\n'
    src = write_project(tmp_path, {"index.rst": index}, quiet)
    main(["new", "Retry 支付", "--format", doc_format, "--dir", str(src / "d"), "--id", "r"])
    result = build(src, freshenv=True)
    assert result.warnings_text == ""
    assert result.json()["docs"]["r"]["title"] == "Retry 支付"


def test_rst_and_md_scaffolds_collect_the_same_doc(tmp_path: Path) -> None:
    docs = {}
    index = textwrap.dedent("""\
        Home
        ====

        .. toctree::

           x/same
        """)
    for doc_format in ("rst", "md"):
        src = write_project(tmp_path / doc_format, {"index.rst": index})
        main(["new", "Same", "--format", doc_format, "--dir", str(src / "x")])
        docs[doc_format] = build(src, freshenv=True).json()["docs"]["same"]
    assert docs["rst"] == docs["md"]


def test_new_refuses_a_second_format_of_the_same_doc_and_bad_ids(tmp_path: Path) -> None:
    assert main(["new", "Payment Retry", "--dir", str(tmp_path)]) == 0
    assert main(["new", "Payment Retry", "--format", "md", "--dir", str(tmp_path)]) == 1
    assert not (tmp_path / "payment_retry.md").exists()
    assert main(["new", "Other", "--id", "bad id!", "--dir", str(tmp_path)]) == 2
    assert not (tmp_path / "other.rst").exists()
