"""Which entry a score is for, tried as an attacker would (issue #10).

The origin of `test_score_record_e2e` (wifi-finder merged as #1, bus-stop squashed as
#2, ...) gets the attacker's pull requests under ``refs/pull/N/head``; each test then
records a judge's /score as the workflow would, from a fresh clone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contestkit import add_entry
from test_score_record_e2e import (  # the same origin, clone and payloads
    FULL_FIRST,
    clone,
    git,
    main_sha,
    message,
    no_git_identity,
    origin,
    origin_template,
    payload,
    record,
)

from site_builder.core.reporter import markdown_escape
from site_builder.judging.recorder import Outcome

__all__ = ["no_git_identity", "origin", "origin_template"]  # fixtures used here


def push_pull_request(origin: Path, where: Path, number: int, change: Callable[[Path], None],
                      *, title: str, merge: bool = False) -> str:
    """A commit on top of main pushed as refs/pull/<number>/head; with `merge`, squashed
    onto main the way GitHub does it. Returns the head commit."""
    work = where / f"pr-{number}-{len(list(where.iterdir()))}"
    git(where, "clone", "-q", str(origin), str(work))
    git(work, "checkout", "-q", "-b", "topic")
    change(work)
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", title, identity=True)
    head = git(work, "rev-parse", "HEAD")
    git(work, "push", "-q", "--force", "origin", f"topic:refs/pull/{number}/head")
    if merge:
        git(work, "checkout", "-q", "main")
        git(work, "merge", "-q", "--squash", "topic", identity=True)
        git(work, "commit", "-q", "-m", f"{title} (#{number})", identity=True)
        git(work, "push", "-q", "origin", "main")
    return head


def describe(slug: str, text: str) -> Callable[[Path], None]:
    def change(work: Path) -> None:
        manifest = work / "entries" / slug / "entry.yml"
        manifest.write_text(manifest.read_text(encoding="utf-8") + f"# {text}\n",
                            encoding="utf-8")
    return change


def scored_files(origin: Path) -> list[str]:
    return git(origin, "ls-tree", "-r", "--name-only", "main", "scores").splitlines()


def test_attack_stranger_pr_touching_entry_folder(origin: Path, tmp_path: Path) -> None:
    """A stranger opens #7 that edits wifi-finder's folder: it is no place to score it."""
    push_pull_request(origin, tmp_path, 7, describe("wifi-finder", "stranger's edit"),
                      title="Tweak wifi-finder")
    ci = clone(origin, tmp_path / "ci")
    before = main_sha(origin)
    result = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=7))
    assert result.outcome is Outcome.REFUSED, result.reply
    assert [p.code for p in result.problems] == ["score.pull-request-not-merged"]
    assert markdown_escape(message("score.pull-request-not-merged", number=7, branch="main",
                                   slug="wifi-finder", latest=1)) in result.reply
    assert main_sha(origin) == before and scored_files(origin) == []
    # On the entry's own pull request the same comment is recorded.
    assert record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=1)).path == \
        "scores/first/wifi-finder/judge-ahn.yml"


def test_attack_force_push_between_comment_and_run(origin: Path, tmp_path: Path) -> None:
    """The judge comments on #8 while it touches wifi-finder; before the run, #8 is
    force-pushed to touch bus-stop. Nothing is recorded for either entry."""
    push_pull_request(origin, tmp_path, 8, describe("wifi-finder", "update"),
                      title="Update wifi-finder")
    comment = payload("/score\n" + FULL_FIRST, "judge-ahn", number=8)
    push_pull_request(origin, tmp_path, 8, describe("bus-stop", "moved"), title="Moved")
    ci = clone(origin, tmp_path / "ci")
    result = record(ci, comment)
    assert result.outcome is Outcome.REFUSED, result.reply
    assert [p.code for p in result.problems] == ["score.pull-request-not-merged"]
    assert scored_files(origin) == []


def test_attack_force_push_of_a_merged_pull_request_head(origin: Path, tmp_path: Path) -> None:
    """#1 was merged as wifi-finder; its head ref is then moved to a commit that touches
    bus-stop (GitHub freezes it after a merge, but a head is no record of the merge).
    The score still goes to wifi-finder, as the merge on main says."""
    push_pull_request(origin, tmp_path, 1, describe("bus-stop", "moved"), title="Moved")
    ci = clone(origin, tmp_path / "ci")
    result = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=1))
    assert result.outcome is Outcome.RECORDED, result.reply
    assert scored_files(origin) == ["scores/first/wifi-finder/judge-ahn.yml"]


def test_attack_score_on_an_older_pr_after_the_entry_changed(origin: Path,
                                                            tmp_path: Path) -> None:
    """wifi-finder is changed again by #9 (merged): #1 is no longer where it is scored,
    and the reply names #9."""
    push_pull_request(origin, tmp_path, 9, describe("wifi-finder", "new screenshots"),
                      title="Update wifi-finder", merge=True)
    ci = clone(origin, tmp_path / "ci")
    old = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=1))
    assert old.outcome is Outcome.REFUSED, old.reply
    assert [p.code for p in old.problems] == ["score.not-entry-pull-request"]
    assert markdown_escape(message("score.not-entry-pull-request", number=1,
                                   slug="wifi-finder", latest=9)) in old.reply
    assert scored_files(origin) == []
    new = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=9))
    assert new.outcome is Outcome.RECORDED, new.reply
    assert scored_files(origin) == ["scores/first/wifi-finder/judge-ahn.yml"]


def test_a_direct_push_by_an_organizer_does_not_move_where_an_entry_is_scored(
        origin: Path, tmp_path: Path) -> None:
    work = clone(origin, tmp_path / "organizer")
    describe("wifi-finder", "typo fixed by an organizer")(work)
    git(work, "commit", "-q", "-am", "Fix a typo in wifi-finder", identity=True)
    git(work, "push", "-q", "origin", "main")
    ci = clone(origin, tmp_path / "ci")
    result = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=1))
    assert result.outcome is Outcome.RECORDED, result.reply


def test_a_new_entry_on_an_open_pr_is_not_scored_yet(origin: Path, tmp_path: Path) -> None:
    push_pull_request(origin, tmp_path, 10, lambda work: add_entry(work, "new-thing"),
                      title="Add new-thing")
    ci = clone(origin, tmp_path / "ci")
    result = record(ci, payload("/score\n" + FULL_FIRST, "judge-ahn", number=10))
    assert [p.code for p in result.problems] == ["score.entry-not-merged"]
