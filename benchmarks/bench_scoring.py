"""Time ``tally_round`` on a large synthetic round: 5,000 and 1,000 entries, 5 judges each.

Run: ``python benchmarks/bench_scoring.py``.  Prints timings only (no assertions): the whole
``contest tally`` command has a 2 s budget including reading 25,000 score files, so the math
should stay well under 0.5 s at 5,000 entries.
"""

from __future__ import annotations

import time

import numpy as np

from site_builder.tallying.scoring import Criterion, RoundRules, Score, tally_round

RULES = RoundRules(
    criteria=(
        Criterion("usefulness", 30, 10),
        Criterion("creativity", 25, 10),
        Criterion("public-data", 25, 10),
        Criterion("completeness", 20, 10),
    ),
    aggregation="trimmed",
    correction="additive",
    min_judges=3,
    tie_break=("criterion:usefulness", "top_marks", "median"),
    advance_top=100,
)


def synthetic_round(n_entries: int, n_judges: int = 50, per_entry: int = 5, seed: int = 1):
    """Entries with a true quality, judges with a leniency, integer marks with noise."""
    rng = np.random.default_rng(seed)
    quality = rng.normal(6.0, 1.5, n_entries)
    leniency = rng.normal(0.0, 0.8, n_judges)
    entries = [f"entry-{i:05d}" for i in range(n_entries)]
    judges = [f"judge-{j:02d}" for j in range(n_judges)]
    scores = []
    for e in range(n_entries):
        for j in rng.choice(n_judges, per_entry, replace=False):
            marks = np.clip(np.round(quality[e] + leniency[j] + rng.normal(0, 1, 4)), 0, 10)
            values = {c.id: int(m) for c, m in zip(RULES.criteria, marks, strict=True)}
            scores.append(Score(entries[e], judges[j], values))
    return entries, scores


def best_of(n_entries: int, repeat: int = 5) -> float:
    entries, scores = synthetic_round(n_entries)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        tally_round(RULES, entries, scores)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    small, large = best_of(1_000), best_of(5_000)
    print(f"tally_round  1,000 entries x 5 judges (pool 50): {small * 1000:8.1f} ms")
    print(f"tally_round  5,000 entries x 5 judges (pool 50): {large * 1000:8.1f} ms")
    print(f"ratio 5,000 / 1,000: {large / small:.2f} (5.0 would be linear)")


if __name__ == "__main__":
    main()
