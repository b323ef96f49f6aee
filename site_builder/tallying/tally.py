"""From the score ledger to a round's results document (results/<round>.json).

`scoring` is the math on plain values; this module gathers its inputs from the repository
and publishes its output, so that anyone with a clone gets the same file byte for byte:

* **entries**: `roster.round_entries` (first round: the entry folders; later rounds: the
  ``advanced`` list of the previous round's committed results);
* **scores**: scores/<round>/ through `gather`. Any error of a score file (layout,
  YAML, schema, path) or of its content against the contest (a judge of the round, no
  conflict of interest, the round's rubric and window, an entry of the round) refuses the
  tally: a file is never skipped, because skipping one changes a ranking silently;
* **rules**: the round in contest.yml (criteria, aggregation, correction, min_judges,
  tie_break, advance.top) and, for the last round, the awards.

**data_sha256** fingerprints what the results are computed from (`fingerprint`): the
round, its rubric, its entries and every score's marks, and nothing else.

**Rounding** happens once, here, when the document is made: scores, means, standard
errors and leniencies to 2 decimals, alpha to 4. Ranks, advancement and awards are
decided before, on the exact values (`scoring`), so rounding never decides a place; two
entries can show the same rounded score in different places, and a diagnostics note then
says why. ``contest tally --check`` recomputes the document the same way and compares
the published (rounded) values exactly.

**ledger_commit** is given by the caller (`resultfiles.LedgerQuery`: the last commit
that touched scores/<round>/), so this module needs no git. It may be given as a
function, called once the ledger is read, so that git answers in the meantime.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from site_builder.core.contest import Contest, Round
from site_builder.core.errors import UsageError
from site_builder.core.loader import collection_paused
from site_builder.core.problems import Problem
from site_builder.judging import ledger
from site_builder.tallying import fingerprint, gather
from site_builder.tallying.roster import entry_folders, round_entries

if TYPE_CHECKING:  # imported where used: see `_load_math`
    from site_builder.tallying import scoring

RESULTS_VERSION = fingerprint.VERSION
SCORE_DECIMALS = 2
ALPHA_DECIMALS = 4


@dataclass(frozen=True)
class RoundResult:
    """A tallied round: the math's output and the document that publishes it."""

    round: Round
    tally: scoring.RoundTally
    document: dict[str, Any]
    titles: Mapping[str, str]
    warnings: tuple[Problem, ...] = ()
    scored: int = 0
    """How many score files the round has."""

    @property
    def data_sha256(self) -> str:
        return str(self.document["data_sha256"])


@dataclass(frozen=True)
class Refusal:
    """Why a round was not tallied: problems to fix first."""

    round: Round
    problems: tuple[Problem, ...]


def find_round(contest: Contest, round_id: str) -> Round:
    found = contest.round(round_id)
    if found is None:
        known = ", ".join(r.id for r in contest.rounds)
        raise UsageError.coded("score.unknown-round", round=round_id, rounds=known)
    return found


def _load_math() -> None:
    """Import `scoring`, and with it numpy (a tenth of a second or more). `tally_round`
    has it done while a second process starts reading the ledger (`gather`)."""
    from site_builder.tallying import scoring  # noqa: F401


def rules_for(contest: Contest, round_: Round) -> scoring.RoundRules:
    """The part of contest.yml the math needs; awards only in the last round."""
    from site_builder.tallying import scoring

    last = round_.id == contest.final_round.id
    return scoring.RoundRules(
        criteria=tuple(scoring.Criterion(c.id, c.weight, c.max) for c in round_.criteria),
        # contest.schema.json allows only the math's names; scoring checks them again.
        aggregation=cast(scoring.Aggregation, round_.aggregation),
        correction=cast(scoring.Correction, round_.correction),
        min_judges=round_.min_judges,
        tie_break=round_.tie_break,
        advance_top=round_.advance_top,
        awards=tuple((a.id, a.count) for a in contest.awards) if last else (),
    )


def tally_round(
    root: Path, contest: Contest, round_id: str,
    ledger_commit: str | Callable[[], str | None] | None = None,
    *, titles: bool = True,
) -> RoundResult | Refusal:
    """Tally one round from the repository at `root` (see the module docstring).
    `titles`: read the entries' titles, for people (the document does not need them).

    The cyclic GC is paused throughout: a round makes hundreds of thousands of small
    objects and no cycles, and its collections took a tenth of a 5,000-entry tally."""
    with collection_paused():
        return _tally_round(root, contest, round_id, ledger_commit, titles)


def _tally_round(
    root: Path, contest: Contest, round_id: str,
    ledger_commit: str | Callable[[], str | None] | None, titles: bool,
) -> RoundResult | Refusal:
    round_ = find_round(contest, round_id)
    folders = entry_folders(root)
    entries = round_entries(root, contest, round_, folders)
    if entries.problem is not None:
        return Refusal(round_, (entries.problem,))
    data = gather.read_round(root, contest, round_, entries.slugs, folders, titles=titles,
                             meanwhile=_load_math)
    from site_builder.tallying import scoring

    if any(p.severity == "error" for p in data.problems):
        return Refusal(round_, tuple(data.problems))
    spelling = {j.github.casefold(): j.github for j in contest.judges}
    scores = [scoring.Score(slug, spelling[login.casefold()], marks)
              for slug, login, marks in data.scores]
    panel = [spelling.get(login.casefold(), login) for login in round_.judges]
    try:
        result = scoring.tally_round(rules_for(contest, round_), entries.slugs, scores, panel)
    except scoring.ScoringError as exc:
        problem = Problem(f"{ledger.SCORES_DIR}/{round_.id}", None, None,
                          "tally.scoring-error", {"detail": str(exc)})
        return Refusal(round_, (problem,))
    digest = hashlib.sha256(fingerprint.assemble(round_, entries.slugs, data.runs)).hexdigest()
    if callable(ledger_commit):  # asked last, so that git can answer while the ledger is read
        ledger_commit = ledger_commit()
    document = results_document(contest, round_, result, digest, ledger_commit)
    return RoundResult(round_, result, document, data.titles, tuple(data.problems),
                       len(data.scores))


def publish(value: float | None, decimals: int = SCORE_DECIMALS) -> float | None:
    """A number as published: rounded, and never ``-0.0``."""
    return None if value is None else round(value, decimals) + 0.0


def results_document(
    contest: Contest,
    round_: Round,
    result: scoring.RoundTally,
    data_sha256: str,
    ledger_commit: str | None,
) -> dict[str, Any]:
    """results/<round>.json as data, in the published key order."""
    criteria = [c.id for c in round_.criteria]
    last = round_.id == contest.final_round.id
    entries = [
        {
            "entry": e.entry,
            "rank": e.rank,
            "score": publish(e.score),
            "raw_mean": publish(e.raw_mean),
            "judges": e.n_judges,
            "stderr": publish(e.std_error),
            "complete": e.complete,
            "advanced": e.advances,
            "award": e.award,
            "criteria": {c: publish(e.criterion_means[c]) for c in criteria
                         if c in e.criterion_means},
        }
        for e in result.entries
    ]
    notes = round_notes(result)
    return {
        "version": RESULTS_VERSION,
        "round": round_.id,
        "round_name": round_.name,
        "ledger_commit": ledger_commit,
        "data_sha256": data_sha256,
        "rubric_sha256": round_.rubric_sha256(),
        "method": {
            "aggregation": round_.aggregation,
            "correction": round_.correction,
            "min_judges": round_.min_judges,
            "tie_break": list(round_.tie_break),
        },
        "entries": entries,
        "advanced": [e.entry for e in result.entries if e.advances],
        "awards": {
            a.id: [e.entry for e in result.entries if e.award == a.id] for a in contest.awards
        } if last else {},
        "judges": [
            {"judge": j.judge, "entries": j.n_entries, "leniency": publish(j.leniency)}
            for j in result.judges
        ],
        "reliability": {"alpha": publish(result.alpha, ALPHA_DECIMALS)},
        "diagnostics": {
            "connected": result.diagnostics.connected,
            "components": result.diagnostics.components,
            "notes": [{"code": n.code, "text": n.text} for n in notes],
        },
    }


def round_notes(result: scoring.RoundTally) -> list[scoring.Note]:
    """Every diagnostic of a tallied round, as published and as shown to organizers."""
    return [*result.diagnostics.notes, *_place_notes(result.entries)]


def _place_notes(entries: Sequence[scoring.EntryResult]) -> list[scoring.Note]:
    """Explain neighbours that show the same rounded score in different places."""
    from site_builder.tallying import scoring

    broken: list[str] = []
    close: list[str] = []
    ranked = [(e.entry, e.rank, e.score) for e in entries if e.rank is not None]
    for (upper, upper_rank, upper_score), (lower, lower_rank, lower_score) in pairwise(ranked):
        if upper_score is None or lower_score is None or upper_rank == lower_rank:
            continue
        if publish(upper_score) != publish(lower_score):
            continue
        exact_tie = round(upper_score, scoring.TIE_DECIMALS) == round(
            lower_score, scoring.TIE_DECIMALS)
        (broken if exact_tie else close).append(f"{upper} > {lower}")
    notes = []
    if broken:
        notes.append(scoring.Note(
            "tie-broken", "equal scores ordered by the tie_break rules: " + _listed(broken),
            {"pairs": _listed(broken, more="+{}")}))
    if close:
        notes.append(scoring.Note(
            "rounded-equal",
            "scores that differ by less than 0.01 show the same rounded score; places "
            "follow the exact scores: " + _listed(close), {"pairs": _listed(close, more="+{}")}))
    return notes


def _listed(items: Sequence[str], limit: int = 20, more: str = "and {} more") -> str:
    shown = ", ".join(items[:limit])
    return shown if len(items) <= limit else f"{shown} {more.format(len(items) - limit)}"


#: Top-level lists written one item per line: thousands of rows, each one line in a diff.
ONE_PER_LINE = ("entries", "judges")


def dumps(document: Mapping[str, Any]) -> str:
    """The file's text: fixed key order, 2-space indent, UTF-8 as is, final newline;
    each row of ``entries`` and ``judges`` on one line (a changed row is a one-line
    diff, and a round of 5,000 entries is 5,000 lines, not 85,000)."""
    fields = []
    for key, value in document.items():
        if key in ONE_PER_LINE and value:
            rows = ",\n".join(f"    {_compact(row)}" for row in value)
            text = f"[\n{rows}\n  ]"
        else:  # JSON text has no line break inside a string: each one here is layout
            text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
            text = text.replace("\n", "\n  ")
        fields.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
