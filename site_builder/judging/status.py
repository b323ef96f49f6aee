"""`contest status`: who has scored what in a round, and what is still missing.

The coverage matrix is the round's entries against the round's judges. A
cell is ``scored``, ``missing`` or ``conflict`` (the judge declared one, or is
on the entry's team): a conflict is not a missing score, and an entry whose
unconflicted judges are fewer than ``min_judges`` can never become complete,
which organizers need to know early enough to add a judge.

From the second round on, the round's entries are those listed as advanced
in results/<previous>.json; without that file every entry is shown, with a
note saying so. Everything here is read from the working tree through the
same loaders as ``contest validate``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from site_builder.core import messages, parallel
from site_builder.core.contest import Contest, Round
from site_builder.core.errors import UsageError
from site_builder.core.loader import ENTRY_SIZE_LIMIT, LoadFailure, collection_paused, load_file
from site_builder.core.reporter import Rendering, markdown_escape
from site_builder.judging import assignment, ledger
from site_builder.submissions.entries import ENTRIES_DIR, MANIFEST
from site_builder.submissions.teams import team_history, team_logins, unchanged_since
from site_builder.tallying import roster

FORMATS = ("text", "markdown", "json")
# From this many entries their manifests are read by forked processes too (`parallel`).
PARALLEL_ENTRIES = 200
PARALLEL_CHUNK = 64
State = Literal["scored", "missing", "conflict"]
_SYMBOL: Mapping[str, str] = {"scored": "✓", "missing": "·", "conflict": "✗"}


@dataclass
class Coverage:
    round: Round
    entries: list[str]
    judges: list[str]
    """The round's judges, spelled as in contest.yml."""
    cells: dict[tuple[str, str], State]
    """The cells that are not ``missing``, by (entry, judge): a round of 5,000 entries
    and 200 judges has a million cells and a few tens of thousands of scores."""
    advanced_file: str | None = None
    """Set when the round's entries should come from this results file but it is missing."""
    unreadable: list[str] = field(default_factory=list)
    assigned: dict[str, list[str]] | None = None
    """With an assignments/<round>.yml: each judge's queue (slugs), by judge."""
    assignment_file: str | None = None

    def state(self, slug: str, judge: str) -> State:
        return self.cells.get((slug, judge), "missing")

    def scored(self, slug: str) -> int:
        return self._counts.get(slug, (0, 0))[0]

    def eligible(self, slug: str) -> int:
        """Judges of the round without a conflict with `slug`."""
        return len(self.judges) - self._counts.get(slug, (0, 0))[1]

    def symbols(self, slug: str) -> list[str]:
        """The row of `slug`: one `_SYMBOL` per judge, in the judges' order."""
        row = [_SYMBOL["missing"]] * len(self.judges)
        for judge, state in self._rows.get(slug, ()):
            row[self._column[judge]] = _SYMBOL[state]
        return row

    @functools.cached_property
    def _counts(self) -> dict[str, tuple[int, int]]:
        """(scored, conflicts) by entry, counted once from the cells that are set."""
        counts: dict[str, tuple[int, int]] = {}
        for (slug, _), state in self.cells.items():
            scored, conflicts = counts.get(slug, (0, 0))
            counts[slug] = (scored + (state == "scored"), conflicts + (state == "conflict"))
        return counts

    @functools.cached_property
    def _rows(self) -> dict[str, list[tuple[str, State]]]:
        rows: dict[str, list[tuple[str, State]]] = {}
        for (slug, judge), state in self.cells.items():
            rows.setdefault(slug, []).append((judge, state))
        return rows

    @functools.cached_property
    def _column(self) -> dict[str, int]:
        return {judge: index for index, judge in enumerate(self.judges)}

    def missing_by_judge(self) -> dict[str, list[str]]:
        cells = self.cells
        return {
            judge: [slug for slug in self.entries if (slug, judge) not in cells]
            for judge in self.judges
        }

    def queue(self, judge: str) -> tuple[list[str], list[str]]:
        """(assigned, left) of `judge` in a round with an assignment."""
        assigned = (self.assigned or {}).get(judge, [])
        return assigned, [slug for slug in assigned if self.state(slug, judge) != "scored"]

    def below_min(self) -> list[tuple[str, int, int]]:
        """(slug, scores, judges without a conflict) for entries under min_judges."""
        return [
            (slug, self.scored(slug), self.eligible(slug))
            for slug in self.entries
            if self.scored(slug) < self.round.min_judges
        ]

    @property
    def expected(self) -> int:
        return sum(self.eligible(slug) for slug in self.entries)

    @property
    def total_scored(self) -> int:
        return sum(self.scored(slug) for slug in self.entries)


def default_round(contest: Contest, now: datetime) -> Round:
    """The round open now; else the last one that has opened; else the first."""
    open_now = contest.round_at(now)
    if open_now is not None:
        return open_now
    started = [r for r in contest.rounds if r.opens <= now]
    return started[-1] if started else contest.rounds[0]


def coverage(root: Path, contest: Contest, round_id: str | None = None,
             now: datetime | None = None) -> Coverage:
    if round_id is not None:
        found = contest.round(round_id)
        if found is None:
            known = ", ".join(r.id for r in contest.rounds)
            raise UsageError.coded("score.unknown-round", round=round_id, rounds=known)
        round_ = found
    else:
        round_ = default_round(contest, now or datetime.now().astimezone())

    # Which entries the round judges is the tally's rule (roster); when the previous
    # round's results cannot say, every entry is shown, with a note naming the file.
    folders = roster.entry_folders(root)
    judged = roster.round_entries(root, contest, round_, folders)
    advanced_file = None
    if judged.problem is not None:
        slugs, advanced_file = folders, judged.problem.file
    else:
        chosen = set(judged.slugs)
        slugs = [s for s in folders if s in chosen]

    def read_teams(part: Sequence[str]) -> list[frozenset[str] | None]:
        """Each manifest read strictly (every judge of the round may be on a team);
        None when it cannot be read."""
        found: list[frozenset[str] | None] = []
        for slug in part:
            display = f"{ENTRIES_DIR}/{slug}/{MANIFEST}"
            try:
                found.append(team_logins(
                    load_file(root / display, display, ENTRY_SIZE_LIMIT).data))
            except LoadFailure:
                found.append(None)
        return found

    with collection_paused():
        parts = parallel.map_chunks(read_teams, slugs, minimum=PARALLEL_ENTRIES,
                                    chunk=PARALLEL_CHUNK)
    read = [team for part in parts for team in part]
    unreadable = [slug for slug, team in zip(slugs, read, strict=True) if team is None]
    teams = {slug: team or frozenset() for slug, team in zip(slugs, read, strict=True)}

    # contest.yml's spelling of each login (a round may list it in another case).
    judges = [listed.github if (listed := contest.judge(login)) is not None else login
              for login in round_.judges]
    by_login = {judge.casefold(): judge for judge in judges}
    # Only the pairs that can be a conflict are asked (`ledger.conflict` decides): the
    # judges who declared one with the entry, and the judges on its team, today or ever
    # on the default branch (a judge put on it after scoring keeps the score).
    pasts = team_history(root, judges)
    declared: dict[str, list[str]] = {}
    for judge in judges:
        entry = contest.judge(judge)
        for slug in entry.conflicts if entry is not None else ():
            declared.setdefault(slug, []).append(judge)
    cells: dict[tuple[str, str], State] = {}
    for slug in slugs:
        team, past = teams[slug], pasts.get(slug)
        ever = team | past.ever if past is not None else team
        candidates = {*declared.get(slug, ()), *(by_login[m] for m in ever if m in by_login)}
        for judge in candidates:
            recorded_before = functools.partial(
                unchanged_since, root, ledger.score_path(round_.id, slug, judge))
            if ledger.conflict(contest, judge, slug, team, past, recorded_before) is not None:
                cells[(slug, judge)] = "conflict"
    records, _ = ledger.load_ledger(root, contest, round_.id)
    in_round = set(slugs)
    for record in records:
        scorer = by_login.get(record.judge.casefold())
        if scorer is not None and record.entry in in_round:
            cells.setdefault((record.entry, scorer), "scored")  # a conflict stays one
    panels, problems = assignment.read_assignment(root, round_.id)
    if problems:
        raise assignment.unreadable(round_.id, problems[0])
    assigned = None
    if panels is not None:
        assigned = {judge: panels.queue(judge) for judge in judges}
    return Coverage(round_, slugs, judges, cells, advanced_file, unreadable, assigned,
                    assignment.assignment_file(round_.id) if panels is not None else None)


def _queue_lines(cov: Coverage, lang: str, *, markdown: bool) -> list[str]:
    """Each judge's queue: assigned, scored, left (and which are left)."""
    if cov.assigned is None:
        return []
    title = messages.render("ui.status-queues-title", lang, {"file": cov.assignment_file})
    lines = ["", f"#### {markdown_escape(title)}" if markdown else title]
    if markdown:
        lines.append("")
    for judge in cov.judges:
        assigned, left = cov.queue(judge)
        counts = messages.render("ui.status-queue", lang, {
            "assigned": len(assigned), "scored": len(assigned) - len(left), "left": len(left)})
        if markdown:
            listed = ", ".join(f"`{s}`" for s in left)
            lines.append(f"- {markdown_escape(judge)}: {counts}" + (f": {listed}" if left else ""))
        else:
            lines.append(f"  {judge}: {counts}" + (f": {', '.join(left)}" if left else ""))
    return lines


# --- rendering -----------------------------------------------------------------------


def _legend(lang: str) -> str:
    return "  ".join(f"{_SYMBOL[s]} {messages.render(f'ui.status-{s}', lang)}"
                     for s in ("scored", "missing", "conflict"))


def _summary(cov: Coverage, lang: str) -> str:
    return messages.render("ui.status-summary", lang, {
        "entries": len(cov.entries), "judges": len(cov.judges),
        "scored": cov.total_scored, "expected": cov.expected,
    })


def render_text(cov: Coverage, lang: str) -> str:
    r = cov.round
    lines = [messages.render("ui.status-title", lang, {"round": r.id, "name": r.name}),
             f"{r.opens.isoformat()} ~ {r.closes.isoformat()}, min_judges {r.min_judges}",
             _summary(cov, lang)]
    if cov.advanced_file:
        lines.append(messages.render("ui.status-advanced-unknown", lang,
                                     {"file": cov.advanced_file}))
    if cov.unreadable:
        lines.append(messages.render("ui.status-unreadable", lang,
                                     {"entries": ", ".join(cov.unreadable)}))
    lines.append("")
    if not cov.entries:
        lines.append(messages.render("ui.status-no-entries", lang))
        return "\n".join(lines) + "\n"
    for index, judge in enumerate(cov.judges, 1):
        lines.append(f"  J{index} = {judge}")
    width = max(len(slug) for slug in cov.entries)
    header = " " * width + " " + " ".join(f"J{i:<2}" for i in range(1, len(cov.judges) + 1))
    lines += ["", header]
    for slug in cov.entries:
        marks = " ".join(f"{symbol:<3}" for symbol in cov.symbols(slug))
        lines.append(f"{slug:<{width}} {marks}  {cov.scored(slug)}/{cov.eligible(slug)}")
    lines += _queue_lines(cov, lang, markdown=False)
    lines += ["", _legend(lang), "", messages.render("ui.status-missing-title", lang)]
    missing = {j: s for j, s in cov.missing_by_judge().items() if s}
    if not missing:
        lines.append("  " + messages.render("ui.status-none-missing", lang))
    for judge, slugs in missing.items():
        lines.append(f"  {judge} ({len(slugs)}): {', '.join(slugs)}")
    lines += ["", messages.render("ui.status-below-title", lang, {"min": r.min_judges})]
    below = cov.below_min()
    if not below:
        lines.append("  " + messages.render("ui.status-none-below", lang))
    for slug, count, eligible in below:
        note = ""
        if eligible < r.min_judges:
            note = " - " + messages.render("ui.status-cannot-reach", lang, {"eligible": eligible})
        lines.append(f"  {slug}: {count}/{r.min_judges}{note}")
    return "\n".join(lines) + "\n"


def render_markdown(cov: Coverage, lang: str) -> str:
    r = cov.round
    title = messages.render("ui.status-title", lang, {"round": r.id, "name": r.name})
    lines = [f"### {markdown_escape(title)}", "", _summary(cov, lang), ""]
    if cov.advanced_file:
        lines += [markdown_escape(messages.render("ui.status-advanced-unknown", lang,
                                                  {"file": cov.advanced_file})), ""]
    if cov.unreadable:
        lines += [markdown_escape(messages.render("ui.status-unreadable", lang,
                                                  {"entries": ", ".join(cov.unreadable)})), ""]
    if not cov.entries:
        lines.append(messages.render("ui.status-no-entries", lang))
        return "\n".join(lines) + "\n"
    head = [messages.render("ui.score-entry", lang), *map(markdown_escape, cov.judges),
            messages.render("ui.status-scored", lang)]
    lines += ["| " + " | ".join(head) + " |",
              "| --- |" + " :---: |" * len(cov.judges) + " ---: |"]
    for slug in cov.entries:
        cells = cov.symbols(slug)
        lines.append(f"| `{slug}` | " + " | ".join(cells)
                     + f" | {cov.scored(slug)}/{cov.eligible(slug)} |")
    lines += _queue_lines(cov, lang, markdown=True)
    lines += ["", _legend(lang), "", f"#### {messages.render('ui.status-missing-title', lang)}", ""]
    missing = {j: s for j, s in cov.missing_by_judge().items() if s}
    if not missing:
        lines.append(messages.render("ui.status-none-missing", lang))
    for judge, slugs in missing.items():
        listed = ", ".join(f"`{s}`" for s in slugs)
        lines.append(f"- {markdown_escape(judge)} ({len(slugs)}): {listed}")
    below_title = messages.render("ui.status-below-title", lang, {"min": r.min_judges})
    lines += ["", f"#### {markdown_escape(below_title)}", ""]
    below = cov.below_min()
    if not below:
        lines.append(messages.render("ui.status-none-below", lang))
    for slug, count, eligible in below:
        note = ""
        if eligible < r.min_judges:
            note = " — " + messages.render("ui.status-cannot-reach", lang, {"eligible": eligible})
        lines.append(f"- `{slug}`: {count}/{r.min_judges}{note}")
    return "\n".join(lines) + "\n"


def rendering(cov: Coverage) -> Rendering:
    """`contest status`'s formats: text, markdown, json."""
    return Rendering({
        "text": lambda lang: render_text(cov, lang),
        "markdown": lambda lang: render_markdown(cov, lang),
        "json": lambda lang: json.dumps(as_json(cov), ensure_ascii=False, indent=2) + "\n",
    })


def as_json(cov: Coverage) -> dict[str, Any]:
    r = cov.round
    return {
        "version": 1,
        "round": r.id,
        "opens": r.opens.isoformat(),
        "closes": r.closes.isoformat(),
        "min_judges": r.min_judges,
        "judges": cov.judges,
        "entries": [
            {
                "entry": slug,
                "scores": cov.scored(slug),
                "eligible_judges": cov.eligible(slug),
                "complete": cov.scored(slug) >= r.min_judges,
                "can_complete": cov.eligible(slug) >= r.min_judges,
                "judges": {judge: cov.state(slug, judge) for judge in cov.judges},
            }
            for slug in cov.entries
        ],
        "missing": cov.missing_by_judge(),
        "below_min_judges": [slug for slug, _, _ in cov.below_min()],
        "advanced_unknown": cov.advanced_file is not None,
        "unreadable": cov.unreadable,
        "scored": cov.total_scored,
        "expected": cov.expected,
        **({} if cov.assigned is None else {"queues": {
            judge: {"assigned": cov.queue(judge)[0], "left": cov.queue(judge)[1],
                    "scored": len(cov.queue(judge)[0]) - len(cov.queue(judge)[1])}
            for judge in cov.judges}}),
    }
