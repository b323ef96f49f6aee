"""Korean search: make tags, descriptions and the inner part of compounds findable.

Material's search (lunr) matches whole tokens and, since it appends a
trailing wildcard to each query term, their prefixes. Three things it would
miss get an extra field, `keys`, that Material's worker indexes like title
and text (it reads the field list from the index's config):

* Korean writes compounds without spaces (공공와이파이) and attaches
  particles (와이파이를): 와이파이 finds nothing in 공공와이파이. Any substring
  is a prefix of some suffix, so every Hangul word of an entry's title,
  summary and tags contributes its suffixes (of at least MIN_SUFFIX
  syllables).
* The description is kept out of the page's indexed text (it can be long and
  is entrant HTML); its distinct words, as plain text, are indexed here, so
  도서관 or SSID in a description finds the entry. The index must stay small
  at 5,000 entries (2.5 MB), so a fixed total is shared out between entries
  and each keeps its words that are rarest in the contest.
* The same word written another way: Wi-Fi / Wi‑Fi (any hyphen) also gives
  wifi, and a few loanwords that entries write in Hangul also give the Latin
  word people type (와이파이 -> wifi).

Kept from flooding: suffixes of at least two syllables, words of at most
MAX_WORD syllables, no duplicates, and a low boost so whole-word matches
still rank first.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

FIELD = "keys"
BOOST = 0.3
MIN_SUFFIX = 2
MAX_WORD = 16
DESCRIPTION_MAX = 600
DESCRIPTION_TOTAL = 200_000
"""Characters of description words in the whole index (about 500 KB of UTF-8): a
small contest indexes whole descriptions (up to DESCRIPTION_MAX characters an
entry), 5,000 entries 40 characters each of their rarest words."""
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
# The same characters as the separator in mkdocs.yml's search plugin, plus
# every Unicode hyphen and dash, so a word here is a word in the browser.
_SEPARATOR = re.compile(r"[\s\-_,:;!?=\[\]()\"'/·.~#<>*`|{}\u2010-\u2015\u2212]+")
_HYPHENATED = re.compile(r"[A-Za-z0-9]+(?:[-\u2010-\u2015\u2212][A-Za-z0-9]+)+")
_TAG = re.compile(r"<[^>]*>")
# Sentence endings and long particles: their suffixes (니다, 스입니다) are
# never searched for, and the whole word stays indexed in the page text.
_ENDING = re.compile(r"(?:입니다|습니다|합니다|됩니다|니다|세요|에서|으로|에게|까지|부터)$")
# Loanwords entries write in Hangul that people also search in Latin letters.
ALIASES = {
    "와이파이": "wifi",
    "블루투스": "bluetooth",
    "씨씨티비": "cctv",
    "챗봇": "chatbot",
    "스마트폰": "smartphone",
}


def suffix_keys(texts: Iterable[str]) -> str:
    """The extra search tokens for these texts, space-separated, in first-seen order."""
    return " ".join(_suffixes(texts))


def _suffixes(texts: Iterable[str]) -> dict[str, None]:
    seen: dict[str, None] = {}
    for value in texts:
        for run in _HANGUL_RUN.findall(value):
            if len(run) > MAX_WORD:
                run = run[:MAX_WORD]
            run = _ENDING.sub("", run) or run
            # The word itself is already indexed (title/text); add proper suffixes only.
            for start in range(1, len(run) - MIN_SUFFIX + 1):
                seen.setdefault(run[start:], None)
    return seen


def plain_text(description_html: str) -> str:
    """The words of sanitized description HTML, without its markup."""
    return html.unescape(_TAG.sub(" ", description_html))


def _words(value: str) -> list[str]:
    return [w for w in _SEPARATOR.split(value.casefold()) if w]


def variants(texts: Iterable[str]) -> dict[str, None]:
    """Other spellings of the words in these texts: wi-fi -> wifi, 와이파이 -> wifi."""
    found: dict[str, None] = {}
    for value in texts:
        for compound in _HYPHENATED.findall(value):
            found.setdefault(_SEPARATOR.sub("", compound.casefold()), None)
        for hangul, latin in ALIASES.items():
            if hangul in value:
                found.setdefault(latin, None)
    return found


def ranked_words(descriptions: Mapping[str, str]) -> dict[str, list[str]]:
    """slug -> the distinct words of its description (plain text), rarest in the contest first.

    A word few entries use (주민센터, SSID) tells entries apart; one every
    entry uses (서비스, 있습니다) does not, so when the budget runs out it is
    the common words that are left out.
    """
    words = {
        slug: list(dict.fromkeys(w for w in _words(value) if len(w) >= 2))
        for slug, value in descriptions.items()
    }
    frequency: Counter[str] = Counter()
    for found in words.values():
        frequency.update(found)
    return {
        slug: sorted(found, key=lambda w: frequency[w])  # stable: first-seen among equals
        for slug, found in words.items()
    }


def description_budget(entries: int) -> int:
    """Characters of description words each entry may add: shared out of DESCRIPTION_TOTAL."""
    return min(DESCRIPTION_MAX, DESCRIPTION_TOTAL // max(entries, 1))


def entry_keys(
    title: str,
    summary: str,
    tags: Iterable[str],
    description: str = "",
    words: Iterable[str] = (),
    budget: int = 0,
) -> str:
    """Everything an entry adds to `keys`: suffixes, variants and description words.

    `description` is the description's plain text (see plain_text), `words`
    its words in the order they should be kept (ranked_words), of which at
    most `budget` characters are added; words the title, summary or tags
    already hold are not repeated.
    """
    head = [title, summary, *tags]
    keys = _suffixes(head)
    keys.update(variants([*head, description]))
    known = set(keys) | {w for value in head for w in _words(value)}
    for word in words:
        if word in known:
            continue
        if len(word) + 1 > budget:
            break
        known.add(word)
        keys.setdefault(word, None)
        budget -= len(word) + 1
    return " ".join(keys)


def add_keys(index_path: Path, keys_by_location: dict[str, str]) -> dict[str, int]:
    """Add `keys` to the search index Material wrote; returns sizes before and after.

    Material writes the index with ASCII escapes (6 bytes a Hangul syllable);
    it is written back as UTF-8 (3 bytes), which more than pays for the keys.
    """
    raw = index_path.read_bytes()
    index: dict[str, Any] = json.loads(raw)
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields.setdefault(FIELD, {"boost": BOOST})
    for doc in index.get("docs", []):
        keys = keys_by_location.get(doc.get("location", ""))
        if keys:
            doc[FIELD] = keys
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    index_path.write_bytes(data)
    return {"before": len(raw), "after": len(data)}
