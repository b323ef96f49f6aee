"""Pull-request mode of `contest validate`: what the pull request changes, and may change.

A submission adds or changes exactly one `entries/<slug>/` folder and nothing
else. The rules it is judged by come from the BASE commit (contest.yml and
the schemas as they are on the default branch), never from the pull request,
which could otherwise loosen them. The author may edit an existing entry only
if the base version lists them in its team, and no pull request may put a judge
on a team or take one off it, nor change an existing team after the close.
The submission time (`--submitted-at`) is when GitHub received the push of the
head (validate.yml passes the event's ``pull_request.updated_at``): never the
pull request's creation, which a placeholder opened early keeps, and never a
commit date, which the entrant sets.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import git

from site_builder.core import gitrepo, schemas
from site_builder.core.contest import CONTEST_FILE, Contest, load_contest_text
from site_builder.core.errors import GitError, UsageError
from site_builder.core.loader import CONTEST_SIZE_LIMIT, ENTRY_SIZE_LIMIT, Document
from site_builder.core.problems import Problem, Report, capped
from site_builder.submissions import duplicates
from site_builder.submissions.entries import (
    ENTRIES_DIR,
    MANIFEST,
    load_entry,
    load_entry_bytes,
    manifest_display,
)
from site_builder.submissions.entry_checks import check_entry
from site_builder.submissions.teams import is_member, team_logins

# Paths only organizers change; anything else outside entries/ is just "outside".
PROTECTED = (
    CONTEST_FILE, "schema/", "scores/", "results/", ".github/", "site_builder/",
    "mkdocs.yml", "pyproject.toml", ".ci/", "docs/", "tests/", "benchmarks/",
)


def validate_pull_request(
    root: Path, base_ref: str, author: str | None, submitted_at: str | None
) -> tuple[Report, str]:
    moment = _parse_time(submitted_at) if submitted_at else None
    repo = gitrepo.open_repo(root)
    base = gitrepo.resolve(repo, base_ref)
    head = repo.head.commit
    since = gitrepo.merge_base(repo, base, head)
    changed = gitrepo.changes(repo, since, head)

    # The rules come from the base commit, read in one go with the entry's
    # base version (if it exists, the pull request edits an existing entry).
    slugs = _classify(changed, Report())
    slug_paths = [f"{ENTRIES_DIR}/{slug}/{MANIFEST}" for slug in sorted(slugs)]
    contest_path, schema_path, entry_schema_path = (
        CONTEST_FILE, "schema/" + schemas.CONTEST, "schema/" + schemas.ENTRY
    )
    blobs = gitrepo.read_blobs(
        base, [contest_path, schema_path, entry_schema_path, *slug_paths], CONTEST_SIZE_LIMIT
    )
    contest_raw, schema_raw, entry_schema_raw = (
        blobs[contest_path], blobs[schema_path], blobs[entry_schema_path]
    )
    if contest_raw is None or schema_raw is None or entry_schema_raw is None:
        raise GitError.coded("pr.base-has-no-contest", commit=base.hexsha[:12])
    # A broken schema on the base branch stops the run with its own message
    # (ContestDefinitionError), bad bytes included.
    contest_schema = schemas.schema_from_text(
        schemas.CONTEST, schema_raw.decode("utf-8", "replace")
    )
    contest_load = load_contest_text(contest_raw, contest_schema)
    entry_schema = schemas.schema_from_text(
        schemas.ENTRY, entry_schema_raw.decode("utf-8", "replace")
    )
    report = Report()
    if contest_load.contest is None:
        # The organizers' own file is broken on the base branch: say so, since
        # no entry can be judged against it.
        report.extend(contest_load.problems)
        return report, contest_load.language
    contest = contest_load.contest

    _classify(changed, report)
    if len(slugs) > 1:
        report.add(
            Problem(f"{ENTRIES_DIR}/", None, None, "pr.multiple-entries", {"slugs": sorted(slugs)})
        )
    elif not slugs and report.ok:
        report.add(Problem(f"{ENTRIES_DIR}/", None, None, "pr.no-entry"))
    if len(slugs) == 1:
        slug = next(iter(slugs))
        report.entry = slug
        _check_entry(root, base=base, base_manifest=blobs[f"{ENTRIES_DIR}/{slug}/{MANIFEST}"],
                     slug=slug, changed=changed, author=author, moment=moment,
                     contest=contest, entry_schema=entry_schema, report=report)
    late = moment is not None and _check_time(contest, moment, report.entry, report)
    report.status = "late" if late else ("valid" if report.ok else "needs-fix")
    return report, contest.language


def _classify(changed: list[gitrepo.Change], report: Report) -> set[str]:
    slugs: set[str] = set()
    for change in changed:
        parts = change.path.split("/")
        if parts[0] == ENTRIES_DIR and len(parts) >= 3:
            slugs.add(parts[1])
        elif change.path.startswith(PROTECTED) or change.path == CONTEST_FILE:
            report.add(Problem(change.path, None, None, "pr.protected", {"path": change.path}))
        else:
            params = {"path": change.path}
            report.add(Problem(change.path, None, None, "pr.outside-entries", params))
    return slugs


def _check_entry(
    root: Path,
    *,
    base: git.Commit,
    base_manifest: bytes | None,
    slug: str,
    changed: list[gitrepo.Change],
    author: str | None,
    moment: datetime | None,
    contest: Contest,
    entry_schema: schemas.Schema,
    report: Report,
) -> None:
    manifest = f"{ENTRIES_DIR}/{slug}/{MANIFEST}"
    if any(c.path == manifest and c.status == "D" for c in changed):
        report.add(Problem(manifest, None, None, "pr.deletes-entry", {"slug": slug}))
        return
    before: object = None
    if base_manifest is not None:
        loaded = load_entry_bytes(slug, base_manifest, entry_schema)
        before = loaded.document.data if loaded.document else None
    # The base version decides who may edit: an entry merged under an older
    # schema must still name its owners.
    if base_manifest is not None and author and not is_member(before, author):
        params = {"author": author, "slug": slug}
        report.add(Problem(manifest, None, None, "pr.not-team-member", params))
    load = load_entry(root, slug, entry_schema)
    report.checked_files += 1
    team_problems = Report()
    if load.document is not None:
        _check_team_change(contest, slug, base_manifest is not None, before, load.document,
                           moment, team_problems)
    report.extend(capped([*load.problems, *team_problems.problems,
                          *check_entry(root, load, contest, entry_schema)]))
    # Compared with the entries of the base commit, like every other rule: the
    # checkout lacks the entries merged since the branch was made, and still
    # holds those withdrawn since.
    buffer, spans, too_large = gitrepo.files_in_subfolders(
        base, ENTRIES_DIR, MANIFEST, ENTRY_SIZE_LIMIT
    )
    others = duplicates.identities(buffer, [span for span in spans if span[0] != slug])
    others += [duplicates.identity_from_bytes(other, None) for other in too_large]
    mine = duplicates.Identity.of(slug, manifest_display(slug), load.document)
    report.extend(duplicates.find_one(mine, others))


def _check_team_change(
    contest: Contest, slug: str, exists: bool, before: object, after: Document,
    moment: datetime | None, report: Report,
) -> None:
    """A pull request may not put a judge on a team or take one off it: taken off, the
    judge could score the entry; put on, their scores of it would look like a conflict
    of interest (an entrant could veto a judge). Nor may it change an existing team
    after submissions close. Both need an organizer, who can still merge such a pull
    request (docs/organizers.md)."""
    old, new = team_logins(before), team_logins(after.data)
    changed = old ^ new
    if not changed:
        return
    manifest = manifest_display(slug)
    line, column = after.locate(["team", "members"])
    judges = {login.casefold(): login for login in _judge_logins(contest)}
    named = sorted(judges[login] for login in changed & judges.keys())
    if named:
        report.add(Problem(manifest, line, column, "pr.team-judge",
                           {"slug": slug, "logins": ", ".join(named)}, "team.members"))
    if exists and moment is not None and moment > contest.submission_close:
        params = {"slug": slug, "close": contest.submission_close.isoformat()}
        report.add(Problem(manifest, line, column, "pr.team-closed", params, "team.members"))


def _judge_logins(contest: Contest) -> list[str]:
    """Every judge login of contest.yml, its judges and its rounds' lists."""
    return [judge.github for judge in contest.judges] + [
        login for round_ in contest.rounds for login in round_.judges
    ]


def _check_time(contest: Contest, moment: datetime, slug: str | None, report: Report) -> bool:
    file = manifest_display(slug) if slug else CONTEST_FILE
    if moment < contest.submission_open:
        params = {"open": contest.submission_open.isoformat(), "submitted": moment.isoformat()}
        report.add(Problem(file, None, None, "pr.early", params))
    elif moment > contest.submission_close:
        params = {"close": contest.submission_close.isoformat(), "submitted": moment.isoformat()}
        report.add(Problem(file, None, None, "pr.late", params))
        return True
    return False


def _parse_time(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError.coded("pr.submitted-at-not-a-time", value=value) from None
    if moment.tzinfo is None:
        raise UsageError.coded("pr.submitted-at-no-offset", value=value)
    return moment
