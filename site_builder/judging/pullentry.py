"""Which entry a pull request is for: read from the merge on the default branch, never
from a head that can still move.

A score is accepted only on the merged pull request that added the entry, or that last
changed it, on the default branch. Both are read from the default branch's own
history, its first-parent line, where each pull request GitHub merges leaves one commit
whose title it writes: ``Merge pull request #N from ...`` (a merge commit) or a title
ending ``(#N)`` (a squash). What that commit changed against the branch as it was just
before it is what the pull request brought. Commits without such a title (an
organizer's direct push, the bot's scores) never move where an entry is scored.

Nothing from the pull request decides anything: ``refs/pull/N/head`` can be
force-pushed until the run starts, so it is read only when the pull request is not
merged, to tell the judge where to score instead. The payload's
``issue.pull_request.merged_at`` is not consulted either: the history is what the run
records against, and it is there.

Organizers merge entry pull requests with a merge commit or a squash. A rebase merge
replays the entrant's own commits, whose titles the entrant wrote; such a pull request
has no merge title, so it cannot be scored, rather than be scored as another.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

import git

from site_builder.core import gitrepo, messages
from site_builder.core.errors import GitError
from site_builder.judging.decision import CommentEvent, refuse
from site_builder.submissions.entries import ENTRIES_DIR

PR_REF = "refs/contest/pr/{number}"
_MERGE_TITLE = re.compile(r"^Merge pull request #([0-9]{1,9}) from ")
_SQUASH_TITLE = re.compile(r"\(#([0-9]{1,9})\)\s*$")


@dataclass(frozen=True)
class Merge:
    """A first-parent commit of the default branch that changed entries/."""

    sha: str
    number: int | None
    """The pull request it merged, by GitHub's title; None for a direct push."""
    slugs: frozenset[str]
    """The entry folders it changed, against the branch just before it."""


def entry_of_pull_request(repo: git.Repo, remote: str, event: CommentEvent) -> str:
    """The entry that pull request #N is the place to score, or `Refusal` saying where
    to score instead."""
    merges = entry_merges(repo, repo.head.commit)
    own = next((m for m in merges if m.number == event.number), None)
    if own is not None:
        slug = _one_entry(sorted(own.slugs))
        latest = last_pull_request(merges, slug)
        if latest is not None and latest.number != event.number:
            raise refuse("score.not-entry-pull-request", number=event.number, slug=slug,
                         latest=latest.number)
        return slug
    # Not merged: the head says what it would change, for the reply only.
    slug = _one_entry(_unmerged_entries(repo, remote, event))
    latest = last_pull_request(merges, slug)
    if latest is not None:
        raise refuse("score.pull-request-not-merged", number=event.number, slug=slug,
                     latest=latest.number, branch=event.default_branch)
    raise refuse("score.entry-not-merged", slug=slug, branch=event.default_branch)


def entry_merges(repo: git.Repo, base: git.Commit) -> list[Merge]:
    """The first-parent commits of `base` that changed entries/, newest first: one
    ``git log`` with each commit's changes against its first parent."""
    if (Path(repo.git_dir) / "shallow").exists():
        with contextlib.suppress(git.GitCommandError):
            repo.git.fetch("--no-tags", "--quiet", "--unshallow", "origin")
    out = repo.git.log("--first-parent", "--diff-merges=first-parent", "--no-renames",
                       "--name-only", "-z", "--format=%x01%H%x00%s", base.hexsha, "--",
                       f"{ENTRIES_DIR}/")
    merges = []
    for record in out.split("\x01")[1:]:
        sha, _, rest = record.partition("\x00")
        subject, _, names = rest.partition("\x00")
        found = _MERGE_TITLE.match(subject) or _SQUASH_TITLE.search(subject)
        slugs = frozenset(
            path.split("/")[1] for path in names.strip("\n\x00").split("\x00")
            if path.startswith(f"{ENTRIES_DIR}/") and path.count("/") >= 2
        )
        merges.append(Merge(sha, int(found.group(1)) if found else None, slugs))
    return merges


def last_pull_request(merges: list[Merge], slug: str) -> Merge | None:
    """The newest merged pull request that changed entries/<slug>/."""
    return next((m for m in merges if m.number is not None and slug in m.slugs), None)


def _one_entry(slugs: list[str]) -> str:
    if not slugs:
        raise refuse("score.no-entry", reason=messages.by_language("score.why-no-entry-folder"))
    if len(slugs) > 1:
        raise refuse("score.multiple-entries", slugs=slugs)
    return slugs[0]


def _unmerged_entries(repo: git.Repo, remote: str, event: CommentEvent) -> list[str]:
    """The entry folders an unmerged pull request's head changes now."""
    ref = PR_REF.format(number=event.number)
    try:
        repo.git.fetch("--no-tags", "--quiet", remote, f"+refs/pull/{event.number}/head:{ref}")
    except git.GitCommandError as exc:
        error = str(exc.stderr or exc).strip()
        if "couldn't find remote ref" not in error.lower():
            raise GitError.coded("record.fetch-pull-request", number=event.number,
                                 remote=remote, detail=error) from None
        raise refuse("score.no-entry", reason=messages.by_language(
            "score.why-nothing-found",
            {"number": event.number, "branch": event.default_branch})) from None
    base, head = repo.head.commit, repo.commit(ref)
    if repo.is_ancestor(head, base):
        # Already in the branch, yet no merge of #N there: not a merge GitHub made.
        raise refuse("score.no-entry", reason=messages.by_language(
            "score.why-nothing-found",
            {"number": event.number, "branch": event.default_branch}))
    changed = gitrepo.changes(repo, gitrepo.merge_base(repo, base, head), head)
    return sorted({c.path.split("/")[1] for c in changed
                   if c.path.startswith(f"{ENTRIES_DIR}/") and c.path.count("/") >= 2})
