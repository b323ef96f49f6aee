"""Who made each commit of the score ledger, tried as an attacker would (issue #10).

A real repository: a contest, three entries, a first round scored the recorder's way
(one commit per file, `contestkit.commit_scores`) and its results written by
``contest tally --write``. Each attack then changes scores/ in a commit the recorder
would never make, rewrites the results to match, and commits; ``contest validate``
and ``contest tally --check`` must both name the commit.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from contestkit import GIT_BASE, REPO, add_entry, commit_all, commit_scores, git, write_contest

from site_builder.core.contest import load_contest
from site_builder.judging import ledger
from site_builder.judging.ledger import ScoreRecord
from site_builder.submissions.validate import validate_repository

pytestmark = pytest.mark.slow  # git histories of score commits, read back (1 to 2 s a test)

JUDGES = ["judge-ahn", "judge-baek", "judge-choi"]
ENTRIES = ["air-watch", "bus-stop", "city-map"]
BOT = ("contest-bot", "contest-bot@users.noreply.github.com")
PATH = "scores/first/city-map/judge-baek.yml"


def contest(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "site_builder", "--root", str(root), "--lang", "en", *args],
        capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def record(root: Path, slug: str, judge: str, marks: list[float], number: int) -> ScoreRecord:
    loaded = load_contest(root).contest
    assert loaded is not None
    round_ = loaded.rounds[0]
    score = ScoreRecord(
        round="first", entry=slug, judge=judge,
        scores=dict(zip([c.id for c in round_.criteria], marks, strict=True)),
        event_time=f"2015-12-17T0{number % 10}:00:00Z", rubric_sha256=round_.rubric_sha256(),
        comment_url=f"https://github.com/o/r/pull/{ENTRIES.index(slug) + 1}"
                    f"#issuecomment-{1000 + number}",
        pull_request=ENTRIES.index(slug) + 1,
    )
    ledger.write_record(root, score)
    return score


@pytest.fixture
def published(tmp_path: Path) -> Path:
    root = tmp_path / "contest"
    write_contest(root, judges=JUDGES)
    for slug in ENTRIES:
        add_entry(root, slug, [f"team-{slug}"])
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "contest")
    for index, (slug, judge) in enumerate((s, j) for s in ENTRIES for j in JUDGES):
        record(root, slug, judge, [5 + index % 4, 6, 7, 8], index)
    commit_scores(root)
    assert contest(root, "tally", "--write").returncode == 0
    commit_all(root, "results: first")
    return root


def as_who(root: Path, message: str, author: tuple[str, str], committer: tuple[str, str],
           *paths: str) -> str:
    env = {**GIT_BASE, "GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1],
           "GIT_COMMITTER_NAME": committer[0], "GIT_COMMITTER_EMAIL": committer[1]}
    subprocess.run(["git", "add", "-A", "--", *paths], cwd=root, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, env=env, check=True)
    return git(root, "rev-parse", "HEAD")[:12]


def rewrite_results(root: Path) -> None:
    """What an attacker does next: results that agree with the edited ledger."""
    assert contest(root, "tally", "--write").returncode == 0
    commit_all(root, "results: first")


def edit_marks(root: Path, path: str = PATH) -> None:
    text = (root / path).read_text(encoding="utf-8")
    edited = re.sub(r"usefulness: [0-9]+", "usefulness: 10", text)
    assert edited != text
    (root / path).write_text(edited, encoding="utf-8")


def assert_named(root: Path, commit: str, code: str, file: str = PATH) -> None:
    problems = [p for p in validate_repository(root).report if p.code.startswith("ledger.commit")]
    assert [(p.file, p.code, p.params["commit"]) for p in problems] == [(file, code, commit)]
    run = contest(root, "validate")
    assert run.returncode == 1 and commit in run.stdout, run.stdout
    check = contest(root, "tally", "--check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert commit in check.stderr
    assert "cannot be verified: the ledger of round 'first' has commits" in check.stdout


def test_the_recorders_way_passes(published: Path) -> None:
    assert [p for p in validate_repository(published).report if p.severity == "error"] == []
    assert contest(published, "tally", "--check").returncode == 0
    # A withdrawal made the recorder's way passes too.
    (published / PATH).unlink()
    commit_scores(published)
    rewrite_results(published)
    assert contest(published, "tally", "--check").returncode == 0
    assert contest(published, "validate").returncode == 0


def test_attack_hand_edited_score_file(published: Path) -> None:
    edit_marks(published)
    commit = as_who(published, "fix a typo", ("Organizer", "org@example.org"),
                    ("Organizer", "org@example.org"), PATH)
    rewrite_results(published)
    assert_named(published, commit, "ledger.commit-committer")


def test_attack_hand_edit_under_the_bots_name_with_stale_trailers(published: Path) -> None:
    """Committed as the bot and authored as the judge, but the file's event time and
    comment are new while the trailers are the old ones (or none)."""
    text = (published / PATH).read_text(encoding="utf-8")
    edited = text.replace("issuecomment-1007", "issuecomment-9999")
    assert edited != text
    (published / PATH).write_text(edited, encoding="utf-8")
    commit = as_who(published, "score: city-map by judge-baek (first)\n\n"
                    "Comment: https://github.com/o/r/pull/3#issuecomment-1007\n"
                    "Event-Time: 2015-12-17T07:00:00Z\nPull-Request: #3\n",
                    ("judge-baek", "judge-baek@users.noreply.github.com"), BOT, PATH)
    rewrite_results(published)
    assert_named(published, commit, "ledger.commit-trailer")


def test_attack_score_under_another_judges_name(published: Path) -> None:
    """judge-ahn's account (or anyone) writes judge-baek's file."""
    edit_marks(published)
    commit = as_who(published, "score", ("judge-ahn", "judge-ahn@users.noreply.github.com"),
                    BOT, PATH)
    rewrite_results(published)
    assert_named(published, commit, "ledger.commit-author")


def test_attack_score_smuggled_in_a_commit_of_other_files(published: Path) -> None:
    edit_marks(published)
    (published / "README.md").write_text("harmless\n", encoding="utf-8")
    commit = as_who(published, "docs", ("judge-baek", "judge-baek@users.noreply.github.com"),
                    BOT, PATH, "README.md")
    rewrite_results(published)
    assert_named(published, commit, "ledger.commit-files")


def test_attack_score_smuggled_in_a_merge(published: Path) -> None:
    """Both sides leave the file alone; the merge itself writes it."""
    git(published, "checkout", "-q", "-b", "side")
    (published / "README.md").write_text("side\n", encoding="utf-8")
    commit_all(published, "side")
    git(published, "checkout", "-q", "main")
    git(published, "merge", "-q", "--no-commit", "--no-ff", "side")
    edit_marks(published)
    commit = as_who(published, "Merge branch 'side'", ("Organizer", "org@example.org"),
                    ("Organizer", "org@example.org"), PATH)
    rewrite_results(published)
    assert_named(published, commit, "ledger.commit-merge")


def test_a_shallow_clone_says_it_could_not_check(published: Path, tmp_path: Path) -> None:
    commit_all(published, "one more")
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth=1", published.as_uri(), str(clone))
    report = validate_repository(clone).report
    assert [(p.code, p.severity) for p in report if p.file == "scores"] == [
        ("ledger.history-shallow", "warning")]


def test_the_recorded_trailers_are_what_is_checked(published: Path) -> None:
    """A record rewritten the recorder's way (a later comment) passes."""
    loaded = ledger.read_record(published, PATH)[0]
    assert loaded is not None
    ledger.write_record(published, replace(loaded, scores={**loaded.scores, "usefulness": 2},
                                           event_time="2015-12-18T01:00:00Z",
                                           comment_url=loaded.comment_url + "1"))
    commit_scores(published)
    rewrite_results(published)
    assert contest(published, "tally", "--check").returncode == 0


def test_a_score_in_the_first_commit_of_a_repository_is_read(tmp_path: Path) -> None:
    """A root commit has no parent: it is read as a commit of its own."""
    root = tmp_path / "contest"
    write_contest(root, judges=JUDGES)
    add_entry(root, "air-watch")
    record(root, "air-watch", "judge-ahn", [5, 6, 7, 8], 1)
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_scores(root)  # the root commit
    commit_all(root, "contest")
    edit_marks(root, "scores/first/air-watch/judge-ahn.yml")
    commit = as_who(root, "edit", ("x", "x@example.org"), ("x", "x@example.org"), "scores")
    problems = [p for p in validate_repository(root).report if p.code.startswith("ledger.commit")]
    assert [(p.code, p.params["commit"]) for p in problems] == [
        ("ledger.commit-committer", commit)]
