"""What the tally reads from manifests: titles by peeking, teams only where a judge may be."""

from __future__ import annotations

import random

import pytest
from contestkit import REPO

from site_builder.core import loader
from site_builder.core.loader import LoadFailure, parse, peek_text
from site_builder.judging import ledger
from site_builder.submissions import teams

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
    '"example-judge-\\\u2028  ahn"', '"example-judge-\\\x85  ahn"', '"examp\\\u2029le-judge-ahn"',
    "# a note\\\n        example-judge-ahn",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_judge_on_the_team_is_never_missed(spelling: str) -> None:
    text = f"title: T\nteam:\n  name: N\n  members:\n    - name: A\n      github: {spelling}\n"
    logins = {"example-judge-ahn", "\u212a-x".casefold()}
    if team_of(text) & logins:
        assert teams.may_name(text.encode(), logins), spelling


def test_random_spellings_never_hide_a_login() -> None:
    rng = random.Random(3)
    pieces = ["example-judge-ahn", "\\x65", "\\\n   ", "\\\\", "\\n", " ", "'", '"', "-", "A"]
    for _ in range(3000):
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        for quoted in (value, f'"{value}"', f"'{value}'"):
            text = f"team:\n  members:\n    - github: {quoted}\n"
            if "example-judge-ahn" in team_of(text):
                assert teams.may_name(text.encode(), {"example-judge-ahn"}), text


def test_most_manifests_are_not_parsed() -> None:
    text = 'title: "지도"\ndescription: "a\\nb \\\\ c"\nteam:\n  members:\n    - github: x-y\n'
    assert not teams.may_name(text.encode(), {"example-judge-ahn"})


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
    assert peek_text(text.encode(), "title") == title


def test_the_quick_title_is_the_parsed_title() -> None:
    """`peek_text` reads a simple first line with a regular expression: whenever that
    gives an answer, it is the value the YAML parser reads."""
    rng = random.Random(11)
    pieces = ["지도", "a", " ", ":", ": ", " #", "#", "'", "''", '"', "\\", "\\n", "\t", "-",
              "null", "~", "12", "1e3", "true", "&x", "*x", "!", "|", ">", "[", "{", ",",
              "\u00a0", "\u2028", "\x85", "%", "@", "`", "?"]
    followers = ["", "summary: 요약\n", "  more\n", "\n  more\n", "# note\n", "\tx\n"]
    answered = 0
    for _ in range(4000):
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        for written in (value, f'"{value}"', f"'{value}'"):
            text = f"# comment\ntitle: {written}\n{rng.choice(followers)}"
            quick = loader._peek_first(text.encode(), "title")
            if quick is None:
                continue
            answered += 1
            try:
                data = parse(text, "entry.yml").data
            except LoadFailure as exc:
                message = f"answered for a document that does not load: {text!r}"
                raise AssertionError(message) from exc
            assert data["title"] == quick, text
    assert answered > 1000  # the comparison is not vacuous


def test_the_example_titles_take_the_quick_path() -> None:
    manifests = sorted((REPO / "entries").glob("*/entry.yml"))
    assert manifests
    for manifest in manifests:
        text = manifest.read_text(encoding="utf-8")
        assert loader._peek_first(text.encode(), "title") == parse(text, "entry.yml").data["title"]


def test_a_login_is_found_however_its_letters_are_written() -> None:
    """Letters that casefold to a login's (ſ, K, ﬀ, ß...) never hide it."""
    rng = random.Random(17)
    pieces = ["ſ", "K", "ﬀ", "ß", "İ", "가", "나", "\u00e9", " ", "-", "j", "J", "s", "S",
              "k", "ff", "st", "ﬆ", "example", "EXAMPLE", "\n", ":"]
    logins = ["sk-ff", "jss", "example-st", "kss"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        expected = any(login in text.casefold() for login in logins)
        assert teams.may_name(text.encode(), logins) or not expected, text
        found += expected
    assert found > 100  # the comparison is not vacuous
