"""What the showcase's hooks cost over a bare MkDocs build, and how builds grow.

    python benchmarks/bench_site.py [--sizes 1000 2000] [--large 5000] [--work /tmp/bench-site]
                                    [--runs 3]

Measured side by side in one run, on synthetic contests from make_contest.py:

* bare: `mkdocs build` of what `contest generate` wrote (plain Markdown, the
  same pages, data files and images; no hooks);
* contest: `contest build` of the contest itself (MkDocs plus the hooks that
  collect, render and generate every page, and the search keys).

`contest generate` runs first, which also warms the image and description
caches, as any rebuild finds them. Each build runs --runs times (3), alternating,
and the fastest run counts (the machine is shared and noisy). CPU time (user +
system, children included: `contest build` may fork to check entries) is printed
too; a busy neighbour disturbs it far less than wall time. Targets: contest /
bare <= 1.15 in wall time, and contest(2N) / contest(N) <= 2.3 (no quadratic growth).
For the large contest it reports the gallery page and search index sizes.
Prints figures only; no assertions.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV = {
    **os.environ,
    "PYTHONPATH": str(REPO),
    "CONTEST_NOW": "2015-12-31T12:00:00+09:00",
    "NO_MKDOCS_2_WARNING": "1",
}


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user + system) of the command and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def contest(size: int, work: Path) -> Path:
    root = work / f"contest-{size}"
    if not (root / "contest.yml").exists():
        subprocess.run(
            [
                sys.executable,
                str(REPO / "benchmarks" / "make_contest.py"),
                "--entries",
                str(size),
                "--out",
                str(root),
            ],
            check=True,
            env=ENV,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run(["git", "add", "-A"], cwd=root, check=True)
        subprocess.run(
            [
                "git",
                "-c",
                "user.name=bench",
                "-c",
                "user.email=bench@example.invalid",
                "commit",
                "-qm",
                "contest",
            ],
            cwd=root,
            check=True,
        )
    return root


def measure(size: int, work: Path, runs: int) -> dict[str, float]:
    root = contest(size, work)
    plain = work / f"plain-{size}"
    tool = [sys.executable, "-m", "site_builder"]
    generate, _ = run([*tool, "generate", "--out", str(plain)], root)
    bare: list[tuple[float, float]] = []
    built: list[tuple[float, float]] = []
    for _ in range(runs):
        bare.append(
            run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "bare-site")],
                plain,
            )
        )
        built.append(run([*tool, "build", "--out", str(work / f"site-{size}")], root))
    return {
        "generate": generate,
        "bare": min(wall for wall, _ in bare),
        "contest": min(wall for wall, _ in built),
        "bare cpu": min(cpu for _, cpu in bare),
        "contest cpu": min(cpu for _, cpu in built),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-site"))
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind, alternating")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, float]] = {}
    for size in sorted({*args.sizes, args.large}):
        results[size] = measure(size, args.work, args.runs)
        r = results[size]
        print(
            f"{size:>6} entries: bare mkdocs {r['bare']:7.2f} s   "
            f"contest build {r['contest']:7.2f} s   ratio {r['contest'] / r['bare']:.3f}   "
            f"(CPU {r['bare cpu']:.2f} / {r['contest cpu']:.2f} s, "
            f"ratio {r['contest cpu'] / r['bare cpu']:.3f}; generate {r['generate']:.2f} s)",
            flush=True,
        )
    sizes = sorted(results)
    for small, big in itertools.pairwise(sizes):
        growth = results[big]["contest"] / results[small]["contest"]
        print(
            f"growth {small} -> {big} entries ({big / small:.1f}x): contest build x{growth:.2f}, "
            f"bare mkdocs x{results[big]['bare'] / results[small]['bare']:.2f}"
        )
    site = args.work / f"site-{args.large}"
    gallery = (site / "gallery" / "index.html").stat().st_size
    index = site / "search" / "search_index.json"
    data = json.loads(index.read_text("utf-8"))
    entries = [d for d in data["docs"] if d["location"].startswith("entries/")]
    keys = sum(len(d.get("keys", "").encode()) for d in entries)
    cards = (site / "gallery" / "cards.json").stat().st_size
    print(
        f"at {args.large} entries: gallery page {gallery / 1024:.1f} KB of HTML, "
        f"cards.json {cards / 1024:.0f} KB, "
        f"search index {index.stat().st_size / 1024 / 1024:.2f} MB "
        f"({len(data['docs'])} records; search keys (suffixes, spellings, description words) "
        f"{keys / 1024 / 1024:.2f} MB)"
    )
    shutil.rmtree(args.work / "bare-site", ignore_errors=True)


if __name__ == "__main__":
    main()
