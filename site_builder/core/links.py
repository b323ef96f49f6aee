"""Checks on the addresses entrants give: https only, public hosts, no credentials.

Registries' users complain of dead or unsafe links slipping through. Whether
a link is dead can only be known online; what is wrong with an address can be
known here, and said precisely: `javascript:` and `data:` are unsafe, `http:`
is unencrypted, a user name in an address leaks, `localhost` or a private IP
address cannot be opened by the public.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from site_builder.core.loader import Document
from site_builder.core.problems import Problem, dotted

_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_VISIBLE_ASCII = re.compile(r"^[!-~]*\Z")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)\Z")
_PRIVATE_NAMES = ("localhost", "localhost.localdomain")
_PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")


@lru_cache(maxsize=16384)
def problem_code(url: str) -> tuple[str, dict[str, Any]] | None:
    """Why `url` is not an acceptable public https address, or None if it is."""
    # Browsers drop control characters and whitespace inside a scheme
    # ("java\tscript:"), so the scheme is judged on what a browser would see.
    if _VISIBLE_ASCII.match(url):
        cleaned = url
    else:
        cleaned = "".join(ch for ch in url if unicodedata.category(ch)[0] not in ("C", "Z"))
    match = _SCHEME.match(cleaned)
    if match is None:
        return "link.malformed", {"value": _short(url)}
    scheme = match.group(1).lower()
    if scheme == "http":
        return "link.http", {}
    if scheme != "https":
        return "link.unsafe-scheme", {"scheme": scheme}
    if cleaned != url.strip() or url != url.strip():
        return "link.malformed", {"value": _short(url)}
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "link.malformed", {"value": _short(url)}
    del port
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "link.credentials", {}
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "link.malformed", {"value": _short(url)}
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if address is not None:
        if not address.is_global:
            return "link.private-host", {"host": host}
        return None
    if host.isascii():
        ascii_host = host.lower()
    else:
        try:
            ascii_host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            return "link.malformed", {"value": _short(url)}
    if ascii_host in _PRIVATE_NAMES or ascii_host.endswith(_PRIVATE_SUFFIXES):
        return "link.private-host", {"host": host}
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return "link.malformed", {"value": _short(url)}
    return None


def check(
    url: str, doc: Document, path: Sequence[str | int], label: Mapping[str, str],
    *, failed_pattern: bool = False,
) -> Problem | None:
    """The problem with `url`, located at `path`; None if it is acceptable.
    `failed_pattern`: the schema's https pattern refused it, so there is a problem
    even where no specific reason is found (then: malformed)."""
    found = problem_code(url)
    if found is None:
        if not failed_pattern:
            return None
        found = ("link.malformed", {"value": _short(url)})
    code, params = found
    line, column = doc.locate(path)
    return Problem(doc.file, line, column, code, {"label": label, **params}, dotted(path))


def normalize(url: str) -> str:
    """A key under which two spellings of the same service address are equal."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
        host = host.encode("idna").decode("ascii").lower()
        port = parts.port
    except (ValueError, UnicodeError):
        return unicodedata.normalize("NFKC", url).casefold().strip()
    host = host.removeprefix("www.")
    netloc = host if port in (None, 443) else f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{netloc}{path}{query}".casefold()


def _short(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
