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
  scored the entry (conflicts matter for scores that exist): `teams.may_name`, which
  never misses a login, however the manifest spells it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from site_builder.core.contest import Contest, Round
from site_builder.core.loader import (
    ENTRY_SIZE_LIMIT,
    LoadFailure,
    peek_text,
    read_bytes,
)
from site_builder.core.problems import Problem
from site_builder.judging import ledger
from site_builder.submissions.entries import ENTRIES_DIR, MANIFEST, SLUG, discover
from site_builder.submissions.teams import team_from_bytes


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
    return title, team_from_bytes(raw, display, logins)
