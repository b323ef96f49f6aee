"""A fast reader for score files written in the one layout `ledger.dump` produces.

Why it exists: a round of 5,000 entries has 25,000 score files, and the strict loader
(libyaml's composer, a Python node tree, the core-schema builder) spends a few hundred
microseconds on each, which made reading the ledger most of a tally's time. The bot writes
every score file in the same fixed layout, so nearly all of them can be read line by line
in a few microseconds.

Why no strictness is lost: `read` accepts only a narrow grammar, and the strict loader
reads every text of that grammar to exactly the same data (same keys in the same order,
same values, same types). Anything outside it (a YAML comment, a blank line, a flow
mapping, a double-quoted string, a tab, a key that is unknown, repeated or out of order,
a value YAML could read as a number, boolean or null) makes `read` return None, and the
caller reads the file with the strict loader, which reports what is wrong with its line
and column. The schema check runs on the result either way. tests/test_scorefile.py
checks the equivalence on generated files and on thousands of mutated ones.

The grammar (lines end with ``\\n``; no other line break anywhere):

* top-level ``key: value`` lines for keys of `FIELD_ORDER`, in that order, each at most
  once; ``scores:`` alone on its line, followed by ``  criterion: number`` lines (at
  least one; distinct criterion ids);
* a text value is a single-quoted scalar on one line (``''`` stands for one quote), or a
  plain scalar that does not start with a YAML indicator or a space, contains no ``: ``
  or `` #``, does not end with ``:`` or a space, and is not a number, boolean or null in
  the YAML 1.2 core schema; ``comment`` may also be a literal block (``|`` or ``|-``)
  indented by two spaces, without blank lines at its end or lines of spaces only;
* a mark is an unsigned decimal integer or decimal fraction; ``pull_request`` an integer;
* characters are printable (`str.isprintable`, line feeds aside): no control
  character, tab, CR, NEL, LS, PS or BOM, all of which the strict loader handles.

The grammar also holds every value to schema/score.schema.json as this project ships it
(the patterns of ids, slugs and logins, the lengths of the comment and its link, the
time's format), so that a file it accepts needs no schema check: `trusted` says whether
a repository's schema is still that one (by the SHA-256 of its canonical JSON, kept in
`SCHEMA_SHA256`; a test fails when schema/score.schema.json changes without it). With
another schema, every file is also checked against that schema, as before.

The layout is matched by one regular expression and the values are then checked one by
one; about 10 microseconds a file, against a few hundred for the strict loader and the
schema.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

from site_builder.core.loader import inline_text
from site_builder.core.logins import LOGIN_PATTERN
from site_builder.core.schemas import parse_datetime

FIELD_ORDER = (
    "round", "entry", "judge", "scores", "comment", "comment_url", "event_time",
    "pull_request", "rubric_sha256",
)

#: SHA-256 of the canonical JSON (keys sorted, no spaces) of schema/score.schema.json as
#: the grammar below enforces it.
SCHEMA_SHA256 = "85889d87946fe887769d964c9365e095ade888d5e4a3a5787dea2fb68f317fda"

# The schema's patterns, each also allowed in single quotes (as the bot quotes an id that
# YAML would read as something else).
_ROUND = r"[a-z][a-z0-9_-]{0,39}"
_SLUG = r"[a-z0-9](?:[a-z0-9-]{1,48})[a-z0-9]"
_LOGIN = LOGIN_PATTERN
_SHA = r"[0-9a-f]{64}"
_KEY = _ROUND  # propertyNames of scores
_MARK = r"(?:0|[1-9][0-9]{0,8})(?:\.[0-9]{1,15})?"


def _id(name: str, pattern: str) -> str:
    return rf"(?P<{name}>{pattern}|'{pattern}')"


_LAYOUT = re.compile(
    rf"round: {_id('round', _ROUND)}\n"
    rf"entry: {_id('entry', _SLUG)}\n"
    rf"judge: {_id('judge', _LOGIN)}\n"
    rf"scores:\n(?P<scores>(?:  {_KEY}: {_MARK}\n)+)"
    r"(?:comment: (?P<comment>[^\n]+)\n(?P<block>(?:(?:  [^\n]*)?\n)*))?"
    r"(?:comment_url: (?P<comment_url>[^\n]+)\n)?"
    r"event_time: (?P<event_time>[^\n]+)\n"
    r"(?:pull_request: (?P<pull_request>[1-9][0-9]{0,17})\n)?"
    rf"rubric_sha256: {_id('rubric_sha256', _SHA)}\n"
)
_COMMENT_LENGTH = 5000
_URL_LENGTH = 500
assert _LAYOUT.groups == 10  # `read` unpacks them in this order
_SCORE_LINE = re.compile(rf"  ({_KEY}): ({_MARK})\n")
_TEXT_FIELDS = ("round", "entry", "judge")

# Values met again and again (round ids, slugs, logins, times, criterion ids) are checked
# once. Bounded, so that a huge ledger of unique comments cannot grow it without limit.
_CACHE: dict[str, str | None] = {}
_CACHE_LIMIT = 100_000


def _text(raw: str) -> str | None:
    """The value of a one-line scalar, or None when it is not in the grammar."""
    if raw in _CACHE:
        return _CACHE[raw]
    value = inline_text(raw)
    if len(raw) <= 200:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[raw] = value
    return value


def _literal(header: str, block: str) -> str | None:
    """A literal block scalar (``|`` keeps one final line break, ``|-`` none)."""
    lines = block.split("\n")[:-1]
    if not lines or lines[0][2:3] in ("", " ") or not lines[-1]:
        return None
    if any(line and not line.strip(" ") for line in lines):
        return None
    text = "\n".join(line[2:] for line in lines)
    return text + "\n" if header == "|" else text


def schema_sha256(document: Mapping[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def trusted(document: Mapping[str, Any]) -> bool:
    """Whether `document` is the score schema this grammar enforces (see the docstring)."""
    return schema_sha256(document) == SCHEMA_SHA256


def _time(raw: str) -> str | None:
    if raw in _TIMES:
        return _TIMES[raw]
    value = _text(raw)
    if value is not None:
        try:
            parse_datetime(value)
        except ValueError:
            value = None
    if len(_TIMES) >= _CACHE_LIMIT:
        _TIMES.clear()
    _TIMES[raw] = value
    return value


def _marks(block: str) -> tuple[tuple[str, int | float], ...] | None:
    """The ``  criterion: mark`` lines of `scores`, or None when they are outside the
    grammar. Cached by the block's text: a round's files repeat few distinct blocks."""
    if block in _MARKS:
        return _MARKS[block]
    pairs = _SCORE_LINE.findall(block)
    marks = tuple((key, float(mark) if "." in mark else int(mark)) for key, mark in pairs)
    keys = {key for key, _ in marks}
    value = marks if len(keys) == len(marks) and all(_text(k) is not None for k in keys) else None
    if len(_MARKS) >= _CACHE_LIMIT:
        _MARKS.clear()
    _MARKS[block] = value
    return value


_TIMES: dict[str, str | None] = {}
_MARKS: dict[str, tuple[tuple[str, int | float], ...] | None] = {}


def read(text: str) -> dict[str, Any] | None:
    """The data of a score file in the bot's layout, or None: read it strictly then."""
    match = _LAYOUT.fullmatch(text)
    if match is None or not text.replace("\n", "").isprintable():
        return None
    round_, entry, judge, scores, header, block, url, moment, number, rubric = match.groups()
    # Ids, times and rubric hashes repeat across a round: most lookups hit the cache.
    cache = _CACHE
    round_ = cache[round_] if round_ in cache else _text(round_)
    entry = cache[entry] if entry in cache else _text(entry)
    judge = cache[judge] if judge in cache else _text(judge)
    rubric = cache[rubric] if rubric in cache else _text(rubric)
    if round_ is None or entry is None or judge is None or rubric is None:
        return None
    marks = _marks(scores)
    if marks is None:
        return None
    data: dict[str, Any] = {"round": round_, "entry": entry, "judge": judge,
                            "scores": dict(marks)}
    if header is not None:
        if header == "''":
            comment: str | None = "" if not block else None
        elif header in ("|", "|-"):
            comment = _literal(header, block)
        else:
            comment = None if block else _text(header)
        if comment is None or len(comment) > _COMMENT_LENGTH:
            return None
        data["comment"] = comment
    elif block:  # pragma: no cover - the pattern only matches a block after comment:
        return None
    if url is not None:
        url = inline_text(url)  # not cached: every comment has its own link
        if url is None or not url.startswith("https://") or len(url) > _URL_LENGTH:
            return None
        data["comment_url"] = url
    event_time = _time(moment)
    if event_time is None:
        return None
    data["event_time"] = event_time
    if number is not None:
        data["pull_request"] = int(number)
    data["rubric_sha256"] = rubric
    return data
