"""Korean search: make the inner part of a compound word findable.

Korean writes compounds without spaces (공공와이파이, 무료와이파이존) and
attaches particles (와이파이를). Material's search (lunr) matches whole
tokens and, since it appends a trailing wildcard to each query term, their
prefixes: 와이파이 finds nothing in 공공와이파이. Any substring is a prefix
of some suffix, so every Hangul word of an entry's title, summary and tags
also contributes its suffixes (of at least MIN_SUFFIX syllables) to an extra
field, `keys`, that Material's worker indexes like title and text (it reads
the field list from the index's config). 와이파이* then matches the suffix
와이파이 of 공공와이파이.

Kept from flooding: only title, summary and tags (never descriptions),
suffixes of at least two syllables, words of at most MAX_WORD syllables, no
duplicates, and a low boost so whole-word matches still rank first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FIELD = "keys"
BOOST = 0.3
MIN_SUFFIX = 2
MAX_WORD = 16
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")


def suffix_keys(texts: Iterable[str]) -> str:
    """The extra search tokens for these texts, space-separated, in first-seen order."""
    seen: dict[str, None] = {}
    for value in texts:
        for run in _HANGUL_RUN.findall(value):
            if len(run) > MAX_WORD:
                run = run[:MAX_WORD]
            # The word itself is already indexed (title/text); add proper suffixes only.
            for start in range(1, len(run) - MIN_SUFFIX + 1):
                seen.setdefault(run[start:], None)
    return " ".join(seen)


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
