"""Gather a SiteInput from a contest repository: the impure half of the showcase.

Reads contest.yml, every entry that `contest validate` accepts (one that it
refuses is left out with a warning naming why; it does not break the site),
the published results, git dates (one `git log`), and the images. The secret
that orders pseudonymous judges is read from the environment here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from site_builder.core import messages, schemas
from site_builder.core.contest import Contest, load_contest
from site_builder.core.problems import Problem
from site_builder.site import gitdates, thumbnails
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import JUDGE_SALT_VARIABLE
from site_builder.site.rendercache import CACHE_FILE, rendered_descriptions
from site_builder.site.results import load_results
from site_builder.submissions import duplicates
from site_builder.submissions.checking import check_entries
from site_builder.submissions.entries import (
    ENTRIES_DIR,
    Entry,
    discover,
    manifest_display,
    slug_problem,
)

log = logging.getLogger("mkdocs.plugins.contest")


def collect(
    root: Path, now: datetime, *, only: Iterable[str] | None = None, preview: bool = False
) -> SiteInput:
    contest = load_contest(root).require()
    wanted = set(only) if only is not None else None
    entry_schema = schemas.load_schema(root / "schema", schemas.ENTRY)
    slugs = discover(root).slugs
    entries, left_out = _accepted(root, contest, entry_schema, slugs, wanted)
    for slug in sorted((wanted or set()) - set(slugs)):
        left_out[slug] = (
            Problem(f"{ENTRIES_DIR}/{slug}", None, None, "site.unknown-entry", {"slug": slug}),
        )
        log.warning("contest: %s", left_out[slug][0].message(contest.language))
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
        commit=gitdates.head_commit(root),
        pictures=pictures,
        descriptions=rendered_descriptions(root / CACHE_FILE, entries),
        entry_schema=entry_schema.document,
        judge_salt=os.environ.get(JUDGE_SALT_VARIABLE) or None,
        left_out=left_out,
        preview=preview,
    )


def _accepted(
    root: Path, contest: Contest, schema: schemas.Schema, slugs: Iterable[str],
    wanted: set[str] | None,
) -> tuple[list[Entry], dict[str, tuple[Problem, ...]]]:
    """The entries `contest validate` accepts, by its own checks (schema, category,
    links, images, licenses, personal data, hidden characters, duplicates): one
    definition of valid. Each one left out is named, with its first error, in the
    contest's language, and returned with its errors (the preview page lists them)."""
    errors: dict[str, list[Problem]] = {}
    checkable = []
    for slug in slugs:
        if wanted is not None and slug not in wanted:
            continue
        bad_slug = slug_problem(slug)
        if bad_slug is not None:
            errors[slug] = [bad_slug]
            continue
        checkable.append(slug)
    results = check_entries(root, checkable, contest, schema, models=True)
    for result in results:
        refused = [p for p in result.problems or () if p.severity == "error"]
        if refused:
            errors[result.slug] = refused
    for repeated in duplicates.find([result.identity for result in results]):
        errors.setdefault(repeated.file.split("/")[1], []).append(repeated)
    accepted: list[Entry] = []
    for result in results:
        if result.slug not in errors and result.entry is not None:
            accepted.append(result.entry)
        elif result.slug not in errors:
            errors[result.slug] = []
    left_out: dict[str, tuple[Problem, ...]] = {}
    for slug in sorted(errors):
        refused = errors[slug]
        first = refused[0] if refused else None
        reason = first.message(contest.language) if first is not None else "?"
        where = first.location() if first is not None else manifest_display(slug)
        log.warning("contest: %s", messages.render(
            "entry.left-out-of-site", contest.language, {"file": where, "reason": reason}
        ))
        left_out[slug] = tuple(refused)
    return accepted, left_out


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
