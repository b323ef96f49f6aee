"""`contest assign`, `contest status` queues, `contest queues` and the recorder's panel
check, through the real command line and real git repositories."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import assert_no_traceback, invoke_contest
from contestkit import add_entry, commit_all, git, write_contest
from test_score_record_e2e import FULL_FIRST, build_origin, clone, payload, record

from site_builder.core import messages
from site_builder.core.contest import load_contest
from site_builder.judging import assignment
from site_builder.judging.recorder import Outcome

JUDGES = ["judge-a", "judge-b", "judge-c", "judge-d", "judge-e", "judge-f"]


def with_panel(size: int = 3, **panel: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["rounds"][0]["panel"] = {"size": size, **panel}
        data["rounds"][0]["min_judges"] = min(size, 3)
    return change


def make_contest(root: Path, entries: int = 14, *, conflicts: dict[str, list[str]] | None = None,
                 size: int = 3, history: bool = False) -> Path:
    """A contest whose first round has a panel; with `history`, a git repository where
    each entry came in by a squash-merged pull request #10, #11, ..."""
    write_contest(root, judges=JUDGES, conflicts=conflicts or {}, change=with_panel(size))
    if history:
        git(root, "init", "-q", "-b", "main")
        commit_all(root, "Start the contest")
    for index in range(entries):
        slug = f"entry-{index:03d}"
        team = ["entrant-x", "judge-e"] if index == 5 else [f"entrant-{index}"]
        add_entry(root, slug, team)
        if history:
            commit_all(root, f"Add {slug} (#{index + 10})")  # GitHub's squash-merge title
    return root


def test_assign_writes_a_balanced_conflict_free_file_read_back_strictly(tmp_path: Path) -> None:
    root = make_contest(tmp_path / "c", conflicts={"judge-a": ["entry-001", "entry-002"]})
    done = invoke_contest(["--lang", "en", "assign", "--round", "first", "--write"], root)
    assert_no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert "Wrote assignments/first.yml" in done.stdout
    found, problems = assignment.read_assignment(root, "first")
    assert not problems and found is not None
    assert sorted(found.panels) == [f"entry-{i:03d}" for i in range(14)]
    assert all(len(p) == 3 for p in found.panels.values())
    assert "judge-a" not in found.panels["entry-001"] + found.panels["entry-002"]
    assert "judge-e" not in found.panels["entry-005"]  # on the team
    loads = [len(found.queue(j)) for j in JUDGES]
    assert sum(loads) == 42 and max(loads) - min(loads) <= 1
    assert found.min_cut > 0 and f"min cut {found.min_cut}" in done.stdout
    # Deterministic: the same command writes the same bytes.
    text = (root / "assignments/first.yml").read_bytes()
    invoke_contest(["assign", "--round", "first", "--write"], root)
    assert (root / "assignments/first.yml").read_bytes() == text
    # Without --write nothing changes on disk.
    done = invoke_contest(["assign", "--round", "first", "--seed", "4"], root)
    assert done.returncode == 0 and (root / "assignments/first.yml").read_bytes() == text


def test_keep_after_a_late_judge_moves_only_the_new_judges_places(tmp_path: Path) -> None:
    root = make_contest(tmp_path / "c")
    assert invoke_contest(["assign", "--round", "first", "--write"], root).returncode == 0
    before, _ = assignment.read_assignment(root, "first")
    assert before is not None
    write_contest(root, judges=[*JUDGES, "judge-g"], change=with_panel())
    done = invoke_contest(["--lang", "en", "assign", "--round", "first", "--keep", "--write"], root)
    assert done.returncode == 0, done.stderr
    after, _ = assignment.read_assignment(root, "first")
    assert after is not None
    new = len(after.queue("judge-g"))
    assert new == 6  # 42 places over 7 judges
    moved = sum(len(set(before.panels[s]) - set(after.panels[s])) for s in before.panels)
    assert moved == new
    assert f"Kept {42 - new} of the 42 existing places" in done.stdout


def test_status_shows_each_judges_queue_and_queues_writes_the_issue(tmp_path: Path) -> None:
    root = make_contest(tmp_path / "c", history=True)
    assert invoke_contest(["assign", "--round", "first", "--write"], root).returncode == 0
    found, _ = assignment.read_assignment(root, "first")
    assert found is not None
    done = invoke_contest(["--lang", "en", "status", "--round", "first"], root)
    assert done.returncode == 0, done.stderr
    queue = found.queue("judge-b")
    assert f"judge-b: assigned {len(queue)}, scored 0, left {len(queue)}: " in done.stdout
    out = tmp_path / "queues"
    done = invoke_contest(["--lang", "en", "queues", "--out", str(out)], root)
    assert done.returncode == 0, done.stderr
    body = (out / "first.md").read_text(encoding="utf-8")
    assert body.startswith("<!-- contest-queues:first -->\n")
    assert (out / "first.title").read_text(encoding="utf-8").startswith("Judging queues: ")
    assert not (out / "final.md").exists()  # no assignment for that round
    slug = queue[0]
    number = int(slug.split("-")[1]) + 10
    link = f"- [ ] [`{slug}`](https://github.com/example-org/citizen-software-contest-2015/pull/{number})"
    section = body.split("### judge-b\n", 1)[1].split("###", 1)[0]
    assert link in section and section.count("- [ ]") == len(queue)


BAD = {
    "more conflicts than judges": (
        {"conflicts": {j: ["entry-003"] for j in JUDGES}}, ["assign", "--round", "first"],
        "assign.all-conflicted"),
    "panel larger than the judges free of conflict": (
        {"conflicts": {j: ["entry-003"] for j in JUDGES[:4]}}, ["assign", "--round", "first"],
        "assign.too-few-free"),
    "empty round": ({"entries": 0}, ["assign", "--round", "first"], "assign.empty-round"),
    "unknown round": ({}, ["assign", "--round", "semifinal"], "assign.unknown-round"),
    "round without a panel": ({}, ["assign", "--round", "final"], "assign.no-panel"),
}


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bad_input_gets_a_located_error_and_writes_nothing(tmp_path: Path, case: str,
                                                           lang: str) -> None:
    options, args, code = BAD[case]
    root = make_contest(tmp_path / "c", entries=options.get("entries", 8),
                        conflicts=options.get("conflicts"))
    done = invoke_contest(["--lang", lang, *args, "--write"], root)
    assert_no_traceback(done)
    assert done.returncode == 1, done.stdout + done.stderr
    first = done.stderr.splitlines()[0]
    assert re.match(r"^contest\.yml:\d+:\d+: ", first), first
    # The message itself, in the asked language, with its parameters filled in.
    template = messages.CATALOGUE[code][lang]
    assert template.split("{")[0].strip() in first
    assert "{" not in first
    assert not (root / "assignments").exists()


def test_a_panel_the_example_contest_could_not_have_is_refused_by_validate(tmp_path: Path
                                                                            ) -> None:
    root = tmp_path / "c"
    write_contest(root, judges=JUDGES)
    text = (root / "contest.yml").read_text(encoding="utf-8")
    text = text.replace("  min_judges: 3\n", "  min_judges: 3\n  panel:\n    size: 7\n", 1)
    (root / "contest.yml").write_text(text, encoding="utf-8")
    loaded = load_contest(root)
    assert [p.code for p in loaded.problems] == ["contest.panel-too-large"]


# --- the recorder follows the assignment ------------------------------------------------


@pytest.mark.parametrize("allow", [False, True])
def test_an_unassigned_judge_is_refused_unless_the_round_allows_it(tmp_path: Path,
                                                                   allow: bool) -> None:
    (tmp_path / "o").mkdir()
    origin = build_origin(
        tmp_path / "o", judges=["judge-ahn", "judge-baek", "Judge-Choi", "judge-dong"],
        change=with_panel(2, **({"allow_unassigned": True} if allow else {})))
    ci = clone(origin, tmp_path / "ci")
    panels = {"version": 1, "round": "first", "size": 2, "seed": 0, "method": "min-cost-flow",
              "min_cut": 1, "panels": {"wifi-finder": ["judge-ahn", "judge-baek"],
                                       "bus-stop": ["judge-ahn", "judge-baek"]}}
    from site_builder.core import yamldump

    (ci / "assignments").mkdir()
    (ci / "assignments/first.yml").write_text(yamldump.dump(panels, "x"), encoding="utf-8")
    git(ci, "add", "-A")
    git(ci, "commit", "-q", "-m", "Assign the first round")
    result = record(ci, payload(f"/score\n{FULL_FIRST}", "Judge-Choi", number=1), push=False)
    if allow:
        assert result.outcome is Outcome.RECORDED
        return
    assert result.outcome is Outcome.REFUSED
    assert [p.code for p in result.problems] == ["score.not-assigned"]
    assert "행정자치부" in result.reply  # whom to ask: the organizers of contest.yml
    assert "wifi-finder" in result.reply
    assert record(ci, payload(f"/score\n{FULL_FIRST}", "judge-ahn", number=1),
                  push=False).outcome is Outcome.RECORDED


def test_attack_judge_leaves_team_then_is_assigned_the_entry(tmp_path: Path) -> None:
    """A judge on an entry's team who is taken off it (a later commit on the default
    branch) still has the conflict: the panels never give them that entry."""
    root = make_contest(tmp_path / "c", history=True)
    manifest = root / "entries" / "entry-005" / "entry.yml"
    text = manifest.read_text("utf-8")
    assert "judge-e" in text
    manifest.write_text(text.replace("judge-e", "entrant-y"), "utf-8")  # judge-e leaves
    commit_all(root, "Team change for entry-005 (#40)")
    done = invoke_contest(["--lang", "en", "assign", "--round", "first", "--write"], root)
    assert done.returncode == 0, done.stderr
    found, _ = assignment.read_assignment(root, "first")
    assert found is not None
    assert "judge-e" not in found.panels["entry-005"]
    assert all(len(p) == 3 for p in found.panels.values())
