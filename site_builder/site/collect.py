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
from site_builder.submissions import duplicates
from site_builder.submissions.entries import (
    ENTRIES_DIR,
    Entry,
    discover,
    load_entry,
    manifest_display,
)
from site_builder.submissions.entry_checks import check_entry
from site_builder.site import gitdates, thumbnails
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import JUDGE_SALT_VARIABLE
from site_builder.site.rendercache import CACHE_FILE, rendered_descriptions
from site_builder.site.results import load_results

log = logging.getLogger("mkdocs.plugins.contest")


def collect(root: Path, now: datetime, *, only: Iterable[str] | None = None) -> SiteInput:
    contest = load_contest(root).require()
    wanted = set(only) if only is not None else None
    entry_schema = schemas.load_schema(root / "schema", schemas.ENTRY)
    entries = _accepted(root, contest, entry_schema, wanted)
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
        updated=gitdates.last_changes(root),
        commit=gitdates.head_commit(root),
        pictures=pictures,
        descriptions=rendered_descriptions(root / CACHE_FILE, entries),
        entry_schema=entry_schema.document,
        judge_salt=os.environ.get(JUDGE_SALT_VARIABLE) or None,
    )


def _accepted(
    root: Path, contest: Contest, schema: schemas.Schema, wanted: set[str] | None
) -> list[Entry]:
    """The entries `contest validate` accepts, by its own checks (schema, category,
    links, images, licenses, personal data, hidden characters, duplicates): one
    definition of valid. Each one left out is named, with its first error, in the
    contest's language."""
    loads = [load_entry(root, slug, schema) for slug in discover(root).slugs
             if wanted is None or slug in wanted]
    errors: dict[str, Problem] = {}
    identities = []
    for load in loads:
        problems = [*load.problems, *check_entry(root, load, contest, schema)]
        first = next((p for p in problems if p.severity == "error"), None)
        if first is not None:
            errors[load.slug] = first
        file = load.document.file if load.document is not None else manifest_display(load.slug)
        identities.append(duplicates.Identity.of(load.slug, file, load.document))
    for repeated in duplicates.find(identities):
        errors.setdefault(repeated.file.split("/")[1], repeated)
    accepted: list[Entry] = []
    for load in loads:
        refused = errors.get(load.slug)
        if refused is None and load.entry is not None:
            accepted.append(load.entry)
            continue
        reason = refused.message(contest.language) if refused is not None else "?"
        where = refused.location() if refused is not None else manifest_display(load.slug)
        log.warning("contest: %s", messages.render(
            "entry.left-out-of-site", contest.language, {"file": where, "reason": reason}
        ))
    return accepted
