"""`contest tally`: from a real git ledger to results/<round>.json, and --check catching
every change a reader could care about."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
import subprocess
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from contestkit import (
    REPO,
    add_entry,
    commit_all,
    commit_scores,
    git,
    invoke_contest,
    write_contest,
)
from jsonschema import Draft7Validator

from site_builder.core.contest import Contest, load_contest
from site_builder.judging import ledger
from site_builder.judging.ledger import ScoreRecord
from site_builder.tallying import fingerprint, resultfiles

JUDGES = ["Judge-Ahn", "judge-baek", "judge-choi", "judge-dong"]
ENTRIES = ["air-watch", "bus-stop", "city-map", "dog-park", "eco-bin", "fire-safe", "good-food"]
SCHEMA = json.loads((REPO / "schema" / "results.schema.json").read_text(encoding="utf-8"))
def contest_tally(root: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return invoke_contest(["--root", str(root), "--lang", lang, "tally", *args], root)


def contest_of(root: Path) -> Contest:
    loaded = load_contest(root)
    assert loaded.contest is not None
    return loaded.contest


def score(root: Path, round_id: str, entry: str, judge: str, marks: list[float],
          **changes: Any) -> ScoreRecord:
    round_ = contest_of(root).round(round_id)
    assert round_ is not None
    record = ScoreRecord(
        round=round_id, entry=entry, judge=judge,
        scores=dict(zip([c.id for c in round_.criteria], marks, strict=True)),
        event_time=round_.opens.replace(hour=12).isoformat(),
        rubric_sha256=round_.rubric_sha256(), comment="좋습니다.",
        comment_url=f"https://github.com/o/r/pull/3#issuecomment-{zlib.crc32(entry.encode())}",
        pull_request=3,
    )
    record = replace(record, **changes)
    ledger.write_record(root, record)
    return record


# Marks by entry: the first five are clearly ordered; eco-bin has two scores only.
FIRST = {
    "air-watch": [9, 9, 8, 9], "bus-stop": [8, 7, 8, 8], "city-map": [7, 7, 7, 6],
    "dog-park": [6, 6, 5, 6], "fire-safe": [5, 4, 5, 5], "good-food": [4, 4, 4, 3],
}


def four_finalists(data: dict[str, Any]) -> None:
    data["rounds"][0]["advance"]["top"] = 4
    for award in data["awards"]:
        award["count"] = 1


def copy_repository(source: Path, target: Path) -> Path:
    """A copy of the git repository `source` (its commits the same), its index refreshed
    for the copied files' new inodes and times."""
    shutil.copytree(source, target, symlinks=True)
    git(target, "update-index", "-q", "--refresh")
    return target


@pytest.fixture(scope="module")
def root_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The contest, made once per module; each test gets a copy (`root`)."""
    root = tmp_path_factory.mktemp("template") / "contest"
    write_contest(root, judges=JUDGES, conflicts={"judge-choi": ["bus-stop"]},
                  change=four_finalists)
    for slug in ENTRIES:
        add_entry(root, slug, [f"team-{slug}"])
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "contest")
    return root


@pytest.fixture
def root(root_template: Path, tmp_path: Path) -> Path:
    return copy_repository(root_template, tmp_path / "contest")


def score_first_round(root: Path) -> None:
    for offset, judge in enumerate(JUDGES):
        for slug, marks in FIRST.items():
            if judge == "judge-choi" and slug == "bus-stop":
                continue  # the declared conflict
            score(root, "first", slug, judge, [max(0, m - offset % 2) for m in marks])
    score(root, "first", "eco-bin", "Judge-Ahn", [7, 7, 7, 7])
    score(root, "first", "eco-bin", "judge-baek", [6, 6, 6, 6])
    commit_scores(root)


@pytest.fixture(scope="module")
def published_template(root_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first round scored, its results written and committed, once per module."""
    root = copy_repository(root_template, tmp_path_factory.mktemp("published") / "contest")
    score_first_round(root)
    run = contest_tally(root, "--write")
    assert run.returncode == 0, run.stderr
    commit_all(root, "results: first")
    return root


@pytest.fixture
def published(published_template: Path, tmp_path: Path) -> Path:
    """A copy of `published_template` for one test."""
    return copy_repository(published_template, tmp_path / "contest")


def results(root: Path, round_id: str = "first") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / "results" / f"{round_id}.json").read_text("utf-8"))
    return data


# --- write and check -------------------------------------------------------------------------


def test_write_then_check_passes(published: Path) -> None:
    written = results(published)
    assert written["ledger_commit"] == git(published, "log", "-1", "--format=%H", "--", "scores")
    assert [e["entry"] for e in written["entries"]][:3] == ["air-watch", "bus-stop", "city-map"]
    assert written["advanced"] == ["air-watch", "bus-stop", "city-map", "dog-park"]
    run = contest_tally(published, "--check")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Verified: results/first.json" in run.stdout
    assert written["data_sha256"] in run.stdout
    assert "Results verified" in run.stdout
    korean = contest_tally(published, "--check", lang="ko")
    assert korean.returncode == 0 and "결과 확인 완료" in korean.stdout


def test_the_file_is_deterministic_and_names_the_scores_commit(published: Path) -> None:
    first = (published / "results" / "first.json").read_bytes()
    commit_all(published, "something else entirely")  # HEAD moves; the ledger does not
    assert contest_tally(published, "--write").returncode == 0
    assert (published / "results" / "first.json").read_bytes() == first
    assert first.endswith(b"}\n") and "안" not in first.decode()  # no escapes needed here
    assert list(json.loads(first)) == [
        "version", "round", "round_name", "ledger_commit", "data_sha256", "rubric_sha256",
        "method", "entries", "advanced", "awards", "judges", "reliability", "diagnostics",
    ]


def test_a_hand_edited_mark_fails_the_check_and_names_the_entry(published: Path) -> None:
    path = published / "scores" / "first" / "city-map" / "judge-dong.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("usefulness: 6", "usefulness: 10"), encoding="utf-8")
    run = contest_tally(published, "--check")
    assert run.returncode == 1
    assert "entry 'city-map', score: committed" in run.stdout
    assert "data_sha256: committed" in run.stdout
    assert "scores/first/ has changes that are not committed" in run.stderr
    commit_all(published, "edit a score by hand")
    run = contest_tally(published, "--check", lang="ko")
    assert run.returncode == 1
    assert "출품작 'city-map'의 score" in run.stdout
    assert "ledger_commit: 커밋된 값" in run.stdout
    assert "결과가 원장과 일치하지 않습니다" in run.stdout


def test_an_edited_results_file_fails_the_check(published: Path) -> None:
    data = results(published)
    data["entries"][0]["score"] = 99.99
    data["awards"] = {"grand": ["good-food"]}
    (published / "results" / "first.json").write_text(json.dumps(data), encoding="utf-8")
    run = contest_tally(published, "--check")
    assert run.returncode == 1
    assert "entry 'air-watch', score: committed 99.99, recomputed" in run.stdout
    assert 'awards.grand: committed ["good-food"], recomputed (absent)' in run.stdout


def test_a_changed_rubric_weight_is_detected(published: Path) -> None:
    text = (published / "contest.yml").read_text(encoding="utf-8")
    # 30/25 -> 35/20: still 100 in all, so contest.yml stays valid.
    changed = text.replace("weight: 30", "weight: 35", 1).replace("weight: 25", "weight: 20", 1)
    assert changed != text
    (published / "contest.yml").write_text(changed, encoding="utf-8")
    run = contest_tally(published, "--check")
    assert run.returncode == 1
    assert "The rubric of round 'first' (names, weights or maxima) changed" in run.stderr
    assert "scores/first/air-watch/judge-ahn.yml" in run.stderr


def test_write_refuses_uncommitted_scores(root: Path) -> None:
    score_first_round(root)
    score(root, "first", "eco-bin", "judge-dong", [5, 5, 5, 5])
    run = contest_tally(root, "--write")
    assert run.returncode == 1
    assert "scores/first/ has changes that are not committed" in run.stderr
    assert not (root / "results" / "first.json").exists()


def test_write_and_check_together_are_a_usage_error(root: Path) -> None:
    assert contest_tally(root, "--write", "--check").returncode == 2


# --- the document -----------------------------------------------------------------------------


def test_json_output_and_the_file_validate_against_the_results_schema(published: Path) -> None:
    run = contest_tally(published, "--round", "first", "--format", "json")
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    Draft7Validator.check_schema(SCHEMA)
    assert list(Draft7Validator(SCHEMA).iter_errors(document)) == []
    assert list(Draft7Validator(SCHEMA).iter_errors(results(published))) == []
    assert run.stdout == (published / "results" / "first.json").read_text(encoding="utf-8")


def test_incomplete_entries_are_listed_not_ranked(published: Path) -> None:
    data = results(published)
    eco = next(e for e in data["entries"] if e["entry"] == "eco-bin")
    assert eco["judges"] == 2 and eco["complete"] is False and eco["rank"] is None
    assert eco["score"] is not None and eco["advanced"] is False
    assert data["entries"][-1]["entry"] == "eco-bin"  # unranked ones come last
    ranked = [e["rank"] for e in data["entries"] if e["rank"] is not None]
    assert ranked == [1, 2, 3, 4, 5, 6]
    assert any(n["code"] == "incomplete" for n in data["diagnostics"]["notes"])
    bus = next(e for e in data["entries"] if e["entry"] == "bus-stop")
    assert bus["judges"] == 3  # judge-choi's conflict: three scores, not a zero
    text = contest_tally(published).stdout
    assert "incomplete" in text and "Service eco-bin (eco-bin)" in text


def test_diagnostics_in_korean_say_it_all_in_korean(published: Path) -> None:
    text = contest_tally(published, lang="ko").stdout
    notes = text[text.index("진단"):].splitlines()[1:]
    incomplete = next(line for line in notes if "순위를 매기지 않은" in line)
    assert incomplete == "- 채점한 심사위원이 3명보다 적어 순위를 매기지 않은 출품작 1개: eco-bin"
    for line in notes:
        assert not re.search(r"\b(?:the|and|are|not|scores|entries|fewer)\b", line), line


def test_published_numbers_are_rounded_and_ranks_use_exact_scores(published: Path) -> None:
    data = results(published)
    for entry in data["entries"]:
        for value in (entry["score"], entry["raw_mean"], entry["stderr"],
                      *entry["criteria"].values()):
            assert value is None or round(value, 2) == value
    assert {j["judge"] for j in data["judges"]} == set(JUDGES)
    assert abs(sum(j["leniency"] for j in data["judges"])) < 0.05


def test_text_markdown_and_csv(published: Path) -> None:
    text = contest_tally(published, "--round", "first")
    assert text.returncode == 0
    assert "Results of round 'first'" in text.stdout
    assert "Service air-watch (air-watch)" in text.stdout
    assert "advanced" in text.stdout and "Advancing to the next round: 4" in text.stdout
    korean = contest_tally(published, "--round", "first", lang="ko").stdout
    assert "순위" in korean and "진출" in korean and "미완료" in korean
    markdown = contest_tally(published, "--format", "markdown").stdout
    assert "| Rank | Entry | Score | Judges | Std err | Status |" in markdown
    assert "| 1 | Service air-watch (`air-watch`) |" in markdown
    rows = list(csv.DictReader(io.StringIO(contest_tally(published, "--format", "csv").stdout)))
    assert [r["entry"] for r in rows[:2]] == ["air-watch", "bus-stop"]
    assert rows[0]["rank"] == "1" and rows[0]["advanced"] == "true"
    assert rows[-1]["entry"] == "eco-bin" and rows[-1]["rank"] == ""
    assert rows[0]["usefulness"] and rows[0]["title"] == "Service air-watch"


def test_entrant_titles_cannot_break_a_terminal_or_a_spreadsheet(published: Path) -> None:
    manifest = published / "entries" / "air-watch" / "entry.yml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('title: "Service air-watch"', 'title: "=cmd|\\u001b[2J"'),
                        encoding="utf-8")
    shown = contest_tally(published).stdout
    assert "\x1b" not in shown and "=cmd|" in shown
    rows = list(csv.DictReader(io.StringIO(contest_tally(published, "--format", "csv").stdout)))
    assert rows[0]["title"].startswith("'=cmd|")


# --- refusals ---------------------------------------------------------------------------------


def test_the_final_round_without_first_round_results_refuses(root: Path) -> None:
    score_first_round(root)
    run = contest_tally(root, "--round", "final")
    assert run.returncode == 1
    assert "results/first.json, which lists them, does not exist" in run.stderr
    assert "contest tally --round first --write" in run.stderr
    assert contest_tally(root, "--round", "final", lang="ko").stderr.count("results/first.json")


@pytest.mark.parametrize("text, where", [
    # Reported where the bracket opens, not on the line after it where libyaml gives up.
    ("round: first\nentry: [unclosed\n", "scores/first/air-watch/judge-dong.yml:2:8"),
    ("round: first\nentry: air-watch\njudge: judge-dong\nscores: {usefulness: eleven}\n",
     "scores/first/air-watch/judge-dong.yml"),
])
def test_a_ledger_with_an_invalid_file_is_refused(root: Path, text: str, where: str) -> None:
    score_first_round(root)
    path = root / "scores" / "first" / "air-watch" / "judge-dong.yml"
    path.write_text(text, encoding="utf-8")
    run = contest_tally(root)
    assert run.returncode == 1
    assert where in run.stderr
    assert "Round 'first' was not tallied" in run.stderr
    assert run.stdout == ""
    commit_all(root, "a broken file")
    assert contest_tally(root, "--write").returncode == 1
    assert not (root / "results" / "first.json").exists()


def test_a_score_against_the_rules_is_refused(root: Path) -> None:
    score_first_round(root)
    score(root, "first", "bus-stop", "judge-choi", [5, 5, 5, 5])  # declared conflict
    run = contest_tally(root)
    assert run.returncode == 1
    assert "'judge-choi' declared a conflict of interest with 'bus-stop'" in run.stderr


def test_a_judge_on_the_team_is_found_even_with_many_entries(root: Path) -> None:
    add_entry(root, "ham-radio", ["someone", "judge-dong"])
    score_first_round(root)
    score(root, "first", "ham-radio", "judge-dong", [5, 5, 5, 5])
    run = contest_tally(root)
    assert run.returncode == 1
    assert "'judge-dong' is a member of the team of 'ham-radio'" in run.stderr


def test_outside_a_git_repository_json_cannot_run(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    write_contest(root, judges=JUDGES)
    add_entry(root, "air-watch")
    assert contest_tally(root).returncode == 0  # people's formats need no git
    run = contest_tally(root, "--format", "json")
    assert run.returncode == 2 and "not in a git repository" in run.stderr


def test_a_repository_without_commits_has_no_ledger_commit(tmp_path: Path) -> None:
    root = tmp_path / "fresh"
    write_contest(root, judges=JUDGES)
    add_entry(root, "air-watch")
    git(root, "init", "--quiet", "--initial-branch=main")
    run = contest_tally(root, "--format", "json")
    assert run.returncode == 1
    assert "No commit holds scores of round 'first'" in run.stderr


def test_a_shallow_clone_is_refused_with_the_way_out(published: Path, tmp_path: Path) -> None:
    commit_all(published, "one more commit, so that a depth-1 clone is shallow")
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth=1", published.as_uri(), str(clone))
    run = contest_tally(clone, "--check")
    assert run.returncode == 2
    assert "shallow" in run.stderr and "git fetch --unshallow" in run.stderr


# --- two rounds -------------------------------------------------------------------------------


def test_two_rounds_end_with_awards_and_verify(published: Path) -> None:
    advanced = results(published)["advanced"]
    final = {"air-watch": [8, 8, 8, 8], "bus-stop": [9, 9, 9, 9], "city-map": [6, 7, 6, 7],
             "dog-park": [5, 5, 5, 5]}
    for judge in JUDGES:
        for slug in advanced:
            if judge == "judge-choi" and slug == "bus-stop":
                continue
            score(published, "final", slug, judge, final[slug])
    commit_scores(published)
    run = contest_tally(published, "--write")
    assert run.returncode == 0, run.stderr
    assert "Wrote results/first.json" in run.stdout and "Wrote results/final.json" in run.stdout
    commit_all(published, "results: final")
    data = results(published, "final")
    assert data["advanced"] == [] and data["awards"]["grand"] == ["bus-stop"]
    assert data["awards"]["excellence"] == ["air-watch"]
    assert data["awards"]["merit"] == ["city-map"]
    assert data["awards"]["encouragement"] == ["dog-park"]
    assert next(e for e in data["entries"] if e["entry"] == "bus-stop")["award"] == "grand"
    assert list(Draft7Validator(SCHEMA).iter_errors(data)) == []
    text = contest_tally(published, "--round", "final").stdout
    assert "Awards" in text and "Service bus-stop (bus-stop)" in text
    assert contest_tally(published, "--check").returncode == 0


# --- the data fingerprint and the comparison ---------------------------------------------------


def test_the_data_hash_ignores_formatting_order_and_comments(published: Path) -> None:
    contest = contest_of(published)
    round_ = contest.rounds[0]
    records, problems = ledger.load_ledger(published, contest, "first")
    assert problems == []
    def triples(found: list[ScoreRecord]) -> list[tuple[str, str, dict[str, float]]]:
        return [(r.entry, r.judge, dict(r.scores)) for r in found]

    before = fingerprint.canonical_data(round_, ENTRIES, triples(records))
    reformatted = [
        replace(r, scores={k: float(v) for k, v in reversed(list(r.scores.items()))},
                judge=r.judge.upper())
        for r in reversed(records)
    ]
    assert fingerprint.canonical_data(round_, reversed(ENTRIES), triples(reformatted)) == before
    changed = [replace(records[0], scores={**records[0].scores, "usefulness": 0}), *records[1:]]
    assert fingerprint.canonical_data(round_, ENTRIES, triples(changed)) != before
    # A file rewritten in another YAML layout, uncommitted: the same data, still verified.
    path = published / records[0].path
    path.write_text("# rewritten by hand\n" + path.read_text(encoding="utf-8")
                    .replace(": 9\n", ": 9.0\n"), encoding="utf-8")
    run = contest_tally(published, "--check")
    assert run.returncode == 0, run.stdout


def test_compare_matches_rows_by_id_and_never_mixes_booleans_and_numbers() -> None:
    base = {"round": "first", "entries": [{"entry": "a", "rank": 1, "complete": True},
                                          {"entry": "b", "rank": 2, "complete": True}],
            "judges": [{"judge": "x", "leniency": 1.0}]}
    shuffled = {**base, "entries": list(reversed(base["entries"]))}
    assert resultfiles.compare(shuffled, base) == []
    assert resultfiles.compare({**base, "judges": [{"judge": "x", "leniency": 1}]}, base) == []
    flipped = {**base, "entries": [{"entry": "a", "rank": 1, "complete": 1}, base["entries"][1]]}
    (difference,) = resultfiles.compare(flipped, base)
    assert (difference.entry, difference.field) == ("a", "complete")
    missing = {**base, "entries": base["entries"][:1]}
    (difference,) = resultfiles.compare(missing, base)
    assert difference.entry == "b" and difference.committed is resultfiles.MISSING
    assert resultfiles.compare(base, json.loads(json.dumps(base))) == []
    nan = {**base, "judges": [{"judge": "x", "leniency": float("nan")}]}
    assert len(resultfiles.compare(nan, nan)) == 1  # NaN is never equal, not even to itself


def test_the_fingerprint_in_runs_is_one_json_dump_of_the_whole(published: Path) -> None:
    """The readers each write the canonical JSON of their own slugs; joined, the bytes
    are exactly those of the documented structure dumped at once."""
    round_ = contest_of(published).rounds[0]
    rng = random.Random(5)
    slugs = sorted(f"entry-{n:03d}" for n in range(40))
    scores = [(slug, judge,
               {"usefulness": rng.choice([7, 7.0, 7.5, 0]), "creativity": rng.randint(0, 10)})
              for slug in slugs
              for judge in rng.sample(["Ahn", "bae", "Cho-Lee", "ab", "ab-c"], rng.randint(0, 3))]
    def whole(value: Any) -> Any:  # the documented rule: 7.0 is written 7
        if isinstance(value, dict):
            return {k: whole(v) for k, v in value.items()}
        if isinstance(value, list):
            return [whole(v) for v in value]
        return int(value) if isinstance(value, float) and value.is_integer() else value

    reference = json.dumps(
        {"version": 1, "round": round_.id, "rubric": whole(round_.rubric()), "entries": slugs,
         "scores": sorted((s, j.lower(), whole(m)) for s, j, m in scores)},
        sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    assert fingerprint.canonical_data(round_, reversed(slugs), reversed(scores)) == reference
    cut = next(i for i, s in enumerate(scores) if s[0] >= "entry-020")
    runs = [fingerprint.scores_json(scores[:cut]), "", fingerprint.scores_json(scores[cut:])]
    assert fingerprint.assemble(round_, slugs, runs) == reference
