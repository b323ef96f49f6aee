"""The judging page publishes how panels were assigned: method, seed, minimum cut."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from contestkit import write_contest

from site_builder.core.contest import load_contest
from site_builder.site.model import SiteInput
from site_builder.site.pages.judging import judging_page


def site(tmp_path: Path, assignments: dict[str, tuple[int, int]], lang: str) -> SiteInput:
    def change(data: dict[str, Any]) -> None:
        data["rounds"][0]["panel"] = {"size": 3}
        data["language"] = lang

    write_contest(tmp_path, change=change)
    contest = load_contest(tmp_path).contest
    assert contest is not None
    return SiteInput(contest, (), datetime(2015, 12, 30, tzinfo=UTC), assignments=assignments)


def test_published_assignment_shows_method_seed_and_min_cut(tmp_path: Path) -> None:
    page = judging_page(site(tmp_path, {"first": (2015, 42)}, "en"))
    assert "min-cost flow" in page
    assert "assignments/first.yml: seed 2015, minimum cut 42" in page
    # Only the round with a panel says so.
    assert page.count("Judge panels") == 1


def test_a_panel_without_its_file_says_it_is_not_published_yet(tmp_path: Path) -> None:
    page = judging_page(site(tmp_path, {}, "ko"))
    assert "출품작마다 심사위원 3명이 심사합니다" in page
    assert "배정은 아직 공개되지 않았습니다." in page
