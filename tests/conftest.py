"""The Hypothesis profiles; ``helpers.build`` builds projects."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Hypothesis profiles, shared by every property-based test (test_fuzz.py,
# test_edit_sequences.py). "ci", the default, is derandomized (CI runs the same
# examples every time); "long" explores afresh on each run:
# DESIGNDOC_HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py. Neither keeps an example
# database in the work tree; a failure prints its ``@reproduce_failure`` blob instead.
# Each test picks its own example count per profile.
HYPOTHESIS_PROFILE_ENV = "DESIGNDOC_HYPOTHESIS_PROFILE"
# "smoke" is "ci" with fewer examples, for the CI legs on other Sphinx versions.
for _name in ("ci", "smoke", "long"):
    hypothesis_settings.register_profile(
        _name,
        derandomize=_name != "long",
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
hypothesis_settings.load_profile(os.environ.get(HYPOTHESIS_PROFILE_ENV, "ci"))


def pytest_testnodedown(node: Any, error: object) -> None:
    """Print what a pytest-xdist worker left to say (test_edit_sequences.py's counts)."""
    line = getattr(node, "workeroutput", {}).get("edit_sequences")
    reporter = node.config.pluginmanager.get_plugin("terminalreporter")
    if line and reporter is not None:
        reporter.write_line(line)
