"""Judge panels (`judging.assignment.solve`): the rules each assignment must keep."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from site_builder.judging.assignment import Demand, Panels, Refusal, solve, stoer_wagner


def demand(n_entries: int = 120, n_judges: int = 17, size: int = 3, **extra: object) -> Demand:
    entries = [f"entry-{i:04d}" for i in range(n_entries)]
    judges = [f"judge-{j:02d}" for j in range(n_judges)]
    options: dict[str, object] = {"blocked": {}, **extra}
    return Demand(entries, judges, size, **options)  # type: ignore[arg-type]


def solved(d: Demand) -> Panels:
    result = solve(d)
    assert isinstance(result, Panels), result
    return result


def judge_graph(panels: Panels) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(j for j, load in panels.loads.items() if load)
    for panel in panels.panels.values():
        for a, b in itertools.combinations(panel, 2):
            weight = graph.get_edge_data(a, b, {"weight": 0})["weight"]
            graph.add_edge(a, b, weight=weight + 1)
    return graph


def test_every_entry_gets_exactly_k_distinct_judges_and_loads_differ_by_at_most_one() -> None:
    panels = solved(demand(n_entries=121, n_judges=17, size=3))
    assert all(len(set(p)) == 3 for p in panels.panels.values())
    loads = list(panels.loads.values())
    assert sum(loads) == 363 and max(loads) - min(loads) <= 1


def test_no_judge_gets_an_entry_they_have_a_conflict_with() -> None:
    rng = np.random.default_rng(3)
    d = demand(n_entries=200, n_judges=12)
    blocked = {slug: frozenset(rng.choice(list(d.judges), 4, replace=False).tolist())
               for slug in d.entries[::2]}
    panels = solved(demand(n_entries=200, n_judges=12, blocked=blocked))
    for slug, panel in panels.panels.items():
        assert not set(panel) & blocked.get(slug, frozenset()), slug
    loads = list(panels.loads.values())
    assert max(loads) - min(loads) <= 1


def test_max_load_binds_and_the_others_stay_balanced() -> None:
    panels = solved(demand(n_entries=100, n_judges=10, max_load={"judge-00": 5, "judge-01": 12}))
    assert panels.loads["judge-00"] == 5 and panels.loads["judge-01"] == 12
    others = [load for j, load in panels.loads.items() if j not in ("judge-00", "judge-01")]
    assert max(others) - min(others) <= 1 and sum(others) == 300 - 17


def test_expertise_is_preferred_but_the_design_stays_connected() -> None:
    categories = ["safety", "welfare", "transport", "environment"]
    d = demand(n_entries=160, n_judges=16,
               categories={f"entry-{i:04d}": categories[i % 4] for i in range(160)},
               expertise={f"judge-{j:02d}": frozenset([categories[j % 4]]) for j in range(16)})
    panels = solved(d)
    # Expertise alone would make four islands; swaps join them, and go on until no
    # group of judges is tied to the rest more loosely than one judge is.
    assert panels.expertise_matched >= 0.75 * 480
    assert panels.swaps >= 3
    graph = judge_graph(panels)
    assert nx.is_connected(graph)
    assert panels.min_cut == nx.stoer_wagner(graph)[0]
    assert panels.min_cut >= min(panels.loads.values()) * 2


def test_random_design_is_well_connected_and_min_cut_matches_networkx() -> None:
    panels = solved(demand(n_entries=300, n_judges=20))
    graph = judge_graph(panels)
    assert panels.min_cut == nx.stoer_wagner(graph)[0]
    # Every judge shares entries with others: the cut is far from a single link.
    assert panels.min_cut >= 30


@pytest.mark.parametrize("seed", range(12))
def test_dense_stoer_wagner_agrees_with_networkx(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 25))
    weights = np.triu(rng.integers(0, 4, (n, n)) * (rng.random((n, n)) < 0.3), 1)
    weights = weights + weights.T
    graph = nx.from_numpy_array(weights)
    expected = nx.stoer_wagner(graph)[0] if nx.is_connected(graph) else 0
    cut, side = stoer_wagner(weights.astype(float))
    assert cut == expected
    other = [v for v in range(n) if v not in side]
    assert side and other and weights[np.ix_(side, other)].sum() == cut


def test_the_same_seed_gives_the_same_panels_and_another_seed_other_ones() -> None:
    first = solved(demand(seed=7)).panels
    assert solved(demand(seed=7)).panels == first
    assert solved(demand(seed=8)).panels != first


def test_keep_changes_only_what_a_new_judge_needs() -> None:
    before = solved(demand(n_entries=120, n_judges=12, seed=1)).panels
    after = solved(demand(n_entries=120, n_judges=13, seed=1, keep=before))
    # 360 places over 13 judges: the new judge takes 27 or 28, each one moved place.
    new_load = after.loads["judge-12"]
    assert new_load in (27, 28)
    assert after.kept == 360 - new_load
    fresh = solved(demand(n_entries=120, n_judges=13, seed=1))
    moved_fresh = sum(len(set(before[s]) - set(fresh.panels[s])) for s in before)
    assert moved_fresh > new_load  # without --keep, more than the minimum


def test_keep_with_a_late_entry_moves_at_most_a_few_places() -> None:
    before = solved(demand(n_entries=120, n_judges=12, seed=2)).panels
    after = solved(demand(n_entries=121, n_judges=12, seed=2, keep=before))
    assert after.kept >= 360 - 3
    assert after.panels["entry-0120"]
    loads = list(after.loads.values())
    assert max(loads) - min(loads) <= 1


@pytest.mark.parametrize(
    ("d", "code"),
    [
        (demand(n_entries=0), "assign.empty-round"),
        (demand(n_judges=2, size=3), "assign.panel-too-large"),
        (demand(n_judges=4, blocked={"entry-0003": frozenset(
            ["judge-00", "judge-01", "judge-02", "judge-03"])}), "assign.all-conflicted"),
        (demand(n_judges=4, blocked={"entry-0003": frozenset(["judge-00", "judge-01"])}),
         "assign.too-few-free"),
        (demand(n_entries=10, n_judges=4, max_load={f"judge-0{j}": 5 for j in range(4)}),
         "assign.capacity"),
    ],
)
def test_impossible_demands_are_refused_with_a_reason(d: Demand, code: str) -> None:
    result = solve(d)
    assert isinstance(result, Refusal) and result.code == code
