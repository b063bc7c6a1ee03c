"""What docutils alone charges to parse a directive, compared with a paragraph.

    python benchmarks/directive_cost.py [--blocks 3000]

Parses documents of ``--blocks`` blocks with docutils only (no Sphinx, no extension):
paragraphs, one-item bullet lists, a directive that does nothing, the same directive
with two options. Prints the best of three runs, per block. The difference between the
last two is the cost of parsing a directive's options, which docutils pays for every
directive that has any, whatever the directive does: it builds a new state machine to
read the option field list.
"""

from __future__ import annotations

import argparse
import time
from typing import ClassVar

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives


class _Noop(Directive):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = {"id": directives.unchanged, "kind": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        return [nodes.paragraph(text=self.arguments[0] if self.arguments else "")]


def _sources(blocks: int) -> dict[str, str]:
    text = "Paragraph {} with some words in it."
    return {
        "paragraph": "\n\n".join(text.format(n) for n in range(blocks)),
        "bullet list": "\n\n".join("- " + text.format(n) for n in range(blocks)),
        "directive": "\n\n".join(".. noop:: " + text.format(n) for n in range(blocks)),
        "directive, 2 options": "\n\n".join(
            f".. noop:: {text.format(n)}\n   :id: x{n}\n   :kind: y" for n in range(blocks)
        ),
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
    for name, source in _sources(args.blocks).items():
        print(f"{name:<22} {_best_time(source) / args.blocks * 1e6:7.1f} µs per block")


if __name__ == "__main__":
    main()
