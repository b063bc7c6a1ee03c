"""The template sections and the rules that hold a doc to the template, in RST and MyST.

``tests/roots/test-template`` holds each fault twice, once in an ``.rst`` page and once
in an ``.md`` page (``sections``, ``coverage``, ``approved``, ``superseded``), a
complete doc that must build without any warning (``complete``) and a page without
``design-doc`` (``notes``).  Config variants and cross-doc cases are small projects
written by the tests themselves.  Every warning is asserted by (file, line, subtype,
message).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOTS, Build, build, copy_root, line_of, lines_of, write_project

TEMPLATE = ROOTS / "test-template"
FORMATS = ("rst", "md")
#: The template's sections in order, as ``designdoc.json`` and the coverage check name them.
SECTIONS = (
    "overview",
    "background",
    "goals",
    "non-goals",
    "design",
    "data-model",
    "api-design",
    "error-handling",
    "logging-strategy",
    "security",
    "testing",
    "migration-plan",
    "alternatives",
)

Fault = tuple[str, int, str, str]

# -- where the faults are in tests/roots/test-template -----------------------------------


def doc_line(file: str) -> int:
    """The line of the ``design-doc`` directive of ``file`` in the template root."""
    marker = ".. design-doc::" if file.endswith(".rst") else "```{design-doc}"
    return line_of(TEMPLATE / file, marker)


def section_lines(file: str) -> dict[str, int]:
    """The line of each fault of a ``sections`` page, found by a marker on it."""
    path = TEMPLATE / file
    _scheduler, _ledger, untitled = lines_of(path, "component")
    return {
        "doc": doc_line(file),
        "overview": line_of(path, "Overview of [Feature Name]"),
        "depends-on": line_of(path, ":depends-on:"),
        "ledger-purpose": line_of(path, ":purpose: [Description]"),
        "untitled": untitled,
        "tracing-fields": line_of(path, ":fields: payment_id"),
        "error-tracking-fields": line_of(path, ":fields: user_agent_hash"),
        "leftovers": line_of(path, "A [Feature Name] and a [Description]"),
    }


SECTION_PAGES = {file: section_lines(file) for file in ("sections.rst", "sections_md.md")}
COVERAGE_PAGES = {file: doc_line(file) for file in ("coverage.rst", "coverage_md.md")}
COVERAGE_IDS = {"coverage.rst": "coverage-rst", "coverage_md.md": "coverage-md"}
# a doc's status that needs something it lacks is reported at the :status: line
APPROVED_PAGES = {
    file: {
        "status": line_of(TEMPLATE / file, ":status: approved"),
        "open": line_of(TEMPLATE / file, "Do we shard by region?"),
    }
    for file in ("approved.rst", "approved_md.md")
}
SUPERSEDED_PAGES = {
    file: (doc_id, line_of(TEMPLATE / file, ":status: superseded"))
    for file, doc_id in (
        ("superseded.rst", "superseded-rst"),
        ("superseded_md.md", "superseded-md"),
    )
}
CLEAN_PAGES = ("complete.rst", "complete_md.md", "notes.rst", "notes_md.md", "index.rst")
DOCNAMES = {"sections.rst": "sections", "sections_md.md": "sections_md"}
DOC_IDS = {"sections.rst": "sections-rst", "sections_md.md": "sections-md"}


def missing_section(file: str, line: int, heading: str, how: str, status: str) -> Fault:
    """The coverage warning for one absent template section."""
    return (
        file,
        line,
        "missing",
        f"required section {heading!r} is missing ({status!r} docs need it): add {how}",
    )


#: (heading, how to add it) of each section the coverage pages lack, in template order;
#: every other section is there through a heading (in capitals, numbered, with a colon,
#: or the configured alias 'Rollout plan') or through its directive.
ABSENT = (
    ("Non-Goals", "the heading 'Non-Goals' or a non-goals directive"),
    ("Error Handling", "the heading 'Error Handling'"),
    ("Logging Strategy", "the heading 'Logging Strategy' or a logging-strategy directive"),
    (
        "Security Considerations",
        "the heading 'Security Considerations' or a security-considerations directive",
    ),
    ("Testing Strategy", "the heading 'Testing Strategy' or a testing-strategy directive"),
    (
        "Alternatives Considered",
        "the heading 'Alternatives Considered' or an alternative directive",
    ),
)
MIGRATION = ("Migration Plan", "the heading 'Migration Plan'")


def coverage_faults(
    file: str,
    line: int,
    status: str = "in-review",
    absent: tuple[tuple[str, str], ...] = ABSENT,
) -> list[Fault]:
    """The coverage warnings of one page, in the order they are emitted."""
    return [missing_section(file, line, heading, how, status) for heading, how in absent]


def component_faults(file: str) -> set[Fault]:
    at = SECTION_PAGES[file]
    return {
        (
            file,
            at["depends-on"],
            "ref",
            "component 'Retry Scheduler' depends on 'card-gateway', "
            "which is no component of this doc",
        ),
        (file, at["untitled"], "missing", "component has no title"),
    }


def privacy_fault(file: str, line: int, field: str, pattern: str) -> Fault:
    return (
        file,
        line,
        "privacy",
        f"logged field {field!r} looks like personal data ({pattern!r}) but is not listed in :pii:",
    )


def privacy_faults(file: str) -> set[Fault]:
    at = SECTION_PAGES[file]
    return {
        privacy_fault(file, at["tracing-fields"], "customer_email", "email"),
        privacy_fault(file, at["tracing-fields"], "client_ip", "ip"),
        privacy_fault(file, at["error-tracking-fields"], "user_agent_hash", "user_agent"),
    }


def placeholder(file: str, line: int, text: str) -> Fault:
    return (file, line, "placeholder", f"template placeholder {text!r} left in")


def placeholder_faults(file: str) -> set[Fault]:
    at = SECTION_PAGES[file]
    return {
        placeholder(file, at["overview"], "[Feature Name]"),  # design-doc content
        placeholder(file, at["ledger-purpose"], "[Description]"),  # a component's :purpose:
        placeholder(file, at["leftovers"], "[Feature Name]"),  # prose
        placeholder(file, at["leftovers"], "[Description]"),
    }


def approved_faults(file: str) -> set[Fault]:
    at = APPROVED_PAGES[file]
    return {
        (file, at["status"], "lifecycle", "approved design doc has no :reviewers:"),
        (
            file,
            at["open"],
            "lifecycle",
            "open question 'Do we shard by region?' in an approved design doc; "
            "answer it with :resolution:",
        ),
    }


def superseded_faults(file: str) -> set[Fault]:
    doc_id, line = SUPERSEDED_PAGES[file]
    message = f"superseded design doc has no successor: no doc has ':supersedes: {doc_id}'"
    return {(file, line, "lifecycle", message)}


def expected_for(file: str) -> set[Fault]:
    """Every warning the template root gives for ``file``."""
    if file in SECTION_PAGES:
        return component_faults(file) | privacy_faults(file) | placeholder_faults(file)
    if file in COVERAGE_PAGES:
        return set(coverage_faults(file, COVERAGE_PAGES[file]))
    if file in APPROVED_PAGES:
        return approved_faults(file)
    if file in SUPERSEDED_PAGES:
        return superseded_faults(file)
    assert file in CLEAN_PAGES
    return set()


ALL_FILES = (*SECTION_PAGES, *COVERAGE_PAGES, *APPROVED_PAGES, *SUPERSEDED_PAGES, *CLEAN_PAGES)


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("template", tmp_path_factory.mktemp("template")), freshenv=True)


def faults(result: Build, file: str, *subtypes: str) -> list[Fault]:
    """The warnings of ``file`` (of the given subtypes, or all), in the order emitted."""
    return [
        (w.file, w.line, w.subtype, w.message)
        for w in result.warnings
        if w.file == file and (not subtypes or w.subtype in subtypes)
    ]


# -- small projects for config variants and cross-doc cases ------------------------------


def toc(*names: str) -> str:
    entries = "".join(f"   {name}\n" for name in names)
    return f"Home\n====\n\n.. toctree::\n\n{entries}"


def doc_page(fmt: str, title: str, options: dict[str, str], body: str = "") -> str:
    """A page with a ``design-doc`` with ``options`` and ``body`` after it."""
    if fmt == "rst":
        opts = "".join(f"   :{key}: {value}\n" for key, value in options.items())
        head = f"{title}\n{'=' * len(title)}\n\n.. design-doc::\n{opts}\n   Overview.\n"
    else:
        opts = "".join(f":{key}: {value}\n" for key, value in options.items())
        head = f"# {title}\n\n```{{design-doc}}\n{opts}\nOverview.\n```\n"
    return head + ("\n" + body if body else "")


def option_line(fmt: str, options: dict[str, str], name: str) -> int:
    """The line of option ``name`` of the ``design-doc`` of a ``doc_page``."""
    return line_of(doc_page(fmt, "Doc", options), f":{name}: ")


def project(tmp_path: Path, fmt: str, pages: dict[str, str], conf: str = "") -> Path:
    """A project of ``pages`` (names without suffix), all in the index's toctree."""
    files = {f"{name}.{fmt}": text for name, text in pages.items()}
    return write_project(tmp_path, {"index.rst": toc(*pages), **files}, conf)


def signature(result: Build) -> list[Fault]:
    return [(w.file, w.line, w.subtype, w.message) for w in result.warnings]


# -- the template root: every warning exactly once ---------------------------------------


@pytest.mark.parametrize("file", ALL_FILES)
def test_each_page_gives_exactly_its_warnings(result: Build, file: str) -> None:
    found = faults(result, file)
    assert set(found) == expected_for(file)
    assert len(found) == len(set(found)), "a warning was emitted twice"


def test_nothing_else_warns(result: Build) -> None:
    expected = set().union(*(expected_for(file) for file in ALL_FILES))
    assert set(signature(result)) == expected
    assert {w.type for w in result.warnings} == {"designdoc"}
    assert len(result.warnings) == result.warnings_text.count("WARNING:")


# -- component ----------------------------------------------------------------------------


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_component_faults(result: Build, file: str) -> None:
    assert set(faults(result, file, "ref", "missing")) == component_faults(file)


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_component_renders_purpose_interface_and_dependencies(result: Build, file: str) -> None:
    soup = result.soup(DOCNAMES[file])
    scheduler = soup.select_one("div.designdoc-component#component-scheduler")
    assert scheduler is not None
    title = scheduler.select_one(".designdoc-title")
    assert title is not None
    assert title.get_text(" ", strip=True) == "Component: Retry Scheduler"
    fields = {
        dt_.get_text(strip=True).rstrip(":"): dd
        for dt_, dd in zip(
            scheduler.select("dl.designdoc-fields > dt"),
            scheduler.select("dl.designdoc-fields > dd"),
            strict=True,
        )
    }
    assert list(fields) == ["Purpose", "Interface", "Depends on"]
    assert fields["Purpose"].get_text(strip=True) == "Decides when a failed payment is retried."
    code = fields["Interface"].select_one("code")
    assert code is not None
    assert code.get_text(" ", strip=True) == "schedule(payment_id) -> RetryPlan"
    depends = fields["Depends on"]
    assert depends.get_text(" ", strip=True) == "Ledger , card-gateway"
    links = depends.select("a")
    assert [(a["href"], a.get_text(strip=True)) for a in links] == [("#component-ledger", "Ledger")]
    assert "Reads the policy table." in scheduler.get_text()
    assert soup.select_one("div.designdoc-component#component-ledger") is not None


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_component_without_title_still_renders(result: Build, file: str) -> None:
    untitled = result.soup(DOCNAMES[file]).select_one(
        f"div.designdoc-component#component-{untitled_id(result)}"
    )
    assert untitled is not None
    assert "Has no title." in untitled.get_text()


def untitled_id(result: Build) -> str:
    """The id of the untitled component: a digest of its text, the same in reST and MyST
    (not its line, which differs)."""
    ids = {result.json()["docs"][DOC_IDS[name]]["components"][2]["id"] for name in DOC_IDS}
    assert len(ids) == 1
    (found,) = ids
    assert re.fullmatch(r"component-[0-9a-f]{8}", found)
    return found


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_components_in_json(result: Build, file: str) -> None:
    components = result.json()["docs"][DOC_IDS[file]]["components"]
    assert components == [
        {
            "id": "scheduler",
            "title": "Retry Scheduler",
            "purpose": "Decides when a failed payment is retried.",
            "interface": "schedule(payment_id) -> RetryPlan",
            "depends_on": ["ledger", "card-gateway"],
        },
        {
            "id": "ledger",
            "title": "Ledger",
            "purpose": "[Description]",
            "interface": None,
            "depends_on": [],
        },
        {
            "id": untitled_id(result),
            "title": "",
            "purpose": "Has no title.",
            "interface": None,
            "depends_on": [],
        },
    ]


# -- security-considerations and testing-strategy ---------------------------------------


def labelled_fields(container: Any) -> list[tuple[str, str]]:
    return [
        (dt_.get_text(strip=True).rstrip(":"), dd.get_text(" ", strip=True))
        for dt_, dd in zip(container.select("dt"), container.select("dd"), strict=True)
    ]


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_security_and_testing_render_their_fields_with_labels(result: Build, file: str) -> None:
    soup = result.soup(DOCNAMES[file])
    security = soup.select_one("div.designdoc-security")
    assert security is not None
    assert labelled_fields(security) == [
        ("Authentication", "mTLS between services"),
        ("Authorization", "only the billing role may trigger manual retries"),
        ("Data protection", "card data never leaves the vault"),
    ]
    assert "Keys rotate monthly." in security.get_text()
    testing = soup.select_one("div.designdoc-testing")
    assert testing is not None
    assert labelled_fields(testing) == [
        ("Unit tests", "90% line coverage of the scheduler"),
        ("Integration tests", "retry after gateway timeout"),
        ("Performance tests", "500 req/s for 1 h"),
    ]


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_security_and_testing_in_json(result: Build, file: str) -> None:
    doc = result.json()["docs"][DOC_IDS[file]]
    assert doc["security"] == {
        "authentication": "mTLS between services",
        "authorization": "only the billing role may trigger manual retries",
        "data_protection": "card data never leaves the vault",
    }
    assert doc["testing"] == {
        "unit": "90% line coverage of the scheduler",
        "integration": "retry after gateway timeout",
        "performance": "500 req/s for 1 h",
    }


def repeated(name: str, first: int) -> str:
    """The ``structure`` message for a second ``name`` on a page; ``first``: its line."""
    return f"a page holds one {name}; the first is at line {first}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_second_security_or_testing_section_fills_in_the_first(tmp_path: Path, fmt: str) -> None:
    if fmt == "rst":
        body = (
            ".. security-considerations::\n   :authentication: mTLS\n\n"
            ".. security-considerations::\n   :authentication: tokens\n"
            "   :authorization: billing role only\n\n"
            ".. testing-strategy::\n   :unit: 90%\n\n"
            ".. testing-strategy::\n   :integration: gateway timeout\n"
        )
    else:
        body = (
            "```{security-considerations}\n:authentication: mTLS\n```\n"
            "```{security-considerations}\n:authentication: tokens\n"
            ":authorization: billing role only\n```\n"
            "```{testing-strategy}\n:unit: 90%\n```\n"
            "```{testing-strategy}\n:integration: gateway timeout\n```\n"
        )
    page = doc_page(fmt, "Doc", options={"status": "draft"}, body=body)
    result = build(project(tmp_path, fmt, {"doc": page}))
    file = f"doc.{fmt}"
    security, second_security = lines_of(page, "security-considerations")
    testing, second_testing = lines_of(page, "testing-strategy")
    assert signature(result) == [
        (file, second_security, "structure",
         f"{repeated('security-considerations', security)}; its answers fill in the "
         "first's empty ones, except :authentication:, where the first's value is kept"),
        (file, second_testing, "structure",
         f"{repeated('testing-strategy', testing)}; its answers fill in the first's "
         "empty ones"),
    ]  # fmt: skip
    doc = result.json()["docs"]["doc"]
    assert doc["security"] == {
        "authentication": "mTLS",
        "authorization": "billing role only",
        "data_protection": None,
    }
    assert doc["testing"] == {"unit": "90%", "integration": "gateway timeout", "performance": None}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_second_goals_or_non_goals_section_adds_to_the_first(tmp_path: Path, fmt: str) -> None:
    """Nothing is lost (the items add up), and the page says it holds the section twice."""
    if fmt == "rst":
        body = (
            ".. design-goals::\n\n   - Retry on timeouts.\n\n"
            ".. design-goals::\n\n   - Retry on declines.\n\n"
            ".. non-goals::\n\n   - Refunds.\n\n"
            ".. non-goals::\n\n   - Chargebacks.\n"
        )
    else:
        body = (
            "```{design-goals}\n- Retry on timeouts.\n```\n\n"
            "```{design-goals}\n- Retry on declines.\n```\n\n"
            "```{non-goals}\n- Refunds.\n```\n\n"
            "```{non-goals}\n- Chargebacks.\n```\n"
        )
    page = doc_page(fmt, "Doc", options={"status": "draft"}, body=body)
    result = build(project(tmp_path, fmt, {"doc": page}))
    file = f"doc.{fmt}"
    goals, second_goals = lines_of(page, "design-goals")
    non_goals, second_non_goals = lines_of(page, "non-goals")
    assert signature(result) == [
        (file, second_goals, "structure",
         f"{repeated('design-goals', goals)}; its goals are added to the first's"),
        (file, second_non_goals, "structure",
         f"{repeated('non-goals', non_goals)}; its non-goals are added to the first's"),
    ]  # fmt: skip
    doc = result.json()["docs"]["doc"]
    assert [goal["title"] for goal in doc["goals"]] == ["Retry on timeouts.", "Retry on declines."]
    assert doc["non_goals"] == ["Refunds.", "Chargebacks."]


# -- open-question ------------------------------------------------------------------------


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_open_and_resolved_questions_render(result: Build, file: str) -> None:
    soup = result.soup(DOCNAMES[file])
    open_q = soup.select_one("div.designdoc-question#question-disputes")
    assert open_q is not None
    assert "designdoc-open" in open_q["class"]
    assert "designdoc-resolved" not in open_q["class"]
    title = open_q.select_one(".designdoc-title")
    assert title is not None
    assert title.get_text(" ", strip=True) == "Open question: Do we retry disputed payments?"
    assert labelled_fields(open_q) == [("Owner", "Ana Ruiz")]
    resolved = soup.select_one("div.designdoc-question#question-which-queue-do-we-use")
    assert resolved is not None
    assert "designdoc-resolved" in resolved["class"]
    assert "designdoc-open" not in resolved["class"]
    title = resolved.select_one(".designdoc-title")
    assert title is not None
    assert title.get_text(" ", strip=True) == "Resolved question: Which queue do we use?"
    assert labelled_fields(resolved) == [
        ("Owner", "Li Wei"),
        ("Resolution", "The existing job queue."),
    ]


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_questions_in_json(result: Build, file: str) -> None:
    assert result.json()["docs"][DOC_IDS[file]]["questions"] == [
        {
            "id": "disputes",
            "title": "Do we retry disputed payments?",
            "owner": "Ana Ruiz",
            "resolution": None,
            "open": True,
        },
        {
            "id": "which-queue-do-we-use",
            "title": "Which queue do we use?",
            "owner": "Li Wei",
            "resolution": "The existing job queue.",
            "open": False,
        },
    ]


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_open_questions_are_fine_in_a_draft(result: Build, file: str) -> None:
    assert faults(result, file, "lifecycle") == []


# -- coverage -----------------------------------------------------------------------------


@pytest.mark.parametrize("file", COVERAGE_PAGES)
def test_one_missing_warning_per_absent_section_at_the_design_doc_line(
    result: Build, file: str
) -> None:
    assert faults(result, file, "missing") == coverage_faults(file, COVERAGE_PAGES[file])


@pytest.mark.parametrize("file", COVERAGE_PAGES)
def test_sections_map_in_json(result: Build, file: str) -> None:
    absent = {"non-goals", "error-handling", "logging-strategy", "security", "testing",
              "alternatives"}  # fmt: skip
    sections = result.json()["docs"][COVERAGE_IDS[file]]["sections"]
    assert list(sections) == sorted(SECTIONS)  # the export sorts keys
    assert sections == {key: key not in absent for key in SECTIONS}


def test_complete_docs_have_every_section_in_json(result: Build) -> None:
    for doc_id in ("complete-rst", "complete-md"):
        assert result.json()["docs"][doc_id]["sections"] == dict.fromkeys(SECTIONS, True)


def coverage_project(tmp_path: Path, file: str, conf: str = "", status: str = "") -> Path:
    """The root's coverage page alone, with another conf (and status)."""
    text = (TEMPLATE / file).read_text(encoding="utf-8")
    if status:
        text = text.replace(":status: in-review", f":status: {status}")
    return write_project(tmp_path, {"index.rst": toc(Path(file).stem), file: text}, conf)


@pytest.mark.parametrize("file", COVERAGE_PAGES)
def test_a_draft_gets_no_coverage_warnings(tmp_path: Path, file: str) -> None:
    result = build(coverage_project(tmp_path, file, status="draft"), freshenv=True)
    assert result.warnings_text == ""
    assert result.json()["docs"][COVERAGE_IDS[file]]["sections"]["security"] is False


@pytest.mark.parametrize("file", COVERAGE_PAGES)
@pytest.mark.parametrize("status", ["approved", "implemented"])
def test_every_complete_status_is_checked(tmp_path: Path, file: str, status: str) -> None:
    conf = 'designdoc_section_aliases = {"migration-plan": ["Rollout plan"]}\n'
    result = build(coverage_project(tmp_path, file, conf, status), freshenv=True)
    assert signature(result) == coverage_faults(file, COVERAGE_PAGES[file], status)


@pytest.mark.parametrize("file", COVERAGE_PAGES)
def test_section_alias_makes_a_custom_heading_count(tmp_path: Path, file: str) -> None:
    line = COVERAGE_PAGES[file]
    without = build(coverage_project(tmp_path / "without", file), freshenv=True)
    absent = (*ABSENT[:-1], MIGRATION, ABSENT[-1])
    assert signature(without) == coverage_faults(file, line, absent=absent)
    # aliases are matched case-insensitively, like the built-in titles
    conf = 'designdoc_section_aliases = {"migration-plan": ["ROLLOUT Plan"]}\n'
    with_alias = build(coverage_project(tmp_path / "with", file, conf), freshenv=True)
    assert signature(with_alias) == coverage_faults(file, line)


@pytest.mark.parametrize("file", COVERAGE_PAGES)
def test_required_sections_narrow_the_check(tmp_path: Path, file: str) -> None:
    conf = 'designdoc_required_sections = ["testing", "background", "data-model", "non-goals"]\n'
    result = build(coverage_project(tmp_path, file, conf), freshenv=True)
    # in the order of designdoc_required_sections
    absent = (ABSENT[4], ABSENT[0])
    assert signature(result) == coverage_faults(file, COVERAGE_PAGES[file], absent=absent)


# -- lifecycle ----------------------------------------------------------------------------


@pytest.mark.parametrize("file", APPROVED_PAGES)
def test_approved_without_reviewers_and_with_an_open_question(result: Build, file: str) -> None:
    assert set(faults(result, file, "lifecycle")) == approved_faults(file)
    # every section is there as a heading, so nothing else is reported
    assert set(faults(result, file)) == approved_faults(file)


@pytest.mark.parametrize("file", SUPERSEDED_PAGES)
def test_superseded_without_successor(result: Build, file: str) -> None:
    assert set(faults(result, file)) == superseded_faults(file)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_supersedes_cycle_warns_once(tmp_path: Path, fmt: str) -> None:
    a_options = {"id": "cyc-a", "status": "superseded", "supersedes": "cyc-c"}
    pages = {
        "a": doc_page(fmt, "A", a_options),
        "b": doc_page(fmt, "B", {"id": "cyc-b", "status": "superseded", "supersedes": "cyc-a"}),
        "c": doc_page(fmt, "C", {"id": "cyc-c", "status": "draft", "supersedes": "cyc-b"}),
        # superseded, and it has a successor: no warning
        "old": doc_page(fmt, "Old", {"id": "old", "status": "superseded"}),
        "new": doc_page(fmt, "New", {"id": "new", "status": "draft", "supersedes": "old"}),
    }
    result = build(project(tmp_path, fmt, pages), freshenv=True)
    assert signature(result) == [
        (
            f"a.{fmt}",
            option_line(fmt, a_options, "supersedes"),
            "lifecycle",
            "supersedes cycle: cyc-a -> cyc-c -> cyc-b -> cyc-a",
        )
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_successor_because_of_a_mistyped_supersedes_says_so(tmp_path: Path, fmt: str) -> None:
    v1 = {"id": "retry-v1", "status": "superseded"}
    v2 = {"id": "retry-v2", "status": "draft", "supersedes": "retry-v11"}
    pages = {"v1": doc_page(fmt, "Retry v1", v1), "v2": doc_page(fmt, "Retry v2", v2)}
    result = build(project(tmp_path, fmt, pages), freshenv=True)
    assert signature(result) == [  # in file order
        (f"v1.{fmt}", option_line(fmt, v1, "status"), "lifecycle",
         "superseded design doc has no successor: no doc has ':supersedes: retry-v1'; "
         "'v2' has ':supersedes: retry-v11' (did you mean 'retry-v1'?)"),
        (f"v2.{fmt}", option_line(fmt, v2, "supersedes"), "ref",
         ":supersedes: names unknown design doc 'retry-v11'; did you mean 'retry-v1'?"),
    ]  # fmt: skip


TODAY = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)


def stale_options(title: str, status: str, updated: str) -> dict[str, str]:
    return {"id": title.lower(), "status": status, "reviewers": "Sam Patel", "updated": updated}


def stale_pages(fmt: str) -> dict[str, str]:
    def page(title: str, status: str, updated: str) -> str:
        return doc_page(fmt, title, stale_options(title, status, updated))

    return {
        "old": page("Old", "in-review", "2026-01-01"),  # 78 days before TODAY
        "month": page("Month", "in-review", "2026-02-17"),  # 31 days
        "recent": page("Recent", "in-review", "2026-03-10"),  # 10 days
        "draft": page("Draft", "draft", "2025-01-01"),  # only docs in review go stale
        "done": page("Done", "approved", "2025-01-01"),
    }


def stale(fmt: str, name: str, updated: str, age: int, days: int) -> Fault:
    message = (
        f"in review but last updated {updated}, {age} days ago (designdoc_stale_days is {days})"
    )
    line = option_line(fmt, stale_options(name, "in-review", updated), "updated")
    return (f"{name}.{fmt}", line, "lifecycle", message)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_doc_in_review_goes_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(TODAY.timestamp())))
    conf = 'designdoc_required_sections = ["overview"]\n'
    src = project(tmp_path, fmt, stale_pages(fmt), conf)
    assert set(signature(build(src, freshenv=True))) == {
        stale(fmt, "old", "2026-01-01", 78, 30),
        stale(fmt, "month", "2026-02-17", 31, 30),
    }
    longer = build(src, freshenv=True, confoverrides={"designdoc_stale_days": 60})
    assert signature(longer) == [stale(fmt, "old", "2026-01-01", 78, 60)]
    disabled = build(src, freshenv=True, confoverrides={"designdoc_stale_days": 0})
    assert disabled.warnings_text == ""


@pytest.mark.parametrize("fmt", FORMATS)
def test_staleness_follows_the_build_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    conf = 'designdoc_required_sections = ["overview"]\n'
    src = project(tmp_path, fmt, stale_pages(fmt), conf)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
                                                    .timestamp())))  # fmt: skip
    assert build(src, freshenv=True).warnings_text == ""  # the oldest is 4 days old


# -- privacy ------------------------------------------------------------------------------


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_logged_pii_must_be_declared(result: Build, file: str) -> None:
    # card_last4 and EMAIL are declared (case-insensitively); shipping_zone, zipcode and
    # hostname hold "ip" and "name" only inside a word
    assert set(faults(result, file, "privacy")) == privacy_faults(file)


@pytest.mark.parametrize("fmt", FORMATS)
def test_custom_pii_patterns(tmp_path: Path, fmt: str) -> None:
    if fmt == "rst":
        body = (
            ".. logging-strategy::\n"
            "   :use-cases: tracing\n"
            "   :pii: tenant_id\n"
            "   :privacy: Tenants are pseudonymous.\n"
            "\n"
            "   .. log-use-case:: tracing\n"
            "      :fields: tenant_id, tenant_name, user.geo-hash, customer_email, geohash\n"
        )
    else:
        body = (
            "````{logging-strategy}\n"
            ":use-cases: tracing\n"
            ":pii: tenant_id\n"
            ":privacy: Tenants are pseudonymous.\n"
            "\n"
            "```{log-use-case} tracing\n"
            ":fields: tenant_id, tenant_name, user.geo-hash, customer_email, geohash\n"
            "```\n"
            "````\n"
        )
    options = {"status": "draft"}
    page = doc_page(fmt, "Doc", options, body)
    line = line_of(page, ":fields:")
    conf = 'designdoc_pii_patterns = ["Tenant", "geo_hash"]\n'
    result = build(project(tmp_path, fmt, {"doc": page}, conf), freshenv=True)
    file = f"doc.{fmt}"
    assert set(signature(result)) == {
        privacy_fault(file, line, "tenant_name", "tenant"),
        privacy_fault(file, line, "user.geo-hash", "geo_hash"),
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_second_logging_strategy_adds_to_the_first(tmp_path: Path, fmt: str) -> None:
    """Its use cases and details add up, and the first's :pii: still covers the first's
    fields: no false privacy warning. One ``structure`` warning, at the second."""
    if fmt == "rst":
        body = (
            ".. logging-strategy::\n   :use-cases: tracing\n   :pii: user_email\n"
            "   :privacy: Emails are hashed.\n\n"
            "   .. log-use-case:: tracing\n      :fields: user_email\n\n\n\n"
            ".. logging-strategy::\n   :use-cases: error-tracking\n"
            "   :privacy: Nothing personal.\n\n"
            "   .. log-use-case:: error-tracking\n      :fields: error_code\n"
        )
    else:
        body = (
            "::::{logging-strategy}\n:use-cases: tracing\n:pii: user_email\n"
            ":privacy: Emails are hashed.\n\n"
            ":::{log-use-case} tracing\n:fields: user_email\n:::\n::::\n\n"
            "::::{logging-strategy}\n:use-cases: error-tracking\n"
            ":privacy: Nothing personal.\n\n"
            ":::{log-use-case} error-tracking\n:fields: error_code\n:::\n::::\n"
        )
    page = doc_page(fmt, "Doc", options={"status": "draft"}, body=body)
    result = build(project(tmp_path, fmt, {"doc": page}))
    first, second = lines_of(page, "{logging-strategy}" if fmt == "md" else ".. logging-strategy::")
    assert signature(result) == [
        (f"doc.{fmt}", second, "structure",
         f"{repeated('logging-strategy', first)}; its use cases, PII fields and details "
         "are added to the first's, except :privacy:, where the first's value is kept"),
    ]  # fmt: skip
    logging = result.json()["docs"]["doc"]["logging"]
    assert logging["use_cases"] == ["tracing", "error-tracking"]
    assert logging["pii"] == ["user_email"]
    assert logging["privacy"] == "Emails are hashed."
    assert [(d["use_case"], d["fields"]) for d in logging["details"]] == [
        ("tracing", ["user_email"]),
        ("error-tracking", ["error_code"]),
    ]


# -- placeholders -------------------------------------------------------------------------


@pytest.mark.parametrize("file", SECTION_PAGES)
def test_placeholders_in_prose_and_options_but_not_in_code(result: Build, file: str) -> None:
    assert set(faults(result, file, "placeholder")) == placeholder_faults(file)


@pytest.mark.parametrize("file", ["notes.rst", "notes_md.md"])
def test_no_placeholder_check_on_a_page_without_design_doc(result: Build, file: str) -> None:
    assert faults(result, file) == []
    doc = result.json()["docs"][Path(file).stem.replace("_", "-")]
    assert doc["design_doc"] is False
    assert doc["components"][0]["purpose"] == "[Description]"
    assert doc["security"]["authentication"] == "[Authentication]"


@pytest.mark.parametrize("fmt", FORMATS)
def test_custom_placeholder_pattern(tmp_path: Path, fmt: str) -> None:
    body = "Left TODO(ana) here, and [Feature Name] is fine now.\n"
    options = {"status": "draft", "authors": "TODO(li)"}
    page = doc_page(fmt, "Doc", options, body)
    conf = 'designdoc_placeholder_pattern = r"TODO\\([a-z]+\\)"\n'
    result = build(project(tmp_path, fmt, {"doc": page}, conf), freshenv=True)
    file = f"doc.{fmt}"
    assert set(signature(result)) == {
        placeholder(file, line_of(page, "TODO(li)"), "TODO(li)"),
        placeholder(file, line_of(page, "TODO(ana)"), "TODO(ana)"),
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_anchored_placeholder_pattern_matches_at_each_text_start(tmp_path: Path, fmt: str) -> None:
    """``^`` matches where a line or a text node starts (here right after inline code), as
    in the line-by-line scan: the quick whole-page test before it must not miss it."""
    body = "``owner``\\ TBD by Friday.\n" if fmt == "rst" else "`owner`TBD by Friday.\n"
    page = doc_page(fmt, "Doc", {"status": "draft"}, body)
    conf = 'designdoc_placeholder_pattern = r"^TBD"\n'
    result = build(project(tmp_path, fmt, {"doc": page}, conf), freshenv=True)
    assert signature(result) == [placeholder(f"doc.{fmt}", line_of(page, "TBD"), "TBD")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_placeholder_in_the_report_of_an_invalid_option(tmp_path: Path, fmt: str) -> None:
    """docutils quotes a refused option value in its error; that quote is not prose, and
    the error already points at the directive (found by the fuzz test: the quote has no
    line, so the placeholder warning had none either)."""
    if fmt == "rst":
        body = ".. alternative:: Retry\n   :class: [Description] ,,,\n   :why-not: Slow.\n"
    else:
        body = ":::{alternative} Retry\n:class: [Description] ,,,\n:why-not: Slow.\n:::\n"
    options = {"status": "draft"}
    page = doc_page(fmt, "Doc", options, body)
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    assert 'cannot make ",,," into a class name' in result.warnings_text
    assert "template placeholder" not in result.warnings_text
    assert all(warning.line for warning in result.warnings), result.warnings_text


# -- placeholders at the right line (each case alone) -------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_placeholder_on_a_paragraphs_second_line_points_at_that_line(
    tmp_path: Path, fmt: str
) -> None:
    body = "Some context first,\nthen [Any Additional Context] on the next line.\n"
    options = {"status": "draft"}
    page = doc_page(fmt, "Doc", options, body)
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    second = line_of(page, "then [Any Additional Context]")
    assert signature(result) == [placeholder(f"doc.{fmt}", second, "[Any Additional Context]")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_placeholder_in_a_goal_title_points_at_the_goal(tmp_path: Path, fmt: str) -> None:
    if fmt == "rst":
        body = ".. design-goals::\n\n   .. goal:: [Goal Title]\n"
    else:
        body = "::::{design-goals}\n\n:::{goal} [Goal Title]\n:::\n::::\n"
    options = {"status": "draft"}
    page = doc_page(fmt, "Doc", options, body)
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    goal_line = line_of(page, "[Goal Title]")
    assert signature(result) == [placeholder(f"doc.{fmt}", goal_line, "[Goal Title]")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_placeholder_in_an_item_title_points_at_its_directive(tmp_path: Path, fmt: str) -> None:
    if fmt == "rst":
        body = (
            ".. component:: Component 1: [Name]\n"
            "\n"
            ".. open-question:: [Question]\n"
            "\n"
            ".. alternative:: Alternative 1: [Alternative Name]\n"
            "   :why-not: Too slow.\n"
        )
    else:
        body = (
            "```{component} Component 1: [Name]\n"
            "```\n"
            "\n"
            "```{open-question} [Question]\n"
            "```\n"
            "\n"
            ":::{alternative} Alternative 1: [Alternative Name]\n"
            ":why-not: Too slow.\n"
            ":::\n"
        )
    options = {"status": "draft"}
    page = doc_page(fmt, "Doc", options, body)
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    file = f"doc.{fmt}"
    texts = ("[Name]", "[Question]", "[Alternative Name]")
    assert signature(result) == [placeholder(file, line_of(page, text), text) for text in texts]


@pytest.mark.parametrize("fmt", FORMATS)
def test_placeholder_in_the_page_title(tmp_path: Path, fmt: str) -> None:
    page = doc_page(fmt, "Design Doc: [Feature Name]", {"status": "draft"})
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    assert signature(result) == [
        placeholder(f"doc.{fmt}", line_of(page, "[Feature Name]"), "[Feature Name]")
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_placeholder_in_the_prd_option(tmp_path: Path, fmt: str) -> None:
    # the template's own PRD line, left in the :prd: option
    options = {"status": "draft", "prd": "[Link to PRD: ../prd/feature_name.md]"}
    result = build(project(tmp_path, fmt, {"doc": doc_page(fmt, "Doc", options)}), freshenv=True)
    line = option_line(fmt, options, "prd")
    assert signature(result) == [
        placeholder(f"doc.{fmt}", line, "[Link to PRD: ../prd/feature_name.md]")
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_placeholder_in_an_option_shown_as_code_points_at_that_option(
    tmp_path: Path, fmt: str
) -> None:
    if fmt == "rst":
        body = (
            ".. logging-strategy::\n   :use-cases: tracing\n   :pii: [PII Field]\n"
            "   :privacy: Hashed.\n\n   .. log-use-case:: tracing\n      :events: [Event]\n"
            "      :fields: [Extra Field]\n      :retention: 2w\n"
        )
    else:
        body = (
            "````{logging-strategy}\n:use-cases: tracing\n:pii: [PII Field]\n"
            ":privacy: Hashed.\n\n```{log-use-case} tracing\n:events: [Event]\n"
            ":fields: [Extra Field]\n:retention: 2w\n```\n````\n"
        )
    options = {"status": "draft"}
    page = doc_page(fmt, "Doc", options, body)
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    file = f"doc.{fmt}"
    assert set(signature(result)) == {
        placeholder(file, line_of(page, text), text)
        for text in ("[PII Field]", "[Event]", "[Extra Field]")
    }


# -- items without a title or a name ------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_untitled_items_are_named_so_in_their_warnings(tmp_path: Path, fmt: str) -> None:
    """An untitled alternative once gave "alternative '' has no :why-not:"."""
    if fmt == "rst":
        body = (
            ".. alternative::\n"
            "\n"
            "   Described, but neither titled nor explained.\n"
            "\n"
            ".. design-goals::\n"
            "\n"
            "   .. goal::\n"
            "      :kind: performance\n"
        )
    else:
        body = (
            "```{alternative}\n"
            "\n"
            "Described, but neither titled nor explained.\n"
            "```\n"
            "\n"
            "::::{design-goals}\n"
            "\n"
            ":::{goal}\n"
            ":kind: performance\n"
            ":::\n"
            "::::\n"
        )
    page = doc_page(fmt, "Doc", {"status": "draft"}, body)
    alt, goal = line_of(page, "alternative"), line_of(page, "goal:" if fmt == "rst" else "{goal}")
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    file = f"doc.{fmt}"
    assert sorted(signature(result)) == [
        (file, alt, "missing", "alternative has no title"),
        (file, alt, "missing", "untitled alternative has no :why-not:"),
        (file, goal, "missing", "goal has no title"),
        (file, goal, "missing", "untitled performance goal has no :target:"),
    ]


USE_CASES = "tracing, error-tracking, user-behavior, performance, security-audit, business-metrics"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_log_use_case_without_a_name_lists_the_names(tmp_path: Path, fmt: str) -> None:
    """One warning for the one mistake, with the names an option warning would list."""
    if fmt == "rst":
        body = ".. logging-strategy::\n\n   .. log-use-case::\n      :retention: 14d\n"
    else:
        body = "::::{logging-strategy}\n\n:::{log-use-case}\n:retention: 14d\n:::\n::::\n"
    page = doc_page(fmt, "Doc", {"status": "draft"}, body)
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    assert signature(result) == [
        (f"doc.{fmt}", line_of(page, "log-use-case"), "missing",
         f"log-use-case names no use case; expected one of {USE_CASES}"),
    ]  # fmt: skip


# -- retention periods --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_retention_in_hours_and_beyond_a_century(tmp_path: Path, fmt: str) -> None:
    """``PT24H`` was refused while ``P999999999Y`` was accepted."""
    retentions = {"tracing": "PT24H", "error-tracking": "36h", "performance": "P999999999Y"}
    if fmt == "rst":
        details = "".join(f"\n   .. log-use-case:: {name}\n      :retention: {retention}\n"
                          for name, retention in retentions.items())  # fmt: skip
        body = f".. logging-strategy::\n   :use-cases: {', '.join(retentions)}\n{details}"
    else:
        details = "".join(f"\n:::{{log-use-case}} {name}\n:retention: {retention}\n:::\n"
                          for name, retention in retentions.items())  # fmt: skip
        body = f"::::{{logging-strategy}}\n:use-cases: {', '.join(retentions)}\n{details}::::\n"
    page = doc_page(fmt, "Doc", {"status": "draft"}, body)
    result = build(project(tmp_path, fmt, {"doc": page}), freshenv=True)
    assert signature(result) == [
        (f"doc.{fmt}", line_of(page, "P999999999Y"), "option",
         ":retention: 'P999999999Y' is longer "
         "than 100 years (36500 days), the longest retention period accepted"),
    ]  # fmt: skip
    details = result.json()["docs"]["doc"]["logging"]["details"]
    assert [d["retention_days"] for d in details] == [1, 1, None]
    shown = result.soup("doc").get_text(" ", strip=True)
    assert "PT24H (1 day)" in shown
    assert "36h (1 day)" in shown


# -- a complete doc -----------------------------------------------------------------------


def test_complete_docs_build_without_any_warning(tmp_path: Path) -> None:
    files = {name: (TEMPLATE / name).read_text(encoding="utf-8")
             for name in ("complete.rst", "complete_md.md")}  # fmt: skip
    src = write_project(tmp_path, {"index.rst": toc("complete", "complete_md"), **files})
    result = build(src, freshenv=True)
    assert result.warnings_text == ""
    for page in ("complete", "complete_md"):
        text = result.soup(page).get_text(" ", strip=True)
        for shown in ("Retry Scheduler", "mTLS between services", "Unit tests",
                      "Resolved question:", "customer_email"):  # fmt: skip
            assert shown in text, (page, shown)


def test_complete_docs_give_the_same_json_in_rst_and_myst(result: Build) -> None:
    docs = result.json()["docs"]
    rst, md = dict(docs["complete-rst"]), dict(docs["complete-md"])
    assert (rst.pop("id"), rst.pop("docname")) == ("complete-rst", "complete")
    assert (md.pop("id"), md.pop("docname")) == ("complete-md", "complete_md")
    assert rst == md
    assert rst["status"] == "approved"
    assert rst["reviewers"] == ["Sam Patel"]
    assert rst["questions"] == [
        {
            "id": "disputes",
            "title": "Do we retry disputed payments?",
            "owner": "Ana Ruiz",
            "resolution": "No; disputes go to the chargeback flow.",
            "open": False,
        }
    ]
    assert rst["logging"]["pii"] == ["customer_email", "client_ip"]
    assert [d["retention_days"] for d in rst["logging"]["details"]] == [14, 365]
    assert rst["components"][0]["depends_on"] == ["ledger"]
