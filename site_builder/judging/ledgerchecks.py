"""The ledger checks of ``contest validate`` and of the tally.

`ledger_problems` is the ledger part of ``contest validate``: every file in
its place, schema-valid, consistent with its path, scored by a judge of the
round without a conflict of interest, on exactly the round's rubric (and the
rubric unchanged since, by its fingerprint), inside the round's window, and
for an entry that advanced from the previous round. `Checker` makes the checks
against contest.yml, entries/ and results/, a file at a time, for the tally too.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.core import schemas
from site_builder.core.contest import Contest, Criterion, Judge, Round
from site_builder.core.problems import Problem
from site_builder.judging.ledger import (
    Advanced,
    LedgerFile,
    Number,
    conflict_of,
    read_advanced,
    scan,
    team_edit,
)
from site_builder.submissions.entries import manifest_display
from site_builder.submissions.teams import Past, team_history, unchanged_since


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
    checker = Checker(root, contest, teams)
    return [problem for item in files for problem in checker.check(item)]


class Checker:
    """Checks well-formed score files against contest.yml, entries/ and results/.

    `teams` maps each entry folder that exists to its members' logins (`team_logins` of
    its manifest); a caller may fill it in as it goes, before checking an entry's files.
    What a round needs (its judges, rubric, previous round's results) is worked out on
    its first file and kept. The teams' past on the default branch is read once, here
    (`teams.team_history`: one ``git log``)."""

    def __init__(self, root: Path, contest: Contest, teams: Mapping[str, frozenset[str]]):
        self.root, self.contest, self.teams = root, contest, teams
        self.past = team_history(root, [judge.github for judge in contest.judges])
        self._edits: set[tuple[str, str]] = set()
        self._facts: dict[str, _RoundFacts] = {}
        self._advanced: dict[str, Advanced] = {}
        self._warned: set[str] = set()

    def passes(self, data: Mapping[str, Any]) -> bool:
        """Whether `check` has nothing to say about a score with these fields, decided
        without building anything (the case of nearly every score). False means only
        that `check` must run."""
        facts = self._round_facts(data["round"])
        if facts is None or not facts.clean(data["entry"], data["judge"], data["scores"],
                                            data["rubric_sha256"], data["event_time"],
                                            self.teams, self.past):
            return False
        if facts.previous is None:
            return True
        advanced = self._advanced_from(facts.previous).slugs
        return advanced is not None and data["entry"] in advanced

    def check(self, item: LedgerFile) -> list[Problem]:
        record = item.record
        facts = self._round_facts(record.round)
        if facts is None:
            return []  # reported once for its folder
        round_ = facts.round
        clean = facts.clean(record.entry, record.judge, record.scores, record.rubric_sha256,
                            record.event_time, self.teams, self.past)
        problems = [] if clean else [
            problem for problem in _check_record(self.root, facts, item, self.teams, self.past)
            if self._first_report(problem)
        ]
        previous = facts.previous
        if previous is None:
            return problems
        found = self._advanced_from(previous)
        params = {"round": round_.id, "previous": previous.id, "file": found.file,
                  "slug": item.record.entry}
        if found.slugs is None:
            if round_.id not in self._warned:
                self._warned.add(round_.id)
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

    def _first_report(self, problem: Problem) -> bool:
        """A team edit is reported once, however many of the judge's scores it follows."""
        if problem.code != "ledger.team-edit":
            return True
        key = (problem.file, str(problem.params["login"]).casefold())
        if key in self._edits:
            return False
        self._edits.add(key)
        return True

    def _round_facts(self, round_id: str) -> _RoundFacts | None:
        facts = self._facts.get(round_id)
        if facts is None:
            round_ = self.contest.round(round_id)
            if round_ is None:
                return None
            facts = self._facts[round_id] = _RoundFacts.of(self.contest, round_)
        return facts

    def _advanced_from(self, previous: Round) -> Advanced:
        found = self._advanced.get(previous.id)
        if found is None:
            found = self._advanced[previous.id] = read_advanced(self.root, previous.id)
        return found


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
    spelled: Mapping[str, Judge]
    """The round's judges, by login exactly as contest.yml spells it."""
    previous: Round | None
    times: dict[str, bool] = field(default_factory=dict)
    """Whether an event time is inside the round's window, by its text (a round's
    scores share few distinct times)."""

    @classmethod
    def of(cls, contest: Contest, round_: Round) -> _RoundFacts:
        judges = {j.github.casefold(): j for j in contest.judges}
        round_judges = frozenset(login.casefold() for login in round_.judges)
        return cls(
            round=round_,
            judges=judges,
            round_judges=round_judges,
            criteria={c.id: c for c in round_.criteria},
            expected=", ".join(f"{c.id} ({c.name})" for c in round_.criteria),
            rubric_sha256=round_.rubric_sha256(),
            spelled={j.github: j for folded, j in judges.items() if folded in round_judges},
            previous=contest.previous_round(round_),
        )

    def inside(self, event_time: str) -> bool:
        inside = self.times.get(event_time)
        if inside is None:
            moment = schemas.parse_datetime(event_time)
            inside = self.times[event_time] = self.round.opens <= moment <= self.round.closes
        return inside

    def clean(
        self, entry: str, judge: str, scores: Mapping[str, Number], rubric_sha256: str,
        event_time: str, teams: Mapping[str, frozenset[str]], past: Mapping[str, Past],
    ) -> bool:
        """Whether `_check_record` has nothing to say about a score with these fields,
        decided without building anything. False means only that it must run."""
        found = self.spelled.get(judge)
        team = teams.get(entry)
        if (
            found is None
            or team is None
            or conflict_of(found, judge, entry, team, past.get(entry)) is not None
            or rubric_sha256 != self.rubric_sha256
            or scores.keys() != self.criteria.keys()
        ):
            return False
        criteria = self.criteria
        for key, value in scores.items():
            if value > criteria[key].max:
                return False
        return self.inside(event_time)


def _check_record(
    root: Path, facts: _RoundFacts, item: LedgerFile, teams: Mapping[str, frozenset[str]],
    pasts: Mapping[str, Past],
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
    team, past = teams.get(slug, frozenset()), pasts.get(slug)
    recorded_before = functools.partial(unchanged_since, root, item.file)
    why = conflict_of(judge, login, slug, team, past, recorded_before)
    edit = team_edit(login, team, past) if why is None else None
    if why is not None:
        yield at(f"ledger.conflict-{why}", ["judge"], login=login, slug=slug)
    elif edit is not None:
        # The score was recorded before the judge was put on the team: it stands, and
        # the edit is what needs an organizer.
        yield Problem(manifest_display(slug), None, None, "ledger.team-edit",
                      {"commit": edit[:12], "login": login, "slug": slug}, "team.members")

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
    if not facts.inside(record.event_time):
        yield at("ledger.outside-window", ["event_time"], time=record.event_time,
                 round=round_.id, opens=round_.opens.isoformat(),
                 closes=round_.closes.isoformat())
