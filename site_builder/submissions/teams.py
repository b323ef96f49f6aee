"""Who is on an entry's team: the one place that reads ``team.members[].github``.

Manifests are read leniently here: an entry merged under an older schema, or one
that fails today's, must still name its own team, both to keep its members from
judging it and to let them edit it. GitHub logins are case-insensitive, so teams
are sets of casefolded logins.

A manifest is worth parsing for its team (`may_name`) only when the casefolded text,
with its escaped line breaks removed, contains the casefolded login, or when the text
has a hexadecimal escape (``\\x``, ``\\u``, ``\\U``). A team member's ``github``
value equal to a login must show so: YAML changes a value's characters only through
escapes (of which only the hexadecimal ones can yield a login character, and the
escaped line break joins two pieces) and line folding (which inserts a space, and
logins have none); casefolding works character by character. Removing every escaped
line break, also where a backslash is no escape, only joins text: a login anywhere
in the text is still found.

A team also has a past. A judge who was on an entry's team, then taken off it, still
may not score it; a judge put on a team after scoring the entry keeps that score (the
edit is what is wrong, not the score). `team_history` reads the past from the default
branch's history in one ``git log`` pass: the version of each manifest that each
first-parent commit left (a merged pull request counts at its merge, as GitHub made
it, never at the entrant's own commit dates).
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.core.loader import LoadFailure, decode, parse

_HEX_ESCAPE = re.compile(rb"\\[xuU]")
# A backslash, a line break (YAML's, in UTF-8), and the indentation after it.
_ESCAPED_BREAK = re.compile(rb"\\(?:\r\n|[\r\n]|\xc2\x85|\xe2\x80[\xa8\xa9])[ \t]*")


def team_logins(data: object) -> frozenset[str]:
    """Casefolded GitHub logins of the team in manifest data (any shape)."""
    if not isinstance(data, dict) or not isinstance(data.get("team"), dict):
        return frozenset()
    members = data["team"].get("members")
    if not isinstance(members, list):
        return frozenset()
    return frozenset(
        m["github"].casefold()
        for m in members
        if isinstance(m, dict) and isinstance(m.get("github"), str)
    )


def is_member(data: object, login: str) -> bool:
    """Whether `login` is on the team in manifest data (any shape), in any case."""
    return login.casefold() in team_logins(data)


def may_name(raw: bytes, logins: Iterable[str], any_of: re.Pattern[str] | None = None) -> bool:
    """Whether the manifest `raw` (UTF-8) could hold one of `logins` (casefolded) as a
    value. Never false when one is (see the module docstring); a manifest whose text
    names no login need not be parsed.

    `any_of` (`login_pattern` of the same logins) finds any of many logins in one
    search: the history asks about every judge at once, 200 of them in the benchmark,
    where a search per login took 3 s for 2,000 manifests."""
    if b"\\" in raw:
        if _HEX_ESCAPE.search(raw):
            return True
        raw = _ESCAPED_BREAK.sub(b"", raw)
    folded = raw.decode("utf-8", "replace").casefold()
    if any_of is not None:
        return any_of.search(folded) is not None
    return any(login in folded for login in logins)


def login_pattern(logins: Iterable[str]) -> re.Pattern[str]:
    """An expression that finds any of `logins` (casefolded), for `may_name`."""
    return re.compile("|".join(re.escape(login) for login in sorted(logins)))


def team_from_bytes(
    raw: bytes, display: str, logins: Iterable[str], any_of: re.Pattern[str] | None = None
) -> frozenset[str]:
    """The team of the manifest `raw` when it could name one of `logins` (casefolded);
    otherwise, or when it does not load, none (only their conflicts matter here)."""
    logins = frozenset(logins)
    if not logins or not may_name(raw, logins, any_of):
        return frozenset()
    try:
        return team_logins(parse(decode(raw, display), display).data)
    except LoadFailure:
        return frozenset()


# --- the past ---------------------------------------------------------------------


@dataclass(frozen=True)
class Past:
    """What the default branch's history says about an entry's team and the judges."""

    ever: frozenset[str]
    """The judges (casefolded) on any committed version of the team."""
    added: Mapping[str, str] = field(default_factory=dict)
    """A judge put on the team by an edit, not there from the entry's first version:
    the commit (full hex) whose version first had them."""


_MANIFEST_PATH = re.compile(r"entries/([a-z0-9-]+)/entry\.yml")
_NO_BLOB = "0" * 40


def team_history(root: Path, judges: Iterable[str]) -> dict[str, Past]:
    """The past teams of the entries at `root` whose manifest changed on HEAD's
    first-parent history after it was added, and which had one of `judges` on a
    team; by slug. Empty when `root` is not in a git repository with commits.

    An entry whose manifest never changed has no past beyond today's team: only
    edited manifests are read, each version once (one ``git cat-file --batch``)."""
    logins = frozenset(login.casefold() for login in judges)
    if not logins:
        return {}
    log = _git(root, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames",
               "--raw", "--no-abbrev", "--relative", "--format=%x00%H", "HEAD", "--",
               ":(glob)entries/*/entry.yml")
    if log is None:
        return {}
    versions: dict[str, list[tuple[str, str]]] = {}  # slug: (commit, blob), newest first
    for record in log.decode("utf-8", "replace").split("\0")[1:]:
        commit, *lines = record.split("\n")
        for line in lines:
            meta, _, path = line.partition("\t")
            manifest = _MANIFEST_PATH.fullmatch(path)
            if manifest is None or not meta.startswith(":"):
                continue
            blob = meta.split()[3]
            versions.setdefault(manifest.group(1), []).append((commit.strip(), blob))
    edited = {slug: found[::-1] for slug, found in versions.items() if len(found) > 1}
    blobs = sorted({blob for found in edited.values() for _, blob in found} - {_NO_BLOB})
    teams = _read_teams(root, blobs, logins)
    past: dict[str, Past] = {}
    for slug, found in edited.items():
        first = teams.get(found[0][1], frozenset())
        ever = set(first)
        added: dict[str, str] = {}
        for commit, blob in found[1:]:
            for login in teams.get(blob, frozenset()) - ever:
                added[login] = commit
                ever.add(login)
        if ever:
            past[slug] = Past(frozenset(ever), added)
    return past


def _read_teams(root: Path, blobs: list[str], logins: frozenset[str]) -> dict[str, frozenset[str]]:
    if not blobs:
        return {}
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    teams: dict[str, frozenset[str]] = {}
    any_of = login_pattern(logins)
    offset = 0
    while out and offset < len(out):
        # Each object is "<sha> blob <size>\n", its bytes, then "\n".
        header_end = out.index(b"\n", offset)
        header = out[offset:header_end].split()
        if len(header) != 3:  # "<sha> missing"
            offset = header_end + 1
            continue
        start = header_end + 1
        end = start + int(header[2])
        teams[header[0].decode()] = team_from_bytes(out[start:end], "entry.yml", logins, any_of)
        offset = end + 1
    return teams


def unchanged_since(root: Path, relative: str, commit: str) -> bool:
    """Whether the file `relative` (to `root`) is, byte for byte, what it was just
    before `commit` landed (in its first parent): a score recorded before a team edit
    still holds."""
    try:
        raw = (root / relative).read_bytes()
    except OSError:
        return False
    blob = _git(root, "rev-parse", "--verify", "--quiet", f"{commit}^1:./{relative}")
    wanted = hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()
    return blob is not None and blob.decode().strip() == wanted


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """A git command's output, or None when it fails (not a repository, no commits)."""
    try:
        done = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True,
                              check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
