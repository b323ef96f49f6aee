"""`contest score record` end to end: real git, a bare origin with pull-request refs, and
issue_comment payloads in GitHub's documented shape.

The origin holds the example contest (judges and conflicts rewritten for the test) on
``main``, entries merged in the ways GitHub merges (merge commit, squash), and pull-request
heads under ``refs/pull/N/head``. Each test clones it as a CI job would (no git identity:
the recorder must set the bot itself), records a comment, and looks at the origin.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import contestkit
import github_payloads as gh
import pytest
from contestkit import REPO, add_entry, write_contest, write_results

from site_builder.core import messages
from site_builder.core.loader import load_bytes
from site_builder.core.reporter import markdown_escape
from site_builder.judging import recorder
from site_builder.judging.recorder import Outcome, Result
from site_builder.submissions.validate import validate_repository

pytestmark = pytest.mark.slow  # bare origins, pushes and the recorder as a child process

JUDGES = ["judge-ahn", "judge-baek", "Judge-Choi", "judge-dong", "judge-fan"]
FIRST = ["judge-ahn", "judge-baek", "Judge-Choi", "judge-dong"]
FINAL = ["judge-ahn", "judge-baek", "judge-fan"]
FIRST_TIME = "2015-12-17T03:00:00Z"  # 12:00 in Seoul, round "first" is open
LATER_FIRST_TIME = "2015-12-18T03:00:00Z"
FINAL_TIME = "2015-12-23T03:00:00Z"  # round "final" is open, "first" closed
FULL_FIRST = "usefulness: 8\ncreativity: 7\npublic-data: 9\ncompleteness: 8.5\n"
FULL_FINAL = "usefulness: 9\ncompleteness: 8\ncreativity: 7\nsustainability: 6\n"


def git(cwd: Path, *args: str, identity: bool = False) -> str:
    """Without an identity unless asked: the recorder must set its own."""
    return contestkit.git(cwd, *args, identity=identity)


@pytest.fixture(autouse=True)
def no_git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Like a CI runner: no user.name or user.email anywhere."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                 "GIT_COMMITTER_EMAIL", "EMAIL", "GITHUB_OUTPUT"):
        monkeypatch.delenv(name, raising=False)


# --- the origin ------------------------------------------------------------------------


def _pr(work: Path, number: int, branch: str, base: str, make: Any, *, title: str) -> str:
    git(work, "checkout", "-q", "-b", branch, base)
    make()
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", title, identity=True)
    head = git(work, "rev-parse", "HEAD")
    git(work, "push", "-q", "origin", f"{branch}:refs/pull/{number}/head")
    git(work, "checkout", "-q", "main")
    return head


def build_origin(where: Path, **contest: Any) -> Path:
    """A bare origin with the contest on main and entry pull requests:

    #1 wifi-finder   merged with a merge commit (team: entrant-one, judge-dong)
    #2 bus-stop      squash-merged                (judge Judge-Choi declared a conflict)
    #3 air-watch     merged with a merge commit, refs/pull/3/head gone from the origin
    #4 park-finder   open, not merged
    #5               changes README.md only
    #6               changes two entries
    """
    work, origin = where / "work", where / "origin.git"
    git(where, "init", "-q", "--bare", "-b", "main", str(origin))
    git(where, "init", "-q", "-b", "main", str(work))
    write_contest(work, **contest)
    (work / "README.md").write_text("# Contest\n")
    write_results(work, "first", ["wifi-finder", "bus-stop"])
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Start the contest", identity=True)
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    base = git(work, "rev-parse", "HEAD")

    team = ["entrant-one", "judge-dong"]
    _pr(work, 1, "wifi", base, lambda: add_entry(work, "wifi-finder", team),
        title="Add wifi-finder")
    git(work, "merge", "-q", "--no-ff", "wifi", "-m",
        "Merge pull request #1 from entrant-one/wifi", identity=True)

    _pr(work, 2, "bus", base, lambda: add_entry(work, "bus-stop", ["entrant-two"]),
        title="Add bus-stop")
    git(work, "merge", "-q", "--squash", "bus", identity=True)
    git(work, "commit", "-q", "-m", "Add bus-stop (#2)", identity=True)

    _pr(work, 3, "air", base, lambda: add_entry(work, "air-watch", ["entrant-three"]),
        title="Add air-watch")
    git(work, "merge", "-q", "--no-ff", "air", "-m",
        "Merge pull request #3 from entrant-three/air", identity=True)
    git(work, "push", "-q", "origin", ":refs/pull/3/head")

    _pr(work, 4, "park", base, lambda: add_entry(work, "park-finder", ["entrant-four"]),
        title="Add park-finder")

    def docs() -> None:
        (work / "README.md").write_text("# Contest\n\nMore words.\n")

    _pr(work, 5, "docs", base, docs, title="Improve the README")

    def two() -> None:
        add_entry(work, "two-one", ["entrant-five"])
        add_entry(work, "two-two", ["entrant-five"])

    _pr(work, 6, "two", base, two, title="Add two entries")
    git(work, "push", "-q", "origin", "main")
    return origin


@pytest.fixture(scope="module")
def origin_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_origin(
        tmp_path_factory.mktemp("origin"),
        judges=JUDGES, first_judges=FIRST, final_judges=FINAL,
        conflicts={"Judge-Choi": ["bus-stop"]},
    )


@pytest.fixture
def origin(origin_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "origin.git"
    shutil.copytree(origin_template, copy)
    return copy


def clone(origin: Path, where: Path) -> Path:
    git(where.parent, "clone", "-q", str(origin), str(where))
    return where


@pytest.fixture
def ci(origin: Path, tmp_path: Path) -> Path:
    return clone(origin, tmp_path / "ci")


def main_sha(origin: Path) -> str:
    return git(origin, "rev-parse", "main")


def show(origin: Path, path: str) -> dict[str, Any]:
    raw = git(origin, "show", f"main:{path}").encode("utf-8") + b"\n"
    data: dict[str, Any] = load_bytes(raw, path, 64 * 1024).data
    return data


def payload(body: str, login: str, *, number: int = 1, at: str = FIRST_TIME,
            **options: Any) -> dict[str, Any]:
    data = gh.issue_comment(body=body, login=login, created_at=at, number=number, **options)
    gh.validate(data)
    return data


def record(ci: Path, data: dict[str, Any], *, push: bool = True) -> Result:
    return recorder.record_comment(ci, recorder.event_from_payload(data), push=push)


def message(code: str, **params: Any) -> str:
    return messages.render(code, "ko", params)


# --- recorded ----------------------------------------------------------------------------


def test_a_judge_score_is_recorded_committed_and_pushed(ci: Path, origin: Path,
                                                        tmp_path: Path) -> None:
    before = main_sha(origin)
    data = payload(f"/score\r\n{FULL_FIRST}comment: 잘 만들었습니다.\r\n오프라인도 됩니다.",
                   "judge-ahn", comment_id=5001)
    event_file = gh.write(tmp_path / "event.json", data)
    reply_file = tmp_path / "reply.md"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run(
        [sys.executable, "-m", "site_builder", "--root", str(ci), "score", "record",
         "--event", str(event_file), "--push", "--reply-file", str(reply_file)],
        capture_output=True, text=True, env=env, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "recorded scores/first/wifi-finder/judge-ahn.yml" in run.stderr

    path = "scores/first/wifi-finder/judge-ahn.yml"
    assert git(origin, "rev-parse", "main~1") == before
    assert git(origin, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%s|%aI", "main") == (
        "judge-ahn <judge-ahn@users.noreply.github.com>|"
        "contest-bot <contest-bot@users.noreply.github.com>|"
        "score: wifi-finder by judge-ahn (first)|2015-12-17T03:00:00+00:00"
    )
    trailers = git(origin, "log", "-1", "--format=%(trailers)", "main")
    assert "Comment: https://github.com/example-org/citizen-software-contest-2015/pull/1" \
           "#issuecomment-5001" in trailers
    assert "Event-Time: 2015-12-17T03:00:00Z" in trailers
    assert git(origin, "diff", "--name-only", "main~1", "main") == path
    score = show(origin, path)
    assert score["scores"] == {"usefulness": 8, "creativity": 7, "public-data": 9,
                               "completeness": 8.5}
    assert score["judge"] == "judge-ahn" and score["pull_request"] == 1
    assert score["comment"] == "잘 만들었습니다.\n오프라인도 됩니다."
    assert score["event_time"] == FIRST_TIME

    reply = reply_file.read_text(encoding="utf-8")
    assert reply.startswith(f"**{message('ui.score-recorded')}**")
    assert "| 공공데이터 활용도 (`public-data`) | 9 / 10 |" in reply
    assert "`scores/first/wifi-finder/judge-ahn.yml`" in reply
    assert run.stdout == ""

    # The ledger it leaves behind validates.
    check = clone(origin, tmp_path / "check")
    report = validate_repository(check).report
    assert [p.code for p in report if p.file.startswith(("scores", "results"))] == []


def test_judge_login_case_and_contest_spelling(ci: Path, origin: Path) -> None:
    result = record(ci, payload("/score\n" + FULL_FIRST, "judge-choi"))
    assert result.outcome is Outcome.RECORDED, result.reply
    assert result.path == "scores/first/wifi-finder/judge-choi.yml"
    assert show(origin, result.path)["judge"] == "Judge-Choi"


def test_second_round_and_merge_styles(ci: Path, origin: Path) -> None:
    final = record(ci, payload("/score final\n" + FULL_FINAL, "judge-fan", at=FINAL_TIME))
    assert final.outcome is Outcome.RECORDED, final.reply
    assert final.path == "scores/final/wifi-finder/judge-fan.yml"
    squash = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=2))
    assert squash.path == "scores/first/bus-stop/judge-ahn.yml", squash.reply
    no_head = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=3))
    assert no_head.path == "scores/first/air-watch/judge-ahn.yml", no_head.reply
    assert git(origin, "log", "--format=%s", "-3", "main").splitlines() == [
        "score: air-watch by judge-ahn (first)",
        "score: bus-stop by judge-ahn (first)",
        "score: wifi-finder by judge-fan (final)",
    ]


def test_without_push_commits_locally_only(ci: Path, origin: Path) -> None:
    before = main_sha(origin)
    result = record(ci, payload("/score\n" + FULL_FIRST, "judge-baek"), push=False)
    assert result.outcome is Outcome.RECORDED
    assert main_sha(origin) == before
    assert git(ci, "log", "-1", "--format=%s") == "score: wifi-finder by judge-baek (first)"


# --- refused: a reply, and nothing changes ---------------------------------------------------

REFUSALS = {
    "non-judge": (dict(body="/score\n" + FULL_FIRST, login="stranger"), "score.not-judge"),
    "judge of the other round": (dict(body="/score\n" + FULL_FIRST, login="judge-fan"),
                                 "score.not-round-judge"),
    "declared conflict": (dict(body="/score\n" + FULL_FIRST, login="Judge-Choi", number=2),
                          "score.conflict-declared"),
    "team member": (dict(body="/score\n" + FULL_FIRST, login="judge-dong"),
                    "score.conflict-team"),
    "closed round": (dict(body="/score first\n" + FULL_FIRST, login="judge-ahn", at=FINAL_TIME),
                     "score.round-closed"),
    "out of range": (dict(body="/score\n" + FULL_FIRST.replace("8\n", "11\n", 1),
                          login="judge-ahn"), "score.over-max"),
    "missing criterion": (dict(body="/score\nusefulness: 8\ncreativity: 7\npublic-data: 9\n",
                               login="judge-ahn"), "score.missing-criteria"),
    "unknown criterion": (dict(body="/score\n" + FULL_FIRST + "design: 9\n", login="judge-ahn"),
                          "score.unknown-criterion"),
    "not advanced": (dict(body="/score\n" + FULL_FINAL, login="judge-ahn", number=3,
                          at=FINAL_TIME), "score.not-advanced"),
    "plain issue": (dict(body="/score\n" + FULL_FIRST, login="judge-ahn", pull_request=False),
                    "score.not-pull-request"),
    "edited comment": (dict(body="/score\n" + FULL_FIRST, login="judge-ahn", action="edited"),
                       "score.edited"),
    "entry not merged": (dict(body="/score\n" + FULL_FIRST, login="judge-ahn", number=4),
                         "score.entry-not-merged"),
    "not an entry": (dict(body="/score\n" + FULL_FIRST, login="judge-ahn", number=5),
                     "score.no-entry"),
    "two entries": (dict(body="/score\n" + FULL_FIRST, login="judge-ahn", number=6),
                    "score.multiple-entries"),
    "unknown round": (dict(body="/score second\n" + FULL_FIRST, login="judge-ahn"),
                      "score.unknown-round"),
    "no round open": (dict(body="/score\n" + FULL_FIRST, login="judge-ahn",
                           at="2015-12-29T00:00:00Z"), "score.no-open-round"),
    "not yet open": (dict(body="/score final\n" + FULL_FINAL, login="judge-ahn"),
                     "score.round-not-open"),
    "nothing to withdraw": (dict(body="/score withdraw", login="judge-ahn"),
                            "score.nothing-to-withdraw"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refused_with_a_reply_and_no_commit(case: str, ci: Path, origin: Path) -> None:
    options, code = REFUSALS[case]
    options = dict(options)
    data = payload(options.pop("body"), options.pop("login"), **options)
    before, local = main_sha(origin), git(ci, "rev-parse", "HEAD")
    result = record(ci, data)
    assert result.outcome is Outcome.REFUSED and result.exit_code == 1
    assert code in [p.code for p in result.problems], result.reply
    assert result.reply.startswith(f"**{message('ui.score-refused')}**")
    assert main_sha(origin) == before
    assert git(ci, "rev-parse", "HEAD") == local
    assert git(ci, "status", "--porcelain") == ""


def test_refusal_reply_lists_what_to_write(ci: Path) -> None:
    body = "/score\nusefulness: 8/10\ncreativity: 7\npublic-data: 9\n"
    result = record(ci, payload(body, "judge-ahn"))
    assert [p.code for p in result.problems] == ["score.fraction", "score.missing-criteria"]
    assert result.reply == (
        "**점수를 기록하지 않았습니다**\n\n"
        "- 2번째 줄: 'usefulness'의 '8/10'처럼 분수로 쓸 수 없습니다.\n"
        "  - 고치는 법: 점수만 쓰세요. 만점은 10점입니다 (예: 8/10 대신 8).\n"
        "- 점수가 빠진 평가 기준이 있습니다: completeness\n"
        "  - 고치는 법: 모든 평가 기준에 점수를 주어야 기록됩니다. 평가 기준: usefulness (활용성), "
        "creativity (창의성), public-data (공공데이터 활용도), completeness (완성도)\n\n"
        "아래 양식을 복사해 점수를 채운 뒤 새 댓글로 올리세요:\n\n"
        "```text\n/score\nusefulness: \ncreativity: \npublic-data: \ncompleteness: \n"
        "comment: \n```\n"
    )


def test_a_stranger_gets_no_syntax_lesson(ci: Path) -> None:
    result = record(ci, payload("/score\nusefulness: lots", "stranger"))
    assert [p.code for p in result.problems] == ["score.not-judge"]
    assert "```" not in result.reply


def test_replies_escape_what_the_comment_says(ci: Path) -> None:
    body = "/score\n" + FULL_FIRST + "<img src=x onerror=alert(1)> @everyone [x](javascript:1): 9\n"
    result = record(ci, payload(body, "judge-ahn"))
    assert result.outcome is Outcome.REFUSED
    assert "<img" not in result.reply and "[x](" not in result.reply
    assert "&lt;img" in result.reply and "@\u2060everyone" in result.reply


def test_not_a_command_and_deleted_comments_are_ignored(ci: Path, origin: Path) -> None:
    before = main_sha(origin)
    for data in (payload("LGTM!", "judge-ahn"),
                 gh.issue_comment(body="/score\n" + FULL_FIRST, login="judge-ahn",
                                  created_at=FIRST_TIME, number=1, action="deleted")):
        result = record(ci, data)
        assert (result.outcome, result.reply, result.exit_code) == (Outcome.IGNORED, "", 0)
    assert main_sha(origin) == before


def test_official_example_payload_is_read(tmp_path: Path) -> None:
    example = Path("/work/shared/github-webhooks/examples/issue_comment.created.json")
    if not example.exists():
        pytest.skip("GitHub's example payloads are not available here")
    event = recorder.read_event(example)
    assert (event.action, event.is_pull_request, event.number) == ("created", False, 1)
    assert event.login == "Codertocat" and event.default_branch == "master"


@pytest.mark.parametrize("breakage", ["comment", "number", "time", "branch", "json"])
def test_a_payload_of_another_shape_cannot_run(ci: Path, tmp_path: Path, breakage: str) -> None:
    data = payload("/score\n" + FULL_FIRST, "judge-ahn")
    if breakage == "comment":
        del data["comment"]
    elif breakage == "number":
        data["issue"]["number"] = True
    elif breakage == "time":
        data["comment"]["created_at"] = "yesterday"
    elif breakage == "branch":
        data["repository"]["default_branch"] = "--upload-pack=evil"
    path = gh.write(tmp_path / "event.json", data)
    if breakage == "json":
        path.write_text("{", encoding="utf-8")
    reply = tmp_path / "reply.md"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run(
        [sys.executable, "-m", "site_builder", "--root", str(ci), "score", "record",
         "--event", str(path), "--reply-file", str(reply)],
        capture_output=True, text=True, env=env, check=False,
    )
    assert run.returncode == 2, run.stderr
    assert reply.read_text(encoding="utf-8").startswith(f"**{message('ui.score-error')}**")


def test_the_judge_reads_why_it_could_not_run_in_the_contests_language(
        ci: Path, tmp_path: Path) -> None:
    data = payload("/score\n" + FULL_FIRST, "judge-ahn")
    data["repository"]["default_branch"] = "--upload-pack=evil"
    path = gh.write(tmp_path / "event.json", data)
    reply = tmp_path / "reply.md"
    run = subprocess.run(
        [sys.executable, "-m", "site_builder", "--root", str(ci), "score", "record",
         "--event", str(path), "--reply-file", str(reply)],
        capture_output=True, text=True, env=contestkit.cli_env(), check=False,
    )
    assert run.returncode == 2, run.stderr
    params = {"event": "issue_comment", "trigger": "on: issue_comment",
              "why": message("github.not-a-branch", field="repository.default_branch",
                             value='"--upload-pack=evil"')}
    text = reply.read_text(encoding="utf-8")
    assert f"`{message('github.wrong-payload', **params)}`" in text
    hint = messages.render_hint("github.wrong-payload", "ko", params)
    assert hint and markdown_escape(hint) in text
    assert message("github.wrong-payload", **params) in run.stderr


# --- withdraw, replace, identical, out of order --------------------------------------------


def test_withdraw_removes_the_file_in_a_new_commit(ci: Path, origin: Path) -> None:
    path = "scores/first/wifi-finder/judge-ahn.yml"
    assert record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn")).outcome is Outcome.RECORDED
    result = record(ci, payload("/score withdraw\n잘못 채점했습니다", "judge-ahn",
                                at=LATER_FIRST_TIME))
    assert result.outcome is Outcome.WITHDRAWN and result.exit_code == 0, result.reply
    assert git(origin, "ls-tree", "-r", "--name-only", "main", "scores") == ""
    assert git(origin, "log", "--format=%s|%an|%cn", "main", "--", path).splitlines() == [
        "score: withdraw wifi-finder by judge-ahn (first)|judge-ahn|contest-bot",
        "score: wifi-finder by judge-ahn (first)|judge-ahn|contest-bot",
    ]
    assert not (ci / "scores").exists()


def test_a_later_score_replaces_the_earlier_and_history_keeps_both(ci: Path,
                                                                    origin: Path) -> None:
    path = "scores/first/wifi-finder/judge-baek.yml"
    record(ci, payload("/score\n" + FULL_FIRST, "judge-baek", comment_id=7001))
    changed = FULL_FIRST.replace("usefulness: 8", "usefulness: 6")
    second = record(ci, payload("/score\n" + changed, "judge-baek", at=LATER_FIRST_TIME,
                                comment_id=7002))
    assert second.outcome is Outcome.RECORDED
    assert show(origin, path)["scores"]["usefulness"] == 6
    assert show(origin, path)["comment_url"].endswith("#issuecomment-7002")
    assert len(git(origin, "log", "--format=%H", "main", "--", path).splitlines()) == 2
    assert git(origin, "show", "main~1:" + path).count("usefulness: 8") == 1


def test_an_identical_resubmission_records_nothing(ci: Path, origin: Path) -> None:
    first = payload("/score\n" + FULL_FIRST + "comment: 좋아요", "judge-ahn", comment_id=8001)
    assert record(ci, first).outcome is Outcome.RECORDED
    before = main_sha(origin)
    again = payload("/score\n" + FULL_FIRST + "comment: 좋아요", "judge-ahn",
                    at=LATER_FIRST_TIME, comment_id=8002)
    for data in (first, again):  # a redelivered webhook, and the same marks posted again
        result = record(ci, data)
        assert result.outcome is Outcome.UNCHANGED and result.exit_code == 0
        assert result.reply.startswith(f"**{message('ui.score-unchanged')}**")
    assert main_sha(origin) == before


def test_an_older_comment_never_overwrites_a_newer_one(ci: Path, origin: Path) -> None:
    path = "scores/first/wifi-finder/judge-ahn.yml"
    newer = payload("/score\n" + FULL_FIRST.replace("7", "5"), "judge-ahn",
                    at=LATER_FIRST_TIME, comment_id=9002)
    older = payload("/score\n" + FULL_FIRST, "judge-ahn", comment_id=9001)
    assert record(ci, newer).outcome is Outcome.RECORDED
    before = main_sha(origin)
    result = record(ci, older)
    assert result.outcome is Outcome.SUPERSEDED and result.exit_code == 0
    assert main_sha(origin) == before
    assert show(origin, path)["scores"]["creativity"] == 5
    # A withdrawal processed before an earlier /score also wins.
    withdraw = payload("/score withdraw", "judge-ahn", at="2015-12-19T03:00:00Z",
                       comment_id=9003)
    assert record(ci, withdraw).outcome is Outcome.WITHDRAWN
    assert record(ci, older).outcome is Outcome.SUPERSEDED


# --- concurrency -----------------------------------------------------------------------------


def test_a_rejected_push_is_retried_from_the_new_tip(ci: Path, origin: Path,
                                                     tmp_path: Path) -> None:
    """Another judge's score lands between this commit and its push (a real race,
    staged with a pre-push hook): the push is rejected, and the score is recorded
    again on the new tip, keeping both."""
    other = clone(origin, tmp_path / "other")
    other_event = payload("/score\n" + FULL_FIRST, "judge-baek")
    hook = ci / ".git" / "hooks" / "pre-push"
    marker = tmp_path / "raced"
    hook.write_text(
        "#!/bin/sh\n"
        f"if [ ! -e '{marker}' ]; then\n"
        f"  touch '{marker}'\n"
        f"  PYTHONPATH='{REPO}' '{sys.executable}' -m site_builder --root '{other}' score "
        f"record --push --event '{gh.write(tmp_path / 'other.json', other_event)}' "
        f"--reply-file '{tmp_path / 'other.md'}' >/dev/null 2>&1 || exit 1\n"
        "fi\n"
    )
    hook.chmod(hook.stat().st_mode | stat.S_IEXEC)
    result = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn"))
    assert result.outcome is Outcome.RECORDED and result.attempts == 2, result.reply
    files = git(origin, "ls-tree", "-r", "--name-only", "main", "scores").splitlines()
    assert files == ["scores/first/wifi-finder/judge-ahn.yml",
                     "scores/first/wifi-finder/judge-baek.yml"]


def test_sixteen_judges_at_the_same_time_lose_nothing(tmp_path: Path) -> None:
    judges = [f"judge-{index:02d}" for index in range(16)]
    origin = build_origin(tmp_path, judges=judges, first_judges=judges, final_judges=judges[:3])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    processes = []
    for index, judge in enumerate(judges):
        checkout = clone(origin, tmp_path / f"ci-{index:02d}")
        marks = f"usefulness: {index % 11}\ncreativity: 7\npublic-data: 9\ncompleteness: 8\n"
        event = gh.write(tmp_path / f"event-{index:02d}.json",
                         payload("/score\n" + marks, judge, comment_id=20000 + index))
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "site_builder", "--root", str(checkout), "score", "record",
             "--push", "--event", str(event), "--reply-file",
             str(tmp_path / f"reply-{index:02d}.md")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        ))
    outputs = [process.communicate(timeout=600) for process in processes]
    codes = [process.returncode for process in processes]
    assert codes == [0] * 16, [err for _, err in outputs]

    files = git(origin, "ls-tree", "-r", "--name-only", "main", "scores").splitlines()
    assert files == [f"scores/first/wifi-finder/{judge}.yml" for judge in judges]
    subjects = git(origin, "log", "--format=%s|%an", "main").splitlines()
    scored = sorted(s for s in subjects if s.startswith("score: "))
    assert scored == sorted(f"score: wifi-finder by {j} (first)|{j}" for j in judges)
    for index, judge in enumerate(judges):
        data = show(origin, f"scores/first/wifi-finder/{judge}.yml")
        assert data["scores"]["usefulness"] == index % 11

    attempts = [int(re.search(r"\(attempt (\d+)\)", err).group(1))  # type: ignore[union-attr]
                for _, err in outputs]
    print(f"\n16 concurrent judges: attempts per process {sorted(attempts)}, "
          f"total {sum(attempts)}, max {max(attempts)}")


# --- replies a judge can act on: a suggestion for a typo, times in the contest's offset ----------


def test_a_misspelled_criterion_gets_a_did_you_mean(ci: Path) -> None:
    body = "/score\n" + FULL_FIRST.replace("creativity", "creativty")
    result = record(ci, payload(body, "judge-ahn"))
    assert [p.code for p in result.problems] == ["score.unknown-criterion",
                                                  "score.missing-criteria"]
    assert ("- 3번째 줄: 'creativty'은(는) 'first' 단계의 평가 기준이 아닙니다. "
            "'creativity'을(를) 쓰려던 것인가요?\n") in result.reply
    far = record(ci, payload("/score\n" + FULL_FIRST + "design: 9\n", "judge-ahn"))
    assert "'design'은(는) 'first' 단계의 평가 기준이 아닙니다.\n" in far.reply
    assert "쓰려던 것인가요" not in far.reply


@pytest.mark.parametrize(("body", "at", "shown"), [
    ("/score first\n" + FULL_FIRST, FINAL_TIME, "2015-12-23T12:00:00+09:00"),
    ("/score\n" + FULL_FIRST, "2015-12-29T00:00:00Z", "2015-12-29T09:00:00+09:00"),
], ids=["closed-round", "no-round-open"])
def test_refusals_about_time_speak_the_contest_offset(
    ci: Path, body: str, at: str, shown: str
) -> None:
    result = record(ci, payload(body, "judge-ahn", at=at))
    assert result.outcome is Outcome.REFUSED
    assert shown in result.reply
    assert at not in result.reply and "+00:00" not in result.reply
    times = re.findall(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([^\s,;)]*)", result.reply)
    assert times and set(times) == {"+09:00"}, result.reply


def test_attack_judge_leaves_team_then_scores_it(origin: Path, tmp_path: Path) -> None:
    """judge-dong was on wifi-finder's team (#1); a merged pull request (#7) takes them
    off it. Their /score on #7 is still a conflict: the recorder asks the default
    branch's history of the team, not only today's manifest."""
    work = clone(origin, tmp_path / "work")

    def leave() -> None:
        manifest = work / "entries" / "wifi-finder" / "entry.yml"
        manifest.write_text(
            manifest.read_text("utf-8").replace("judge-dong", "entrant-five"), "utf-8")

    _pr(work, 7, "leave", git(work, "rev-parse", "HEAD"), leave, title="Team change")
    git(work, "merge", "-q", "--no-ff", "leave", "-m",
        "Merge pull request #7 from entrant-one/leave", identity=True)
    git(work, "push", "-q", "origin", "main")
    before = main_sha(origin)
    result = record(clone(origin, tmp_path / "ci"),
                    payload("/score\n" + FULL_FIRST, "judge-dong", number=7))
    assert result.outcome is Outcome.REFUSED, result.reply
    assert [p.code for p in result.problems] == ["score.conflict-team"]
    assert main_sha(origin) == before
