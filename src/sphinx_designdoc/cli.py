"""``sphinx-designdoc``: scaffold a new design doc from the template.

sphinx-designdoc new "Payment Retry" [--format rst|md] [--dir DIR] [--id ID] [--author NAME]
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import sys
from importlib import resources
from pathlib import Path
from string import Template

from docutils.utils import column_width

from sphinx_designdoc.extension import VERSION
from sphinx_designdoc.values import ID_RULE, is_valid_id, slugify

SUFFIXES = {"rst": ".rst", "md": ".md"}


def render_template(title: str, doc_format: str, doc_id: str, author: str, file_stem: str) -> str:
    """The template, in reStructuredText or MyST, with the title and metadata filled in.

    The title is the feature's name alone: the template's ``Design Doc:`` prefix would
    lead every index table, link and sidebar entry that shows the doc's title.
    """
    source = resources.files("sphinx_designdoc").joinpath(f"templates/new.{doc_format}.txt")
    return Template(source.read_text(encoding="utf-8")).substitute(
        title=title,
        underline="=" * column_width(title),  # wide (East Asian) letters count twice
        doc_id=doc_id,
        author=author,
        today=dt.date.today().isoformat(),
        file_stem=file_stem,
    )


def new_doc(
    title: str,
    doc_format: str = "rst",
    directory: Path = Path(),
    doc_id: str = "",
    author: str = "",
) -> Path:
    """Write a new design doc; refuses to overwrite an existing file (FileExistsError)."""
    slug = slugify(title)
    if not slug:
        raise ValueError(f"cannot make a file name from the title {title!r}")
    if doc_id and not is_valid_id(doc_id):
        raise ValueError(f"invalid id {doc_id!r}: {ID_RULE}")
    file_stem = slug.replace("-", "_")
    path = directory / f"{file_stem}{SUFFIXES[doc_format]}"
    for suffix in SUFFIXES.values():  # one docname, one source: Sphinx refuses two
        if (other := path.with_suffix(suffix)).exists():
            raise FileExistsError(errno.EEXIST, "exists", str(other))
    text = render_template(title, doc_format, doc_id or slug, author or "[Author]", file_stem)
    directory.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as stream:  # "x": fail if it exists
        stream.write(text)
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-designdoc",
        description="Tools for sphinx-designdoc design docs.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {VERSION}")
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
