"""Every sentence a user sees is in the contest's language: `contest tally` diagnostics,
the refusals of the command line, results files that cannot be read."""

from __future__ import annotations

import pytest
from conftest import ContestTree, assert_no_traceback, run_contest


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
