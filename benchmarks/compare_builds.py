"""Build one generated corpus in every form and compare the costs with plain Sphinx.

    python benchmarks/compare_builds.py [--docs 200] [--rounds 3] [--goals-per-doc 3]
                                        [--forms plain,plain-ext,stubs,designdoc,needs]
                                        [--measures full,j2,incremental-prose,incremental-title,
                                                    designdoc-builder]

Every build runs in a fresh ``sphinx-build`` process, so each time includes starting
Python and importing Sphinx and the extensions, as a user's build does. The forms
alternate inside each round (their order rotates from round to round), so a slow
moment of the machine falls on every form alike. Measures:

``full``
    ``sphinx-build -E -b html`` from scratch, serial; also records peak memory (the
    process's maximum resident set size).
``j2``
    the same with ``-j 2``.
``incremental-prose``
    after a build, a sentence in one doc's Background is changed and the project is
    built again into the same output directory: only that page shows the sentence.
``incremental-title``
    the same, but the doc's first goal is renamed: the doc that links to the goal and
    the goals index show its title, so a designdoc build writes them again.
``designdoc-builder``
    ``-b designdoc`` from scratch (the designdoc form only): checks and JSON, no pages.

The script prints, per measure and form, the median wall time, the median CPU time
(user + system of the build and its worker processes; less sensitive to other load on
the machine than wall time) and their ratios to plain Sphinx in the same run. For the
incremental builds it also prints how many pages were written.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import sphinx
from corpus import FORMS, Corpus, edit_one_doc, write

import sphinx_designdoc

if TYPE_CHECKING:
    import resource

MEASURES = ("full", "j2", "incremental-prose", "incremental-title", "designdoc-builder")


@dataclass
class Sample:
    """One build: wall seconds, CPU seconds, peak resident memory (MiB), pages written."""

    wall: float
    cpu: float
    rss: float
    written: int


@dataclass
class Results:
    samples: dict[tuple[str, str], list[Sample]] = field(default_factory=dict)

    def add(self, measure: str, form: str, sample: Sample) -> None:
        self.samples.setdefault((measure, form), []).append(sample)

    def median(self, measure: str, form: str, attribute: str) -> float:
        values = [getattr(s, attribute) for s in self.samples.get((measure, form), [])]
        return statistics.median(values) if values else float("nan")


_WRITTEN = re.compile(r"writing output\.\.\. \[ *\d+%\] ")


def run_measured(command: list[str]) -> tuple[str, float, resource.struct_rusage]:
    """Run ``command`` in a new process and return its output, its wall time and its
    resource usage (``os.wait4``: its own, including the worker processes it waited
    for). Exits if it failed or warned."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if os.waitstatus_to_exitcode(status) or stderr.strip():
        sys.exit(f"{' '.join(command)} failed or warned:\n{stderr}")
    return stdout, wall, usage


def run_build(srcdir: Path, outdir: Path, *options: str) -> Sample:
    """Run ``sphinx-build`` in a new process and measure it."""
    command = [sys.executable, "-m", "sphinx", *options, str(srcdir), str(outdir)]
    stdout, wall, usage = run_measured(command)
    written = len(_WRITTEN.findall(stdout))
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, written)


def measure_round(
    root: Path, corpus: Corpus, forms: list[str], measures: list[str], number: int
) -> list[tuple[str, str, Sample]]:
    """One round: every measure, the forms in an order rotated by ``number``."""
    turn = number % len(forms)
    order = forms[turn:] + forms[:turn]
    found = []
    for measure in measures:
        for form in order:
            srcdir, out = root / form, root / "out" / form
            if measure == "full":
                sample = run_build(srcdir, out / "html", "-E", "-b", "html")
            elif measure == "j2":
                sample = run_build(srcdir, out / "j2", "-E", "-j", "2", "-b", "html")
            elif measure.startswith("incremental-"):
                run_build(srcdir, out / "inc", "-b", "html")  # up to date before the edit
                edit_one_doc(srcdir, corpus, number, measure.removeprefix("incremental-"))
                sample = run_build(srcdir, out / "inc", "-b", "html")
            elif form == "designdoc":  # designdoc-builder
                sample = run_build(srcdir, out / "dd", "-E", "-b", "designdoc")
            else:
                continue
            found.append((measure, form, sample))
    return found


def report(results: Results, corpus: Corpus, forms: list[str], measures: list[str]) -> None:
    print(
        f"{corpus.docs} docs ({corpus.goals_per_doc} goals each); medians of "
        f"{max(len(v) for v in results.samples.values())} rounds; ratios are to plain"
    )
    print(
        f"{'measure':<18} {'form':<10} {'wall s':>8} {'ratio':>6} {'cpu s':>8} {'ratio':>6}"
        f" {'peak MiB':>9} {'ratio':>6} {'pages':>6}"
    )
    for measure in measures:
        base_measure = "full" if measure == "designdoc-builder" else measure
        base = {a: results.median(base_measure, "plain", a) for a in ("wall", "cpu", "rss")}
        for form in forms:
            if (measure, form) not in results.samples:
                continue
            value = {a: results.median(measure, form, a) for a in ("wall", "cpu", "rss", "written")}
            pages = f"{value['written']:6.0f}" if measure.startswith("incremental") else ""
            print(
                f"{measure:<18} {form:<10} {value['wall']:8.2f} {value['wall'] / base['wall']:6.2f}"
                f" {value['cpu']:8.2f} {value['cpu'] / base['cpu']:6.2f}"
                f" {value['rss']:9.0f} {value['rss'] / base['rss']:6.2f} {pages}"
            )
    if ("designdoc-builder", "designdoc") in results.samples and (
        "full",
        "designdoc",
    ) in results.samples:
        lint, html = (results.median(m, "designdoc", "cpu") for m in ("designdoc-builder", "full"))
        print(
            f"designdoc builder / HTML build of the same designdoc project (cpu): {lint / html:.2f}"
        )
    per_doc = {f: results.median("full", f, "cpu") / corpus.docs for f in forms}
    if "full" in measures:
        print(
            "cpu per doc, full build: "
            + ", ".join(f"{f} {t * 1000:.1f} ms" for f, t in per_doc.items())
        )


def compile_bytecode() -> None:
    """Compile the extension's bytecode, as ``pip install`` does for an installed package.

    An editable install of this checkout may have none yet (``PYTHONDONTWRITEBYTECODE``),
    and every build process would then compile the extension's source again, a cost
    that plain Sphinx and sphinx-needs, installed with their bytecode, do not pay.
    """
    compileall.compile_dir(Path(sphinx_designdoc.__file__).parent, quiet=1)


def machine() -> str:
    return (
        f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, "
        f"Sphinx {sphinx.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--goals-per-doc", type=int, default=3)
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--measures", default=",".join(MEASURES))
    args = parser.parse_args()
    forms, measures = args.forms.split(","), args.measures.split(",")
    if "plain" not in forms:
        parser.error("--forms must include plain, the baseline")
    corpus = Corpus(args.docs, args.goals_per_doc)
    results = Results()
    compile_bytecode()
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for form in forms:
            write(root / form, form, corpus)
        for number in range(args.rounds):
            for measure, form, sample in measure_round(root, corpus, forms, measures, number):
                results.add(measure, form, sample)
                print(f"  round {number + 1}: {measure} {form} {sample.wall:.2f} s", flush=True)
    report(results, corpus, forms, measures)


if __name__ == "__main__":
    main()
