"""The score ledger: one YAML file per round, entry and judge under scores/, and its checks.

``scores/<round>/<slug>/<login>.yml`` holds a judge's current marks for an
entry in a round; git history holds every earlier version, each commit
authored by the judge (see `recorder`). The file name is the GitHub login in
lowercase, because GitHub logins are case-insensitive and two spellings must
never become two files (or collide on a case-insensitive file system); the
``judge`` field keeps the spelling of contest.yml, which is how people see it.

Files are written deterministically: fixed key order, a literal block for a
multi-line comment, and every text value that either YAML 1.1 or the strict
loader's YAML 1.2 core schema would read as something else (a login ``no``,
a slug ``1e3``) quoted. Each written file is read back through the strict
loader before it is kept, so the ledger can always be read the way every
other file of the contest is read.

`ledger_problems` is the ledger part of ``contest validate``: every file in
its place, schema-valid, consistent with its path, scored by a judge of the
round without a conflict of interest, on exactly the round's rubric (and the
rubric unchanged since, by its fingerprint), inside the round's window, and
for an entry that advanced from the previous round.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import pickle
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from site_builder import schemas, scorefile, yamldump
from site_builder.contest import Contest, Criterion, Judge, Round
from site_builder.entries import SLUG
from site_builder.fileio import write_atomically
from site_builder.loader import (
    SCORE_SIZE_LIMIT,
    Document,
    LoadFailure,
    collection_paused,
    parse,
    read_text,
)
from site_builder.problems import Problem
from site_builder.scorefile import FIELD_ORDER

SCORES_DIR = "scores"
RESULTS_DIR = "results"
RESULTS_SIZE_LIMIT = 4 * 1024 * 1024
_ALLOWED_LOOSE = {".gitkeep", "README.md"}
_ROUND_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_COMMENT_ID = re.compile(r"#issuecomment-([0-9]{1,20})$")

Number = int | float


@dataclass(frozen=True)
class ScoreRecord:
    """One score file's content."""

    round: str
    entry: str
    judge: str
    scores: Mapping[str, Number]
    event_time: str
    """When the judge gave the score (the comment's creation time on GitHub)."""
    rubric_sha256: str
    comment: str | None = None
    comment_url: str | None = None
    pull_request: int | None = None

    @property
    def path(self) -> str:
        return score_path(self.round, self.entry, self.judge)

    @property
    def moment(self) -> datetime:
        return schemas.parse_datetime(self.event_time)

    def order_key(self) -> tuple[datetime, int]:
        """Which of two scores was given later: time, then GitHub's comment id."""
        return order_key(self.event_time, self.comment_url)

    def same_score(self, other: ScoreRecord) -> bool:
        """Same marks, comment and rubric for the same entry: re-posting it changes nothing."""
        return (
            (self.round, self.entry, self.judge.casefold(), self.rubric_sha256, self.comment)
            == (other.round, other.entry, other.judge.casefold(), other.rubric_sha256,
                other.comment)
            and dict(self.scores) == dict(other.scores)
        )

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "round": self.round,
            "entry": self.entry,
            "judge": self.judge,
            "scores": dict(self.scores),
            "comment": self.comment,
            "comment_url": self.comment_url,
            "event_time": self.event_time,
            "pull_request": self.pull_request,
            "rubric_sha256": self.rubric_sha256,
        }
        return {key: data[key] for key in FIELD_ORDER if data[key] is not None}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ScoreRecord:
        """Build from schema-valid data."""
        return cls(
            round=data["round"],
            entry=data["entry"],
            judge=data["judge"],
            scores=dict(data["scores"]),
            event_time=data["event_time"],
            rubric_sha256=data["rubric_sha256"],
            comment=data.get("comment"),
            comment_url=data.get("comment_url"),
            pull_request=data.get("pull_request"),
        )


def order_key(event_time: str, comment_url: str | None) -> tuple[datetime, int]:
    """GitHub's times have whole seconds; its comment ids grow, so they break ties."""
    match = _COMMENT_ID.search(comment_url or "")
    return schemas.parse_datetime(event_time), int(match.group(1)) if match else 0


def score_path(round_id: str, slug: str, login: str) -> str:
    """Where a score lives, relative to the contest root. Refuses parts that are not
    a round id, a slug and a login, so no value can point outside scores/."""
    if not _ROUND_ID.match(round_id) or not SLUG.match(slug) or not _LOGIN.match(login):
        raise ValueError(f"not a score path: {round_id!r}, {slug!r}, {login!r}")
    return f"{SCORES_DIR}/{round_id}/{slug}/{login.lower()}.yml"


# --- writing -------------------------------------------------------------------


def dump(record: ScoreRecord) -> str:
    """The file's text, read back through the strict loader before it is returned."""
    return yamldump.dump(record.to_data(), record.path)


def write_record(root: Path, record: ScoreRecord) -> Path:
    """Write (or replace) the score file atomically; returns its path."""
    path = root / record.path
    write_atomically(path, dump(record))
    return path


# --- reading -------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerFile:
    """A score file that loaded, passed the schema and sits where its fields say."""

    record: ScoreRecord
    file: str
    """Display path, relative to the contest root."""
    text: str
    parsed: Document | None = field(default=None, compare=False, repr=False)

    @functools.cached_property
    def document(self) -> Document:
        """The file's YAML tree, for locating a problem. Files read by the fast path
        (`scorefile`) are parsed only when a problem needs a line number; the text is
        known to load, to the same data."""
        return self.parsed if self.parsed is not None else parse(self.text, self.file)


def read_record(root: Path, relative: str) -> tuple[ScoreRecord | None, list[Problem]]:
    """One score file through the strict loader and the schema (no path checks)."""
    loaded, problems = _read(root, relative, _score_schema(root))
    return (loaded.record if loaded else None), problems


def _score_schema(root: Path) -> schemas.Schema:
    return schemas.load_schema(root / "schema", schemas.SCORE)


def _read(
    root: Path, relative: str, schema: schemas.Schema, trusted: bool = False
) -> tuple[LedgerFile | None, list[Problem]]:
    """`trusted`: the schema is the one `scorefile`'s grammar enforces by itself."""
    try:
        text = read_text(f"{root}/{relative}", relative, SCORE_SIZE_LIMIT)
    except LoadFailure as failure:
        return None, [failure.problem]
    data = scorefile.read(text)
    if data is not None and (trusted or schema.is_valid(data)):
        # The grammar's keys are FIELD_ORDER, the record's fields, and its values are fresh.
        return LedgerFile(ScoreRecord(**data), relative, text), []
    try:  # not in the bot's layout, or invalid: the strict loader says exactly why
        document = parse(text, relative)
    except LoadFailure as failure:
        return None, [failure.problem]
    problems = schema.check(document)
    if problems:
        return None, problems
    return LedgerFile(ScoreRecord.from_data(document.data), relative, text, document), []


def load_ledger(
    root: Path, contest: Contest, round_id: str | None = None
) -> tuple[list[ScoreRecord], list[Problem]]:
    """Every well-formed score file, and the problems of the rest (layout, YAML,
    schema, path). Semantic checks against the contest are in `ledger_problems`.
    With `round_id`, only that round's folder is read (and scores/ itself)."""
    files, problems = scan(root, contest, round_id)
    return [f.record for f in files], problems


def scan(
    root: Path, contest: Contest | None, round_id: str | None = None
) -> tuple[list[LedgerFile], list[Problem]]:
    """The score files under scores/ (or only scores/<round_id>/) and every problem of
    the layout, each file's YAML, schema and path. A round of 25,000 files is read in
    well under a second: directory entries come from ``os.scandir`` (no extra stat per
    file), files in the bot's layout skip the YAML composer (`scorefile`), and the
    cyclic GC is paused while the many small acyclic objects are made."""
    base = root / SCORES_DIR
    files: list[LedgerFile] = []
    problems: list[Problem] = []
    if not base.is_dir() or base.is_symlink():
        return files, problems
    schema = _score_schema(root)
    trusted = scorefile.trusted(schema.document)
    round_ids = [r.id for r in contest.rounds] if contest is not None else None

    def stray(display: str, item: os.DirEntry[str]) -> None:
        code = "file.symlink" if item.is_symlink() else "ledger.stray-file"
        problems.append(Problem(display, None, None, code))

    folders: list[tuple[str, str]] = []
    with collection_paused():
        for round_dir in _listing(base):
            display = f"{SCORES_DIR}/{round_dir.name}"
            if not _is_dir(round_dir):
                if not (round_dir.name in _ALLOWED_LOOSE and _is_file(round_dir)):
                    stray(display, round_dir)
                continue
            if not _ROUND_ID.match(round_dir.name):
                stray(display, round_dir)
                continue
            if round_ids is not None and round_dir.name not in round_ids:
                problems.append(
                    Problem(display, None, None, "ledger.unknown-round",
                            {"round": round_dir.name, "rounds": round_ids})
                )
            if round_id is not None and round_dir.name != round_id:
                continue
            for entry_dir in _listing(round_dir.path):
                entry_display = f"{display}/{entry_dir.name}"
                if not _is_dir(entry_dir) or not SLUG.match(entry_dir.name):
                    stray(entry_display, entry_dir)
                    continue
                folders.append((entry_display, entry_dir.path))
        found, found_problems = _scan_all(root, folders, schema, trusted)
    return found, problems + found_problems


# A second process pays for itself from about this many entry folders (5,000 entries
# with 5 judges: 1.8 s in one process, 1.0 s in two, on this project's machines).
PARALLEL_FOLDERS = 1500
_forked: tuple[Path, schemas.Schema, bool] | None = None
"""What a forked worker scans with: set just before the fork, inherited, never pickled
(the schema's compiled check is generated code)."""


def _scan_all(
    root: Path, folders: list[tuple[str, str]], schema: schemas.Schema, trusted: bool
) -> tuple[list[LedgerFile], list[Problem]]:
    """Scan the score files of `folders`, in two processes when there are many.

    Reading 25,000 small files is most of a tally's time, and all of it is work a
    second core can share: a forked child scans the second half while this process
    scans the first. The result is the same list in the same order as one process
    gives; where fork is unavailable or fails, one process does it all."""
    global _forked
    if (
        len(folders) < PARALLEL_FOLDERS
        or (os.cpu_count() or 1) < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return _scan_folders(root, folders, schema, trusted)
    half = len(folders) // 2
    _forked = (root, schema, trusted)
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            pending = pool.apply_async(_scan_in_child, (folders[half:],))
            files, problems = _scan_folders(root, folders[:half], schema, trusted)
            try:
                child_files, child_problems = pending.get()
            except (OSError, multiprocessing.ProcessError, pickle.PicklingError):
                child_files, child_problems = _scan_folders(root, folders[half:], schema, trusted)
    finally:
        _forked = None
    return files + child_files, problems + child_problems


def _scan_in_child(folders: list[tuple[str, str]]) -> tuple[list[LedgerFile], list[Problem]]:
    assert _forked is not None  # set by the parent before forking
    root, schema, trusted = _forked
    with collection_paused():
        files, problems = _scan_folders(root, folders, schema, trusted)
    # A strictly parsed file's node tree stays here; its text re-parses on demand.
    return [replace(f, parsed=None) if f.parsed is not None else f for f in files], problems


def _scan_folders(
    root: Path, folders: list[tuple[str, str]], schema: schemas.Schema, trusted: bool
) -> tuple[list[LedgerFile], list[Problem]]:
    files: list[LedgerFile] = []
    problems: list[Problem] = []
    for entry_display, path in folders:
        for score_file in _listing(path):
            loaded = _scan_file(root, score_file, entry_display, schema, trusted, problems)
            if loaded is not None:
                files.append(loaded)
    return files, problems


def _kind(path: Path) -> str:
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "dir"
    return "file" if stat.S_ISREG(mode) else "other"


def _listing(path: str | Path) -> list[os.DirEntry[str]]:
    with os.scandir(path) as found:
        return sorted(found, key=lambda item: item.name)


def _is_dir(item: os.DirEntry[str]) -> bool:
    return item.is_dir(follow_symlinks=False)


def _is_file(item: os.DirEntry[str]) -> bool:
    return item.is_file(follow_symlinks=False)


def _scan_file(
    root: Path, item: os.DirEntry[str], folder: str, schema: schemas.Schema, trusted: bool,
    problems: list[Problem],
) -> LedgerFile | None:
    name = item.name
    display = f"{folder}/{name}"
    stem = name.removesuffix(".yml")
    if not _is_file(item) or not name.endswith(".yml") or not _LOGIN.match(stem):
        code = "file.symlink" if item.is_symlink() else "ledger.stray-file"
        problems.append(Problem(display, None, None, code))
        return None
    if stem != stem.lower():
        problems.append(
            Problem(display, None, None, "ledger.login-case",
                    {"name": name, "expected": name.lower()})
        )
        return None
    loaded, found = _read(root, display, schema, trusted)
    problems.extend(found)
    if loaded is None:
        return None
    record = loaded.record
    _, round_id, slug = folder.split("/")
    mismatched = False
    for key, value, expected in (
        ("round", record.round, round_id),
        ("entry", record.entry, slug),
        ("judge", record.judge.lower(), stem),
    ):
        if value != expected:
            line, column = loaded.document.locate([key])
            problems.append(
                Problem(display, line, column, "ledger.path-mismatch",
                        {"label": key, "value": getattr(record, key), "expected": expected}, key)
            )
            mismatched = True
    return None if mismatched else loaded


# --- results of a previous round -------------------------------------------------


@dataclass(frozen=True)
class Advanced:
    """Which entries advanced from a round, as its results file says.

    `slugs` is None when the file is missing (`problem` is None) or unreadable
    (`problem` says why)."""

    file: str
    slugs: frozenset[str] | None
    problem: Problem | None = None


def results_file(round_id: str) -> str:
    return f"{RESULTS_DIR}/{round_id}.json"


def read_advanced(root: Path, round_id: str) -> Advanced:
    """The ``advanced`` list of results/<round>.json, read defensively: the tally
    writes the file, and nothing else in it is needed here."""
    display = results_file(round_id)
    path = root / display

    def invalid(detail: str) -> Advanced:
        problem = Problem(display, None, None, "ledger.results-invalid", {"detail": detail})
        return Advanced(display, None, problem)

    if not path.exists() and not path.is_symlink():
        return Advanced(display, None)
    if _kind(path) != "file":
        return invalid("not a regular file")
    if path.stat().st_size > RESULTS_SIZE_LIMIT:
        return invalid(f"larger than {RESULTS_SIZE_LIMIT:,} bytes")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return invalid(str(exc)[:200])
    if not isinstance(data, dict):
        return invalid("not a JSON object")
    if "round" in data and data["round"] != round_id:
        return invalid(f"'round' is {str(data['round'])[:40]!r}, not {round_id!r}")
    advanced = data.get("advanced")
    if not isinstance(advanced, list) or not all(isinstance(s, str) for s in advanced):
        return invalid("'advanced' is not a list of entry slugs")
    return Advanced(display, frozenset(advanced))


# --- teams, for conflicts of interest -------------------------------------------


def team_logins(data: object) -> frozenset[str]:
    """Casefolded GitHub logins of an entry's team, read leniently from manifest data:
    an entry that fails today's schema must still keep its own team away from it."""
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


def conflict(contest: Contest, login: str, slug: str, team: Iterable[str]) -> str | None:
    """Why `login` may not score `slug`: ``declared``, ``team``, or None."""
    judge = contest.judge(login)
    if judge is not None and slug in judge.conflicts:
        return "declared"
    if login.casefold() in {member.casefold() for member in team}:
        return "team"
    return None


# --- validation -------------------------------------------------------------------


def ledger_problems(
    root: Path, contest: Contest | None, teams: Mapping[str, frozenset[str]]
) -> list[Problem]:
    """Every problem of the score ledger, for ``contest validate``.

    `teams` maps each entry folder that exists to its members' logins
    (`team_logins` of its manifest)."""
    files, problems = scan(root, contest)
    if contest is None:
        return problems  # contest.yml's own problems are reported; nothing to judge by
    problems.extend(check_files(root, contest, files, teams))
    return problems


def check_files(
    root: Path,
    contest: Contest,
    files: Sequence[LedgerFile],
    teams: Mapping[str, frozenset[str]],
) -> list[Problem]:
    """The checks against contest.yml, entries/ and results/ of well-formed score files."""
    problems: list[Problem] = []
    advanced: dict[str, Advanced] = {}
    warned: set[str] = set()
    facts: dict[str, _RoundFacts] = {}
    for item in files:
        round_ = contest.round(item.record.round)
        if round_ is None:
            continue  # reported once for its folder
        if round_.id not in facts:
            facts[round_.id] = _RoundFacts.of(contest, round_)
        problems.extend(_check_record(facts[round_.id], item, teams))
        previous = contest.previous_round(round_)
        if previous is None:
            continue
        if previous.id not in advanced:
            advanced[previous.id] = read_advanced(root, previous.id)
        found = advanced[previous.id]
        params = {"round": round_.id, "previous": previous.id, "file": found.file,
                  "slug": item.record.entry}
        if found.slugs is None:
            if round_.id not in warned:
                warned.add(round_.id)
                problems.append(
                    found.problem
                    or Problem(found.file, None, None, "ledger.results-missing", params,
                               severity="warning")
                )
        elif item.record.entry not in found.slugs:
            line, column = item.document.locate(["entry"])
            problems.append(
                Problem(item.file, line, column, "ledger.not-advanced", params, "entry")
            )
    return problems


@dataclass(frozen=True)
class _RoundFacts:
    """What checking a round's files needs, worked out once per round rather than once per
    file: a round can have 25,000 files, and a rubric fingerprint is a JSON dump and a hash."""

    round: Round
    judges: Mapping[str, Judge]
    """Every judge of the contest, by casefolded login."""
    round_judges: frozenset[str]
    criteria: Mapping[str, Criterion]
    expected: str
    rubric_sha256: str

    @classmethod
    def of(cls, contest: Contest, round_: Round) -> _RoundFacts:
        return cls(
            round=round_,
            judges={j.github.casefold(): j for j in contest.judges},
            round_judges=frozenset(login.casefold() for login in round_.judges),
            criteria={c.id: c for c in round_.criteria},
            expected=", ".join(f"{c.id} ({c.name})" for c in round_.criteria),
            rubric_sha256=round_.rubric_sha256(),
        )


def _check_record(
    facts: _RoundFacts, item: LedgerFile, teams: Mapping[str, frozenset[str]]
) -> Iterable[Problem]:
    record, round_ = item.record, facts.round

    def at(code: str, path: Sequence[str | int], severity: str = "error", **params: Any) -> Problem:
        # Only a problem needs the YAML tree (parsed on demand for fast-path files).
        line, column = item.document.locate(path)
        field = ".".join(str(p) for p in path) or None
        return Problem(item.file, line, column, code, params, field,
                       "warning" if severity == "warning" else "error")

    slug, login = record.entry, record.judge
    folded = login.casefold()
    if slug not in teams:
        yield at("ledger.unknown-entry", ["entry"], slug=slug)
    judge = facts.judges.get(folded)
    if folded not in facts.round_judges or judge is None:
        yield at("ledger.not-judge", ["judge"], login=login, round=round_.id)
    elif judge.github != login:
        yield at("ledger.judge-spelling", ["judge"], "warning", login=login,
                 expected=judge.github)
    team = teams.get(slug, frozenset())
    why = (
        "declared" if judge is not None and slug in judge.conflicts
        else "team" if team and folded in {member.casefold() for member in team}
        else None
    )
    if why is not None:
        yield at(f"ledger.conflict-{why}", ["judge"], login=login, slug=slug)

    missing = [i for i in facts.criteria if i not in record.scores]
    if missing:
        yield at("ledger.criteria-missing", ["scores"], round=round_.id, missing=missing)
    for key, value in record.scores.items():
        criterion = facts.criteria.get(key)
        if criterion is None:
            line, column = item.document.locate_key(["scores"], key)
            yield Problem(item.file, line, column, "ledger.criteria-unknown",
                          {"criterion": key, "round": round_.id, "expected": facts.expected},
                          f"scores.{key}")
        elif value > criterion.max:
            yield at("ledger.over-max", ["scores", key], criterion=key, value=value,
                     max=criterion.max)
    if record.rubric_sha256 != facts.rubric_sha256:
        yield at("ledger.rubric-changed", ["rubric_sha256"], round=round_.id)
    moment = record.moment
    if not round_.opens <= moment <= round_.closes:
        yield at("ledger.outside-window", ["event_time"], time=record.event_time,
                 round=round_.id, opens=round_.opens.isoformat(),
                 closes=round_.closes.isoformat())
