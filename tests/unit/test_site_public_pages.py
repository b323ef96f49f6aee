"""Pages as a citizen reads them: the example contest's real results, explained in Korean;
link previews; the Atom feed. Generated from the repository's own contest.yml, entries
and results/*.json (pure generation: no build, no git)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

from site_builder.site import results as results_module
from site_builder.site.model import SiteInput
from site_builder.site.pages import generate
from site_builder.site.pages.common import entry_page
from site_builder.site.sharing import FEED, head_tags, previews
from tests.showcase_repo import XSS_SUMMARY, XSS_TITLE
from tests.unit.test_site_pages import NOW, _contest, _entries, _pictures

ROOT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
ALL = tuple(sorted(p.name for p in (ROOT / "entries").iterdir() if p.is_dir()))
# contest.yml values that must never reach a visitor's sentence.
TOKENS = re.compile(r"\b(trimmed|additive|zscore|top_marks|criterion:|tie_break|min_judges)\b")


def _real_site(**changes: object) -> SiteInput:
    entries = _entries(ALL)
    site = SiteInput(
        contest=_contest(),
        entries=entries,
        now=NOW,
        results=tuple(
            results_module.from_data(json.loads((ROOT / "results" / f"{r}.json").read_text()))
            for r in ("first", "final")
        ),
        updated={e.slug: datetime(2015, 11, 1 + i, tzinfo=UTC) for i, e in enumerate(entries)},
        pictures=_pictures(entries),
        commit="fedcba9876543210fedcba9876543210fedcba98",
    )
    return replace(site, **changes)  # type: ignore[arg-type]


def _visible(markdown: str) -> str:
    """A page's text as a visitor reads it: no front matter, code, tags or addresses."""
    body = markdown.split("\n---\n", 1)[-1]
    body = re.sub(r"```.*?```", " ", body, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\]\([^)]*\)", "]", body)


def test_a_lead_inside_the_standard_errors_is_said_plainly() -> None:
    page = generate(_real_site()).pages["results/index.md"]
    final = page.split("## 2차 심사 (시연)", 1)[1]
    first = page.split("## 1차 심사 (서면)", 1)[1].split("## 2차 심사", 1)[0]
    close = re.findall(r'<p class="contest-close">(.*?)</p>', final)
    assert len(close) == 1
    said = close[0]
    leader, second = _title("jeonse-safe-check"), _title("shelter-now")
    assert said.startswith(f"{leader}(85.92점)과 {second}(85.84점)")
    assert "차이 0.08점은 표준오차(2.13, 1.51) 안에 있습니다" in said
    assert "바뀌었을 수도 있을 만큼 가까운 차이" in said
    # In the first round the 6th/7th gap (73.01 vs 68.59) is well outside: nothing said.
    assert "contest-close" not in first


def _title(slug: str) -> str:
    return next(e.title for e in _entries((slug,)))


def test_the_results_page_explains_its_columns_in_korean() -> None:
    page = generate(_real_site()).pages["results/index.md"]
    explained = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page))
    assert {"점수", "원점수 평균", "표준오차", "관대함 (보정값)"} <= set(explained)
    assert "관대함" in explained["점수"] and "보정" in explained["점수"]
    assert "보정하기 전" in explained["원점수 평균"]
    assert "순위가 바뀌었을 수도" in explained["표준오차"]


def test_no_config_token_reaches_a_korean_sentence() -> None:
    out = generate(_real_site())
    leaks = {
        path: TOKENS.findall(_visible(markdown))
        for path, markdown in out.pages.items()
        if TOKENS.search(_visible(markdown))
    }
    assert leaks == {}


def test_trimming_is_only_claimed_where_it_applied() -> None:
    out = generate(_real_site())
    # jeonse-safe-check had 4 judges in the first round (a conflict of interest), 5 in the final.
    page = out.pages[entry_page("jeonse-safe-check")]
    notes = re.findall(r'<p class="entry-score-note">(.*?)</p>', page)
    assert len(notes) == 2
    first, final = notes
    assert "심사위원 4명" in first and "5명보다 적어 점수를 빼지 않고" in first
    assert "가장 높은 점수와 가장 낮은 점수를 하나씩 빼고" not in first
    assert "심사위원 5명" in final and "가장 높은 점수와 가장 낮은 점수를 하나씩 빼고" in final


def test_the_home_page_shows_the_winners_first() -> None:
    home = generate(_real_site()).pages["index.md"]
    winners = home.index('<ul class="cg-list contest-winners">')
    assert winners < home.index("## 한눈에 보기")
    cards = re.findall(r'href="entries/([^/]+)/"', home[winners:].split("</ul>", 1)[0])
    final = json.loads((ROOT / "results" / "final.json").read_text("utf-8"))
    assert cards[0] == final["awards"]["grand"][0]
    assert len(cards) == sum(len(v) for v in final["awards"].values())
    assert '<a class="md-button md-button--primary" href="results/">심사 결과 전체 보기</a>' in home
    unpublished = generate(_real_site(results=())).pages["index.md"]
    assert "contest-winners" not in unpublished and 'href="results/"' not in unpublished


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.elements: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        values = dict(attrs)
        key = values.get("property") or values.get("name")
        if tag == "meta" and key:
            self.meta[key] = values.get("content") or ""


def test_link_previews_name_the_entry_and_its_first_screenshot() -> None:
    site = _real_site()
    src = entry_page("wifi-finder")
    card = previews(site)[src]
    url = "https://example.org/contest/"
    parser = _Meta()
    parser.feed(head_tags(url, "공모전 <b>", "ko", src, card))
    assert parser.elements == ["meta"] * len(parser.meta)
    assert parser.meta["og:title"] == parser.meta["twitter:title"] == _title("wifi-finder")
    assert parser.meta["og:site_name"] == "공모전 <b>"
    assert parser.meta["og:url"] == url + "entries/wifi-finder/"
    assert parser.meta["og:image"] == url + "entries/wifi-finder/shot-1.webp"
    assert parser.meta["twitter:card"] == "summary_large_image"
    # Without site_url there is no absolute address to give: no og:url, no image.
    bare = _Meta()
    bare.feed(head_tags(None, "공모전", "ko", src, card))
    assert "og:url" not in bare.meta and "og:image" not in bare.meta
    assert bare.meta["twitter:card"] == "summary"


def test_link_previews_keep_entrant_text_inert() -> None:
    card = replace(previews(_real_site())[entry_page("wifi-finder")], title=XSS_TITLE,
                   description=XSS_SUMMARY)
    parser = _Meta()
    parser.feed(head_tags(None, "공모전", "ko", entry_page("wifi-finder"), card))
    assert set(parser.elements) == {"meta"}
    assert parser.meta["og:title"] == XSS_TITLE
    assert parser.meta["og:description"] == XSS_SUMMARY


def test_the_atom_feed_lists_entries_and_results_with_text_escaped() -> None:
    site = _real_site()
    hostile = replace(site.entries[0], title=XSS_TITLE + " & <b>", summary=XSS_SUMMARY)
    site = replace(site, entries=(hostile, *site.entries[1:]))
    feed = ET.fromstring(generate(site).files[FEED])
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(ALL) + 2  # every entry, and two published rounds
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i and i.startswith("https://") for i in ids)
    for item in entries:
        for required in ("id", "title", "updated", "summary"):
            assert item.find(f"{ATOM}{required}") is not None, required
        datetime.fromisoformat(item.findtext(f"{ATOM}updated") or "")
        assert item.find(f"{ATOM}link[@rel='alternate']") is not None
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert XSS_TITLE + " & <b>" in titles
    assert XSS_SUMMARY in [e.findtext(f"{ATOM}summary") for e in entries]
    assert "심사 결과 발표: 2차 심사 (시연)" in titles
    stamps = [datetime.fromisoformat(e.findtext(f"{ATOM}updated") or "") for e in entries]
    assert stamps == sorted(stamps, reverse=True)  # newest first
    # Without site_url: ids are still absolute (urn:uuid) and stable, links relative.
    bare = replace(site, contest=replace(site.contest, site_url=None))
    plain = ET.fromstring(generate(bare).files[FEED])
    bare_ids = [e.findtext(f"{ATOM}id") for e in plain.findall(f"{ATOM}entry")]
    assert all(i and i.startswith("urn:uuid:") for i in bare_ids)
    assert bare_ids == [e.findtext(f"{ATOM}id") for e in
                        ET.fromstring(generate(bare).files[FEED]).findall(f"{ATOM}entry")]
