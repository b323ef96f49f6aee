"""results/<round>.json on disk: the ledger commit they name, writing them, checking them.

**ledger_commit** is the last commit in HEAD's history that touched scores/<round>/
(adding, changing or removing a score), not HEAD itself: committing the results file, or
anything else, must not make the results it records stale. A shallow clone cannot say
which commit that is, so it is refused with a hint rather than answered wrongly.

Writing (``contest tally --write``) refuses when scores/<round>/ has changes that are not
committed, because the file would name a commit that does not hold its data. Checking
(``--check``) recomputes each committed file from the ledger and compares the two
documents field by field (`compare`); any difference, including the ledger commit and
the data fingerprint, fails the check.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.core import messages
from site_builder.core.contest import Contest, Round
from site_builder.core.errors import GitError
from site_builder.core.fileio import Unreadable, read_json_object, write_atomically
from site_builder.core.problems import Problem
from site_builder.judging import provenance
from site_builder.judging.ledger import RESULTS_SIZE_LIMIT, SCORES_DIR, results_file
from site_builder.tallying import tally

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
"""Stands for a field that one of two compared documents does not have."""


# --- the ledger commit ------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerState:
    commit: str | None
    """The last commit that touched scores/<round>/, None if none ever did."""
    dirty: bool
    """Whether scores/<round>/ differs from HEAD (changed, added or removed files)."""


class LedgerQuery:
    """git's view of a round's ledger (`LedgerState`), asked in the background.

    The last commit (``git log``) and, with `status`, the folder's changes (``git
    status`` over every score file: a fifth of a second for 25,000 files) run as git
    processes from the moment the query is made, while the tally reads the ledger;
    `result` waits for them. Plain git, not GitPython: importing GitPython alone takes
    longer than both questions."""

    def __init__(self, root: Path, round_id: str, *, status: bool = True) -> None:
        top, shallow = _git(root, "rev-parse", "--show-toplevel",
                            "--is-shallow-repository").splitlines()
        if shallow == "true":
            raise GitError.coded("tally.git-shallow")
        prefix = root.resolve().relative_to(Path(top).resolve()).as_posix()
        folder = f"{prefix}/{SCORES_DIR}/{round_id}".removeprefix("./")
        has_head = _finish(_start(Path(top), "rev-parse", "--verify", "--quiet", "HEAD"))[2] == 0
        self._log = (
            _start(Path(top), "log", "-1", "--format=%H", "HEAD", "--", folder)
            if has_head else None  # no commit at all yet
        )
        self._state: LedgerState | None = None
        self._status = (
            _start(Path(top), "status", "--porcelain", "--untracked-files=all", "--", folder)
            if status else None
        )

    def result(self) -> LedgerState:
        """What git said (waited for on the first call)."""
        if self._state is None:
            self._state = self._wait()
        return self._state

    def commit(self) -> str | None:
        return self.result().commit

    def _wait(self) -> LedgerState:
        commit = changes = ""
        if self._log is not None:
            commit, error, code = _finish(self._log)
            if code != 0:
                raise GitError.coded("git.failed", command="log", detail=error.strip())
        if self._status is not None:
            changes, error, code = _finish(self._status)
            if code != 0:
                raise GitError.coded("git.failed", command="status",
                                     detail=error.strip())
        return LedgerState(commit.strip() or None, bool(changes.strip()))


def _git(root: Path, *args: str) -> str:
    out, error, code = _finish(_start(root, *args))
    if code != 0:
        if "not a git repository" in error:
            raise GitError.coded("tally.not-a-repository", root=str(root))
        raise GitError.coded("git.failed", command=args[0], detail=error.strip())
    return out


def _start(cwd: Path, *args: str) -> subprocess.Popen[str]:
    try:
        return subprocess.Popen(
            ["git", *args], cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
            # Read-only questions: git must not take the index lock to refresh it. Its
            # messages in English: "not a git repository" is looked for below.
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except OSError as exc:
        raise GitError.coded("git.missing", detail=str(exc.strerror or exc)) from None


def _finish(process: subprocess.Popen[str]) -> tuple[str, str, int]:
    out, error = process.communicate()
    return out, error, process.returncode


# --- reading and writing -----------------------------------------------------------------


@dataclass(frozen=True)
class Committed:
    """A results file as found: its data, or why it has none."""

    file: str
    data: Mapping[str, Any] | None
    problem: Problem | None = None

    @property
    def exists(self) -> bool:
        return self.data is not None or self.problem is not None


def read_committed(root: Path, round_id: str) -> Committed:
    display = results_file(round_id)
    path = root / display
    if not path.exists() and not path.is_symlink():
        return Committed(display, None)
    try:
        data = read_json_object(path, RESULTS_SIZE_LIMIT)
    except Unreadable as exc:
        # The detail is a sentence of its own, in every language (see messages.py).
        detail = {lang: messages.render(exc.code, lang, exc.params) for lang in messages.LANGUAGES}
        problem = Problem(display, None, None, "tally.results-unreadable", {"detail": detail})
        return Committed(display, None, problem)
    return Committed(display, data)


def write(root: Path, document: Mapping[str, Any]) -> str:
    """Write results/<round>.json atomically; returns its display path."""
    display = results_file(str(document["round"]))
    path = root / display
    write_atomically(path, tally.dumps(document))
    return display


# --- comparing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One published value that the ledger does not reproduce."""

    entry: str | None
    """The entry concerned, or None for a field of the round."""
    field: str
    """Where, as a path into the document: ``score``, ``criteria.usefulness``,
    ``data_sha256``, ``judges[example-judge-ahn].leniency``."""
    committed: Any
    recomputed: Any


def compare(committed: Mapping[str, Any], recomputed: Mapping[str, Any]) -> list[Difference]:
    """Every difference between a committed results document and the recomputed one.

    Entries are matched by slug and judges by login, so the order of the list in the file
    does not matter; every other value must be equal, with numbers compared as numbers
    (81 equals 81.0) but never a boolean with a number.
    """
    dumped = _dump(committed)
    if dumped is not None and dumped == _dump(recomputed):
        # The same JSON text, keys in the same order (as this module writes them): no
        # difference can hide in it (it tells true from 1, and 1 from 1.0, which the
        # walk below counts as equal). Two C-speed dumps instead of a Python walk over
        # 5,000 rows; the walk runs whenever the texts differ.
        return []
    differences: list[Difference] = []
    for key in _keys(committed, recomputed):
        ours, theirs = committed.get(key, MISSING), recomputed.get(key, MISSING)
        if key == "entries":
            differences.extend(_compare_rows(ours, theirs, "entry", by_entry=True))
        elif key == "judges":
            differences.extend(_compare_rows(ours, theirs, "judge", by_entry=False))
        else:
            differences.extend(
                Difference(None, path, a, b) for path, a, b in _walk(key, ours, theirs)
            )
    return differences


def _dump(document: Mapping[str, Any]) -> str | None:
    try:
        return json.dumps(document, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):  # not plain JSON values (or NaN): the walk compares
        return None


def _keys(*documents: Any) -> list[str]:
    keys: dict[str, None] = {}
    for document in documents:
        if isinstance(document, Mapping):
            keys.update(dict.fromkeys(document))
    return list(keys)


def _rows(value: Any, key: str) -> dict[str, Any] | None:
    if not isinstance(value, list) or not all(
        isinstance(row, dict) and isinstance(row.get(key), str) for row in value
    ):
        return None
    rows = {row[key]: row for row in value}
    return rows if len(rows) == len(value) else None


def _compare_rows(ours: Any, theirs: Any, key: str, *, by_entry: bool) -> Iterator[Difference]:
    name = "entries" if by_entry else "judges"
    mine, other = _rows(ours, key), _rows(theirs, key)
    if mine is None or other is None:  # not a list of rows with unique ids: compare whole
        if not _same(ours, theirs):
            yield Difference(None, name, ours, theirs)
        return
    for row_id in [*other, *(k for k in mine if k not in other)]:
        a, b = mine.get(row_id, MISSING), other.get(row_id, MISSING)
        if a is MISSING or b is MISSING:
            yield Difference(row_id if by_entry else None,
                             name if by_entry else f"judges[{row_id}]", a, b)
            continue
        for field_name in _keys(a, b):
            if field_name == key:
                continue
            for path, x, y in _walk(field_name, a.get(field_name, MISSING),
                                    b.get(field_name, MISSING)):
                if by_entry:
                    yield Difference(row_id, path, x, y)
                else:
                    yield Difference(None, f"judges[{row_id}].{path}", x, y)


def _walk(path: str, a: Any, b: Any) -> Iterator[tuple[str, Any, Any]]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in _keys(a, b):
            yield from _walk(f"{path}.{key}", a.get(key, MISSING), b.get(key, MISSING))
    elif not _same(a, b):
        yield path, a, b


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and bool(a == b)


# --- whole runs: --write and --check -------------------------------------------------------


@dataclass
class RoundReport:
    """What happened to one round in a --write or --check run."""

    round: Round
    file: str
    status: str
    """``written``, ``verified``, ``different``, ``untrusted`` (the same results, but
    from score commits the bot did not make: `provenance`; with differences too, the
    status is ``different`` and `problems` name the commits), ``refused``,
    ``skipped`` (no scores yet) or ``unpublished`` (no results file to check)."""
    result: tally.RoundResult | None = None
    problems: list[Problem] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return (self.status in ("different", "untrusted", "refused")
                or any(p.severity == "error" for p in self.problems))


def write_results(root: Path, contest: Contest, round_id: str | None) -> list[RoundReport]:
    """Tally and write one round, or every round that has scores, in order (each round
    then reads the advanced list just written for the previous one). Stops at the
    first round that is refused."""
    reports: list[RoundReport] = []
    for round_ in _rounds(contest, round_id):
        display = results_file(round_.id)
        # git answers while the ledger is read; what it says is acted on first, as if
        # it had been asked first (the tally has no effect until the file is written).
        query = LedgerQuery(root, round_.id)
        outcome = tally.tally_round(root, contest, round_.id, query.commit,
                                    titles=False)
        state = query.result()
        if round_id is None and state.commit is None and not state.dirty:
            reports.append(RoundReport(round_, display, "skipped"))
            continue
        problem = _uncommitted(round_, state)
        if problem is not None:
            reports.append(RoundReport(round_, display, "refused", problems=[problem]))
            break
        if isinstance(outcome, tally.Refusal):
            reports.append(RoundReport(round_, display, "refused", problems=list(outcome.problems)))
            break
        write(root, outcome.document)
        reports.append(RoundReport(round_, display, "written", outcome,
                                   problems=list(outcome.warnings)))
    return reports


def _uncommitted(round_: Round, state: LedgerState) -> Problem | None:
    folder = f"{SCORES_DIR}/{round_.id}"
    if state.dirty:
        return Problem(folder, None, None, "tally.ledger-uncommitted", {"round": round_.id})
    if state.commit is None:
        return Problem(folder, None, None, "tally.no-ledger-commit", {"round": round_.id})
    return None


def check_results(root: Path, contest: Contest, round_id: str | None) -> list[RoundReport]:
    """Recompute every committed results file (or the one of `round_id`, which must
    exist) and compare it with what is committed."""
    reports: list[RoundReport] = []
    # Results recomputed from a ledger that someone other than the bot wrote prove
    # nothing: who made each score commit is checked once, for every round.
    history = provenance.provenance_problems(root, contest)
    for round_ in _rounds(contest, round_id):
        committed = read_committed(root, round_.id)
        if committed.problem is not None:
            reports.append(RoundReport(round_, committed.file, "refused",
                                       problems=[committed.problem]))
            continue
        if committed.data is None:
            if round_id is not None:
                problem = Problem(committed.file, None, None, "tally.results-missing",
                                  {"round": round_.id, "file": committed.file})
                reports.append(RoundReport(round_, committed.file, "refused", problems=[problem]))
            else:
                reports.append(RoundReport(round_, committed.file, "unpublished"))
            continue
        query = LedgerQuery(root, round_.id)  # answered while the ledger is read
        outcome = tally.tally_round(root, contest, round_.id, query.commit,
                                    titles=False)
        if isinstance(outcome, tally.Refusal):
            reports.append(RoundReport(round_, committed.file, "refused",
                                       problems=list(outcome.problems)))
            continue
        state = query.result()
        # The document holds JSON values only (dicts, lists, text, numbers, booleans, null).
        differences = compare(committed.data, outcome.document)
        problems = list(outcome.warnings)
        untrusted = _of_round(history, contest, round_)
        problems += untrusted
        if state.dirty:  # the likely reason for a difference: say it
            problems.append(Problem(f"{SCORES_DIR}/{round_.id}", None, None,
                                    "tally.ledger-uncommitted", {"round": round_.id},
                                    severity="warning"))
        status = "different" if differences else "verified"
        if status == "verified" and any(p.severity == "error" for p in untrusted):
            status = "untrusted"  # the same results, from a ledger nobody can vouch for
        reports.append(RoundReport(round_, committed.file, status, outcome, problems,
                                   differences))
    return reports


def _of_round(history: list[Problem], contest: Contest, round_: Round) -> list[Problem]:
    """The provenance problems of a round's folder, and those of no round's."""
    folders = tuple(f"{SCORES_DIR}/{r.id}/" for r in contest.rounds)
    return [p for p in history
            if p.file.startswith(f"{SCORES_DIR}/{round_.id}/") or not p.file.startswith(folders)]


def _rounds(contest: Contest, round_id: str | None) -> list[Round]:
    return list(contest.rounds) if round_id is None else [tally.find_round(contest, round_id)]
