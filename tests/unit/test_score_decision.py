"""The recorder's decision without git: what git would tell comes in through `Facts`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import github_payloads as gh
import pytest
from contestkit import add_entry, write_contest

from site_builder.core.contest import Contest, load_contest
from site_builder.judging import decision, ledger, scorecomment
from site_builder.judging.decision import Facts, Outcome, Refusal

FIRST_TIME = "2015-12-17T03:00:00Z"
FULL_FIRST = "usefulness: 8\ncreativity: 7\npublic-data: 9\ncompleteness: 8.5\n"


@pytest.fixture
def contest_root(tmp_path: Path) -> Path:
    root = tmp_path / "contest"
    write_contest(root, judges=["judge-ahn", "judge-dong"],
                  conflicts={"judge-ahn": ["bus-stop"]})
    add_entry(root, "wifi-finder", ["entrant-one", "judge-dong"])
    add_entry(root, "bus-stop", ["entrant-two"])
    return root


def contest_of(root: Path) -> Contest:
    contest = load_contest(root).contest
    assert contest is not None
    return contest


def decide(root: Path, body: str, login: str, slug: str, asked: list[str],
           latest: Any = None) -> decision.Plan:
    event = decision.event_from_payload(
        gh.issue_comment(body=body, login=login, created_at=FIRST_TIME, number=1))

    def entry_of() -> str:
        asked.append("entry")
        return slug

    def latest_recorded(path: str) -> Any:
        asked.append(path)
        return latest

    return decision.decide(root, contest_of(root), scorecomment.parse(body), event,
                           Facts(entry_of, latest_recorded))


def test_a_judge_score_is_planned_as_a_record_to_write(contest_root: Path) -> None:
    asked: list[str] = []
    plan = decide(contest_root, "/score\n" + FULL_FIRST, "judge-ahn", "wifi-finder", asked)
    assert plan.outcome is Outcome.RECORDED
    assert plan.target.path == "scores/first/wifi-finder/judge-ahn.yml"
    assert plan.record is not None and plan.record.scores["completeness"] == 8.5
    assert asked == ["entry", "scores/first/wifi-finder/judge-ahn.yml"]


def test_a_stranger_is_refused_before_git_is_asked_anything(contest_root: Path) -> None:
    asked: list[str] = []
    with pytest.raises(Refusal) as refusal:
        decide(contest_root, "/score\n" + FULL_FIRST, "stranger", "wifi-finder", asked)
    assert [p.code for p in refusal.value.problems] == ["score.not-judge"]
    assert asked == []


@pytest.mark.parametrize(("login", "slug", "code"), [
    ("judge-dong", "wifi-finder", "score.conflict-team"),
    ("judge-ahn", "bus-stop", "score.conflict-declared"),
    ("judge-ahn", "park-finder", "score.entry-not-merged"),
])
def test_conflicts_and_missing_entries_are_refused(contest_root: Path, login: str, slug: str,
                                                   code: str) -> None:
    with pytest.raises(Refusal) as refusal:
        decide(contest_root, "/score\n" + FULL_FIRST, login, slug, [])
    assert [p.code for p in refusal.value.problems] == [code]


def test_a_newer_recorded_comment_supersedes(contest_root: Path) -> None:
    later = ledger.order_key("2015-12-18T03:00:00Z", None)
    plan = decide(contest_root, "/score\n" + FULL_FIRST, "judge-ahn", "wifi-finder", [],
                  latest=later)
    assert plan.outcome is Outcome.SUPERSEDED and plan.record is None


def test_replies_are_rendered_from_the_plan(contest_root: Path) -> None:
    plan = decide(contest_root, "/score\n" + FULL_FIRST, "judge-ahn", "wifi-finder", [])
    event = decision.event_from_payload(
        gh.issue_comment(body="/score", login="judge-ahn", created_at=FIRST_TIME, number=1))
    result = decision.done("en", plan, event, "0123456789abcdef", 1)
    assert result.reply.startswith("**Score recorded**")
    assert "`scores/first/wifi-finder/judge-ahn.yml`" in result.reply


def test_attack_judge_leaves_team_then_scores_it(contest_root: Path) -> None:
    """judge-ahn is not on bus-stop's team now, but was on it once (the recorder asks
    git's history through `Facts.past_team`): the score is refused as a conflict."""
    body = "/score\n" + FULL_FIRST
    event = decision.event_from_payload(
        gh.issue_comment(body=body, login="judge-dong", created_at=FIRST_TIME, number=1))
    facts = Facts(lambda: "bus-stop", lambda path: None,
                  past_team=lambda slug: frozenset({"judge-dong"} if slug == "bus-stop" else ()))
    with pytest.raises(Refusal) as refused:
        decision.decide(contest_root, contest_of(contest_root), scorecomment.parse(body),
                        event, facts)
    assert [p.code for p in refused.value.problems] == ["score.conflict-team"]
    # Without that history the same score is planned: the history is what refuses it.
    plan = decision.decide(contest_root, contest_of(contest_root), scorecomment.parse(body),
                           event, Facts(lambda: "bus-stop", lambda path: None))
    assert plan.outcome is Outcome.RECORDED
