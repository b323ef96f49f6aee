"""Scoring math for one round: weighted totals, judge-bias correction, ranking, awards.

Pure functions on frozen dataclasses: no files, no YAML, no git, no randomness.  The same
scores given in any order produce an identical :class:`RoundTally`, because every input is
sorted by entry and judge before any arithmetic happens.

How a round is tallied (each step is published, so a participant can redo it by hand):

1. **Weighted total** per score: ``100 * sum(weight * mark / max) / sum(weight)``, i.e.
   ``sum(weight * mark / max)`` when the weights add up to 100 as in contest.yml.
2. **Bias correction** of each judge's totals (``correction``):

   * ``none``: totals as given.
   * ``additive`` (default): least squares ``total = mu + entry effect + judge leniency`` with
     leniencies summing to zero, then ``corrected = total - leniency``.  A judge who is two
     marks harsher on everything no longer drags down the entries they happened to score.
     Leniency is only comparable between judges linked by shared entries, so the fit runs
     per connected component of the judge-entry graph; a component with a single judge
     cannot be fitted and keeps its raw totals (reported in ``diagnostics``).
   * ``zscore``: each judge's totals are standardized and mapped back onto the pooled
     scale.  This also removes differences in spread, but it assumes every judge saw an
     equally strong set of entries; a judge given only the strongest entries is pulled down.
     The additive model does not make that assumption, which is why it is the default.

   The additive leniency is published for every judge whatever the round's correction.
3. **Aggregation** of an entry's corrected totals (``aggregation``): ``mean``; ``trimmed``
   drops one highest and one lowest total when at least 5 judges scored, otherwise the mean;
   ``median``.  Corrected scores are not clipped to 0-100: clipping would create ties.
4. **Completeness**: an entry with fewer than ``min_judges`` scores is listed with its
   provisional numbers but is not ranked, does not advance and wins nothing.  A missing
   score is never counted as zero.
5. **Ranking** of complete entries by score, higher first.  Equal scores (to 1e-9, see
   ``TIE_DECIMALS``) go down the ``tie_break`` ladder: ``criterion:<id>`` higher mean mark on
   that criterion, ``top_marks`` more marks equal to the criterion maximum, ``median``
   higher median corrected total.  Entries equal on all of them share a rank, and the next
   rank skips accordingly (1, 2, 2, 4).  Criterion means are the marks as given: the
   correction is fitted on totals, and corrected scores that tie exactly almost always come
   from the same panel, for whom raw marks compare fairly.
6. **Advance**: the top ``advance_top`` complete entries, plus every entry sharing the rank
   of the last one, i.e. every entry with ``rank <= advance_top``.
7. **Awards** (last round): awards are handed out by rank position, in the order given.
   With cumulative counts ``C1 < C2 < ...``, an entry of rank ``r`` gets the first award
   with ``r <= C``.  So entries tied at an award boundary all get the higher award and
   consume the following slots: with one grand prize and two entries tied first, both get
   the grand prize, no excellence prize is given, and the next entry (rank 3) gets merit.
   A tie on the last slot of the last award gives that award to every tied entry.  Nobody
   receives less than an entry they tied with.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import numbers
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from site_builder.core.contest import TRIMMED_FROM
from site_builder.tallying import reliability

Aggregation = Literal["mean", "trimmed", "median"]
Correction = Literal["none", "additive", "zscore"]

#: Ranking compares scores and tie-break values rounded to this many decimals, so float noise
#: (1e-13) never decides a rank.  Rounding is transitive, unlike comparing differences
#: against a tolerance, so the order cannot depend on the order of the input.
TIE_DECIMALS = 9
_NUMBER_TYPES = frozenset({int, float})  # exact types: bool and str are never marks


class ScoringError(ValueError):
    """The rules or the scores cannot be tallied as given (message says which and why)."""


@dataclass(frozen=True)
class Criterion:
    """One rubric line: marks go from 0 to ``max``; ``weight`` is its share of 100 points."""

    id: str
    weight: float
    max: int


@dataclass(frozen=True)
class RoundRules:
    """The part of a contest.yml round that the math needs."""

    criteria: tuple[Criterion, ...]
    aggregation: Aggregation = "trimmed"
    correction: Correction = "additive"
    min_judges: int = 3
    tie_break: tuple[str, ...] = ()
    advance_top: int | None = None
    awards: tuple[tuple[str, int], ...] = ()


class Score(NamedTuple):
    """One judge's marks for one entry: criterion id -> mark in ``[0, max]``.
    A named tuple: a round has tens of thousands, made in a tight loop."""

    entry: str
    judge: str
    values: Mapping[str, float]


class EntryResult(NamedTuple):
    """Everything published about one entry in one round (points are on the 0-100 scale).
    A named tuple: a round has thousands, made in a loop."""

    entry: str
    n_judges: int
    complete: bool
    raw_mean: float | None  #: mean weighted total before correction; None without scores
    score: float | None  #: aggregated corrected total; provisional when not complete
    median: float | None  #: median corrected total (a tie-break)
    std_error: float | None  #: sd (ddof=1) of corrected totals / sqrt(n); None below 2 judges
    criterion_means: Mapping[str, float]  #: mean raw mark per criterion id; empty if unscored
    top_marks: int  #: number of marks equal to the criterion maximum
    rank: int | None  #: None when not complete
    advances: bool
    award: str | None


@dataclass(frozen=True)
class JudgeResult:
    """Per judge: workload and the additive model's leniency estimate (in total points)."""

    judge: str
    n_entries: int
    leniency: float | None  #: None if it could not be estimated (no scores or a lone judge)
    component: int | None  #: connected component of the judge-entry graph


@dataclass(frozen=True)
class Note:
    """A diagnostic for the organizer; ``code`` is stable for translation, ``text`` English
    (as published), ``params`` the specifics for the ``ui.tally-note-<code>`` message."""

    code: str
    text: str
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Diagnostics:
    """Whether the correction could do its job on this round's judge-entry graph."""

    connected: bool  #: True when all scores form one connected judge-entry graph
    components: int
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class RoundTally:
    """Result of :func:`tally_round`.

    ``entries`` lists every entry: ranked ones by rank (then id), then unranked ones by id.
    ``judges`` is sorted by login.  ``alpha`` is Krippendorff's alpha (interval) of the raw
    weighted totals, None when it is undefined (fewer than two judges on any entry).
    """

    rules: RoundRules
    entries: tuple[EntryResult, ...]
    judges: tuple[JudgeResult, ...]
    alpha: float | None
    diagnostics: Diagnostics

    @functools.cached_property
    def _by_id(self) -> Mapping[str, EntryResult]:
        return {e.entry: e for e in self.entries}

    def entry(self, entry_id: str) -> EntryResult:
        """The result of one entry by id (KeyError if it is not in the round)."""
        return self._by_id[entry_id]


def weighted_total(rules: RoundRules, values: Mapping[str, float]) -> float:
    """``100 * sum(weight * mark / max) / sum(weight)``: 0..100 whatever the weights add to."""
    _check_values(rules, "weighted_total", values)
    total_weight = sum(c.weight for c in rules.criteria)
    return (
        100.0 * sum(c.weight * float(values[c.id]) / c.max for c in rules.criteria) / total_weight
    )


def tally_round(
    rules: RoundRules,
    entries: Sequence[str],
    scores: Sequence[Score],
    judges: Iterable[str] = (),
) -> RoundTally:
    """Tally one round; see the module docstring for each step.

    ``entries`` are all entries in the round (unscored ones are listed, unranked).  ``judges``
    optionally names panel members who have not scored yet, so they are listed with 0 entries.
    Raises :class:`ScoringError` for a score of an unknown entry, a second score by the same
    judge for the same entry, or marks that do not match the criteria.
    """
    _check_rules(rules)
    crit = rules.criteria
    entry_ids = sorted(set(entries))
    e_index = {e: i for i, e in enumerate(entry_ids)}
    judge_ids = sorted(set(judges) | {s.judge for s in scores})
    j_index = {j: i for i, j in enumerate(judge_ids)}
    n_e_all, n_j_all = len(entry_ids), len(judge_ids)

    ei, ji, marks = _cells(rules, scores, e_index, j_index)
    order = np.lexsort((ji, ei))
    ei, ji, marks = ei[order], ji[order], marks[order]
    dup = np.flatnonzero((ei[1:] == ei[:-1]) & (ji[1:] == ji[:-1]))
    if dup.size:
        raise ScoringError(
            f"{judge_ids[ji[dup[0]]]} scored {entry_ids[ei[dup[0]]]} twice in this round"
        )

    weights = np.array([c.weight for c in crit], dtype=np.float64)
    maxima = np.array([c.max for c in crit], dtype=np.float64)
    y = 100.0 * (marks / maxima) @ weights / weights.sum()

    fit = reliability.fit_additive(ei, ji, y, n_e_all, n_j_all)
    n_j = np.bincount(ji, minlength=n_j_all)
    flat = np.zeros(n_j_all, dtype=np.bool_)
    if rules.correction == "additive":
        corrected = y - fit.leniency[ji]
    elif rules.correction == "zscore":
        corrected, flat = reliability.zscore_correct(ji, y, n_j_all)
    else:
        corrected = y
    notes = _model_notes(rules, fit, flat, judge_ids, n_j)

    stats = _entry_stats(rules, ei, marks, y, corrected, n_e_all)
    results = _rank(rules, entry_ids, stats, notes)
    judge_results = tuple(
        JudgeResult(
            judge=name,
            n_entries=int(n_j[j]),
            leniency=float(fit.leniency[j]) if fit.fitted[j] else None,
            component=int(fit.component[j]) if fit.component[j] >= 0 else None,
        )
        for j, name in enumerate(judge_ids)
    )
    alpha = reliability.interval_alpha(ei, ji, y, n_e_all, n_j_all)
    diagnostics = Diagnostics(fit.n_components <= 1, fit.n_components, tuple(notes))
    return RoundTally(rules, results, judge_results, alpha, diagnostics)


def _cells(
    rules: RoundRules,
    scores: Sequence[Score],
    e_index: Mapping[str, int],
    j_index: Mapping[str, int],
) -> tuple[reliability.IntArray, reliability.IntArray, reliability.FloatArray]:
    """Entry index, judge index and marks (cells x criteria) of each score, in input order.

    The checks run in bulk (this is the hot loop for 25,000 scores); only when one fails is
    every score checked one by one, to raise a message naming the first bad score.
    """
    cids = [c.id for c in rules.criteria]
    try:
        ei = np.array([e_index[s.entry] for s in scores], dtype=np.intp)
        ji = np.array([j_index[s.judge] for s in scores], dtype=np.intp)
        get = operator.itemgetter(*cids)
        rows = (
            [get(s.values) for s in scores]
            if len(cids) > 1
            else [(s.values[cids[0]],) for s in scores]
        )
        ok = all(len(s.values) == len(cids) for s in scores)
        ok = ok and set(map(type, itertools.chain.from_iterable(rows))) <= _NUMBER_TYPES
        marks = np.array(rows, dtype=np.float64).reshape(len(scores), len(cids))
        maxima = np.array([c.max for c in rules.criteria], dtype=np.float64)
        ok = ok and bool(((marks >= 0) & (marks <= maxima)).all())
    except (KeyError, TypeError, ValueError):  # unknown entry, missing criterion, not a number
        ok = False
    if not ok:  # find the culprit; only other real types (numpy scalars) get past this
        for s in scores:
            _check_score(rules, s, e_index)
    return ei, ji, marks


@dataclass(frozen=True)
class _Stats:
    """Per-entry arrays computed from the cells (index = entry index)."""

    n: reliability.IntArray
    raw_mean: reliability.FloatArray
    score: reliability.FloatArray
    median: reliability.FloatArray
    std_error: reliability.FloatArray
    crit_means: reliability.FloatArray  #: entries x criteria
    top_marks: reliability.IntArray


def _entry_stats(
    rules: RoundRules,
    ei: reliability.IntArray,
    marks: reliability.FloatArray,
    y: reliability.FloatArray,
    corrected: reliability.FloatArray,
    n_entries: int,
) -> _Stats:
    """Vectorized per-entry statistics: cells sorted by (entry, corrected total) form groups.

    Within a sorted group the lowest value is at its start and the highest at its end, so the
    trimmed mean is ``(sum - first - last) / (n - 2)`` and the median sits at the middle.
    """
    n = np.bincount(ei, minlength=n_entries)
    nf = np.maximum(n, 1).astype(np.float64)
    raw_mean = np.bincount(ei, weights=y, minlength=n_entries) / nf
    total = np.bincount(ei, weights=corrected, minlength=n_entries)
    mean = total / nf
    # One padding cell so that index arithmetic for unscored entries stays in range.
    srt = np.append(corrected[np.lexsort((corrected, ei))], 0.0)
    start = np.cumsum(n) - n

    def at(offset: reliability.IntArray) -> reliability.FloatArray:
        return srt[np.where(n > 0, start + offset, len(srt) - 1)]

    median = (at((n - 1) // 2) + at(n // 2)) / 2.0
    trimmed = (total - at(np.zeros_like(n)) - at(n - 1)) / np.maximum(n - 2, 1)
    if rules.aggregation == "median":
        score = median
    elif rules.aggregation == "trimmed":
        score = np.where(n >= TRIMMED_FROM, trimmed, mean)
    else:
        score = mean
    dev = corrected - mean[ei]
    var = np.bincount(ei, weights=dev * dev, minlength=n_entries) / np.maximum(n - 1, 1)
    std_error = np.sqrt(var / nf)
    crit_means = np.stack(
        [
            np.bincount(ei, weights=marks[:, k], minlength=n_entries) / nf
            for k in range(len(rules.criteria))
        ],
        axis=1,
    )
    maxima = np.array([c.max for c in rules.criteria], dtype=np.float64)
    at_max = np.count_nonzero(marks >= maxima - 1e-9, axis=1)
    top = np.bincount(ei, weights=at_max, minlength=n_entries).astype(np.intp)
    return _Stats(n, raw_mean, score, median, std_error, crit_means, top)


def _rank(
    rules: RoundRules, entry_ids: list[str], st: _Stats, notes: list[Note]
) -> tuple[EntryResult, ...]:
    """Rank complete entries, then mark advancement and awards (module docstring, 5-7)."""
    crit_pos = {c.id: k for k, c in enumerate(rules.criteria)}
    columns = [st.score]
    for rule in rules.tie_break:
        if rule == "top_marks":
            columns.append(st.top_marks.astype(np.float64))
        elif rule == "median":
            columns.append(st.median)
        else:
            columns.append(st.crit_means[:, crit_pos[rule.split(":", 1)[1]]])
    # Negated so that an ascending sort puts the best first; rounded, see TIE_DECIMALS.
    ladders = [
        tuple(row) for row in (0.0 - np.round(np.stack(columns, axis=1), TIE_DECIMALS)).tolist()
    ]
    n = st.n.tolist()
    complete = [i for i in range(len(entry_ids)) if n[i] >= rules.min_judges]
    ordered = sorted(complete, key=lambda i: (ladders[i], entry_ids[i]))
    rank: dict[int, int] = {}
    for pos, i in enumerate(ordered):
        prev = ordered[pos - 1] if pos else i
        rank[i] = rank[prev] if pos and ladders[prev] == ladders[i] else pos + 1

    incomplete = [entry_ids[i] for i in range(len(entry_ids)) if 0 < n[i] < rules.min_judges]
    if len(complete) < len(entry_ids):
        listed = f": {', '.join(incomplete[:20])}" if incomplete else ""
        notes.append(
            Note(
                "incomplete",
                f"{len(entry_ids) - len(complete)} entries have fewer than "
                f"{rules.min_judges} scores and are not ranked{listed}",
                {"count": len(entry_ids) - len(complete), "min": rules.min_judges,
                 "listed": listed},
            )
        )
    top = rules.advance_top
    if top is not None and sum(1 for r in rank.values() if r <= top) > top:
        notes.append(Note("advance-tie", f"a tie at place {top} lets more than {top} advance",
                          {"top": top}))
    bounds = list(itertools.accumulate(count for _, count in rules.awards))

    raw_mean, score, median = st.raw_mean.tolist(), st.score.tolist(), st.median.tolist()
    std_error, crit_means = st.std_error.tolist(), st.crit_means.tolist()
    top_marks = st.top_marks.tolist()
    cids = [c.id for c in rules.criteria]
    last_slot = bounds[-1] if bounds else 0

    def result(i: int) -> EntryResult:
        scored = n[i] > 0
        r = rank.get(i)
        return EntryResult(
            entry=entry_ids[i],
            n_judges=n[i],
            complete=r is not None,
            raw_mean=raw_mean[i] if scored else None,
            score=score[i] if scored else None,
            median=median[i] if scored else None,
            std_error=std_error[i] if n[i] >= 2 else None,
            criterion_means=dict(zip(cids, crit_means[i], strict=True)) if scored else {},
            top_marks=top_marks[i],
            rank=r,
            advances=r is not None and top is not None and r <= top,
            award=None
            if r is None or r > last_slot
            else rules.awards[bisect.bisect_left(bounds, r)][0],
        )

    unranked = [i for i in range(len(entry_ids)) if i not in rank]
    return tuple(result(i) for i in ordered + unranked)


def _model_notes(
    rules: RoundRules,
    fit: reliability.AdditiveFit,
    flat: npt.NDArray[np.bool_],
    judge_ids: list[str],
    n_j: reliability.IntArray,
) -> list[Note]:
    """Explain, in words an organizer can act on, where the correction is weak."""
    notes: list[Note] = []
    if fit.n_components > 1:
        text = (
            f"judges fall into {fit.n_components} groups that share no entry; leniency is "
            "estimated within each group, so comparing scores across groups assumes the groups "
            "are equally lenient on average. Assign a few entries across groups to link them"
        )
        notes.append(Note("disconnected", text, {"groups": fit.n_components}))
    lone = [judge_ids[j] for j in range(len(judge_ids)) if n_j[j] > 0 and not fit.fitted[j]]
    if lone and rules.correction == "additive":
        text = (
            f"the additive model could not be fitted for {', '.join(lone)} (no entry shared "
            "with another judge); their raw totals were used instead"
        )
        notes.append(Note("uncorrected", text, {"judges": ", ".join(lone)}))
    if flat.any():
        names = ", ".join(judge_ids[j] for j in np.flatnonzero(flat))
        text = f"{names}: a single score or identical totals, set to the pooled mean by zscore"
        notes.append(Note("zscore-flat-judge", text, {"judges": names}))
    return notes


def _check_rules(rules: RoundRules) -> None:
    if rules.aggregation not in ("mean", "trimmed", "median"):
        raise ScoringError(f"aggregation {rules.aggregation!r} is not mean, trimmed or median")
    if rules.correction not in ("none", "additive", "zscore"):
        raise ScoringError(f"correction {rules.correction!r} is not none, additive or zscore")
    ids = [c.id for c in rules.criteria]
    if not ids or len(set(ids)) != len(ids):
        raise ScoringError("a round needs at least one criterion and unique criterion ids")
    if any(not (c.weight > 0 and math.isfinite(c.weight)) or c.max < 1 for c in rules.criteria):
        raise ScoringError("criterion weights must be positive and maxima at least 1")
    if rules.min_judges < 1 or (rules.advance_top is not None and rules.advance_top < 1):
        raise ScoringError("min_judges and advance.top must be at least 1")
    if any(count < 1 for _, count in rules.awards):
        raise ScoringError("award counts must be at least 1")
    for rule in rules.tie_break:
        if rule not in ("top_marks", "median") and not (
            rule.startswith("criterion:") and rule.split(":", 1)[1] in ids
        ):
            raise ScoringError(f"tie_break {rule!r} is not top_marks, median or criterion:<id>")


def _check_values(rules: RoundRules, where: str, values: Mapping[str, float]) -> None:
    expected = {c.id for c in rules.criteria}
    if values.keys() != expected:
        missing, extra = sorted(expected - values.keys()), sorted(values.keys() - expected)
        raise ScoringError(f"{where}: missing criteria {missing}, unknown criteria {extra}")
    for c in rules.criteria:
        v: object = values[c.id]  # anything may come from YAML, whatever the type says
        if isinstance(v, bool) or not isinstance(v, numbers.Real) or not 0 <= float(v) <= c.max:
            raise ScoringError(f"{where}: {c.id} = {v!r} is not a number from 0 to {c.max}")


def _check_score(rules: RoundRules, s: Score, e_index: Mapping[str, int]) -> None:
    if s.entry not in e_index:
        raise ScoringError(f"score by {s.judge} is for {s.entry!r}, not an entry of this round")
    _check_values(rules, f"score of {s.entry} by {s.judge}", s.values)
