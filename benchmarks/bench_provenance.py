"""How long the ledger's provenance check takes, against the bare git walk it needs.

    python benchmarks/bench_provenance.py [--scores 25000] [--repeat 3]

Builds a repository (git fast-import) whose history holds N score commits made the
recorder's way, one file each, then times side by side in one run:

* floor: ``git log --raw`` over scores/ alone (what any such check must read);
* check: `provenance.provenance_problems` (that log with each commit's whole change,
  one ``git cat-file --batch`` and the comparison of every commit with its file).

Prints both and their ratio, with a calibration loop for the machine's speed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.calibrate import calibration_us  # noqa: E402

sys.path.insert(0, str(REPO / "tests"))

from contestkit import GIT_BASE, write_contest  # noqa: E402

from site_builder.core.contest import load_contest  # noqa: E402
from site_builder.judging import ledger, provenance  # noqa: E402
from site_builder.judging.ledger import ScoreRecord  # noqa: E402

JUDGES = [f"judge-{n:02d}" for n in range(5)]


def build(root: Path, count: int) -> None:
    write_contest(root, judges=JUDGES)
    contest = load_contest(root).contest
    assert contest is not None
    round_ = contest.rounds[0]
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=GIT_BASE)
    stream: list[bytes] = []
    for index in range(count):
        slug, judge = f"entry-{index // len(JUDGES):05d}", JUDGES[index % len(JUDGES)]
        record = ScoreRecord(
            round=round_.id, entry=slug, judge=judge,
            scores={c.id: (index + n) % 11 for n, c in enumerate(round_.criteria)},
            event_time="2015-12-17T03:00:00Z", rubric_sha256=round_.rubric_sha256(),
            comment_url=f"https://github.com/o/r/pull/{index + 1}#issuecomment-{index + 1}",
            pull_request=index // len(JUDGES) + 1,
        )
        text = ledger.dump(record).encode()
        message = (f"score: {slug} by {judge} ({round_.id})\n\nComment: {record.comment_url}\n"
                   f"Event-Time: {record.event_time}\nPull-Request: #{record.pull_request}\n"
                   ).encode()
        when = 1450321200 + index
        stream += [
            b"commit refs/heads/main\n",
            f"author {judge} <{judge}@users.noreply.github.com> {when} +0000\n".encode(),
            f"committer {contest.bot.name} <{contest.bot.email}> {when} +0000\n".encode(),
            f"data {len(message)}\n".encode(), message,
            f"M 100644 inline {record.path}\ndata {len(text)}\n".encode(), text, b"\n",
        ]
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(stream),
                   check=True, env=GIT_BASE)
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=root, check=True, env=GIT_BASE)




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scores", type=int, default=25_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as where:
        root = Path(where) / "contest"
        build(root, args.scores)
        contest = load_contest(root).contest
        assert contest is not None
        floors, checks = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(["git", "log", "--raw", "--no-abbrev", "--format=%H", "HEAD", "--",
                            "scores/"], cwd=root, check=True, capture_output=True)
            floors.append(time.perf_counter() - start)
            start = time.perf_counter()
            problems = provenance.provenance_problems(root, contest)
            checks.append(time.perf_counter() - start)
            assert problems == [], problems[:3]
    floor, check = min(floors), min(checks)
    print(f"{args.scores:,} score commits: bare git log {floor:.2f} s, provenance check "
          f"{check:.2f} s, ratio {check / floor:.2f} (best of {args.repeat}; calibration "
          f"{calibration_us():.1f} µs for sum(range(1000)))")


if __name__ == "__main__":
    main()
