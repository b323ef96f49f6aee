"""Search keys: description words within a budget, rarest first; other spellings; separators."""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.site.search import (
    DESCRIPTION_MAX,
    DESCRIPTION_TOTAL,
    description_budget,
    entry_keys,
    plain_text,
    ranked_words,
    variants,
)

ROOT = Path(__file__).resolve().parents[2]


def test_description_words_are_kept_within_the_budget_rarest_first() -> None:
    descriptions = {
        "a": "서비스 지도 주민센터 SSID 안내",
        "b": "서비스 지도 도서관 안내",
        "c": "서비스 지도 안내",
    }
    ranked = ranked_words(descriptions)
    assert ranked["a"][:2] == ["주민센터", "ssid"]  # used by one entry only: first
    assert ranked["a"][-3:] == ["서비스", "지도", "안내"]  # used by all three: last
    keys = entry_keys("제목", "요약", [], descriptions["a"], ranked["a"], budget=10).split()
    assert "주민센터" in keys and "ssid" in keys and "서비스" not in keys
    spent = sum(len(w) + 1 for w in keys if w in ranked["a"])
    assert spent <= 10


def test_the_budget_is_shared_so_the_index_stays_bounded() -> None:
    assert description_budget(15) == DESCRIPTION_MAX
    assert description_budget(5000) * 5000 <= DESCRIPTION_TOTAL
    assert description_budget(5000) >= 30  # still a few distinctive words each


def test_words_already_in_the_title_summary_or_tags_are_not_repeated() -> None:
    words = ranked_words({"x": "공공와이파이 지도 도서관"})["x"]
    keys = entry_keys("공공와이파이 찾기", "지도로 봅니다", ["지도"], "", words, 600).split()
    assert keys.count("도서관") == 1 and "지도" not in keys and "공공와이파이" not in keys


def test_other_spellings() -> None:
    assert "wifi" in variants(["무료 Wi\u2011Fi 존"])  # a non-breaking hyphen
    assert "wifi" in variants(["공공 wi-fi"])
    assert "wifi" in variants(["우리동네 공공와이파이"])
    assert variants(["도서관"]) == {}


def test_plain_text_drops_markup_and_entities() -> None:
    assert plain_text("<p>a&amp;b<br><strong>도서관</strong>&#10;끝</p>").split() == [
        "a&b",
        "도서관",
        "끝",
    ]


def test_every_browser_separator_also_separates_keys() -> None:
    # The keys are split in the browser by mkdocs.yml's separator: a key that the
    # browser would split again could never be matched whole.
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    separator = re.search(r"separator: '(.*)'", config)
    assert separator is not None
    browser = re.compile(separator.group(1))
    marks = " -_,:;!?=[]()\"/·.~#\u2010\u2011\u2015"
    words = [f"w{chr(ord('a') + i)}" for i in range(len(marks) + 1)]
    sample = words[0] + "".join(mark + word for mark, word in zip(marks, words[1:], strict=True))
    assert browser.split(sample) == words  # each mark separates in the browser
    keys = entry_keys("", "", [], sample, ranked_words({"x": sample})["x"], 600).split()
    assert set(words) <= set(keys)  # and in the keys (with joined spellings: wb-wc -> wbwc)
    assert "wbwc" in keys
    assert all(browser.split(key) == [key] for key in keys), keys
