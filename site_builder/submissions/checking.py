"""Every entry loaded and checked: one pass that `contest validate` and the site share.

Both must agree on which entries are valid, and both spend most of their time here,
entry by entry, so the pass lives in one place: a large contest shares it with forked
children (`core.parallel`), with the cyclic GC paused, and gets the same results in
the same order as one process would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from site_builder.core import parallel
from site_builder.core.contest import Contest
from site_builder.core.loader import collection_paused
from site_builder.core.problems import Problem, capped
from site_builder.core.schemas import Schema
from site_builder.submissions import duplicates
from site_builder.submissions.entries import ENTRIES_DIR, Entry, load_entry
from site_builder.submissions.entry_checks import check_entry
from site_builder.submissions.teams import team_logins

# Below this many entries one process is quicker than forking a second.
PARALLEL_ENTRIES = 200
PARALLEL_CHUNK = 32


class Checked(NamedTuple):
    """One entry after the pass, keeping only what later steps need (a manifest's node
    tree is dropped once its own checks are done): its identity (for duplicates), its
    team (for the ledger's conflicts; None when the manifest did not load), its problems
    (None when it was not asked to be checked), and its model when it loaded valid
    and was asked for."""

    identity: duplicates.Identity
    team: frozenset[str] | None
    problems: list[Problem] | None
    entry: Entry | None

    @property
    def slug(self) -> str:
        return self.identity.slug


def check_entries(
    root: Path, slugs: Sequence[str], contest: Contest | None, schema: Schema,
    wants: Callable[[str], bool] = lambda slug: True, *, models: bool = False,
) -> list[Checked]:
    """Load every entry of `slugs` and check those that `wants`, in order. A problem
    list is capped per file (`capped`); duplicates across entries are the caller's.
    Each entry's model comes back only when `models` is asked for (the site): sent back
    from a forked child, 2,500 models with their manifest data cost `contest validate`
    0.6 s of CPU at 5,000 entries (`benchmarks/bench_validate.py`)."""

    def work(part: Sequence[str]) -> list[Checked]:
        done = []
        for slug in part:
            load = load_entry(root, slug, schema)
            file = load.document.file if load.document is not None else f"{ENTRIES_DIR}/{slug}"
            identity = duplicates.Identity.of(slug, file, load.document)
            team = team_logins(load.document.data) if load.document is not None else None
            entry = load.entry if models else None
            if not wants(slug):
                done.append(Checked(identity, team, None, entry))
                continue
            problems = capped([*load.problems, *check_entry(root, load, contest, schema)])
            done.append(Checked(identity, team, problems, entry))
        return done

    with collection_paused():
        parts = parallel.map_chunks(work, slugs, minimum=PARALLEL_ENTRIES,
                                    chunk=PARALLEL_CHUNK)
    return [checked for part in parts for checked in part]
