"""The repository's own example contest: its committed results are what its ledger gives.

This is what anyone who clones the repository can run to verify a published ranking.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from contestkit import REPO, git, invoke_contest, require_full_history

pytestmark = pytest.mark.slow  # a clone of this repository, tallied


def contest(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return invoke_contest(["--root", str(root), "--lang", "en", *args], root)


@pytest.fixture(scope="module", autouse=True)
def full_history() -> None:
    require_full_history()


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of the repository at the commit checked out here."""
    where = tmp_path_factory.mktemp("example") / "repo"
    git(REPO, "clone", "--quiet", "--no-checkout", str(REPO), str(where))
    git(where, "checkout", "--quiet", git(REPO, "rev-parse", "HEAD"))
    return where


def test_the_published_results_are_verified(copy: Path) -> None:
    run = contest(copy, "tally", "--check")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("Verified: ") == 2
    assert "Results verified: all 2 published results match the ledger." in run.stdout


def test_the_example_ledger_is_valid_and_complete(copy: Path) -> None:
    run = contest(copy, "validate")
    assert run.returncode == 0, run.stdout
    first = json.loads((copy / "results" / "first.json").read_text(encoding="utf-8"))
    final = json.loads((copy / "results" / "final.json").read_text(encoding="utf-8"))
    assert len(first["entries"]) == 15 and len(first["advanced"]) == 6
    assert sorted(e["entry"] for e in final["entries"]) == sorted(first["advanced"])
    assert {k: len(v) for k, v in final["awards"].items()} == {
        "grand": 1, "excellence": 1, "merit": 2, "encouragement": 2}
    assert not (copy / "scores" / "first" / "jeonse-safe-check" / "example-judge-choi.yml").exists()
    author = git(copy, "log", "-1", "--format=%an <%ae> / %cn", "--",
                 "scores/first/air-walk/example-judge-ahn.yml")
    assert author == ("example-judge-ahn <example-judge-ahn@users.noreply.github.com> / "
                      "contest-bot")


def test_one_changed_mark_in_a_copy_fails_the_check(copy: Path) -> None:
    path = copy / "scores" / "final" / "shelter-now" / "example-judge-gu.yml"
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("  usefulness: "))
    mark = float(lines[index].split(": ")[1])
    lines[index] = f"  usefulness: {int(mark) - 1 if mark >= 1 else 1}"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        run = contest(copy, "tally", "--check")
        assert run.returncode == 1
        assert "results/final.json differs from what the ledger gives" in run.stdout
        assert "entry 'shelter-now', score: committed" in run.stdout
        assert "Verified: results/first.json" in run.stdout  # the first round is untouched
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_korean_tally_names_its_method_in_korean(copy: Path, fmt: str) -> None:
    """The method line says what the configuration means, never its tokens
    ("trimmed", "additive", "criterion:usefulness > top_marks")."""
    run = invoke_contest(["--root", str(copy), "tally", "--round", "first", "--format", fmt],
                         copy)
    assert run.returncode == 0, run.stderr
    header = "\n".join(run.stdout.splitlines()[:8]).replace("&gt;", ">")
    assert "절사 평균" in header and "관대함 보정" in header, header
    assert "'활용성'의 보정 평균이 높은 쪽 > 만점을 받은 횟수가 많은 쪽" in header, header
    for token in ("trimmed", "additive", "criterion:", "top_marks", "median"):
        assert token not in header, (token, header)
