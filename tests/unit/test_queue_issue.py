"""The queue issue's body (`contest queues`): one checklist per judge, within GitHub's limit."""

from __future__ import annotations

from pathlib import Path

from contestkit import write_contest

from site_builder.core.contest import load_contest
from site_builder.judging.queues import BODY_LIMIT, Queue, Queues, issue_body, marker


def test_a_large_round_lists_only_what_is_left_and_stays_under_the_limit(tmp_path: Path
                                                                          ) -> None:
    write_contest(tmp_path)
    contest = load_contest(tmp_path).contest
    assert contest is not None
    round_ = contest.rounds[0]
    entries = [f"entry-{i:04d}" for i in range(5000)]
    queues = tuple(
        Queue(f"judge-{j:03d}", tuple(entries[j * 75:(j + 1) * 75] if j < 66 else entries[:75]),
              frozenset(entries[j * 75:j * 75 + 10]))
        for j in range(200))
    found = Queues(round_, "assignments/first.yml", 3, 5000, queues)
    body = issue_body(contest, found, {"entry-0000": 7}, "en")
    assert body.startswith(marker("first") + "\n")
    assert len(body) <= BODY_LIMIT
    assert "only the entries left are listed" in body
    section = body.split("### judge-001\n", 1)[1].split("###", 1)[0]
    assert "assigned 75, scored 10, left 65" in section
    assert "- [x]" not in body  # scored entries are the ones left out
    assert "more: see `contest status --round first`" in section


def test_a_small_round_lists_every_entry_checked_or_not(tmp_path: Path) -> None:
    write_contest(tmp_path)
    contest = load_contest(tmp_path).contest
    assert contest is not None
    found = Queues(contest.rounds[0], "assignments/first.yml", 2, 2,
                   (Queue("judge-a", ("air-walk", "wifi-finder"), frozenset({"air-walk"})),))
    body = issue_body(contest, found, {"air-walk": 12}, "ko")
    repo = "https://github.com/example-org/citizen-software-contest-2015"
    assert f"- [x] [`air-walk`]({repo}/pull/12)" in body
    assert f"- [ ] [`wifi-finder`]({repo}/tree/HEAD/entries/wifi-finder)" in body
    assert "배정 2, 채점 1, 남음 1" in body
