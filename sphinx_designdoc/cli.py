"""``sphinx-designdoc``: the command line, a thin shell over the pure modules.

sphinx-designdoc new "Payment Retry" [--format rst|md] [--dir DIR] [--id ID] [--author NAME]
sphinx-designdoc diff BASE.json HEAD.json [--format markdown|text|json] [--base-url URL]
                      [--exit-code]

It imports no Sphinx: ``--help`` and ``--version`` answer at once, and the commands run
where only the package is installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sphinx_designdoc import __version__
from sphinx_designdoc.diff import (
    DiffInputError,
    diff_exports,
    load_export,
    to_json,
    to_markdown,
    to_text,
)
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
    return parser


def run_diff(args: argparse.Namespace) -> int:
    try:
        base, head = load_export(args.base), load_export(args.head)
    except DiffInputError as error:
        print(f"sphinx-designdoc: {error}", file=sys.stderr)
        return 2
    changes = diff_exports(base, head)
    if args.diff_format == "markdown":
        output = to_markdown(changes, args.base_url)
    elif args.diff_format == "json":
        output = to_json(changes)
    else:
        output = to_text(changes)
    sys.stdout.write(output)
    return 1 if args.exit_code and changes else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "diff":
        return run_diff(args)
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


if __name__ == "__main__":
    raise SystemExit(main())
