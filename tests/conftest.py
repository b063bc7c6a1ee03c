"""Shared fixtures: Sphinx's test fixtures plus a builder of private test-root copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import ROOTS, Build, build, copy_root

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def make_build(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copy a test root into a temporary directory and build it."""

    def make(name: str, buildername: str = "html", **kwargs: Any) -> Build:
        return build(copy_root(name, tmp_path), buildername, freshenv=True, **kwargs)

    return make
