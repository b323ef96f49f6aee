"""Build small contest repositories for tests: the example contest.yml, rewritten as needed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from site_builder.core.contest import load_contest
from site_builder.core.loader import CONTEST_SIZE_LIMIT, load_file
from site_builder.submissions.scaffold import PLACEHOLDER_LOGIN, PLACEHOLDER_TEXT, new_entry

REPO = Path(__file__).resolve().parents[1]

#: What a test's git sees: no user or system configuration, nothing inherited from the
#: caller's GIT_* variables, no prompt; an identity only where `git` is asked to give one
#: (a CI runner has none, and the recorder must set its own).
GIT_BASE = {
    **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
}
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Contest Test", "GIT_AUTHOR_EMAIL": "test@contest.invalid",
    "GIT_COMMITTER_NAME": "Contest Test", "GIT_COMMITTER_EMAIL": "test@contest.invalid",
}
GIT_ENV = {**GIT_BASE, **GIT_IDENTITY}


def git(cwd: Path, *args: str, identity: bool = True) -> str:
    """Run git in `cwd`, fail the test with its message if it fails; its output."""
    done = subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV if identity else GIT_BASE,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}:\n{done.stderr}"
    return done.stdout.strip()


def commit_all(cwd: Path, message: str) -> str:
    """Stage everything, commit (even when nothing changed) and return the commit."""
    git(cwd, "add", "-A")
    git(cwd, "commit", "--quiet", "--allow-empty", "-m", message)
    return git(cwd, "rev-parse", "HEAD")


def contest_data() -> dict[str, Any]:
    """The repository's contest.yml as data (through the strict loader: times stay text)."""
    data: dict[str, Any] = load_file(REPO / "contest.yml", "contest.yml", CONTEST_SIZE_LIMIT).data
    return data


def write_contest(
    root: Path,
    *,
    judges: Sequence[str] | None = None,
    first_judges: Sequence[str] | None = None,
    final_judges: Sequence[str] | None = None,
    conflicts: Mapping[str, Sequence[str]] | None = None,
    change: Any = None,
) -> dict[str, Any]:
    """contest.yml and schema/ in `root`. `judges` replaces the contest's judges (all
    are then judges of both rounds unless `first_judges`/`final_judges` say otherwise)."""
    data = contest_data()
    if judges is not None:
        data["judges"] = [
            {"github": login, "name": f"Judge {login}", "affiliation": "Test"} for login in judges
        ]
        for round_ in data["rounds"]:
            round_["judges"] = list(judges)
    if first_judges is not None:
        data["rounds"][0]["judges"] = list(first_judges)
    if final_judges is not None:
        data["rounds"][1]["judges"] = list(final_judges)
    for judge in data["judges"]:
        judge.pop("conflicts", None)
        if conflicts and judge["github"] in conflicts:
            judge["conflicts"] = list(conflicts[judge["github"]])
    for round_ in data["rounds"]:
        round_["min_judges"] = min(round_.get("min_judges", 3), len(round_["judges"]))
    if change is not None:
        change(data)
    root.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    (root / "contest.yml").write_text(text, encoding="utf-8")
    if not (root / "schema").exists():
        shutil.copytree(REPO / "schema", root / "schema")
    loaded = load_contest(root)
    assert loaded.contest is not None, [p.message("en") for p in loaded.problems]
    return data


def fill_in_scaffold(folder: Path, github: str | None = None) -> None:
    """What an entrant does after `contest new`: the sample sentences, the placeholder
    login (when `github` is given) and the drawn screenshot replaced by their own."""
    from PIL import Image

    manifest = folder / "entry.yml"
    text = manifest.read_text(encoding="utf-8")
    for key, sentences in PLACEHOLDER_TEXT.items():
        for sentence in sentences:
            text = text.replace(sentence, f"The {key} of the service, written by its team.")
    if github is not None:
        text = text.replace(f"github: {PLACEHOLDER_LOGIN}", f"github: {github}")
    manifest.write_text(text, encoding="utf-8")
    screenshot = folder / "screenshot-1.png"
    with Image.open(screenshot) as drawn:
        real = drawn.convert("RGB")
    real.putpixel((0, 0), (0, 0, 0))
    real.save(screenshot)  # no text chunk: no longer the scaffold's image


def add_entry(root: Path, slug: str, members: Iterable[str] = ("entrant-one",)) -> None:
    """A valid entry made by `contest new` and filled in, with the given team."""
    loaded = load_contest(root)
    assert loaded.contest is not None
    logins = list(members)
    path = new_entry(root, loaded.contest, slug, github=logins[0], category=None,
                     title=f"Service {slug}")
    fill_in_scaffold(path.parent)
    if len(logins) > 1:
        text = path.read_text(encoding="utf-8")
        extra = "".join(f"    - name: Member {login}\n      github: {login}\n"
                        for login in logins[1:])
        marker = f"      github: {logins[0]}\n"
        path.write_text(text.replace(marker, marker + extra, 1), encoding="utf-8")


def write_results(root: Path, round_id: str, advanced: Sequence[str]) -> None:
    """results/<round>.json in the tally's format (only `advanced` is read here)."""
    (root / "results").mkdir(exist_ok=True)
    document = {
        "version": 1,
        "round": round_id,
        "entries": [
            {"entry": slug, "rank": index + 1, "score": 90.0 - index, "complete": True,
             "advanced": True, "award": None}
            for index, slug in enumerate(advanced)
        ],
        "advanced": list(advanced),
    }
    (root / "results" / f"{round_id}.json").write_text(json.dumps(document), encoding="utf-8")
