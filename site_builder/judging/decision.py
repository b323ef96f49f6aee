"""What a /score comment asks, whether it stands, what file to write, what to reply.

Pure: it reads the checkout of the default branch (contest.yml, entries/, scores/,
results/) and the payload's fields that GitHub itself fills in, and asks git nothing
itself. What only git can tell (which entry the pull request is for, when a score was
last given or withdrawn) comes in through `Facts`, which the recorder answers from the
default branch's history; so every rule here can be tested without a repository.

`decide` is one sequence of checks, in the order a judge should hear about them: the
round and whether the commenter judges it (a stranger's /score is answered "not a
judge" and costs no git work), the entry, the order of comments, conflicts of
interest, advancement, then the marks. Each check raises `Refusal`; one more check
slots in as one more line.

``author_association``, ``github.actor`` and ``sender`` are never consulted: a judge
is whoever contest.yml names for the round.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from site_builder.core import github, messages
from site_builder.core.contest import Contest, Round
from site_builder.core.loader import ENTRY_SIZE_LIMIT, LoadFailure, load_file
from site_builder.core.logins import is_login
from site_builder.core.problems import Problem
from site_builder.core.reporter import markdown_escape
from site_builder.judging import assignment, ledger, scorecomment
from site_builder.judging.ledger import ScoreRecord
from site_builder.submissions.entries import ENTRIES_DIR, MANIFEST, SLUG

_BRANCH = re.compile(r"^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}(?<![./])\Z")


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
    return event_from_payload(github.read_payload(path))


def event_from_payload(data: Any) -> CommentEvent:
    """Pick the trusted fields out of an ``issue_comment`` payload; a payload of another
    shape is a wiring mistake (the workflow's trigger), so it stops the command."""
    payload = github.Payload(data, "issue_comment", "on: issue_comment")
    action = payload.field("action", str)
    number = payload.field("issue.number", int)
    if number < 1:
        raise payload.wrong("issue.number", "github.not-positive", value=number)
    login = payload.field("comment.user.login", str)
    body = payload.field("comment.body", str)
    created_at = payload.field("comment.created_at", str)
    try:
        moment = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    except ValueError:
        raise payload.wrong("comment.created_at", "github.not-a-time",
                            value=github.preview(created_at)) from None
    if moment.tzinfo is None:
        raise payload.wrong("comment.created_at", "github.no-offset",
                            value=github.preview(created_at))
    html_url = payload.optional("comment.html_url", str)
    if html_url is not None and (not html_url.startswith("https://") or len(html_url) > 500):
        html_url = None
    branch = payload.field("repository.default_branch", str)
    if not _BRANCH.match(branch):
        # The branch is fetched and pushed by name: one that reads as an option must not
        # get that far.
        raise payload.wrong("repository.default_branch", "github.not-a-branch",
                            value=github.preview(branch))
    return CommentEvent(
        action=action,
        is_pull_request=payload.holds("issue.pull_request", dict),
        number=number,
        login=login,
        body=body,
        created_at=created_at,
        moment=moment,
        html_url=html_url,
        repository=payload.optional("repository.full_name", str),
        default_branch=branch,
    )


# --- the decision ----------------------------------------------------------------------


class Refusal(Exception):
    """Stop deciding and refuse with these problems (and perhaps a template)."""

    def __init__(self, problems: list[Problem], round_: Round | None = None) -> None:
        super().__init__(problems[0].code if problems else "refused")
        self.problems = problems
        self.round = round_


@dataclass(frozen=True)
class Target:
    """Who scores what: checked before the marks are looked at."""

    round: Round
    slug: str
    judge_login: str
    """The judge as contest.yml spells the login."""
    path: str


@dataclass(frozen=True)
class Plan:
    """What to do: the outcome, and the record to write when there is one."""

    outcome: Outcome
    target: Target
    record: ScoreRecord | None = None


@dataclass(frozen=True)
class Facts:
    """What only git can tell, asked only when a check needs it.

    `entry_of` names the entry the pull request is for (or raises `Refusal`);
    `latest_recorded` gives the order key (`ledger.order_key`) of the last score given
    or withdrawn at a score path, None when there was none; `past_team` the judges
    (casefolded) on any team the entry had on the default branch (`teams.team_history`),
    so that leaving a team does not clear a conflict."""

    entry_of: Callable[[], str]
    latest_recorded: Callable[[str], tuple[datetime, int] | None]
    past_team: Callable[[str], frozenset[str]] = lambda slug: frozenset()


def refuse(code: str, **params: Any) -> Refusal:
    return Refusal([Problem(scorecomment.SOURCE, None, None, code, params)])


def _when(moment: datetime) -> str:
    return moment.isoformat()


def _choose_round(contest: Contest, command: scorecomment.Command, event: CommentEvent) -> Round:
    rounds = [r.id for r in contest.rounds]
    if command.round_id is not None:
        round_ = contest.round(command.round_id)
        if round_ is None:
            raise refuse("score.unknown-round", round=command.round_id, rounds=rounds)
        return round_
    round_ = contest.round_at(event.moment)
    if round_ is None:
        windows = "; ".join(f"{r.id} {_when(r.opens)} ~ {_when(r.closes)}" for r in contest.rounds)
        raise refuse("score.no-open-round", windows=windows,
                     time=_when(event.moment.astimezone(contest.submission_close.tzinfo)))
    return round_


def _check_judge(contest: Contest, round_: Round, event: CommentEvent) -> str:
    judge = contest.judge(event.login) if is_login(event.login) else None
    if judge is None:
        raise refuse("score.not-judge", login=event.login)
    if not round_.has_judge(event.login):
        judging = [r.id for r in contest.rounds if r.has_judge(event.login)]
        raise refuse("score.not-round-judge", login=event.login, round=round_.id,
                      rounds=judging or "-")
    # The comment's time in the round's own offset: nobody should convert UTC to compare.
    local = event.moment.astimezone(round_.closes.tzinfo)
    params = {"round": round_.id, "time": _when(local), "opens": _when(round_.opens),
              "closes": _when(round_.closes)}
    if event.moment < round_.opens:
        raise refuse("score.round-not-open", **params)
    if event.moment > round_.closes:
        raise refuse("score.round-closed", **params)
    return judge.github


def _entry_team(root: Path, slug: str, branch: str) -> frozenset[str]:
    """The team of an entry on the default branch; refuses when it is not there."""
    manifest = root / ENTRIES_DIR / slug / MANIFEST
    if not SLUG.match(slug) or not manifest.is_file():
        raise refuse("score.entry-not-merged", slug=slug, branch=branch)
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
        raise Refusal([found.problem])
    if found.slugs is None:
        raise refuse("score.results-missing", **params)
    if slug not in found.slugs:
        raise refuse("score.not-advanced", advanced=sorted(found.slugs) or "-", **params)


def decide(
    root: Path, contest: Contest, parsed: scorecomment.Parsed, event: CommentEvent,
    facts: Facts,
) -> Plan:
    """Decide from the checkout as it is now. Raises `Refusal`."""
    command = parsed.command
    assert command is not None
    # Who and when first: a stranger's /score is answered with "not a judge",
    # not with remarks on its syntax, and costs no fetch.
    round_ = _choose_round(contest, command, event)
    judge_login = _check_judge(contest, round_, event)
    slug = facts.entry_of()
    team = _entry_team(root, slug, event.default_branch) | facts.past_team(slug)
    target = Target(round_, slug, judge_login, ledger.score_path(round_.id, slug, judge_login))
    this = ledger.order_key(event.created_at, event.html_url)
    existing = None
    if (root / target.path).exists():
        existing, _ = ledger.read_record(root, target.path)
    latest = existing.order_key() if existing else facts.latest_recorded(target.path)
    superseded = latest is not None and latest > this

    if command.action == "withdraw":
        # A conflicted judge may still withdraw: that repairs the ledger.
        if not (root / target.path).exists():
            raise refuse("score.nothing-to-withdraw", login=event.login, slug=slug,
                          round=round_.id)
        return Plan(Outcome.SUPERSEDED if superseded else Outcome.WITHDRAWN, target)

    why = ledger.conflict(contest, event.login, slug, team)
    if why is not None:
        raise refuse(f"score.conflict-{why}", login=event.login, slug=slug)
    _check_advanced(root, contest, round_, slug)
    unassigned = assignment.allows(root, contest, round_, slug, judge_login)
    if unassigned is not None:
        raise Refusal([unassigned])
    checked = scorecomment.ballot(command, round_)
    if checked.ballot is None or parsed.problems:
        raise Refusal([*parsed.problems, *checked.problems], round_)
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
        return Plan(Outcome.UNCHANGED, target, existing)
    if superseded:
        return Plan(Outcome.SUPERSEDED, target)
    return Plan(Outcome.RECORDED, target, record)


# --- replies -----------------------------------------------------------------------------------


def refused(
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
    if round_ is not None and any(p.code in _TEMPLATE_CODES | HEADER_CODES for p in unique):
        lines += ["", messages.render("ui.score-template", language), "", "```text",
                  scorecomment.template(round_, explicit_round=explicit is not None), "```"]
    return Result(Outcome.REFUSED, "\n".join(lines) + "\n", language, problems=unique)


HEADER_CODES = frozenset({"score.header", "score.header-fields", "score.too-long",
                           "score.bad-text"})
_TEMPLATE_CODES = frozenset({
    "score.unknown-criterion", "score.missing-criteria", "score.duplicate-criterion",
    "score.line", "score.no-mark", "score.bad-number", "score.fraction", "score.negative",
    "score.too-many-decimals", "score.over-max", "score.after-comment", "score.header-fields",
})


def done(
    language: str, plan: Plan, event: CommentEvent, sha: str | None, attempts: int
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
            {"login": target.judge_login,
             "time": _when(event.moment.astimezone(round_.closes.tzinfo))}))]
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


def reply_failed(language: str, problem: Problem) -> str:
    lines = [f"**{messages.render('ui.score-error', language)}**", "",
             markdown_escape(problem.message(language))]
    hint = problem.hint(language)
    if hint:
        lines += ["", markdown_escape(hint)]
    return "\n".join(lines) + "\n"


def error_reply(language: str, detail: str, hint: str | None = None) -> str:
    """The reply when the command could not run at all (exit 2): `detail`, what stopped
    it, and `hint`, how organizers fix that, both in `language` (`ContestError.parts`).

    The detail goes in a code span, on one line: it can quote git's output or a bad
    value from the payload, which must reach the judge verbatim and inert."""
    shown = " ".join(detail.split())[:300].replace("`", "")
    reply = (
        f"**{messages.render('ui.score-error', language)}**\n\n"
        f"{markdown_escape(messages.render('ui.score-error-body', language))}\n\n"
        f"`{shown}`\n"
    )
    return reply + f"\n{markdown_escape(hint)}\n" if hint else reply
