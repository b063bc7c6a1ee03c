"""``sphinx-designdoc``: the command line, a thin shell over the pure modules.

sphinx-designdoc new "Payment Retry" [--format rst|md] [--dir DIR] [--id ID] [--author NAME]

It imports no Sphinx: ``--help`` and ``--version`` answer at once, and the commands run
where only the package is installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sphinx_designdoc import __version__
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
