"""YAML syntax errors explained in the contest's language, on the line of the mistake.

libyaml gives up on the line after most mistakes and says so in English; each
common mistake of a hand-written manifest must be named and located where it
was made."""

from __future__ import annotations

import pytest

from site_builder.core.loader import LoadFailure, parse
from site_builder.core.problems import Problem

CASES = [
    # (id, text, code, line, column)
    ("unclosed-quote-at-end", 'title: a\nsummary: "좋아요\n', "yaml.unclosed-quote", 2, 10),
    ("unclosed-quote-closed-by-next-value",
     'title: "우리동네\nsummary: "좋아요"\ncategory: b\n', "yaml.unclosed-quote", 1, 8),
    ("unclosed-single-quote", "title: '우리동네\nsummary: '좋아요'\ncategory: b\n",
     "yaml.unclosed-quote", 1, 8),
    ("text-after-quote", 'title: "우리동네" 와이파이\nlicense: MIT\n',
     "yaml.text-after-quote", 1, 15),
    ("indent-too-deep", "title: a\nteam:\n  name: x\n   members: []\nlicense: MIT\n",
     "yaml.bad-indent", 4, 4),
    ("indent-too-shallow", "title: a\nteam:\n  name: x\n members: []\nlicense: MIT\n",
     "yaml.bad-indent", 4, 2),
    ("list-item-too-shallow", "title: a\ntags:\n  - a\n - b\nlicense: MIT\n",
     "yaml.bad-indent", 4, 2),
    ("member-key-too-shallow",
     "team:\n  members:\n    - name: a\n    github: b\nlicense: MIT\n", "yaml.bad-indent", 4, 5),
    ("tab", "title: a\nteam:\n\tname: x\nlicense: MIT\n", "yaml.tab", 3, 1),
    ("tab-after-spaces", "title: a\nteam:\n  name: x\n\tmembers: []\n", "yaml.tab", 4, 1),
    ("missing-colon", "title: a\nsummary 좋아요\nlicense: MIT\n", "yaml.missing-colon", 2, 1),
    ("missing-colon-last-line", "title: a\nlicense MIT\n", "yaml.missing-colon", 2, 1),
    ("missing-space-after-colon", "title: a\nsummary:좋아요\nlicense: MIT\n",
     "yaml.missing-colon", 2, 1),
    ("missing-colon-nested", "team:\n  name x\n  members: []\nlicense: MIT\n",
     "yaml.missing-colon", 2, 3),
    ("colon-in-value", "title: a\nsummary: 시간: 오전 9시\nlicense: MIT\n",
     "yaml.colon-in-value", 2, 12),
    ("unclosed-bracket", "title: a\ntags: [a, b\nlicense: MIT\n", "yaml.unclosed-bracket", 2, 7),
]


def _problem(text: str) -> Problem:
    with pytest.raises(LoadFailure) as caught:
        parse(text, "entries/x/entry.yml")
    return caught.value.problem


@pytest.mark.parametrize(("text", "code", "line", "column"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_mistake_is_named_where_it_was_made(text: str, code: str, line: int, column: int) -> None:
    problem = _problem(text)
    assert (problem.code, problem.line, problem.column) == (code, line, column)


@pytest.mark.parametrize("text", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_explained_in_korean_without_libyaml_english(text: str) -> None:
    problem = _problem(text)
    message, hint = problem.message("ko"), problem.hint("ko")
    assert hint
    for english in ("while", "scanning", "expected", "found", "mapping values", "token"):
        assert english not in message + hint
    assert problem.message("en") != message


def test_other_errors_keep_the_generic_problem() -> None:
    problem = _problem("title: a\n---\ntitle: b\n")
    assert problem.code == "yaml.syntax"
    assert problem.line == 2
