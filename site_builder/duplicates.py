"""Duplicate entries: the same title or the same service under two slugs.

Registries catch duplicates by hand; here titles are compared after NFKC
normalization, case folding and removing white space (so "공공 와이파이" and
"공공와이파이", or full-width and half-width letters, collide), and service
addresses after `links.normalize` (scheme, www., default port, trailing slash).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from site_builder import links
from site_builder.entries import ENTRIES_DIR, MANIFEST, manifest_display
from site_builder.loader import ENTRY_SIZE_LIMIT, Document, LoadFailure, parse, read_text
from site_builder.problems import Problem


@dataclass(frozen=True)
class Identity:
    """What makes an entry itself, for comparison with the others."""

    slug: str
    file: str
    title: str | None
    service: str | None
    document: Document | None = None


def title_key(title: str) -> str:
    folded = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in folded if not ch.isspace())


def find(candidates: Iterable[Identity], others: Iterable[Identity] = ()) -> Iterator[Problem]:
    """Problems for each candidate that repeats an earlier candidate or any of
    `others` (entries that are not being checked, only compared against)."""
    titles: dict[str, Identity] = {}
    services: dict[str, Identity] = {}
    for other in others:
        _remember(other, titles, services)
    for item in sorted(candidates, key=lambda i: i.slug):
        if item.title is not None:
            first = titles.get(title_key(item.title))
            if first is not None and first.slug != item.slug:
                yield _problem(item, first, "title", "entry.duplicate-title")
        if item.service is not None:
            first = services.get(links.normalize(item.service))
            if first is not None and first.slug != item.slug:
                yield _problem(item, first, "links.service", "entry.duplicate-service")
        _remember(item, titles, services)


def _remember(item: Identity, titles: dict[str, Identity], services: dict[str, Identity]) -> None:
    if item.title is not None:
        titles.setdefault(title_key(item.title), item)
    if item.service is not None:
        services.setdefault(links.normalize(item.service), item)


def _problem(item: Identity, first: Identity, field: str, code: str) -> Problem:
    line = column = None
    if item.document is not None:
        line, column = item.document.locate(field.split("."))
    return Problem(item.file, line, column, code, {"other_file": first.file}, field)


_TITLE = re.compile(r"^title:[ \t]*(.*?)[ \t]*\r?$", re.M)
_SERVICE = re.compile(r"^[ \t]+service:[ \t]*(.*?)[ \t]*\r?$", re.M)
# A plain one-line scalar: nothing YAML would read differently from the text.
_PLAIN = re.compile(r"""^(?![-?:,\[\]{}#&*!|>'"%@`])(?!.*(?::\s|\s#)).+$""")


def quick_identity(root: Path, slug: str) -> Identity:
    """An entry's title and service address without a full YAML parse.

    Pull-request mode compares one entry against all others and must stay
    under a second at thousands of entries, where a full parse of every
    manifest alone takes about as long. Plain one-line values are read from
    the text; anything YAML could read differently (quotes, escapes, a value
    continued on the next line, flow style) falls back to the strict loader.
    """
    display = manifest_display(slug)
    path = root / ENTRIES_DIR / slug / MANIFEST
    try:
        text = read_text(path, display, ENTRY_SIZE_LIMIT)
    except LoadFailure:
        return Identity(slug, display, None, None)
    title = _plain_value(text, _TITLE)
    service = _plain_value(text, _SERVICE)
    if title is not None and service is not None:
        return Identity(slug, display, title, service)
    try:
        data = parse(text, display).data
    except LoadFailure:
        return Identity(slug, display, None, None)
    if not isinstance(data, dict):
        return Identity(slug, display, None, None)
    links_map = data.get("links") if isinstance(data.get("links"), dict) else {}
    found_title = data.get("title")
    found_service = links_map.get("service") if links_map else None
    return Identity(
        slug,
        display,
        found_title if isinstance(found_title, str) else None,
        found_service if isinstance(found_service, str) else None,
    )


def _plain_value(text: str, pattern: re.Pattern[str]) -> str | None:
    matches = list(pattern.finditer(text))
    if len(matches) != 1:
        return None
    match = matches[0]
    value = match.group(1)
    if not _PLAIN.match(value):
        return None
    following = text[match.end() + 1 : match.end() + 2]
    if following in (" ", "\t"):
        return None  # continued on the next line
    return value
