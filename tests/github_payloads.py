"""`issue_comment` webhook payloads in the shape GitHub documents, built for tests.

Every field GitHub always sends is present (users, the repository, the issue,
the comment, reactions), so a test exercises the recorder on what it will
really receive. `validate` checks a payload against the official JSON
schemas when /work/shared/github-webhooks is present, and skips otherwise.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

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


def validate(payload: dict[str, Any]) -> None:
    """Check a payload against GitHub's published schema for its action, if available."""
    schema_file = SCHEMAS / "issue_comment" / f"{payload['action']}.schema.json"
    if not schema_file.exists():
        pytest.skip("GitHub's webhook schemas are not available here")
    import jsonschema
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
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, registry=registry).validate(payload)


def write(path: Path, payload: dict[str, Any]) -> Path:
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
