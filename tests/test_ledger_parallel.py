"""Scanning a large ledger in two processes gives exactly what one process gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from site_builder import fingerprint, gather, ledger
from site_builder.contest import load_contest
from site_builder.roster import entry_folders

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.make_contest import make_contest  # noqa: E402


def test_two_processes_read_the_same_ledger_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_contest(tmp_path, 12, 3, seed=7)
    folder = tmp_path / "scores" / "first"
    slugs = sorted(p.name for p in folder.iterdir())
    # One file a person edited (a comment line: the strict loader reads it), one
    # that is broken, one misplaced: each must come back the same from the child.
    edited = next((folder / slugs[-1]).iterdir())
    edited.write_text("# checked by hand\n" + edited.read_text("utf-8"), encoding="utf-8")
    broken = next((folder / slugs[-2]).iterdir())
    broken.write_text("round: first\nround: first\n", encoding="utf-8")
    (folder / slugs[-3] / "notes.txt").write_text("x", encoding="utf-8")
    contest = load_contest(tmp_path).contest
    assert contest is not None

    monkeypatch.setattr(ledger, "PARALLEL_FOLDERS", 10**9)
    one_files, one_problems = ledger.scan(tmp_path, contest, "first")
    monkeypatch.setattr(ledger, "PARALLEL_FOLDERS", 1)
    monkeypatch.setattr(ledger, "PARALLEL_CHUNK", 2)  # several chunks, so the child takes some
    two_files, two_problems = ledger.scan(tmp_path, contest, "first")

    assert [f.record for f in two_files] == [f.record for f in one_files]
    assert [f.file for f in two_files] == [f.file for f in one_files]
    assert two_problems == one_problems
    assert {p.code for p in two_problems} == {"yaml.duplicate-key", "ledger.stray-file"}
    edited_display = edited.relative_to(tmp_path).as_posix()
    from_child = next(f for f in two_files if f.file == edited_display)
    assert from_child.document.locate(["judge"])[0] == 4  # re-parsed on demand, right line


def test_a_round_read_in_two_processes_is_the_round_read_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the tally reads (scores, problems, titles, fingerprint runs) does not depend
    on how many processes read it, faults included."""
    make_contest(tmp_path, 30, 3, seed=11)
    folder = tmp_path / "scores" / "first"
    slugs = sorted(p.name for p in folder.iterdir())
    broken = next((folder / slugs[4]).iterdir())
    broken.write_text("round: first\n", encoding="utf-8")
    edited = next((folder / slugs[9]).iterdir())
    edited.write_text("# checked by hand\n" + edited.read_text("utf-8"), encoding="utf-8")
    (folder / "no-such-entry").mkdir()
    (folder / "no-such-entry" / edited.name).write_text(
        edited.read_text("utf-8").replace(slugs[9], "no-such-entry"), encoding="utf-8")
    contest = load_contest(tmp_path).contest
    assert contest is not None
    round_ = contest.rounds[0]
    folders = entry_folders(tmp_path)

    def read() -> gather.RoundData:
        return gather.read_round(tmp_path, contest, round_, folders, folders)

    monkeypatch.setattr(gather, "PARALLEL_SLUGS", 10**9)
    one = read()
    monkeypatch.setattr(gather, "PARALLEL_SLUGS", 1)
    monkeypatch.setattr(gather, "PARALLEL_CHUNK", 2)
    two = read()
    assert (two.scores, two.problems, two.titles) == (one.scores, one.problems, one.titles)
    assert "ledger.unknown-entry" in {p.code for p in one.problems}
    assert any(p.file == broken.relative_to(tmp_path).as_posix() for p in one.problems)
    assert len(one.titles) == 30 and len(one.runs) == 1 and len(two.runs) > 1
    assert fingerprint.assemble(round_, folders, two.runs) == fingerprint.assemble(
        round_, folders, one.runs)
