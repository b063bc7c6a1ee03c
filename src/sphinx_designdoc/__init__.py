"""sphinx-designdoc: structured engineering design docs for Sphinx."""

from __future__ import annotations

from sphinx_designdoc.extension import VERSION as __version__
from sphinx_designdoc.extension import setup

__all__ = ["__version__", "setup"]
