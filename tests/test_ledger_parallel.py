"""Scanning a large ledger in two processes gives exactly what one process gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from site_builder import ledger
from site_builder.contest import load_contest

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
    two_files, two_problems = ledger.scan(tmp_path, contest, "first")

    assert [f.record for f in two_files] == [f.record for f in one_files]
    assert [f.file for f in two_files] == [f.file for f in one_files]
    assert two_problems == one_problems
    assert {p.code for p in two_problems} == {"yaml.duplicate-key", "ledger.stray-file"}
    edited_display = edited.relative_to(tmp_path).as_posix()
    from_child = next(f for f in two_files if f.file == edited_display)
    assert from_child.document.locate(["judge"])[0] == 4  # re-parsed on demand, right line
