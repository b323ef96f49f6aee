"""Static checks of the GitHub automation in .github/.

These tests read the workflow files only; they do not import site_builder.
They run zizmor (offline) and check-jsonschema, which are in the `test`
extras, so a missing tool is a failure, not a skip.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from contestkit import REPO

GITHUB = REPO / ".github"
WORKFLOWS_DIR = GITHUB / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS_DIR.glob("*.yml")) + sorted(WORKFLOWS_DIR.glob("*.yaml"))
WORKFLOW_IDS = [p.name for p in WORKFLOW_FILES]
# An empty glob would leave the parametrized tests below without a case (skipped,
# not failed): test_the_expected_workflows_exist fails then.

EXPECTED_WORKFLOWS = {
    "validate.yml",
    "report.yml",
    "score.yml",
    "pages.yml",
    "ci.yml",
    "intake.yml",
    "assign-queues.yml",
}
# Workflows allowed to hold `pull-requests: write`.
PR_WRITERS = {"report.yml", "score.yml", "intake.yml"}
# Workflows that run with write access or publish; they must not use caches
# and may only check out the default branch.
PRIVILEGED = {"report.yml", "score.yml", "intake.yml", "pages.yml", "assign-queues.yml"}
# The only workflows whose checkout may keep the token: they push.
PUSHERS = {"score.yml", "intake.yml"}
# The only accepted inline zizmor suppressions: file -> trigger on that line.
ALLOWED_IGNORES = {"report.yml": "workflow_run", "score.yml": "issue_comment"}

Workflows = dict[str, dict[str, Any]]

SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+(?:\.\d+){0,2}\s*$")


class _Loader(yaml.SafeLoader):
    """SafeLoader that follows YAML 1.2 booleans: only true/false are booleans.

    Plain yaml.safe_load applies YAML 1.1 and turns the key `on:` into True.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)  # a SafeLoader subclass


def tool(name: str) -> str:
    """Find a console script installed next to the running interpreter."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} is not installed. It is part of the test extras: pip install '.[test]'",
            pytrace=False,
        )
    return found


def uses(step: dict[str, Any], action: str) -> bool:
    """Whether the step uses the given action (`owner/name`) at any ref."""
    return str(step.get("uses", "")).startswith(f"{action}@")


def jobs(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return workflow.get("jobs") or {}


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in jobs(workflow).items() for step in job.get("steps") or []]


def triggers(workflow: dict[str, Any]) -> set[str]:
    on = workflow["on"]
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set(on)


def permission_sets(workflow: dict[str, Any]) -> list[Any]:
    per_job = [job.get("permissions") for job in jobs(workflow).values()]
    return [workflow.get("permissions"), *per_job]


@pytest.fixture(scope="module", params=WORKFLOW_FILES, ids=WORKFLOW_IDS)
def workflow_file(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


@pytest.fixture(scope="module")
def workflows() -> Workflows:
    return {path.name: load(path) for path in WORKFLOW_FILES}


# --- external linters ---------------------------------------------------------


@pytest.mark.slow  # zizmor over every workflow
def test_zizmor_finds_nothing() -> None:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--color=never", ".github/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"zizmor reported findings:\n{result.stdout}\n{result.stderr}"


@pytest.mark.slow  # check-jsonschema, a child process
def test_workflows_match_the_github_schema() -> None:
    result = subprocess.run(
        [
            tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, WORKFLOW_FILES),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow  # check-jsonschema, a child process each
@pytest.mark.parametrize(
    ("schema", "relative"),
    [
        ("vendor.github-issue-forms", ".github/ISSUE_TEMPLATE/entry.yml"),
        ("vendor.github-issue-config", ".github/ISSUE_TEMPLATE/config.yml"),
        ("vendor.dependabot", ".github/dependabot.yml"),
    ],
)
def test_other_github_files_match_their_schema(schema: str, relative: str) -> None:
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, relative],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- properties of every workflow ---------------------------------------------


def test_the_expected_workflows_exist() -> None:
    assert set(WORKFLOW_IDS) >= EXPECTED_WORKFLOWS


def test_loader_keeps_on_as_a_string_key(workflow_file: Path) -> None:
    workflow = load(workflow_file)
    assert "on" in workflow
    assert True not in workflow


def test_top_level_permissions_are_empty(workflow_file: Path) -> None:
    workflow = load(workflow_file)
    assert "permissions" in workflow, "set `permissions: {}` at the top level"
    assert workflow["permissions"] == {}


def test_every_job_declares_permissions_and_a_timeout(workflow_file: Path) -> None:
    for name, job in jobs(load(workflow_file)).items():
        assert isinstance(job.get("permissions"), dict), f"job {name} has no permissions block"
        assert isinstance(job.get("timeout-minutes"), int), f"job {name} has no timeout-minutes"


def test_no_pull_request_target(workflow_file: Path) -> None:
    assert "pull_request_target" not in triggers(load(workflow_file))
    lines = workflow_file.read_text(encoding="utf-8").splitlines()
    code = [line.split(" #")[0] for line in lines if not line.lstrip().startswith("#")]
    assert not any("pull_request_target" in line for line in code)


def test_every_action_is_pinned_to_a_commit_sha(workflow_file: Path) -> None:
    for name, step in steps(load(workflow_file)):
        uses = step.get("uses")
        if uses is None or uses.startswith("./"):
            continue
        assert SHA_PIN.match(uses), (
            f"{workflow_file.name} job {name}: {uses} is not pinned to a 40-hex SHA"
        )
    for job in jobs(load(workflow_file)).values():
        uses = job.get("uses")
        if uses is not None and not uses.startswith("./"):
            assert SHA_PIN.match(uses), (
                f"{workflow_file.name}: reusable workflow {uses} is not pinned"
            )


def test_every_pin_carries_a_version_comment(workflow_file: Path) -> None:
    for line in workflow_file.read_text(encoding="utf-8").splitlines():
        match = USES_LINE.match(line)
        if match is None or match["ref"].startswith("./"):
            continue
        assert VERSION_COMMENT.match(match["rest"]), (
            f"{workflow_file.name}: no `# vX.Y.Z` comment on: {line.strip()}"
        )


def test_no_expressions_inside_run_scripts(workflow_file: Path) -> None:
    """Event data reaches scripts through `env:` only.

    Stricter than needed on purpose: no `${{ }}` at all in `run:`, so nothing
    such as github.event.*, comment.body, head_ref or a title can be spliced
    into a shell script.
    """
    for name, step in steps(load(workflow_file)):
        script = step.get("run")
        if script is None:
            continue
        assert "${{" not in script, (
            f"{workflow_file.name} job {name}, step {step.get('name')!r}: use env:"
        )


def test_checkouts_state_persist_credentials(workflow_file: Path) -> None:
    for name, step in steps(load(workflow_file)):
        if not uses(step, "actions/checkout"):
            continue
        persist = (step.get("with") or {}).get("persist-credentials")
        assert persist in (True, False), (
            f"{workflow_file.name} job {name}: set persist-credentials explicitly"
        )
        if persist is True:
            assert workflow_file.name in PUSHERS, (
                f"{workflow_file.name} keeps the token but does not push"
            )
            assert jobs(load(workflow_file))[name]["permissions"].get("contents") == "write"


def test_only_reviewed_workflows_may_write_pull_requests(workflows: Workflows) -> None:
    writers = {
        name
        for name, workflow in workflows.items()
        for permissions in permission_sets(workflow)
        if isinstance(permissions, dict) and permissions.get("pull-requests") == "write"
    }
    assert writers == PR_WRITERS


def test_inline_zizmor_ignores_are_only_the_two_triggers() -> None:
    seen: dict[str, str] = {}
    for path in sorted(GITHUB.rglob("*")):
        if not path.is_file() or path.suffix not in {".yml", ".yaml"}:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if "zizmor:" not in line:
                continue
            assert path.name in ALLOWED_IGNORES, f"unexpected zizmor suppression in {path}"
            assert re.fullmatch(
                rf"\s*{ALLOWED_IGNORES[path.name]}:\s*# zizmor: ignore\[dangerous-triggers\]\s*",
                line,
            ), f"{path.name}: only dangerous-triggers may be ignored, on the trigger line: {line!r}"
            seen[path.name] = line
    assert set(seen) == set(ALLOWED_IGNORES)


# --- properties of single workflows -------------------------------------------


def test_validate_is_read_only_and_installs_the_tool_from_the_base(workflows: Workflows) -> None:
    workflow = workflows["validate.yml"]
    assert triggers(workflow) == {"pull_request"}
    for job in jobs(workflow).values():
        assert job["permissions"] == {"contents": "read"}
    ordered = [step for _, step in steps(workflow)]
    checkouts = [s for s in ordered if uses(s, "actions/checkout")]
    trusted, pr = checkouts
    assert trusted["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert trusted["with"]["path"] == "trusted"
    assert pr["with"]["ref"] == "${{ github.event.pull_request.head.sha }}"
    assert pr["with"]["path"] == "pr"
    assert pr["with"]["fetch-depth"] == 0
    install = next(s for s in ordered if "pip install" in str(s.get("run", "")))
    assert "./trusted" in install["run"]
    assert ordered.index(install) < ordered.index(pr), (
        "install the tool before the PR code is on disk"
    )
    run = next(s for s in ordered if "contest validate" in str(s.get("run", "")))
    assert run["working-directory"] == "pr"
    upload = next(s for s in ordered if uses(s, "actions/upload-artifact"))
    assert upload["with"]["name"] == "validation"
    assert upload["if"] == "always()"


def test_report_runs_after_validate_and_checks_out_the_default_branch(
    workflows: Workflows,
) -> None:
    workflow = workflows["report.yml"]
    assert triggers(workflow) == {"workflow_run"}
    assert workflow["on"]["workflow_run"]["workflows"] == ["validate"]
    assert workflow["on"]["workflow_run"]["types"] == ["completed"]
    (job,) = jobs(workflow).values()
    assert job["permissions"] == {
        "actions": "read",
        "contents": "read",
        "issues": "write",
        "pull-requests": "write",
    }
    download = next(s for _, s in steps(workflow) if uses(s, "actions/download-artifact"))
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert "github-token" in download["with"]
    scripts = "\n".join(str(s.get("run", "")) for _, s in steps(workflow))
    assert "^[0-9]+$" in scripts, "the PR number from the artifact must be checked as an integer"


def test_privileged_workflows_check_out_only_the_default_branch(workflows: Workflows) -> None:
    allowed_refs = {None, "${{ github.event.repository.default_branch }}"}
    for name in PRIVILEGED:
        for job, step in steps(workflows[name]):
            if not uses(step, "actions/checkout"):
                continue
            options = step.get("with") or {}
            assert options.get("ref") in allowed_refs, (
                f"{name} job {job} checks out {options.get('ref')}"
            )
            assert "repository" not in options, f"{name} job {job} checks out another repository"


def test_privileged_workflows_use_no_cache(workflows: Workflows) -> None:
    for name in PRIVILEGED:
        for job, step in steps(workflows[name]):
            assert "cache" not in (step.get("with") or {}), f"{name} job {job} uses a cache"
            assert not uses(step, "actions/cache"), f"{name} job {job} uses a cache"


def test_score_has_no_concurrency_group(workflows: Workflows) -> None:
    workflow = workflows["score.yml"]
    assert "concurrency" not in workflow
    for job in jobs(workflow).values():
        assert "concurrency" not in job


def test_score_only_reacts_to_score_comments_on_pull_requests(workflows: Workflows) -> None:
    workflow = workflows["score.yml"]
    assert workflow["on"] == {"issue_comment": {"types": ["created"]}}
    (job,) = jobs(workflow).values()
    condition = job["if"].replace(" ", "")
    assert "github.event.issue.pull_request" in condition
    assert "startsWith(github.event.comment.body,'/score')" in condition
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    scripts = "\n".join(str(s.get("run", "")) for _, s in steps(workflow))
    assert '--event "$GITHUB_EVENT_PATH"' in scripts
    assert "comment.body" not in scripts


def test_pages_grants_deploy_permissions_only_to_the_deploy_job(workflows: Workflows) -> None:
    workflow = workflows["pages.yml"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    for name, job in jobs(workflow).items():
        deploys = any(uses(s, "actions/deploy-pages") for s in job.get("steps") or [])
        if deploys:
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert "pages" not in job["permissions"] and "id-token" not in job["permissions"], name


def test_intake_only_reads_labeled_issues(workflows: Workflows) -> None:
    workflow = workflows["intake.yml"]
    assert workflow["on"] == {"issues": {"types": ["opened", "edited"]}}
    (job,) = jobs(workflow).values()
    assert "contains(github.event.issue.labels.*.name, 'entry')" in job["if"]


def test_assign_queues_only_edits_issues(workflows: Workflows) -> None:
    """The queue workflow reads the default branch and writes issues, nothing else; it
    runs on a schedule or by hand, never on an event carrying someone's text."""
    workflow = workflows["assign-queues.yml"]
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    job = workflow["jobs"]["queues"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert "contest queues" in script and "gh issue edit" in script


def test_lateness_is_the_time_github_records_for_the_last_push_or_edit() -> None:
    """A pull request or issue opened before the close and filled in after it is late:
    validation is given the event's `updated_at` (the push or the edit), never the
    opening time or a commit date."""
    for name, expected in (("validate.yml", "github.event.pull_request.updated_at"),
                           ("intake.yml", "github.event.issue.updated_at")):
        text = (REPO / ".github" / "workflows" / name).read_text("utf-8")
        assert "--submitted-at" in text, name
        assert expected in text, name
        assert "created_at }}" not in text, name
