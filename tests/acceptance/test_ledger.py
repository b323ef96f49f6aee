"""The score ledger: deterministic files the strict loader reads back, and `contest validate`."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from contestkit import add_entry, invoke_contest, write_contest, write_results

from site_builder.core.contest import Contest, load_contest
from site_builder.core.loader import load_bytes
from site_builder.judging import ledger, ledgerchecks, status
from site_builder.judging.ledger import ScoreRecord, dump, load_ledger, read_advanced, score_path
from site_builder.submissions.validate import validate_repository

JUDGES = ["Judge-Ahn", "judge-baek", "judge-choi", "judge-dong"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    write_contest(
        tmp_path,
        judges=JUDGES,
        final_judges=["Judge-Ahn", "judge-baek", "judge-dong"],
        conflicts={"judge-choi": ["bus-stop"]},
    )
    add_entry(tmp_path, "wifi-finder", ["entrant-one", "judge-dong"])
    add_entry(tmp_path, "bus-stop", ["entrant-two"])
    add_entry(tmp_path, "air-watch", ["entrant-three"])
    return tmp_path


def contest_of(root: Path) -> Contest:
    loaded = load_contest(root)
    assert loaded.contest is not None
    return loaded.contest


def record(contest: Contest, round_id: str = "first", entry: str = "bus-stop",
           judge: str = "Judge-Ahn", **changes: object) -> ScoreRecord:
    round_ = contest.round(round_id)
    assert round_ is not None
    base = ScoreRecord(
        round=round_id,
        entry=entry,
        judge=judge,
        scores={c.id: 7 for c in round_.criteria},
        event_time=(round_.opens.replace(hour=12)).isoformat(),
        rubric_sha256=round_.rubric_sha256(),
        comment="좋습니다.\n둘째 줄: 콜론",
        comment_url="https://github.com/o/r/pull/3#issuecomment-100",
        pull_request=3,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def problems(root: Path) -> list[tuple[str, str, str]]:
    run = validate_repository(root)
    return [(p.file, p.code, p.severity) for p in run.report if not p.file.startswith("entries")]


# --- writing ----------------------------------------------------------------------


def test_file_layout_and_key_order(root: Path) -> None:
    contest = contest_of(root)
    item = record(contest)
    path = ledger.write_record(root, item)
    assert path == root / "scores/first/bus-stop/judge-ahn.yml"
    text = path.read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line[0].isspace()]
    assert keys == list(ledger.FIELD_ORDER)
    assert "judge: Judge-Ahn\n" in text
    assert "comment: |-\n  좋습니다.\n  둘째 줄: 콜론\n" in text
    assert not list(path.parent.glob(".score-*"))


def test_writing_is_deterministic(root: Path) -> None:
    contest = contest_of(root)
    first = dump(record(contest))
    assert first == dump(record(contest))
    ledger.write_record(root, record(contest))
    again = (root / "scores/first/bus-stop/judge-ahn.yml").read_bytes()
    assert again == first.encode("utf-8")


@pytest.mark.parametrize("text", [
    "no", "1e3", "0o17", "true", "~", "null", "&a *b !c #d", "---\n...", "key: value",
    "trailing  \nspaces", "  leading\nindent", "한국어\n\n\n빈 줄", "👍🏽 emoji", "\\ back",
    "'single' \"double\"", "\u2028line sep", "\x85NEL", "- list\n- like", "%YAML 1.2",
])
def test_tricky_text_reads_back(root: Path, text: str) -> None:
    contest = contest_of(root)
    item = record(contest, comment=text)
    raw = dump(item).encode("utf-8")
    assert load_bytes(raw, item.path, 64 * 1024).data["comment"] == text


def test_values_that_look_like_other_types_stay_text(root: Path) -> None:
    item = ScoreRecord("first", "1e3", "no", {"usefulness": 8.5}, "2015-12-17T10:00:00+09:00",
                       "a" * 64)
    data = load_bytes(dump(item).encode(), item.path, 64 * 1024).data
    assert data == {"round": "first", "entry": "1e3", "judge": "no",
                    "scores": {"usefulness": 8.5},
                    "event_time": "2015-12-17T10:00:00+09:00", "rubric_sha256": "a" * 64}


@pytest.mark.parametrize(("round_id", "slug", "login"), [
    ("first", "../etc", "judge"), ("first", "wifi-finder", "../../x"),
    ("../x", "wifi-finder", "judge"), ("first", "wifi-finder", "a/b"),
])
def test_score_path_refuses_what_is_not_an_id(round_id: str, slug: str, login: str) -> None:
    with pytest.raises(ValueError, match="not a score path"):
        score_path(round_id, slug, login)


def test_score_path_lowercases_the_login() -> None:
    expected = "scores/final/wifi-finder/judge-ahn.yml"
    assert score_path("final", "wifi-finder", "Judge-Ahn") == expected


# --- reading ----------------------------------------------------------------------


def test_load_ledger_reads_back_what_was_written(root: Path) -> None:
    contest = contest_of(root)
    written = [record(contest), record(contest, judge="judge-baek", entry="air-watch")]
    for item in written:
        ledger.write_record(root, item)
    records, found = load_ledger(root, contest)
    assert found == []
    assert sorted(records, key=lambda r: r.path) == sorted(written, key=lambda r: r.path)


def test_an_empty_ledger_is_fine(root: Path) -> None:
    assert load_ledger(root, contest_of(root)) == ([], [])
    assert problems(root) == []


def test_layout_problems(root: Path) -> None:
    contest = contest_of(root)
    ledger.write_record(root, record(contest))
    scores = root / "scores"
    (scores / "notes.txt").write_text("x")
    (scores / "README.md").write_text("allowed")
    (scores / "first" / "loose.yml").write_text("x")
    (scores / "first" / "bus-stop" / "judge-baek.yaml").write_text("x")
    (scores / "first" / "bus-stop" / "sub").mkdir()
    os.symlink(scores / "first/bus-stop/judge-ahn.yml", scores / "first/bus-stop/judge-dong.yml")
    (scores / "first" / "bus-stop" / "Judge-Choi.yml").write_text("x")
    # Well-formed content in the bot's layout, but under a name in capitals.
    (scores / "first" / "bus-stop" / "JUDGE-BAEK.yml").write_text(
        dump(record(contest, judge="judge-baek")))
    (scores / "first" / "bus-stop" / "judge-choi.yml").mkdir()  # a folder named like a score
    (scores / "first" / "air-watch").mkdir()
    os.mkfifo(scores / "first" / "air-watch" / "judge-baek.yml")  # must not hang the reader
    (scores / "semi").mkdir()
    records, found = load_ledger(root, contest)
    assert len(records) == 1
    assert sorted((p.file, p.code) for p in found) == [
        ("scores/first/air-watch/judge-baek.yml", "ledger.stray-file"),
        ("scores/first/bus-stop/JUDGE-BAEK.yml", "ledger.login-case"),
        ("scores/first/bus-stop/Judge-Choi.yml", "ledger.login-case"),
        ("scores/first/bus-stop/judge-baek.yaml", "ledger.stray-file"),
        ("scores/first/bus-stop/judge-choi.yml", "ledger.stray-file"),
        ("scores/first/bus-stop/judge-dong.yml", "file.symlink"),
        ("scores/first/bus-stop/sub", "ledger.stray-file"),
        ("scores/first/loose.yml", "ledger.stray-file"),
        ("scores/notes.txt", "ledger.stray-file"),
        ("scores/semi", "ledger.unknown-round"),
    ]


def test_schema_and_yaml_problems(root: Path) -> None:
    folder = root / "scores/first/bus-stop"
    folder.mkdir(parents=True)
    (folder / "judge-ahn.yml").write_text(
        "round: first\nentry: bus-stop\njudge: Judge-Ahn\nscores:\n  usefulness: '8'\n"
        "event_time: 2015-12-17\nrubric_sha256: x\n", encoding="utf-8")
    (folder / "judge-baek.yml").write_text("round: first\nround: final\n", encoding="utf-8")
    _, found = load_ledger(root, contest_of(root))
    codes = sorted((p.file.rsplit("/", 1)[1], p.code, p.line) for p in found)
    assert codes == [
        ("judge-ahn.yml", "schema.format", 6),
        ("judge-ahn.yml", "schema.pattern", 7),
        ("judge-ahn.yml", "schema.type", 5),
        ("judge-baek.yml", "yaml.duplicate-key", 2),
    ]


def test_path_must_match_fields(root: Path) -> None:
    contest = contest_of(root)
    item = record(contest)
    folder = root / "scores/first/air-watch"
    folder.mkdir(parents=True)
    (folder / "judge-baek.yml").write_text(dump(item), encoding="utf-8")
    records, found = load_ledger(root, contest)
    assert records == []
    assert sorted((p.code, p.field, p.line) for p in found) == [
        ("ledger.path-mismatch", "entry", 2), ("ledger.path-mismatch", "judge", 3)
    ]


# --- contest validate ----------------------------------------------------------------


def test_a_valid_ledger_validates(root: Path) -> None:
    contest = contest_of(root)
    ledger.write_record(root, record(contest))
    ledger.write_record(root, record(contest, judge="judge-baek"))
    assert problems(root) == []


def test_semantic_problems(root: Path) -> None:
    contest = contest_of(root)
    first = contest.round("first")
    assert first is not None
    cases = {
        "outsider": record(contest, judge="outsider"),
        "declared": record(contest, judge="judge-choi"),
        "team": record(contest, judge="judge-dong", entry="wifi-finder"),
        "unknown entry": record(contest, judge="judge-baek", entry="ghost-entry"),
        "missing": record(contest, judge="judge-baek", entry="air-watch",
                          scores={"usefulness": 8}),
        "unknown+over": record(contest, judge="Judge-Ahn", entry="air-watch",
                               scores={**{c.id: 7 for c in first.criteria},
                                       "usefulness": 11, "bonus": 1}),
        "rubric": record(contest, judge="judge-dong", entry="bus-stop", rubric_sha256="0" * 64),
        "late": record(contest, judge="judge-dong", entry="air-watch",
                       event_time="2015-12-21T18:00:01+09:00"),
        "spelling": record(contest, judge="judge-ahn", entry="wifi-finder"),
    }
    for item in cases.values():
        ledger.write_record(root, item)
    found = problems(root)
    assert sorted(found) == sorted([
        ("scores/first/bus-stop/outsider.yml", "ledger.not-judge", "error"),
        ("scores/first/bus-stop/judge-choi.yml", "ledger.conflict-declared", "error"),
        ("scores/first/wifi-finder/judge-dong.yml", "ledger.conflict-team", "error"),
        ("scores/first/ghost-entry/judge-baek.yml", "ledger.unknown-entry", "error"),
        ("scores/first/air-watch/judge-baek.yml", "ledger.criteria-missing", "error"),
        ("scores/first/air-watch/judge-ahn.yml", "ledger.criteria-unknown", "error"),
        ("scores/first/air-watch/judge-ahn.yml", "ledger.over-max", "error"),
        ("scores/first/bus-stop/judge-dong.yml", "ledger.rubric-changed", "error"),
        ("scores/first/air-watch/judge-dong.yml", "ledger.outside-window", "error"),
        ("scores/first/wifi-finder/judge-ahn.yml", "ledger.judge-spelling", "warning"),
    ])


def test_the_quick_check_never_passes_what_the_full_check_refuses(root: Path) -> None:
    """The tally decides most scores with `Checker.passes`, on their data alone; only a
    score it does not pass gets the full `check`. Whatever it passes, the full check
    must have nothing to say about."""
    contest = contest_of(root)
    first = contest.round("first")
    assert first is not None
    write_results(root, "first", ["air-watch", "wifi-finder"])
    teams = {
        slug: ledger.team_logins(load_bytes(
            (root / "entries" / slug / "entry.yml").read_bytes(), "entry.yml", 10**6).data)
        for slug in ("wifi-finder", "bus-stop", "air-watch")
    }
    marks = {c.id: 7 for c in first.criteria}
    variants = [
        record(contest, judge="outsider"),
        record(contest, judge="judge-choi"),  # declared conflict
        record(contest, judge="judge-dong", entry="wifi-finder"),  # on the team
        record(contest, judge="Judge-Dong", entry="wifi-finder"),  # the same, spelled otherwise
        record(contest, entry="ghost-entry"),
        record(contest, scores={"usefulness": 8}),
        record(contest, scores={**marks, "bonus": 1}),
        record(contest, scores={**marks, "usefulness": 11}),
        record(contest, rubric_sha256="0" * 64),
        record(contest, event_time="2015-12-21T18:00:01+09:00"),
        record(contest, event_time="2015-01-01T00:00:00+09:00"),
        record(contest, judge="judge-ahn"),  # a spelling warning
        record(contest, "final", "air-watch", judge="judge-choi"),  # not a final judge
        record(contest, "final", "bus-stop"),  # did not advance
    ]
    clean = [record(contest), record(contest, judge="judge-baek", entry="air-watch"),
             record(contest, "final", "air-watch")]
    passed = []
    for item in clean + variants:
        checker = ledgerchecks.Checker(root, contest, teams)
        full = checker.check(ledger.LedgerFile(item, item.path, dump(item)))
        assert (full == []) == (item in clean), (item, full)
        if checker.passes(item.to_data()):
            passed.append(item)
            assert full == [], item
    assert passed == clean  # and each clean score is passed by the quick check alone


def test_a_changed_rubric_is_reported_for_every_earlier_score(root: Path) -> None:
    contest = contest_of(root)
    ledger.write_record(root, record(contest))

    def heavier(data: dict[str, object]) -> None:
        rounds = data["rounds"]
        assert isinstance(rounds, list)
        rounds[0]["criteria"][0]["max"] = 20

    write_contest(root, judges=JUDGES, final_judges=["Judge-Ahn", "judge-baek", "judge-dong"],
                  conflicts={"judge-choi": ["bus-stop"]}, change=heavier)
    assert ("scores/first/bus-stop/judge-ahn.yml", "ledger.rubric-changed", "error") in problems(
        root)


def test_second_round_needs_the_entry_to_have_advanced(root: Path) -> None:
    contest = contest_of(root)
    ledger.write_record(root, record(contest, "final", "bus-stop"))
    ledger.write_record(root, record(contest, "final", "air-watch"))
    assert problems(root) == [("results/first.json", "ledger.results-missing", "warning")]
    write_results(root, "first", ["air-watch"])
    assert problems(root) == [
        ("scores/final/bus-stop/judge-ahn.yml", "ledger.not-advanced", "error")
    ]
    (root / "results/first.json").write_text('{"advanced": "air-watch"}')
    assert problems(root) == [("results/first.json", "ledger.results-invalid", "error")]


@pytest.mark.parametrize(("content", "detail"), [
    ("[1, 2]", "not a JSON object"),
    ('{"round": "final", "advanced": []}', "'round' is 'final'"),
    ('{"advanced": [1]}', "not a list"),
    ("{", "Expecting"),
    ('{"version": 1}', "not a list"),
])
def test_results_are_read_defensively(tmp_path: Path, content: str, detail: str) -> None:
    (tmp_path / "results").mkdir()
    (tmp_path / "results/first.json").write_text(content)
    found = read_advanced(tmp_path, "first")
    assert found.slugs is None and found.problem is not None
    assert detail in found.problem.params["detail"]


def test_results_extra_fields_are_ignored(tmp_path: Path) -> None:
    write_results(tmp_path, "first", ["a-b", "c-d"])
    assert read_advanced(tmp_path, "first").slugs == {"a-b", "c-d"}
    assert read_advanced(tmp_path, "final").slugs is None
    assert read_advanced(tmp_path, "final").problem is None


def test_contest_validate_scores_cli(root: Path) -> None:
    contest = contest_of(root)
    ledger.write_record(root, record(contest, judge="outsider"))
    run = invoke_contest(["--root", str(root), "--lang", "en", "validate",
                          str(root / "scores"), "--format", "json"], root)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert [p["code"] for p in report["problems"]] == ["ledger.not-judge"]
    assert report["problems"][0]["message"] == "'outsider' is not a judge of round 'first'."


# --- contest status ---------------------------------------------------------------------


def test_status_matrix_conflicts_missing_and_below_min(root: Path) -> None:
    contest = contest_of(root)
    ledger.write_record(root, record(contest, entry="bus-stop", judge="Judge-Ahn"))
    ledger.write_record(root, record(contest, entry="bus-stop", judge="judge-baek"))
    ledger.write_record(root, record(contest, entry="air-watch", judge="judge-dong"))
    cov = status.coverage(root, contest, "first")
    assert cov.entries == ["air-watch", "bus-stop", "wifi-finder"]
    assert cov.judges == JUDGES
    assert [cov.state("bus-stop", j) for j in JUDGES] == ["scored", "scored", "conflict",
                                                           "missing"]
    assert cov.state("wifi-finder", "judge-dong") == "conflict"  # on the team
    assert cov.missing_by_judge() == {
        "Judge-Ahn": ["air-watch", "wifi-finder"],
        "judge-baek": ["air-watch", "wifi-finder"],
        "judge-choi": ["air-watch", "wifi-finder"],
        "judge-dong": ["bus-stop"],
    }
    assert cov.below_min() == [("air-watch", 1, 4), ("bus-stop", 2, 3), ("wifi-finder", 0, 3)]
    assert (cov.total_scored, cov.expected) == (3, 10)
    text = status.render_text(cov, "en")
    row = next(line for line in text.splitlines() if line.startswith("bus-stop "))
    assert row.split() == ["bus-stop", "✓", "✓", "✗", "·", "2/3"]
    assert "judge-dong (1): bus-stop" in text
    markdown = status.render_markdown(cov, "ko")
    assert "| `bus-stop` | ✓ | ✓ | ✗ | · | 2/3 |" in markdown


def test_status_names_manifests_it_cannot_read(root: Path) -> None:
    """A team that cannot be read cannot show a conflict: the organizer is told which."""
    contest = contest_of(root)
    manifest = root / "entries" / "air-watch" / "entry.yml"
    good = manifest.read_text(encoding="utf-8")
    manifest.write_text("title: [unclosed\n")
    cov = status.coverage(root, contest, "first")
    assert cov.unreadable == ["air-watch"]
    assert "air-watch. Run `contest validate` to see why." in status.render_text(cov, "en")
    assert "air-watch" in status.render_markdown(cov, "ko").split("####")[0]
    assert status.as_json(cov)["unreadable"] == ["air-watch"]
    manifest.write_text(good, encoding="utf-8")  # mended
    mended = status.coverage(root, contest, "first")
    assert mended.unreadable == [] and "cannot be read" not in status.render_text(mended, "en")


def test_status_says_when_min_judges_cannot_be_reached(root: Path) -> None:
    write_contest(root, judges=JUDGES, first_judges=["judge-choi", "judge-dong", "Judge-Ahn"],
                  conflicts={"judge-choi": ["bus-stop", "wifi-finder"]})
    cov = status.coverage(root, contest_of(root), "first")
    assert cov.round.min_judges == 3
    assert ("wifi-finder", 0, 1) in cov.below_min()
    assert "only 1 judges without a conflict" in status.render_text(cov, "en")


def test_status_of_a_later_round_follows_the_results(root: Path) -> None:
    contest = contest_of(root)
    cov = status.coverage(root, contest, "final")
    assert cov.advanced_file == "results/first.json" and len(cov.entries) == 3
    write_results(root, "first", ["wifi-finder", "bus-stop"])
    cov = status.coverage(root, contest, "final")
    assert cov.advanced_file is None and cov.entries == ["bus-stop", "wifi-finder"]


def test_status_default_round_and_cli_json(root: Path) -> None:
    from datetime import datetime

    contest = contest_of(root)
    during_final = datetime.fromisoformat("2015-12-23T12:00:00+09:00")
    between = datetime.fromisoformat("2015-12-21T20:00:00+09:00")
    before = datetime.fromisoformat("2015-01-01T00:00:00+09:00")
    assert status.default_round(contest, during_final).id == "final"
    assert status.default_round(contest, between).id == "first"
    assert status.default_round(contest, before).id == "first"
    ledger.write_record(root, record(contest, entry="air-watch", judge="judge-baek"))
    run = invoke_contest(["--root", str(root), "status", "--round", "first", "--format", "json"],
                         root)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["round"] == "first" and data["scored"] == 1
    assert data["entries"][0]["judges"]["judge-baek"] == "scored"
    assert data["entries"][1]["judges"]["judge-choi"] == "conflict"
    bad = invoke_contest(["--root", str(root), "status", "--round", "x"], root)
    assert bad.returncode == 2 and "'x'(이)라는 심사 단계가 없습니다." in bad.stderr
    assert "심사 단계 id: first, final" in bad.stderr
