"""The GitHub automation end to end: the `contest` commands of .github/workflows/, run
against webhook payloads in GitHub's documented shapes, on a local bare origin.

The origin holds the contest on ``main`` and pull requests from forks under
``refs/pull/N/head``, as GitHub keeps them. Each test plays one workflow run
the way the runner would: the command lines are read from the workflow files
(tests/workflowkit.py), their `env:` evaluated from the payload, checkouts and
artifacts stood in for, and only `contest` executed. What `gh` or the API
would have answered (the number of a new pull request, the files a pull
request touches) the test gives as step outputs; nothing is posted anywhere,
so the report's comment file and printed label are what is checked.

Covered: a fork's pull request validated and reported (valid, needs-fix,
late, with `workflow_run.pull_requests` empty as for forks); a /score
comment recorded as a commit on the origin; an issue from the entry form
turned into a validated intake branch with its screenshots; the tally and the
site build over the judged contest. `test_every_contest_line_is_exercised`
keeps this list and the workflows in step.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import browserkit
import github_payloads as gh
import jsonschema
import pytest
from contestkit import REPO, add_entry, git, write_contest
from issueform import asset, complete_answers, image, render_body
from workflowkit import REPOSITORY, Job, Ran, all_contest_lines, contest_lines, job_of

from site_builder.core import messages
from site_builder.core.loader import load_bytes
from site_builder.core.reporter import markdown_escape

pytestmark = pytest.mark.slow  # every workflow run end to end, site build included

JUDGES = ["judge-ahn", "judge-baek", "judge-choi", "judge-dong"]
IN_TIME = "2015-11-02T01:00:00Z"
LATE = "2015-12-16T00:00:00Z"  # submissions closed 2015-12-15T18:00:00+09:00
FIRST_ROUND = ["2015-12-17T03:00:00Z", "2015-12-17T04:00:00Z", "2015-12-17T05:00:00Z"]
MARKS = "usefulness: 8\ncreativity: 7\npublic-data: 9\ncompleteness: 8.5\n"
REPORT_SCHEMA = json.loads((REPO / "schema" / "report.schema.json").read_text(encoding="utf-8"))

# The steps that run `contest`, and the test below that runs each.
EXERCISED = {
    ("validate.yml", "Validate the entry"): "test_a_fork_pull_request_is_validated_and_reported",
    ("report.yml", "Render the comment"): "test_a_fork_pull_request_is_validated_and_reported",
    ("score.yml", "Record the score"): "test_a_score_comment_is_recorded_on_the_origin",
    ("intake.yml", "Read the form"): "test_an_issue_from_the_form_becomes_a_validated_branch",
    ("intake.yml", "Validate the new branch"):
        "test_an_issue_from_the_form_becomes_a_validated_branch",
    ("intake.yml", "Comment the validation result and label the pull request"):
        "test_an_issue_from_the_form_becomes_a_validated_branch",
    ("ci.yml", "Validate every entry"): "test_the_judged_contest_still_validates",
    ("validate.yml", "Build a preview site of the entry"): "test_the_site_builds",
    ("pages.yml", "Build the site"): "test_the_site_builds",
    ("assign-queues.yml", "Write the queue issues"):
        "test_the_queue_issue_body_follows_the_assignment_and_the_ledger",
}


BAD_ENTRY = """\
# yaml-language-server: $schema=../../schema/entry.schema.json
title: "미세먼지 알림 @example-org/organizers"
summary: "우리 동네 미세먼지를 알려 주는 서비스입니다 <img src=x onerror=alert(1)>"
description: |
  아이와 산책하는 부모를 위한 서비스입니다. 미세먼지와 날씨 예보를 함께 보여 줍니다.
  공원 산책길도 추천합니다.
category: "sports <img src=x onerror=alert(1)>"
team:
  name: 예시팀
  members:
    - name: 양예시
      github: "@example-org/organizers"
links:
  service: http://air.example.org/
platforms: [web]
license: MIT
screenshots: [screenshot-1.png]
"""


@dataclass(frozen=True)
class Origin:
    path: Path
    base: str
    """main when the pull requests were opened."""
    heads: dict[int, str]


def _pull_request(work: Path, number: int, base: str, make: Any) -> str:
    git(work, "checkout", "-q", "-b", f"pr-{number}", base)
    make()
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", f"Entry of pull request {number}")
    head = git(work, "rev-parse", "HEAD")
    # A fork's branch is not on the origin; GitHub keeps its head here.
    git(work, "push", "-q", "origin", f"HEAD:refs/pull/{number}/head")
    git(work, "checkout", "-q", "main")
    return head


@pytest.fixture(scope="module")
def origin_template(tmp_path_factory: pytest.TempPathFactory) -> Origin:
    """The contest on main with pull request #5 (wifi-finder) merged, and two pull
    requests from forks: #7 adds bus-stop (valid), #8 adds air-walk (needs fixing)."""
    where = tmp_path_factory.mktemp("origin")
    work, origin = where / "work", where / "origin.git"
    git(where, "init", "-q", "--bare", "-b", "main", str(origin))
    git(where, "init", "-q", "-b", "main", str(work))
    write_contest(work, judges=JUDGES)
    # A contest is a copy of this repository: the tool and the site's sources come along.
    for name in (".github", "docs", "mkdocs.yml", "pyproject.toml", "site_builder"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, work / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        elif (REPO / name).is_file():
            shutil.copy2(REPO / name, work / name)
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Start the contest")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    start = git(work, "rev-parse", "HEAD")
    # Pull request #5, already merged: wifi-finder.
    _pull_request(work, 5, start, lambda: add_entry(work, "wifi-finder", ["entrant-zero"]))
    git(work, "merge", "-q", "--no-ff", "pr-5",
        "-m", "Merge pull request #5 from entrant-zero/entry")
    git(work, "push", "-q", "origin", "main")
    base = git(work, "rev-parse", "HEAD")

    def bad() -> None:
        add_entry(work, "air-walk", ["entrant-two"])
        (work / "entries/air-walk/entry.yml").write_text(BAD_ENTRY, encoding="utf-8")

    heads = {
        7: _pull_request(work, 7, base, lambda: add_entry(work, "bus-stop", ["entrant-one"])),
        8: _pull_request(work, 8, base, bad),
    }
    return Origin(origin, base, heads)


@pytest.fixture
def origin(origin_template: Origin, tmp_path: Path) -> Origin:
    copy = tmp_path / "origin.git"
    shutil.copytree(origin_template.path, copy)
    return Origin(copy, origin_template.base, origin_template.heads)


def show(origin: Path, path: str, ref: str = "main") -> Any:
    raw = git(origin, "show", f"{ref}:{path}").encode("utf-8") + b"\n"
    return load_bytes(raw, path, 1 << 20).data


def merge(origin: Origin, number: int, author: str, where: Path) -> None:
    """An organizer merges the pull request on GitHub (a merge commit)."""
    work = where / f"merge-{number}"
    git(where, "clone", "-q", str(origin.path), str(work))
    git(work, "fetch", "-q", "origin", f"refs/pull/{number}/head")
    git(work, "merge", "-q", "--no-ff", "FETCH_HEAD",
        "-m", f"Merge pull request #{number} from {author}/entry")
    git(work, "push", "-q", "origin", "main")


def command_exists(ran: Ran, command: str, workflow: str, branch: str) -> None:
    if ran.returncode == 2 and f"No such command '{command}'" in ran.stderr:
        pytest.fail(
            f"`contest {command}` (run by {workflow}) does not exist on this branch yet: it is "
            f"being written on the {branch} branch. Merge main into this branch once it has "
            "landed; this test then runs it.",
            pytrace=False,
        )


# --- pull_request from a fork, then workflow_run ----------------------------------------


def run_validate(origin: Origin, home: Path, number: int, author: str,
                 created_at: str, pushed_at: str | None = None) -> tuple[Job, Ran]:
    """`pushed_at`: the head was pushed then, after the pull request was opened (a
    synchronize event)."""
    before = None if pushed_at is None else origin.base
    payload = gh.pull_request(number=number, login=author, head_sha=origin.heads[number],
                              base_sha=origin.base, created_at=created_at,
                              updated_at=pushed_at, before_sha=before)
    gh.validate(payload, "pull_request")
    assert payload["pull_request"]["head"]["repo"]["fork"] is True
    job = Job("validate.yml", "pull_request", payload, origin.path, home)
    assert job.runs()
    # The first step writes these two files with printf, from its env:.
    env = job.env("Record which pull request and commit this run is about")
    (job.temp / "validation").mkdir()
    (job.temp / "validation" / "pr-number.txt").write_text(env["PR_NUMBER"] + "\n")
    (job.temp / "validation" / "head-sha.txt").write_text(env["HEAD_SHA"] + "\n")
    trusted = job.checkout("Check out the trusted tool (base commit)")
    assert git(trusted, "rev-parse", "HEAD") == origin.base
    head = job.checkout("Check out the pull request head (data only)")
    assert git(head, "rev-parse", "HEAD") == origin.heads[number]
    (ran,) = job.run("Validate the entry")
    return job, ran


def run_report(origin: Origin, home: Path, validate: Job, ran: Ran) -> tuple[Job, Ran, str]:
    pr = validate.payload["pull_request"]
    payload = gh.workflow_run(
        run_id=90_000 + pr["number"], head_sha=pr["head"]["sha"], head_branch=pr["head"]["ref"],
        head_repository=pr["head"]["repo"]["full_name"],
        conclusion="success" if ran.returncode == 0 else "failure",
        actor=pr["user"]["login"], created_at=pr["created_at"],
    )
    gh.validate(payload, "workflow_run")
    assert payload["workflow_run"]["pull_requests"] == []  # as GitHub sends it for a fork
    job = Job("report.yml", "workflow_run", payload, origin.path, home)
    assert job.runs()
    download = "Download the validation artifact (untrusted data)"
    assert job.with_(download)["run-id"] == str(payload["workflow_run"]["id"])
    artifact = job.download(download, validate.temp / "validation")
    # "Identify the pull request" checks the artifact against the API; this is
    # what it finds for an open pull request at that head that touches entries/ only.
    job.outputs["pr"] = {
        "number": (artifact / "pr-number.txt").read_text().strip(),
        "touches-outside": "false", "skip": "false",
    }
    assert (artifact / "head-sha.txt").read_text().strip() == payload["workflow_run"]["head_sha"]
    job.checkout("Check out the default branch (trusted code only)")
    (render,) = job.run("Render the comment")
    comment = (job.temp / "comment.md").read_text(encoding="utf-8")
    return job, render, comment


@pytest.mark.parametrize(
    ("number", "author", "created_at", "label"),
    [(7, "entrant-one", IN_TIME, "valid"), (8, "entrant-two", IN_TIME, "needs-fix"),
     (7, "entrant-one", LATE, "late")],
    ids=["valid", "needs-fix", "late"],
)
def test_a_fork_pull_request_is_validated_and_reported(
    origin: Origin, tmp_path: Path, number: int, author: str, created_at: str, label: str
) -> None:
    validate, ran = run_validate(origin, tmp_path / "validate", number, author, created_at)
    assert ran.returncode == (0 if label == "valid" else 1), ran.stdout + ran.stderr
    report = json.loads((validate.temp / "validation" / "result.json").read_text())
    jsonschema.Draft7Validator(REPORT_SCHEMA).validate(report)
    assert report["status"] == label
    assert report["entry"] == {7: "bus-stop", 8: "air-walk"}[number]
    if label == "needs-fix":
        assert "::error file=entries/air-walk/entry.yml,line=" in ran.stdout
        summary = (validate.temp / "summary.md").read_text(encoding="utf-8")
        assert "| 위치 | 항목 | 문제 | 고치는 법 |" in summary

    _, render, comment = run_report(origin, tmp_path / "report", validate, ran)
    assert render.returncode == 0, render.stderr
    assert render.stdout == f"{label}\n"
    lines = comment.splitlines()
    assert lines[0] == "<!-- contest-bot:validation -->"
    assert comment.count("<!--") == 1
    slug = report["entry"]
    assert f"contest validate entries/{slug}" in lines
    if label == "valid":
        assert lines[1] == "### " + messages.render("comment.title-valid", "ko")
        assert messages.render("comment.next-valid", "ko") in comment
    elif label == "late":
        assert lines[1] == "### " + messages.render("comment.title-late", "ko")
        assert "접수 마감(2015-12-15T18:00:00+09:00) 뒤에 제출되었습니다" in comment
        assert messages.render("comment.late-contact", "ko") in comment
    else:
        errors = [p for p in report["problems"] if p["severity"] == "error"]
        assert {p["field"] for p in errors} == {
            "category", "team.members[0].github", "links.service"}
        count = len(errors)
        assert lines[1] == f"### 🛠️ 고칠 점이 {count}개 있습니다"
        assert f"출품해 주셔서 고맙습니다! 아래 {count}개를 고치면 됩니다." in comment
        assert "#### 📄 entries/air-walk/entry.yml" in lines
        github = next(p for p in errors if p["field"] == "team.members[0].github")
        assert f"- **team.members\\[0\\].github** · {github['line']}번째 줄" in lines
        assert ("  - 문제: GitHub 계정(team.members\\[0\\].github)의 값 "
                "'@\u2060example-org/organizers'이(가) 형식에 맞지 않습니다.") in lines
        assert "  - 문제: 서비스 주소(links.service): 암호화되지 않은 http 주소는 받지 않습니다." \
            in lines
        assert "  - 고치는 법: https:\u2060//로 시작하는 주소를 쓰세요." in lines
        for problem in report["problems"]:
            assert markdown_escape(problem["message"]) in comment
        # What the entrant wrote stays text: no mention, no tag.
        assert "@example-org" not in comment and "<img" not in comment


def test_attack_placeholder_pr_opened_before_close(origin: Origin, tmp_path: Path) -> None:
    """A pull request opened before the close with a placeholder, its real entry pushed
    after it: lateness is judged by the push (GitHub's `updated_at` in the synchronize
    event), never by when the pull request was opened."""
    validate, ran = run_validate(origin, tmp_path, 7, "entrant-one", IN_TIME, pushed_at=LATE)
    assert validate.payload["action"] == "synchronize"
    assert ran.returncode == 1, ran.stdout + ran.stderr
    report = json.loads((validate.temp / "validation" / "result.json").read_text())
    assert report["status"] == "late"
    assert [p["code"] for p in report["problems"]] == ["pr.late"]
    assert "2015-12-16T00:00:00+00:00" in report["problems"][0]["message"]


def test_a_push_before_the_close_is_on_time(origin: Origin, tmp_path: Path) -> None:
    validate, ran = run_validate(origin, tmp_path, 7, "entrant-one", "2015-10-20T00:00:00Z",
                                 pushed_at=IN_TIME)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    report = json.loads((validate.temp / "validation" / "result.json").read_text())
    assert report["status"] == "valid"


def test_a_forged_artifact_gets_no_label_but_needs_fix(origin: Origin, tmp_path: Path) -> None:
    """validate.yml runs the fork's own copy of the workflow, which can write any
    result.json: the report then refuses it, comments generically, labels needs-fix."""
    validate, ran = run_validate(origin, tmp_path / "validate", 8, "entrant-two", IN_TIME)
    result = validate.temp / "validation" / "result.json"
    forged = json.loads(result.read_text())
    forged.update(status="valid; rm -rf /", valid=True)
    result.write_text(json.dumps(forged))
    job, render, comment = run_report(origin, tmp_path / "report", validate, ran)
    assert render.returncode == 1
    assert render.stdout == "needs-fix\n"
    assert comment.splitlines()[1] == "### " + messages.render("comment.refused-title", "ko")
    failing = job.step("Fail when the validation result was refused")
    assert failing["if"] == "steps.render.outputs.refused == 'true'"


# --- issue_comment: /score ----------------------------------------------------------------


def record_score(origin: Origin, home: Path, judge: str, at: str, number: int = 7) -> Ran:
    payload = gh.issue_comment(body=f"/score\n{MARKS}comment: 잘 봤습니다.", login=judge,
                               created_at=at, number=number, author="entrant-one",
                               full_name=REPOSITORY)
    gh.validate(payload)
    job = Job("score.yml", "issue_comment", payload, origin.path, home)
    assert job.runs()
    job.checkout("Check out the default branch (trusted code only)")
    (ran,) = job.run("Record the score")
    assert job.expressions.condition(job.step("Reply on the pull request")["if"])
    return ran


def test_a_score_comment_is_recorded_on_the_origin(origin: Origin, tmp_path: Path) -> None:
    merge(origin, 7, "entrant-one", tmp_path)
    before = git(origin.path, "rev-parse", "main")
    ran = record_score(origin, tmp_path / "score", "judge-ahn", FIRST_ROUND[0])
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert git(origin.path, "rev-parse", "main~1") == before
    assert git(origin.path, "log", "-1", "--format=%an", "main") == "judge-ahn"
    score = show(origin.path, "scores/first/bus-stop/judge-ahn.yml")
    assert score["scores"] == {"usefulness": 8, "creativity": 7, "public-data": 9,
                               "completeness": 8.5}
    assert score["event_time"] == FIRST_ROUND[0]
    reply = (tmp_path / "score" / "temp" / "reply.md").read_text(encoding="utf-8")
    assert messages.render("ui.score-recorded", "ko") in reply


def test_a_score_on_an_unmerged_pull_request_is_refused(origin: Origin, tmp_path: Path) -> None:
    before = git(origin.path, "rev-parse", "main")
    ran = record_score(origin, tmp_path / "score", "judge-ahn", FIRST_ROUND[0])
    assert ran.returncode == 1
    assert git(origin.path, "rev-parse", "main") == before


# --- issues: the entry form ---------------------------------------------------------------


@pytest.fixture
def attachment_server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A local server for images attached to an issue (GitHub's storage stand-in)."""
    folder = tmp_path / "attachments"
    folder.mkdir()
    with browserkit.serve(folder) as address:
        yield folder, address


def test_an_issue_from_the_form_becomes_a_validated_branch(
    origin: Origin, tmp_path: Path, attachment_server: tuple[Path, str]
) -> None:
    folder, address = attachment_server
    for number, fmt in ((1, "PNG"), (2, "JPEG")):
        (folder / asset(number).rsplit("/", 1)[1]).write_bytes(image(fmt))
    payload = gh.issues(body=render_body(complete_answers()), login="entrant-one", number=21,
                        created_at=IN_TIME, title="[출품] 지금 오는 버스")
    gh.validate(payload, "issues")
    job = Job("intake.yml", "issues", payload, origin.path, tmp_path / "intake",
              attachments=address)
    assert job.runs()
    checkout = job.checkout("Check out the default branch (trusted code only)")

    (read,) = job.run("Read the form")
    assert read.returncode == 0, read.stderr
    out = json.loads((job.temp / "intake.json").read_text(encoding="utf-8"))
    job.outputs["intake"] = {"exit-code": "0"}
    # What "Check the intake output" checks with jq and git, checked here.
    slug, branch = out["slug"], out["branch"]
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{1,48}[a-z0-9]", slug)
    assert branch == f"intake/21-{slug}" == "intake/21-bus-now"
    status = git(checkout, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert status == [f"?? entries/{slug}/{name}"
                      for name in ("entry.yml", "screenshot-1.png", "screenshot-2.jpg")]
    job.outputs["entry"] = {"slug": slug, "branch": branch, "existing": ""}
    # "Commit the entry on a new branch": plain git, as the step does it.
    git(checkout, "switch", "-q", "-c", branch)
    git(checkout, "add", "--", f"entries/{slug}/")
    git(checkout, "-c", "user.name=github-actions[bot]",
        "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com",
        "commit", "-q", "-m", f"Add entry {slug} from issue #21")

    (validate,) = job.run("Validate the new branch")
    assert validate.returncode == 0, validate.stdout
    # "Push the branch and open the pull request": the push is git; the number is the API's.
    git(checkout, "push", "-q", "origin", branch)
    assert git(origin.path, "rev-parse", branch) == git(checkout, "rev-parse", "HEAD")
    job.outputs["open"] = {"number": "22",
                           "url": f"https://github.com/{REPOSITORY}/pull/22"}
    (comment,) = job.run("Comment the validation result and label the pull request")
    assert comment.stdout == "valid\n", comment.stderr
    text = (job.temp / "comment.md").read_text(encoding="utf-8")
    assert text.splitlines()[:2] == ["<!-- contest-bot:validation -->",
                                     "### " + messages.render("comment.title-valid", "ko")]
    assert "contest validate entries/bus-now" in text
    entry = show(origin.path, "entries/bus-now/entry.yml", branch)
    assert entry["screenshots"] == ["screenshot-1.png", "screenshot-2.jpg"]
    assert entry["team"]["members"][0]["github"] == "entrant-one"


def test_an_unusable_form_gets_a_reply_and_no_branch(origin: Origin, tmp_path: Path) -> None:
    answers = complete_answers(links__service="http://bus-now.example.org/",
                               screenshots="![x](https://evil.example/tracker.png)")
    payload = gh.issues(body=render_body(answers), login="entrant-one", number=23,
                        created_at=IN_TIME)
    job = Job("intake.yml", "issues", payload, origin.path, tmp_path / "intake")
    checkout = job.checkout("Check out the default branch (trusted code only)")
    (read,) = job.run("Read the form")
    assert read.returncode == 1
    job.outputs["intake"] = {"exit-code": "1"}
    assert job.expressions.condition(job.step("Explain why the form could not be used")["if"])
    assert not job.expressions.condition(job.step("Check the intake output")["if"])
    reply = json.loads((job.temp / "intake.json").read_text(encoding="utf-8"))["reply"]
    assert "- **서비스 주소 (links.service)**:" in reply
    assert "- **스크린샷 (screenshots)**: 'https:\u2060//evil.example/tracker.png'" in reply
    assert git(checkout, "status", "--porcelain", "--untracked-files=all") == ""


# --- the judged contest: tally and site ---------------------------------------------------


@pytest.fixture(scope="module")
def judged_template(origin_template: Origin, tmp_path_factory: pytest.TempPathFactory) -> Origin:
    """The origin after pull request #7 was merged and three judges scored both entries
    in the first round (its min_judges)."""
    where = tmp_path_factory.mktemp("judged")
    shutil.copytree(origin_template.path, where / "origin.git")
    judged = Origin(where / "origin.git", origin_template.base, origin_template.heads)
    merge(judged, 7, "entrant-one", where)
    for number in (5, 7):
        for judge, at in zip(JUDGES, FIRST_ROUND, strict=False):
            ran = record_score(judged, where / f"score-{number}-{judge}", judge, at, number)
            assert ran.returncode == 0, ran.stdout + ran.stderr
    return judged


@pytest.fixture
def judged(judged_template: Origin, tmp_path: Path) -> Origin:
    shutil.copytree(judged_template.path, tmp_path / "judged.git")
    return Origin(tmp_path / "judged.git", judged_template.base, judged_template.heads)


def test_the_judged_contest_still_validates(judged: Origin, tmp_path: Path) -> None:
    payload = {"ref": "refs/heads/main", "repository": gh.repository(REPOSITORY)}
    job = Job("ci.yml", "push", payload, judged.path, tmp_path / "ci")
    job.checkout("Check out")
    (ran,) = job.run("Validate every entry")
    assert ran.returncode == 0, ran.stdout
    assert len(git(judged.path, "ls-tree", "-r", "--name-only", "main", "scores/").split()) == 6


def tally_lines() -> list[tuple[str, str, str]]:
    """Where `contest tally` is run: a workflow step, else the organizers' guide."""
    found = [(workflow, step, line) for (workflow, step), lines in all_contest_lines().items()
             for line in lines if line.startswith("contest tally")]
    if found:
        return found
    guide = (REPO / "docs" / "organizers.md").read_text(encoding="utf-8")
    return [("docs/organizers.md", "", line.strip()) for line in guide.splitlines()
            if line.strip().startswith("contest tally")]


def test_the_tally_runs_on_the_recorded_scores(judged: Origin, tmp_path: Path) -> None:
    lines = tally_lines()
    assert lines, "neither a workflow nor docs/organizers.md runs `contest tally`"
    payload = {"ref": "refs/heads/main", "repository": gh.repository(REPOSITORY)}
    for index, (where, step, line) in enumerate(lines):
        home = tmp_path / f"tally-{index}"
        if where.endswith(".yml"):
            job = Job(where, "workflow_dispatch", payload, judged.path, home,
                      job=job_of(where, step))
            for checkout in job.checkout_steps():
                job.checkout(checkout)
            (ran,) = job.run(step)
        else:
            # The guide's command, run where an organizer runs it: a full clone of main.
            job = Job("ci.yml", "push", payload, judged.path, home)
            clone = job.checkout("Check out")
            if "--check" in line.split():
                # --check verifies the committed results: the organizers first wrote
                # and committed them with --write, as when they publish.
                wrote = job.execute(line.replace("--check", "--write"), clone, job.env())
                command_exists(wrote, "tally", where, "tallycli")
                assert wrote.returncode == 0, wrote.stdout + wrote.stderr
                git(clone, "add", "results")
                git(clone, "commit", "-q", "-m", "Publish the results")
            ran = job.execute(line, clone, job.env())
        command_exists(ran, "tally", where, "tallycli")
        assert ran.returncode == 0, f"{where}: {line}\n{ran.stdout}\n{ran.stderr}"


def test_the_site_builds(judged: Origin, origin: Origin, tmp_path: Path) -> None:
    # The preview that validate.yml builds for a pull request ...
    validate, _ = run_validate(origin, tmp_path / "validate", 7, "entrant-one", IN_TIME)
    report = json.loads((validate.temp / "validation" / "result.json").read_text())
    # The script reads the slug from the report with jq, checks it with grep and
    # copies the trusted tree with only the entry's folder from the pull request.
    slug = report["entry"]
    source = validate.temp / "preview-src"
    shutil.copytree(validate.workspace / "trusted", source, symlinks=True)
    shutil.rmtree(source / "entries" / slug, ignore_errors=True)
    shutil.copytree(validate.workspace / "pr" / "entries" / slug, source / "entries" / slug)
    (preview,) = validate.run("Build a preview site of the entry",
                              shell={"slug": slug, "preview_src": str(source)})
    command_exists(preview, "build", "validate.yml", "site")
    assert preview.returncode == 0, preview.stderr
    assert (validate.temp / "validation" / "preview" / "index.html").is_file()
    # ... and the showcase that pages.yml publishes.
    payload = {"ref": "refs/heads/main", "repository": gh.repository(REPOSITORY)}
    job = Job("pages.yml", "push", payload, judged.path, tmp_path / "pages")
    checkout = job.checkout("Check out")
    (built,) = job.run("Build the site")
    command_exists(built, "build", "pages.yml", "site")
    assert built.returncode == 0, built.stderr
    site = checkout / "site"
    assert (site / "index.html").is_file()
    pages = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                      for p in site.rglob("*.html"))
    assert "bus-stop" in pages and "wifi-finder" in pages


def test_the_queue_issue_body_follows_the_assignment_and_the_ledger(judged: Origin,
                                                                    tmp_path: Path) -> None:
    from conftest import run_contest

    from site_builder.judging import assignment
    from site_builder.judging.queues import marker

    # The organizers give the first round panels of 3 and commit the assignment.
    work = tmp_path / "organizer"
    git(tmp_path, "clone", "-q", str(judged.path), str(work))
    write_contest(work, judges=JUDGES,
                  change=lambda data: data["rounds"][0].update(panel={"size": 3}))
    assigned = run_contest(["assign", "--round", "first", "--write"], work)
    command_exists(assigned, "assign", "assign-queues.yml", "h7-assign")
    assert assigned.returncode == 0, assigned.stderr
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Assign the first round")
    git(work, "push", "-q", "origin", "main")
    found, _ = assignment.read_assignment(work, "first")
    assert found is not None

    payload = {"schedule": "23 */3 * * *", "repository": gh.repository(REPOSITORY)}
    job = Job("assign-queues.yml", "schedule", payload, judged.path, tmp_path / "queues")
    job.checkout("Check out")
    (ran,) = job.run("Write the queue issues")
    command_exists(ran, "queues", "assign-queues.yml", "h7-assign")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    body = (job.temp / "queues" / "first.md").read_text(encoding="utf-8")
    assert body.splitlines()[0] == marker("first")
    assert not (job.temp / "queues" / "final.md").exists()
    numbers = {"wifi-finder": 5, "bus-stop": 7}
    scored = set(JUDGES[:len(FIRST_ROUND)])  # who scored both entries
    for judge in JUDGES:
        section = body.split(f"### {judge}\n", 1)[1].split("###", 1)[0]
        for slug in found.queue(judge):
            mark = "x" if judge in scored else " "
            link = f"https://github.com/{REPOSITORY}/pull/{numbers[slug]}"
            assert f"- [{mark}] [`{slug}`]({link})" in section


# --- the workflows and this test stay in step ---------------------------------------------


def test_every_contest_line_is_exercised() -> None:
    found = all_contest_lines()
    assert set(found) == set(EXERCISED), (
        "a workflow step runs `contest` that this test does not run (or one is gone): "
        f"{sorted(set(found) ^ set(EXERCISED))}"
    )
    names = {name for name in globals() if name.startswith("test_")}
    assert set(EXERCISED.values()) <= names


def test_the_command_finder_reads_bash_as_bash() -> None:
    script = (
        'set +e\nlabel="$(contest pr-comment --result "$A" --out "$B")"\n'
        'echo "contest validate exited with $code"\n'
        'echo "::error::contest intake failed."\n'
        '# contest tally is run by hand\n'
        'if ! contest build --out "$T/preview" --only "$slug"; then\n  exit 1\nfi\n'
        "contest validate --base \"$BASE\" \\\n  --format github\n"
    )
    assert contest_lines(script) == [
        'contest pr-comment --result "$A" --out "$B"',
        'contest build --out "$T/preview" --only "$slug"',
        'contest validate --base "$BASE" --format github',
    ]
