"""Time the ``designdoc`` builder against an HTML build of the same generated project.

    python benchmarks/builder_ratio.py [--docs 200] [--rounds 3]

Each round builds the same sources from scratch (``-E``) with both builders, alternating,
in fresh processes; the script prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from helpers import write_generated_project


def timed_build(srcdir: Path, outdir: Path, builder: str) -> float:
    command = [sys.executable, "-m", "sphinx", "-E", "-q", "-b", builder, str(srcdir), str(outdir)]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        srcdir = Path(tmp) / "src"
        write_generated_project(srcdir, args.docs)
        times: dict[str, list[float]] = {"html": [], "designdoc": []}
        for _round in range(args.rounds):
            for builder, samples in times.items():
                samples.append(timed_build(srcdir, Path(tmp) / builder, builder))
    html, lint = (statistics.median(times[b]) for b in ("html", "designdoc"))
    print(f"{args.docs} docs, median of {args.rounds} clean builds")
    print(f"  html       {html:6.2f} s")
    print(f"  designdoc  {lint:6.2f} s   ratio designdoc/html = {lint / html:.2f}")


if __name__ == "__main__":
    main()
