"""How much `contest validate` costs over the bare minimum, and pull-request mode at any size.

    python benchmarks/bench_validate.py [--entries 5000] [--work /tmp/bench-validate]

Measured side by side in one run, on the same synthetic contest:

* baseline: for every manifest, PyYAML's CSafeLoader plus jsonschema's
  Draft7Validator with the same schema (the least any validator must do);
* `validate_repository`: everything `contest validate` checks (strict loading,
  located messages, links, licenses, images, personal data, duplicates).

The target is a ratio of at most 1.3. Then pull-request mode: one new entry
against N existing ones, as the CLI runs it in CI, for N = 100, 1,000 and N.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml
from jsonschema import Draft7Validator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.calibrate import calibration_us  # noqa: E402
from benchmarks.make_contest import make_contest  # noqa: E402
from site_builder.submissions.validate import validate_repository  # noqa: E402


def baseline(root: Path) -> int:
    schema = json.loads((root / "schema" / "entry.schema.json").read_text(encoding="utf-8"))
    validator = Draft7Validator(schema)
    errors = 0
    for manifest in sorted((root / "entries").glob("*/entry.yml")):
        with manifest.open("rb") as handle:
            data = yaml.load(handle, Loader=yaml.CSafeLoader)
        errors += sum(1 for _ in validator.iter_errors(data))
    return errors


def cpu_seconds() -> float:
    """User + system time of this process and of its finished children: `contest
    validate` shares a large contest with a forked child, whose time counts too."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(runs: int, fn: object) -> tuple[float, float]:
    """Best CPU time and best wall time of `runs` calls. CPU time is what the
    ratio uses: on a shared 2-core machine, wall time mostly measures the
    neighbours."""
    cpu, wall = [], []
    for _ in range(runs):
        start_cpu, start_wall = cpu_seconds(), time.perf_counter()
        fn()  # type: ignore[operator]
        cpu.append(cpu_seconds() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return min(cpu), min(wall)


def pr_mode_seconds(root: Path, work: Path, n: int) -> tuple[float, float]:
    repo = work / f"pr-{n}"
    if repo.exists():
        shutil.rmtree(repo)
    shutil.copytree(root, repo, ignore=_only_first(n))
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}
    git = ["git", "-C", str(repo), "-c", "gc.auto=0"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True, env=env)
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "contest"], check=True, env=env)
    subprocess.run([*git, "checkout", "-qb", "pr"], check=True, env=env)
    subprocess.run(
        [sys.executable, "-m", "site_builder", "new", "brand-new-service", "--github", "octocat",
         "--title", "완전히 새로운 서비스"],
        cwd=repo, check=True, env={**env, "PYTHONPATH": str(REPO)}, capture_output=True,
    )
    _fill_in(repo / "entries" / "brand-new-service")
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "entry"], check=True, env=env)
    # A CI checkout is a clone, whose objects come packed; freshly added ones are
    # loose files, slower to read, and `git gc --auto` would pack them in the
    # background in the middle of the measurement.
    subprocess.run([*git, "gc", "--quiet"], check=True, env=env)
    command = [sys.executable, "-m", "site_builder", "validate", "--base", "main",
               "--author", "octocat", "--submitted-at", "2015-11-01T12:00:00+09:00"]
    cpu, wall = [], []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, cwd=repo, env={**env, "PYTHONPATH": str(REPO)},
                                capture_output=True, text=True)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if result.returncode != 0:
            raise SystemExit(f"pull-request validation failed:\n{result.stdout}{result.stderr}")
    return statistics.median(cpu), statistics.median(wall)


def _fill_in(folder: Path) -> None:
    """Replace what `contest new` leaves for the entrant (validation refuses it)."""
    from PIL import Image

    from site_builder.submissions.scaffold import PLACEHOLDER_TEXT

    manifest = folder / "entry.yml"
    text = manifest.read_text(encoding="utf-8")
    for sentences in PLACEHOLDER_TEXT.values():
        for sentence in sentences:
            text = text.replace(sentence, "동네의 공공 와이파이를 지도에서 찾아 줍니다.")
    manifest.write_text(text, encoding="utf-8")
    with Image.open(folder / "screenshot-1.png") as drawn:
        drawn.convert("RGB").save(folder / "screenshot-1.png")


def _only_first(n: int):  # type: ignore[no-untyped-def]
    def ignore(folder: str, names: list[str]) -> list[str]:
        if Path(folder).name == "entries":
            keep = set(sorted(names)[:n])
            return [name for name in names if name not in keep]
        return []
    return ignore




def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-validate"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = args.work / f"contest-{args.entries}"
    if not (root / "contest.yml").exists():
        make_contest(root, args.entries, 0, 2015)

    validate_repository(root)  # warm the page cache and imports alike for both sides
    base_cpu, base_wall = best_of(args.runs, lambda: baseline(root))
    ours_cpu, ours_wall = best_of(args.runs, lambda: validate_repository(root))
    report = validate_repository(root).report
    print(f"entries: {args.entries}  (problems found: {len(report.problems)})")
    print(f"baseline CSafeLoader + jsonschema: {base_cpu:.2f} s CPU ({base_wall:.2f} s wall)")
    print(f"contest validate (all checks):     {ours_cpu:.2f} s CPU ({ours_wall:.2f} s wall)")
    print(f"ratio: {ours_cpu / base_cpu:.2f}  (target <= 1.3; CPU of both processes)")
    print(f"wall-time ratio: {ours_wall / base_wall:.2f}  (two processes against one)")

    print(f"calibration: sum(range(1000)) takes {calibration_us():.1f} microseconds here "
          "(8 to 10 on a typical desktop core; the figures scale with it)")
    for n in sorted({100, 1000, args.entries}):
        if n <= args.entries:
            cpu, wall = pr_mode_seconds(root, args.work, n)
            print(f"pull-request mode, one entry against {n:>5} others: "
                  f"{cpu:.2f} s CPU ({wall:.2f} s wall; target < 1 s)")


if __name__ == "__main__":
    main()
