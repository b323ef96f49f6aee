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

from site_builder.core import messages, schemas
from site_builder.core.contest import Contest, load_contest
from site_builder.core.errors import ContestDefinitionError
from site_builder.core.problems import Problem
from site_builder.submissions.entries import (
    ENTRIES_DIR,
    Entry,
    discover,
    load_entry,
    manifest_display,
    slug_problem,
)
from site_builder.site import gitdates, thumbnails
from site_builder.site.model import SiteInput
from site_builder.site.rendercache import CACHE_FILE, rendered_descriptions
from site_builder.site.results import load_results

log = logging.getLogger("mkdocs.plugins.contest")


def collect(
    root: Path, now: datetime, *, only: Iterable[str] | None = None, preview: bool = False
) -> SiteInput:
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
    left_out: dict[str, tuple[Problem, ...]] = {}
    lang = contest.language
    slugs = discover(root).slugs
    for slug in slugs:
        if wanted is not None and slug not in wanted:
            continue
        entry, problems = _load(root, slug, entry_schema, contest)
        if entry is None:
            left_out[slug] = problems
            first = problems[0] if problems else None
            log.warning(
                "contest: %s: %s",
                first.location() if first else f"{ENTRIES_DIR}/{slug}",
                messages.render("site.left-out", lang, {
                    "problem": first.message(lang) if first else "", "count": len(problems),
                }),
            )
            continue
        entries.append(entry)
    for slug in sorted((wanted or set()) - set(slugs)):
        left_out[slug] = (
            Problem(f"{ENTRIES_DIR}/{slug}", None, None, "site.unknown-entry", {"slug": slug}),
        )
        log.warning("contest: %s", left_out[slug][0].message(lang))
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
        pictures=pictures,
        descriptions=rendered_descriptions(root / CACHE_FILE, entries),
        entry_schema=entry_schema.document,
        left_out=left_out,
        preview=preview,
    )


def _load(
    root: Path, slug: str, schema: schemas.Schema, contest: Contest
) -> tuple[Entry | None, tuple[Problem, ...]]:
    """The entry if the site can show it, else why not."""
    bad_slug = slug_problem(slug)
    if bad_slug is not None:
        return None, (bad_slug,)
    loaded = load_entry(root, slug, schema)
    entry = loaded.entry
    if entry is None or contest.category(entry.category) is not None:
        return entry, tuple(loaded.problems)
    line, column = loaded.document.locate(["category"]) if loaded.document else (None, None)
    allowed = ", ".join(f"{c.id} ({c.name})" for c in contest.categories)
    return None, (
        Problem(
            manifest_display(slug), line, column, "entry.unknown-category",
            {"category": entry.category, "allowed": allowed}, "category",
        ),
    )
