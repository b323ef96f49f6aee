"""Time judge assignment at the issue's scale: 5,000 entries x 200 judges x K=3.

    python benchmarks/bench_assign.py [--cli] [--reference]

Prints timings only (no assertions; target: under 10 s). Always: `assignment.solve`
(min-cost flow, island joining, minimum cut) on a synthetic round with 500 declared
conflicts and five expertise categories, and the same without expertise, best of 3,
beside a calibration loop. `--cli` also builds a 5,000-entry contest with
benchmarks/make_contest.py and times the whole `contest assign --round first` command
(reading 5,000 manifests included). `--reference` times networkx's stoer_wagner on the
same judge graph, beside the dense one the module uses.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.calibrate import calibration_us  # noqa: E402
from site_builder.judging.assignment import Demand, Panels, min_cut, solve  # noqa: E402

E, J, K = 5000, 200, 3
CATEGORIES = ["safety", "welfare", "transport", "environment", "business"]




def demand(expertise: bool) -> Demand:
    rng = np.random.default_rng(2015)
    entries = [f"entry-{i:05d}" for i in range(E)]
    judges = [f"bench-judge-{j:03d}" for j in range(J)]
    blocked = {entries[int(e)]: frozenset([judges[int(rng.integers(J))]])
               for e in rng.choice(E, 500, replace=False)}
    if not expertise:
        return Demand(entries, judges, K, blocked, seed=1)
    return Demand(entries, judges, K, blocked,
                  categories={e: CATEGORIES[i % 5] for i, e in enumerate(entries)},
                  expertise={j: frozenset([CATEGORIES[i % 5]]) for i, j in enumerate(judges)},
                  seed=1)


def best_of(runs: int, job: object) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = job()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", action="store_true")
    parser.add_argument("--reference", action="store_true")
    args = parser.parse_args()
    print(f"calibration: sum(range(1000)) takes {calibration_us():.1f} microseconds")
    for expertise in (False, True):
        d = demand(expertise)
        seconds, result = best_of(3, lambda d=d: solve(d))
        assert isinstance(result, Panels)
        loads = list(result.loads.values())
        print(f"solve {E} x {J} x K={K}{' with expertise' if expertise else ''}: "
              f"{seconds:.2f} s (best of 3); loads {min(loads)}-{max(loads)}, "
              f"min cut {result.min_cut}, expertise {result.expertise_matched}/{E * K}, "
              f"swaps {result.swaps}")
    if args.reference:
        import networkx as nx

        result = solve(demand(False))
        assert isinstance(result, Panels)
        index = {j: n for n, j in enumerate(result.loads)}
        table = np.array([[index[j] for j in p] for p in result.panels.values()])
        dense, cut = best_of(1, lambda: min_cut(table, J))
        graph = nx.Graph()
        for row in table.tolist():
            for a in row:
                for b in row:
                    if a < b:
                        w = graph.get_edge_data(a, b, {"weight": 0})["weight"]
                        graph.add_edge(a, b, weight=w + 1)
        ref, (ref_cut, _) = best_of(1, lambda: nx.stoer_wagner(graph))
        print(f"min cut: dense numpy {dense:.2f} s ({cut}), networkx {ref:.2f} s ({ref_cut}), "
              f"ratio {ref / dense:.0f}x")
    if args.cli:
        import yaml

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "contest"
            subprocess.run([sys.executable, str(REPO / "benchmarks/make_contest.py"),
                            "--entries", str(E), "--out", str(out)], check=True)
            data = yaml.safe_load((out / "contest.yml").read_text(encoding="utf-8"))
            logins = [f"bench-judge-{n:03d}" for n in range(1, J + 1)]
            data["judges"] = [{"github": j, "name": j, "affiliation": "Bench"} for j in logins]
            for round_ in data["rounds"]:
                round_["judges"] = list(logins)
            data["rounds"][0]["panel"] = {"size": K}
            (out / "contest.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                             encoding="utf-8")
            command = [sys.executable, "-m", "site_builder", "assign", "--round", "first",
                       "--write"]
            cpu: list[float] = []

            def run() -> subprocess.CompletedProcess[str]:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                done = subprocess.run(command, cwd=out, capture_output=True, text=True,
                                      check=False)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                return done

            seconds, done = best_of(3, run)
            print(done.stdout.strip() or done.stderr.strip())  # type: ignore[attr-defined]
            print(f"contest assign --round first --write, {E} entries x {J} judges: "
                  f"{seconds:.2f} s wall, {min(cpu):.2f} s CPU (best of 3; wall time is "
                  "CPU time plus waiting for a busy machine)")


if __name__ == "__main__":
    main()
