"""What the table script costs a page with a 1000-row ``design-index`` table.

Writes the benchmark corpus (``corpus.py``: 250 docs with 4 goals each) with an index
page of one ``goals`` table (1000 rows), builds it with furo twice, with and without
``designdoc_interactive_tables``, serves each over http and opens the index page in
Chromium (Playwright, the system Chromium as the browser tests use it). Reported: the
script's size, the page's DOMContentLoaded with and without the script (median of
``--runs`` loads), the script's own set-up time (it is deferred, so it runs between
``domInteractive`` and ``DOMContentLoaded``), and the time to sort by a column
(ascending, then descending) and to filter to one row: the script's own, and with the
layout that follows.

    python benchmarks/table_script.py [--runs 7] [--docs 250]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import Corpus, write

REPO = Path(__file__).parents[1]
SCRIPT = REPO / "sphinx_designdoc" / "static" / "designdoc-tables.js"
CHROMIUM = "/usr/bin/chromium"

_TIMINGS_JS = """async () => {
  const nav = performance.getEntriesByType("navigation")[0];
  const table = document.querySelector("table.designdoc-index");
  const rows = table.tBodies[0].rows.length;
  // deferred scripts (only ours is) run between domInteractive and DOMContentLoaded
  const result = {rows, domContentLoaded: nav.domContentLoadedEventEnd,
                  deferred: nav.domContentLoadedEventStart - nav.domInteractive,
                  interactive: table.classList.contains("designdoc-interactive")};
  if (!result.interactive) return result;
  const layout = () => document.body.getBoundingClientRect().height;
  const time = (action) => { const t = performance.now(); action(); const s = performance.now();
                             layout(); return [s - t, performance.now() - t]; };
  const button = table.querySelector("th:nth-child(2) button");  // the goal column
  result.sortUp = time(() => button.click());
  result.sortDown = time(() => button.click());
  const input = document.querySelector("div.designdoc-filter input");
  const wanted = table.tBodies[0].rows[500].cells[1].textContent.trim();
  result.filter = time(() => { input.value = wanted;
                               input.dispatchEvent(new Event("input")); });
  result.shown = Array.from(table.tBodies[0].rows).filter((r) => !r.hidden).length;
  result.unfilter = time(() => { input.value = "";
                                 input.dispatchEvent(new Event("input")); });
  return result;
}"""


def build(srcdir: Path, outdir: Path, interactive: bool) -> None:
    from sphinx.cmd.build import build_main  # noqa: PLC0415

    args = ["-q", "-E", "-b", "html", "-D", "html_theme=furo"]
    args += ["-D", f"designdoc_interactive_tables={int(interactive)}", str(srcdir), str(outdir)]
    if build_main(args) != 0:
        raise SystemExit(f"the build of {srcdir} failed")


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/indexes.html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--docs", type=int, default=250)
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    print(f"designdoc-tables.js: {len(SCRIPT.read_bytes())} bytes")
    with tempfile.TemporaryDirectory() as tmp:
        srcdir = Path(tmp) / "src"
        write(srcdir, "designdoc", Corpus(options.docs, goals_per_doc=4))
        (srcdir / "indexes.rst").write_text("Indexes\n=======\n\n.. design-index:: goals\n")
        results: dict[bool, list[dict[str, float]]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            for interactive in (False, True):
                out = Path(tmp) / f"out-{interactive}"
                build(srcdir, out, interactive)
                server, url = serve(out)
                runs = []
                for _ in range(options.runs):
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    page.goto(url, wait_until="load")
                    runs.append(page.evaluate(_TIMINGS_JS))
                    page.close()
                server.shutdown()
                results[interactive] = runs
            browser.close()
    rows = results[True][0]["rows"]
    assert results[True][0]["shown"] >= 1

    def median(interactive: bool, key: str, part: int | None = None) -> float:
        values = [run[key] if part is None else run[key][part] for run in results[interactive]]
        return statistics.median(values)

    print(f"{rows} rows, median of {options.runs} loads in Chromium, 1280 px, furo:")
    print(f"  DOMContentLoaded without the script: {median(False, 'domContentLoaded'):.0f} ms")
    print(f"  DOMContentLoaded with the script:    {median(True, 'domContentLoaded'):.0f} ms")
    setup = median(True, "deferred") - median(False, "deferred")
    print(f"  the script's set-up (sort buttons, filter box): {setup:.1f} ms")
    steps = [
        ("sortUp", "sort ascending"),
        ("sortDown", "sort descending"),
        ("filter", "filter to one row"),
        ("unfilter", "clear the filter"),
    ]
    for key, what in steps:
        print(
            f"  {what}: {median(True, key, 0):.1f} ms script, "
            f"{median(True, key, 1):.1f} ms with the layout that follows"
        )


if __name__ == "__main__":
    main()
