"""Who made each change to the score ledger: every commit that touched scores/ must be
one the recorder could have made.

The recorder makes exactly one kind of commit (`recorder`): one score file added,
changed or removed, and nothing else; committed by the contest bot that contest.yml
names (``bot``); authored by the judge whose file it is
(``<login>@users.noreply.github.com``); with the trailers ``Comment``, ``Event-Time``
and ``Pull-Request`` equal to the file's ``comment_url``, ``event_time`` and
``pull_request`` (for a withdrawal, which leaves no file, an ``Event-Time``). Any
other commit that touches a score file is reported: a hand edit, a commit of several
files, a merge that brings score files no parent had, a score file under another
judge's name.

git does not authenticate names, so this catches every change not made the recorder's
way, while a forger who copies the bot's identity and trailers exactly is stopped by
the second layer: branch protection, under which only the bot's workflow can push to
the default branch at all (docs/organizers.md).

One ``git log`` over scores/ (with each commit's whole change, so a commit that also
touches other files shows) and one ``git cat-file --batch`` for the files the commits
wrote, however long the ledger.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.core.contest import Contest
from site_builder.core.errors import GitError
from site_builder.core.loader import SCORE_SIZE_LIMIT, LoadFailure, parse
from site_builder.core.problems import Problem
from site_builder.judging import scorefile
from site_builder.judging.ledger import SCORES_DIR

NOREPLY = "@users.noreply.github.com"
_SHA = re.compile(r"^[0-9a-f]{40}(?: [0-9a-f]{40})*$")
_SCORE_PATH = re.compile(
    r"^scores/[a-z][a-z0-9_-]{0,39}/[a-z0-9][a-z0-9-]{0,59}/"
    r"(?P<login>[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38})\.yml$"
)
_RAW = re.compile(r"^(:+)(?:[0-7]{6} )+(?:[0-9a-f]{40} )+(?P<status>[A-Z]+)$")
# The header of each commit: fields joined by NUL, which git text cannot hold.
_FORMAT = "%x01%H %P%x00%an%x00%ae%x00%cn%x00%ce%x00%(trailers:only,unfold)%x00"
_HEADER_FIELDS = 6


@dataclass
class _Commit:
    sha: str
    parents: int
    author: tuple[str, str]
    committer: tuple[str, str]
    trailers: dict[str, list[str]]
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    """(status, new blob, path) per changed path; status ``C`` for a merge's combined
    change."""
    readable: bool = True


def provenance_problems(root: Path, contest: Contest) -> list[Problem]:
    """Every commit in HEAD's history that touched a score file and is not one the
    recorder makes; nothing outside a git repository. A shallow clone cannot be
    checked: a warning says so."""
    where = _repository(root)
    if where is None:
        return []
    top, prefix, shallow = where
    if shallow:
        return [Problem(SCORES_DIR, None, None, "ledger.history-shallow", severity="warning")]
    commits = list(_log(top, prefix))
    contents = _contents(top, [c for c in commits if _wrote_one_file(c, prefix)])
    bot = (contest.bot.name, contest.bot.email)
    problems: list[Problem] = []
    for commit in commits:
        problem = _verdict(commit, prefix, bot, contents)
        if problem is not None:
            problems.append(problem)
    return problems


def _verdict(commit: _Commit, prefix: str, bot: tuple[str, str],
             contents: Mapping[str, Mapping[str, Any] | None]) -> Problem | None:
    scored = [c for c in commit.changes if _in_ledger(c[2], prefix)]
    if commit.readable and not scored:
        return None  # only loose files of scores/ (.gitkeep, README.md)
    short = commit.sha[:12]
    shown = _display(scored[0][2], prefix) if scored else SCORES_DIR

    def problem(code: str, **params: Any) -> Problem:
        return Problem(shown, None, None, code, {"commit": short, **params})

    if not commit.readable:
        return problem("ledger.commit-unreadable")
    if commit.parents > 1:
        return problem("ledger.commit-merge", count=len(scored))
    if len(commit.changes) != 1:
        return problem("ledger.commit-files", count=len(commit.changes),
                       files=[_display(c[2], prefix) for c in commit.changes[:5]])
    status, blob, path = commit.changes[0]
    match = _SCORE_PATH.match(_display(path, prefix))
    if match is None:
        return problem("ledger.commit-files", count=1, files=[shown])
    if commit.committer != bot:
        return problem("ledger.commit-committer", committer=_person(commit.committer),
                       bot=_person(bot))
    name, email = commit.author
    login = match.group("login")
    if name.casefold() != login or email.casefold() != f"{name}{NOREPLY}".casefold():
        return problem("ledger.commit-author", author=_person(commit.author), login=login)
    times = commit.trailers.get("Event-Time", [])
    if status == "D":
        if len(times) != 1:
            return problem("ledger.commit-trailer", trailer="Event-Time",
                           found=" | ".join(times) or "-", expected="1")
        return None
    data = contents.get(blob)
    if data is None:
        return problem("ledger.commit-unreadable")
    expected = {
        "Comment": data.get("comment_url"),
        "Event-Time": data.get("event_time"),
        "Pull-Request": (f"#{data['pull_request']}"
                         if data.get("pull_request") is not None else None),
    }
    for trailer, value in expected.items():
        found = commit.trailers.get(trailer, [])
        if found != ([str(value)] if value is not None else []):
            return problem("ledger.commit-trailer", trailer=trailer,
                           found=" | ".join(found) or "-", expected=value or "-")
    return None


def _in_ledger(path: str, prefix: str) -> bool:
    """A path inside a round's folder (loose files of scores/ itself are not scores)."""
    relative = _display(path, prefix)
    return relative.startswith(f"{SCORES_DIR}/") and relative.count("/") >= 2


def _wrote_one_file(commit: _Commit, prefix: str) -> bool:
    return (commit.readable and commit.parents <= 1 and len(commit.changes) == 1
            and commit.changes[0][0] != "D" and _in_ledger(commit.changes[0][2], prefix))


def _display(path: str, prefix: str) -> str:
    return path[len(prefix):] if prefix and path.startswith(prefix) else path


def _person(who: tuple[str, str]) -> str:
    return f"{who[0]} <{who[1]}>"


# --- git ---------------------------------------------------------------------------------


def _repository(root: Path) -> tuple[Path, str, bool] | None:
    """(top level, the contest's path prefix in it, shallow) or None outside git or
    before the first commit."""
    done = _run(root, "rev-parse", "--show-toplevel", "--is-shallow-repository",
                "--verify", "--quiet", "HEAD")
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) < 3:
        return None
    top = Path(lines[0])
    relative = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if relative == "." else f"{relative}/"
    return top, prefix, lines[1] == "true"


def _log(top: Path, prefix: str) -> Iterator[_Commit]:
    # --full-diff: the commit's whole change, so that other files it touched show.
    # -c: a merge shows only what differs from every parent (what none of them had).
    done = _run(top, "log", "--full-diff", "-c", "--raw", "-z", "--no-abbrev",
                "--no-renames", f"--format={_FORMAT}", "HEAD", "--", f"{prefix}{SCORES_DIR}/")
    if done.returncode != 0:
        raise GitError.coded("git.failed", command="log", detail=done.stderr.strip()[:300])
    records = done.stdout.split("\x01")
    pending: str | None = None
    for record in records[1:]:
        # A record starts with the commit's id; a 0x01 inside a commit's own text
        # (a trailer) only cuts that commit short, which reports it as unreadable.
        if pending is not None and not _SHA.match(record.split("\x00", 1)[0].strip()):
            pending += "\x01" + record
            continue
        if pending is not None:
            yield _parse(pending)
        pending = record
    if pending is not None:
        yield _parse(pending)


def _parse(record: str) -> _Commit:
    fields = record.split("\x00")
    ids = fields[0].split()  # a root commit has no parents: "<sha> "
    header = fields[:_HEADER_FIELDS]
    if len(header) < _HEADER_FIELDS or not _SHA.match(fields[0].strip()):
        return _Commit(ids[0][:40], 0, ("", ""), ("", ""), {}, readable=False)
    commit = _Commit(
        sha=ids[0], parents=len(ids) - 1, author=(fields[1], fields[2]),
        committer=(fields[3], fields[4]), trailers=_trailers(fields[5]),
    )
    tokens = [t for t in fields[_HEADER_FIELDS:] if t.strip("\n")]
    if len(tokens) % 2:
        commit.readable = False
        return commit
    for meta, path in zip(tokens[::2], tokens[1::2], strict=True):
        found = _RAW.match(meta.strip("\n"))
        if found is None:
            commit.readable = False
            return commit
        status = "C" if len(found.group(1)) > 1 else found.group("status")[0]
        commit.changes.append((status, meta.strip("\n").split(" ")[-2], path))
    return commit


def _trailers(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        key, colon, value = line.partition(":")
        if colon:
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def _contents(top: Path, commits: list[_Commit]) -> dict[str, Mapping[str, Any] | None]:
    """The score fields of each blob the commits wrote, read in one ``git cat-file``:
    the fast reader for the bot's layout, the strict loader for anything else."""
    blobs = sorted({c.changes[0][1] for c in commits})
    if not blobs:
        return {}
    done = subprocess.run(["git", "cat-file", "--batch"], cwd=top, input=(
        "\n".join(blobs) + "\n").encode(), capture_output=True, check=False,
        env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    if done.returncode != 0:
        raise GitError.coded("git.failed", command="cat-file",
                             detail=done.stderr.decode(errors="replace")[:300])
    out, at = done.stdout, 0
    found: dict[str, Mapping[str, Any] | None] = {}
    for blob in blobs:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        if len(header) != 3 or header[1] != b"blob":
            found[blob], at = None, end + 1
            continue
        size = int(header[2])
        raw = out[end + 1:end + 1 + size]
        at = end + 1 + size + 1
        found[blob] = _fields(raw) if size <= SCORE_SIZE_LIMIT else None
    return found


def _fields(raw: bytes) -> Mapping[str, Any] | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    data = scorefile.read(text)
    if data is not None:
        return data
    try:
        loaded = parse(text, "blob").data
    except LoadFailure:
        return None
    return loaded if isinstance(loaded, dict) else None


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
            errors="replace", stdin=subprocess.DEVNULL, check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except OSError as exc:
        raise GitError.coded("git.missing", detail=str(exc.strerror or exc)) from None
