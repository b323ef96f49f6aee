"""Attacks on conflicts of interest through an entry's team, in pull-request mode.

A judge on an entry's team may not score it. An entrant who could take a judge off
their team could be scored by them; one who could put a judge on another team would
make that judge's scores of it look like conflicts, and so veto the judge. A pull
request may therefore not change a team in a way that touches a judge, nor change an
existing team after submissions close; an organizer can still merge such a change.

Real git repositories: a bare origin, refs/pull/N/head, a shallow checkout (the Forge
of test_pull_request_mode).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pull_request_mode import (
    EDIT_SUMMARY,
    NEW_ENTRY,
    OWNER,
    Change,
    Forge,
    add_entry,
    codes,
    edit,
    validate_pr,
)

MANIFEST = "entries/existing-entry/entry.yml"
JUDGE = "example-judge-ahn"  # a judge of contest.yml (the bundled example's)
OTHER_JUDGE = "example-judge-baek"
AFTER_CLOSE = "2015-12-20T10:00:00+09:00"


def add_member(login: str, path: str = MANIFEST, after: str = OWNER) -> Change:
    return edit(path, f"      github: {after}\n",
                f"      github: {after}\n    - name: 새 구성원\n      github: {login}\n")


@pytest.fixture
def forge(tmp_path: Path) -> Forge:
    return Forge(tmp_path)


def test_attack_team_member_removes_judge(forge: Forge) -> None:
    # main: a judge really is on the team of existing-entry (an organizer merged it).
    forge.advance_main(add_member(JUDGE))
    remove_judge = edit(MANIFEST, f"    - name: 새 구성원\n      github: {JUDGE}\n", "")
    pr = forge.pull_request(EDIT_SUMMARY, remove_judge)
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author=OWNER)
    assert result.returncode == 1
    assert codes(report) == [("pr.team-judge", MANIFEST)]
    problem = report["problems"][0]
    assert JUDGE in problem["message"]
    assert problem["field"] == "team.members"
    assert problem["line"] is not None


@pytest.mark.parametrize("spelling", [OTHER_JUDGE, OTHER_JUDGE.upper()])
def test_attack_team_adds_judge_to_veto(forge: Forge, spelling: str) -> None:
    pr = forge.pull_request(add_member(spelling))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author=OWNER)
    assert result.returncode == 1
    assert report["status"] == "needs-fix"
    assert codes(report) == [("pr.team-judge", MANIFEST)]
    # Named as contest.yml spells the judge; the fix is an organizer's.
    assert OTHER_JUDGE in report["problems"][0]["message"]


def test_attack_new_entry_names_judge_to_veto(forge: Forge) -> None:
    member = f"github: hong-gildong\n    - name: 심사위원\n      github: {JUDGE}"
    manifest = NEW_ENTRY.replace("github: hong-gildong", member)
    pr = forge.pull_request(add_entry(manifest=manifest))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [("pr.team-judge", "entries/new-entry/entry.yml")]


def test_attack_team_change_after_close(forge: Forge) -> None:
    pr = forge.pull_request(add_member("new-member"))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author=OWNER, submitted_at=AFTER_CLOSE)
    assert result.returncode == 1
    assert report["status"] == "late"
    assert codes(report) == [("pr.late", MANIFEST), ("pr.team-closed", MANIFEST)]
    assert report["problems"][1]["field"] == "team.members"


def test_team_change_without_a_judge_before_close_is_valid(forge: Forge) -> None:
    # The honest case stays open: a new member, or a member leaving, before the close.
    pr = forge.pull_request(add_member("new-member"))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author=OWNER)
    assert result.returncode == 0, result.stdout
    assert report["status"] == "valid"


def test_unchanged_team_after_close_is_only_late(forge: Forge) -> None:
    pr = forge.pull_request(EDIT_SUMMARY)
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author=OWNER, submitted_at=AFTER_CLOSE)
    assert result.returncode == 1
    assert codes(report) == [("pr.late", MANIFEST)]
