"""The personal-data guard: everything in the repository is published.

E-mail addresses, Korean phone numbers and resident registration numbers
(주민등록번호) in an entry are refused; the seed contest's own posting rules
forbid them, and a pull request keeps them in git history. Full-width and
other compatibility characters (０１０, ＠) are folded with NFKC first. Messages
show a masked form, never the value itself: the bot's reply is public.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# Every pattern needs an ASCII digit or @ once folded; these are the
# characters that can become one.
_CANDIDATE = re.compile(r"[0-9@\uff10-\uff19\uff20\u2460-\u24ff\u2070-\u2079\u00b2\u00b3\u00b9"
                        r"\u2080-\u2089\U0001d7ce-\U0001d7ff]")
# Characters that NFKC folds into a digit, @ or a separator. Folding Korean
# text is costly (syllables are decomposed and recomposed): only when needed.
_COMPAT = re.compile(r"[\uff00-\uffef\u2460-\u24ff\u2070-\u209f\u00b2\u00b3\u00b9"
                     r"\U0001d400-\U0001d7ff]")
_DIGIT_RUN = re.compile(r"[0-9][0-9 \t().+-]{7,}[0-9]")
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
    """The matched text (after folding), to locate it; never shown to anyone."""
    masked: str
    start: int
    """Offset of the match in the scanned text (approximate if it was folded)."""


def scan(text: str) -> Iterator[Finding]:
    if not _CANDIDATE.search(text):
        return
    if _COMPAT.search(text):
        # Fold line by line, so offsets stay right to the line even when
        # folding changes lengths.
        offset = 0
        for line in text.splitlines(keepends=True):
            folded = unicodedata.normalize("NFKC", line)
            for finding in _scan_folded(folded):
                yield Finding(finding.kind, finding.text, finding.masked, offset + finding.start)
            offset += len(line)
    else:
        yield from _scan_folded(text)


def _scan_folded(text: str) -> Iterator[Finding]:
    if "@" in text:
        for match in _EMAIL.finditer(text):
            if not _in_url_authority(text, match.start()):
                yield Finding("email", match.group(0), _mask_email(match.group(0)), match.start())
    # Phone and registration numbers need a run of at least nine digits and
    # separators; the full patterns run only on such runs.
    for run in _DIGIT_RUN.finditer(text):
        start = run.start()
        if start > 0 and text[start - 1] in "+(":
            start -= 1  # "+82 10 ..." and "(02) ..." begin one character earlier
        chunk = text[start : run.end()]
        for match in _RRN.finditer(chunk):
            birth, dash, rest = match.groups()
            if dash or _rrn_checksum_ok(birth + rest):
                yield Finding("rrn", match.group(0), f"{birth}-*******", start + match.start())
        for match in _PHONE.finditer(chunk):
            yield Finding(
                "phone", match.group(0), _mask_digits(match.group(0)), start + match.start()
            )


def _in_url_authority(text: str, start: int) -> bool:
    # "https://user:secret@host" is a credential in an address, reported as
    # such by the link check; an e-mail report on top would be noise.
    token_start = max(text.rfind(ch, 0, start) for ch in " \t\n(<[\"'") + 1
    token = text[token_start:start]
    scheme = token.find("://")
    return scheme >= 0 and "/" not in token[scheme + 3 :]


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
