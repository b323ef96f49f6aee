"""What page generation takes and gives: plain data, so generation stays a pure function."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from site_builder.core.contest import Contest
from site_builder.core.problems import Problem
from site_builder.submissions.entries import Entry
from site_builder.site.results import RoundResult
from site_builder.site.safe import description_html
from site_builder.site.thumbnails import EntryPictures, placeholder


@dataclass(frozen=True)
class SiteInput:
    contest: Contest
    entries: tuple[Entry, ...]
    """Accepted entries, sorted by slug."""
    now: datetime
    results: tuple[RoundResult, ...] = ()
    updated: Mapping[str, datetime] = field(default_factory=dict)
    pictures: Mapping[str, EntryPictures] = field(default_factory=dict)
    entry_schema: Mapping[str, Any] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)
    """slug -> sanitized description HTML (rendered ahead, from a cache); optional."""
    judge_salt: str | None = None
    """A secret that orders pseudonymous judges' letters (see `pages.common.judge_labels`)."""
    commit: str | None = None
    """The commit the site is built from: the results page's verification checks it out."""
    left_out: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)
    """slug -> why that entry is not on the site (invalid, or asked for by --only and absent)."""
    preview: bool = False
    """A preview (`mkdocs serve`, `contest build --only`): a left-out entry's page shows
    its problems instead of being missing."""
    assignments: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    """round id -> (seed, min_cut) of its assignments/<round>.yml, for rounds with one."""

    @property
    def lang(self) -> str:
        return self.contest.language

    def description_of(self, entry: Entry) -> str:
        found = self.descriptions.get(entry.slug)
        return found if found is not None else description_html(entry.description)

    def pictures_of(self, slug: str) -> EntryPictures:
        found = self.pictures.get(slug)
        return found if found is not None else EntryPictures(placeholder(), (placeholder(),))


NavLink = tuple[str, str]
NavItem = tuple[str, "str | list[NavLink]"]


@dataclass
class SiteOutput:
    pages: dict[str, str] = field(default_factory=dict)
    """docs-relative path of a Markdown page -> its Markdown."""
    files: dict[str, str] = field(default_factory=dict)
    """docs-relative path of a data file (JSON, CSV) -> its text."""
    images: dict[str, Path] = field(default_factory=dict)
    """docs-relative path of an image -> the cached file to publish."""
    nav: list[NavItem] = field(default_factory=list)
    """(title, docs-relative path) or (title, [(title, path), ...]) for a section, in
    order; everything else stays out of the nav."""
    lang: str = "ko"
    """The contest's language (the hooks' own strings follow it)."""
    head: dict[str, str] = field(default_factory=dict)
    """docs-relative page path -> HTML for its <head> (link previews, see sharing.py)."""
    search_keys: dict[str, str] = field(default_factory=dict)
    """docs-relative page path -> extra search tokens for it (see search.py)."""
