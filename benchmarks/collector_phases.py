"""Where a full build spends its CPU time, by phase, and how much of it the garbage
collector takes.

    python benchmarks/collector_phases.py [--docs 200] [--forms plain,designdoc]

Builds each form of the benchmark corpus once, in a new process (``sphinx-build -E -b
html``), and prints per phase the CPU seconds and, per generation of the collector, the
collections it ran, their CPU seconds and the objects they freed. The phases are
``starting`` (configuration and extensions), ``reading`` (up to Sphinx's
``env-updated`` event) and ``writing`` (resolving and writing the pages, the search
index, the extension's JSON). A full collection walks every object the process holds,
so the number of full collections and what each one costs grow with the project.
Collections and freed objects repeat exactly from build to build; seconds drift.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from compare_builds import compile_bytecode, machine, run_measured
from corpus import Corpus, write
from sphinx.application import Sphinx

PHASES = ("starting", "reading", "writing")
Stats = dict[str, dict[str, Any]]


def child(srcdir: str, outdir: str) -> None:
    """One build in this process: print its phases and collections as JSON."""
    stats: Stats = {p: {"cpu": 0.0, "gc": [[0, 0.0, 0] for _ in range(3)]} for p in PHASES}
    phase, mark, started = ["starting"], [time.process_time()], [0.0]

    def enter(name: str) -> None:
        now = time.process_time()
        stats[phase[0]]["cpu"] += now - mark[0]
        phase[0], mark[0] = name, now

    def collector(event: str, info: dict[str, int]) -> None:
        if event == "start":
            started[0] = time.process_time()
            return
        counts = stats[phase[0]]["gc"][info["generation"]]
        counts[0] += 1
        counts[1] += time.process_time() - started[0]
        counts[2] += info["collected"]

    gc.callbacks.append(collector)
    app = Sphinx(srcdir, srcdir, outdir, f"{outdir}/.doctrees", "html", status=None,
                 freshenv=True)  # fmt: skip
    app.connect("env-before-read-docs", lambda *_args: enter("reading"))
    app.connect("env-updated", lambda *_args: enter("writing"))
    app.build(force_all=True)
    gc.callbacks.remove(collector)
    enter("done")
    print(json.dumps(stats))
    sys.exit(app.statuscode)


def report(form: str, stats: Stats) -> None:
    for phase in PHASES:
        counts = "".join(f" {n:6d} {sec:6.2f} {freed:10,}" for n, sec, freed in stats[phase]["gc"])
        print(f"{form:<10} {phase:<9} {stats[phase]['cpu']:7.2f}{counts}")
    print(f"{form:<10} {'total':<9} {sum(s['cpu'] for s in stats.values()):7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--forms", default="plain,designdoc")
    parser.add_argument("--child", nargs=2, metavar=("SRCDIR", "OUTDIR"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
    compile_bytecode()
    print(machine())
    print(f"{'':<28}" + "".join(f" {f'collector, generation {g}':>24}" for g in range(3)))
    print(
        f"{'form':<10} {'phase':<9} {'cpu s':>7}"
        + " {:>6} {:>6} {:>10}".format("runs", "cpu s", "freed") * 3,
        flush=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        for form in args.forms.split(","):
            srcdir, outdir = Path(tmp) / form, Path(tmp) / "out" / form
            write(srcdir, form, Corpus(args.docs))
            command = [sys.executable, __file__, "--child", str(srcdir), str(outdir)]
            stdout, _wall, _usage = run_measured(command)
            report(form, json.loads(stdout.splitlines()[-1]))


if __name__ == "__main__":
    main()
