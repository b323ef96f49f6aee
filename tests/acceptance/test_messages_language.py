"""Every sentence a user sees is in the contest's language: `contest tally` diagnostics,
the refusals of the command line, results files that cannot be read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import github_payloads as gh
import pytest
from conftest import ContestTree, assert_no_traceback, run_contest

from site_builder.core import messages


@pytest.mark.parametrize(("args", "ko", "en"), [
    (["tally", "--write", "--check"], "--write와 --check 중 하나만 주세요.",
     "Give --write or --check, not both."),
    (["build", "--now", "yesterday"], "--now yesterday: 시각으로 읽을 수 없습니다.",
     "--now yesterday: not a time."),
    (["build", "--now", "2015-12-01T09:00:00"], "시간대(오프셋)가 없습니다", "offset is missing"),
    (["score", "record"], "이벤트 파일이 없습니다.", "No event payload."),
], ids=["write-and-check", "now-not-a-time", "now-without-offset", "score-without-event"])
def test_command_line_refusals_follow_the_contest_language(
    contest_tree: ContestTree, args: list[str], ko: str, en: str
) -> None:
    korean = run_contest(args, contest_tree.root)
    assert_no_traceback(korean)
    assert korean.returncode == 2
    assert ko in korean.stderr
    english = run_contest(["--lang", "en", *args], contest_tree.root)
    assert english.returncode == 2
    assert en in english.stderr


def test_an_invalid_contest_is_said_in_korean(contest_tree: ContestTree) -> None:
    contest = contest_tree.root / "contest.yml"
    contest.write_text(contest.read_text("utf-8").replace("rounds:", "roundz:"), "utf-8")
    for command in (["new", "some-entry"], ["tally"], ["status"]):
        result = run_contest(command, contest_tree.root)
        assert_no_traceback(result)
        assert result.returncode == 2
        assert "contest.yml에 문제가 있어 이 명령을 실행할 수 없습니다" in result.stderr, command
        assert "is not valid" not in result.stderr


def test_a_payload_of_another_event_is_said_in_the_contests_language(
    contest_tree: ContestTree, tmp_path: Path
) -> None:
    opened = gh.write(tmp_path / "issues.json", gh.issues(
        body="x", login="entrant-one", number=4, created_at="2015-11-01T00:00:00Z"))
    commented = gh.write(tmp_path / "comment.json", gh.issue_comment(
        body="/score", login="judge-ahn", number=4, created_at="2015-12-17T03:00:00Z"))
    cases: list[tuple[list[str], dict[str, Any]]] = [
        (["score", "record", "--event", str(opened)], {
            "event": "issue_comment", "trigger": "on: issue_comment",
            "why": messages.by_language("github.field-missing", {"field": "comment.user.login"}),
        }),
        (["intake", "--event", str(commented), "--json-out", str(tmp_path / "out.json")], {
            "event": "issues", "trigger": "on: issues (types: [opened, edited])",
            "why": messages.by_language("github.not-one-of", {
                "field": "action", "value": '"created"', "allowed": ["opened", "edited"]}),
        }),
    ]
    for args, params in cases:
        for lang in messages.LANGUAGES:
            result = run_contest(args if lang == "ko" else ["--lang", lang, *args],
                                 contest_tree.root)
            assert_no_traceback(result)
            assert result.returncode == 2
            text = messages.render("github.wrong-payload", lang, params)
            hint = messages.render_hint("github.wrong-payload", lang, params)
            assert f"contest: {text} {hint}" in result.stderr, (args, lang)
