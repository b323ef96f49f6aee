"""Accessibility of the built showcase, measured in a real headless Chromium.

Korean public sites must meet KWCAG 2.2, which follows WCAG 2.2 AA. axe-core
(shipped by the axe-playwright-python package: axe 4.12, which has the
WCAG 2.2 rules) checks every kind of page at a desktop and a phone width and
must find nothing; a keyboard-only walk goes through the gallery's filters
and the site search, with the focus visible at every step.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest

from site_builder.site.build import build_site
from site_builder.site.engine import current_time
from tests.acceptance.test_site_browser import EXAMPLES
from tests.browserkit import launch, require_chromium, serve
from tests.showcase_repo import make_repo

sync_api = pytest.importorskip("playwright.sync_api")
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
pytestmark = [pytest.mark.browser, pytest.mark.slow]  # a whole site built, then Chromium

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "mobile": {"width": 390, "height": 844}}
# One page of every kind: home, gallery, entry, results, rubric, public data, open data,
# and the guides of docs/ (Markdown written by people, in the theme's layout).
PAGES = {
    "home": "",
    "gallery": "gallery/",
    "entry": "entries/wifi-finder/",
    "results": "results/",
    "judging": "judging/",
    "datasets": "public-data/",
    "data": "data/",
    "guide": "guide/",
    "fields": "guide/fields/",
    "judges-guide": "judges/",
    "cli-reference": "reference/cli/",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    base = tmp_path_factory.mktemp("a11y")
    repo = make_repo(base / "repo", examples=EXAMPLES, extra=False, results=True)
    build_site(repo, base / "site", now=current_time())
    with serve(base / "site") as address:
        yield f"{address}/"


@pytest.fixture(scope="module")
def browser(served: str) -> Iterator[Any]:
    with launch() as chromium:
        yield chromium


def _violations(page: Any) -> list[str]:
    results = axe_sync.Axe().run(page, options={
        "runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"],
    })
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_wcag_22_aa_violations(browser: Any, served: str, name: str, viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="ko-KR")
    page = context.new_page()
    try:
        response = page.goto(served + PAGES[name])
        assert response is not None and response.status == 200
        page.wait_for_load_state("load")
        assert _violations(page) == []
    finally:
        context.close()


# --- the keyboard alone -------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  return {
    tag: e.tagName.toLowerCase(), name: e.getAttribute("name") || "",
    cls: e.className || "", href: e.getAttribute("href") || "",
    visible: e.matches(":focus-visible")
      && s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
  };
}"""


def _tab_to(page: Any, matches: Any, limit: int = 60, key: str = "Tab") -> dict[str, Any]:
    """Press Tab (or `key`) until the focused element satisfies `matches`; every element
    on the way must show that it has the focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused is None and key == "ArrowDown":
            continue  # Material's result list takes a first arrow press for its own marker
        assert focused is not None, "the focus left the page"
        assert focused["visible"], f"no visible focus on {focused}"
        if matches(focused):
            return dict(focused)
    raise AssertionError(f"never reached by {key} within {limit} presses")


def _slugs(page: Any) -> list[str]:
    hrefs = page.eval_on_selector_all(
        ".cg-card:not([hidden]) .cg-link", "els => els.map(e => e.getAttribute('href'))")
    return sorted(h.rstrip("/").split("/")[-1] for h in hrefs)


@pytest.fixture
def desktop(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="ko-KR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_keyboard_walk_through_the_gallery_filters(desktop: Any, served: str) -> None:
    page = desktop
    page.goto(served + "gallery/")
    everything = _slugs(page)
    assert len(everything) == len(EXAMPLES)
    categories = dict(page.eval_on_selector_all(".cg-card", """els => els.map(e => [
        e.querySelector(".cg-link").getAttribute("href").replace(/\\/$/, "").split("/").pop(),
        e.dataset.category])"""))
    # Search box: typing filters the cards.
    _tab_to(page, lambda f: f["name"] == "q")
    page.keyboard.type("주차")
    page.wait_for_selector(".cg[data-filtered]")
    assert _slugs(page) == ["parking-compare"]
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_selector(".cg:not([data-filtered])")
    assert _slugs(page) == everything
    # Category: the next stop; the arrow key picks the first category.
    _tab_to(page, lambda f: f["name"] == "category", limit=1)
    page.keyboard.press("ArrowDown")
    page.wait_for_selector(".cg[data-filtered]")
    chosen = page.eval_on_selector("select[name=category]", "e => e.value")
    shown = _slugs(page)
    assert chosen and shown and shown == sorted(s for s, c in categories.items() if c == chosen)
    assert len(shown) < len(everything)
    # Reset: reached with Tab, pressed with Space; then Enter on a card opens its page.
    _tab_to(page, lambda f: "cg-reset" in f["cls"], limit=6)
    page.keyboard.press("Space")
    page.wait_for_selector(".cg:not([data-filtered])")
    assert _slugs(page) == everything
    assert page.eval_on_selector("select[name=category]", "e => e.value") == ""
    card = _tab_to(page, lambda f: "cg-link" in f["cls"], limit=10)
    page.keyboard.press("Enter")
    page.wait_for_url("**" + card["href"].lstrip("."))
    assert page.url.rstrip("/").endswith(card["href"].rstrip("/").split("/")[-1])


KEEPS_FOCUS = """() => {
  const link = document.querySelector(".cg-card:not([hidden]) .cg-link");
  link.focus();
  // What a blur or a late input timer sends after the filters were already applied.
  document.querySelector(".cg form").dispatchEvent(new Event("change"));
  return new Promise(done => setTimeout(() => done(
    document.activeElement === link && link.isConnected), 300));
}"""


def test_a_repeated_filter_event_leaves_the_focus_on_its_card(desktop: Any, served: str) -> None:
    """A change event that changes nothing (the blur after a reset, an input timer that
    fires late) must not rebuild the cards under a keyboard user's focus."""
    page = desktop
    page.goto(served + "gallery/")
    assert page.evaluate(KEEPS_FOCUS), "unfiltered: the focused card was rebuilt"
    page.fill("input[name=q]", "주차")
    page.wait_for_selector(".cg[data-filtered]")
    page.wait_for_timeout(300)  # the input event's own timer has fired
    assert page.evaluate(KEEPS_FOCUS), "filtered: the focused card was rebuilt"


def test_keyboard_walk_through_the_site_search(desktop: Any, served: str) -> None:
    page = desktop
    page.goto(served)
    skip = _tab_to(page, lambda f: "md-skip" in f["cls"], limit=1)
    assert skip["href"].startswith("#")
    _tab_to(page, lambda f: f["name"] == "query")
    page.keyboard.type("와이파이")
    found = ".md-search-result__item > a[href*='entries/wifi-finder/']"
    # Material searches on keyup, in a worker that may still be loading the index: a
    # further key press (End, which changes nothing) asks again once it is ready.
    for _ in range(30):
        if page.query_selector(found) is not None:
            break
        page.keyboard.press("End")
        page.wait_for_timeout(500)
    page.wait_for_selector(found)
    # Material's search moves through its results with the arrow keys (its keyboard model).
    result = _tab_to(page, lambda f: "entries/wifi-finder/" in f["href"], limit=10,
                     key="ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/entries/wifi-finder/**")
    assert result["href"]
    # The entry page's skip link is the first stop and lands on the title.
    skip = _tab_to(page, lambda f: "md-skip" in f["cls"], limit=1)
    assert skip["href"] == "#entry-title"
    page.keyboard.press("Enter")
    assert page.url.endswith("#entry-title")


OUTLINE = """() => ({
  levels: [...document.querySelectorAll("article h1, article h2, article h3, article h4,"
                                        + " article h5, article h6")]
    .map(h => Number(h.tagName[1])),
  emptyHeaders: [...document.querySelectorAll("article th")]
    .filter(th => !th.textContent.trim()).length,
  skip: [...document.querySelectorAll("a.md-skip")].map(a => a.getAttribute("href")),
})"""


@pytest.mark.parametrize("name", list(PAGES))
def test_outline_skips_no_level_and_every_column_is_named(
    desktop: Any, served: str, name: str
) -> None:
    # axe files heading order under "best practice", not under a WCAG tag: checked here.
    desktop.goto(served + PAGES[name])
    outline = desktop.evaluate(OUTLINE)
    levels = outline["levels"]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in pairwise(levels):
        assert after <= before + 1, f"h{before} -> h{after} in {levels}"
    assert outline["emptyHeaders"] == 0
    assert len(outline["skip"]) == 1 and outline["skip"][0].startswith("#")
