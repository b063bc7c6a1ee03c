"""sphinx-designdoc: structured engineering design docs for Sphinx.

Importing the package imports no Sphinx (the command line prints ``--help`` and
``--version`` without it); Sphinx calls :func:`setup`, which loads the extension.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The one place the version is written; ``pyproject.toml`` reads it from here.
__version__ = "0.1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension (see :mod:`sphinx_designdoc.extension`)."""
    from sphinx_designdoc.extension import setup as setup_extension  # noqa: PLC0415

    return setup_extension(app)


__all__ = ["__version__", "setup"]
