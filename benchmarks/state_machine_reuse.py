"""What docutils' nested state machines cost a full build, and what reusing them would save.

    python benchmarks/state_machine_reuse.py [--docs 200] [--rounds 3] [--instructions]

docutils reads a bullet list, a field list, a directive's options and the explicit
markup (directives, comments, targets) that may follow a directive with a nested state
machine, and builds a new one each time: about fifteen reStructuredText states, each
compiling its transitions. Its ``nested_parse`` keeps finished machines for reuse;
``nested_list_parse``, which all of the above go through, does not.

This script builds the ``plain``, ``stubs`` and ``designdoc`` forms of the benchmark
corpus in new ``sphinx-build`` processes, alternating, in three modes: ``as-is``, with
docutils as it is; ``reuse``, with ``nested_list_parse`` reusing its finished machines
the way ``nested_parse`` does; ``both``, with that and ``State.unlink()`` dropping the
transitions too (``docutils_proposal.py``: experiments, patched into the build process
only). It checks that every mode gives the same pages, then prints how many machines
each form builds per doc, by what they parse, and the median CPU times and ratios. The
differences are what the changes to docutils proposed in the roadmap would give every
project, with or without this extension.

With ``--instructions`` it counts the instructions each build executes instead (one
build of each, under Valgrind's callgrind, all at once: a count does not depend on
what else the machine does, and repeats to within 0.1 %). CPU times on a shared
machine drift by up to a quarter between rounds; counts show small differences that
times hide. A count leaves out what memory stalls cost, which the garbage collector's
walks over the heap pay most, so it is a lower bound on the difference in time.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import statistics
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compare_builds import compile_bytecode, machine, run_measured
from corpus import Corpus, write
from docutils.parsers.rst import states
from docutils_proposal import drop_transitions, reuse_machines
from sphinx.cmd.build import build_main

if TYPE_CHECKING:
    import resource
    from collections.abc import Sequence

FORMS = ("plain", "stubs", "designdoc")
MODES = ("as-is", "reuse", "both")


def count_machines(counts: Counter[str]) -> None:
    """Count every nested state machine docutils builds, by its initial state."""
    build = states.NestedStateMachine.__init__

    def counting(self: Any, *args: Any, **kwargs: Any) -> None:
        counts[kwargs.get("initial_state", "?")] += 1
        build(self, *args, **kwargs)

    states.NestedStateMachine.__init__ = counting  # type: ignore[method-assign]


def child(mode: str, srcdir: str, outdir: str) -> None:
    """One build, in this process: print the machines it built as JSON."""
    counts: Counter[str] = Counter()
    count_machines(counts)
    if mode in ("reuse", "both"):
        reuse_machines()
    if mode == "both":
        drop_transitions()
    status = build_main(["-E", "-q", "-b", "html", srcdir, outdir])
    print(json.dumps(dict(counts)))
    sys.exit(status)


def child_build(
    mode: str, srcdir: Path, outdir: Path, runner: Sequence[str] = ()
) -> tuple[resource.struct_rusage, Counter[str]]:
    """One build in a new process (under ``runner``, a command such as valgrind): its
    resource usage and the machines it built."""
    command = [*runner, sys.executable, __file__, "--child", mode, str(srcdir), str(outdir)]
    stdout, _wall, usage = run_measured(command)
    return usage, Counter(json.loads(stdout.splitlines()[-1]))


def run_child(mode: str, srcdir: Path, outdir: Path) -> tuple[float, Counter[str]]:
    """CPU seconds of one build in a new process, and the machines it built."""
    usage, counts = child_build(mode, srcdir, outdir)
    return usage.ru_utime + usage.ru_stime, counts


def count_child(mode: str, srcdir: Path, outdir: Path) -> tuple[float, Counter[str]]:
    """Instructions (billions) of one build under callgrind, and the machines it built."""
    trace, log = outdir.with_suffix(".callgrind"), outdir.with_suffix(".valgrind")
    callgrind = (
        "valgrind", "--tool=callgrind", "--cache-sim=no",
        f"--callgrind-out-file={trace}", f"--log-file={log}",
    )  # fmt: skip
    _usage, counts = child_build(mode, srcdir, outdir, callgrind)
    with trace.open(encoding="utf-8") as lines:
        total = next(int(line.split()[1]) for line in lines if line.startswith("totals:"))
    return total / 1e9, counts


def same_output(one: Path, other: Path) -> bool:
    """Whether two HTML builds wrote the same files (doctree pickles aside)."""
    comparison = filecmp.dircmp(one, other, ignore=[".doctrees", ".buildinfo"])
    stack = [comparison]
    while stack:
        current = stack.pop()
        if current.left_only or current.right_only or current.funny_files:
            return False
        _match, mismatch, errors = filecmp.cmpfiles(
            current.left, current.right, current.common_files, shallow=False
        )
        if mismatch or errors:
            return False
        stack.extend(current.subdirs.values())
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--instructions", action="store_true", help="count, under callgrind")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "SRCDIR", "OUTDIR"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
    corpus = Corpus(args.docs)
    compile_bytecode()
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for form in FORMS:
            write(root / form, form, corpus)
        if args.instructions:
            os.environ["PYTHONHASHSEED"] = "0"  # the same dict and set orders every time
            cost, machines = count_all(root)
        else:
            cost, machines = time_rounds(root, args.rounds)
        for form in FORMS:
            for mode in MODES[1:]:
                if not same_output(root / "out" / form / MODES[0], root / "out" / form / mode):
                    sys.exit(f"{form}: the {mode} mode changed the pages")
    report(corpus, cost, machines, "G instructions" if args.instructions else "cpu s")


Costs = dict[tuple[str, str], list[float]]


def time_rounds(root: Path, rounds: int) -> tuple[Costs, dict[str, Counter[str]]]:
    """CPU seconds of every form and mode, alternating, ``rounds`` times."""
    cpu: Costs = {}
    machines: dict[str, Counter[str]] = {}
    for number in range(rounds):
        runs = [(form, mode) for form in FORMS for mode in MODES]
        turn = number % len(runs)
        for form, mode in runs[turn:] + runs[:turn]:
            seconds, counts = run_child(mode, root / form, root / "out" / form / mode)
            cpu.setdefault((form, mode), []).append(seconds)
            machines[form] = counts if mode == "as-is" else machines.get(form, counts)
            print(f"  round {number + 1}: {form} {mode} {seconds:.2f} s cpu", flush=True)
    return cpu, machines


def count_all(root: Path) -> tuple[Costs, dict[str, Counter[str]]]:
    """Instructions of every form and mode, one build each, as many at once as CPUs."""
    runs = [(form, mode) for form in FORMS for mode in MODES]
    (root / "out").mkdir()
    for form in FORMS:
        (root / "out" / form).mkdir()
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        found = pool.map(
            lambda run: count_child(run[1], root / run[0], root / "out" / run[0] / run[1]), runs
        )
        results = dict(zip(runs, found, strict=True))
    cost = {run: [billions] for run, (billions, _counts) in results.items()}
    machines = {form: results[form, "as-is"][1] for form in FORMS}
    return cost, machines


def report(corpus: Corpus, cost: Costs, machines: dict[str, Counter[str]], unit: str) -> None:
    print(f"{corpus.docs} docs; same pages either way; medians of {len(cost[FORMS[0], MODES[0]])}")
    print("nested state machines per doc:")
    for form in FORMS:
        counts = machines[form]
        parts = ", ".join(f"{state} {n / corpus.docs:.1f}" for state, n in counts.most_common())
        print(f"  {form:<10} {sum(counts.values()) / corpus.docs:5.1f}  ({parts})")
    print(f"docutils, {unit}; ratios to plain")
    print(f"{'':<10}" + "".join(f" {form:>10} {'ratio':>6}" for form in FORMS))
    for mode in MODES:
        costs = [statistics.median(cost[form, mode]) for form in FORMS]
        print(f"{mode:<10}" + "".join(f" {value:10.2f} {value / costs[0]:6.2f}" for value in costs))


if __name__ == "__main__":
    main()
