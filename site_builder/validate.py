"""`contest validate`: every problem in the contest repository, each with its place.

Validates contest.yml, every entry (or the given paths), and the score ledger,
and collects every problem instead of stopping at the first. Pull-request
mode, which also looks at what a pull request changes, is in `pullrequest`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from site_builder import duplicates, ledger, schemas
from site_builder.contest import CONTEST_FILE, Contest, ContestLoad, load_contest
from site_builder.entries import ENTRIES_DIR, EntryLoad, discover, load_entry
from site_builder.entry_checks import check_entry
from site_builder.errors import UsageError
from site_builder.problems import Problem, Report


@dataclass
class Validation:
    report: Report
    language: str
    contest: Contest | None
    entries: list[EntryLoad] = field(default_factory=list)


@dataclass(frozen=True)
class Targets:
    """What the user asked to validate; everything when nothing was named."""

    contest: bool = True
    slugs: frozenset[str] | None = None
    ledger: bool = True

    def wants(self, slug: str) -> bool:
        return self.slugs is None or slug in self.slugs


def resolve_targets(root: Path, paths: Sequence[str]) -> Targets:
    if not paths:
        return Targets()
    want_contest = False
    want_ledger = False
    slugs: set[str] = set()
    resolved_root = root.resolve()
    for raw in paths:
        try:
            relative = Path(raw).resolve().relative_to(resolved_root)
        except ValueError:
            raise UsageError(f"{raw}: not inside the contest at {root}") from None
        parts = relative.parts
        if not parts or parts == (CONTEST_FILE,):
            want_contest = True
            if not parts:
                return Targets()
        elif parts[0] == ENTRIES_DIR and len(parts) >= 2:
            slugs.add(parts[1])
        elif parts == (ENTRIES_DIR,):
            return Targets(contest=want_contest, slugs=None, ledger=want_ledger)
        elif parts[0] == "scores":
            want_ledger = True
        else:
            raise UsageError(
                f"{raw}: give contest.yml, an entries/<slug> folder or the scores/ folder"
            )
    return Targets(contest=want_contest, slugs=frozenset(slugs), ledger=want_ledger)


def validate_repository(root: Path, paths: Sequence[str] = ()) -> Validation:
    targets = resolve_targets(root, paths)
    report = Report()
    contest_load = load_contest(root)
    if targets.contest or (contest_load.contest is None and contest_load.document is None):
        report.extend(contest_load.problems)
        report.checked_files += 1
    entry_schema = schemas.load_schema(root / "schema", schemas.ENTRY)
    found = discover(root)
    if targets.slugs is None:
        report.extend(found.problems)
    else:
        missing = targets.slugs - set(found.slugs)
        found.slugs.extend(sorted(missing))  # reported as "no entry.yml" below
    loads = [load_entry(root, slug, entry_schema) for slug in found.slugs]
    checked = [load for load in loads if targets.wants(load.slug)]
    for load in checked:
        report.checked_files += 1
        report.extend(load.problems)
        report.extend(check_entry(root, load, contest_load.contest, entry_schema))
    report.extend(
        duplicates.find(
            (_identity(load) for load in checked),
            (_identity(load) for load in loads if not targets.wants(load.slug)),
        )
    )
    if targets.ledger:
        report.extend(_ledger_problems(root, contest_load, loads))
    return Validation(report, contest_load.language, contest_load.contest, loads)


def _identity(load: EntryLoad) -> duplicates.Identity:
    data = load.document.data if load.document is not None else None
    title = service = None
    if isinstance(data, dict):
        title = data.get("title") if isinstance(data.get("title"), str) else None
        link_map = data.get("links")
        if isinstance(link_map, dict) and isinstance(link_map.get("service"), str):
            service = link_map["service"]
    file = load.document.file if load.document is not None else f"{ENTRIES_DIR}/{load.slug}"
    return duplicates.Identity(load.slug, file, title, service, load.document)


def _ledger_problems(
    root: Path, contest_load: ContestLoad, loads: Iterable[EntryLoad]
) -> list[Problem]:
    # The ledger is checked against the contest as it is now: a rubric changed
    # after judging, or a judge removed from a round, shows up here.
    return ledger.ledger_problems(root, contest_load.contest, loads)
