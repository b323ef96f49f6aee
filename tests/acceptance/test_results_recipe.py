"""The results page's "verify it yourself" recipe, run as a visitor would run it.

The repository itself (its example ledger and published results) is pushed
to a bare origin; the results page is generated from a clone; each round's
shell block is run as written, in an empty folder, with `git clone` of the
GitHub address pointed at the bare origin (git's url.<base>.insteadOf) and
`contest` on PATH. It must pass; after a published result is altered and
committed, the recipe on the page built from that commit must fail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from contestkit import REPO, git, require_full_history

from site_builder.core.contest import load_contest
from site_builder.site.collect import collect
from site_builder.site.pages.results import results_page

pytestmark = pytest.mark.slow  # a clone of this repository, its recipes run (3 s a test)

NOW = datetime(2016, 1, 5, tzinfo=UTC)


@pytest.fixture(scope="module", autouse=True)
def full_history() -> None:
    require_full_history()


@pytest.fixture
def origin(tmp_path: Path) -> tuple[Path, Path]:
    """A bare origin holding this checkout's commit, and a working clone of it."""
    contest = load_contest(REPO).contest
    assert contest is not None and contest.repository
    owner, name = contest.repository.split("/")
    # Laid out as on GitHub, so that one insteadOf rule maps https://github.com/ here.
    bare = tmp_path / "github" / owner / f"{name}.git"
    bare.parent.mkdir(parents=True)
    git(tmp_path, "init", "--quiet", "--bare", str(bare))
    git(REPO, "push", "--quiet", str(bare), "HEAD:refs/heads/main")
    work = tmp_path / "work"
    git(tmp_path, "clone", "--quiet", "--branch", "main", str(bare), str(work))
    return bare, work


def recipes(work: Path) -> dict[str, str]:
    """round id -> the shell block the results page shows for it."""
    page = results_page(collect(work, NOW))
    blocks = re.findall(r"```sh\n(.*?)```", page, re.S)
    found = {re.search(r"--round (\S+)", block).group(1): block for block in blocks}  # type: ignore[union-attr]
    assert set(found) == {"first", "final"}, page
    return found


def run_recipe(block: str, bare: Path, where: Path) -> subprocess.CompletedProcess[str]:
    where.mkdir()
    tools = where.parent / f"{where.name}-bin"
    tools.mkdir()
    wrapper = tools / "contest"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m site_builder "$@"\n', "utf-8")
    wrapper.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO),
        # `git clone https://github.com/<owner>/<name>.git` reaches the bare origin instead.
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.{bare.parent.parent.as_uri()}/.insteadOf",
        "GIT_CONFIG_VALUE_0": "https://github.com/",
    }
    return subprocess.run(
        ["bash", "-e", "-c", block], cwd=where, env=env, capture_output=True, text=True,
        timeout=300, check=False,
    )


def test_each_round_recipe_verifies_what_the_page_shows(origin: tuple[Path, Path]) -> None:
    bare, work = origin
    for round_id, block in recipes(work).items():
        assert "git checkout " + git(work, "rev-parse", "HEAD") in block
        run = run_recipe(block, bare, work.parent / f"visitor-{round_id}")
        assert run.returncode == 0, run.stdout + run.stderr
        published = json.loads((work / "results" / f"{round_id}.json").read_text("utf-8"))
        # It checked this round's file (its hash is reported), not "nothing to check".
        assert published["data_sha256"] in run.stdout, run.stdout


def test_the_recipe_fails_when_a_published_result_differs(origin: tuple[Path, Path]) -> None:
    bare, work = origin
    path = work / "results" / "final.json"
    document = json.loads(path.read_text("utf-8"))
    document["entries"][0]["score"] = round(document["entries"][0]["score"] + 1.5, 2)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    git(work, "commit", "--quiet", "-am", "results: a winner's score, altered")
    git(work, "push", "--quiet", "origin", "HEAD:refs/heads/main")
    block = recipes(work)["final"]
    assert "git checkout " + git(work, "rev-parse", "HEAD") in block
    run = run_recipe(block, bare, work.parent / "visitor")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "score" in run.stdout
