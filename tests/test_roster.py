"""What the tally reads from manifests: titles by peeking, teams only where a judge may be."""

from __future__ import annotations

import random

import pytest

from site_builder import ledger, roster
from site_builder.loader import LoadFailure, parse, peek_text

LOGIN = "Example-Judge-Ahn"


def team_of(text: str) -> frozenset[str]:
    try:
        return ledger.team_logins(parse(text, "entry.yml").data)
    except LoadFailure:
        return frozenset()


SPELLINGS = [
    "Example-Judge-Ahn", "example-judge-ahn", "EXAMPLE-JUDGE-AHN", "'example-judge-ahn'",
    '"example-judge-ahn"', '"example-judge-\\x61hn"', '"\\u0065xample-judge-ahn"',
    '"example-judge-\\\n      ahn"', '"example-\\\r\n  judge-ahn"', "\u212a-x",
    '"exam\\U00000070le-judge-ahn"', "|-\n        example-judge-ahn",
    "# a note\\\n        example-judge-ahn",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_judge_on_the_team_is_never_missed(spelling: str) -> None:
    text = f"title: T\nteam:\n  name: N\n  members:\n    - name: A\n      github: {spelling}\n"
    logins = {"example-judge-ahn", "\u212a-x".casefold()}
    if team_of(text) & logins:
        assert roster._may_name(text, logins), spelling


def test_random_spellings_never_hide_a_login() -> None:
    rng = random.Random(3)
    pieces = ["example-judge-ahn", "\\x65", "\\\n   ", "\\\\", "\\n", " ", "'", '"', "-", "A"]
    for _ in range(3000):
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        for quoted in (value, f'"{value}"', f"'{value}'"):
            text = f"team:\n  members:\n    - github: {quoted}\n"
            if "example-judge-ahn" in team_of(text):
                assert roster._may_name(text, {"example-judge-ahn"}), text


def test_most_manifests_are_not_parsed() -> None:
    text = 'title: "지도"\ndescription: "a\\nb \\\\ c"\nteam:\n  members:\n    - github: x-y\n'
    assert not roster._may_name(text, {"example-judge-ahn"})


@pytest.mark.parametrize("text, title", [
    ('# c\ntitle: "지도 서비스"\n', "지도 서비스"),
    ("summary: x\ntags: [a, {b: c}]\ndescription: |\n  title: no\ntitle: 둘째\n", "둘째"),
    ("title: 'it''s'\n", "it's"),
    ("title: 2015\n", None),
    ("title: &t x\n", None),
    ("title: !!str x\n", None),
    ("title: [a]\n", None),
    ("a: *x\ntitle: t\n", None),
    ("- list\n", None),
    ("title: [unclosed\n", None),
])
def test_peek_text(text: str, title: str | None) -> None:
    assert peek_text(text, "title") == title
