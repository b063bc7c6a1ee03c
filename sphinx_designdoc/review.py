"""The build's findings as a whole: the baseline, the configuration's findings, the
rows of ``designdoc.json`` and the summary that ends the build.

The rows and the summary are made from what the domain keeps (every page's findings
and the project's), not from what this build happened to warn, so an incremental
build reports the same as a clean one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_designdoc import report
from sphinx_designdoc.baseline import BaselineError, load_baseline
from sphinx_designdoc.config import baseline_path, config_findings
from sphinx_designdoc.domain import get_domain
from sphinx_designdoc.findings import (
    distinct,
    fixed_entries,
    keyed,
    relative_source,
    state_of,
    summary_line,
    to_row,
)
from sphinx_designdoc.model import Finding

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def start_build(app: Sphinx) -> None:
    """Read the baseline, then warn about the configuration (unless baselined)."""
    domain = get_domain(app.env)
    problems: list[Finding] = []
    domain.rereading = tuple(domain.use_baseline(_read_baseline(app, problems)))
    domain.config_findings = tuple(keyed([*config_findings(app.config), *problems], str))
    domain.warn(domain.config_findings)


def reread_for_baseline(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> tuple[str, ...]:
    """The pages whose findings a changed baseline shows or hides: read again, they are
    warned (or not) as a clean build would."""
    return get_domain(env).rereading


def _read_baseline(app: Sphinx, problems: list[Finding]) -> frozenset[str]:
    """The baseline's keys; none, with a ``config`` finding, when it cannot be read."""
    path = baseline_path(app.config, app.confdir)
    if path is None:
        return frozenset()
    try:
        return load_baseline(path)
    except BaselineError as error:
        name = app.config.designdoc_baseline
        message = f"designdoc_baseline {name!r}: {error}; building without a baseline"
        problems.append(Finding("config", message, "", about="designdoc_baseline"))
        return frozenset()


def finding_rows(env: BuildEnvironment) -> list[dict[str, Any]]:
    """Every finding of the build as ``designdoc.json`` holds it, in file order."""
    domain = get_domain(env)
    rows = []
    for finding in distinct(domain.all_findings()):
        page = domain.pages.get(finding.docname)
        doc = page.id if page is not None and page.meta is not None else None
        state = state_of(finding, domain.baseline, domain.suppressed)
        rows.append(to_row(finding, state, doc, _source(env, finding)))
    return sorted(rows, key=lambda row: (row["source"] or "", row["line"] or 0, row["key"]))


def _source(env: BuildEnvironment, finding: Finding) -> str | None:
    """The finding's file relative to the source dir: its own, else its page's."""
    if finding.source:
        return relative_source(finding.source, str(env.srcdir))
    if finding.docname:
        return relative_source(str(env.doc2path(finding.docname)), str(env.srcdir))
    return None


def finish_build(app: Sphinx, exception: BaseException | None) -> None:
    """End the build with the summary line, and the baseline entries that were fixed."""
    if exception is not None:
        return
    rows = finding_rows(app.env)
    line = summary_line([row["state"] for row in rows], [row["subtype"] for row in rows])
    if line:
        report.inform(line)
    fixed = fixed_entries(get_domain(app.env).baseline, {row["key"] for row in rows})
    if fixed:
        report.inform(
            f"designdoc: {len(fixed)} baseline {'entry' if len(fixed) == 1 else 'entries'} "
            "no longer found (fixed; remove from the baseline): " + ", ".join(fixed)
        )


def setup_review(app: Sphinx) -> None:
    app.connect("builder-inited", start_build)
    app.connect("env-get-outdated", reread_for_baseline)
    app.connect("build-finished", finish_build, priority=900)  # after the outputs
