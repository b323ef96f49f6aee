"""Rendered descriptions, cached on disk by content hash.

Rendering and sanitizing a description costs a few milliseconds; at
thousands of entries that is most of what the hooks add to a MkDocs build.
Descriptions rarely change between builds, so their HTML is kept in one
JSON file under .cache/, keyed by the SHA-256 of the text and the versions
that shape the output (ours, Python-Markdown's, nh3's). A corrupt or
missing cache only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

import markdown
import nh3

from site_builder.submissions.entries import Entry
from site_builder.site.safe import RENDER_VERSION, description_html

CACHE_FILE = Path(".cache") / "showcase-descriptions.json"
_SALT = f"{RENDER_VERSION}|{markdown.__version__}|{getattr(nh3, '__version__', '?')}|"


def _key(description: str) -> str:
    return hashlib.sha256((_SALT + description).encode("utf-8")).hexdigest()


def rendered_descriptions(cache_file: Path, entries: Iterable[Entry]) -> dict[str, str]:
    """slug -> sanitized description HTML, from the cache where possible."""
    try:
        cached = json.loads(cache_file.read_text("utf-8"))
        if not isinstance(cached, dict):
            cached = {}
    except (OSError, ValueError):
        cached = {}
    used: dict[str, str] = {}
    result: dict[str, str] = {}
    for entry in entries:
        key = _key(entry.description)
        html = cached.get(key)
        if not isinstance(html, str):
            html = description_html(entry.description)
        used[key] = html
        result[entry.slug] = html
    if any(key not in cached for key in used):
        # Keep other keys too (a --only preview must not evict the rest), within reason.
        merged = {**cached, **used} if len(cached) < 4 * max(len(used), 1000) else used
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(merged, ensure_ascii=False), "utf-8")
        temporary.replace(cache_file)
    return result
