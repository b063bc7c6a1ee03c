"""CSS class names made from author values: statuses, goal kinds, use cases.

A class attribute is a space-separated list, so ``designdoc-status-in review`` would be
two classes, neither of them meant.  docutils' ``make_id`` (what the ``:class:`` option
uses) turns any text into one valid class name: lowercase ASCII letters, digits and
``-``.  Every class that holds an author's or ``conf.py``'s value goes through here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx_designdoc.catalog import Target


@lru_cache(maxsize=1024)  # a few statuses and kinds, asked for by every cell and link
def css_class(name: str) -> str:
    """One class name for ``name`` (``designdoc-status-In Review`` -> ``...-in-review``)."""
    return nodes.make_id(name)


def link_classes(target: Target) -> list[str]:
    """A link's classes, so themes can colour it by its doc's status."""
    status = [css_class(f"designdoc-status-{target.status}")] if target.status else []
    return ["designdoc-link", *status]
