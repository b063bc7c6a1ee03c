"""rules/placeholders.py: template placeholders such as ``[Feature Name]`` are not left
in a design doc; each is reported once per line, at that line."""

from __future__ import annotations

import pytest

from sphinx_designdoc.model import DocMeta, Finding, Location, Page
from sphinx_designdoc.rules.placeholders import find_placeholders, may_hold_placeholders
from sphinx_designdoc.settings import Settings

SOURCE = "designs/new.rst"
DESIGN_DOC = Page("designs/new", "designs-new", meta=DocMeta("new", location=Location(SOURCE, 4)))


def line(number: int, source: str = SOURCE) -> Location:
    return Location(source, number)


def left_in(placeholder: str, number: int, source: str = SOURCE) -> Finding:
    message = f"template placeholder {placeholder!r} left in"
    return Finding("placeholder", message, "designs/new", number, source)


def find(texts: list[tuple[str, Location]], settings: Settings | None = None) -> list[Finding]:
    return list(find_placeholders(DESIGN_DOC, texts, settings or Settings()))


def test_the_docs_example() -> None:
    """docs/warnings.rst, designs/new.rst: the page walk gives the title, the :prd: value
    at its option's line and the overview; inline literals are not among its texts."""
    texts = [
        ("Design Doc: [Feature Name]", line(1)),
        ("[Link to PRD: ../prd/feature_name.md]", line(6)),
        ("[Brief description of the feature]", line(8)),
        ("Code such as  is not checked, nor is [x] or [1].", line(10)),
    ]
    assert find(texts) == [
        left_in("[Feature Name]", 1),
        left_in("[Link to PRD: ../prd/feature_name.md]", 6),
        left_in("[Brief description of the feature]", 8),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("No placeholder here.", [], id="plain text"),
        pytest.param("[x] or [1] or [ Name] or []", [], id="not starting with a capital"),
        pytest.param("[TBD]", ["[TBD]"], id="all capitals"),
        pytest.param("[A] and [B]", ["[A]", "[B]"], id="two on a line, in order"),
        pytest.param("[A] then [A] again", ["[A]"], id="the same twice on a line: once"),
        pytest.param("[Outer [Inner] text]", ["[Inner]"], id="no brackets inside"),
        pytest.param("[A" + "b" * 200 + "]", ["[A" + "b" * 200 + "]"], id="201 characters"),
        pytest.param("[A" + "b" * 201 + "]", [], id="202 characters: no placeholder"),
    ],
)
def test_what_the_default_pattern_finds(text: str, expected: list[str]) -> None:
    assert find([(text, line(3))]) == [left_in(placeholder, 3) for placeholder in expected]


def test_the_same_placeholder_on_two_lines_is_reported_at_each() -> None:
    texts = [("[Owner]", line(3)), ("[Owner]", line(5)), ("[Owner]", line(3))]
    assert find(texts) == [left_in("[Owner]", 3), left_in("[Owner]", 5)]


def test_a_line_of_an_included_file_is_not_the_pages_line() -> None:
    texts = [("[Owner]", line(3)), ("[Owner]", line(3, "designs/part.rst"))]
    assert find(texts) == [left_in("[Owner]", 3), left_in("[Owner]", 3, "designs/part.rst")]


def test_pages_without_design_doc_are_not_checked() -> None:
    plain = Page("notes/n", "notes-n")
    assert list(find_placeholders(plain, [("[Feature Name]", line(1))], Settings())) == []


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        pytest.param(r"TODO", "TODO: [Feature Name]", ["TODO"], id="another pattern only"),
        pytest.param(r"\{\{[^}]*\}\}", "Hello {{name}} and {{ team }}", ["{{name}}", "{{ team }}"],
                     id="braces"),
        pytest.param(r"^XXX$", "XXX", ["XXX"], id="anchored, the whole text"),
        pytest.param(r"^XXX$", "a XXX b", [], id="anchored, inside a text"),
    ],
)  # fmt: skip
def test_a_configured_pattern(pattern: str, text: str, expected: list[str]) -> None:
    findings = find([(text, line(2))], Settings(placeholder_pattern=pattern))
    assert findings == [left_in(placeholder, 2) for placeholder in expected]


@pytest.mark.parametrize(
    ("pattern", "texts", "expected"),
    [
        pytest.param(None, [], False, id="no text"),
        pytest.param(None, ["Plain.", "[x] [1]"], False, id="nothing"),
        pytest.param(None, ["Plain.", "Design Doc: [Feature Name]"], True, id="in the second"),
        pytest.param(None, ["[Feature", "Name]"], False, id="not across texts"),
        pytest.param(r"^XXX$", ["a", "XXX", "b"], True, id="anchored: each text is a line"),
        pytest.param(r"^XXX$", ["aXXX", "XXXb"], False, id="anchored, inside texts"),
        pytest.param(r"TODO", ["[Feature Name]"], False, id="configured pattern only"),
    ],
)
def test_may_hold_placeholders_agrees_with_find_placeholders(
    pattern: str | None, texts: list[str], expected: bool
) -> None:
    settings = Settings(placeholder_pattern=pattern) if pattern else Settings()
    assert may_hold_placeholders(texts, settings) is expected
    found = find([(text, line(n)) for n, text in enumerate(texts, 1)], settings)
    assert bool(found) is expected
