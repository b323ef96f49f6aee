"""Webhook payloads in the shape GitHub documents, built for tests: `issue_comment`,
`issues`, `pull_request` and `workflow_run`.

Every field GitHub always sends is present (users, the repository, the issue,
the comment, reactions), so a test exercises the tools on what they will
really receive. `validate` checks a payload against the official JSON
schemas when /work/shared/github-webhooks is present, and leaves that check out
otherwise.
"""

from __future__ import annotations

import functools
import itertools
import json
from pathlib import Path
from typing import Any

API = "https://api.github.com"
WEB = "https://github.com"
SCHEMAS = Path("/work/shared/github-webhooks/schemas")
_ids = itertools.count(1_000_001)

# The repository's URL fields and the path GitHub appends to its API address.
_REPO_URLS = {
    "forks_url": "/forks", "keys_url": "/keys{/key_id}",
    "collaborators_url": "/collaborators{/collaborator}", "teams_url": "/teams",
    "hooks_url": "/hooks", "issue_events_url": "/issues/events{/number}",
    "events_url": "/events", "assignees_url": "/assignees{/user}",
    "branches_url": "/branches{/branch}", "tags_url": "/tags",
    "blobs_url": "/git/blobs{/sha}", "git_tags_url": "/git/tags{/sha}",
    "git_refs_url": "/git/refs{/sha}", "trees_url": "/git/trees{/sha}",
    "statuses_url": "/statuses/{sha}", "languages_url": "/languages",
    "stargazers_url": "/stargazers", "contributors_url": "/contributors",
    "subscribers_url": "/subscribers", "subscription_url": "/subscription",
    "commits_url": "/commits{/sha}", "git_commits_url": "/git/commits{/sha}",
    "comments_url": "/comments{/number}", "issue_comment_url": "/issues/comments{/number}",
    "contents_url": "/contents/{+path}", "compare_url": "/compare/{base}...{head}",
    "merges_url": "/merges", "archive_url": "/{archive_format}{/ref}",
    "downloads_url": "/downloads", "issues_url": "/issues{/number}",
    "pulls_url": "/pulls{/number}", "milestones_url": "/milestones{/number}",
    "notifications_url": "/notifications{?since,all,participating}",
    "labels_url": "/labels{/name}", "releases_url": "/releases{/id}",
    "deployments_url": "/deployments",
}


def user(login: str) -> dict[str, Any]:
    base = f"{API}/users/{login}"
    number = abs(hash(login)) % 10**8
    return {
        "login": login, "id": number, "node_id": f"MDQ6VXNlcj{number}",
        "avatar_url": f"https://avatars.githubusercontent.com/u/{number}?v=4",
        "gravatar_id": "", "url": base, "html_url": f"{WEB}/{login}",
        "followers_url": f"{base}/followers",
        "following_url": f"{base}/following{{/other_user}}",
        "gists_url": f"{base}/gists{{/gist_id}}",
        "starred_url": f"{base}/starred{{/owner}}{{/repo}}",
        "subscriptions_url": f"{base}/subscriptions",
        "organizations_url": f"{base}/orgs", "repos_url": f"{base}/repos",
        "events_url": f"{base}/events{{/privacy}}",
        "received_events_url": f"{base}/received_events",
        "type": "User", "site_admin": False,
    }


def repository(full_name: str, default_branch: str = "main") -> dict[str, Any]:
    owner, name = full_name.split("/")
    api = f"{API}/repos/{full_name}"
    data: dict[str, Any] = {
        "id": 186853002, "node_id": "MDEwOlJlcG9zaXRvcnkxODY4NTMwMDI=", "name": name,
        "full_name": full_name, "private": False, "owner": user(owner),
        "html_url": f"{WEB}/{full_name}", "description": None, "fork": False, "url": api,
    }
    data.update({key: api + suffix for key, suffix in _REPO_URLS.items()})
    data.update({
        "created_at": "2015-10-01T00:00:00Z", "updated_at": "2015-12-16T00:00:00Z",
        "pushed_at": "2015-12-16T00:00:00Z", "git_url": f"git://github.com/{full_name}.git",
        "ssh_url": f"git@github.com:{full_name}.git", "clone_url": f"{WEB}/{full_name}.git",
        "svn_url": f"{WEB}/{full_name}", "homepage": None, "size": 100,
        "stargazers_count": 0, "watchers_count": 0, "language": "Python",
        "has_issues": True, "has_projects": True, "has_downloads": True, "has_wiki": False,
        "has_pages": True, "forks_count": 0, "mirror_url": None, "archived": False,
        "open_issues_count": 3, "license": None, "forks": 0, "open_issues": 3,
        "watchers": 0, "default_branch": default_branch, "is_template": False,
        "web_commit_signoff_required": False, "topics": [], "visibility": "public",
        "custom_properties": {},
    })
    return data


def _reactions(url: str) -> dict[str, Any]:
    return {"url": f"{url}/reactions", "total_count": 0, "+1": 0, "-1": 0, "laugh": 0,
            "confused": 0, "heart": 0, "hooray": 0, "eyes": 0, "rocket": 0}


def issue_comment(
    *,
    body: str,
    login: str,
    created_at: str,
    number: int,
    action: str = "created",
    pull_request: bool = True,
    full_name: str = "example-org/citizen-software-contest-2015",
    default_branch: str = "main",
    author: str = "entrant-one",
    comment_id: int | None = None,
    association: str = "NONE",
) -> dict[str, Any]:
    """An issue_comment event. `pull_request` adds ``issue.pull_request`` as GitHub
    does for a comment on a pull request; `action` "edited" adds ``changes``."""
    comment_id = comment_id or next(_ids)
    api = f"{API}/repos/{full_name}"
    kind = "pull" if pull_request else "issues"
    issue_html = f"{WEB}/{full_name}/{kind}/{number}"
    issue: dict[str, Any] = {
        "url": f"{api}/issues/{number}", "repository_url": api,
        "labels_url": f"{api}/issues/{number}/labels{{/name}}",
        "comments_url": f"{api}/issues/{number}/comments",
        "events_url": f"{api}/issues/{number}/events", "html_url": issue_html,
        "id": 400000000 + number, "node_id": f"MDU6SXNzdWU{number}", "number": number,
        "title": f"Entry #{number}", "user": user(author), "labels": [], "state": "open",
        "locked": False, "assignee": None, "assignees": [], "milestone": None,
        "comments": 1, "created_at": "2015-12-01T00:00:00Z", "updated_at": created_at,
        "closed_at": None, "author_association": "CONTRIBUTOR", "active_lock_reason": None,
        "body": "Entry submission", "reactions": _reactions(f"{api}/issues/{number}"),
    }
    if pull_request:
        issue["pull_request"] = {
            "url": f"{api}/pulls/{number}", "html_url": issue_html,
            "diff_url": f"{issue_html}.diff", "patch_url": f"{issue_html}.patch",
            "merged_at": None,
        }
    comment_url = f"{api}/issues/comments/{comment_id}"
    payload: dict[str, Any] = {
        "action": action,
        "issue": issue,
        "comment": {
            "url": comment_url, "html_url": f"{issue_html}#issuecomment-{comment_id}",
            "issue_url": f"{api}/issues/{number}", "id": comment_id,
            "node_id": f"MDEyOklzc3VlQ29tbWVudD{comment_id}", "user": user(login),
            "created_at": created_at, "updated_at": created_at,
            "author_association": association, "performed_via_github_app": None,
            "body": body, "reactions": _reactions(comment_url),
        },
        "repository": repository(full_name, default_branch),
        "sender": user(login),
    }
    if action == "edited":
        payload["changes"] = {"body": {"from": "/score"}}
    return payload


def repository_lite(full_name: str, *, fork: bool = False) -> dict[str, Any]:
    """A repository as `workflow_run.head_repository` names it (fewer fields)."""
    owner, name = full_name.split("/")
    api = f"{API}/repos/{full_name}"
    data: dict[str, Any] = {
        "id": abs(hash(full_name)) % 10**9, "node_id": f"MDEwOlJlcG9zaXRvcnk{len(full_name)}",
        "name": name, "full_name": full_name, "private": False, "owner": user(owner),
        "html_url": f"{WEB}/{full_name}", "description": None, "fork": fork, "url": api,
        "contributors_url": f"{api}/contributors", "deployments_url": f"{api}/deployments",
    }
    data.update({key: api + suffix for key, suffix in _REPO_URLS.items()})
    return data


def _label(name: str, full_name: str) -> dict[str, Any]:
    return {"id": 208045946 + len(name), "node_id": f"MDU6TGFiZWwy{len(name)}",
            "url": f"{API}/repos/{full_name}/labels/{name}", "name": name,
            "color": "1d76db", "default": False, "description": None}


def issues(
    *,
    body: str | None,
    login: str,
    number: int,
    created_at: str,
    action: str = "opened",
    title: str = "[출품] ",
    labels: tuple[str, ...] = ("entry",),
    full_name: str = "example-org/citizen-software-contest-2015",
    default_branch: str = "main",
) -> dict[str, Any]:
    """An issues event for an issue opened (or edited) with the entry form."""
    api = f"{API}/repos/{full_name}"
    issue: dict[str, Any] = {
        "url": f"{api}/issues/{number}", "repository_url": api,
        "labels_url": f"{api}/issues/{number}/labels{{/name}}",
        "comments_url": f"{api}/issues/{number}/comments",
        "events_url": f"{api}/issues/{number}/events",
        "html_url": f"{WEB}/{full_name}/issues/{number}",
        "id": 500000000 + number, "node_id": f"I_kwDOEntry{number}", "number": number,
        "title": title, "user": user(login),
        "labels": [_label(name, full_name) for name in labels], "state": "open",
        "locked": False, "assignee": None, "assignees": [], "milestone": None, "comments": 0,
        "created_at": created_at, "updated_at": created_at, "closed_at": None,
        "author_association": "NONE", "active_lock_reason": None, "body": body,
        "reactions": _reactions(f"{api}/issues/{number}"),
        "timeline_url": f"{api}/issues/{number}/timeline", "performed_via_github_app": None,
        "state_reason": None,
    }
    payload: dict[str, Any] = {
        "action": action, "issue": issue,
        "repository": repository(full_name, default_branch), "sender": user(login),
    }
    if action == "edited":
        payload["changes"] = {"body": {"from": ""}}
    return payload


def pull_request(
    *,
    number: int,
    login: str,
    head_sha: str,
    base_sha: str,
    created_at: str,
    head_ref: str = "entry",
    title: str = "출품",
    fork: bool = True,
    full_name: str = "example-org/citizen-software-contest-2015",
    default_branch: str = "main",
    updated_at: str | None = None,
    before_sha: str | None = None,
) -> dict[str, Any]:
    """A pull_request opened event; from `login`'s fork unless `fork` is False. With
    `before_sha`, a synchronize event instead: the head moved from `before_sha` to
    `head_sha`, and GitHub's `updated_at` is the time of that push."""
    api = f"{API}/repos/{full_name}"
    html = f"{WEB}/{full_name}/pull/{number}"
    base_repo = repository(full_name, default_branch)
    head_name = f"{login}/{full_name.split('/')[1]}" if fork else full_name
    head_repo = repository(head_name, default_branch)
    head_repo["fork"] = fork
    head_owner = login if fork else full_name.split("/")[0]

    def link(href: str) -> dict[str, str]:
        return {"href": href}

    pr: dict[str, Any] = {
        "url": f"{api}/pulls/{number}", "id": 600000000 + number,
        "node_id": f"PR_kwDOEntry{number}", "html_url": html, "diff_url": f"{html}.diff",
        "patch_url": f"{html}.patch", "issue_url": f"{api}/issues/{number}", "number": number,
        "state": "open", "locked": False, "title": title, "user": user(login),
        "body": "출품합니다.", "created_at": created_at, "updated_at": updated_at or created_at,
        "closed_at": None, "merged_at": None, "merge_commit_sha": None, "assignee": None,
        "assignees": [], "requested_reviewers": [], "requested_teams": [], "labels": [],
        "milestone": None, "commits_url": f"{api}/pulls/{number}/commits",
        "review_comments_url": f"{api}/pulls/{number}/comments",
        "review_comment_url": f"{api}/pulls/comments{{/number}}",
        "comments_url": f"{api}/issues/{number}/comments",
        "statuses_url": f"{api}/statuses/{head_sha}",
        "head": {"label": f"{head_owner}:{head_ref}", "ref": head_ref, "sha": head_sha,
                 "user": user(head_owner), "repo": head_repo},
        "base": {"label": f"{full_name.split('/')[0]}:{default_branch}", "ref": default_branch,
                 "sha": base_sha, "user": user(full_name.split("/")[0]), "repo": base_repo},
        "_links": {
            "self": link(f"{api}/pulls/{number}"), "html": link(html),
            "issue": link(f"{api}/issues/{number}"),
            "comments": link(f"{api}/issues/{number}/comments"),
            "review_comments": link(f"{api}/pulls/{number}/comments"),
            "review_comment": link(f"{api}/pulls/comments{{/number}}"),
            "commits": link(f"{api}/pulls/{number}/commits"),
            "statuses": link(f"{api}/statuses/{head_sha}"),
        },
        "author_association": "FIRST_TIME_CONTRIBUTOR", "auto_merge": None,
        "active_lock_reason": None, "draft": False, "merged": False, "mergeable": None,
        "rebaseable": None, "mergeable_state": "unknown", "merged_by": None, "comments": 0,
        "review_comments": 0, "maintainer_can_modify": True, "commits": 1, "additions": 40,
        "deletions": 0, "changed_files": 2,
    }
    if before_sha is not None:
        return {"action": "synchronize", "number": number, "before": before_sha,
                "after": head_sha, "pull_request": pr, "repository": base_repo,
                "sender": user(login)}
    return {"action": "opened", "number": number, "pull_request": pr,
            "repository": base_repo, "sender": user(login)}


def workflow_run(
    *,
    run_id: int,
    head_sha: str,
    head_branch: str,
    head_repository: str,
    conclusion: str,
    actor: str,
    created_at: str,
    workflow: str = "validate",
    pull_requests: list[dict[str, Any]] | None = None,
    full_name: str = "example-org/citizen-software-contest-2015",
    default_branch: str = "main",
) -> dict[str, Any]:
    """A workflow_run completed event. For a pull request from a fork GitHub sends
    `pull_requests` empty, which is the default here."""
    api = f"{API}/repos/{full_name}"
    run_api = f"{api}/actions/runs/{run_id}"
    workflow_id = 7_000_000
    path = f".github/workflows/{workflow}.yml"
    run: dict[str, Any] = {
        "name": workflow, "artifacts_url": f"{run_api}/artifacts",
        "cancel_url": f"{run_api}/cancel", "check_suite_url": f"{api}/check-suites/{run_id}",
        "check_suite_id": run_id, "check_suite_node_id": f"CS_kwDO{run_id}",
        "conclusion": conclusion, "created_at": created_at, "event": "pull_request",
        "head_branch": head_branch,
        "head_commit": {
            "id": head_sha, "tree_id": "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
            "message": "출품", "timestamp": created_at,
            "author": {"name": actor, "email": f"{actor}@users.noreply.github.com"},
            "committer": {"name": actor, "email": f"{actor}@users.noreply.github.com"},
        },
        "head_repository": repository_lite(head_repository, fork=head_repository != full_name),
        "head_sha": head_sha, "path": path, "display_title": "출품",
        "html_url": f"{WEB}/{full_name}/actions/runs/{run_id}", "id": run_id,
        "jobs_url": f"{run_api}/jobs", "logs_url": f"{run_api}/logs",
        "node_id": f"WFR_kwLO{run_id}", "pull_requests": pull_requests or [],
        "repository": repository_lite(full_name), "rerun_url": f"{run_api}/rerun",
        "run_number": 12, "run_attempt": 1, "run_started_at": created_at,
        "previous_attempt_url": None, "status": "completed", "updated_at": created_at,
        "url": run_api, "workflow_id": workflow_id,
        "workflow_url": f"{api}/actions/workflows/{workflow_id}",
        "actor": user(actor), "triggering_actor": user(actor),
    }
    return {
        "action": "completed",
        "repository": repository(full_name, default_branch),
        "sender": user(actor),
        "workflow": {
            "badge_url": f"{WEB}/{full_name}/workflows/{workflow}/badge.svg",
            "created_at": "2015-10-01T00:00:00.000Z",
            "html_url": f"{WEB}/{full_name}/blob/main/{path}",
            "id": workflow_id, "name": workflow, "node_id": f"W_kwDO{workflow_id}", "path": path,
            "state": "active", "updated_at": "2015-10-01T00:00:00.000Z",
            "url": f"{api}/actions/workflows/{workflow_id}",
        },
        "workflow_run": run,
    }


def schemas_available() -> bool:
    return SCHEMAS.is_dir()


@functools.cache
def _registry() -> Any:
    from referencing import Registry
    from referencing.jsonschema import DRAFT7

    resources = []
    for path in SCHEMAS.rglob("*.schema.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        # "$ref": "common/issue.schema.json" resolves against schemas/, which
        # is also how each file's "$id" is written.
        resource = DRAFT7.create_resource(document)
        resources.append((document.get("$id") or path.relative_to(SCHEMAS).as_posix(), resource))
        resources.append((path.relative_to(SCHEMAS).as_posix(), resource))
    assert resources, f"no *.schema.json under {SCHEMAS}"
    return Registry().with_resources(resources)


def validate(payload: dict[str, Any], event: str = "issue_comment") -> None:
    """Check a payload against GitHub's published schema for its event and action.

    Where the schemas are not available (they are reference data of the
    development machine, not of the repository), the check is left out and the
    test goes on: the payload builders are what the tests exercise."""
    if not schemas_available():
        return
    import jsonschema

    schema_file = SCHEMAS / event / f"{payload['action']}.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, registry=_registry()).validate(payload)


def write(path: Path, payload: dict[str, Any]) -> Path:
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
