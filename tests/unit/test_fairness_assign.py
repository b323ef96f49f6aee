"""Fairness of assigned panels, through the real command line: `contest assign` forms the
panels, judges with a leniency score on them, `contest tally` ranks.

5,000 entries, 200 judges, 3 judges per entry. Each entry has a true quality q ~ N(0, 1)
(in marks), each judge a leniency b ~ N(0, 0.7), every mark gets noise ~ N(0, 0.5) and is
rounded to half a mark: mark = 5.5 + q + b + noise on each criterion. Two designs with the
same 15,000 scores in all:

* ``assigned``: `contest assign --round first --write` (every entry exactly 3 judges,
  loads 75 each, connected);
* ``unbalanced``: every entry gets one random judge, and the other 10,000 scores go to
  random (entry, judge) pairs: some entries get 1 judge, some 7, loads vary.

The round's default correction (additive, trimmed) ranks both (min_judges 1, so every
entry is ranked). Observed: Spearman rho 0.987 assigned, 0.984 unbalanced (about a
minute on 2 loaded cores, mostly writing 30,000 files). It asserts
rho >= 0.93 for the assigned panels and a higher rho than the unbalanced ones.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import run_contest
from contestkit import write_contest
from test_fairness import spearman

from site_builder.core.contest import load_contest
from site_builder.judging import assignment
from site_builder.submissions.scaffold import new_entry

pytestmark = pytest.mark.slow

N_ENTRIES, N_JUDGES, K = 5000, 200, 3
JUDGES = [f"sim-judge-{j:03d}" for j in range(N_JUDGES)]
ENTRIES = [f"entry-{i:04d}" for i in range(N_ENTRIES)]
WEIGHTS = {"usefulness": 30, "creativity": 25, "public-data": 25, "completeness": 20}


def make(root: Path) -> str:
    """The contest with its 5,000 entries (one manifest's bytes, each its own slug);
    returns the first round's rubric fingerprint."""
    def change(data: dict[str, Any]) -> None:
        data["rounds"][0]["panel"] = {"size": K}
        data["rounds"][0]["min_judges"] = 1

    write_contest(root, judges=JUDGES, change=change)
    loaded = load_contest(root)
    assert loaded.contest is not None
    manifest = new_entry(root, loaded.contest, ENTRIES[0], github="entrant", category=None,
                         title="Service").read_bytes()
    for slug in ENTRIES[1:]:
        folder = root / "entries" / slug
        folder.mkdir(parents=True)
        (folder / "entry.yml").write_bytes(manifest)
    round_ = loaded.contest.round("first")
    assert round_ is not None
    return round_.rubric_sha256()


def score_and_tally(root: Path, rubric: str, panels: dict[str, list[str]],
                    quality: np.ndarray, leniency: dict[str, float], seed: int) -> float:
    rng = np.random.default_rng(seed)
    for e, slug in enumerate(ENTRIES):
        for login in panels[slug]:
            marks = 5.5 + quality[e] + leniency[login] + rng.normal(0.0, 0.5, len(WEIGHTS))
            marks = np.clip(np.round(marks * 2) / 2, 0, 10)
            lines = "".join(f"  {c}: {m:g}\n" for c, m in zip(WEIGHTS, marks, strict=True))
            folder = root / "scores" / "first" / slug
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{login}.yml").write_text(
                f"round: first\nentry: {slug}\njudge: {login}\nscores:\n{lines}"
                f"event_time: '2015-12-17T12:00:00Z'\nrubric_sha256: {rubric}\n",
                encoding="utf-8")
    # CSV: the published scores without the ledger commit, so no git is needed here.
    done = run_contest(["tally", "--round", "first", "--format", "csv"], root, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    score = {row["entry"]: float(row["score"]) for row in rows if row["score"]}
    assert len(score) == N_ENTRIES
    return spearman(np.array([score[slug] for slug in ENTRIES]), quality)


@pytest.fixture(scope="module")
def truth() -> tuple[np.ndarray, dict[str, float]]:
    rng = np.random.default_rng(2015)
    return rng.normal(0.0, 1.0, N_ENTRIES), dict(zip(JUDGES, rng.normal(0.0, 0.7, N_JUDGES),
                                                     strict=True))


def test_assigned_panels_rank_well_and_better_than_unbalanced_random_ones(
    tmp_path: Path, truth: tuple[np.ndarray, dict[str, float]]
) -> None:
    quality, leniency = truth
    assigned_root = tmp_path / "assigned"
    rubric = make(assigned_root)
    done = run_contest(["assign", "--round", "first", "--seed", "1", "--write"], assigned_root,
                       timeout=300)
    assert done.returncode == 0, done.stderr
    found, _ = assignment.read_assignment(assigned_root, "first")
    assert found is not None and found.min_cut > 0
    assigned = {slug: list(panel) for slug, panel in found.panels.items()}
    rho_assigned = score_and_tally(assigned_root, rubric, assigned, quality, leniency, 7)

    rng = np.random.default_rng(11)
    unbalanced: dict[str, list[str]] = {slug: [JUDGES[int(rng.integers(N_JUDGES))]]
                                        for slug in ENTRIES}
    extra = 0
    while extra < N_ENTRIES * (K - 1):
        slug, login = ENTRIES[int(rng.integers(N_ENTRIES))], JUDGES[int(rng.integers(N_JUDGES))]
        if login not in unbalanced[slug]:
            unbalanced[slug].append(login)
            extra += 1
    unbalanced_root = tmp_path / "unbalanced"
    make(unbalanced_root)
    rho_unbalanced = score_and_tally(unbalanced_root, rubric, unbalanced, quality, leniency, 7)

    print(f"Spearman rho: assigned {rho_assigned:.4f}, unbalanced {rho_unbalanced:.4f}")
    assert rho_assigned >= 0.93
    assert rho_assigned > rho_unbalanced
