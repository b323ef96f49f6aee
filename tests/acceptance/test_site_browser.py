"""The built showcase in a real headless Chromium: gallery, filters, entry pages, search, XSS.

One small contest is built once (examples, a compound-word entry, an entry
made of XSS payloads, a broken screenshot) and served from 127.0.0.1.
Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM); Playwright's own
browser download is not used. Every request to another host is recorded and
must not happen: the site fetches nothing from outside.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from site_builder.site.build import build_site
from site_builder.site.engine import current_time
from tests.browserkit import guarded_page, launch, require_chromium, serve
from tests.showcase_repo import XSS_SERVICE, XSS_TITLE, make_repo

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXAMPLES = ("wifi-finder", "air-walk", "shelter-now", "parking-compare", "shop-start-check")
ACCEPTED = {*EXAMPLES, "public-wifi", "xss-probe"}  # broken-image: refused, left out
# Anything the payloads could have injected: a script mentioning alert, an element
# with an event-handler attribute, active or foreign content in the page body.
INJECTED = """() => [
  ...[...document.scripts].filter(s => s.textContent.includes("alert")).map(s => "script"),
  ...[...document.querySelectorAll("*")].flatMap(e => [...e.attributes]
      .filter(a => a.name.startsWith("on")).map(a => e.tagName + "[" + a.name + "]")),
  ...[...document.querySelectorAll(
      ".md-content iframe, .md-content article svg, .md-content details, .md-content style,"
      + " img[src*='evil'], a[href^='javascript'], [href*='javascript:'], [markdown]")]
      .map(e => e.tagName),
]"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    base = tmp_path_factory.mktemp("browser")
    repo = make_repo(base / "repo", examples=EXAMPLES, results=True)
    build_site(repo, base / "site", now=current_time())
    with serve(base / "site") as address:
        yield f"{address}/"


@pytest.fixture(scope="module")
def browser(served: str) -> Iterator[Any]:
    with launch() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    with guarded_page(browser, served) as tab:
        tab.dialogs = []
        tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
        yield tab


def _cards(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".cg-card .cg-link", "els => els.map(e => e.getAttribute('href'))"
    )


def test_gallery_shows_every_accepted_card(page: Any, served: str) -> None:
    page.goto(served + "gallery/")
    hrefs = _cards(page)
    assert {h.split("/")[-2] for h in hrefs} == ACCEPTED
    widths = page.eval_on_selector_all(".cg-thumb", "els => els.map(e => e.getAttribute('width'))")
    assert all(w for w in widths)


def test_filtering_by_category_shows_exactly_that_category(page: Any, served: str) -> None:
    page.goto(served + "gallery/")
    page.select_option("select[name=category]", "safety")
    page.wait_for_selector(".cg[data-filtered]")
    categories = page.eval_on_selector_all(".cg-card", "els => els.map(e => e.dataset.category)")
    slugs = {h.split("/")[-2] for h in _cards(page)}
    assert categories and set(categories) == {"safety"}
    assert slugs == {"shelter-now", "xss-probe"}
    page.select_option("select[name=category]", "")
    page.wait_for_selector(".cg:not([data-filtered])")
    assert len(_cards(page)) == len(ACCEPTED)
    page.fill("input[name=q]", "주차")
    page.wait_for_selector(".cg[data-filtered]")
    assert {h.split("/")[-2] for h in _cards(page)} == {"parking-compare"}


def test_entry_page_shows_screenshots_and_working_links(page: Any, served: str) -> None:
    page.goto(served + "entries/wifi-finder/")
    image = page.locator(".entry-shot img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.entry-shot img').naturalWidth > 0")
    assert image.get_attribute("loading") == "lazy"
    go = page.locator("a.entry-go")
    assert go.get_attribute("href") == "https://wifi-finder.example.org/"
    assert go.inner_text().startswith("서비스 바로 가기")
    assert "nofollow" in go.get_attribute("rel")
    assert (
        page.locator("a.entry-link", has_text="소스 코드").get_attribute("href")
        == "https://git.example.org/wifi-finder"
    )
    back = page.locator(".entry-back a")
    back.click()
    page.wait_for_url(served + "gallery/")


def _search(page: Any, served: str, query: str, expect: str = "") -> list[str]:
    page.goto(served)
    box = "input[data-md-component=search-query]"
    page.click(box)
    page.fill(box, query)
    page.press(box, "End")  # Material reads the query on keyup, which fill() does not send
    page.wait_for_selector(
        f".md-search-result__item > a[href*='{expect}']" if expect else ".md-search-result__meta"
    )
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def test_korean_search_finds_a_whole_word(page: Any, served: str) -> None:
    found = _search(page, served, "공공와이파이", "entries/wifi-finder/")
    assert any("entries/wifi-finder/" in url for url in found)


def test_korean_search_finds_the_inner_part_of_a_compound(page: Any, served: str) -> None:
    # public-wifi's title is 공공와이파이지도: 와이파이 appears only inside the compound.
    found = _search(page, served, "와이파이", "entries/public-wifi/")
    assert any("entries/public-wifi/" in url for url in found)


def test_xss_payloads_render_as_inert_text(page: Any, served: str) -> None:
    page.goto(served + "entries/xss-probe/")
    page.hover("a.entry-go")
    page.hover(".entry-team")
    assert page.title().startswith(XSS_TITLE)
    # The title's own text, without the permalink (¶) that the toc extension appends.
    assert page.eval_on_selector("h1#entry-title", "h => h.firstChild.textContent") == XSS_TITLE
    assert "&lt;script&gt;alert('s2')&lt;/script&gt; {{ config }}" in page.inner_text(
        ".entry-summary"
    )
    description = page.inner_text(".entry-description")
    assert "<script>alert('d10')</script>" in description
    assert "{% raw %}" in description and "{{ config.site_name }}" in description
    assert page.locator("a.entry-go").get_attribute("href") == XSS_SERVICE
    assert page.evaluate(INJECTED) == []
    for path in ("gallery/", "public-data/", "results/"):
        page.goto(served + path)
        assert page.evaluate(INJECTED) == [], path
    page.goto(served + "gallery/")
    page.fill("input[name=q]", "alert")
    page.wait_for_selector(".cg[data-filtered] .cg-card")
    assert XSS_TITLE in page.inner_text(".cg-list")
    assert page.evaluate(INJECTED) == []
    _search(page, served, "alert", "entries/xss-probe/")
    assert page.evaluate(INJECTED) == []
    page.wait_for_timeout(300)  # let any handler that slipped through fire
    assert page.dialogs == []
