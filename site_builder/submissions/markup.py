"""Markdown that is valid but would take the renderer too long.

Python-Markdown looks for the end of a link from every ``[`` it meets, to the
end of the paragraph when there is none: 9,990 ``[`` took 21 s to render, and
4,990 nested ones nearly a minute, on a description well inside its 10,000
characters. The same holds for ``(`` after a link text and for ``<`` (a possible
HTML tag). Real text closes its brackets and rarely nests them, so the depth of
each kind (unclosed ones count as open to the end) is bounded instead: within the
bounds, any description renders in a fraction of a second
(benchmarks/bench_hostile.py). A backslash-escaped bracket is text and not counted.
"""

from __future__ import annotations

from typing import NamedTuple

# Opening character -> (closing character, deepest nesting accepted).
LIMITS = {"[": ("]", 8), "(": (")", 32), "<": (">", 32)}
_CLOSERS = {close: open_ for open_, (close, _limit) in LIMITS.items()}


class TooDeep(NamedTuple):
    bracket: str
    closing: str
    depth: int
    limit: int
    offset: int
    """Where in the text the bracket that went past the limit is."""


def too_deep(text: str) -> TooDeep | None:
    """The first bracket of `text` nested (or left open) deeper than `LIMITS` allows."""
    # A bracket cannot nest deeper than it occurs: most descriptions stop here, and
    # str.count is C where the scan below is a Python loop (0.27 ms a description).
    if all(text.count(open_) <= limit for open_, (_close, limit) in LIMITS.items()):
        return None
    return _scan(text)


def _scan(text: str) -> TooDeep | None:
    depth = dict.fromkeys(LIMITS, 0)
    escaped = False
    for offset, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in LIMITS:
            depth[char] += 1
            close, limit = LIMITS[char]
            if depth[char] > limit:
                return TooDeep(char, close, depth[char], limit, offset)
        elif char in _CLOSERS and depth[_CLOSERS[char]]:
            depth[_CLOSERS[char]] -= 1
    return None
