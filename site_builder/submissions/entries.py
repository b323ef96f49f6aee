"""Entries: the folders under entries/, their manifests, and the Entry model.

An entry is `entries/<slug>/entry.yml` plus the images it lists. The slug is
the folder's name, never a field, so two entries cannot claim one slug.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.core.loader import ENTRY_SIZE_LIMIT, Document, LoadFailure, load_bytes, load_file
from site_builder.core.problems import Problem
from site_builder.core.schemas import Schema

ENTRIES_DIR = "entries"
MANIFEST = "entry.yml"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]\Z")
# Files that may sit directly in entries/ without being an entry.
_ALLOWED_LOOSE = {".gitkeep", "README.md"}


@dataclass(frozen=True)
class Member:
    name: str
    github: str
    role: str = ""


@dataclass(frozen=True)
class Dataset:
    name: str
    provider: str
    url: str


@dataclass(frozen=True)
class Entry:
    slug: str
    title: str
    summary: str
    description: str
    category: str
    team_name: str
    members: tuple[Member, ...]
    service: str
    platforms: tuple[str, ...]
    license: str
    screenshots: tuple[str, ...]
    tags: tuple[str, ...] = ()
    source: str | None = None
    video: str | None = None
    docs: str | None = None
    public_data: tuple[Dataset, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def manifest_path(self) -> str:
        return f"{ENTRIES_DIR}/{self.slug}/{MANIFEST}"

    def has_member(self, login: str) -> bool:
        folded = login.casefold()
        return any(m.github.casefold() == folded for m in self.members)

    @classmethod
    def from_data(cls, slug: str, data: Mapping[str, Any]) -> Entry:
        """Build from schema-valid data."""
        links = data["links"]
        return cls(
            slug=slug,
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            category=data["category"],
            tags=tuple(data.get("tags", ())),
            team_name=data["team"]["name"],
            members=tuple(
                Member(m["name"], m["github"], m.get("role", "")) for m in data["team"]["members"]
            ),
            service=links["service"],
            source=links.get("source"),
            video=links.get("video"),
            docs=links.get("docs"),
            platforms=tuple(data["platforms"]),
            public_data=tuple(
                Dataset(d["name"], d["provider"], d["url"]) for d in data.get("public_data", ())
            ),
            license=data["license"],
            screenshots=tuple(data["screenshots"]),
            raw=data,
        )


def manifest_display(slug: str) -> str:
    return f"{ENTRIES_DIR}/{slug}/{MANIFEST}"


@dataclass
class Discovery:
    slugs: list[str]
    problems: list[Problem]


def discover(root: Path) -> Discovery:
    """Every entry folder under entries/, and what else is wrongly there."""
    base = root / ENTRIES_DIR
    slugs: list[str] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return Discovery(slugs, problems)
    with os.scandir(base) as found:
        children = sorted(found, key=lambda child: child.name)
    for child in children:
        display = f"{ENTRIES_DIR}/{child.name}"
        if child.is_symlink():
            problems.append(Problem(display, None, None, "file.symlink"))
        elif child.is_dir(follow_symlinks=False):
            slugs.append(child.name)
        elif child.name not in _ALLOWED_LOOSE:
            problems.append(Problem(display, None, None, "entry.stray-file"))
    return Discovery(slugs, problems)


def slug_problem(slug: str) -> Problem | None:
    if SLUG.match(slug):
        return None
    return Problem(f"{ENTRIES_DIR}/{slug}", None, None, "entry.bad-slug", {"slug": slug})


@dataclass
class EntryLoad:
    slug: str
    entry: Entry | None
    document: Document | None
    problems: list[Problem]


def load_entry(root: Path, slug: str, schema: Schema) -> EntryLoad:
    """Read and schema-check one manifest. `entry` is set only when the schema passes."""
    display = manifest_display(slug)
    path = root / ENTRIES_DIR / slug / MANIFEST
    if not path.exists() and not path.is_symlink():
        problem = Problem(f"{ENTRIES_DIR}/{slug}", None, None, "entry.no-manifest", {"slug": slug})
        return EntryLoad(slug, None, None, [problem])
    try:
        document = load_file(path, display, ENTRY_SIZE_LIMIT)
    except LoadFailure as failure:
        return EntryLoad(slug, None, None, [failure.problem])
    return _from_document(slug, document, schema)


def load_entry_bytes(slug: str, raw: bytes, schema: Schema) -> EntryLoad:
    """A manifest read from git (an entry as it is on the base branch)."""
    try:
        document = load_bytes(raw, manifest_display(slug), ENTRY_SIZE_LIMIT)
    except LoadFailure as failure:
        return EntryLoad(slug, None, None, [failure.problem])
    return _from_document(slug, document, schema)


def _from_document(slug: str, document: Document, schema: Schema) -> EntryLoad:
    problems = schema.check(document)
    entry = None if problems else Entry.from_data(slug, document.data)
    return EntryLoad(slug, entry, document, problems)
