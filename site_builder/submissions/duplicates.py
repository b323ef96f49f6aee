"""Duplicate entries: the same title or the same service under two slugs.

Registries catch duplicates by hand; here titles are compared after NFKC
normalization, case folding and removing white space (so "공공 와이파이" and
"공공와이파이", or full-width and half-width letters, collide), and service
addresses after `links.normalize` (scheme, www., default port, trailing slash).
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_builder.core import links
from site_builder.core.loader import (
    ENTRY_SIZE_LIMIT,
    Document,
    LoadFailure,
    inline_text,
    load_bytes,
)
from site_builder.core.problems import Problem
from site_builder.submissions import characters
from site_builder.submissions.entries import manifest_display


@dataclass(frozen=True)
class Identity:
    """What makes an entry itself, for comparison with the others."""

    slug: str
    file: str
    title: str | None
    service: str | None
    title_at: tuple[int, int] | None = None
    service_at: tuple[int, int] | None = None

    @classmethod
    def of(cls, slug: str, file: str, document: Document | None) -> Identity:
        """From a loaded manifest, keeping the places of both values but not
        the node tree (thousands of those kept alive cost seconds of GC)."""
        data = document.data if document is not None else None
        if document is None or not isinstance(data, dict):
            return cls(slug, file, None, None)
        title = data.get("title")
        link_map = data.get("links")
        service = link_map.get("service") if isinstance(link_map, dict) else None
        return cls(
            slug,
            file,
            title if isinstance(title, str) else None,
            service if isinstance(service, str) else None,
            document.locate(["title"]) if isinstance(title, str) else None,
            document.locate(["links", "service"]) if isinstance(service, str) else None,
        )


def title_key(title: str) -> str:
    # Invisible characters removed too: "공공\u200b와이파이" is refused by validate, but
    # an entry merged before that rule must still be seen as the same title.
    folded = characters.without_invisible(unicodedata.normalize("NFKC", title)).casefold()
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


def find_one(item: Identity, others: Iterable[Identity]) -> Iterator[Problem]:
    """Problems for `item` against many others (pull-request mode).

    Same result as `find([item], others)`, but most others are ruled out by
    a substring test before anything is normalized: an equal service address
    must contain the item's host, so only those are parsed.
    """
    title = title_key(item.title) if item.title is not None else None
    service = links.normalize(item.service) if item.service is not None else None
    host = service.split("/", 1)[0].split(":", 1)[0] if service else None
    title_hit = service_hit = None
    for other in sorted(others, key=lambda o: o.slug):
        if other.slug == item.slug:
            continue
        if (
            title_hit is None
            and title is not None
            and other.title is not None
            and title_key(other.title) == title
        ):
            title_hit = other
        if (
            service_hit is None
            and host
            and other.service is not None
            # An IDN host is compared in punycode, which raw text need not contain.
            and (host in other.service.casefold() or not other.service.isascii())
            and links.normalize(other.service) == service
        ):
            service_hit = other
    if title_hit is not None:
        yield _problem(item, title_hit, "title", "entry.duplicate-title")
    if service_hit is not None:
        yield _problem(item, service_hit, "links.service", "entry.duplicate-service")


def _remember(item: Identity, titles: dict[str, Identity], services: dict[str, Identity]) -> None:
    if item.title is not None:
        titles.setdefault(title_key(item.title), item)
    if item.service is not None:
        services.setdefault(links.normalize(item.service), item)


def _problem(item: Identity, first: Identity, field: str, code: str) -> Problem:
    place = item.title_at if field == "title" else item.service_at
    line, column = place if place is not None else (None, None)
    return Problem(item.file, line, column, code, {"other_file": first.file}, field)


# Key lines, each found after a line break: ``title:`` at the start of a line,
# ``service:`` indented (under links:). One pass over many manifests at once. The
# rest of the line is taken whole and trimmed in Python: a pattern that trims it
# (a lazy value, then spaces) backtracks once per space, quadratic in a line of them.
_KEY_LINES = re.compile(rb"\n(?:(title)|([ \t]+)service):(?=[ \t\r\n]|\Z)([^\n]*)")


def quick_identity(root: Path, slug: str) -> Identity:
    """An entry's title and service address without a full YAML parse (see `identities`)."""
    display = manifest_display(slug)
    # A plain string path: pathlib's joins cost more than the read itself here.
    path = f"{os.fspath(root)}/{display}"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return Identity(slug, display, None, None)
    try:
        raw = os.read(fd, ENTRY_SIZE_LIMIT + 1)
    finally:
        os.close(fd)
    return identity_from_bytes(slug, raw)


def identity_from_bytes(slug: str, raw: bytes | None) -> Identity:
    """`identities` of one manifest's bytes; None for a file too large to be read."""
    if raw is None:
        return Identity(slug, manifest_display(slug), None, None)
    return identities(b"\n" + raw, [(slug, 1, len(raw) + 1)])[0]


def identities(buffer: bytes, spans: Sequence[tuple[str, int, int]]) -> list[Identity]:
    """The title and service address of each manifest held in `buffer`, at
    (slug, start, end) spans, each preceded by a line break (as in the output of
    ``git cat-file --batch``); spans of None-sized files are not passed here.

    Pull-request mode compares one entry against all others and must stay under a
    second at thousands of entries, where a full parse of every manifest alone takes
    about as long. Plain one-line values are read from the raw bytes, found by one
    regular-expression pass over all of them; anything YAML could read differently
    (quotes, escapes, a value continued on the next line, flow style, a look-alike
    key line inside a description, bytes that are not UTF-8) falls back to the
    strict loader for that manifest.
    """
    starts = [start for _, start, _ in spans]
    titles: list[list[re.Match[bytes]]] = [[] for _ in spans]
    services: list[list[re.Match[bytes]]] = [[] for _ in spans]
    for match in _KEY_LINES.finditer(buffer):
        index = bisect.bisect_right(starts, match.start() + 1) - 1
        if index >= 0 and match.start() + 1 < spans[index][2]:
            (titles if match.group(1) else services)[index].append(match)
    found = []
    for index, (slug, start, end) in enumerate(spans):
        title = _plain_value(buffer, titles[index], end)
        service = _plain_value(buffer, services[index], end)
        if title is not None and service is not None:
            found.append(Identity(slug, manifest_display(slug), title, service))
        else:
            found.append(_parsed_identity(slug, buffer[start:end]))
    return found


def _parsed_identity(slug: str, raw: bytes) -> Identity:
    display = manifest_display(slug)
    try:
        data = load_bytes(raw, display, ENTRY_SIZE_LIMIT).data
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


def _plain_value(buffer: bytes, matches: list[re.Match[bytes]], end: int) -> str | None:
    # Exactly one line may look like the key: a look-alike line inside a
    # description ("  service: https://decoy/") sends the file to the loader,
    # which knows which one is the real key.
    if len(matches) != 1:
        return None
    match = matches[0]
    line = match.group(3)
    if line.endswith(b"\r"):
        line = line[:-1]
    try:
        written = line.strip(b" \t").decode("utf-8")
    except UnicodeDecodeError:
        return None
    # The loader's own reading of a one-line scalar, or no answer (the loader then
    # reads the file): one grammar for both, so `null`, `1e3` or `~` are not titles.
    value = inline_text(written)
    if value is None or not value.isprintable():
        return None
    indent = len(match.group(2) or b"")
    # A plain scalar continues on following lines that are indented deeper
    # than its key (blank lines in between included).
    for line in buffer[match.end() + 1 : end].split(b"\n", 8)[:8]:
        if not line.strip():
            continue
        if len(line) - len(line.lstrip(b" \t")) > indent:
            return None
        break
    return value
