"""The score ledger: one YAML file per round, entry and judge under scores/.

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

The conflict-of-interest rule (`conflict`) lives here too, for the recorder and
the checks alike. The checks of ``contest validate`` and of the tally against
contest.yml, entries/ and results/ are in `ledgerchecks`.
"""

from __future__ import annotations

import functools
import json
import operator
import os
import re
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from site_builder.core import parallel, schemas, yamldump
from site_builder.core.contest import Contest, Judge
from site_builder.core.fileio import write_atomically
from site_builder.core.loader import (
    SCORE_SIZE_LIMIT,
    Document,
    LoadFailure,
    collection_paused,
    parse,
    read_text,
)
from site_builder.core.logins import is_login
from site_builder.core.problems import Problem
from site_builder.judging import scorefile
from site_builder.judging.scorefile import FIELD_ORDER
from site_builder.submissions.entries import SLUG
from site_builder.submissions.teams import Past
from site_builder.submissions.teams import team_logins as team_logins  # the recorder's name

SCORES_DIR = "scores"
RESULTS_DIR = "results"
RESULTS_SIZE_LIMIT = 4 * 1024 * 1024
_ALLOWED_LOOSE = {".gitkeep", "README.md"}
_ROUND_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}\Z")
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
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
    if not _ROUND_ID.match(round_id) or not SLUG.match(slug) or not is_login(login):
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

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (from a forked reader, `parallel`) without the YAML tree, which
        re-parses from the text on demand."""
        state = dict(self.__dict__)
        state.pop("document", None)
        state["parsed"] = None
        return state


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
    about a second: directory names come from ``os.listdir`` (no stat per file),
    files in the bot's layout skip the YAML composer (`scorefile`), the cyclic GC is
    paused while the many small acyclic objects are made, and a large ledger is read in
    forked processes (`parallel`)."""
    reader = FolderReader(root)
    with collection_paused():
        folders, problems = list_folders(root, contest, round_id)
        parts = parallel.map_chunks(reader.read_all, folders, minimum=PARALLEL_FOLDERS,
                                    chunk=PARALLEL_CHUNK)
    files = [item for found, _ in parts for item in found]
    return files, problems + [problem for _, found in parts for problem in found]


# A second process pays for itself from about this many entry folders (5,000 entries
# with 5 judges: 1.8 s in one process, 1.0 s in two, on this project's machines).
PARALLEL_FOLDERS = 1500
PARALLEL_CHUNK = 64


def list_folders(
    root: Path, contest: Contest | None, round_id: str | None = None
) -> tuple[list[tuple[str, str]], list[Problem]]:
    """The entry folders of scores/ (or of scores/<round_id>/), as (display path, path)
    in name order, and the problems of what else is there (stray files, unknown rounds)."""
    base = root / SCORES_DIR
    folders: list[tuple[str, str]] = []
    problems: list[Problem] = []
    if not base.is_dir() or base.is_symlink():
        return folders, problems
    round_ids = [r.id for r in contest.rounds] if contest is not None else None

    def stray(display: str, item: os.DirEntry[str]) -> None:
        code = "file.symlink" if item.is_symlink() else "ledger.stray-file"
        problems.append(Problem(display, None, None, code))

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
    return folders, problems


class FolderReader:
    """Reads the score files of entry folders (scores/<round>/<slug>/)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @functools.cached_property
    def schema(self) -> schemas.Schema:
        """Compiled only when a file is read the full way (see `trusted`)."""
        return _score_schema(self.root)

    @functools.cached_property
    def trusted(self) -> bool:
        """The schema is the one `scorefile`'s grammar enforces by itself, so files in
        the bot's layout need no schema check."""
        document = schemas.read_document(self.root / "schema", schemas.SCORE)
        return document is not None and scorefile.trusted(document)

    def read_all(
        self, folders: Sequence[tuple[str, str]]
    ) -> tuple[list[LedgerFile], list[Problem]]:
        files: list[LedgerFile] = []
        problems: list[Problem] = []
        for display, path in folders:
            files.extend(self.read(display, path, problems))
        return files, problems

    def read(self, folder: str, path: str, problems: list[Problem]) -> list[LedgerFile]:
        """The well-formed files of one entry folder; the problems of the rest go to
        `problems`."""
        return [f.full() if isinstance(f, QuickFile) else f
                for f in self.read_quick(folder, path, problems)]

    def read_quick(
        self, folder: str, path: str, problems: list[Problem]
    ) -> list[LedgerFile | QuickFile]:
        """`read`, leaving the files that took the fast path as `QuickFile`s: a caller
        that needs only their data (most of a tally) never builds their records."""
        found: list[LedgerFile | QuickFile] = []
        _, round_id, slug = folder.split("/")
        trusted = self.trusted
        listed: dict[str, os.DirEntry[str]] | None = None  # only for the full path
        for name in sorted(os.listdir(path)):  # noqa: PTH208 - names only: the fast path
            quick = self._read_fast(name, path, folder, round_id, slug) if trusted else None
            if quick is not None:
                found.append(quick)
                continue
            # Any doubt: the full path says exactly what is wrong.
            if listed is None:
                with os.scandir(path) as entries:
                    listed = {item.name: item for item in entries}
            item = listed.get(name)
            if item is None:  # removed since it was listed
                continue
            loaded = _scan_file(self.root, item, folder, self.schema, trusted, problems)
            if loaded is not None:
                found.append(loaded)
        return found

    @staticmethod
    def _read_fast(
        name: str, path: str, folder: str, round_id: str, slug: str
    ) -> QuickFile | None:
        """A file in the bot's layout and in its right place (the schema trusted): what
        `_scan_file` would return for it, with none of its bookkeeping. None when the
        file is anything else, including unreadable: `_scan_file` then reads it again.

        No directory entry and no ``fstat``: O_NOFOLLOW refuses a link, a directory
        fails to read, a FIFO (O_NONBLOCK) reads empty, and all of those, like a byte
        that is not UTF-8, a BOM or a NUL, fail the grammar and go the full way. A
        judge field that passes the grammar's login pattern and lowercases to the file
        name makes the name a well-formed lowercase login."""
        if not name.endswith(".yml"):
            return None
        try:
            fd = os.open(f"{path}/{name}", _READ_FLAGS)
            try:
                raw = os.read(fd, SCORE_SIZE_LIMIT + 1)
            finally:
                os.close(fd)
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        data = scorefile.read(text) if len(raw) <= SCORE_SIZE_LIMIT else None
        if (
            data is None
            or data["round"] != round_id
            or data["entry"] != slug
            or data["judge"].lower() != name[:-4]
        ):
            return None
        return QuickFile(data, f"{folder}/{name}", text)


class QuickFile(NamedTuple):
    """A score file read by the fast path: its data (`scorefile.read`, the fields of
    `ScoreRecord`), not yet a `LedgerFile`."""

    data: dict[str, Any]
    file: str
    text: str

    def full(self) -> LedgerFile:
        return LedgerFile(ScoreRecord(**self.data), self.file, self.text)


def _kind(path: Path) -> str:
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "dir"
    return "file" if stat.S_ISREG(mode) else "other"


def _listing(path: str | Path) -> list[os.DirEntry[str]]:
    with os.scandir(path) as found:
        return sorted(found, key=_NAME)


_NAME = operator.attrgetter("name")


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
    if not _is_file(item) or not name.endswith(".yml") or not is_login(stem):
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


def conflict(
    contest: Contest, login: str, slug: str, team: frozenset[str], past: Past | None = None,
    recorded_before: Callable[[str], bool] | None = None,
) -> str | None:
    """Why `login` may not score `slug`: ``declared``, ``team``, or None. `team` holds
    casefolded logins, as `team_logins` gives them; see `conflict_of` for the rest."""
    return conflict_of(contest.judge(login), login, slug, team, past, recorded_before)


def conflict_of(
    judge: Judge | None, login: str, slug: str, team: frozenset[str], past: Past | None = None,
    recorded_before: Callable[[str], bool] | None = None,
) -> str | None:
    """The conflict-of-interest rule, for the judge `login` names in contest.yml (None
    when it names none): a conflict they declared, or a place on the entry's team,
    today (`team`) or ever on the default branch (`past`, from `teams.team_history`).

    A team edit does not reach back: when the judge was put on the team by a later
    edit, and `recorded_before` (given the edit's commit) says the score was recorded
    before it, the score stands (`team_edit` then names the edit)."""
    if judge is not None and slug in judge.conflicts:
        return "declared"
    folded = login.casefold()
    if folded in team or (past is not None and folded in past.ever):
        edit = past.added.get(folded) if past is not None else None
        if edit is None or recorded_before is None or not recorded_before(edit):
            return "team"
    return None


def team_edit(login: str, team: frozenset[str], past: Past | None) -> str | None:
    """The commit that put `login` on a team it is still on, after the entry began
    (None when it was on the team from the start, or is not on it)."""
    folded = login.casefold()
    return past.added.get(folded) if past is not None and folded in team else None
