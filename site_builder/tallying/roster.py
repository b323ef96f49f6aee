"""Which entries a round judges, and what the tally needs from their manifests.

A round's entries are decided by files, never by a judgement call:

* the first round takes every ``entries/<slug>/`` folder with an entry.yml on the
  checked-out branch. Entries reach the default branch only through validated pull
  requests; an entry that a later check finds fault with stays in the contest (and
  ``contest validate`` reports it), because dropping it from the ranking silently would
  be unfair to its team;
* every later round takes the ``advanced`` list of the previous round's committed
  results/<previous>.json, so the entries judged in a round are exactly the published
  ones. Without that file the round cannot be tallied, and the problem says so.

From the manifests the tally needs titles (to show people) and teams (a judge on an
entry's team has a conflict of interest). Composing 5,000 whole manifests would take
longer than the rest of a tally, so each manifest is read once, as bytes, and

* the title is taken with `loader.peek_text`, which parses only up to the ``title``
  key: it is shown, never used to decide anything;
* the team is read with the strict loader only when the text could name a judge who
  scored the entry (conflicts matter for scores that exist): when the casefolded text,
  with its escaped line breaks removed, contains the casefolded login, or when the text
  has a hexadecimal escape (``\\x``, ``\\u``, ``\\U``). A team member's ``github``
  value equal to a login must show so: YAML changes a value's characters only through
  escapes (of which only the hexadecimal ones can yield a login character, and the
  escaped line break joins two pieces) and line folding (which inserts a space, and
  logins have none); casefolding works character by character. Removing every escaped
  line break, also where a backslash is no escape, only joins text: a login anywhere
  in the text is still found.

  Decoding and casefolding a whole manifest of Korean text costs more than reading it,
  so when the text has none of the few characters whose casefold holds an ASCII letter
  (`FOLDS_TO_ASCII`: ß, ſ, the Kelvin sign, the ﬀ ligatures...), the UTF-8 bytes are
  searched with their ASCII letters lowercased (``bytes.lower``). Logins are ASCII, and
  in UTF-8 every byte of any other character is at least 0x80, so a run of ASCII
  characters that casefolds to a login is exactly a run of bytes that lowercases to it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from site_builder.core.contest import Contest, Round
from site_builder.core.loader import (
    ENTRY_SIZE_LIMIT,
    LoadFailure,
    decode,
    parse,
    peek_text,
    read_bytes,
)
from site_builder.core.problems import Problem
from site_builder.judging import ledger
from site_builder.submissions.entries import ENTRIES_DIR, MANIFEST, SLUG, discover
from site_builder.submissions.teams import team_logins

_HEX_ESCAPE = re.compile(rb"\\[xuU]")
#: Every character beyond ASCII whose casefold holds an ASCII character (Unicode 14;
#: tests/test_roster.py recomputes the list from the running Python's database).
FOLDS_TO_ASCII = (
    "\u00df\u0130\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a"
    "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)
_FOLDS_TO_ASCII = re.compile(b"|".join(re.escape(c.encode()) for c in FOLDS_TO_ASCII))
# Their UTF-8 lead bytes, turned into NUL by one `bytes.translate` (a regular expression
# over a 4 KB manifest takes twice as long): Hangul never has them, so most manifests
# are cleared without the expression.
_LEADS = bytes({c.encode()[0] for c in FOLDS_TO_ASCII})
_MARK_LEADS = bytes.maketrans(_LEADS, b"\0" * len(_LEADS))
# A backslash, a line break (YAML's, in UTF-8), and the indentation after it.
_ESCAPED_BREAK = re.compile(rb"\\(?:\r\n|[\r\n]|\xc2\x85|\xe2\x80[\xa8\xa9])[ \t]*")


@dataclass(frozen=True)
class RoundEntries:
    """The slugs of a round, or the problem that keeps them from being known."""

    slugs: tuple[str, ...]
    problem: Problem | None = None


def entry_folders(root: Path) -> list[str]:
    """Every entry folder with a manifest, whose name can be a slug, in name order."""
    base = f"{root}/{ENTRIES_DIR}"
    # os.path on strings: a pathlib object for each of 5,000 paths costs more than the stat.
    return [
        slug for slug in discover(root).slugs
        if SLUG.match(slug) and os.path.isfile(f"{base}/{slug}/{MANIFEST}")  # noqa: PTH113
    ]


def round_entries(
    root: Path, contest: Contest, round_: Round, folders: Iterable[str] | None = None
) -> RoundEntries:
    """The entries judged in `round_` (see the module docstring); `folders` are the
    `entry_folders`, when the caller has them already."""
    previous = contest.previous_round(round_)
    if previous is None:
        return RoundEntries(tuple(entry_folders(root) if folders is None else folders))
    found = ledger.read_advanced(root, previous.id)
    if found.problem is not None:
        return RoundEntries((), found.problem)
    if found.slugs is None:
        params = {"round": round_.id, "previous": previous.id, "file": found.file}
        return RoundEntries((), Problem(found.file, None, None, "tally.previous-missing", params))
    return RoundEntries(tuple(sorted(found.slugs)))


def read_entry(
    root: Path, slug: str, scorers: Iterable[str], *, titles: bool = True
) -> tuple[str | None, frozenset[str]]:
    """The title (unless not wanted) of one entry, and its team's logins (casefolded)
    when the manifest could name one of `scorers`, the logins who scored it (otherwise
    none: only a scorer's conflict matters).

    An entry whose manifest cannot be read gets no title and an empty team, as in the
    score recorder: nobody can be shown to be on its team, and ``contest validate``
    reports the file itself."""
    display = f"{ENTRIES_DIR}/{slug}/{MANIFEST}"
    try:
        raw = read_bytes(f"{root}/{display}", display, ENTRY_SIZE_LIMIT)
    except LoadFailure:
        return None, frozenset()
    title = peek_text(raw, "title") if titles else None
    logins = {login.casefold() for login in scorers}
    return title, _team(raw, display, logins) if logins else frozenset()


def _may_name(raw: bytes, logins: Iterable[str]) -> bool:
    """Whether the manifest `raw` (UTF-8) could hold one of `logins` (casefolded) as a
    value (see the module docstring)."""
    if b"\\" in raw:
        if _HEX_ESCAPE.search(raw):
            return True
        raw = _ESCAPED_BREAK.sub(b"", raw)
    if b"\0" in raw.translate(_MARK_LEADS) and _FOLDS_TO_ASCII.search(raw):
        folded = raw.decode("utf-8", "replace").casefold()
        return any(login in folded for login in logins)
    lowered = raw.lower()  # ASCII letters only: every other character's bytes are >= 0x80
    return any(login.encode() in lowered for login in logins)


def _team(raw: bytes, display: str, logins: Iterable[str]) -> frozenset[str]:
    if not _may_name(raw, logins):
        return frozenset()
    try:
        return team_logins(parse(decode(raw, display), display).data)
    except LoadFailure:
        return frozenset()
