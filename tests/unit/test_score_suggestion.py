"""A misspelled criterion in a /score comment gets the criterion it most likely meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.core.contest import Round, load_contest
from site_builder.judging.scorecomment import ballot, parse

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def first() -> Round:
    contest = load_contest(REPO).contest
    assert contest is not None
    found = contest.round("first")
    assert found is not None
    return found


@pytest.mark.parametrize(("written", "meant"), [
    ("usefullness", "usefulness"), ("Creativty", "creativity"), ("public data", "public-data"),
    ("완성돠", "completeness"),
])
def test_near_miss_suggests_the_criterion(first: Round, written: str, meant: str) -> None:
    body = "/score\nusefulness: 8\ncreativity: 7\npublic-data: 9\ncompleteness: 8\n"
    key = {"usefulness": "usefulness", "creativity": "creativity", "public-data": "public-data",
           "completeness": "completeness"}[meant]
    parsed = parse(body.replace(f"{key}:", f"{written}:"))
    assert parsed.command is not None
    unknown = ballot(parsed.command, first).problems[0]
    assert unknown.code == "score.unknown-criterion"
    assert unknown.message("en").endswith(f"Did you mean '{meant}'?")
    assert unknown.message("ko").endswith(f"'{meant}'을(를) 쓰려던 것인가요?")


def test_no_suggestion_for_a_key_unlike_any_criterion(first: Round) -> None:
    parsed = parse("/score\nusefulness: 8\ncreativity: 7\npublic-data: 9\ncompleteness: 8\n"
                   "design: 9\n")
    assert parsed.command is not None
    unknown = ballot(parsed.command, first).problems[0]
    assert unknown.message("en") == "'design' is not a criterion of round 'first'."
    assert "?" not in unknown.message("ko")
