"""The personal-data guard: everything in the repository is published.

E-mail addresses, Korean phone numbers and resident registration numbers
(주민등록번호) in an entry are refused; the seed contest's own posting rules
forbid them, and a pull request keeps them in git history. Text is checked
after NFKC normalization, so full-width digits and ＠ are caught too. Messages
show a masked form, never the value itself: the bot's reply is public.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_SEP = r"[-.\s]?"
_PHONE = re.compile(
    r"(?<![\d-])(?:"
    rf"\+82{_SEP}0?(?:1[016789]|2|[3-6][1-5]|70){_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    rf"|01[016789]{_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    rf"|\(?02\)?{_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    rf"|\(?0[3-6][1-5]\)?{_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    rf"|070{_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    r")(?![\d-])"
)
_RRN = re.compile(
    r"(?<!\d)(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(\s?-\s?)?([1-8]\d{6})(?!\d)"
)
_RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


@dataclass(frozen=True)
class Finding:
    kind: str
    """``email``, ``phone`` or ``rrn``; the message code is ``privacy.<kind>``."""
    text: str
    """The matched text, to locate it in the file; never shown to anyone."""
    masked: str


def scan(text: str) -> Iterator[Finding]:
    normalized = unicodedata.normalize("NFKC", text)
    for match in _EMAIL.finditer(normalized):
        yield Finding("email", match.group(0), _mask_email(match.group(0)))
    for match in _RRN.finditer(normalized):
        birth, dash, rest = match.groups()
        if dash or _rrn_checksum_ok(birth + rest):
            yield Finding("rrn", match.group(0), f"{birth}-*******")
    for match in _PHONE.finditer(normalized):
        yield Finding("phone", match.group(0), _mask_digits(match.group(0)))


def _rrn_checksum_ok(digits: str) -> bool:
    # Without a dash, 13 digits that start with a date are often just a
    # number; the check digit (valid for numbers issued before Oct 2020)
    # tells a registration number from an order id.
    total = sum(int(d) * w for d, w in zip(digits, _RRN_WEIGHTS, strict=False))
    return (11 - total % 11) % 10 == int(digits[12])


def _mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    name, _, tld = domain.rpartition(".")
    return f"{local[:1]}***@{name[:1]}***.{tld}"


def _mask_digits(value: str) -> str:
    seen = 0
    out = []
    for ch in value:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= 3 else "*")
        else:
            out.append(ch)
    return "".join(out)
