"""`contest score record`: a judge's /score comment on GitHub, checked and committed to the ledger.

Input is the ``issue_comment`` webhook payload exactly as GitHub sends it
(``$GITHUB_EVENT_PATH`` in a workflow). Every decision comes from trusted
data only: the checkout of the default branch (contest.yml, entries/,
scores/, results/) and the payload's fields that GitHub itself fills in
(the commenter's login, the comment's server-side time, the issue number).
``author_association``, ``github.actor`` and ``sender`` are never consulted:
a judge is whoever contest.yml names for the round. Nothing from the pull
request is run, imported or even checked out: its head is fetched only to
list which paths it touches.

Which entry a pull request is for, in this order:

1. Fetch ``refs/pull/N/head`` (GitHub keeps it after a merge or close) to
   ``refs/contest/pr/N`` and list what it changes since it forked from the
   default branch. For a pull request merged with a merge commit the head is
   already part of the default branch, so the fork point is taken from the
   branch as it was just before that merge (the oldest commit of the default
   branch's first-parent line that contains the head).
2. If the head cannot be fetched, find the pull request's merge on the
   default branch's first-parent line by GitHub's own commit titles
   (``Merge pull request #N from ...`` or a squash title ending ``(#N)``) and
   take what that commit changed.

The pull request must touch exactly one ``entries/<slug>/`` folder, and that
entry must be on the default branch: the team that decides conflicts of
interest is read from there, never from the pull request, whose author could
otherwise take a judge off the team just to be scored by them.

A refusal (not a judge, round closed, conflict, bad marks, ...) writes a
reply and changes nothing. A recorded score is one commit: the score file,
authored by the judge (dated with the comment's time), committed by the
contest bot, with the comment's address and time as trailers. With
``push``, a rejected push (another judge's score landed first) is followed
by a fetch, a reset to the new tip and the whole decision again, since each
score is one file and the new tip may have changed what is right (the same
score already recorded, a newer comment already recorded); this repeats with
exponential backoff and jitter, so concurrent judges never lose a score, and
an older comment never overwrites a newer one.
"""

from __future__ import annotations

import contextlib
import random
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import git

from site_builder.core import fileio, gitrepo, messages
from site_builder.core.contest import Contest, Round, load_contest
from site_builder.core.errors import ContestDefinitionError, GitError, UsageError
from site_builder.core.loader import ENTRY_SIZE_LIMIT, LoadFailure, load_file
from site_builder.core.problems import Problem
from site_builder.core.reporter import markdown_escape
from site_builder.judging import assignment, ledger, scorecomment
from site_builder.judging.ledger import ScoreRecord
from site_builder.submissions.entries import ENTRIES_DIR, MANIFEST, SLUG

BOT = git.Actor("contest-bot", "contest-bot@users.noreply.github.com")
PR_REF = "refs/contest/pr/{number}"
ATTEMPTS = 20
"""Sixteen judges pushing at once needed up to 7 attempts each in tests; 20 leaves room
for a slow, loaded runner. A score run that waits is cheap; a lost score is not."""
BACKOFF_BASE = 0.25
"""Seconds; the n-th retry waits a random time ("full jitter") up to slot * 2**(n-1), where
the slot is the longer of this and how long the failed attempt took: contenders collide
when their fetch-to-push stretches overlap, so the waits must grow with that stretch,
which is long on a loaded runner."""
BACKOFF_CAP = 15.0

_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_BRANCH = re.compile(r"^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}(?<![./])$")
_MERGE_TITLE = "Merge pull request #{number} from "
_SQUASH_SUFFIX = "(#{number})"
_RACE = (
    "[rejected]", "non-fast-forward", "fetch first", "failed to update ref", "cannot lock ref",
    "incorrect old value", "stale info", "failed to lock", "unable to create",
)
_TRANSIENT = (
    "could not resolve host", "connection reset", "connection timed out", "early eof",
    "rpc failed", "the remote end hung up", "http 5", "returned error: 5", "timed out",
)


class Outcome(Enum):
    RECORDED = "recorded"
    WITHDRAWN = "withdrawn"
    UNCHANGED = "unchanged"
    SUPERSEDED = "superseded"
    IGNORED = "ignored"
    REFUSED = "refused"
    FAILED = "failed"


_EXIT = {Outcome.REFUSED: 1, Outcome.FAILED: 2}


@dataclass(frozen=True)
class CommentEvent:
    """The fields of an ``issue_comment`` payload that the recorder uses."""

    action: str
    is_pull_request: bool
    number: int
    login: str
    body: str
    created_at: str
    """The comment's creation time as GitHub wrote it (stored as the score's event_time)."""
    moment: datetime
    html_url: str | None
    repository: str | None
    default_branch: str


@dataclass
class Result:
    """What `record_comment` did, and the Markdown reply to post on the pull request."""

    outcome: Outcome
    reply: str
    language: str
    path: str | None = None
    commit: str | None = None
    attempts: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 recorded (or nothing to do), 1 refused, 2 could not record."""
        return _EXIT.get(self.outcome, 0)


# --- the payload -------------------------------------------------------------------


def read_event(path: Path) -> CommentEvent:
    """The payload file GitHub Actions writes to $GITHUB_EVENT_PATH."""
    return event_from_payload(fileio.read_payload(path))


def event_from_payload(data: Any) -> CommentEvent:
    """Pick the trusted fields out of an ``issue_comment`` payload; a payload of another
    shape is a wiring mistake (the workflow's trigger), so it stops the command."""

    def get(path: str, kind: type | tuple[type, ...], *, required: bool = True) -> Any:
        node = data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None and not required:
            return None
        if not isinstance(node, kind) or isinstance(node, bool):
            raise UsageError(
                f"the event payload is not an issue_comment payload: '{path}' is missing "
                "or has the wrong type (trigger the workflow with on: issue_comment)"
            )
        return node

    action = get("action", str)
    number = get("issue.number", int)
    login = get("comment.user.login", str)
    body = get("comment.body", str)
    created_at = get("comment.created_at", str)
    try:
        moment = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"comment.created_at '{created_at[:40]}' is not a time") from None
    if moment.tzinfo is None or number < 1:
        raise UsageError("comment.created_at needs an offset and issue.number must be positive")
    html_url = get("comment.html_url", str, required=False)
    if html_url is not None and (not html_url.startswith("https://") or len(html_url) > 500):
        html_url = None
    branch = get("repository.default_branch", str)
    if not _BRANCH.match(branch):
        raise UsageError(f"repository.default_branch '{branch[:60]}' is not a branch name")
    issue = data.get("issue") if isinstance(data, dict) else None
    return CommentEvent(
        action=action,
        is_pull_request=isinstance(issue, dict) and isinstance(issue.get("pull_request"), dict),
        number=number,
        login=login,
        body=body,
        created_at=created_at,
        moment=moment,
        html_url=html_url,
        repository=get("repository.full_name", str, required=False),
        default_branch=branch,
    )


# --- the decision ----------------------------------------------------------------------


class _Refusal(Exception):
    """Internal: stop deciding and refuse with these problems (and perhaps a template)."""

    def __init__(self, problems: list[Problem], round_: Round | None = None) -> None:
        super().__init__(problems[0].code if problems else "refused")
        self.problems = problems
        self.round = round_


@dataclass(frozen=True)
class _Target:
    """Who scores what: checked before the marks are looked at."""

    round: Round
    slug: str
    judge_login: str
    """The judge as contest.yml spells the login."""
    path: str


@dataclass(frozen=True)
class _Plan:
    outcome: Outcome
    target: _Target
    record: ScoreRecord | None = None


def _refuse(code: str, **params: Any) -> _Refusal:
    return _Refusal([Problem(scorecomment.SOURCE, None, None, code, params)])


def _when(moment: datetime) -> str:
    return moment.isoformat()


def _choose_round(contest: Contest, command: scorecomment.Command, event: CommentEvent) -> Round:
    rounds = [r.id for r in contest.rounds]
    if command.round_id is not None:
        round_ = contest.round(command.round_id)
        if round_ is None:
            raise _refuse("score.unknown-round", round=command.round_id, rounds=rounds)
        return round_
    round_ = contest.round_at(event.moment)
    if round_ is None:
        windows = "; ".join(f"{r.id} {_when(r.opens)} ~ {_when(r.closes)}" for r in contest.rounds)
        raise _refuse("score.no-open-round", time=event.created_at, windows=windows)
    return round_


def _check_judge(contest: Contest, round_: Round, event: CommentEvent) -> str:
    judge = contest.judge(event.login) if _LOGIN.match(event.login) else None
    if judge is None:
        raise _refuse("score.not-judge", login=event.login)
    if not round_.has_judge(event.login):
        judging = [r.id for r in contest.rounds if r.has_judge(event.login)]
        raise _refuse("score.not-round-judge", login=event.login, round=round_.id,
                      rounds=judging or "-")
    # The comment's time in the round's own offset: nobody should convert UTC to compare.
    local = event.moment.astimezone(round_.closes.tzinfo)
    params = {"round": round_.id, "time": _when(local), "opens": _when(round_.opens),
              "closes": _when(round_.closes)}
    if event.moment < round_.opens:
        raise _refuse("score.round-not-open", **params)
    if event.moment > round_.closes:
        raise _refuse("score.round-closed", **params)
    return judge.github


def _entry_team(root: Path, slug: str, branch: str) -> frozenset[str]:
    """The team of an entry on the default branch; refuses when it is not there."""
    manifest = root / ENTRIES_DIR / slug / MANIFEST
    if not SLUG.match(slug) or not manifest.is_file():
        raise _refuse("score.entry-not-merged", slug=slug, branch=branch)
    try:
        document = load_file(manifest, f"{ENTRIES_DIR}/{slug}/{MANIFEST}", ENTRY_SIZE_LIMIT)
    except LoadFailure:
        # The entry is there but unreadable: nobody can be shown to be on its
        # team, and contest validate reports the file itself.
        return frozenset()
    return ledger.team_logins(document.data)


def _check_advanced(root: Path, contest: Contest, round_: Round, slug: str) -> None:
    previous = contest.previous_round(round_)
    if previous is None:
        return
    found = ledger.read_advanced(root, previous.id)
    params = {"slug": slug, "round": round_.id, "previous": previous.id, "file": found.file}
    if found.problem is not None:
        raise _Refusal([found.problem])
    if found.slugs is None:
        raise _refuse("score.results-missing", **params)
    if slug not in found.slugs:
        raise _refuse("score.not-advanced", advanced=sorted(found.slugs) or "-", **params)


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


def _plan(
    root: Path,
    repo: git.Repo,
    contest: Contest,
    parsed: scorecomment.Parsed,
    event: CommentEvent,
    slug_of: Callable[[], str],
    git_path: Callable[[str], str],
) -> _Plan:
    """Decide from the checkout as it is now. Raises `_Refusal`."""
    command = parsed.command
    assert command is not None
    # Who and when first: a stranger's /score is answered with "not a judge",
    # not with remarks on its syntax, and costs no fetch.
    round_ = _choose_round(contest, command, event)
    judge_login = _check_judge(contest, round_, event)
    slug = slug_of()
    team = _entry_team(root, slug, event.default_branch)
    target = _Target(round_, slug, judge_login, ledger.score_path(round_.id, slug, judge_login))
    this = ledger.order_key(event.created_at, event.html_url)
    existing = None
    if (root / target.path).exists():
        existing, _ = ledger.read_record(root, target.path)
    latest = existing.order_key() if existing else _latest_recorded(repo, git_path(target.path))
    superseded = latest is not None and latest > this

    if command.action == "withdraw":
        # A conflicted judge may still withdraw: that repairs the ledger.
        if not (root / target.path).exists():
            raise _refuse("score.nothing-to-withdraw", login=event.login, slug=slug,
                          round=round_.id)
        return _Plan(Outcome.SUPERSEDED if superseded else Outcome.WITHDRAWN, target)

    why = ledger.conflict(contest, event.login, slug, team)
    if why is not None:
        raise _refuse(f"score.conflict-{why}", login=event.login, slug=slug)
    _check_advanced(root, contest, round_, slug)
    unassigned = assignment.allows(root, contest, round_, slug, judge_login)
    if unassigned is not None:
        raise _Refusal([unassigned])
    checked = scorecomment.ballot(command, round_)
    if checked.ballot is None or parsed.problems:
        raise _Refusal([*parsed.problems, *checked.problems], round_)
    record = ScoreRecord(
        round=round_.id,
        entry=slug,
        judge=judge_login,
        scores=dict(checked.ballot.marks),
        event_time=event.created_at,
        rubric_sha256=round_.rubric_sha256(),
        comment=checked.ballot.comment,
        comment_url=event.html_url,
        pull_request=event.number,
    )
    if existing is not None and existing.same_score(record):
        return _Plan(Outcome.UNCHANGED, target, existing)
    if superseded:
        return _Plan(Outcome.SUPERSEDED, target)
    return _Plan(Outcome.RECORDED, target, record)


# --- which entry a pull request is for ----------------------------------------------------


def _fetch_head(repo: git.Repo, remote: str, number: int) -> tuple[git.Commit | None, str]:
    ref = PR_REF.format(number=number)
    try:
        repo.git.fetch("--no-tags", "--quiet", remote, f"+refs/pull/{number}/head:{ref}")
    except git.GitCommandError as exc:
        return None, str(exc.stderr or exc).strip()
    return repo.commit(ref), ""


def _head_changes(repo: git.Repo, base: git.Commit, head: git.Commit) -> list[gitrepo.Change]:
    if repo.is_ancestor(head, base):
        # Merged with a merge commit: measure from the default branch as it was
        # just before the merge, or the whole pull request looks empty.
        chain = repo.git.rev_list(
            "--first-parent", "--ancestry-path", f"{head.hexsha}..{base.hexsha}"
        ).split()
        if chain:
            merge = repo.commit(chain[-1])
            before = merge.parents[0]
            if before.hexsha != head.hexsha:
                return gitrepo.changes(repo, gitrepo.merge_base(repo, before, head), head)
        # Fast-forwarded onto the default branch (GitHub never does this): the
        # head commit's own changes are all that can be told apart.
        if not head.parents:
            return []
        return gitrepo.changes(repo, head.parents[0], head)
    return gitrepo.changes(repo, gitrepo.merge_base(repo, base, head), head)


def _merge_changes(repo: git.Repo, base: git.Commit, number: int) -> list[gitrepo.Change] | None:
    """What the pull request's merge commit (or squash commit) on the default branch changed."""
    if (Path(repo.git_dir) / "shallow").exists():
        with contextlib.suppress(git.GitCommandError):
            repo.git.fetch("--no-tags", "--quiet", "--unshallow", "origin")
    log = repo.git.log("--first-parent", "--format=%H %s", base.hexsha)
    merge_title = _MERGE_TITLE.format(number=number)
    squash = _SQUASH_SUFFIX.format(number=number)
    for line in log.splitlines():
        sha, _, subject = line.partition(" ")
        if subject.startswith(merge_title) or subject.rstrip().endswith(squash):
            commit = repo.commit(sha)
            if not commit.parents:
                return None
            return gitrepo.changes(repo, commit.parents[0], commit)
    return None


def _entry_of_pull_request(repo: git.Repo, remote: str, event: CommentEvent) -> str:
    base = repo.head.commit
    head, error = _fetch_head(repo, remote, event.number)
    changed = _head_changes(repo, base, head) if head is not None else None
    if changed is None:
        changed = _merge_changes(repo, base, event.number)
    if changed is None:
        if error and "couldn't find remote ref" not in error.lower():
            raise GitError(
                f"cannot fetch refs/pull/{event.number}/head from '{remote}' ({error}) and the "
                f"default branch has no merge commit for #{event.number}; check the remote and "
                "that the checkout has full history (actions/checkout: fetch-depth: 0)"
            )
        raise _refuse("score.no-entry", reason={
            "ko": f"PR #{event.number}의 커밋도, {event.default_branch} 브랜치의 병합 커밋도 "
                  "찾지 못했습니다",
            "en": f"neither the commits of #{event.number} nor its merge on "
                  f"{event.default_branch} were found",
        })
    slugs = sorted({c.path.split("/")[1] for c in changed
                    if c.path.startswith(f"{ENTRIES_DIR}/") and c.path.count("/") >= 2})
    if not slugs:
        raise _refuse("score.no-entry", reason={
            "ko": "출품작 폴더(entries/<slug>/)를 바꾸지 않는 PR입니다",
            "en": "it changes no entries/<slug>/ folder",
        })
    if len(slugs) > 1:
        raise _refuse("score.multiple-entries", slugs=slugs)
    return slugs[0]


# --- git: commit, push, retry ---------------------------------------------------------------


def _git_path(repo: git.Repo, root: Path) -> Callable[[str], str]:
    top = Path(repo.working_tree_dir or root).resolve()
    prefix = root.resolve().relative_to(top).as_posix()
    return lambda relative: relative if prefix == "." else f"{prefix}/{relative}"


def _commit(repo: git.Repo, root: Path, plan: _Plan, event: CommentEvent,
            git_path: Callable[[str], str]) -> str:
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
    author = git.Actor(event.login, f"{event.login}@users.noreply.github.com")
    commit = repo.index.commit(message, author=author, committer=BOT, author_date=event.moment)
    return str(commit.hexsha)


def _fetch_tip(repo: git.Repo, remote: str, branch: str) -> git.Commit:
    tracking = f"refs/remotes/{remote}/{branch}"
    try:
        repo.git.fetch("--no-tags", "--quiet", remote, f"+refs/heads/{branch}:{tracking}")
    except git.GitCommandError as exc:
        raise GitError(
            f"cannot fetch {branch} from '{remote}': {str(exc.stderr or exc).strip()}"
        ) from None
    return repo.commit(tracking)


def _start(repo: git.Repo, remote: str, branch: str) -> None:
    """Begin from the remote's tip: the ledger and rules there are the ones that count."""
    if repo.is_dirty(untracked_files=False):
        raise GitError(
            f"{repo.working_tree_dir} has uncommitted changes; score record --push works on "
            f"a clean checkout of {branch}"
        )
    tip = _fetch_tip(repo, remote, branch)
    head = repo.head.commit
    if head.hexsha == tip.hexsha:
        return
    if not repo.is_ancestor(head, tip):
        raise GitError(
            f"HEAD {head.hexsha[:12]} has commits that {remote}/{branch} does not have; "
            f"score record --push works on a checkout of {remote}/{branch}"
        )
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
        raise GitError(f"push to '{remote}' failed: {detail[-500:]}") from None
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
    if remote.startswith("-") or attempts < 1:
        raise UsageError("--remote must be a remote's name and --attempts at least 1")
    loaded = load_contest(root)
    if loaded.contest is None:
        raise ContestDefinitionError(
            "contest.yml is not valid on this checkout: run `contest validate contest.yml`",
            list(loaded.problems),
        )
    contest = loaded.contest
    language = lang or contest.language
    if event.action != "created":
        return _refused(language, [Problem(scorecomment.SOURCE, None, None, "score.edited")])
    if not event.is_pull_request:
        return _refused(language, [Problem(scorecomment.SOURCE, None, None,
                                           "score.not-pull-request")])
    header = [p for p in parsed.problems if p.code in _HEADER_CODES]
    if parsed.command is None or header:
        fallback = contest.round_at(event.moment)
        return _refused(language, header or list(parsed.problems), fallback)

    repo = gitrepo.open_repo(root)
    git_path = _git_path(repo, root)
    rng = rng or random.Random()  # noqa: S311 - jitter, not secrecy
    if push:
        _start(repo, remote, event.default_branch)
    slugs: list[str] = []

    def slug_of() -> str:
        # Found once: what the pull request touches does not change between attempts.
        if not slugs:
            slugs.append(_entry_of_pull_request(repo, remote, event))
        return slugs[0]

    maybe_landed = False
    last_error = ""
    for attempt in range(1, attempts + 1):
        started = time.monotonic()
        if attempt > 1:
            loaded = load_contest(root)
            if loaded.contest is None:
                raise ContestDefinitionError(
                    "contest.yml on the new tip of the default branch is not valid",
                    list(loaded.problems),
                )
            contest = loaded.contest
        try:
            plan = _plan(root, repo, contest, parsed, event, slug_of, git_path)
        except _Refusal as refusal:
            return _refused(language, refusal.problems, refusal.round,
                            explicit=parsed.command.round_id)
        if plan.outcome is Outcome.UNCHANGED and maybe_landed:
            # A push that reported failure had landed after all.
            sha = repo.git.log("-1", "--format=%H", "--", git_path(plan.target.path))
            landed_plan = _Plan(Outcome.RECORDED, plan.target, plan.record)
            return _done(language, landed_plan, event, sha or None, attempt - 1)
        if plan.outcome in (Outcome.UNCHANGED, Outcome.SUPERSEDED):
            return _done(language, plan, event, None, attempt)
        sha = _commit(repo, root, plan, event, git_path)
        if not push:
            return _done(language, plan, event, sha, attempt)
        landed, last_error = _push(repo, remote, event.default_branch)
        if landed:
            return _done(language, plan, event, sha, attempt)
        maybe_landed = maybe_landed or "[rejected]" not in last_error
        if attempt < attempts:
            slot = max(BACKOFF_BASE, time.monotonic() - started)
            sleep(rng.uniform(0, min(BACKOFF_CAP, slot * 2 ** (attempt - 1))))
        # Start again from the new tip: the decision may differ there.
        tip = _fetch_tip(repo, remote, event.default_branch)
        repo.git.reset("--hard", "--quiet", tip.hexsha)
    problem = Problem(scorecomment.SOURCE, None, None, "ui.push-failed",
                      {"attempts": attempts, "detail": last_error or "?"})
    reply = _reply_failed(language, problem)
    return Result(Outcome.FAILED, reply, language, attempts=attempts, problems=[problem])


# --- replies -----------------------------------------------------------------------------------


def _refused(
    language: str, problems: list[Problem], round_: Round | None = None,
    explicit: str | None = None,
) -> Result:
    unique = list(dict.fromkeys(problems))
    lines = [f"**{messages.render('ui.score-refused', language)}**", ""]
    for problem in unique:
        where = (messages.render("ui.line", language, {"line": problem.line}) + ": "
                 if problem.line else "")
        lines.append(f"- {where}{markdown_escape(problem.message(language))}")
        hint = problem.hint(language)
        if hint:
            how = messages.render("ui.how-to-fix", language)
            lines.append(f"  - {how}: {markdown_escape(hint)}")
    if round_ is not None and any(p.code in _TEMPLATE_CODES | _HEADER_CODES for p in unique):
        lines += ["", messages.render("ui.score-template", language), "", "```text",
                  scorecomment.template(round_, explicit_round=explicit is not None), "```"]
    return Result(Outcome.REFUSED, "\n".join(lines) + "\n", language, problems=unique)


_HEADER_CODES = frozenset({"score.header", "score.header-fields", "score.too-long",
                           "score.bad-text"})
_TEMPLATE_CODES = frozenset({
    "score.unknown-criterion", "score.missing-criteria", "score.duplicate-criterion",
    "score.line", "score.no-mark", "score.bad-number", "score.fraction", "score.negative",
    "score.too-many-decimals", "score.over-max", "score.after-comment", "score.header-fields",
})


def _done(
    language: str, plan: _Plan, event: CommentEvent, sha: str | None, attempts: int
) -> Result:
    target = plan.target
    title = {
        Outcome.RECORDED: "ui.score-recorded",
        Outcome.WITHDRAWN: "ui.score-withdrawn",
        Outcome.UNCHANGED: "ui.score-unchanged",
        Outcome.SUPERSEDED: "ui.score-superseded",
    }[plan.outcome]
    round_ = target.round
    lines = [
        f"**{messages.render(title, language)}**",
        "",
        f"- {messages.render('ui.score-entry', language)}: `{target.slug}`",
        f"- {messages.render('ui.score-round', language)}: "
        f"{markdown_escape(round_.name)} (`{round_.id}`)",
        f"- {messages.render('ui.score-judge', language)}: {markdown_escape(target.judge_login)}",
    ]
    if plan.outcome is Outcome.SUPERSEDED:
        lines += ["", markdown_escape(messages.render(
            "score.superseded", language,
            {"login": target.judge_login, "time": event.created_at}))]
    if plan.record is not None and plan.outcome in (Outcome.RECORDED, Outcome.UNCHANGED):
        lines += ["", f"| {messages.render('ui.score-criterion', language)} "
                      f"| {messages.render('ui.score-mark', language)} |", "| --- | ---: |"]
        for criterion in round_.criteria:
            mark = plan.record.scores.get(criterion.id)
            lines.append(f"| {markdown_escape(criterion.name)} (`{criterion.id}`) "
                         f"| {mark} / {criterion.max} |")
    if sha is not None:
        lines += ["", messages.render("ui.score-file", language,
                                      {"path": target.path, "commit": sha[:12]})]
    return Result(plan.outcome, "\n".join(lines) + "\n", language, target.path, sha, attempts)


def _reply_failed(language: str, problem: Problem) -> str:
    lines = [f"**{messages.render('ui.score-error', language)}**", "",
             markdown_escape(problem.message(language))]
    hint = problem.hint(language)
    if hint:
        lines += ["", markdown_escape(hint)]
    return "\n".join(lines) + "\n"


def error_reply(language: str, detail: str) -> str:
    """The reply when the command could not run at all (exit 2)."""
    return (
        f"**{messages.render('ui.score-error', language)}**\n\n"
        f"{markdown_escape(messages.render('ui.score-error-body', language))}\n\n"
        f"`{detail[:300].replace('`', '')}`\n"
    )


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
