"""The example project's baseline is what its docs give today, so it can never go stale.

example_project/ sets ``designdoc_baseline = "designdoc-baseline.json"``: its two older
docs, written before the template, have findings that the baseline keeps silent. A
fresh build of the project with the ``designdoc`` builder must find exactly the
committed entries, all baselined, and end with the summary line that says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import Build, build
from sphinx_designdoc.baseline import baseline_text

EXAMPLE_PROJECT = Path(__file__).parents[1] / "example_project"
BASELINE = EXAMPLE_PROJECT / "designdoc-baseline.json"
LEGACY_DOCS = {"designs/legacy_settlement", "designs/legacy_payouts"}
REGENERATE = (
    "write it again: sphinx-build -b designdoc example_project /tmp/designdoc && "
    "sphinx-designdoc baseline /tmp/designdoc/designdoc.json "
    "-o example_project/designdoc-baseline.json"
)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """example_project/ built as it is (nothing copied), into a temporary folder."""
    out = tmp_path_factory.mktemp("example_designdoc")
    return build(EXAMPLE_PROJECT, "designdoc", builddir=out, freshenv=True)


def findings(result: Build) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = result.json()["findings"]
    return rows


def test_the_committed_baseline_is_what_the_build_finds(example: Build) -> None:
    committed = BASELINE.read_text(encoding="utf-8")
    assert committed == baseline_text(findings(example)), f"{BASELINE} is stale; {REGENERATE}"


def test_every_finding_is_baselined_and_only_the_older_docs_have_any(example: Build) -> None:
    rows = findings(example)
    assert rows, "the older docs are there to show a baseline at work"
    assert {row["state"] for row in rows} == {"baselined"}
    assert {row["docname"] for row in rows} == LEGACY_DOCS
    assert {row["subtype"] for row in rows} == {"missing", "placeholder"}


def test_the_build_warns_nothing_and_says_why(example: Build) -> None:
    assert example.warnings_text == ""
    ours = [line for line in example.status_text.splitlines() if line.startswith("designdoc:")]
    assert ours == [f"designdoc: 0 findings; {len(findings(example))} in the baseline"]
    after = example.status_text.split(ours[0], 1)[1].split()
    assert after[:2] == ["build", "succeeded."], "the summary line ends the build's report"
