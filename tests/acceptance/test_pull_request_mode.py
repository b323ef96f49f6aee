"""Pull-request mode (`contest validate --base ...`) on real git repositories.

Each test builds a small forge in tmp_path: a bare `origin` whose `main` holds
the contest (one existing entry), pull requests pushed both as branches and as
`refs/pull/N/head` (and `refs/pull/N/merge`, as GitHub makes them), and a
fresh clone that checks a pull request out the way actions/checkout does: an
empty repository, one `git fetch --depth=1` of the pull request's ref, a
detached HEAD, no other branch. The CLI then has to fetch the base and deepen
the history itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    ContestTree,
    assert_no_traceback,
    entry_text,
    invoke_contest,
    new_contest,
    run_contest,
)
from contestkit import commit_all, git

from site_builder.core import messages

MEMBER = "hong-gildong"
OWNER = "Kim-Existing"
ON_TIME = "2015-11-01T12:00:00+09:00"
NEW_ENTRY = entry_text(title="새 출품작 지도", service="https://new-entry.example.org/")
EXISTING_ENTRY = entry_text(
    title="기존 출품작 지도", service="https://existing.example.org/app/", github=OWNER
)


Change = Callable[[ContestTree], None]


@dataclass(frozen=True)
class PullRequest:
    number: int
    head: str


class Forge:
    """A bare origin with the contest on main, and pull requests against it."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.origin = tmp_path / "origin.git"
        git(tmp_path, "init", "-q", "--bare", "-b", "main", str(self.origin))
        self.url = self.origin.as_uri()
        self.maintainer = tmp_path / "maintainer"
        git(tmp_path, "clone", "-q", self.url, str(self.maintainer))
        tree = new_contest(self.maintainer)
        tree.write_entry("existing-entry", EXISTING_ENTRY)
        tree.write("README.md", "# 공모전 저장소\n")
        tree.write("entries/.gitkeep", "")
        commit_all(self.maintainer, "Open the contest")
        git(self.maintainer, "push", "-q", "origin", "HEAD:main")
        self._numbers = 0

    def main(self) -> str:
        return git(self.origin, "rev-parse", "main")

    def advance_main(self, change: Change | None = None, commits: int = 1) -> str:
        """Organizers (or merged pull requests) move main on."""
        git(self.maintainer, "pull", "-q", "--ff-only", "origin", "main")
        for index in range(commits):
            if change is not None and index == 0:
                change(ContestTree(self.maintainer))
            else:
                notes = self.maintainer / "NOTES.md"
                with notes.open("a", encoding="utf-8") as handle:
                    handle.write(f"note {index}\n")
            commit_all(self.maintainer, f"Move main on ({index})")
        git(self.maintainer, "push", "-q", "origin", "HEAD:main")
        return self.main()

    def pull_request(self, *changes: Change, base: str | None = None) -> PullRequest:
        """A contributor's branch from main (or `base`), one commit per change,
        pushed as a branch and as refs/pull/N/head; refs/pull/N/merge too."""
        self._numbers += 1
        number = self._numbers
        work = self.tmp / f"contributor-{number}"
        git(self.tmp, "clone", "-q", self.url, str(work))
        git(work, "checkout", "-q", "-b", f"entry-{number}", base or "origin/main")
        for index, change in enumerate(changes):
            change(ContestTree(work))
            commit_all(work, f"Pull request {number}, change {index}")
        head = git(work, "rev-parse", "HEAD")
        git(
            work, "push", "-q", "origin",
            f"HEAD:refs/heads/entry-{number}", f"HEAD:refs/pull/{number}/head",
        )  # fmt: skip
        # GitHub's test merge of the pull request into the current main.
        git(work, "fetch", "-q", "origin", "main")
        git(work, "checkout", "-q", "--detach", "origin/main")
        git(work, "merge", "-q", "--no-ff", "-m", f"Merge {head} into main", head)
        git(work, "push", "-q", "origin", f"HEAD:refs/pull/{number}/merge")
        return PullRequest(number, head)

    def checkout(self, pr: PullRequest, *, ref: str = "head", shallow: bool = True) -> Path:
        """A fresh clone at the pull request. Shallow is what actions/checkout
        does: fetch only refs/pull/N/<ref> at depth 1, no branches at all."""
        clone = self.tmp / f"ci-{pr.number}-{ref}-{'shallow' if shallow else 'full'}"
        remote_ref = f"refs/remotes/pull/{pr.number}/{ref}"
        if shallow:
            git(self.tmp, "init", "-q", str(clone))
            git(clone, "remote", "add", "origin", self.url)
            git(
                clone, "fetch", "-q", "--no-tags", "--depth=1", "origin",
                f"+refs/pull/{pr.number}/{ref}:{remote_ref}",
            )  # fmt: skip
            assert git(clone, "rev-parse", "--is-shallow-repository") == "true"
        else:
            git(self.tmp, "clone", "-q", self.url, str(clone))
            git(clone, "fetch", "-q", "origin", f"+refs/pull/{pr.number}/{ref}:{remote_ref}")
        git(clone, "checkout", "-q", "--detach", remote_ref)
        return clone


@pytest.fixture
def forge(tmp_path: Path) -> Forge:
    return Forge(tmp_path)


def validate_pr(
    clone: Path,
    *,
    base: str = "origin/main",
    author: str | None = MEMBER,
    submitted_at: str | None = ON_TIME,
    process: bool = False,
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """`contest validate --base` in `clone`: in this process, or with `process` as
    ``python -m site_builder`` in a child (for what only a process shows: its import path)."""
    args = ["validate", "--base", base, "--format", "json"]
    if author is not None:
        args += ["--author", author]
    if submitted_at is not None:
        args += ["--submitted-at", submitted_at]
    result = (run_contest if process else invoke_contest)(args, clone)
    assert_no_traceback(result)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result, json.loads(result.stdout)


def codes(report: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((p["code"], p["file"]) for p in report["problems"])


# --- changes a pull request can make --------------------------------------------


def add_entry(slug: str = "new-entry", manifest: str = NEW_ENTRY) -> Change:
    def change(tree: ContestTree) -> None:
        tree.write_entry(slug, manifest)

    return change


def write(path: str, text: str) -> Change:
    def change(tree: ContestTree) -> None:
        tree.write(path, text)

    return change


def edit(path: str, old: str, new: str) -> Change:
    """Replace the first `old` in `path` with `new`."""

    def change(tree: ContestTree) -> None:
        target = tree.root / path
        text = target.read_text(encoding="utf-8")
        assert old in text, old
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def remove(path: str) -> Change:
    def change(tree: ContestTree) -> None:
        target = tree.root / path
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()

    return change


# --- a valid submission ------------------------------------------------------------


def test_valid_new_entry_in_a_shallow_checkout(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    forge.advance_main(commits=3)  # the merge base is no longer main's tip
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 0, result.stdout
    assert report["status"] == "valid"
    assert report["valid"] is True
    assert report["entry"] == "new-entry"
    assert report["problems"] == []
    assert report["summary"]["files"] == 1


def test_valid_new_entry_with_base_sha_in_a_full_clone(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    base = forge.advance_main()
    clone = forge.checkout(pr, shallow=False)
    result, report = validate_pr(clone, base=base)
    assert result.returncode == 0, result.stdout
    assert (report["status"], report["entry"]) == ("valid", "new-entry")


def test_base_sha_that_a_shallow_clone_lacks_is_fetched(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    base = forge.advance_main(commits=2)
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, base=base)
    assert result.returncode == 0, result.stdout
    assert report["entry"] == "new-entry"


def test_merge_ref_checkout(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    clone = forge.checkout(pr, ref="merge")
    result, report = validate_pr(clone)
    assert result.returncode == 0, result.stdout
    assert report["entry"] == "new-entry"


@pytest.mark.slow
def test_history_deeper_than_the_first_deepening_step(forge: Forge) -> None:
    pr = forge.pull_request(add_entry(), write("entries/new-entry/entry.yml", NEW_ENTRY + "\n"))
    forge.advance_main(commits=60)
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 0, result.stdout
    assert report["entry"] == "new-entry"


def test_the_pull_requests_own_code_is_never_run(forge: Forge) -> None:
    # The checkout is the contributor's: a site_builder/ in it must not be
    # imported instead of the validator's own code.
    pr = forge.pull_request(
        add_entry(), write("site_builder/__init__.py", "raise SystemExit('pwned')\n")
    )
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, process=True)
    assert "pwned" not in result.stdout + result.stderr
    assert codes(report) == [("pr.protected", "site_builder/__init__.py")]


# --- what a pull request may change -------------------------------------------------


def test_protected_paths_are_refused_one_by_one(forge: Forge) -> None:
    pr = forge.pull_request(
        add_entry(),
        edit("contest.yml", "organizer: 행정자치부", "organizer: 다른 기관"),
        edit("schema/entry.schema.json", '"maxLength": 80', '"maxLength": 90'),
        write(".github/workflows/validate.yml", "on: pull_request_target\n"),
        write("site_builder/helper.py", "print('hi')\n"),
    )
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert report["status"] == "needs-fix"
    assert report["entry"] == "new-entry"
    assert codes(report) == [
        ("pr.protected", ".github/workflows/validate.yml"),
        ("pr.protected", "contest.yml"),
        ("pr.protected", "schema/entry.schema.json"),
        ("pr.protected", "site_builder/helper.py"),
    ]
    for problem in report["problems"]:
        assert problem["line"] is None
        assert problem["file"] in problem["message"]


def test_readme_change_is_outside_entries(forge: Forge) -> None:
    pr = forge.pull_request(add_entry(), edit("README.md", "공모전 저장소", "내 출품작을 보세요"))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [("pr.outside-entries", "README.md")]


def test_two_entries_in_one_pull_request(forge: Forge) -> None:
    second = entry_text(title="두 번째 출품작", service="https://second.example.org/")
    pr = forge.pull_request(add_entry(), add_entry("second-entry", second))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [("pr.multiple-entries", "entries/")]
    assert "new-entry" in report["problems"][0]["message"]
    assert "second-entry" in report["problems"][0]["message"]
    assert report["entry"] is None


def test_no_entry_at_all(forge: Forge) -> None:
    pr = forge.pull_request(lambda tree: None)  # an empty commit
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [("pr.no-entry", "entries/")]


def test_only_files_outside_entries(forge: Forge) -> None:
    pr = forge.pull_request(write("docs/idea.md", "# 제안\n"), write("NOTES.txt", "메모\n"))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [("pr.outside-entries", "NOTES.txt"), ("pr.protected", "docs/idea.md")]


def test_deleting_an_entry(forge: Forge) -> None:
    pr = forge.pull_request(remove("entries/existing-entry"))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author=OWNER)
    assert result.returncode == 1
    assert codes(report) == [("pr.deletes-entry", "entries/existing-entry/entry.yml")]
    assert report["entry"] == "existing-entry"


# --- who may edit an entry -----------------------------------------------------------

EDIT_SUMMARY = edit(
    "entries/existing-entry/entry.yml",
    "summary: 가까운 공공 와이파이를",
    "summary: 더 가까운 공공 와이파이를",
)


def test_editing_someone_elses_entry(forge: Forge) -> None:
    pr = forge.pull_request(EDIT_SUMMARY)
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author="mallory")
    assert result.returncode == 1
    assert codes(report) == [("pr.not-team-member", "entries/existing-entry/entry.yml")]
    assert "'mallory'" in report["problems"][0]["message"]


def test_adding_oneself_to_the_team_does_not_help(forge: Forge) -> None:
    # Membership is read from the base commit, not from the pull request.
    pr = forge.pull_request(
        EDIT_SUMMARY,
        edit(
            "entries/existing-entry/entry.yml",
            f"      github: {OWNER}\n",
            f"      github: {OWNER}\n    - name: 말로리\n      github: mallory\n",
        ),
    )
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author="mallory")
    assert result.returncode == 1
    assert codes(report) == [("pr.not-team-member", "entries/existing-entry/entry.yml")]


@pytest.mark.parametrize("login", [OWNER, OWNER.lower(), OWNER.upper()])
def test_a_team_member_may_edit_their_entry(forge: Forge, login: str) -> None:
    pr = forge.pull_request(EDIT_SUMMARY)
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, author=login)
    assert result.returncode == 0, result.stdout
    assert (report["status"], report["entry"]) == ("valid", "existing-entry")


# --- when it was submitted -------------------------------------------------------------


@pytest.mark.parametrize(
    ("submitted_at", "code", "status"),
    [
        ("2015-12-15T09:00:01Z", "pr.late", "late"),  # 18:00:01 in Seoul, one second late
        ("2015-12-16T00:00:00+09:00", "pr.late", "late"),
        ("2015-10-05T14:59:59Z", "pr.early", "needs-fix"),  # a second before it opens
    ],
    ids=["one-second-late", "next-day", "one-second-early"],
)
def test_late_and_early_submissions(
    forge: Forge, submitted_at: str, code: str, status: str
) -> None:
    pr = forge.pull_request(add_entry())
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, submitted_at=submitted_at)
    assert result.returncode == 1
    assert report["status"] == status
    assert codes(report) == [(code, "entries/new-entry/entry.yml")]


@pytest.mark.parametrize(
    "submitted_at",
    ["2015-10-05T15:00:00Z", "2015-12-15T18:00:00+09:00", "2015-11-01T03:00:00Z"],
    ids=["at-opening", "at-closing", "utc"],
)
def test_submissions_inside_the_window(forge: Forge, submitted_at: str) -> None:
    pr = forge.pull_request(add_entry())
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, submitted_at=submitted_at)
    assert result.returncode == 0, result.stdout
    assert report["status"] == "valid"


def test_late_and_invalid_is_still_late(forge: Forge) -> None:
    invalid = NEW_ENTRY.replace("license: MIT", "license: MIT AND")
    pr = forge.pull_request(add_entry(manifest=invalid))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone, submitted_at="2016-01-01T00:00:00+09:00")
    assert result.returncode == 1
    assert report["status"] == "late"
    assert codes(report) == [
        ("license.invalid", "entries/new-entry/entry.yml"),
        ("pr.late", "entries/new-entry/entry.yml"),
    ]


def test_submitted_at_without_offset_is_a_usage_error(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    clone = forge.checkout(pr)
    result = invoke_contest(
        ["validate", "--base", "origin/main", "--submitted-at", "2015-11-01T12:00:00"], clone
    )
    assert_no_traceback(result)
    assert result.returncode == 2
    assert "시간대(오프셋)가 없습니다" in result.stderr  # the contest's language
    english = run_contest(
        ["--lang", "en", "validate", "--base", "origin/main", "--submitted-at",
         "2015-11-01T12:00:00"], clone,
    )
    assert english.returncode == 2
    assert "needs an offset" in english.stderr


# --- duplicates of entries already on main -------------------------------------------------


@pytest.mark.parametrize(
    ("manifest", "code", "line"),
    [
        (entry_text(title="기존출품작 지도", service="https://new-entry.example.org/"),
         "entry.duplicate-title", 2),
        (entry_text(title="새 출품작", service="https://WWW.existing.example.org/app"),
         "entry.duplicate-service", 19),
    ],
    ids=["title-without-spaces", "service-www-no-slash"],
)  # fmt: skip
def test_duplicate_of_an_entry_on_main(forge: Forge, manifest: str, code: str, line: int) -> None:
    pr = forge.pull_request(add_entry(manifest=manifest))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [(code, "entries/new-entry/entry.yml")]
    problem = report["problems"][0]
    assert problem["line"] == line
    assert "entries/existing-entry/entry.yml" in problem["message"]


def test_duplicate_of_an_entry_merged_after_the_branch_was_made(forge: Forge) -> None:
    # The pull request's checkout does not contain the entry merged since;
    # the base commit does, and decides.
    pr = forge.pull_request(add_entry())
    forge.advance_main(
        add_entry(
            "merged-meanwhile",
            entry_text(title="새 출품작 지도", service="https://merged.example.org/"),
        )
    )
    clone = forge.checkout(pr)
    assert not (clone / "entries" / "merged-meanwhile").exists()
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [("entry.duplicate-title", "entries/new-entry/entry.yml")]
    assert "entries/merged-meanwhile/entry.yml" in report["problems"][0]["message"]


def test_a_withdrawn_entry_is_no_duplicate(forge: Forge) -> None:
    # Removed from main since the branch was made: still in the checkout,
    # no longer an entry.
    pr = forge.pull_request(
        add_entry(manifest=entry_text(title="기존 출품작 지도", service="https://n.example.org/"))
    )
    forge.advance_main(remove("entries/existing-entry"))
    clone = forge.checkout(pr)
    assert (clone / "entries" / "existing-entry").exists()
    result, report = validate_pr(clone)
    assert result.returncode == 0, result.stdout
    assert report["problems"] == []


# --- the rules come from the base commit ------------------------------------------------------


def test_a_loosened_schema_does_not_let_the_entry_in(forge: Forge) -> None:
    long_title = "아주 긴 제목 " * 12  # 96 characters; the base schema allows 80
    pr = forge.pull_request(
        edit("schema/entry.schema.json", '"maxLength": 80', '"maxLength": 500'),
        add_entry(manifest=entry_text(title=long_title.strip())),
    )
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [
        ("pr.protected", "schema/entry.schema.json"),
        ("schema.maxLength", "entries/new-entry/entry.yml"),
    ]
    length = next(p for p in report["problems"] if p["code"] == "schema.maxLength")
    assert length["line"] == 2
    assert "80자 이하" in length["message"]


def test_a_category_added_by_the_pull_request_does_not_count(forge: Forge) -> None:
    pr = forge.pull_request(
        edit(
            "contest.yml",
            "categories:\n",
            "categories:\n  - id: sports\n    name: 체육\n",
        ),
        add_entry(manifest=NEW_ENTRY.replace("category: welfare", "category: sports")),
    )
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [
        ("entry.unknown-category", "entries/new-entry/entry.yml"),
        ("pr.protected", "contest.yml"),
    ]


def test_a_schema_tightened_on_main_applies(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    forge.advance_main(edit("schema/entry.schema.json", '"maxLength": 80', '"maxLength": 5'))
    clone = forge.checkout(pr)
    result, report = validate_pr(clone)
    assert result.returncode == 1
    assert codes(report) == [("schema.maxLength", "entries/new-entry/entry.yml")]


# --- when the base cannot be found ---------------------------------------------------------------


def test_clone_without_origin_or_base_exits_2(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    base = forge.advance_main()
    clone = forge.checkout(pr)
    git(clone, "remote", "remove", "origin")
    for ref in (base, "origin/main", "main"):
        result = invoke_contest(["validate", "--base", ref, "--author", MEMBER], clone)
        assert_no_traceback(result)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stdout == ""
        assert messages.render("git.base-not-found", "ko", {"ref": ref}) in result.stderr
        assert "fetch-depth: 0" in result.stderr


def test_shallow_clone_without_origin_and_no_common_history_exits_2(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    forge.advance_main()
    clone = forge.checkout(pr)
    git(clone, "fetch", "-q", "--depth=1", "origin", "main")
    base = git(clone, "rev-parse", "FETCH_HEAD")
    git(clone, "remote", "remove", "origin")
    head = git(clone, "rev-parse", "HEAD")
    result = invoke_contest(["validate", "--base", base], clone)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert messages.render("git.no-merge-base-shallow", "ko",
                           {"base": base[:12], "head": head[:12]}) in result.stderr


def test_unknown_base_ref_exits_2(forge: Forge) -> None:
    pr = forge.pull_request(add_entry())
    clone = forge.checkout(pr)
    result = invoke_contest(["validate", "--base", "origin/no-such-branch"], clone)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert "base 'origin/no-such-branch'" in result.stderr


def test_not_a_git_repository_exits_2(tmp_path: Path) -> None:
    tree = new_contest(tmp_path / "plain")
    tree.write_entry("new-entry")
    result = invoke_contest(["validate", "--base", "main"], tree.root)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert messages.render("git.not-a-repository", "ko",
                           {"root": str(tree.root.resolve())}) in result.stderr
