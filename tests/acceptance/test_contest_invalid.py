"""A broken contest.yml stops every command that needs it, and says what is wrong.

Each command prints the problems themselves (file:line:col, the message and how to
fix it, in the language asked for), then that it could not run, and exits 2.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import tests.github_payloads as gh
from tests.conftest import assert_no_traceback, new_contest, run_contest

# Two problems of the schema and one of the checks it cannot make, each on its own line.
BROKEN = {
    "title:": "titel:",
    "min_judges: 3": "min_judges: 0",
}


def _broken_contest(tmp_path: Path) -> Path:
    root = new_contest(tmp_path / "contest").root
    text = (root / "contest.yml").read_text(encoding="utf-8")
    for old, new in BROKEN.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    (root / "contest.yml").write_text(text, encoding="utf-8")
    return root


def _line_of(root: Path, fragment: str) -> int:
    lines = (root / "contest.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)


def _commands(root: Path) -> dict[str, list[str]]:
    comment = gh.write(root.parent / "comment.json", gh.issue_comment(
        body="/score\n", login="judge-choi", created_at="2015-12-01T09:00:00Z", number=1))
    issue = gh.write(root.parent / "issue.json", gh.issues(
        body="x", login="entrant-one", number=7, created_at="2015-10-20T09:00:00Z"))
    return {
        "new": ["new", "my-service"],
        "status": ["status"],
        "tally": ["tally"],
        "tally --check": ["tally", "--check"],
        "build": ["build", "--out", str(root.parent / "site")],
        "generate": ["generate", "--out", str(root.parent / "generated")],
        "intake": ["intake", "--event", str(issue), "--json-out", str(root.parent / "i.json")],
        "score record": ["score", "record", "--event", str(comment),
                         "--reply-file", str(root.parent / "reply.md")],
    }


COMMANDS = ["new", "status", "tally", "tally --check", "build", "generate", "intake",
            "score record"]


def _run(root: Path, command: str, lang: str) -> subprocess.CompletedProcess[str]:
    return run_contest(["--lang", lang, *_commands(root)[command]], root)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_prints_the_problems_and_exits_2(tmp_path: Path, command: str) -> None:
    root = _broken_contest(tmp_path)
    result = _run(root, command, "en")
    assert_no_traceback(result)
    assert result.returncode == 2, result.stderr
    title_line = _line_of(root, "titel:")
    judges_line = _line_of(root, "min_judges: 0")
    assert f"contest.yml:{title_line}:1: error: titel is not a known field." in result.stderr
    assert "    How to fix: Did you mean 'title'?" in result.stderr
    assert f"contest.yml:{judges_line}:" in result.stderr
    assert "rounds[0].min_judges: 0 must be at least 1." in result.stderr
    assert "contest: contest.yml is not valid, so this command cannot run (problems: 3)." in (
        result.stderr)
    assert not (root / "entries" / "my-service").exists()


def test_the_problems_speak_the_contests_language(tmp_path: Path) -> None:
    root = _broken_contest(tmp_path)
    result = run_contest(["status"], root)
    assert result.returncode == 2, result.stderr
    line = _line_of(root, "titel:")
    assert f"contest.yml:{line}:1: 오류: titel은(는) 쓸 수 없는 항목입니다." in result.stderr
    assert "contest: contest.yml에 문제가 있어 이 명령을 실행할 수 없습니다 (문제 3개)." in (
        result.stderr)


def test_a_missing_contest_yml_is_named(tmp_path: Path) -> None:
    root = new_contest(tmp_path / "contest").root
    (root / "contest.yml").write_text("", encoding="utf-8")
    result = run_contest(["--lang", "en", "tally"], root)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.startswith("contest.yml")
    assert "contest: contest.yml is not valid, so this command cannot run (problems: 1)." in (
        result.stderr)


def test_the_judge_still_gets_a_reply(tmp_path: Path) -> None:
    root = _broken_contest(tmp_path)
    result = _run(root, "score record", "en")
    assert result.returncode == 2
    reply = (root.parent / "reply.md").read_text(encoding="utf-8")
    assert "contest.yml" in reply
