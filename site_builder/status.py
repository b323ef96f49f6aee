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

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from site_builder import ledger, messages
from site_builder.contest import Contest, Round
from site_builder.entries import ENTRIES_DIR, MANIFEST, discover
from site_builder.errors import UsageError
from site_builder.loader import ENTRY_SIZE_LIMIT, LoadFailure, load_file
from site_builder.reporter import markdown_escape

FORMATS = ("text", "markdown", "json")
State = Literal["scored", "missing", "conflict"]
_SYMBOL: Mapping[str, str] = {"scored": "✓", "missing": "·", "conflict": "✗"}


@dataclass
class Coverage:
    round: Round
    entries: list[str]
    judges: list[str]
    """The round's judges, spelled as in contest.yml."""
    cells: dict[tuple[str, str], State]
    advanced_file: str | None = None
    """Set when the round's entries should come from this results file but it is missing."""
    unreadable: list[str] = field(default_factory=list)

    def state(self, slug: str, judge: str) -> State:
        return self.cells[(slug, judge)]

    def scored(self, slug: str) -> int:
        return sum(1 for judge in self.judges if self.cells[(slug, judge)] == "scored")

    def eligible(self, slug: str) -> int:
        return sum(1 for judge in self.judges if self.cells[(slug, judge)] != "conflict")

    def missing_by_judge(self) -> dict[str, list[str]]:
        return {
            judge: [slug for slug in self.entries if self.cells[(slug, judge)] == "missing"]
            for judge in self.judges
        }

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
            raise UsageError(f"there is no round '{round_id}' (rounds: {known})")
        round_ = found
    else:
        round_ = default_round(contest, now or datetime.now().astimezone())

    slugs = [s for s in discover(root).slugs if (root / ENTRIES_DIR / s / MANIFEST).is_file()]
    advanced_file = None
    previous = contest.previous_round(round_)
    if previous is not None:
        advanced = ledger.read_advanced(root, previous.id)
        if advanced.slugs is None:
            advanced_file = advanced.file
        else:
            slugs = [s for s in slugs if s in advanced.slugs]

    teams: dict[str, frozenset[str]] = {}
    unreadable = []
    for slug in slugs:
        display = f"{ENTRIES_DIR}/{slug}/{MANIFEST}"
        try:
            data = load_file(root / display, display, ENTRY_SIZE_LIMIT).data
        except LoadFailure:
            data = None
            unreadable.append(slug)
        teams[slug] = ledger.team_logins(data)

    # contest.yml's spelling of each login (a round may list it in another case).
    judges = [next((j.github for j in contest.judges if j.github.casefold() == login.casefold()),
                   login) for login in round_.judges]
    records, _ = ledger.load_ledger(root, contest)
    scored = {(r.entry, r.judge.casefold()) for r in records if r.round == round_.id}
    cells: dict[tuple[str, str], State] = {}
    for slug in slugs:
        for judge in judges:
            if ledger.conflict(contest, judge, slug, teams[slug]) is not None:
                cells[(slug, judge)] = "conflict"
            elif (slug, judge.casefold()) in scored:
                cells[(slug, judge)] = "scored"
            else:
                cells[(slug, judge)] = "missing"
    return Coverage(round_, slugs, judges, cells, advanced_file, unreadable)


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
        marks = " ".join(f"{_SYMBOL[cov.state(slug, j)]:<3}" for j in cov.judges)
        lines.append(f"{slug:<{width}} {marks}  {cov.scored(slug)}/{cov.eligible(slug)}")
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
    if not cov.entries:
        lines.append(messages.render("ui.status-no-entries", lang))
        return "\n".join(lines) + "\n"
    head = [messages.render("ui.score-entry", lang), *map(markdown_escape, cov.judges),
            messages.render("ui.status-scored", lang)]
    lines += ["| " + " | ".join(head) + " |",
              "| --- |" + " :---: |" * len(cov.judges) + " ---: |"]
    for slug in cov.entries:
        cells = [_SYMBOL[cov.state(slug, j)] for j in cov.judges]
        lines.append(f"| `{slug}` | " + " | ".join(cells)
                     + f" | {cov.scored(slug)}/{cov.eligible(slug)} |")
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
        "scored": cov.total_scored,
        "expected": cov.expected,
    }
