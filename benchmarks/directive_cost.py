"""What docutils alone charges to parse a list or a directive, after a paragraph.

    python benchmarks/directive_cost.py [--blocks 3000]

Parses documents of ``--blocks`` blocks with docutils only (no Sphinx, no extension).
Each block is a paragraph followed by one construct: nothing, a one-item bullet list, a
one-field field list, a directive that does nothing, the same directive with two
options. Prints the best of three runs: the time per construct (the block's time less a
lone paragraph's) and the nested state machines docutils builds for it. Each machine
holds about fifteen reStructuredText states, each compiling its transitions; docutils
builds one for every list, for the explicit markup that may follow a directive, and for
a directive's options.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from typing import ClassVar

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives
from state_machine_reuse import count_machines


class _Noop(Directive):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = {"id": directives.unchanged, "kind": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        return [nodes.paragraph(text=self.arguments[0] if self.arguments else "")]


_CONSTRUCTS = {
    "paragraph alone": "",
    "bullet list": "- Item {n}.",
    "field list": ":Field {n}: value",
    "directive": ".. noop:: Title {n}",
    "directive, 2 options": ".. noop:: Title {n}\n   :id: x{n}\n   :kind: y",
}


def _sources(blocks: int) -> dict[str, str]:
    """For each construct, ``blocks`` times a paragraph followed by it."""
    paragraph = "Paragraph {n} with some words in it."
    return {
        name: "\n\n".join(
            "\n\n".join(filter(None, (paragraph, construct))).format(n=n) for n in range(blocks)
        )
        for name, construct in _CONSTRUCTS.items()
    }


def _best_time(source: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        publish_doctree(source, settings_overrides={"report_level": 5})
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=3000)
    args = parser.parse_args()
    directives.register_directive("noop", _Noop)
    sources = _sources(args.blocks)
    times = {name: _best_time(source) for name, source in sources.items()}
    counts: Counter[str] = Counter()
    count_machines(counts)  # after the timings: it wraps the machines' constructor
    print(f"{'construct':<22} {'µs each':>8} {'machines each':>14}")
    for name, source in sources.items():
        before = counts.total()
        publish_doctree(source, settings_overrides={"report_level": 5})
        machines = (counts.total() - before) / args.blocks
        alone = times["paragraph alone"] if name != "paragraph alone" else 0.0
        print(f"{name:<22} {(times[name] - alone) / args.blocks * 1e6:8.1f} {machines:14.1f}")


if __name__ == "__main__":
    main()
