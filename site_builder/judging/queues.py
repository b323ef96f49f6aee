"""Each judge's queue in a round with panels: assigned, scored, left.

`contest status` shows the queues; `contest queues` writes them as the body of one
GitHub issue per round (a checklist per judge, each entry linked to its pull
request), which a scheduled workflow posts with `gh`, finding the issue again by the
hidden marker on the body's first line, so it is edited in place rather than posted
anew.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_builder.core import messages
from site_builder.core.contest import Contest, Round
from site_builder.core.errors import UsageError
from site_builder.core.problems import Problem
from site_builder.core.reporter import markdown_escape
from site_builder.judging import assignment, ledger

BODY_LIMIT = 60_000
"""GitHub refuses issue bodies over 65,536 characters; this leaves room for the marker."""
_MERGE = re.compile(r"^Merge pull request #([0-9]{1,9}) from ")
_SQUASH = re.compile(r"\(#([0-9]{1,9})\)\s*$")


def marker(round_id: str) -> str:
    """The hidden first line that finds a round's queue issue again."""
    return f"<!-- contest-queues:{round_id} -->"


@dataclass(frozen=True)
class Queue:
    judge: str
    assigned: tuple[str, ...]
    scored: frozenset[str]

    @property
    def left(self) -> tuple[str, ...]:
        return tuple(slug for slug in self.assigned if slug not in self.scored)


@dataclass(frozen=True)
class Queues:
    round: Round
    file: str
    size: int
    entries: int
    queues: tuple[Queue, ...]


def queues(root: Path, contest: Contest, round_: Round
           ) -> tuple[Queues | None, list[Problem]]:
    """The round's queues, or None when it has no assignment file."""
    found, problems = assignment.read_assignment(root, round_.id)
    if found is None:
        return None, problems
    records, _ = ledger.load_ledger(root, contest, round_.id)
    scored: dict[str, set[str]] = {}
    for record in records:
        scored.setdefault(record.judge.casefold(), set()).add(record.entry)
    by_judge: dict[str, list[str]] = {}
    for slug in sorted(found.panels):
        for login in found.panels[slug]:
            by_judge.setdefault(login.casefold(), []).append(slug)
    judges = [listed.github if (listed := contest.judge(login)) is not None else login
              for login in round_.judges]
    return Queues(
        round_, assignment.assignment_file(round_.id), found.size, len(found.panels),
        tuple(Queue(j, tuple(by_judge.get(j.casefold(), ())),
                    frozenset(scored.get(j.casefold(), set())) & set(by_judge.get(
                        j.casefold(), ())))
              for j in judges),
    ), []


def pull_requests(root: Path) -> dict[str, int]:
    """slug -> the pull request that last changed entries/<slug>/ on the checked-out
    branch, from GitHub's merge and squash commit titles; empty without git history."""
    try:
        done = subprocess.run(
            ["git", "log", "--first-parent", "--diff-merges=first-parent", "--name-only",
             "--format=%x00%s", "--", "entries/"],
            cwd=root, capture_output=True, text=True, check=False, timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if done.returncode != 0:
        return {}
    found: dict[str, int] = {}
    for block in done.stdout.split("\0")[1:]:
        subject, _, names = block.partition("\n")
        match = _MERGE.match(subject) or _SQUASH.search(subject)
        if match is None:
            continue
        for name in names.split("\n"):
            parts = name.split("/")
            if len(parts) >= 3 and parts[0] == "entries":
                found.setdefault(parts[1], int(match.group(1)))  # newest first
    return found


def _link(contest: Contest, slug: str, numbers: Mapping[str, int]) -> str:
    if contest.repository is None:
        return f"`{slug}`"
    number = numbers.get(slug)
    if number is not None:
        return f"[`{slug}`](https://github.com/{contest.repository}/pull/{number})"
    return f"[`{slug}`](https://github.com/{contest.repository}/tree/HEAD/entries/{slug})"


def issue_title(found: Queues, lang: str) -> str:
    return messages.render("ui.queues-issue-title", lang,
                           {"name": found.round.name, "round": found.round.id})


def issue_body(contest: Contest, found: Queues, numbers: Mapping[str, int], lang: str) -> str:
    """The issue's Markdown: the marker, a summary, and a checklist per judge. When the
    whole checklist would pass GitHub's limit, only the entries left are listed, as
    many per judge as fit, with a count of the rest."""
    head = [
        marker(found.round.id),
        f"## {markdown_escape(issue_title(found, lang))}",
        "",
        markdown_escape(messages.render("ui.queues-intro", lang,
                                        {"file": found.file, "size": found.size})),
        "",
        messages.render("ui.queues-summary", lang, {
            "entries": found.entries, "judges": len(found.queues),
            "scored": sum(len(q.scored) for q in found.queues),
            "assigned": sum(len(q.assigned) for q in found.queues)}),
        "",
    ]
    round_id = found.round.id
    full = head + [line for q in found.queues
                   for line in _section(contest, q, numbers, lang, round_id, None)]
    text = "\n".join(full) + "\n"
    if len(text) <= BODY_LIMIT:
        return text
    for cap in (200, 100, 50, 20, 10, 5, 2, 1, 0):
        body = head + [messages.render("ui.queues-left-only", lang), ""] + [
            line for q in found.queues
            for line in _section(contest, q, numbers, lang, round_id, cap)]
        text = "\n".join(body) + "\n"
        if len(text) <= BODY_LIMIT:
            break
    return text


def _section(contest: Contest, queue: Queue, numbers: Mapping[str, int], lang: str,
             round_id: str, left_cap: int | None) -> list[str]:
    counts = messages.render("ui.status-queue", lang, {
        "assigned": len(queue.assigned), "scored": len(queue.scored),
        "left": len(queue.left)})
    lines = [f"### {markdown_escape(queue.judge)}", "", counts, ""]
    if left_cap is None:
        lines += [f"- [{'x' if slug in queue.scored else ' '}] {_link(contest, slug, numbers)}"
                  for slug in queue.assigned]
    else:
        lines += [f"- [ ] {_link(contest, slug, numbers)}" for slug in queue.left[:left_cap]]
        rest = len(queue.left) - left_cap
        if rest > 0:
            lines.append(messages.render("ui.queues-more", lang,
                                         {"count": rest, "round": round_id}))
    lines.append("")
    return lines


def write_bodies(root: Path, contest: Contest, out: Path, lang: str,
                 round_ids: Sequence[str] | None = None) -> list[Path]:
    """`<round>.md` (the body) and `<round>.title` in `out` for every round with an
    assignment file (or those asked); the files written."""
    chosen = [contest.round(r) for r in round_ids] if round_ids else list(contest.rounds)
    unknown = [r for r in round_ids or () if contest.round(r) is None]
    if unknown:
        raise UsageError.coded("assign.unknown-round", round=unknown[0],
                               rounds=[r.id for r in contest.rounds])
    numbers = pull_requests(root)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for round_ in chosen:
        assert round_ is not None
        found, problems = queues(root, contest, round_)
        if problems:
            raise assignment.unreadable(round_.id, problems[0])
        if found is None:
            continue
        body = out / f"{round_.id}.md"
        body.write_text(issue_body(contest, found, numbers, lang), encoding="utf-8")
        (out / f"{round_.id}.title").write_text(issue_title(found, lang) + "\n",
                                                encoding="utf-8")
        written.append(body)
    return written
