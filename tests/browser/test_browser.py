"""The built example project in a real browser (Chromium through Playwright).

Every test is marked ``browser``: the default run leaves them out (-m "not browser");
CI runs them with ``pytest -m browser`` after installing Chromium.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture fails and says why
    expect = None

if TYPE_CHECKING:
    from .conftest import PageInfo, Screenshots, Site, Tab

pytestmark = pytest.mark.browser

Colour = tuple[float, float, float, float]  # r, g, b in 0..255, alpha in 0..1


# ---------------------------------------------------------------------------------
# 1. Every page loads cleanly
# ---------------------------------------------------------------------------------


def test_every_page_loads_without_errors(crawl: dict[str, PageInfo]) -> None:
    """No console error, uncaught exception, failed request or HTTP error (favicon aside)."""
    assert len(crawl) > 5, f"suspiciously few pages built: {sorted(crawl)}"
    failures = [f"{page}: {problem}" for page, info in crawl.items() for problem in info.problems]
    assert not failures, "pages with load problems:\n" + "\n".join(failures)


# ---------------------------------------------------------------------------------
# 2. No broken internal links
# ---------------------------------------------------------------------------------


def test_no_broken_internal_links(crawl: dict[str, PageInfo], site: Site, tab: Tab) -> None:
    """Every same-host link reaches a page that exists, and its #fragment an element."""
    failures: list[str] = []
    other_targets: dict[str, list[str]] = defaultdict(list)  # non-page URL -> sources
    checked = 0
    for source, info in crawl.items():
        for link in info.links:
            target = site.page_of(link.url)
            if target is None:  # another host, mailto:, javascript: ...
                continue
            checked += 1
            fragment = unquote(urlsplit(link.url).fragment)
            if target not in crawl:
                if target.endswith(".html") or fragment:
                    failures.append(f"{source}: href={link.raw!r}: no page {target}")
                else:
                    other_targets[link.url.split("#")[0]].append(f"{source}: href={link.raw!r}")
                continue
            # "#top" scrolls to the top even without such an element (HTML spec).
            if fragment and fragment not in crawl[target].ids and fragment != "top":
                failures.append(f"{source}: href={link.raw!r}: no id={fragment!r} on {target}")
    for url, sources in sorted(other_targets.items()):  # downloads, _sources/, images
        response = tab.page.request.get(url)
        if not response.ok:
            failures.extend(f"{where}: HTTP {response.status}" for where in sources)
    assert checked > 50, f"only {checked} internal links found: the crawl looks broken"
    assert not failures, "broken internal links:\n" + "\n".join(failures)


# ---------------------------------------------------------------------------------
# 3. Design cross-references land on their target
# ---------------------------------------------------------------------------------


# Once scrolling has stopped: the top of the :target element and the bottom of furo's
# sticky mobile header (0 where it is hidden, on a wide screen).
_LANDING_JS = """async () => {
  let last = null, still = 0;
  for (let frame = 0; frame < 120 && still < 3; frame++) {
    await new Promise((done) => requestAnimationFrame(done));
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
  }
  const target = document.querySelector(":target");
  const header = document.querySelector(".mobile-header");
  return {
    id: target ? target.id : null,
    top: target ? target.getBoundingClientRect().top : null,
    header: header ? Math.max(0, header.getBoundingClientRect().bottom) : 0,
  };
}"""


@pytest.mark.parametrize("viewport", [375, 1280], ids=["narrow", "wide"])
def test_design_cross_references_land_on_target(
    crawl: dict[str, PageInfo], site: Site, tab: Tab, viewport: int
) -> None:
    """Clicking an a.designdoc-link to another page shows that page at the target.

    One link per kind of target (doc, goal, component, ...) from a design doc and one
    from an index page, rather than every link: each click is a page load.
    """
    by_source: dict[str, dict[str, str]] = defaultdict(dict)  # source -> url -> raw href
    seen: set[str] = set()
    kinds: set[tuple[bool, str]] = set()
    for source, info in crawl.items():
        for link in info.links:
            target = site.page_of(link.url)
            if not link.designdoc or target is None or target == source:
                continue
            fragment = urlsplit(link.url).fragment
            kind = (info.doc_cards > 0, fragment.split("-")[0] if fragment else "page")
            seen.add(link.url)
            if kind not in kinds:
                kinds.add(kind)
                by_source[source][link.url] = link.raw
    goal_links = [url for url in seen if "#goal-" in url]
    assert goal_links, "no design link to a goal on another page: nothing to follow"

    tab.page.set_viewport_size({"width": viewport, "height": 800})
    for source, links in by_source.items():
        tab.open(source)
        for url, raw in links.items():
            where = f"{source} -> {raw}"
            tab.page.locator(f"a.designdoc-link[href={_css_string(raw)}]").first.click()
            expect(tab.page, where).to_have_url(url)
            fragment = unquote(urlsplit(url).fragment)
            if fragment:
                target = tab.page.locator(f"id={fragment}")
                expect(target, where).to_have_count(1)
                expect(target, where).to_be_visible()
                expect(target, f"{where}: target not scrolled into view").to_be_in_viewport()
                landing = tab.page.evaluate(_LANDING_JS)
                assert landing["id"] == fragment, f"{where}: :target is {landing['id']!r}"
                assert landing["top"] >= landing["header"] - 1, (
                    f"{where}: the target's top ({landing['top']:.0f}px) is hidden under "
                    f"the sticky header (bottom {landing['header']:.0f}px)"
                )
            else:
                expect(tab.page.locator("article[role=main] h1").first, where).to_be_visible()
            tab.settle()
            assert not tab.problems, f"{where}: " + "; ".join(tab.problems)
            tab.page.go_back(wait_until="load")
            expect(tab.page, f"back from {where}").to_have_url(site.url(source))


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------------------
# 4. Light and dark colours
# ---------------------------------------------------------------------------------

# Computed colours of a status badge and the design-doc card, next to the values of
# the extension's custom properties resolved on a probe element in the same mode.
_COLOURS_JS = """() => {
  const badge = document.querySelector(".designdoc-badge.designdoc-status-approved");
  const card = document.querySelector("div.designdoc.designdoc-doc");
  const probe = document.createElement("span");
  document.body.appendChild(probe);
  const resolve = (property, value) => {
    probe.style.setProperty(property, value);
    return getComputedStyle(probe).getPropertyValue(property);
  };
  const style = (el) => {
    const s = getComputedStyle(el);
    return {fg: s.color, bg: s.backgroundColor, border: s.borderTopColor};
  };
  const result = {
    theme: document.body.dataset.theme,
    badge: style(badge),
    card: style(card),
    expected: {
      badge: {
        fg: resolve("color", "var(--designdoc-status-approved-fg)"),
        bg: resolve("background-color", "var(--designdoc-status-approved-bg)"),
        border: resolve("border-top-color", "var(--designdoc-status-approved-border)"),
      },
      card: {
        fg: resolve("color", "var(--designdoc-fg)"),
        bg: resolve("background-color", "var(--designdoc-surface)"),
        border: resolve("border-top-color", "var(--designdoc-border)"),
      },
    },
  };
  probe.remove();
  return result;
}"""


def _parse_colour(text: str) -> Colour:
    numbers = [float(n) for n in re.findall(r"[-+]?\d*\.?\d+(?:e[-+]?\d+)?", text)]
    if text.startswith("rgb") and len(numbers) in (3, 4):
        r, g, b, *alpha = numbers
        return (r, g, b, alpha[0] if alpha else 1.0)
    raise AssertionError(f"unexpected computed colour {text!r}")


def _luminance(colour: Colour) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = colour
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _over(top: Colour, below: Colour) -> Colour:
    """`top` composited over an opaque `below`."""
    a = top[3]
    return (*(top[i] * a + below[i] * (1 - a) for i in range(3)), 1.0)  # type: ignore[return-value]


def _contrast(fg: Colour, bg: Colour) -> float:
    lighter, darker = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _colour_page(crawl: dict[str, PageInfo]) -> str:
    candidates = [p for p, i in crawl.items() if i.approved_badges and i.doc_cards]
    assert candidates, "no page has both an approved status badge and a design-doc card"
    return next((p for p in candidates if p.startswith("designs/")), candidates[0])


def _read_colours(tab: Tab) -> dict[str, Any]:
    colours: dict[str, Any] = tab.page.evaluate(_COLOURS_JS)
    for part in ("badge", "card"):
        for key in ("fg", "bg", "border"):
            assert colours[part][key] == colours["expected"][part][key], (
                f"{colours['theme']}: the {part}'s {key} is {colours[part][key]}, not the "
                f"extension's {colours['expected'][part][key]}"
            )
    return colours


def test_badge_and_card_colours_in_light_and_dark(crawl: dict[str, PageInfo], tab: Tab) -> None:
    tab.open(_colour_page(crawl))
    seen: dict[str, dict[str, Any]] = {}
    for mode in ("light", "dark"):
        tab.set_theme(mode)
        colours = _read_colours(tab)
        badge_fg, badge_bg = (
            _parse_colour(colours["badge"]["fg"]),
            _parse_colour(colours["badge"]["bg"]),
        )
        card_fg, card_bg = (
            _parse_colour(colours["card"]["fg"]),
            _parse_colour(colours["card"]["bg"]),
        )
        assert badge_bg[3] > 0, f"{mode}: the approved badge's background is transparent"
        assert card_bg[3] > 0, f"{mode}: the design-doc card's background is transparent"
        badge_ratio = _contrast(badge_fg, _over(badge_bg, _over(card_bg, (255, 255, 255, 1))))
        card_ratio = _contrast(card_fg, _over(card_bg, (255, 255, 255, 1)))
        assert badge_ratio >= 4.5, f"{mode}: approved badge contrast {badge_ratio:.2f} < 4.5"
        assert card_ratio >= 4.5, f"{mode}: card text contrast {card_ratio:.2f} < 4.5"
        seen[mode] = colours
    for part, key in [("badge", "fg"), ("badge", "bg"), ("card", "fg"), ("card", "bg")]:
        light, dark = seen["light"][part][key], seen["dark"][part][key]
        assert light != dark, f"the {part}'s {key} is {light} in light and dark mode alike"


def test_auto_theme_follows_the_os(crawl: dict[str, PageInfo], tab: Tab) -> None:
    """furo's "auto" (its default) takes the dark palette when the OS prefers dark."""
    tab.open(_colour_page(crawl))
    wanted = {}
    for mode in ("light", "dark"):
        tab.set_theme(mode)
        wanted[mode] = _read_colours(tab)
    tab.set_theme("auto")
    for scheme in ("light", "dark"):
        tab.page.emulate_media(color_scheme=scheme)
        colours = _read_colours(tab)
        for part in ("badge", "card"):
            assert colours[part] == wanted[scheme][part], (
                f"auto theme, OS prefers {scheme}: the {part} is {colours[part]}, "
                f"not the {scheme} palette {wanted[scheme][part]}"
            )


# Every badge-like element: text against the background it is drawn on.
_BADGES_JS = """() => {
  const parse = (text) => {
    const n = text.match(/[-+]?\\d*\\.?\\d+/g).map(Number);
    return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
  };
  const backdrop = (el) => {  // the colours painted under el's text, innermost first
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers;
  };
  const selector = [
    ".designdoc-badge",
    "table.designdoc-index td.designdoc-col-state > p",
    "div.admonition.designdoc-banner > p.admonition-title",
    "table.designdoc-index td.designdoc-present",
    "table.designdoc-index td.designdoc-missing",
  ].join(",");
  return Array.from(document.querySelectorAll(selector))
    .filter((el) => el.getClientRects().length && el.textContent.trim())
    .map((el) => ({
      what: el.tagName.toLowerCase() + "." + Array.from(el.classList).join("."),
      text: el.textContent.trim().slice(0, 40),
      fg: parse(getComputedStyle(el).color),
      layers: backdrop(el),
    }));
}"""


def test_every_badge_is_readable_in_light_and_dark(crawl: dict[str, PageInfo], tab: Tab) -> None:
    """Status, kind and tag badges, question states, banners and coverage marks: >= 4.5."""
    pages = [p for p, info in crawl.items() if info.badges]
    assert pages, "no page shows a badge"
    failures: set[str] = set()
    checked = 0
    for mode in ("light", "dark"):
        for page in pages:
            tab.open(page)
            tab.set_theme(mode)
            for item in tab.page.evaluate(_BADGES_JS):
                background: Colour = (255, 255, 255, 1)
                for layer in reversed(item["layers"]):
                    background = _over(tuple(layer), background)  # type: ignore[arg-type]
                fg = _over(tuple(item["fg"]), background)  # type: ignore[arg-type]
                ratio = _contrast(fg, background)
                checked += 1
                if ratio < 4.5:
                    failures.add(
                        f"{mode}: {item['what']} {item['text']!r}: contrast {ratio:.2f} (on {page})"
                    )
    assert checked > 20, f"only {checked} badges checked"
    assert not failures, "badges below 4.5:1 contrast:\n" + "\n".join(sorted(failures))


# ---------------------------------------------------------------------------------
# 5. Nothing sticks out sideways, on a phone or a desktop
# ---------------------------------------------------------------------------------

# The outermost elements in the article that reach past the viewport's left or right
# edge, unless an ancestor scrolls sideways (furo's table wrappers, code blocks).
_OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const article = document.querySelector("article[role=main]");
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const sticksOut = new Set();
  const found = [];
  for (const el of article.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left >= -0.5 && box.right <= width + 0.5) continue;
    let scrolled = false;
    for (let a = el.parentElement; a && a !== article; a = a.parentElement) {
      if (scrolls(a)) { scrolled = true; break; }
    }
    if (scrolled) continue;
    sticksOut.add(el);
    if (sticksOut.has(el.parentElement)) continue;
    const id = el.id ? "#" + el.id : "";
    const classes = Array.from(el.classList).map((c) => "." + c).join("");
    found.push(
      `<${el.tagName.toLowerCase()}${id}${classes}> spans ${Math.round(box.left)}..` +
      `${Math.round(box.right)}px: "${el.textContent.trim().slice(0, 50)}"`
    );
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, found};
}"""


@pytest.mark.parametrize("viewport", [375, 1280], ids=["narrow", "wide"])
def test_nothing_overflows_the_viewport(
    crawl: dict[str, PageInfo], tab: Tab, viewport: int
) -> None:
    tab.page.set_viewport_size({"width": viewport, "height": 900})
    failures: list[str] = []
    for page in crawl:
        tab.open(page)
        result = tab.page.evaluate(_OVERFLOW_JS)
        if result["scrollWidth"] > result["width"]:
            failures.append(
                f"{page}: the page scrolls sideways ({result['scrollWidth']}px wide "
                f"in a {result['width']}px viewport)"
            )
        failures.extend(f"{page}: {item}" for item in result["found"])
    assert not failures, f"overflow at {viewport}px:\n" + "\n".join(failures)


# ---------------------------------------------------------------------------------
# 6. Screenshots for a person
# ---------------------------------------------------------------------------------


def test_screenshots(site: Site, tab: Tab, screenshots: Screenshots) -> None:
    """Index, a design doc and the indexes page; light and dark; wide and narrow."""
    docs = [p for p in site.pages if p.startswith("designs/")]
    assert docs, "no design doc in the example project"
    doc = "designs/payment_retry.html" if "designs/payment_retry.html" in docs else docs[0]
    pages = {"index": "index.html", "design-doc": doc, "indexes": "indexes.html"}
    for width_name, width in [("wide", 1280), ("narrow", 375)]:
        tab.page.set_viewport_size({"width": width, "height": 900})
        for mode in ("light", "dark"):
            for name, page in pages.items():
                tab.open(page)
                tab.set_theme(mode)
                path = screenshots.take(tab, f"{name}-{mode}-{width_name}")
                assert path.stat().st_size > 10_000, f"{path} looks empty"
