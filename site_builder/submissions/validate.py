"""`contest validate`: every problem in the contest repository, each with its place.

Validates contest.yml, every entry (or the given paths), and the score ledger,
and collects every problem instead of stopping at the first. Pull-request
mode, which also looks at what a pull request changes, is in `pullrequest`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_builder.core import schemas
from site_builder.core.contest import CONTEST_FILE, Contest, ContestLoad, load_contest
from site_builder.core.errors import UsageError
from site_builder.core.problems import Problem, Report
from site_builder.judging import ledgerchecks, provenance
from site_builder.submissions import duplicates
from site_builder.submissions.checking import check_entries
from site_builder.submissions.entries import ENTRIES_DIR, discover


@dataclass
class Validation:
    report: Report
    language: str


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
        relative = _relative(Path(raw), root, resolved_root)
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
            raise UsageError.coded("cli.not-a-contest-path", path=str(raw))
    return Targets(contest=want_contest, slugs=frozenset(slugs), ledger=want_ledger)


def _relative(path: Path, root: Path, resolved_root: Path) -> Path:
    # Relative to the working directory first, as every command line does;
    # then relative to --root, which is what someone naming a root means.
    candidates = [path] if path.is_absolute() else [Path.cwd() / path, root / path]
    for candidate in candidates:
        try:
            return candidate.resolve().relative_to(resolved_root)
        except ValueError:
            continue
    raise UsageError.coded("cli.outside-the-contest", path=str(path), root=str(root))


def validate_repository(root: Path, paths: Sequence[str] = ()) -> Validation:
    targets = resolve_targets(root, paths)
    report = Report()
    contest_load = load_contest(root)
    # Without a valid contest.yml an entry cannot be fully checked (its
    # category, for one), so its problems are reported even when only
    # entries were asked for: "no problems" would be a false pass.
    if targets.contest or contest_load.contest is None:
        report.extend(contest_load.problems)
        report.checked_files += 1
    entry_schema = schemas.load_schema(root / "schema", schemas.ENTRY)
    found = discover(root)
    if targets.slugs is None:
        report.extend(found.problems)
    else:
        missing = targets.slugs - set(found.slugs)
        found.slugs.extend(sorted(missing))  # reported as "no entry.yml" below
    checked: list[duplicates.Identity] = []
    others: list[duplicates.Identity] = []
    teams: dict[str, frozenset[str]] = {}
    for result in check_entries(root, found.slugs, contest_load.contest, entry_schema,
                                targets.wants):
        if result.team is not None:
            teams[result.slug] = result.team
        if result.problems is None:
            others.append(result.identity)
            continue
        report.checked_files += 1
        report.extend(result.problems)
        checked.append(result.identity)
    report.extend(duplicates.find(checked, others))
    if targets.contest and contest_load.contest is not None:
        report.extend(_form_problems(root, contest_load.contest, entry_schema))
    if targets.ledger:
        report.extend(_ledger_problems(root, contest_load, teams))
    return Validation(report, contest_load.language)


def _form_problems(root: Path, contest: Contest, entry_schema: schemas.Schema) -> list[Problem]:
    from site_builder.submissions import entryform  # only full runs read the form

    platforms = entry_schema.document["properties"]["platforms"]["items"]["enum"]
    return entryform.check_form(root, [c.id for c in contest.categories], platforms)


def _ledger_problems(
    root: Path, contest_load: ContestLoad, teams: Mapping[str, frozenset[str]]
) -> list[Problem]:
    # The ledger is checked against the contest as it is now: a rubric changed
    # after judging, or a judge removed from a round, shows up here.
    problems = ledgerchecks.ledger_problems(root, contest_load.contest, teams)
    if contest_load.contest is not None:
        problems += provenance.provenance_problems(root, contest_load.contest)
    return problems
