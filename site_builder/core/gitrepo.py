"""Git access for pull-request mode, with GitPython: what changed, and the base's files.

CI checkouts are often shallow. When the base commit or the merge base is
missing, this fetches what it needs from `origin` (deepening step by step,
then unshallowing) and, if it still cannot, says exactly what is missing and
how to get it, instead of git's "no merge base".
"""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

import git

from site_builder.core.errors import GitError

_DEEPEN_STEPS = (50, 500)


@dataclass(frozen=True)
class Change:
    status: str
    """git's letter: A added, M modified, D deleted, T type changed."""
    path: str


def open_repo(root: Path) -> git.Repo:
    try:
        return git.Repo(root, search_parent_directories=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError.coded("git.not-a-repository", root=str(root)) from None


def resolve(repo: git.Repo, ref: str) -> git.Commit:
    """The commit `ref` names, fetching it from origin if this clone lacks it."""
    try:
        return repo.commit(ref)
    except (git.BadName, ValueError, git.GitCommandError):
        pass
    if _has_origin(repo):
        for refspec in (ref, ref.removeprefix("origin/")):
            try:
                repo.git.fetch("--no-tags", "--depth=1", "origin", refspec)
                return repo.commit("FETCH_HEAD")
            except git.GitCommandError:
                continue
    raise GitError.coded("git.base-not-found", ref=ref)


def merge_base(repo: git.Repo, base: git.Commit, head: git.Commit) -> git.Commit:
    found = _merge_base(repo, base, head)
    if found is not None:
        return found
    if _is_shallow(repo) and _has_origin(repo):
        for depth in _DEEPEN_STEPS:
            try:
                repo.git.fetch("--no-tags", f"--deepen={depth}", "origin", base.hexsha)
            except git.GitCommandError:
                break
            found = _merge_base(repo, base, head)
            if found is not None:
                return found
        with contextlib.suppress(git.GitCommandError):
            repo.git.fetch("--no-tags", "--unshallow", "origin")
        found = _merge_base(repo, base, head)
        if found is not None:
            return found
    code = "git.no-merge-base-shallow" if _is_shallow(repo) else "git.no-merge-base"
    raise GitError.coded(code, base=base.hexsha[:12], head=head.hexsha[:12])


def changes(repo: git.Repo, since: git.Commit, head: git.Commit) -> list[Change]:
    # --no-renames: a moved folder is a deletion plus an addition, which is
    # what it means for the contest (two slugs touched).
    out = repo.git.diff("--no-renames", "--name-status", "-z", since.hexsha, head.hexsha)
    fields = [f for f in out.split("\0") if f]
    return [Change(fields[i][0], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def read_blobs(commit: git.Commit, paths: list[str], limit: int) -> dict[str, bytes | None]:
    """Files' bytes at `commit` (None where a path is not a file there), each
    cut at `limit` + 1 bytes so the caller can refuse what is too big.

    One `git ls-tree` finds them all and GitPython's persistent
    `git cat-file --batch` reads them, rather than walking GitPython's tree
    objects, which parse and check every name of entries/ (thousands)."""
    found: dict[str, bytes | None] = dict.fromkeys(paths)
    listing = commit.repo.git.ls_tree("-z", "--full-tree", commit.hexsha, "--", *paths)
    for record in filter(None, listing.split("\0")):
        meta, _, path = record.partition("\t")
        _mode, kind, sha = meta.split()
        if kind == "blob" and path in found:
            stream = commit.repo.odb.stream(bytes.fromhex(sha))
            found[path] = stream.read(limit + 1)
    return found


def files_in_subfolders(
    commit: git.Commit, folder: str, name: str, limit: int
) -> tuple[bytes, list[tuple[str, int, int]], list[str]]:
    """Every regular file `folder/<subfolder>/name` at `commit` (the manifests of
    the entries on the base branch), read in one go: the bytes of all of them, the
    (subfolder, start, end) span of each in those bytes (each preceded by a line
    break), and the subfolders whose file is over `limit` (not read).

    Two git processes whatever the number of entries (ls-tree, then one
    cat-file --batch for every blob): 0.1 s for 5,000 manifests, where one
    GitPython round trip per blob took three seconds."""
    repo = commit.repo
    listing = repo.git.ls_tree("-r", "-l", "-z", commit.hexsha, "--", f"{folder}/")
    wanted: list[tuple[str, str]] = []
    too_large: list[str] = []
    for record in listing.split("\0"):
        if not record:
            continue
        meta, _, path = record.partition("\t")
        mode, kind, sha, size = meta.split()
        parts = path.split("/")
        if len(parts) != 3 or parts[2] != name or kind != "blob" or mode not in _REGULAR:
            continue
        if int(size) > limit:
            too_large.append(parts[1])
        else:
            wanted.append((parts[1], sha))
    if not wanted:
        return b"", [], too_large
    batch = subprocess.run(
        ["git", "--git-dir", repo.git_dir, "cat-file", "--batch"],
        input="".join(f"{sha}\n" for _, sha in wanted).encode("ascii"),
        capture_output=True,
        check=False,
    )
    if batch.returncode != 0:
        raise GitError.coded("git.failed", command="cat-file",
                             detail=batch.stderr.decode(errors="replace").strip())
    out = batch.stdout
    spans: list[tuple[str, int, int]] = []
    offset = 0
    for subfolder, _sha in wanted:
        # Each object is "<sha> blob <size>\n", its bytes, then "\n".
        header_end = out.index(b"\n", offset)
        size = int(out[offset:header_end].split()[2])
        start = header_end + 1
        spans.append((subfolder, start, start + size))
        offset = start + size + 1
    return out, spans, too_large


_REGULAR = ("100644", "100755")


def _merge_base(repo: git.Repo, base: git.Commit, head: git.Commit) -> git.Commit | None:
    try:
        bases = repo.merge_base(base, head)
    except git.GitCommandError:
        return None
    return bases[0] if bases else None


def _has_origin(repo: git.Repo) -> bool:
    return any(remote.name == "origin" for remote in repo.remotes)


def _is_shallow(repo: git.Repo) -> bool:
    return (Path(repo.git_dir) / "shallow").exists()
