"""Gather a SiteInput from a contest repository: the impure half of the showcase.

Reads contest.yml, every entry that passes its schema and names a known
category (a broken entry is left out with a warning, it does not break the
site), the published results, git dates (one `git log`), and the images.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from site_builder.core import schemas
from site_builder.core.contest import Contest, load_contest
from site_builder.submissions.entries import ENTRIES_DIR, Entry, discover, load_entry, slug_problem
from site_builder.core.errors import ContestDefinitionError
from site_builder.site import gitdates, thumbnails
from site_builder.site.model import SiteInput
from site_builder.site.rendercache import CACHE_FILE, rendered_descriptions
from site_builder.site.results import load_results

log = logging.getLogger("mkdocs.plugins.contest")


def collect(root: Path, now: datetime, *, only: Iterable[str] | None = None) -> SiteInput:
    loaded = load_contest(root)
    if loaded.contest is None:
        details = "; ".join(p.location() + " " + p.code for p in loaded.problems[:5])
        raise ContestDefinitionError(
            f"contest.yml is not valid ({details}): run `contest validate`"
        )
    contest = loaded.contest
    wanted = set(only) if only is not None else None
    entry_schema = schemas.load_schema(root / "schema", schemas.ENTRY)
    entries: list[Entry] = []
    for slug in discover(root).slugs:
        if wanted is not None and slug not in wanted:
            continue
        entry = _load(root, slug, entry_schema)
        if entry is None:
            continue
        if contest.category(entry.category) is None:
            log.warning(
                "contest: %s/%s: unknown category %r; left out of the site",
                ENTRIES_DIR,
                slug,
                entry.category,
            )
            continue
        entries.append(entry)
    if wanted is not None and not entries:
        log.warning("contest: none of %s is a valid entry", ", ".join(sorted(wanted)))
    cache = thumbnails.ImageCache(root / thumbnails.CACHE_DIR)
    pictures = {
        e.slug: thumbnails.entry_pictures(root / ENTRIES_DIR / e.slug, e, cache) for e in entries
    }
    return SiteInput(
        contest=contest,
        entries=tuple(entries),
        now=now,
        results=load_results(root, contest),
        assignments=_assignments(root, contest),
        updated=gitdates.last_changes(root),
        pictures=pictures,
        descriptions=rendered_descriptions(root / CACHE_FILE, entries),
        entry_schema=entry_schema.document,
    )


def _load(root: Path, slug: str, schema: schemas.Schema) -> Entry | None:
    if slug_problem(slug) is not None:
        log.warning("contest: %s/%s: not a valid slug; left out of the site", ENTRIES_DIR, slug)
        return None
    loaded = load_entry(root, slug, schema)
    if loaded.entry is None:
        first = loaded.problems[0] if loaded.problems else None
        where = first.location() if first else f"{ENTRIES_DIR}/{slug}"
        log.warning(
            "contest: %s: invalid entry (%s); left out of the site, run `contest validate`",
            where,
            first.code if first else "?",
        )
    return loaded.entry


def _assignments(root: Path, contest: Contest) -> dict[str, tuple[int, int]]:
    """(seed, min_cut) of each round's panels; a file that cannot be read is left out
    (`contest status` and the recorder report it)."""
    from site_builder.judging import assignment

    found: dict[str, tuple[int, int]] = {}
    for round_ in contest.rounds:
        if round_.panel is not None and assignment.exists(root, round_.id):
            read, _ = assignment.read_assignment(root, round_.id)
            if read is not None:
                found[round_.id] = (read.seed, read.min_cut)
    return found
