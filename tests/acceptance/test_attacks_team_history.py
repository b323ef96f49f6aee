"""Attacks on conflicts of interest through an entry's team history.

The conflict check (``contest validate``'s ledger checks, the tally's reading of a
round, ``contest status``) uses every team the entry ever had on the default branch,
not only today's: a judge taken off a team still may not score it. A score already
recorded is never made invalid by a later team edit: the edit is reported (its commit
and the judge), not the score.

Each test builds a real forge: a bare origin whose main holds the contest, pull
requests pushed as refs/pull/N/head and merged into main with a merge commit (as
GitHub does), scores committed to main as the bot does, and a fresh full clone of
origin that the commands run in (as CI checks out with fetch-depth 0).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_contest
from contestkit import add_entry, commit_all, commit_scores, git, write_contest

from site_builder.core.contest import Contest, load_contest
from site_builder.judging import ledger, status
from site_builder.judging.ledger import ScoreRecord
from site_builder.submissions.validate import validate_repository
from site_builder.tallying.tally import Refusal, tally_round

JUDGES = ["judge-ahn", "judge-baek", "judge-choi", "judge-dong"]
WIFI = "entries/wifi-finder/entry.yml"


class Forge:
    """A bare origin with the contest on main; pull requests merged as GitHub does."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.origin = tmp / "origin.git"
        git(tmp, "init", "-q", "--bare", "-b", "main", str(self.origin))
        self.main = tmp / "maintainer"
        git(tmp, "clone", "-q", self.origin.as_uri(), str(self.main))
        write_contest(self.main, judges=JUDGES)
        add_entry(self.main, "wifi-finder", ["entrant-one", "judge-dong"])
        add_entry(self.main, "bus-stop", ["entrant-two"])
        add_entry(self.main, "air-watch", ["entrant-three"])
        commit_all(self.main, "Open the contest")
        git(self.main, "push", "-q", "origin", "HEAD:main")
        self.numbers = self.clones = 0

    def merge_pull_request(self, change: Callable[[Path], None]) -> str:
        """A contributor's pull request (refs/pull/N/head), merged into main by an
        organizer with a merge commit; returns the merge commit."""
        self.numbers += 1
        work = self.tmp / f"contributor-{self.numbers}"
        git(self.tmp, "clone", "-q", self.origin.as_uri(), str(work))
        change(work)
        head = commit_all(work, f"Pull request {self.numbers}")
        git(work, "push", "-q", "origin", f"HEAD:refs/pull/{self.numbers}/head")
        git(self.main, "pull", "-q", "--ff-only", "origin", "main")
        git(self.main, "fetch", "-q", "origin", f"refs/pull/{self.numbers}/head")
        git(self.main, "merge", "-q", "--no-ff", "-m", f"Merge pull request #{self.numbers}",
            head)
        git(self.main, "push", "-q", "origin", "HEAD:main")
        return git(self.main, "rev-parse", "HEAD")

    def record_score(self, judge: str, entry: str, round_id: str = "first", mark: int = 7) -> str:
        """The bot's commit of a score on main; returns the file's path."""
        git(self.main, "pull", "-q", "--ff-only", "origin", "main")
        contest = contest_of(self.main)
        round_ = contest.round(round_id)
        assert round_ is not None
        item = ScoreRecord(
            round=round_id, entry=entry, judge=judge,
            scores={c.id: mark for c in round_.criteria},
            event_time=round_.opens.replace(hour=12).isoformat(),
            rubric_sha256=round_.rubric_sha256(),
            comment_url="https://github.com/o/r/pull/3#issuecomment-100", pull_request=3,
        )
        ledger.write_record(self.main, item)
        commit_scores(self.main)
        git(self.main, "push", "-q", "origin", "HEAD:main")
        return item.path

    def clone(self) -> Path:
        self.clones += 1
        clone = self.tmp / f"ci-{self.clones}"
        git(self.tmp, "clone", "-q", self.origin.as_uri(), str(clone))
        return clone


def contest_of(root: Path) -> Contest:
    loaded = load_contest(root)
    assert loaded.contest is not None
    return loaded.contest


def set_team(slug: str, members: list[str]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        shutil.rmtree(root / "entries" / slug)
        add_entry(root, slug, members)

    return change


def codes(root: Path) -> list[tuple[str, str]]:
    return sorted((p.file, p.code) for p in validate_repository(root).report)


@pytest.fixture
def forge(tmp_path: Path) -> Forge:
    return Forge(tmp_path)


def test_attack_team_member_removes_judge(forge: Forge) -> None:
    # judge-dong is on the team of wifi-finder; a merged edit takes them off, and then
    # they score it. They were on its team: that is still a conflict of interest.
    forge.merge_pull_request(set_team("wifi-finder", ["entrant-one"]))
    score = forge.record_score("judge-dong", "wifi-finder")
    root = forge.clone()
    assert codes(root) == [(score, "ledger.conflict-team")]
    contest = contest_of(root)
    refused = tally_round(root, contest, "first")
    assert isinstance(refused, Refusal)
    assert [(p.file, p.code) for p in refused.problems] == [(score, "ledger.conflict-team")]
    cells = status.coverage(root, contest, "first").cells
    assert cells[("wifi-finder", "judge-dong")] == "conflict"


def test_attack_team_adds_judge_to_veto(forge: Forge) -> None:
    # judge-baek scores bus-stop; then a merged edit puts judge-baek on its team. The
    # score stands; the report names the edit (its commit and the judge).
    score = forge.record_score("judge-baek", "bus-stop")
    merge = forge.merge_pull_request(set_team("bus-stop", ["entrant-two", "Judge-Baek"]))
    root = forge.clone()
    run = validate_repository(root)
    found = [(p.file, p.code) for p in run.report]
    assert found == [("entries/bus-stop/entry.yml", "ledger.team-edit")]
    problem = next(iter(run.report))
    assert problem.params["commit"] == merge[:12]
    assert problem.params["login"] == "judge-baek"
    assert merge[:12] in problem.message("en") and "judge-baek" in problem.message("ko")
    assert score not in problem.message("en")
    cells = status.coverage(root, contest_of(root), "first").cells
    assert cells[("bus-stop", "judge-baek")] == "scored"
    # A score the judge gives after joining the team is a conflict, as always.
    later = forge.record_score("judge-baek", "bus-stop", mark=8)
    assert codes(forge.clone()) == [(later, "ledger.conflict-team")]


def test_team_edit_is_reported_once_and_cleared_by_undoing_it(forge: Forge) -> None:
    forge.record_score("judge-baek", "bus-stop")
    forge.merge_pull_request(set_team("bus-stop", ["entrant-two", "judge-baek"]))
    assert codes(forge.clone()) == [("entries/bus-stop/entry.yml", "ledger.team-edit")]
    forge.merge_pull_request(set_team("bus-stop", ["entrant-two"]))
    assert codes(forge.clone()) == []


def test_tally_check_in_a_clone_uses_the_history(forge: Forge) -> None:
    forge.merge_pull_request(set_team("wifi-finder", ["entrant-one"]))
    score = forge.record_score("judge-dong", "wifi-finder")
    root = forge.clone()
    result = run_contest(["tally", "--round", "first"], root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert score in result.stderr
    message = "'judge-dong'은(는) 출품작 'wifi-finder'의 팀 구성원인데 점수가 있습니다"
    assert message in result.stderr


def test_a_team_that_never_had_a_judge_is_untouched(forge: Forge) -> None:
    forge.merge_pull_request(set_team("bus-stop", ["entrant-two", "new-member"]))
    forge.record_score("judge-baek", "bus-stop")
    forge.record_score("judge-ahn", "wifi-finder")
    assert codes(forge.clone()) == []


def test_no_git_repository_keeps_todays_team(tmp_path: Path) -> None:
    write_contest(tmp_path, judges=JUDGES)
    add_entry(tmp_path, "wifi-finder", ["entrant-one", "judge-dong"])
    contest = contest_of(tmp_path)
    round_ = contest.round("first")
    assert round_ is not None
    item = ScoreRecord("first", "wifi-finder", "judge-dong", {c.id: 7 for c in round_.criteria},
                       round_.opens.replace(hour=12).isoformat(), round_.rubric_sha256())
    ledger.write_record(tmp_path, item)
    assert codes(tmp_path) == [(item.path, "ledger.conflict-team")]
