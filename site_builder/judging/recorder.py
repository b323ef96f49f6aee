"""`contest score record`: a judge's /score comment on GitHub, checked and committed to the ledger.

Input is the ``issue_comment`` webhook payload exactly as GitHub sends it
(``$GITHUB_EVENT_PATH`` in a workflow). What the comment asks and whether it
stands is decided in `decision` from trusted data only (the checkout of the
default branch and the payload's fields GitHub fills in); which entry the pull
request is for is read from git in `pullentry`. Nothing from the pull request is
run, imported or even checked out.

This module is the git plumbing around that decision. A refusal writes a reply
and changes nothing. A recorded score is one commit: the score file, authored by
the judge (dated with the comment's time), committed by the contest bot, with
the comment's address and time as trailers. With ``push``, a rejected push
(another judge's score landed first) is followed by a fetch, a reset to the new
tip and the whole decision again, since each score is one file and the new tip
may have changed what is right (the same score already recorded, a newer comment
already recorded); this repeats with exponential backoff and jitter, so
concurrent judges never lose a score, and an older comment never overwrites a
newer one.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

import git

from site_builder.core import gitrepo
from site_builder.core.contest import Bot, load_contest
from site_builder.core.errors import ContestDefinitionError, GitError, UsageError
from site_builder.core.problems import Problem
from site_builder.judging import ledger, provenance, pullentry, scorecomment
from site_builder.judging.decision import (
    HEADER_CODES,
    CommentEvent,
    Facts,
    Outcome,
    Plan,
    Refusal,
    Result,
    decide,
    done,
    error_reply,
    event_from_payload,
    read_event,
    refused,
    reply_failed,
)
from site_builder.submissions.teams import team_history

__all__ = ["CommentEvent", "Outcome", "Result", "error_reply", "event_from_payload",
           "outputs", "read_event", "record_comment", "summary"]

ATTEMPTS = 20
"""Sixteen judges pushing at once needed up to 7 attempts each in tests; 20 leaves room
for a slow, loaded runner. A score run that waits is cheap; a lost score is not."""
BACKOFF_BASE = 0.25
"""Seconds; the n-th retry waits a random time ("full jitter") up to slot * 2**(n-1), where
the slot is the longer of this and how long the failed attempt took: contenders collide
when their fetch-to-push stretches overlap, so the waits must grow with that stretch,
which is long on a loaded runner."""
BACKOFF_CAP = 15.0

_RACE = (
    "[rejected]", "non-fast-forward", "fetch first", "failed to update ref", "cannot lock ref",
    "incorrect old value", "stale info", "failed to lock", "unable to create",
)
_TRANSIENT = (
    "could not resolve host", "connection reset", "connection timed out", "early eof",
    "rpc failed", "the remote end hung up", "http 5", "returned error: 5", "timed out",
)


def _latest_recorded(repo: git.Repo, git_path: str) -> tuple[datetime, int] | None:
    """When the score at `git_path` was last given or withdrawn, from the trailers of
    the last commit touching it (a withdrawal leaves no file to ask)."""
    try:
        sha = repo.git.log("-1", "--format=%H", "--", git_path)
    except git.GitCommandError:
        return None
    if not sha:
        return None
    trailers = repo.commit(sha).trailers_dict
    times = trailers.get("Event-Time") or []
    if not times:
        return None
    urls = trailers.get("Comment") or []
    try:
        return ledger.order_key(times[-1], urls[-1] if urls else None)
    except ValueError:
        return None


# --- git: commit, push, retry ---------------------------------------------------------------


def _git_path(repo: git.Repo, root: Path) -> Callable[[str], str]:
    top = Path(repo.working_tree_dir or root).resolve()
    prefix = root.resolve().relative_to(top).as_posix()
    return lambda relative: relative if prefix == "." else f"{prefix}/{relative}"


def _commit(repo: git.Repo, root: Path, plan: Plan, event: CommentEvent,
            git_path: Callable[[str], str], bot: Bot) -> str:
    """One commit of one score file, exactly as `provenance` checks it: committed by
    the contest's bot, authored by the judge, the trailers equal to the file's
    comment_url, event_time and pull_request."""
    target = plan.target
    path = git_path(target.path)
    if plan.outcome is Outcome.WITHDRAWN:
        repo.git.rm("--quiet", "--", path)
        folder = (root / target.path).parent
        with contextlib.suppress(OSError):  # leave no empty folders behind
            folder.rmdir()
            folder.parent.rmdir()
        subject = f"score: withdraw {target.slug} by {event.login} ({target.round.id})"
    else:
        assert plan.record is not None
        ledger.write_record(root, plan.record)
        repo.git.add("--", path)
        subject = f"score: {target.slug} by {event.login} ({target.round.id})"
    trailers = [f"Event-Time: {event.created_at}", f"Pull-Request: #{event.number}"]
    if event.html_url:
        trailers.insert(0, f"Comment: {event.html_url}")
    message = subject + "\n\n" + "\n".join(trailers) + "\n"
    author = git.Actor(event.login, f"{event.login}{provenance.NOREPLY}")
    committer = git.Actor(bot.name, bot.email)
    commit = repo.index.commit(message, author=author, committer=committer,
                               author_date=event.moment)
    return str(commit.hexsha)


def _fetch_tip(repo: git.Repo, remote: str, branch: str) -> git.Commit:
    tracking = f"refs/remotes/{remote}/{branch}"
    try:
        repo.git.fetch("--no-tags", "--quiet", remote, f"+refs/heads/{branch}:{tracking}")
    except git.GitCommandError as exc:
        raise GitError.coded("record.fetch-failed", branch=branch, remote=remote,
                             detail=str(exc.stderr or exc).strip()) from None
    return repo.commit(tracking)


def _start(repo: git.Repo, remote: str, branch: str) -> None:
    """Begin from the remote's tip: the ledger and rules there are the ones that count."""
    if repo.is_dirty(untracked_files=False):
        raise GitError.coded("record.dirty-checkout", path=str(repo.working_tree_dir),
                             branch=branch)
    tip = _fetch_tip(repo, remote, branch)
    head = repo.head.commit
    if head.hexsha == tip.hexsha:
        return
    if not repo.is_ancestor(head, tip):
        raise GitError.coded("record.checkout-ahead", head=head.hexsha[:12], remote=remote,
                             branch=branch)
    repo.git.reset("--hard", "--quiet", tip.hexsha)


def _push(repo: git.Repo, remote: str, branch: str) -> tuple[bool, str]:
    """Push HEAD; (True, "") when it landed, (False, why) when a retry may help.
    Raises GitError for failures no retry can fix (permissions, a missing remote)."""
    try:
        repo.git.push("--porcelain", remote, f"HEAD:refs/heads/{branch}")
    except git.GitCommandError as exc:
        detail = " ".join(f"{exc.stdout or ''} {exc.stderr or ''}".split())
        lowered = detail.lower()
        if any(sign in lowered for sign in _RACE + _TRANSIENT):
            return False, detail[-300:]
        raise GitError.coded("record.push-refused", remote=remote,
                             detail=detail[-500:]) from None
    return True, ""



# --- the command ---------------------------------------------------------------------------


def record_comment(
    root: Path,
    event: CommentEvent,
    *,
    push: bool = False,
    remote: str = "origin",
    attempts: int = ATTEMPTS,
    lang: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> Result:
    """Check a /score comment and, if it stands, commit it (and push it with `push`)."""
    parsed = scorecomment.parse(event.body)
    if not parsed.is_command or event.action == "deleted":
        return Result(Outcome.IGNORED, "", lang or "ko")
    if remote.startswith("-"):
        # It would reach git's command line as an option.
        raise UsageError.coded("record.bad-remote", remote=remote)
    if attempts < 1:
        raise UsageError.coded("record.bad-attempts", attempts=attempts)
    loaded = load_contest(root)
    if loaded.contest is None:
        raise ContestDefinitionError.coded("record.contest-invalid").with_problems(
            loaded.problems)
    contest = loaded.contest
    language = lang or contest.language
    if event.action != "created":
        return refused(language, [Problem(scorecomment.SOURCE, None, None, "score.edited")])
    if not event.is_pull_request:
        return refused(language, [Problem(scorecomment.SOURCE, None, None,
                                          "score.not-pull-request")])
    header = [p for p in parsed.problems if p.code in HEADER_CODES]
    if parsed.command is None or header:
        fallback = contest.round_at(event.moment)
        return refused(language, header or list(parsed.problems), fallback)

    repo = gitrepo.open_repo(root)
    git_path = _git_path(repo, root)
    rng = rng or random.Random()  # noqa: S311 - jitter, not secrecy
    if push:
        _start(repo, remote, event.default_branch)
    slugs: list[str] = []

    def slug_of() -> str:
        # Found once: what the pull request touches does not change between attempts.
        if not slugs:
            slugs.append(pullentry.entry_of_pull_request(repo, remote, event))
        return slugs[0]

    def past_team(slug: str) -> frozenset[str]:
        past = team_history(root, [judge.github for judge in contest.judges]).get(slug)
        return past.ever if past is not None else frozenset()

    facts = Facts(entry_of=slug_of,
                  latest_recorded=lambda path: _latest_recorded(repo, git_path(path)),
                  past_team=past_team)

    maybe_landed = False
    last_error = ""
    for attempt in range(1, attempts + 1):
        started = time.monotonic()
        if attempt > 1:
            loaded = load_contest(root)
            if loaded.contest is None:
                raise ContestDefinitionError.coded(
                    "record.contest-invalid-on-tip").with_problems(loaded.problems)
            contest = loaded.contest
        try:
            plan = decide(root, contest, parsed, event, facts)
        except Refusal as refusal:
            return refused(language, refusal.problems, refusal.round,
                           explicit=parsed.command.round_id)
        if plan.outcome is Outcome.UNCHANGED and maybe_landed:
            # A push that reported failure had landed after all.
            sha = repo.git.log("-1", "--format=%H", "--", git_path(plan.target.path))
            landed_plan = Plan(Outcome.RECORDED, plan.target, plan.record)
            return done(language, landed_plan, event, sha or None, attempt - 1)
        if plan.outcome in (Outcome.UNCHANGED, Outcome.SUPERSEDED):
            return done(language, plan, event, None, attempt)
        sha = _commit(repo, root, plan, event, git_path, contest.bot)
        if not push:
            return done(language, plan, event, sha, attempt)
        landed, last_error = _push(repo, remote, event.default_branch)
        if landed:
            return done(language, plan, event, sha, attempt)
        maybe_landed = maybe_landed or "[rejected]" not in last_error
        if attempt < attempts:
            slot = max(BACKOFF_BASE, time.monotonic() - started)
            sleep(rng.uniform(0, min(BACKOFF_CAP, slot * 2 ** (attempt - 1))))
        # Start again from the new tip: the decision may differ there.
        tip = _fetch_tip(repo, remote, event.default_branch)
        repo.git.reset("--hard", "--quiet", tip.hexsha)
    problem = Problem(scorecomment.SOURCE, None, None, "ui.push-failed",
                      {"attempts": attempts, "detail": last_error or "?"})
    reply = reply_failed(language, problem)
    return Result(Outcome.FAILED, reply, language, attempts=attempts, problems=[problem])


def summary(result: Result) -> str:
    """One line for the workflow log."""
    where = f" {result.path}" if result.path else ""
    commit = f" in {result.commit[:12]}" if result.commit else ""
    tries = f" (attempt {result.attempts})" if result.attempts else ""
    return f"contest: {result.outcome.value}{where}{commit}{tries}"


def outputs(result: Result) -> Mapping[str, str]:
    """Step outputs for a GitHub Actions workflow ($GITHUB_OUTPUT)."""
    return {
        "outcome": result.outcome.value,
        "path": result.path or "",
        "commit": result.commit or "",
        "attempts": str(result.attempts),
    }
