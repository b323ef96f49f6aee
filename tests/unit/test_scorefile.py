"""The fast score-file reader never disagrees with the strict loader.

Whenever `scorefile.read` returns data, the strict loader must read the same text to the
very same data, types included (7 is not 7.0, "true" is not True). Checked on files the
bot writes for awkward values, and on many random mutations of them.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from contestkit import REPO

from site_builder.core import schemas
from site_builder.core.loader import LoadFailure, parse
from site_builder.judging import scorefile
from site_builder.judging.ledger import FIELD_ORDER, ScoreRecord, dump

SCHEMA = schemas.load_schema(REPO / "schema", schemas.SCORE)

COMMENTS = [
    None, "", "좋습니다.", "활용성: 높음", "a #b", "a#b", "- 목록", "? 질문", ": 콜론",
    "끝에 콜론:", "줄1\n줄2", "줄1\n\n줄2\n", "줄1\n\n\n", " 앞공백", "끝공백 ", "\n앞줄바꿈",
    "a\n ", "100", "1.5", "true", "True", "null", "~", "it's", "'quoted'", '"dq"', "x\x85y",
    "tab\there", "é\u2028x", "\ufeffbom", "{중괄호}", "[대괄호]", "a, b", "*별", "&앰퍼샌드",
    "!느낌표", "|파이프", ">꺾쇠", "%퍼센트", "@골뱅이", "`백틱`", "#해시", "0x1f", "0o17", "1e3",
    ".inf", "-3",
    "https://example.org/a#b", "두 줄\n  들여쓴 줄", "  \n가", "가\n  ", "가\r\n나", "😀 이모지",
    "\x07벨", "---", "...", "a: b: c", "한국어 의견입니다. 구체적인 개선점: 지도 접근성",
]
IDS = ["first", "true", "null", "e1", "x-1", "no", "off"]
SLUGS = ["wifi-finder", "1e3", "123", "0x1f", "true", "null", "a-1", "1e-5"]
LOGINS = ["Example-Judge-Ahn", "no", "true", "123", "0x1", "null", "a"]
MARKS: list[Any] = [0, 7, 10, 7.5, 7.25, 0.1, 1e-05, 3.0, 123456789, 12.5]


def same(a: Any, b: Any) -> bool:
    """Equal values of identical types, recursively; dict key order included."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def strict(text: str) -> Any:
    try:
        return parse(text, "score.yml").data
    except LoadFailure:
        return LoadFailure


def agrees(text: str) -> bool:
    """The fast reader read `text` as the strict loader does, and what it accepted
    passes the schema (so that it needs no schema check: `scorefile.trusted`)."""
    fast = scorefile.read(text)
    if fast is None:
        return True
    valid = SCHEMA.is_valid(fast) and bool(SCHEMA.validator.is_valid(fast))
    return valid and same(fast, strict(text))


def test_the_grammar_enforces_the_shipped_schema() -> None:
    document = json.loads((REPO / "schema" / "score.schema.json").read_text(encoding="utf-8"))
    assert scorefile.trusted(document), (
        "schema/score.schema.json changed: make scorefile's grammar enforce it again, then "
        f"set scorefile.SCHEMA_SHA256 = {scorefile.schema_sha256(document)!r}"
    )
    assert not scorefile.trusted({**document, "title": "another"})


def record(rng: random.Random, comment: str | None) -> ScoreRecord:
    marks = {rng.choice(["usefulness", "creativity", "true", "x_1"]): rng.choice(MARKS)
             for _ in range(rng.randint(1, 4))}
    return ScoreRecord(
        round=rng.choice(IDS), entry=rng.choice(SLUGS), judge=rng.choice(LOGINS),
        scores=marks, event_time=rng.choice(["2015-12-16T01:00:00Z", "2015-12-16T10:00:00+09:00"]),
        rubric_sha256=rng.choice(["a" * 64, "1" * 64, "1e" + "5" * 62, "0123abcd" * 8]),
        comment=comment,
        comment_url=rng.choice([None, "https://github.com/o/r/pull/3#issuecomment-12",
                                "https://x.org/a:b", "https://x.org/'q'"]),
        pull_request=rng.choice([None, 1, 3, 12345]),
    )


def test_field_order_is_the_ledgers() -> None:
    assert scorefile.FIELD_ORDER == FIELD_ORDER


@pytest.mark.slow
def test_awkward_values_are_read_fast_and_identically_or_not_fast() -> None:
    rng = random.Random(7)
    for index in range(1500):
        text = dump(record(rng, COMMENTS[index % len(COMMENTS)]))
        assert agrees(text), text


ORDINARY = [
    None, "", "좋습니다.", "활용성: 높음, 창의성은 보통", "줄1\n줄2", "문단1\n\n문단2\n", "it's",
]


def test_ordinary_files_take_the_fast_path() -> None:
    rng = random.Random(8)
    for index in range(500):
        text = dump(ScoreRecord(
            "first", f"entry-{index:03d}", rng.choice(["example-judge-ahn", "Judge-B"]),
            {"usefulness": rng.randint(0, 10), "creativity": rng.choice([7, 7.5, 10])},
            "2015-12-16T10:00:00+09:00", f"{index:064x}", ORDINARY[index % len(ORDINARY)],
            f"https://github.com/example-org/c/pull/{index + 1}#issuecomment-{164000000 + index}",
            index + 1,
        ))
        assert scorefile.read(text) is not None, text
        assert agrees(text), text


def test_a_multi_line_comment_is_read_fast() -> None:
    text = dump(ScoreRecord(
        "first", "wifi-finder", "example-judge-ahn", {"usefulness": 7, "creativity": 7.5},
        "2015-12-16T10:00:00+09:00", "ab" * 32, "지도가 편합니다.\n\n다만 글자가 작습니다.",
        "https://github.com/example-org/c/pull/3#issuecomment-164000001", 3,
    ))
    data = scorefile.read(text)
    assert data is not None
    assert data["comment"] == "지도가 편합니다.\n\n다만 글자가 작습니다."
    assert same(data["scores"], {"usefulness": 7, "creativity": 7.5})


@pytest.mark.parametrize("text", [
    "round: first\nentry: a-b\njudge: j\nscores:\n  u: 1\n",
    "round: first\n# a comment\nentry: a-b\n",
    "round: first\nround: final\n",
    "entry: a-b\nround: first\n",
    "round: first\nscores: {u: 1}\n",
    "round: first\nscores:\n  u: 1\n  u: 2\n",
    "round: first\nscores:\n  u: 07\n",
    "round: first\nscores:\n  u: 1e3\n",
    "round: first\nscores:\n  u: -1\n",
    "round: first\ncomment: \"x\"\n",
    "round: first\ncomment: |+\n  x\n\n",
    "round: first\ncomment: |-\n   x\n",
    "round: first\ncomment: |-\n  x\n  \n  y\n",
    "round: first\ncomment: >-\n  x\n",
    "round: first\ncomment: &a x\n",
    "round: first\ncomment: x\t\n",
    "round: true\n",
    "round: first",
    "round: first\r\n",
])
def test_anything_else_goes_to_the_strict_loader(text: str) -> None:
    assert agrees(text)


GOOD = ("round: first\nentry: wifi-finder\njudge: a-b\nscores:\n  usefulness: 7\n"
        "comment: x\ncomment_url: https://g.h/p#1\nevent_time: '2015-12-16T10:00:00Z'\n"
        "pull_request: 3\nrubric_sha256: " + "a" * 64 + "\n")


@pytest.mark.parametrize("change", [
    ("round: first", "round: First"), ("round: first", "round: 1st"),
    ("entry: wifi-finder", "entry: wifi--"), ("entry: wifi-finder", "entry: -wifi"),
    ("judge: a-b", "judge: a--b"), ("judge: a-b", "judge: a_b"),
    ("usefulness", "Usefulness"), ("https://g.h/p#1", "http://g.h/p#1"),
    ("https://g.h/p#1", "https://" + "x" * 500), ("comment: x", "comment: " + "가" * 5001),
    ("2015-12-16T10:00:00Z", "2015-13-16T10:00:00Z"), ("2015-12-16T10:00:00Z", "2015-12-16"),
    ("2015-12-16T10:00:00Z", "2015-12-16T10:00:00"), ("a" * 64, "A" * 64),
    ("a" * 64, "a" * 63), ("pull_request: 3", "pull_request: 0"),
])
def test_values_the_schema_refuses_are_never_read_fast(change: tuple[str, str]) -> None:
    assert scorefile.read(GOOD) is not None
    text = GOOD.replace(*change)
    assert text != GOOD
    assert scorefile.read(text) is None


ALPHABET = list(" \n\t:#'\"-|>&*!%@`{}[],?~.0123456789eE+x가\u2028\x85\ufeff\\")


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        lines = text.split("\n")
        kind = rng.randrange(6)
        at = rng.randrange(len(text) + 1)
        if kind == 0:
            text = text[:at] + rng.choice(ALPHABET) + text[at:]
        elif kind == 1 and text:
            text = text[:at] + text[at + 1:]
        elif kind == 2 and text:
            text = text[:at] + rng.choice(ALPHABET) + text[at + 1:]
        elif kind == 3 and len(lines) > 2:
            i = rng.randrange(len(lines) - 1)
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif kind == 4 and len(lines) > 2:
            i, j = rng.randrange(len(lines) - 1), rng.randrange(len(lines) - 1)
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            i = rng.randrange(len(lines))
            lines[i] = rng.choice(["", " ", "  ", "   "]) + lines[i]
            text = "\n".join(lines)
    return text


@pytest.mark.slow
def test_mutated_files_never_read_differently() -> None:
    rng = random.Random(2015)
    bases = [dump(record(rng, COMMENTS[index % len(COMMENTS)])) for index in range(200)]
    bases = [text for text in bases if scorefile.read(text) is not None]
    accepted = 0
    for _ in range(30000):
        text = mutate(rng.choice(bases), rng)
        if scorefile.read(text) is not None:
            accepted += 1
            assert agrees(text), repr(text)
    assert accepted > 1000  # the mutations do reach the fast path
