"""``sphinx-designdoc diff``: exports of real projects (RST and MyST) compared, rendered
as text, Markdown and JSON; author text escaped; exit codes; bad inputs."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from html import unescape as html_unescape
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from markdown_it import MarkdownIt

from helpers import build, write_project
from sphinx_designdoc.cli import main
from sphinx_designdoc.diff import Changes, diff_exports, page_url, to_json, to_markdown, to_text
from sphinx_designdoc.escaping import escape_markdown, plain
from sphinx_designdoc.export import load_schema
from sphinx_designdoc.export_file import (
    ANNOTATIONS,
    CHECKED_KEYWORDS,
    ExportFileError,
    _keywords,
    load_export,
    schema_error,
)

EXPECTED = Path(__file__).parent / "diff"

INDEX = """\
Designs
=======

.. toctree::

   retry
   emails
"""

RETRY = """\
Payment Retry
=============

.. design-doc::
   :id: retry
   :status: draft
   :authors: Ana Ruiz
   :tags: payments

   Retry failed payments.

.. design-goals::

   .. goal:: Fast scheduling
      :id: latency
      :kind: performance
      :target: p99 < 200 ms

.. non-goals::

   - Changing the card network.

.. component:: Scheduler
   :id: scheduler
   :purpose: Schedules retries.
   :interface: a queue
   :depends-on: store

.. component:: Store
   :id: store
   :purpose: Holds attempts.

.. logging-strategy::
   :use-cases: error-tracking
   :pii: customer_email
   :privacy: Hashed.

   .. log-use-case:: error-tracking
      :events: retry.failed
      :fields: payment_id, customer_email
      :retention: 30d

.. security-considerations::
   :authentication: a service account

.. alternative:: Broker delay
   :id: broker
   :why-not: Caps at 15 minutes.

.. open-question:: How often do we retry?
   :id: how-often
   :owner: Ana Ruiz
"""

EMAILS = """\
# Dunning Emails

:::{design-doc}
:id: emails
:status: draft
:authors: Sam Patel
:requires: retry

Tell customers before the last retry.
:::

::::{design-goals}
:::{goal} Warn early
:id: warn
:::
::::

:::{testing-strategy}
:unit: every template renders
:::
"""

NEW_DOC = """\
# Refunds

:::{design-doc}
:id: refunds
:status: draft
:::
"""

#: name: (edits as (file, old, new) -- new None deletes the file --, expected text lines).
CASES: dict[str, tuple[list[tuple[str, str, str | None]], list[str]]] = {
    "retitled": (
        [("retry.rst", "Payment Retry\n=============", "Payment Retries\n===============")],
        ['changed retry "Payment Retries"', 'title: "Payment Retry" -> "Payment Retries"'],
    ),
    "status": (
        [("retry.rst", ":status: draft", ":status: in-review")],
        ["status: draft -> in-review"],
    ),
    "status-myst": (
        [("emails.md", ":status: draft", ":status: approved\n:reviewers: Kim Lee")],
        ["status: draft -> approved", 'reviewers: +"Kim Lee"'],
    ),
    "authors-tags": (
        [("retry.rst", ":tags: payments", ":tags: payments, billing"),
         ("retry.rst", ":authors: Ana Ruiz", ":authors: Li Wei")],
        ['authors: +"Li Wei", -"Ana Ruiz"', 'tags: +"billing"'],
    ),
    "relations": (
        [("emails.md", ":requires: retry", ":related: retry")],
        ['requires: -"retry"', 'related: +"retry"'],
    ),
    "goal-changed": (
        [("retry.rst", ":target: p99 < 200 ms", ":target: p99 < 100 ms"),
         ("retry.rst", ":kind: performance", ":kind: reliability")],
        ['goal latency: kind: "performance" -> "reliability"',
         'goal latency: target: "p99 < 200 ms" -> "p99 < 100 ms"'],
    ),
    "goal-added-removed-myst": (
        [("emails.md", ":::{goal} Warn early\n:id: warn", ":::{goal} Warn twice\n:id: twice")],
        ['goal twice: added "Warn twice"', 'goal warn: removed "Warn early"'],
    ),
    "non-goal": (
        [("retry.rst", "   - Changing the card network.",
          "   - Changing the card network.\n   - Refunds.")],
        ['non-goal: added "Refunds."'],
    ),
    "component": (
        [("retry.rst", ":depends-on: store", ":depends-on: store, clock"),
         ("retry.rst", ":purpose: Holds attempts.", ":purpose: Holds every attempt."),
         ("retry.rst", "   :interface: a queue\n", "")],
        ['component scheduler: depends-on: +"clock"',
         'component scheduler: interface: "a queue" -> none',
         'component store: purpose: "Holds attempts." -> "Holds every attempt."'],
    ),
    "alternative": (
        [("retry.rst", ":why-not: Caps at 15 minutes.", ":why-not: Caps delays at 15 minutes.")],
        ['alternative broker: why-not: "Caps at 15 minutes." -> "Caps delays at 15 minutes."'],
    ),
    "question": (
        [("retry.rst", ":owner: Ana Ruiz\n", ":owner: Li Wei\n   :resolution: Three times.\n")],
        ['question how-often: owner: "Ana Ruiz" -> "Li Wei"',
         'question how-often: resolution: none -> "Three times."'],
    ),
    "logging": (
        [("retry.rst", ":retention: 30d", ":retention: 90d\n      :sampling: 10%"),
         ("retry.rst", ":privacy: Hashed.", ":privacy: Hashed and salted."),
         ("retry.rst", ":use-cases: error-tracking", ":use-cases: error-tracking, audit"),
         ("retry.rst", "   :pii: customer_email\n", "   :pii: customer_email, ip\n"),
         ("retry.rst", ":events: retry.failed", ":events: retry.failed, retry.gave_up")],
        ['logging use-cases: +"audit"', 'logging pii: +"ip"',
         'logging privacy: "Hashed." -> "Hashed and salted."',
         'log use case error-tracking: events: +"retry.gave_up"',
         'log use case error-tracking: retention: "30d" -> "90d"',
         'log use case error-tracking: sampling: none -> "10%"'],
    ),
    "log-use-case-added": (
        [("retry.rst", "      :retention: 30d\n",
          "      :retention: 30d\n\n   .. log-use-case:: audit\n      :events: retry.done\n")],
        ['log use case audit: added "audit"'],
    ),
    "security": (
        [("retry.rst", ":authentication: a service account",
          ":authentication: mTLS\n   :data-protection: card numbers are never logged")],
        ['security authentication: "a service account" -> "mTLS"',
         'security data-protection: none -> "card numbers are never logged"'],
    ),
    "testing-myst": (
        [("emails.md", ":unit: every template renders",
          ":unit: every template renders once\n:performance: 100 emails/s")],
        ['testing unit: "every template renders" -> "every template renders once"',
         'testing performance: none -> "100 emails/s"'],
    ),
    "sections": (
        [("retry.rst", ".. alternative:: Broker delay\n   :id: broker\n   :why-not: Caps at 15 "
          "minutes.\n", "Background\n----------\n\nPayments fail.\n")],
        ["section background: now present", "section alternatives: now missing",
         'alternative broker: removed "Broker delay"'],
    ),
    "doc-added-removed": (
        [("index.rst", "   emails\n", "   refunds\n"), ("emails.md", "", None),
         ("refunds.md", "", NEW_DOC)],
        ["2 design docs differ: 1 added, 1 removed.", 'added refunds "Refunds"',
         'removed emails "Dunning Emails"'],
    ),
}  # fmt: skip

#: The findings each case adds (by key); none fixes one (the base has none: the reverse
#: diff, base against head, is where they are fixed).
FINDINGS_NEW = {
    "component": ["ref:retry:component:scheduler:depends-on:clock"],
    "log-use-case-added": ["option:retry:log-use-case:audit"],
    "logging": ["option:retry:use-cases:audit"],
    "status": [f"missing:retry:{name}" for name in ("api-design", "background", "data-model",
               "error-handling", "migration-plan", "testing")],
    "status-myst": [f"missing:emails:{name}" for name in ("alternatives", "api-design",
                    "background", "data-model", "design", "error-handling",
                    "logging-strategy", "migration-plan", "non-goals", "security")],
}  # fmt: skip


def apply(srcdir: Path, edits: list[tuple[str, str, str | None]]) -> None:
    for name, old, new in edits:
        path = srcdir / name
        if new is None:
            path.unlink()
        elif not old:
            path.write_text(new, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text, (name, old)
            path.write_text(text.replace(old, new, 1), encoding="utf-8")


def export_of(srcdir: Path) -> dict[str, Any]:
    result = build(srcdir, "designdoc", freshenv=True)
    return json.loads((result.outdir / "designdoc.json").read_text(encoding="utf-8"))


class Exports:
    """The base export, and a head export per case, each built once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base = export_of(self.project("base"))
        self.heads: dict[str, dict[str, Any]] = {}

    def project(self, name: str) -> Path:
        files = {"index.rst": INDEX, "retry.rst": RETRY, "emails.md": EMAILS}
        return write_project(self.root / name, files)

    def head(self, name: str, edits: list[tuple[str, str, str | None]]) -> dict[str, Any]:
        if name not in self.heads:
            srcdir = self.project(name)
            apply(srcdir, edits)
            self.heads[name] = export_of(srcdir)
        return self.heads[name]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Exports:
    return Exports(tmp_path_factory.mktemp("diff"))


def test_the_same_export_has_no_changes(exports: Exports) -> None:
    changes = diff_exports(exports.base, copy.deepcopy(exports.base))
    assert not changes
    assert changes == Changes()
    assert to_text(changes) == "No design doc changed.\n"
    assert to_markdown(changes) == "**No design doc changed.**\n"


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_change(exports: Exports, case: str) -> None:
    edits, expected = CASES[case]
    head = exports.head(case, edits)
    changes = diff_exports(exports.base, head)
    assert changes
    text = to_text(changes)
    lines = [line.strip() for line in text.split("\nfindings:\n")[0].splitlines()]
    for line in expected:
        assert line in lines, f"{line!r} not in\n" + "\n".join(lines)
    # nothing else: every changed line is explained by the case
    body = [line for line in lines[1:] if line and not line.startswith(("changed ", "added ",
                                                                         "removed "))]  # fmt: skip
    assert sorted(set(body)) == sorted({line for line in expected if line in body})
    # the changes object says the same: the docs named in the text, and round trips JSON
    data = json.loads(to_json(changes))
    assert [doc["id"] for doc in data["docs"]] == [doc.id for doc in changes.docs]
    assert data["summary"] == lines[0]
    # and the reverse diff mirrors it
    back = diff_exports(head, exports.base)
    assert [doc.id for doc in back.docs] == [doc.id for doc in changes.docs]
    # the findings it adds, by key; the reverse diff has them fixed
    new = FINDINGS_NEW.get(case, [])
    assert [f.key for f in changes.findings_new] == new
    assert changes.findings_fixed == back.findings_new == ()
    assert back.findings_fixed == changes.findings_new
    assert text.count("\n  new ") == len(new)


def test_the_changes_object(exports: Exports) -> None:
    edits, _ = CASES["goal-changed"]
    changes = diff_exports(exports.base, exports.head("goal-changed", edits))
    (doc,) = changes.docs
    assert (doc.id, doc.change, doc.docname, doc.title) == ("retry", "changed", "retry",
                                                            "Payment Retry")  # fmt: skip
    (goal,) = doc.items
    assert (goal.kind, goal.id, goal.change) == ("goal", "latency", "changed")
    assert [(f.field, f.old, f.new) for f in goal.fields] == [
        ("kind", "performance", "reliability"),
        ("target", "p99 < 200 ms", "p99 < 100 ms"),
    ]
    edits, _ = CASES["status"]
    (doc,) = diff_exports(exports.base, exports.head("status", edits)).docs
    assert doc.fields[0].field == "status"
    assert (doc.fields[0].old, doc.fields[0].new) == ("draft", "in-review")
    edits, _ = CASES["doc-added-removed"]
    changes = diff_exports(exports.base, exports.head("doc-added-removed", edits))
    assert [(d.id, d.change) for d in changes.docs] == [("emails", "removed"),
                                                        ("refunds", "added")]  # fmt: skip
    assert changes.findings_new == changes.findings_fixed == ()


@pytest.mark.parametrize(
    ("case", "moved"),
    [("status", ("retry.rst", ".. design-doc::", "History.\n\nMore history.\n\n.. design-doc::")),
     ("status-myst", ("emails.md", ":::{design-doc}", "History.\n\nMore.\n\n:::{design-doc}"))],
)  # fmt: skip
def test_findings_moved_by_lines_above_them_are_neither_new_nor_fixed(
    exports: Exports, case: str, moved: tuple[str, str, str]
) -> None:
    before = exports.head(case, CASES[case][0])
    after = exports.head(f"{case}-moved", [*CASES[case][0], moved])
    lines = {row["key"]: row["line"] for row in before["findings"]}
    assert all(row["line"] == lines[row["key"]] + 4 for row in after["findings"])
    changes = diff_exports(before, after)
    assert (changes.findings_new, changes.findings_fixed) == ((), ())
    assert "findings" not in to_text(changes)


def test_a_suppressed_finding_is_neither_new_nor_fixed(exports: Exports) -> None:
    head = exports.head("status", CASES["status"][0])
    quiet = copy.deepcopy(head)
    for row in quiet["findings"]:
        row["state"] = "suppressed"
    assert diff_exports(exports.base, quiet).findings_new == ()
    assert len(diff_exports(exports.base, head).findings_new) == 6


def test_findings_are_not_compared_with_an_export_that_has_none(exports: Exports) -> None:
    head = exports.head("status", CASES["status"][0])
    old = copy.deepcopy(exports.base)
    del old["findings"]  # written before findings were exported: all would look new
    changes = diff_exports(old, head)
    assert (changes.findings_new, changes.findings_fixed) == ((), ())
    assert [doc.id for doc in changes.docs] == ["retry"]


def snapshot_changes(exports: Exports) -> Changes:
    cases = ("retitled", "status", "goal-changed", "sections", "doc-added-removed", "logging")
    edits = [edit for case in cases for edit in CASES[case][0]]
    return diff_exports(exports.base, exports.head("snapshot", edits))


@pytest.mark.parametrize("name", ["snapshot.md", "snapshot.txt", "snapshot.json"])
def test_snapshot(exports: Exports, name: str) -> None:
    changes = snapshot_changes(exports)
    render = {
        "snapshot.md": lambda: to_markdown(changes, "https://docs.example.com/design/"),
        "snapshot.txt": lambda: to_text(changes),
        "snapshot.json": lambda: to_json(changes),
    }[name]
    if os.environ.get("UPDATE_SNAPSHOTS"):
        (EXPECTED / name).write_text(render(), encoding="utf-8")
    assert render() == (EXPECTED / name).read_text(encoding="utf-8")


def test_output_does_not_depend_on_key_or_item_order(exports: Exports) -> None:
    head = exports.head("snapshot", [])
    shuffled = json.loads(json.dumps(head))
    shuffled["docs"] = dict(reversed(list(shuffled["docs"].items())))
    for doc in shuffled["docs"].values():
        for key in ("goals", "components", "alternatives", "questions"):
            doc[key].reverse()
    changes = snapshot_changes(exports)
    assert to_markdown(diff_exports(exports.base, shuffled)) == to_markdown(changes)


# --------------------------------------------------------------------------- escaping

EVIL = [
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "@octocat and @org/team",
    "`code` and ``more``",
    "a | b | c",
    "# heading",
    "* bullet",
    "_emph_ and *strong* and ~~gone~~",
    "line one\nline two\r\n# line three",
    "<script>alert(1)</script>",
    "&lt;b&gt; entity",
    "<https://evil.example>",
    "[ref]: https://evil.example",
    "1. numbered",
    "> quote",
    "\\*escaped*",
    "\u202eevil\u202c",
    "fixes #123",
]


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


@pytest.mark.parametrize("text", EVIL)
def test_escape_markdown_makes_text_inert(text: str) -> None:
    escaped = escape_markdown(text)
    assert "\n" not in escaped
    assert "\r" not in escaped
    html = rendered(f"- {escaped}\n\n| a | b |\n| --- | --- |\n| {escaped} | x |\n")
    assert "<img" not in html
    assert "<script" not in html
    assert "<a " not in html
    assert not re.search(r"<(em|strong|code|h\d|del|blockquote|ol)\b", html)
    assert html.count("<td>") == 2  # the | did not split the cell
    assert re.search(r"@[a-z]", html) is None  # no mention
    assert re.search(r"#\d", html) is None  # no issue reference


def test_escape_markdown_keeps_the_text() -> None:
    html = rendered(escape_markdown("a_b *c* `d` [e](f) #1 <g>"))
    text = html.replace("\u200b", "").removeprefix("<p>").removesuffix("</p>\n")
    assert text == "a_b *c* `d` [e](f) #1 &lt;g&gt;"


def evil_exports(exports: Exports, text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    base = copy.deepcopy(exports.base)
    head = copy.deepcopy(base)
    doc = head["docs"]["retry"]
    doc["title"] = text
    doc["authors"] = [text]
    doc["goals"][0]["target"] = text
    doc["goals"].append({"id": text, "title": text, "kind": text, "target": None})
    doc["non_goals"].append(text)
    doc["logging"]["privacy"] = text
    head["docs"][text] = dict(doc, id=text, docname=text)
    head["findings"].append({"key": f"placeholder:{text}:{text}", "subtype": "placeholder",
                             "message": text, "source": text, "line": 3, "docname": text,
                             "doc": text, "state": "shown"})  # fmt: skip
    return base, head


@pytest.mark.parametrize("text", EVIL)
def test_author_text_cannot_inject_markup(exports: Exports, text: str) -> None:
    base, head = evil_exports(exports, text)
    changes = diff_exports(base, head)
    markdown = to_markdown(changes, "https://docs.example.com")
    html = rendered(markdown)
    assert "<img" not in html
    assert "<script" not in html
    assert 'href="javascript' not in html
    # the finding's key is the one code span; GitHub links no mention or issue in code
    (key,) = re.findall(r"<code>(.*?)</code>", html, re.DOTALL)
    assert html_unescape(key) == f"placeholder:{plain(text)}:{plain(text)}".strip()
    html = re.sub(r"<code>.*?</code>", "", html, flags=re.DOTALL)
    assert not re.search(r"<(em|strong|code|del|blockquote|ol|table)\b", html.replace(
        "<strong>", "", 1))  # fmt: skip  # only the summary is strong
    # one heading per changed doc, and the findings'
    assert re.findall(r"<h\d", html) == ["<h3", "<h3", "<h3"]
    assert re.search(r"@[a-z]", html) is None
    links = re.findall(r'<a href="([^"]*)"', html)
    assert len(links) == 2
    assert all(link.startswith("https://docs.example.com/") for link in links)
    text_output = to_text(changes)
    assert "\x1b" not in text_output
    assert "\u202e" not in text_output
    assert len(text_output.splitlines()) == len(to_text(diff_exports(
        *evil_exports(exports, "plain"))).splitlines())  # fmt: skip  # no line was added


def test_a_repeated_non_goal_counts(exports: Exports) -> None:
    head = copy.deepcopy(exports.base)
    head["docs"]["retry"]["non_goals"] *= 2
    (doc,) = diff_exports(exports.base, head).docs
    assert [(i.kind, i.change, i.title) for i in doc.items] == [
        ("non-goal", "added", "Changing the card network.")
    ]


def test_page_links() -> None:
    assert page_url("https://x.org/docs/", "designs/payment retry") == (
        "https://x.org/docs/designs/payment%20retry.html"
    )
    assert page_url("https://x.org", "a)(b") == "https://x.org/a%29%28b.html"


# --------------------------------------------------------------------------- command line


@pytest.fixture
def files(exports: Exports, tmp_path: Path) -> tuple[Path, Path]:
    base, head = tmp_path / "base.json", tmp_path / "head.json"
    base.write_text(json.dumps(exports.base), encoding="utf-8")
    head.write_text(json.dumps(exports.head("status", CASES["status"][0])), encoding="utf-8")
    return base, head


@pytest.mark.parametrize(
    ("flags", "code"), [([], 0), (["--exit-code"], 1), (["--format", "json", "--exit-code"], 1)]
)
def test_exit_status(
    files: tuple[Path, Path], flags: list[str], code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    base, head = files
    assert main(["diff", str(base), str(head), *flags]) == code
    assert "in-review" in capsys.readouterr().out
    assert main(["diff", str(base), str(base), *flags]) == 0
    assert capsys.readouterr().err == ""


def test_markdown_with_links(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    base, head = files
    argv = ["diff", str(base), str(head), "--format", "markdown", "--base-url", "https://d.io"]
    assert main(argv) == 0
    assert "### [Payment Retry](https://d.io/retry.html) (retry): changed" in (
        capsys.readouterr().out
    )


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    def write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return path

    good = {"version": 1, "docs": {}}
    return {
        "missing": (tmp_path / "nope.json", "no such file"),
        "directory": (tmp_path, "cannot read it"),
        "not utf-8": (write("latin.json", b'{"a": "\xe9"}'), "cannot read it"),
        "not json": (write("bad.json", "{oops"), "not JSON"),
        "not an object": (write("list.json", "[]"), "not a designdoc.json export"),
        "version 2": (write("v2.json", json.dumps({**good, "version": 2})),
                      "unsupported version 2"),
        "version as text": (write("v1s.json", json.dumps({**good, "version": "1"})),
                            'unsupported version "1"'),
        "no version": (write("nov.json", json.dumps({"docs": {}})), "unsupported version null"),
        "extra key": (write("extra.json", json.dumps({**good, "extra": 1})),
                      "not a valid designdoc.json"),
        "bad doc": (write("doc.json", json.dumps({**good, "docs": {"a": {"id": "a"}}})),
                    "not a valid designdoc.json: docs/a:"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "case",
    ["missing", "directory", "not utf-8", "not json", "not an object", "version 2",
     "version as text", "no version", "extra key", "bad doc"],
)  # fmt: skip
def test_bad_inputs(tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]) -> None:
    path, message = bad_files(tmp_path)[case]
    with pytest.raises(ExportFileError, match=re.escape(message)):
        load_export(path)
    good = tmp_path / "good.json"
    good.write_text('{"version": 1, "docs": {}}', encoding="utf-8")
    for argv in (["diff", str(path), str(good)], ["diff", str(good), str(path), "--exit-code"]):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith(f"sphinx-designdoc: {path}: ")
        assert err.count("\n") == 1
        assert message in err


DELETE = object()
ROW = {"key": "missing:retry:data-model", "subtype": "missing", "message": "m",
       "source": "retry.rst", "line": 4, "docname": "retry", "doc": "retry",
       "state": "shown"}  # fmt: skip
DAYS = ("docs", "retry", "logging", "details", 0, "retention_days")
#: change: (path in the export, the value put there, or DELETE).
MUTATIONS: dict[str, tuple[tuple[str | int, ...], Any]] = {
    "valid": ((), None),
    "missing key": (("docs", "retry", "prd"), DELETE),
    "extra key in a goal": (("docs", "retry", "goals", 0, "priority"), 1),
    "status is a number": (("docs", "retry", "status"), 3),
    "logging is a list": (("docs", "retry", "logging"), []),
    "retention_days is text": (DAYS, "30"),
    "retention_days is negative": (DAYS, -1),
    "retention_days is a bool": (DAYS, True),
    "goal is text": (("docs", "retry", "goals", 0), "goal"),
    "relation missing": (("docs", "retry", "relations", "amends"), DELETE),
    "design_doc is text": (("docs", "retry", "design_doc"), "yes"),
    "author is null": (("docs", "retry", "authors", 0), None),
    "security extra key": (("docs", "retry", "security", "extra"), None),
    "docs is a list": (("docs",), []),
    "valid without findings": (("findings",), DELETE),
    "valid finding": (("findings",), [ROW]),
    "findings is an object": (("findings",), {}),
    "finding in another state": (("findings",), [{**ROW, "state": "hidden"}]),
    "finding on line 0": (("findings",), [{**ROW, "line": 0}]),
    "finding without a key": (("findings",), [{k: v for k, v in ROW.items() if k != "key"}]),
    "finding with an extra key": (("findings",), [{**ROW, "severity": "high"}]),
    "finding line is text": (("findings",), [ROW, {**ROW, "line": "12"}]),
}  # fmt: skip


@pytest.mark.parametrize("change", sorted(MUTATIONS))
def test_the_schema_check_agrees_with_jsonschema(exports: Exports, change: str) -> None:
    data = copy.deepcopy(exports.base)
    path, value = MUTATIONS[change]
    if path:
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        if value is DELETE:
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    expected = jsonschema.Draft202012Validator(load_schema()).is_valid(data)
    assert (schema_error(data) is None) == expected
    assert expected == change.startswith("valid")


def test_the_schema_check_knows_every_keyword_of_the_schema() -> None:
    assert _keywords(load_schema()) - CHECKED_KEYWORDS - ANNOTATIONS == set()
    assert _keywords({"properties": {"a": {"pattern": "x"}}}) == {"properties", "pattern"}


def test_diff_runs_without_sphinx(files: tuple[Path, Path]) -> None:
    base, head = files
    code = (
        "import sys\nimport sphinx_designdoc.diff\n"
        "core = sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils'))\n"
        "from sphinx_designdoc.cli import main\n"
        f"code = main(['diff', {str(base)!r}, {str(head)!r}, '--format', 'markdown'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sphinx')\n"
        "print('LOADED', core, loaded, code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "LOADED [] [] 0" in result.stdout
    assert "in\\-review" in result.stdout
