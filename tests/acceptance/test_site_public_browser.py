"""The showcase as the public meets it, in headless Chromium, deployed under a sub-path.

The example contest's fifteen entries are built with `site_url` set to a
GitHub Pages project address (https://example-org.github.io/repo/) and served
from 127.0.0.1 under /repo/, with a server that answers unknown addresses
with the site's 404.html as GitHub Pages does. Search, gallery filters kept
in the address, the 404 page and the Korean web font are checked as a
visitor would meet them.
"""

from __future__ import annotations

import http.server
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from contestkit import REPO as ROOT

from site_builder.site.build import build_site
from site_builder.site.engine import current_time
from site_builder.site.pages.gallery import PAGE_SIZE
from tests.browserkit import guarded_page, launch, require_chromium, serve
from tests.showcase_repo import make_repo

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.browser, pytest.mark.slow]  # a whole site built, then Chromium

SUB_PATH = "/repo/"
SITE_URL = "https://example-org.github.io/repo/"
ALL_ENTRIES = tuple(sorted(p.name for p in (ROOT / "entries").iterdir() if p.is_dir()))


class _PagesLike(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only; anything missing gets 404.html, as GitHub Pages does."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / SUB_PATH.strip("/") / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    base = tmp_path_factory.mktemp("public")
    repo = make_repo(base / "repo", examples=ALL_ENTRIES, extra=False, results=True, git=False)
    config = (repo / "contest.yml").read_text("utf-8")
    config = re.sub(r"(?m)^site_url:.*\n", "", config)
    (repo / "contest.yml").write_text(
        config.replace("language: ko\n", f"language: ko\nsite_url: {SITE_URL}\n", 1), "utf-8"
    )
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    root = base / "www"
    build_site(repo, root / SUB_PATH.strip("/"), now=current_time())
    with serve(root, _PagesLike) as address:
        yield f"{address}{SUB_PATH}"


@pytest.fixture(scope="module")
def browser(served: str) -> Iterator[Any]:
    with launch() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    with guarded_page(browser, served[: -len(SUB_PATH) + 1]) as tab:
        tab.failed = []
        tab.on(
            "response",
            lambda response: tab.failed.append(response.url) if response.status >= 400 else None,
        )
        yield tab


def _slugs(urls: list[str]) -> set[str]:
    return {u.split("/entries/")[1].split("/")[0] for u in urls if "/entries/" in u}


SEARCHES = {
    # tags (indexed without their "#")
    "안전": {"safe-way-home", "school-zone-walk", "shelter-now"},
    "야간": {"safe-way-home"},
    "통신비절감": {"wifi-finder"},
    "길안내": {"safe-way-home", "bike-tour-course"},
    "생활정보": {"wifi-finder", "recycle-guide"},
    # words that appear only in descriptions
    "주민센터": {"wifi-finder"},
    "SSID": {"wifi-finder"},
    "도서관": {"wifi-finder"},
    # the Latin spelling of a word the entry writes in Hangul (와이파이)
    "wifi": {"wifi-finder"},
}


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_finds_tags_descriptions_and_spellings(page: Any, served: str, query: str) -> None:
    expected = SEARCHES[query]
    page.goto(served)
    box = "input[data-md-component=search-query]"
    page.click(box)
    page.fill(box, query)
    page.press(box, "End")  # Material reads the query on keyup, which fill() does not send
    wanted = " && ".join(
        f"document.querySelector(\".md-search-result__item > a[href*='entries/{s}/']\")"
        for s in sorted(expected)
    )
    page.wait_for_function(f"() => Boolean({wanted})")
    found = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert expected <= _slugs(found), (query, _slugs(found))


def _cards(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".cg-card .cg-link", "els => els.map(e => e.getAttribute('href').split('/').at(-2))"
    )


def test_show_more_is_hidden_until_there_is_more(page: Any, served: str) -> None:
    page.goto(served + "gallery/")
    assert len(_cards(page)) == len(ALL_ENTRIES)
    assert not page.locator(".cg-more").is_visible()
    # What a click did before: "no entry matches" above the static cards.
    page.evaluate("document.querySelector('.cg-more').click()")
    assert "조건에 맞는" not in page.inner_text(".cg")
    assert len(_cards(page)) == len(ALL_ENTRIES)
    page.select_option("select[name=category]", "safety")
    page.wait_for_selector(".cg[data-filtered]")
    assert "조건에 맞는" not in page.inner_text(".cg-count")
    assert not page.locator(".cg-more").is_visible()  # every match is shown already


def test_show_more_adds_the_next_batch_of_matches(page: Any, served: str) -> None:
    # Batches are 48 cards; fifteen entries never fill one, so this gallery page is
    # served with batches of 2 (the script reads the size from the page).
    def smaller_batches(route: Any) -> None:
        response = route.fetch()
        body = response.text().replace(
            f'data-page-size="{PAGE_SIZE}"', 'data-page-size="2"', 1
        )
        route.fulfill(response=response, body=body)

    page.route(served + "gallery/", smaller_batches)
    page.goto(served + "gallery/")
    page.select_option("select[name=category]", "safety")
    page.wait_for_selector(".cg[data-filtered]")
    assert len(_cards(page)) == 2
    more = page.locator(".cg-more")
    assert more.is_visible()
    assert page.inner_text(".cg-count") == "2 / 3개 표시"
    more.click()
    assert sorted(_cards(page)) == ["safe-way-home", "school-zone-walk", "shelter-now"]
    assert page.inner_text(".cg-count") == "3 / 3개 표시"
    assert not more.is_visible()


def test_gallery_filters_live_in_the_address(page: Any, served: str) -> None:
    page.goto(served + "gallery/")
    page.select_option("select[name=category]", "safety")
    page.wait_for_selector(".cg[data-filtered]")
    page.focus("select[name=tag]")
    page.wait_for_selector("select[name=tag] option[value='야간']", state="attached")
    page.select_option("select[name=tag]", "야간")
    page.wait_for_function("() => location.search.includes('tag=')")
    assert _cards(page) == ["safe-way-home"]
    shared = page.url
    assert "category=safety" in shared

    # Back from an entry: the same filters and cards.
    page.click(".cg-card .cg-link")
    page.wait_for_url("**/entries/safe-way-home/")
    page.go_back()
    page.wait_for_selector(".cg[data-filtered]")
    assert page.url == shared
    assert page.input_value("select[name=category]") == "safety"
    assert page.input_value("select[name=tag]") == "야간"
    assert _cards(page) == ["safe-way-home"]

    # A shared address opens the same view in a new tab.
    other = page.context.new_page()
    other.goto(served + "gallery/?find=%EC%A3%BC%EC%B0%A8")  # 주차
    other.wait_for_selector(".cg[data-filtered]")
    assert other.input_value("input[name=q]") == "주차"
    assert _cards(other) == ["parking-compare"]
    # Clearing the filters clears the address.
    other.click(".cg-reset")
    other.wait_for_selector(".cg:not([data-filtered])")
    other.wait_for_function("() => location.search === ''")
    assert len(_cards(other)) == len(ALL_ENTRIES)


def test_pages_and_the_404_page_work_under_a_project_path(page: Any, served: str) -> None:
    for path in ("", "gallery/", "entries/wifi-finder/", "results/"):
        page.goto(served + path)
        assert page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.failed == []
    response = page.goto(served + "no/such/page/")
    assert response is not None and response.status == 404
    page.wait_for_load_state("load")
    # Material's stylesheet and the header's links resolve under /repo/.
    assert page.failed == [served + "no/such/page/"]
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position"
    ) in ("sticky", "fixed")
    home = page.get_attribute(".md-header__button.md-logo", "href")
    assert home is not None and page.evaluate(f"new URL({home!r}, location.href).href") == served
    page.click(".md-header__button.md-logo")
    page.wait_for_url(served)


def test_hangul_renders_with_the_bundled_font(page: Any, served: str) -> None:
    page.goto(served)
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    loaded = page.evaluate(
        "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Contest Sans KR" in family for family in loaded), loaded
    assert page.evaluate("() => document.fonts.check('16px \"Contest Sans KR\"', '공모전')")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).wordBreak") == (
        "keep-all"
    )
