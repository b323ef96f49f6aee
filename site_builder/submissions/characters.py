"""Characters no entry text may hold: controls, bidirectional overrides, invisible marks.

Everything in a manifest is published, and a reader must see what a judge
sees. Text direction overrides (U+202E turns "gnp.exe" around), zero-width
and filler characters (a title "공공 와이파이" with U+200B inside is another
string than the one on screen, so it would slip past the duplicate check) and
control characters (a newline in a login or a title) are refused in every text
value. Only the description, which is Markdown over many lines, keeps line
breaks and tabs.
"""

from __future__ import annotations

import re
import unicodedata

# Controls (C0 but tab and line feed, DEL, C1) and the invisible format characters:
# soft hyphen, zero-width space/joiners and direction marks, bidirectional embeddings,
# overrides and isolates, word joiner and invisible operators, the Arabic letter mark,
# byte order mark, and the Hangul fillers that render as blank space.
_INVISIBLE = (
    "\u00ad\u061c\u115f\u1160\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\u3164\ufeff\uffa0"
)
_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")

MULTILINE_FIELDS = frozenset({"description"})


def forbidden(text: str, *, multiline: bool = False) -> str | None:
    """The first character of `text` that no entry may hold, or None."""
    found = (_MULTILINE if multiline else _ONE_LINE).search(text)
    return found.group() if found else None


def without_invisible(text: str) -> str:
    """`text` without the characters `forbidden` refuses (for comparisons)."""
    return _ONE_LINE.sub("", text)


# unicodedata names no control character.
_CONTROL_NAMES = {
    "\x00": "NULL", "\t": "CHARACTER TABULATION (tab)", "\n": "LINE FEED (line break)",
    "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE", "\x7f": "DELETE",
}


def describe(char: str) -> str:
    """How a refused character is named to people: ``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "CONTROL CHARACTER")
    return f"U+{ord(char):04X} {name}"
