"""Write a new design doc from the design-doc template (``sphinx-designdoc new``)."""

from __future__ import annotations

import datetime as dt
import errno
from importlib import resources
from pathlib import Path
from string import Template

from docutils.utils import column_width

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
