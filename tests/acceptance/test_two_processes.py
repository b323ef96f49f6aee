"""Work shared with a second process (ledger scan, validate, status) gives exactly
what one process gives, faults included. Each test checks that a forked child did take
part of the work (`contestkit.watch_children`)."""

from __future__ import annotations

from dataclasses import astuple
from datetime import UTC, datetime
from pathlib import Path

import pytest
from contestkit import watch_children

from benchmarks.make_contest import make_contest
from site_builder.core.contest import load_contest
from site_builder.judging import ledger, status
from site_builder.site.collect import collect
from site_builder.submissions import checking
from site_builder.submissions.validate import validate_repository

pytestmark = pytest.mark.slow  # synthetic contests, read in forked processes


def test_two_processes_read_the_same_ledger_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children = watch_children(monkeypatch)
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
    assert children(), "no forked child read any folder"

    assert [f.record for f in two_files] == [f.record for f in one_files]
    assert [f.file for f in two_files] == [f.file for f in one_files]
    assert two_problems == one_problems
    assert {p.code for p in two_problems} == {"yaml.duplicate-key", "ledger.stray-file"}
    edited_display = edited.relative_to(tmp_path).as_posix()
    from_child = next(f for f in two_files if f.file == edited_display)
    assert from_child.document.locate(["judge"])[0] == 4  # re-parsed on demand, right line


def test_validate_in_two_processes_reports_what_one_process_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`contest validate` shares the entries between two processes on a large contest;
    the report (every problem, in order, and the count of files) must not change."""
    children = watch_children(monkeypatch)
    make_contest(tmp_path, 24, 2, seed=5)
    entries = sorted((tmp_path / "entries").iterdir())
    first = entries[0] / "entry.yml"
    # A duplicate title across the chunks, a broken manifest, a bad category, and an
    # entry without a manifest (whose scores then name an unknown entry).
    title = next(line for line in first.read_text("utf-8").splitlines()
                 if line.startswith("title:"))
    last = entries[-1] / "entry.yml"
    last.write_text("\n".join(title if line.startswith("title:") else line
                              for line in last.read_text("utf-8").splitlines()) + "\n",
                    encoding="utf-8")
    (entries[3] / "entry.yml").write_text("title: [unclosed\n", encoding="utf-8")
    broken = entries[7] / "entry.yml"
    broken.write_text(broken.read_text("utf-8").replace("category: ", "category: x"),
                      encoding="utf-8")
    (entries[11] / "entry.yml").unlink()

    def report() -> tuple[list[object], int]:
        run = validate_repository(tmp_path)
        return [astuple(p) for p in run.report.problems], run.report.checked_files

    monkeypatch.setattr(checking, "PARALLEL_ENTRIES", 10**9)
    one = report()
    monkeypatch.setattr(checking, "PARALLEL_ENTRIES", 1)
    monkeypatch.setattr(checking, "PARALLEL_CHUNK", 2)
    two = report()
    assert children(), "no forked child checked any entry"
    assert two == one
    codes = {problem[3] for problem in one[0]}  # type: ignore[index]
    assert {"entry.duplicate-title", "yaml.unclosed-bracket", "entry.unknown-category",
            "entry.no-manifest", "ledger.unknown-entry"} <= codes, codes


def test_status_in_two_processes_is_status_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children = watch_children(monkeypatch)
    make_contest(tmp_path, 20, 3, seed=9)
    entries = sorted((tmp_path / "entries").iterdir())
    (entries[5] / "entry.yml").write_text("title: [unclosed\n", encoding="utf-8")
    contest = load_contest(tmp_path).contest
    assert contest is not None

    def coverage() -> status.Coverage:
        return status.coverage(tmp_path, contest, "first")

    monkeypatch.setattr(status, "PARALLEL_ENTRIES", 10**9)
    one = coverage()
    monkeypatch.setattr(status, "PARALLEL_ENTRIES", 1)
    monkeypatch.setattr(status, "PARALLEL_CHUNK", 2)
    two = coverage()
    assert children(), "no forked child read any manifest"
    assert status.as_json(two) == status.as_json(one)
    assert one.unreadable == [entries[5].name]


def test_the_site_in_two_processes_accepts_what_one_process_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site's collect shares the entries' checks with a forked child too: the same
    entries in the same order, and the same ones left out for the same reasons."""
    children = watch_children(monkeypatch)
    make_contest(tmp_path, 20, 3, seed=5)
    entries = sorted((tmp_path / "entries").iterdir())
    (entries[2] / "entry.yml").write_text("title: [unclosed\n", encoding="utf-8")
    broken = entries[9] / "entry.yml"
    broken.write_text(broken.read_text("utf-8").replace("category: ", "category: x"),
                      encoding="utf-8")
    now = datetime(2015, 12, 31, tzinfo=UTC)

    monkeypatch.setattr(checking, "PARALLEL_ENTRIES", 10**9)
    one = collect(tmp_path, now)
    monkeypatch.setattr(checking, "PARALLEL_ENTRIES", 1)
    monkeypatch.setattr(checking, "PARALLEL_CHUNK", 2)
    two = collect(tmp_path, now)
    assert children(), "no forked child checked any entry"
    assert two.entries == one.entries
    assert [e.raw for e in two.entries] == [e.raw for e in one.entries]
    assert two.left_out == one.left_out
    assert set(one.left_out) == {entries[2].name, entries[9].name}
    assert len(one.entries) == 18
