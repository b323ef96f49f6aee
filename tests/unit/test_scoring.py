"""Unit tests of the round tally, one behaviour a participant or organizer would notice each."""

from __future__ import annotations

import dataclasses
import math
import random

import krippendorff
import numpy as np
import pytest

from site_builder.tallying import reliability
from site_builder.tallying.scoring import (
    Criterion,
    RoundRules,
    Score,
    ScoringError,
    tally_round,
    weighted_total,
)

# The first round of the example contest.yml: weights add up to 100, every max is 10.
CRITERIA = (
    Criterion("usefulness", 30, 10),
    Criterion("creativity", 25, 10),
    Criterion("public-data", 25, 10),
    Criterion("completeness", 20, 10),
)
IDS = [c.id for c in CRITERIA]


def rules(**changes: object) -> RoundRules:
    return dataclasses.replace(RoundRules(CRITERIA), **changes)  # type: ignore[arg-type]


def same(entry: str, judge: str, mark: float) -> Score:
    """The same mark on every criterion, so the weighted total is 10 * mark."""
    return Score(entry, judge, dict.fromkeys(IDS, mark))


def marks(entry: str, judge: str, *values: float) -> Score:
    return Score(entry, judge, dict(zip(IDS, values, strict=True)))


def value(x: float | None) -> float:
    assert x is not None
    return x


def random_round(
    seed: int, n_entries: int = 20, n_judges: int = 6, per_entry: int = 4
) -> tuple[list[str], list[Score]]:
    """Integer marks from 3 to 8, so shifting a judge by 2 marks never hits 0 or 10."""
    rng = np.random.default_rng(seed)
    quality = rng.uniform(4.0, 7.0, n_entries)
    entries = [f"entry-{i:02d}" for i in range(n_entries)]
    scores = []
    for e in range(n_entries):
        for j in sorted(rng.choice(n_judges, per_entry, replace=False)):
            values = np.clip(np.round(quality[e] + rng.normal(0, 1, len(IDS))), 3, 8)
            scores.append(marks(entries[e], f"judge-{j}", *(int(v) for v in values)))
    return entries, scores


# --- weighted totals ------------------------------------------------------------------


def test_weighted_total_is_the_weighted_share_of_each_maximum() -> None:
    r = rules()
    assert weighted_total(r, dict(zip(IDS, (10, 5, 0, 10), strict=True))) == pytest.approx(62.5)
    assert weighted_total(r, dict.fromkeys(IDS, 10)) == pytest.approx(100.0)
    assert weighted_total(r, dict.fromkeys(IDS, 0)) == 0.0


def test_weighted_total_is_out_of_100_even_when_weights_do_not_add_up_to_100() -> None:
    r = RoundRules((Criterion("a", 1, 5), Criterion("b", 3, 10)))
    assert weighted_total(r, {"a": 5, "b": 5}) == pytest.approx(100 * (1 * 1 + 3 * 0.5) / 4)


@pytest.mark.parametrize(
    "values",
    [
        {"usefulness": 5, "creativity": 5, "public-data": 5},  # a criterion missing
        {**dict.fromkeys(IDS, 5), "style": 3},  # a criterion not in the rubric
        {**dict.fromkeys(IDS, 5), "usefulness": 11},  # above max
        {**dict.fromkeys(IDS, 5), "usefulness": -1},  # below 0
        {**dict.fromkeys(IDS, 5), "usefulness": math.nan},
        {**dict.fromkeys(IDS, 5), "usefulness": True},  # YAML 'yes' is not a mark
        {**dict.fromkeys(IDS, 5), "usefulness": "7"},
    ],
)
def test_malformed_marks_are_rejected_not_guessed(values: dict[str, object]) -> None:
    bad = Score("a", "j1", values)  # type: ignore[arg-type]
    with pytest.raises(ScoringError):
        weighted_total(rules(), bad.values)
    with pytest.raises(ScoringError, match="score of a by j1"):
        tally_round(rules(), ["a"], [same("a", "j0", 5), bad])


def test_score_for_unknown_entry_and_double_score_are_errors() -> None:
    with pytest.raises(ScoringError, match="not an entry"):
        tally_round(rules(), ["a"], [same("b", "j1", 5)])
    with pytest.raises(ScoringError, match="j1 scored a twice"):
        tally_round(rules(), ["a"], [same("a", "j1", 5), same("a", "j1", 6)])


def test_tie_break_must_name_a_criterion_of_the_round() -> None:
    with pytest.raises(ScoringError, match="tie_break"):
        tally_round(rules(tie_break=("criterion:speed",)), ["a"], [])


# --- completeness and aggregation ------------------------------------------------------


def test_a_missing_score_is_not_a_zero() -> None:
    """Two high scores out of three required: listed, not ranked, and not dragged to 2/3."""
    scores = [same(e, j, 9) for e in ("a",) for j in ("j1", "j2")]
    scores += [same(e, j, 5) for e in ("b", "c") for j in ("j1", "j2", "j3")]
    tally = tally_round(rules(correction="none", advance_top=1), ["a", "b", "c", "d"], scores)

    a = tally.entry("a")
    assert (a.n_judges, a.complete, a.rank, a.advances, a.award) == (2, False, None, False, None)
    assert a.score == pytest.approx(90.0)  # provisional mean of the scores it has, not 60
    assert [e.entry for e in tally.entries if e.rank is not None] == ["b", "c"]
    d = tally.entry("d")  # no score at all: listed with nothing made up
    assert (d.n_judges, d.score, d.raw_mean, d.std_error, d.criterion_means) == (
        0,
        None,
        None,
        None,
        {},
    )
    assert [e.entry for e in tally.entries] == ["b", "c", "a", "d"]
    assert "incomplete" in {n.code for n in tally.diagnostics.notes}


def test_trimmed_drops_the_extremes_only_from_five_judges() -> None:
    five = [same("a", f"j{i}", m) for i, m in enumerate((1, 5, 6, 7, 10))]
    tally = tally_round(rules(correction="none", aggregation="trimmed"), ["a"], five)
    assert tally.entry("a").score == pytest.approx(60.0)  # mean of 50, 60, 70
    assert tally.entry("a").raw_mean == pytest.approx(58.0)
    four = five[:4]
    tally = tally_round(rules(correction="none", aggregation="trimmed"), ["a"], four)
    assert tally.entry("a").score == pytest.approx(47.5)  # plain mean of 10, 50, 60, 70


def test_median_aggregation_and_standard_error() -> None:
    three = [same("a", f"j{i}", m) for i, m in enumerate((6, 7, 8))]
    tally = tally_round(rules(correction="none", aggregation="median"), ["a"], three)
    a = tally.entry("a")
    assert a.score == a.median == pytest.approx(70.0)
    assert a.std_error == pytest.approx(10 / math.sqrt(3))  # sd 10 (ddof=1) over sqrt(3)
    even = [same("b", f"j{i}", m) for i, m in enumerate((2, 6, 7, 9))]
    assert tally_round(rules(correction="none", aggregation="median"), ["b"], even).entry(
        "b"
    ).score == pytest.approx(65.0)
    one = tally_round(rules(correction="none", min_judges=1), ["c"], [same("c", "j1", 5)])
    assert one.entry("c").std_error is None


def test_criterion_means_and_top_marks_are_published() -> None:
    scores = [marks("a", "j1", 10, 4, 6, 10), marks("a", "j2", 8, 10, 6, 2)]
    a = tally_round(rules(min_judges=2), ["a"], scores).entry("a")
    assert a.criterion_means == {
        "usefulness": 9,
        "creativity": 7,
        "public-data": 6,
        "completeness": 6,
    }
    assert a.top_marks == 3


# --- bias correction -------------------------------------------------------------------


def test_additive_correction_recovers_exact_judge_offsets() -> None:
    """Marks = entry level + judge offset, exactly: the model must give back 10 x offset."""
    offsets = {"j0": -2, "j1": 0, "j2": 1, "j3": 1}
    levels = {"a": 4, "b": 5, "c": 6, "d": 7, "e": 5}
    scores = [
        same(e, j, level + off)
        for i, (e, level) in enumerate(levels.items())
        for k, (j, off) in enumerate(offsets.items())
        if (i + k) % 4 != 0  # each entry misses one judge: an unbalanced design
    ]
    tally = tally_round(rules(aggregation="mean"), list(levels), scores)
    mean_off = sum(offsets.values()) / len(offsets)
    for judge in tally.judges:
        assert judge.leniency == pytest.approx(10 * (offsets[judge.judge] - mean_off), abs=1e-9)
    for e, level in levels.items():
        result = tally.entry(e)
        assert result.score == pytest.approx(10 * (level + mean_off))
        assert result.std_error == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("seed", range(3))
def test_additive_fit_equals_textbook_least_squares(seed: int) -> None:
    """The judges-only solve must match lstsq on the full entries + judges design matrix."""
    rng = np.random.default_rng(seed)
    n_entries, n_judges = 40, 9
    cells = sorted(
        (e, int(j))
        for e in range(n_entries)
        for j in rng.choice(n_judges, int(rng.integers(2, 6)), replace=False)
    )
    ei = np.array([e for e, _ in cells], dtype=np.intp)
    ji = np.array([j for _, j in cells], dtype=np.intp)
    y = rng.uniform(20, 90, len(cells))
    design = np.zeros((len(cells), n_entries + n_judges))
    design[np.arange(len(cells)), ei] = 1.0
    design[np.arange(len(cells)), n_entries + ji] = 1.0
    beta = np.linalg.lstsq(design, y, rcond=None)[0]
    expected = beta[n_entries:] - beta[n_entries:].mean()  # sum-to-zero judge effects

    fit = reliability.fit_additive(ei, ji, y, n_entries, n_judges)
    assert fit.n_components == 1 and fit.fitted.all()
    assert fit.leniency == pytest.approx(expected, abs=1e-9)


def test_a_uniformly_harsh_judge_changes_nothing_in_the_ranking() -> None:
    entries, scores = random_round(seed=7)
    harsh = [
        s._replace(values={k: v - 2 for k, v in s.values.items()})
        if s.judge == "judge-0"
        else s
        for s in scores
    ]
    before = tally_round(rules(), entries, scores)
    after = tally_round(rules(), entries, harsh)

    assert [(e.entry, e.rank) for e in after.entries] == [(e.entry, e.rank) for e in before.entries]
    shifts = np.array([value(after.entry(e).score) - value(before.entry(e).score) for e in entries])
    assert shifts == pytest.approx(np.full(len(entries), -20 / 6))  # same constant: -20 / 6 judges
    change = {
        b.judge: value(a.leniency) - value(b.leniency)
        for b, a in zip(before.judges, after.judges, strict=True)
    }
    for judge, delta in change.items():
        if judge != "judge-0":
            assert change["judge-0"] - delta == pytest.approx(-20.0)  # 2 marks x 10 points

    raw_before = tally_round(rules(correction="none"), entries, scores)
    raw_after = tally_round(rules(correction="none"), entries, harsh)
    assert [e.entry for e in raw_after.entries] != [e.entry for e in raw_before.entries]


def test_leniency_is_published_whatever_the_correction() -> None:
    entries, scores = random_round(seed=3)
    additive = tally_round(rules(), entries, scores)
    for correction in ("none", "zscore"):
        other = tally_round(rules(correction=correction), entries, scores)
        assert [j.leniency for j in other.judges] == [j.leniency for j in additive.judges]
    assert sum(j.leniency for j in additive.judges) == pytest.approx(0.0, abs=1e-9)  # type: ignore[misc]


def test_zscore_puts_judges_with_different_scales_on_one_scale() -> None:
    """j2 uses half of j1's scale: after standardizing, both agree on every entry."""
    levels = {"a": 2, "b": 4, "c": 6, "d": 8, "e": 10}
    scores = [same(e, "j1", m) for e, m in levels.items()]
    scores += [same(e, "j2", m / 2) for e, m in levels.items()]
    tally = tally_round(
        rules(correction="zscore", min_judges=2, aggregation="mean"), list(levels), scores
    )
    totals = [10 * m for m in levels.values()] + [5 * m for m in levels.values()]
    pooled_mean, pooled_sd = float(np.mean(totals)), float(np.std(totals))
    z = (np.array(list(levels.values())) - 6) / np.std(list(levels.values()))
    for (e, _), expected in zip(levels.items(), pooled_mean + pooled_sd * z, strict=True):
        assert tally.entry(e).score == pytest.approx(expected)
        assert tally.entry(e).std_error == pytest.approx(0.0, abs=1e-9)
    assert [e.entry for e in tally.entries] == ["e", "d", "c", "b", "a"]


def test_zscore_flags_a_judge_who_gives_everyone_the_same_total() -> None:
    scores = [same(e, "j1", m) for e, m in (("a", 3), ("b", 7))]
    scores += [same(e, "flat", 6) for e in ("a", "b")]
    tally = tally_round(rules(correction="zscore", min_judges=2), ["a", "b"], scores)
    assert any(n.code == "zscore-flat-judge" and "flat" in n.text for n in tally.diagnostics.notes)
    assert tally.entry("b").rank == 1


def test_disconnected_panels_are_fitted_separately_and_reported() -> None:
    # Panel 1 (j1, j2) scores a, b; panel 2 (j3, j4) scores c, d; j5 alone scores e.
    scores = [same("a", "j1", 6), same("a", "j2", 4), same("b", "j1", 8), same("b", "j2", 6)]
    scores += [same("c", "j3", 5), same("c", "j4", 7), same("d", "j3", 3), same("d", "j4", 5)]
    scores += [same("e", "j5", 9)]
    tally = tally_round(
        rules(min_judges=1, aggregation="mean"), list("abcde"), scores, judges=["j6"]
    )

    diag = tally.diagnostics
    assert (diag.connected, diag.components) == (False, 3)
    codes = {n.code for n in diag.notes}
    assert {"disconnected", "uncorrected"} <= codes
    assert any("j5" in n.text for n in diag.notes if n.code == "uncorrected")
    by_judge = {j.judge: j for j in tally.judges}
    assert by_judge["j1"].leniency == pytest.approx(10.0)  # 2 marks above j2, split +1 / -1
    assert by_judge["j2"].leniency == pytest.approx(-10.0)
    assert by_judge["j3"].leniency == pytest.approx(-10.0)
    assert by_judge["j1"].component != by_judge["j3"].component
    assert by_judge["j5"].leniency is None  # a lone judge cannot be compared with anyone
    assert tally.entry("e").score == pytest.approx(90.0)  # raw total used as is
    assert (by_judge["j6"].n_entries, by_judge["j6"].leniency, by_judge["j6"].component) == (
        0,
        None,
        None,
    )


def test_connected_round_reports_one_component() -> None:
    entries, scores = random_round(seed=1)
    diag = tally_round(rules(), entries, scores).diagnostics
    assert (diag.connected, diag.components) == (True, 1)
    assert not {"disconnected", "uncorrected"} & {n.code for n in diag.notes}


# --- ranking, ties, advancing, awards ---------------------------------------------------

TWO = (Criterion("u", 50, 10), Criterion("c", 50, 10))


def two(entry: str, judge: str, u: float, c: float) -> Score:
    return Score(entry, judge, {"u": u, "c": c})


def ranked(
    tie_break: tuple[str, ...], scores: list[Score], **kw: object
) -> list[tuple[str, int | None]]:
    r = RoundRules(TWO, correction="none", aggregation="mean", min_judges=1, tie_break=tie_break)
    tally = tally_round(dataclasses.replace(r, **kw), sorted({s.entry for s in scores}), scores)  # type: ignore[arg-type]
    return [(e.entry, e.rank) for e in tally.entries]


def test_tie_break_ladder_is_applied_in_order() -> None:
    # a and b both total 70 from every judge; a has more usefulness, b has a top mark.
    scores = [two("a", "j1", 8, 6), two("b", "j1", 4, 10), two("c", "j1", 9, 9)]
    assert ranked((), scores) == [("c", 1), ("a", 2), ("b", 2)]
    assert ranked(("criterion:u",), scores) == [("c", 1), ("a", 2), ("b", 3)]
    assert ranked(("criterion:c",), scores) == [("c", 1), ("b", 2), ("a", 3)]
    assert ranked(("top_marks", "criterion:u"), scores) == [("c", 1), ("b", 2), ("a", 3)]
    assert ranked(("criterion:u", "top_marks"), scores) == [("c", 1), ("a", 2), ("b", 3)]


def test_tie_break_by_median_and_falling_through_the_ladder() -> None:
    # Means are equal (70); b's median is higher; usefulness means are equal too.
    scores = [two("a", "j1", 6, 6), two("a", "j2", 7, 7), two("a", "j3", 8, 8)]
    scores += [two("b", "j1", 5, 5), two("b", "j2", 8, 8), two("b", "j3", 8, 8)]
    assert ranked(("criterion:u", "median"), scores) == [("b", 1), ("a", 2)]
    assert ranked(("criterion:u",), scores) == [("a", 1), ("b", 1)]


def test_float_noise_does_not_break_a_tie() -> None:
    """0.1 + 0.2 style noise: totals that are equal on paper must tie."""
    r = RoundRules(
        (Criterion("x", 10, 3), Criterion("y", 20, 3), Criterion("z", 70, 3)),
        correction="none",
        min_judges=1,
    )
    scores = [Score("a", "j", {"x": 0, "y": 0, "z": 1}), Score("b", "j", {"x": 3, "y": 2, "z": 0})]
    raw = [weighted_total(r, s.values) for s in scores]
    assert raw[0] != raw[1]  # 23.33333333333333 and 23.333333333333336, both 70/3 on paper
    assert [e.rank for e in tally_round(r, ["a", "b"], scores).entries] == [1, 1]


def test_everyone_tied_at_the_advance_cutoff_advances() -> None:
    scores = [two(e, "j1", u, u) for e, u in (("a", 9), ("b", 8), ("c", 8), ("d", 5))]
    r = RoundRules(TWO, correction="none", min_judges=1, advance_top=2)
    tally = tally_round(r, ["a", "b", "c", "d"], scores)
    assert [(e.entry, e.rank, e.advances) for e in tally.entries] == [
        ("a", 1, True),
        ("b", 2, True),
        ("c", 2, True),
        ("d", 4, False),
    ]
    assert "advance-tie" in {n.code for n in tally.diagnostics.notes}
    r = dataclasses.replace(r, advance_top=3)
    assert [e.advances for e in tally_round(r, ["a", "b", "c", "d"], scores).entries] == [
        True
    ] * 3 + [False]


AWARDS = (("grand", 1), ("excellence", 1), ("merit", 2))


def awarded(totals: dict[str, float], **kw: object) -> list[tuple[str, str | None]]:
    scores = [two(e, "j1", t, t) for e, t in totals.items()]
    r = RoundRules(TWO, correction="none", min_judges=1, awards=AWARDS)
    tally = tally_round(dataclasses.replace(r, **kw), list(totals), scores)  # type: ignore[arg-type]
    return [(e.entry, e.award) for e in tally.entries]


def test_awards_go_down_the_ranking_in_order() -> None:
    assert awarded({"a": 9, "b": 8, "c": 7, "d": 6, "e": 5, "f": 4}) == [
        ("a", "grand"),
        ("b", "excellence"),
        ("c", "merit"),
        ("d", "merit"),
        ("e", None),
        ("f", None),
    ]


def test_a_tie_at_an_award_boundary_gives_both_the_higher_award_and_uses_up_the_next_slot() -> None:
    # a and b tie first: both grand, so no excellence; c (rank 3) and d (rank 4) get merit.
    assert awarded({"a": 9, "b": 9, "c": 7, "d": 6, "e": 5}) == [
        ("a", "grand"),
        ("b", "grand"),
        ("c", "merit"),
        ("d", "merit"),
        ("e", None),
    ]
    # A tie on the very last slot gives that award to everyone tied.
    assert awarded({"a": 9, "b": 8, "c": 7, "d": 6, "e": 6, "f": 5})[3:] == [
        ("d", "merit"),
        ("e", "merit"),
        ("f", None),
    ]


def test_an_incomplete_entry_never_wins_an_award() -> None:
    scores = [two("star", "j1", 10, 10)] + [two(e, j, 6, 6) for e in "ab" for j in ("j1", "j2")]
    r = RoundRules(TWO, correction="none", min_judges=2, awards=AWARDS)
    tally = tally_round(r, ["star", "a", "b"], scores)
    assert tally.entry("star").award is None
    assert {tally.entry("a").award, tally.entry("b").award} == {"grand"}


# --- agreement between judges ----------------------------------------------------------

# Krippendorff's own example (the krippendorff package docstring): 3 coders, 15 units.
KRIPPENDORFF_EXAMPLE = [
    [np.nan, np.nan, np.nan, np.nan, np.nan, 3, 4, 1, 2, 1, 1, 3, 3, np.nan, 3],
    [1, np.nan, 2, 1, 3, 3, 4, 3, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan],
    [np.nan, np.nan, 2, 1, 3, 4, 4, np.nan, 2, 1, 1, 3, 3, np.nan, 4],
]


def test_alpha_matches_the_krippendorff_package_on_a_hand_made_matrix() -> None:
    # One criterion out of 100 with weight 100: the weighted total equals the mark.
    r = RoundRules((Criterion("x", 100, 100),), min_judges=1)
    scores = [
        Score(f"u{u:02d}", f"coder{c}", {"x": value})
        for c, row in enumerate(KRIPPENDORFF_EXAMPLE)
        for u, value in enumerate(row)
        if not math.isnan(value)
    ]
    entries = [f"u{u:02d}" for u in range(15)]
    tally = tally_round(r, entries, scores)
    expected = krippendorff.alpha(
        reliability_data=KRIPPENDORFF_EXAMPLE, level_of_measurement="interval"
    )
    assert tally.alpha == pytest.approx(expected, abs=1e-12)
    assert tally.alpha == pytest.approx(0.810845, abs=1e-6)


@pytest.mark.parametrize("seed", range(5))
def test_closed_form_alpha_agrees_with_the_package(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large rounds skip the package (memory); the formula must give the same number."""
    rng = np.random.default_rng(seed)
    matrix = np.round(rng.normal(50, 15, (6, 40)) + rng.normal(0, 10, 40), 1)
    matrix[rng.random(matrix.shape) < 0.4] = np.nan
    ji, ei = np.nonzero(~np.isnan(matrix))
    order = np.lexsort((ji, ei))
    args = (ei[order], ji[order], matrix[ji, ei][order], 40, 6)
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="interval")
    assert reliability.interval_alpha(*args) == pytest.approx(expected, abs=1e-12)
    monkeypatch.setattr(reliability, "KRIPPENDORFF_PACKAGE_BUDGET", 0)
    assert reliability.interval_alpha(*args) == pytest.approx(expected, abs=1e-12)


def test_alpha_is_high_for_consistent_judges_and_near_zero_for_random_ones() -> None:
    rng = np.random.default_rng(11)
    entries = [f"e{i:02d}" for i in range(30)]
    quality = rng.uniform(1, 9, len(entries))
    consistent = [
        same(e, f"j{j}", float(np.clip(round(q + rng.normal(0, 0.5)), 0, 10)))
        for e, q in zip(entries, quality, strict=True)
        for j in range(4)
    ]
    noisy = [same(e, f"j{j}", int(rng.integers(0, 11))) for e in entries for j in range(4)]
    high = tally_round(rules(), entries, consistent).alpha
    low = tally_round(rules(), entries, noisy).alpha
    assert high is not None and high > 0.9
    assert low is not None and abs(low) < 0.2


def test_alpha_is_none_when_no_entry_has_two_judges() -> None:
    assert tally_round(rules(min_judges=1), ["a"], [same("a", "j1", 5)]).alpha is None
    assert tally_round(rules(), ["a", "b"], [same("a", "j1", 5), same("b", "j2", 5)]).alpha is None
    assert tally_round(rules(), ["a"], []).alpha is None


# --- determinism -----------------------------------------------------------------------


@pytest.mark.parametrize("correction", ["none", "additive", "zscore"])
def test_the_order_of_the_input_does_not_matter(correction: str) -> None:
    entries, scores = random_round(seed=5, n_entries=30, n_judges=8, per_entry=5)
    r = rules(
        correction=correction,
        advance_top=10,
        tie_break=("criterion:usefulness", "top_marks", "median"),
    )
    r = dataclasses.replace(r, awards=AWARDS)
    reference = tally_round(r, entries, scores)
    shuffle = random.Random(42)
    for _ in range(3):
        s2, e2 = scores[:], entries[:]
        shuffle.shuffle(s2)
        shuffle.shuffle(e2)
        assert tally_round(r, e2, s2) == reference  # exact equality, floats included


def test_an_empty_round_is_listed_not_ranked() -> None:
    tally = tally_round(rules(advance_top=2), ["a", "b"], [])
    assert [(e.entry, e.rank, e.score) for e in tally.entries] == [
        ("a", None, None),
        ("b", None, None),
    ]
    assert (tally.alpha, tally.judges, tally.diagnostics.components) == (None, (), 0)
