"""``sphinx-designdoc``: the command line, a thin shell over the pure modules.

sphinx-designdoc new "Payment Retry" [--format rst|md] [--dir DIR] [--id ID] [--author NAME]
sphinx-designdoc diff BASE.json HEAD.json [--format markdown|text|json] [--base-url URL]
                      [--exit-code]
sphinx-designdoc findings BUILD/designdoc.json [--format text|github|gitlab|json]
                          [--new-since BASE.json] [--prefix DIR]
sphinx-designdoc baseline BUILD/designdoc.json [-o FILE]

It imports no Sphinx: ``--help`` and ``--version`` answer at once, and the commands run
where only the package is installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sphinx_designdoc import __version__, annotate, diff
from sphinx_designdoc.baseline import baseline_rows, baseline_text
from sphinx_designdoc.export_file import ExportFileError, load_export
from sphinx_designdoc.scaffold import SUFFIXES, new_doc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-designdoc",
        description="Tools for sphinx-designdoc design docs.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser(
        "new",
        help="write a new design doc from the template",
        description="Write a new design doc from the design-doc template, with every "
        "section and directive in place and [placeholders] to fill in. The doc starts as "
        "a draft; building it warns about each placeholder until it is replaced.",
    )
    new.add_argument("title", help='the feature\'s name, e.g. "Payment Retry"')
    new.add_argument(
        "--format",
        choices=sorted(SUFFIXES),
        default="rst",
        dest="doc_format",
        help="reStructuredText (rst, the default) or MyST Markdown (md)",
    )
    new.add_argument(
        "--dir",
        type=Path,
        default=Path(),
        dest="directory",
        help="the folder to write the doc to (default: the current folder)",
    )
    new.add_argument(
        "--id",
        default="",
        dest="doc_id",
        help="the doc id other docs use to refer to it (default: from the title)",
    )
    new.add_argument("--author", default="", help="fills in :authors: (default: a placeholder)")
    _add_diff(commands)
    _add_findings(commands)
    _add_baseline(commands)
    return parser


def _add_diff(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = commands.add_parser(
        "diff",
        help="show what changed between two designdoc.json exports",
        description="Compare two designdoc.json exports (for example of a pull request's "
        "base and head) and show the design docs added, removed and changed, and what "
        "changed in each. Exit status: 0, or 1 with --exit-code when something changed; "
        "2 when a file is missing, unreadable, invalid or of another version.",
    )
    diff.add_argument("base", type=Path, help="the export before the change")
    diff.add_argument("head", type=Path, help="the export after the change")
    diff.add_argument(
        "--format",
        choices=("markdown", "text", "json"),
        default="text",
        dest="diff_format",
        help="text (the default), markdown (for a pull-request comment or a CI job "
        "summary) or json",
    )
    diff.add_argument(
        "--base-url",
        default=None,
        help="with --format markdown, link each doc to its page: URL/DOCNAME.html",
    )
    diff.add_argument(
        "--exit-code",
        action="store_true",
        help="exit with status 1 when something changed",
    )


def _add_findings(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    findings = commands.add_parser(
        "findings",
        help="print an export's findings for a terminal or a CI system",
        description="Print the findings of a designdoc.json export that the build showed "
        "(not those in the baseline or silenced by suppress_warnings), for a terminal or "
        "as annotations a CI system shows on the changed lines. Exit status: 0; 2 when "
        "a file is missing, unreadable, invalid or of another version.",
    )
    findings.add_argument("export", type=Path, help="the build's designdoc.json")
    findings.add_argument(
        "--format",
        choices=annotate.FORMATS,
        default="text",
        dest="findings_format",
        help="text (the default: source:line: [designdoc.subtype] message), github "
        "(GitHub Actions workflow commands), gitlab (a GitLab Code Quality report) or json",
    )
    findings.add_argument(
        "--new-since",
        type=Path,
        default=None,
        metavar="BASE",
        help="only findings whose key is not in this export (e.g. the target branch's)",
    )
    findings.add_argument(
        "--prefix",
        default="",
        metavar="DIR",
        help="the source dir's place in the repository, put before every path (docs/): "
        "GitHub and GitLab want paths from the repository's root",
    )


def _add_baseline(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    baseline = commands.add_parser(
        "baseline",
        help="write a baseline of an export's findings",
        description="Write a baseline of the findings of a designdoc.json export, for "
        "designdoc_baseline: one finding a line, sorted by key. Findings silenced by "
        "suppress_warnings are left out. Exit status: 0; 2 when the export is missing, "
        "unreadable, invalid or of another version, or the file cannot be written.",
    )
    baseline.add_argument("export", type=Path, help="the build's designdoc.json")
    baseline.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="the file to write (default: print it)",
    )


def run_diff(args: argparse.Namespace) -> int:
    base, head = load_export(args.base), load_export(args.head)
    changes = diff.diff_exports(base, head)
    if args.diff_format == "markdown":
        output = diff.to_markdown(changes, args.base_url)
    elif args.diff_format == "json":
        output = diff.to_json(changes)
    else:
        output = diff.to_text(changes)
    sys.stdout.write(output)
    return 1 if args.exit_code and changes else 0


def load_findings(path: Path) -> dict[str, Any]:
    """The export at ``path``, which must hold findings (exports written before
    sphinx-designdoc exported them do not)."""
    export = load_export(path)
    if "findings" not in export:
        raise ExportFileError(f"{path}: holds no findings (an older export); build it again")
    return export


def run_findings(args: argparse.Namespace) -> int:
    export = load_findings(args.export)
    base = load_findings(args.new_since) if args.new_since is not None else None
    found = annotate.shown_findings(export, args.prefix, base)
    sys.stdout.write(annotate.RENDERERS[args.findings_format](found))
    return 0


def run_baseline(args: argparse.Namespace) -> int:
    findings = load_findings(args.export)["findings"]
    text = baseline_text(findings)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"sphinx-designdoc: {args.output}: cannot write it: {error.strerror}",
              file=sys.stderr)  # fmt: skip
        return 2
    number = len(baseline_rows(findings))
    print(f"wrote {number} finding{'' if number == 1 else 's'} to {args.output}")
    return 0


def run_new(args: argparse.Namespace) -> int:
    try:
        path = new_doc(args.title, args.doc_format, args.directory, args.doc_id, args.author)
    except FileExistsError as error:
        print(f"sphinx-designdoc: {error.filename} exists; not overwriting it", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"sphinx-designdoc: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {path}")
    print("Add it to a toctree, e.g.:")
    print(f"   {path.with_suffix('').as_posix()}")
    return 0


COMMANDS = {"new": run_new, "diff": run_diff, "findings": run_findings, "baseline": run_baseline}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ExportFileError as error:  # a file given to diff, findings or baseline
        print(f"sphinx-designdoc: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
