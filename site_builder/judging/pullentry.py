"""Which entry a pull request is for, read from git.

In this order:

1. Fetch ``refs/pull/N/head`` (GitHub keeps it after a merge or close) to
   ``refs/contest/pr/N`` and list what it changes since it forked from the
   default branch. For a pull request merged with a merge commit the head is
   already part of the default branch, so the fork point is taken from the
   branch as it was just before that merge (the oldest commit of the default
   branch's first-parent line that contains the head).
2. If the head cannot be fetched, find the pull request's merge on the
   default branch's first-parent line by GitHub's own commit titles
   (``Merge pull request #N from ...`` or a squash title ending ``(#N)``) and
   take what that commit changed.

The pull request must touch exactly one ``entries/<slug>/`` folder.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import git

from site_builder.core import gitrepo, messages
from site_builder.core.errors import GitError
from site_builder.judging.decision import CommentEvent, refuse
from site_builder.submissions.entries import ENTRIES_DIR

PR_REF = "refs/contest/pr/{number}"
_MERGE_TITLE = "Merge pull request #{number} from "
_SQUASH_SUFFIX = "(#{number})"


def _fetch_head(repo: git.Repo, remote: str, number: int) -> tuple[git.Commit | None, str]:
    ref = PR_REF.format(number=number)
    try:
        repo.git.fetch("--no-tags", "--quiet", remote, f"+refs/pull/{number}/head:{ref}")
    except git.GitCommandError as exc:
        return None, str(exc.stderr or exc).strip()
    return repo.commit(ref), ""


def _head_changes(repo: git.Repo, base: git.Commit, head: git.Commit) -> list[gitrepo.Change]:
    if repo.is_ancestor(head, base):
        # Merged with a merge commit: measure from the default branch as it was
        # just before the merge, or the whole pull request looks empty.
        chain = repo.git.rev_list(
            "--first-parent", "--ancestry-path", f"{head.hexsha}..{base.hexsha}"
        ).split()
        if chain:
            merge = repo.commit(chain[-1])
            before = merge.parents[0]
            if before.hexsha != head.hexsha:
                return gitrepo.changes(repo, gitrepo.merge_base(repo, before, head), head)
        # Fast-forwarded onto the default branch (GitHub never does this): the
        # head commit's own changes are all that can be told apart.
        if not head.parents:
            return []
        return gitrepo.changes(repo, head.parents[0], head)
    return gitrepo.changes(repo, gitrepo.merge_base(repo, base, head), head)


def _merge_changes(repo: git.Repo, base: git.Commit, number: int) -> list[gitrepo.Change] | None:
    """What the pull request's merge commit (or squash commit) on the default branch changed."""
    if (Path(repo.git_dir) / "shallow").exists():
        with contextlib.suppress(git.GitCommandError):
            repo.git.fetch("--no-tags", "--quiet", "--unshallow", "origin")
    log = repo.git.log("--first-parent", "--format=%H %s", base.hexsha)
    merge_title = _MERGE_TITLE.format(number=number)
    squash = _SQUASH_SUFFIX.format(number=number)
    for line in log.splitlines():
        sha, _, subject = line.partition(" ")
        if subject.startswith(merge_title) or subject.rstrip().endswith(squash):
            commit = repo.commit(sha)
            if not commit.parents:
                return None
            return gitrepo.changes(repo, commit.parents[0], commit)
    return None


def entry_of_pull_request(repo: git.Repo, remote: str, event: CommentEvent) -> str:
    base = repo.head.commit
    head, error = _fetch_head(repo, remote, event.number)
    changed = _head_changes(repo, base, head) if head is not None else None
    if changed is None:
        changed = _merge_changes(repo, base, event.number)
    if changed is None:
        if error and "couldn't find remote ref" not in error.lower():
            raise GitError(
                f"cannot fetch refs/pull/{event.number}/head from '{remote}' ({error}) and the "
                f"default branch has no merge commit for #{event.number}; check the remote and "
                "that the checkout has full history (actions/checkout: fetch-depth: 0)"
            )
        raise refuse("score.no-entry", reason=messages.by_language(
            "score.why-nothing-found", {"number": event.number, "branch": event.default_branch}))
    slugs = sorted({c.path.split("/")[1] for c in changed
                    if c.path.startswith(f"{ENTRIES_DIR}/") and c.path.count("/") >= 2})
    if not slugs:
        raise refuse("score.no-entry", reason=messages.by_language("score.why-no-entry-folder"))
    if len(slugs) > 1:
        raise refuse("score.multiple-entries", slugs=slugs)
    return slugs[0]
