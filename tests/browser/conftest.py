"""Browser tests: build example_project/ once, serve it over http, drive Chromium.

Run with ``pytest -m browser tests/browser``. They need the ``playwright`` package
(its driver only: no browser is downloaded) and Debian's Chromium at
/usr/bin/chromium (``apt-get install chromium``), or another Chromium named by
$DESIGNDOC_CHROMIUM. When either is missing the tests fail and say so; they never skip.

Playwright is imported lazily, so that collecting this folder in the default run
(``-m "not browser"``) works without it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

REPO = Path(__file__).parents[2]
EXAMPLE_PROJECT = REPO / "example_project"
CHROMIUM = os.environ.get("DESIGNDOC_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling Google's hosts.
# Playwright gives every launch a fresh, empty profile (--user-data-dir) of its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 375, "height": 812}
QUIET_SECONDS = 0.1  # a page is settled after this long without network activity
SETTLE_TIMEOUT = 10.0

SCREENSHOTS_KEY = pytest.StashKey["Screenshots"]()


def _is_favicon(url: str) -> bool:
    return urlsplit(url).path.endswith("/favicon.ico")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` (in the default options) runs these tests in this one process when
    this folder is named on the command line (``pytest -m browser tests/browser``): they
    share one build of example_project/, one Chromium and one tab, and the screenshots
    are listed by the process that took them."""
    return 0


# ---------------------------------------------------------------------------------
# The built site, served over http
# ---------------------------------------------------------------------------------


@dataclass
class Site:
    out: Path
    base_url: str  # ends with "/"
    pages: list[str]  # every built HTML page, relative to out, posix separators

    def url(self, page: str) -> str:
        return urljoin(self.base_url, page)

    def page_of(self, url: str) -> str | None:
        """The built page (relative path) a same-host URL points at, else None."""
        parts = urlsplit(url)
        if parts.scheme != "http" or parts.netloc != urlsplit(self.base_url).netloc:
            return None
        path = parts.path.lstrip("/")
        return path + "index.html" if path == "" or path.endswith("/") else path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """example_project/ built to HTML (-W: warnings fail) and served on 127.0.0.1."""
    from sphinx.cmd.build import build_main  # noqa: PLC0415

    out = tmp_path_factory.mktemp("example_html")
    status = build_main(["-W", "-E", "-q", "-b", "html", str(EXAMPLE_PROJECT), str(out)])
    if status != 0:
        pytest.fail(f"sphinx-build -W of {EXAMPLE_PROJECT} failed (exit {status})", pytrace=False)
    pages = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*.html")
        if not p.relative_to(out).parts[0].startswith(("_", "."))
    )
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="designdoc-http", daemon=True)
    thread.start()
    try:
        yield Site(out, f"http://127.0.0.1:{server.server_address[1]}/", pages)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# ---------------------------------------------------------------------------------
# One Chromium for the session, one tab reused by every test
# ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import Error, sync_playwright  # noqa: PLC0415
    except ImportError as exc:
        missing = str(exc)
    else:
        missing = ""
    if missing:
        pytest.fail(
            f"the browser tests need the playwright package ({missing}): "
            "pip install playwright (its driver only; do not run 'playwright install', "
            "the tests use the system Chromium)",
            pytrace=False,
        )
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        found = shutil.which("chromium") or shutil.which("chromium-browser")
        hint = f" (there is one at {found}: set DESIGNDOC_CHROMIUM={found})" if found else ""
        pytest.fail(
            f"the browser tests need Chromium at {CHROMIUM}: apt-get install chromium{hint}",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
            )
        except Error as exc:
            pytest.fail(f"could not start Chromium at {CHROMIUM}: {exc}", pytrace=False)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Tab:
    """The session's one tab, with a record of what went wrong while loading a page."""

    page: Page
    site: Site
    problems: list[str] = field(default_factory=list)
    _pending: set[Request] = field(default_factory=set)
    _last_activity: float = 0.0

    def __post_init__(self) -> None:
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"uncaught error: {exc}"))
        self.page.on("request", self._on_request)
        self.page.on("requestfinished", self._on_request_done)
        self.page.on("requestfailed", self._on_request_failed)
        self.page.on("response", self._on_response)

    # -- event handlers ---------------------------------------------------------------

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "")
        if _is_favicon(where) or "favicon.ico" in message.text:
            return
        self.problems.append(f"console error: {message.text} (at {where})")

    def _on_request(self, request: Request) -> None:
        self._pending.add(request)
        self._last_activity = time.monotonic()

    def _on_request_done(self, request: Request) -> None:
        self._pending.discard(request)
        self._last_activity = time.monotonic()

    def _on_request_failed(self, request: Request) -> None:
        self._on_request_done(request)
        if not _is_favicon(request.url):
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400 and not _is_favicon(response.url):
            self.problems.append(f"HTTP {response.status}: {response.url}")

    # -- use --------------------------------------------------------------------------

    def settle(self) -> None:
        """Wait until no request has been in flight for QUIET_SECONDS."""
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while time.monotonic() < deadline:
            if not self._pending and time.monotonic() - self._last_activity >= QUIET_SECONDS:
                return
            self.page.wait_for_timeout(20)
        stuck = ", ".join(sorted(r.url for r in self._pending))
        self.problems.append(f"still loading after {SETTLE_TIMEOUT}s: {stuck}")

    def open(self, page: str) -> None:
        """Load a built page over http (recording problems) and wait for it to settle."""
        self.problems.clear()
        self._last_activity = time.monotonic()
        response = self.page.goto(self.site.url(page), wait_until="load")
        if response is None or not response.ok:
            status = "no response" if response is None else f"HTTP {response.status}"
            pytest.fail(f"{page}: {status}", pytrace=False)
        self.settle()

    def theme(self) -> str:
        return str(self.page.evaluate("document.body.dataset.theme"))

    def set_theme(self, wanted: str) -> None:
        """Click furo's theme toggle until body[data-theme] is `wanted` (light/dark/auto).

        furo keeps the choice in localStorage, so it holds for later pages too.
        """
        toggle = self.page.locator("button.theme-toggle:visible").first
        for _ in range(4):
            if self.theme() == wanted:
                return
            toggle.click()
        pytest.fail(f"furo's theme toggle never set data-theme={wanted!r} (got {self.theme()!r})")

    def reset(self) -> None:
        """Wide viewport, light OS preference, furo's default theme ("auto")."""
        self.page.set_viewport_size(WIDE)
        self.page.emulate_media(color_scheme="light")
        with contextlib.suppress(Exception):  # nothing loaded yet: no storage to clear
            self.page.evaluate("window.localStorage.clear()")
        self.problems.clear()


# furo sets `html { scroll-behavior: smooth }`, so a jump to an anchor is animated and
# the tests would wait for it; make it instant (only the animation changes).
_INSTANT_SCROLL_JS = """new MutationObserver((_, observer) => {
  if (document.documentElement) {
    document.documentElement.style.setProperty("scroll-behavior", "auto", "important");
    observer.disconnect();
  }
}).observe(document, {childList: true});"""


@pytest.fixture(scope="session")
def _session_tab(browser: Browser, site: Site) -> Iterator[Tab]:
    context = browser.new_context(viewport=WIDE, color_scheme="light", service_workers="block")
    context.add_init_script(_INSTANT_SCROLL_JS)
    try:
        yield Tab(context.new_page(), site)
    finally:
        context.close()


@pytest.fixture
def tab(_session_tab: Tab) -> Tab:
    """The session's tab, reset to a wide viewport and furo's default theme."""
    _session_tab.reset()
    return _session_tab


# ---------------------------------------------------------------------------------
# One pass over every page, shared by the tests that only read what it found
# ---------------------------------------------------------------------------------

_COLLECT_JS = """() => ({
  links: Array.from(document.querySelectorAll("a[href]"), (a) => ({
    raw: a.getAttribute("href"),
    url: a.href,
    designdoc: a.classList.contains("designdoc-link"),
  })),
  ids: Array.from(document.querySelectorAll("[id]"), (e) => e.id),
  names: Array.from(document.querySelectorAll("a[name]"), (e) => e.getAttribute("name")),
  approvedBadges: document.querySelectorAll(".designdoc-badge.designdoc-status-approved").length,
  docCards: document.querySelectorAll("div.designdoc.designdoc-doc").length,
  badges: document.querySelectorAll(".designdoc-badge").length,
})"""


@dataclass
class Link:
    raw: str  # the href attribute as written
    url: str  # resolved by the browser
    designdoc: bool  # an a.designdoc-link


@dataclass
class PageInfo:
    problems: list[str]
    links: list[Link]
    ids: set[str]
    approved_badges: int
    doc_cards: int
    badges: int


@pytest.fixture(scope="session")
def crawl(_session_tab: Tab, site: Site) -> dict[str, PageInfo]:
    """Every built page loaded once (wide, light): its load problems, links and ids."""
    tab = _session_tab
    tab.reset()
    found: dict[str, PageInfo] = {}
    for page in site.pages:
        tab.open(page)
        data = tab.page.evaluate(_COLLECT_JS)
        found[page] = PageInfo(
            problems=list(tab.problems),
            links=[Link(**link) for link in data["links"]],
            ids=set(data["ids"]) | set(data["names"]),
            approved_badges=data["approvedBadges"],
            doc_cards=data["docCards"],
            badges=data["badges"],
        )
    return found


# ---------------------------------------------------------------------------------
# Screenshots for a person to look at
# ---------------------------------------------------------------------------------


@dataclass
class Screenshots:
    """Where screenshots go, and the ones taken in this session (listed at the end)."""

    folder: Path
    taken: list[Path] = field(default_factory=list)

    def take(self, tab: Tab, name: str) -> Path:
        path = self.folder / f"{name}.png"
        tab.page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        return path


@pytest.fixture(scope="session")
def screenshots(request: pytest.FixtureRequest) -> Screenshots:
    """$DESIGNDOC_SCREENSHOTS, else <repo>/build/screenshots/ (build/ is git-ignored)."""
    folder = Path(os.environ.get("DESIGNDOC_SCREENSHOTS") or REPO / "build" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    shots = Screenshots(folder.resolve())
    request.config.stash[SCREENSHOTS_KEY] = shots
    return shots


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    shots = config.stash.get(SCREENSHOTS_KEY, None)
    if shots is None or not shots.taken:
        return
    terminalreporter.section("designdoc screenshots")
    terminalreporter.write_line(f"{len(shots.taken)} screenshots in {shots.folder}:")
    for shot in shots.taken:
        terminalreporter.write_line(f"  {shot}")
