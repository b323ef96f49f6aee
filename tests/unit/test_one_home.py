"""Rules with one home: reading results/<round>.json, and which entries a round judges.

The tally, the showcase and `contest status` used to each carry their own copy;
these tests hold them to the one they share now.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from site_builder.core.contest import load_contest
from site_builder.core.fileio import Unreadable, read_json_object
from site_builder.judging import status
from site_builder.site.results import load_results
from site_builder.tallying import resultfiles, roster
from tests.contestkit import REPO, add_entry, write_contest, write_results

HOSTILE = {
    "nan": (b'{"round": "first", "score": NaN}', "NaN is not a number JSON allows"),
    "array": (b"[1, 2]", "not a JSON object"),
    "latin-1": ('{"round": "caf\u00e9"}'.encode("latin-1"), "can't decode byte"),
    "truncated": (b'{"round": "first", ', "Expecting"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_with_a_reason(tmp_path: Path, name: str) -> None:
    raw, reason = HOSTILE[name]
    path = tmp_path / "first.json"
    path.write_bytes(raw)
    with pytest.raises(Unreadable) as caught:
        read_json_object(path, 1024)
    assert reason in caught.value.detail


def test_size_and_kind_are_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"pad": "x" * 2000}), encoding="utf-8")
    with pytest.raises(Unreadable, match="larger than 1,024 bytes"):
        read_json_object(big, 1024)
    link = tmp_path / "link.json"
    link.symlink_to(big)
    with pytest.raises(Unreadable, match="not a regular file"):
        read_json_object(link, 10_000)
    assert read_json_object(big, 10_000) == {"pad": "x" * 2000}


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A contest whose results are published, with the example's first-round results."""
    root = tmp_path / "contest"

    def publish(data: dict[str, object]) -> None:
        data["publication"] = {**data["publication"], "results": "published"}  # type: ignore[dict-item]

    write_contest(root, change=publish)
    (root / "results").mkdir()
    (root / "results" / "first.json").write_bytes((REPO / "results" / "first.json").read_bytes())
    return root


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_tally_and_the_showcase_refuse_the_same_files(
    published: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    contest = load_contest(published).contest
    assert contest is not None
    assert [r.round for r in load_results(published, contest)] == ["first"]
    assert resultfiles.read_committed(published, "first").data is not None

    (published / "results" / "first.json").write_bytes(HOSTILE[name][0])
    committed = resultfiles.read_committed(published, "first")
    assert committed.data is None and committed.problem is not None
    detail = committed.problem.params["detail"]  # a sentence in every language
    assert HOSTILE[name][1] in detail["en"]
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.contest"):
        assert load_results(published, contest) == ()
    assert f"results/first.json: {detail['en']}; its results are not shown" in caplog.text


def _two_round_contest(root: Path) -> None:
    write_contest(root, judges=["judge-a", "judge-b", "judge-c"])
    for slug in ("air-watch", "bus-stop", "city-map"):
        add_entry(root, slug)


def test_status_shows_the_entries_the_tally_judges(tmp_path: Path) -> None:
    root = tmp_path / "contest"
    _two_round_contest(root)
    # One advanced entry has no folder any more: the tally still lists it (and says it
    # is missing); the status matrix has rows for entries that exist.
    write_results(root, "first", ["city-map", "air-watch", "gone-away"])
    contest = load_contest(root).contest
    assert contest is not None
    final = contest.rounds[1]
    judged = roster.round_entries(root, contest, final)
    assert judged.problem is None and judged.slugs == ("air-watch", "city-map", "gone-away")
    cov = status.coverage(root, contest, final.id)
    assert cov.entries == ["air-watch", "city-map"]
    assert cov.advanced_file is None
    first = status.coverage(root, contest, contest.rounds[0].id)
    assert first.entries == list(roster.round_entries(root, contest, contest.rounds[0]).slugs)
    assert first.entries == ["air-watch", "bus-stop", "city-map"]


@pytest.mark.parametrize("results", [None, b"not json"])
def test_without_usable_results_status_shows_every_entry_and_says_why(
    tmp_path: Path, results: bytes | None
) -> None:
    root = tmp_path / "contest"
    _two_round_contest(root)
    if results is not None:
        (root / "results").mkdir()
        (root / "results" / "first.json").write_bytes(results)
    contest = load_contest(root).contest
    assert contest is not None
    final = contest.rounds[1]
    judged = roster.round_entries(root, contest, final)
    assert judged.slugs == () and judged.problem is not None
    cov = status.coverage(root, contest, final.id)
    assert cov.entries == ["air-watch", "bus-stop", "city-map"]
    assert cov.advanced_file == "results/first.json"
    assert "results/first.json" in status.render_text(cov, "en")
