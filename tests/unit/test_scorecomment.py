"""The /score comment parser: what a judge may write, and the precise refusal for the rest."""

from __future__ import annotations

import pytest
from contestkit import REPO

from site_builder.core import messages
from site_builder.core.contest import Contest, Round, load_contest
from site_builder.judging.scorecomment import (
    MAX_BODY_BYTES,
    MAX_COMMENT_CHARS,
    Ballot,
    ballot,
    parse,
    parse_mark,
    template,
)


@pytest.fixture(scope="module")
def contest() -> Contest:
    loaded = load_contest(REPO)
    assert loaded.contest is not None, loaded.problems
    return loaded.contest


@pytest.fixture(scope="module")
def first(contest: Contest) -> Round:
    round_ = contest.round("first")
    assert round_ is not None
    return round_


FULL = "usefulness: 8\ncreativity: 7\npublic-data: 9\ncompleteness: 8\n"


def marks_of(body: str, round_: Round) -> Ballot:
    parsed = parse(body)
    assert parsed.is_command and parsed.command is not None, parsed
    assert not parsed.problems, parsed.problems
    checked = ballot(parsed.command, round_)
    assert checked.ballot is not None, [p.message("en") for p in checked.problems]
    return checked.ballot


def codes_of(body: str, round_: Round) -> list[tuple[str, int | None]]:
    parsed = parse(body)
    assert parsed.is_command
    found = [(p.code, p.line) for p in parsed.problems]
    if parsed.command is not None and parsed.command.action == "score":
        found += [(p.code, p.line) for p in ballot(parsed.command, round_).problems]
    return found


# --- what is accepted ---------------------------------------------------------


def test_a_full_score_in_rubric_order(first: Round) -> None:
    body = "/score\ncompleteness: 8\npublic-data: 9\ncreativity: 7\nusefulness: 8\n"
    result = marks_of(body, first)
    assert list(result.marks.items()) == [
        ("usefulness", 8), ("creativity", 7), ("public-data", 9), ("completeness", 8)
    ]
    assert result.comment is None


def test_github_line_endings(first: Round) -> None:
    body = "/score\r\n" + FULL.replace("\n", "\r\n") + "comment: 좋아요\r\n둘째 줄\r\n"
    result = marks_of(body, first)
    assert result.marks["completeness"] == 8
    assert result.comment == "좋아요\n둘째 줄"


def test_names_ids_and_case(first: Round) -> None:
    body = "/SCORE\nUsefulness: 8\n창의성: 7\n공공데이터   활용도: 9\nCOMPLETENESS: 8\n"
    assert marks_of(body, first).marks == {
        "usefulness": 8, "creativity": 7, "public-data": 9, "completeness": 8
    }


def test_decimals_and_integral_decimals(first: Round) -> None:
    body = "/score\nusefulness: 8.5\ncreativity: 7.25\npublic-data: 9.0\ncompleteness: 0\n"
    result = marks_of(body, first)
    assert result.marks == {"usefulness": 8.5, "creativity": 7.25, "public-data": 9,
                            "completeness": 0}
    assert isinstance(result.marks["public-data"], int)


def test_full_width_digits_and_colon_are_normalized(first: Round) -> None:
    body = "/score\nusefulness：８\ncreativity: ７.５\npublic-data: 10\ncompleteness: 8\n"
    assert marks_of(body, first).marks["creativity"] == 7.5
    assert marks_of(body, first).marks["usefulness"] == 8


def test_bullets_blank_lines_quotes_fences_and_signature(first: Round) -> None:
    body = (
        "> @entrant wrote: please score\n> usefulness: 0\n\n"
        "```\n/score first\n\n- usefulness: 8\n* creativity: 7\n+ public-data: 9\n"
        "> quoted in the middle\ncompleteness: 8\n```\n"
        "-- \nJudge Ahn\nusefulness: 1\n"
    )
    result = marks_of(body, first)
    assert result.marks == {"usefulness": 8, "creativity": 7, "public-data": 9,
                            "completeness": 8}


def test_comment_runs_to_the_end_and_keeps_its_text(first: Round) -> None:
    comment = "comment: 첫 줄: 콜론도 그대로\n\n> 인용도 의견의 일부\n  들여쓰기  \n"
    body = "/score\n" + FULL + comment
    result = marks_of(body, first)
    assert result.comment == "첫 줄: 콜론도 그대로\n\n> 인용도 의견의 일부\n  들여쓰기"


def test_korean_comment_key_and_control_characters(first: Round) -> None:
    body = "/score\n" + FULL + "의견: 좋\x07습니다\x1b[31m\n"
    assert marks_of(body, first).comment == "좋습니다[31m"


def test_empty_comment_is_no_comment(first: Round) -> None:
    assert marks_of("/score\n" + FULL + "comment:\n", first).comment is None


def test_comment_that_mentions_criteria_in_words_is_fine(first: Round) -> None:
    body = "/score\n" + FULL + "comment: good\nusefulness: great, but slow\n"
    assert marks_of(body, first).comment == "good\nusefulness: great, but slow"


def test_round_and_withdraw_headers() -> None:
    for body, action, round_id in [
        ("/score", "score", None),
        ("/score final", "score", "final"),
        ("/score Final\n", "score", "final"),
        ("/score withdraw", "withdraw", None),
        ("/score WITHDRAW final\nscored the wrong entry", "withdraw", "final"),
        ("／score first", "score", "first"),
    ]:
        parsed = parse(body)
        assert parsed.command is not None and not parsed.problems, body
        assert (parsed.command.action, parsed.command.round_id) == (action, round_id), body


@pytest.mark.parametrize("body", [
    "", "   \n\n", "hello /score", "/scorefoo", "LGTM\n/score\nusefulness: 8", "> /score",
    "/scores first",
])
def test_not_a_command(body: str) -> None:
    parsed = parse(body)
    assert not parsed.is_command and parsed.command is None and not parsed.problems


# --- marks --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("8", 8), ("0", 0), ("08", 8), ("10", 10), ("8.5", 8.5), ("8.50", 8.5), ("7.25", 7.25),
    ("８", 8),
])
def test_marks_accepted(text: str, value: float) -> None:
    import unicodedata

    assert parse_mark(unicodedata.normalize("NFKC", text)) == (value, None)


@pytest.mark.parametrize(("text", "code"), [
    ("", "score.no-mark"),
    ("8/10", "score.fraction"),
    ("8 / 10", "score.fraction"),
    ("eight", "score.bad-number"),
    ("여덟", "score.bad-number"),
    ("-1", "score.negative"),
    ("- 1", "score.negative"),
    ("+8", "score.bad-number"),
    ("1e3", "score.bad-number"),
    ("NaN", "score.bad-number"),
    ("nan", "score.bad-number"),
    ("inf", "score.bad-number"),
    ("Infinity", "score.bad-number"),
    (".5", "score.bad-number"),
    ("8.", "score.bad-number"),
    ("8,5", "score.bad-number"),
    ("8.125", "score.too-many-decimals"),
    ("٨", "score.bad-number"),  # Arabic-Indic eight: NFKC keeps it, and it is no ASCII digit
    ("8 (good)", "score.bad-number"),
    ("8점", "score.bad-number"),
    ("0x8", "score.bad-number"),
    ("1_0", "score.bad-number"),
])
def test_marks_refused(text: str, code: str) -> None:
    assert parse_mark(text) == (None, code)


def test_over_max_and_negative_in_a_comment(first: Round) -> None:
    body = "/score\nusefulness: 11\ncreativity: -1\npublic-data: 10.01\ncompleteness: 10\n"
    assert codes_of(body, first) == [
        ("score.over-max", 2), ("score.negative", 3), ("score.over-max", 4)
    ]


# --- keys ------------------------------------------------------------------------


def test_unknown_key_lists_what_to_write(first: Round) -> None:
    parsed = parse("/score\nusefullness: 8\ncreativity: 7\npublic-data: 9\ncompleteness: 8\n")
    assert parsed.command is not None
    problems = ballot(parsed.command, first).problems
    assert [(p.code, p.line) for p in problems] == [
        ("score.unknown-criterion", 2), ("score.missing-criteria", None)
    ]
    unknown = problems[0]
    assert unknown.params["suggestion"] == "usefulness"
    hint = unknown.hint("en") or ""
    assert "usefulness (활용성)" in hint and "completeness (완성도)" in hint
    assert "usefullness" in unknown.message("ko")


def test_duplicate_key_by_id_and_name(first: Round) -> None:
    body = "/score\nusefulness: 8\n활용성: 7\ncreativity: 7\npublic-data: 9\ncompleteness: 8\n"
    problems = ballot(parse(body).command, first).problems  # type: ignore[arg-type]
    assert [(p.code, p.line) for p in problems] == [("score.duplicate-criterion", 3)]
    assert problems[0].params["first_line"] == 2
    assert "line 2" in problems[0].message("en")


def test_missing_criteria_are_named(first: Round) -> None:
    problems = ballot(parse("/score\nusefulness: 8\n").command, first).problems  # type: ignore[arg-type]
    assert [p.code for p in problems] == ["score.missing-criteria"]
    message = problems[0].message("en")
    assert "creativity, public-data, completeness" in message


def test_an_empty_score_is_all_missing(first: Round) -> None:
    assert codes_of("/score", first) == [("score.missing-criteria", None)]


def test_unreadable_line(first: Round) -> None:
    body = "/score\nusefulness 8\ncreativity: 7\npublic-data: 9\ncompleteness: 8\n"
    assert codes_of(body, first) == [("score.line", 2), ("score.missing-criteria", None)]


def test_mark_inside_the_comment_is_refused(first: Round) -> None:
    body = "/score\nusefulness: 8\ncreativity: 7\npublic-data: 9\ncomment: fine\ncompleteness: 8\n"
    assert codes_of(body, first) == [
        ("score.missing-criteria", None), ("score.after-comment", 6)
    ]


def test_mark_on_the_comment_line_itself(first: Round) -> None:
    body = "/score\n" + FULL + "comment:\n\n\nusefulness: 9"
    assert codes_of(body, first) == [("score.after-comment", 9)]


# --- headers ------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "code"), [
    ("/score usefulness: 8", "score.header-fields"),
    ("/score first final", "score.header"),
    ("/score withdraw first final", "score.header"),
    ("/score 1차", "score.header"),
    ("/score <script>", "score.header"),
])
def test_bad_headers(body: str, code: str) -> None:
    parsed = parse(body)
    assert parsed.is_command
    assert [p.code for p in parsed.problems] == [code]
    assert parsed.problems[0].line == 1


# --- limits --------------------------------------------------------------------------


def test_body_size_cap() -> None:
    body = "/score\n" + FULL + "comment: " + "가" * (MAX_BODY_BYTES // 3 + 1)
    parsed = parse(body)
    assert parsed.command is None
    assert [p.code for p in parsed.problems] == ["score.too-long"]


def test_comment_length_cap(first: Round) -> None:
    body = "/score\n" + FULL + "comment: " + "x" * (MAX_COMMENT_CHARS + 1)
    assert codes_of(body, first) == [("score.comment-too-long", 6)]
    assert marks_of("/score\n" + FULL + "comment: " + "x" * MAX_COMMENT_CHARS, first).comment


def test_lone_surrogate_from_json() -> None:
    parsed = parse("/score\nusefulness: 8\ncomment: \ud800")
    assert [p.code for p in parsed.problems] == ["score.bad-text"]


def test_hostile_text_never_raises(first: Round) -> None:
    bodies = [
        "/score\n" + "a: b\n" * 500, "/score\n" + ":" * 5000, "/score\n\x00\x00: \x00",
        "/score\n*&anchor: !!python/object 1", "/score\n" + "\u202e" * 100,
        "/score\n﹕: 1", "/score\ncomment﹕ small colon\n", "/score\n" + "\n" * 9000,
    ]
    for body in bodies:
        parsed = parse(body)
        if parsed.command is not None and parsed.command.action == "score":
            ballot(parsed.command, first)
    small = parse("/score\n" + FULL + "comment﹕ small colon\n")
    assert small.command is not None and small.command.comment == "small colon"


# --- messages ------------------------------------------------------------------------


def test_template_lists_every_criterion(first: Round) -> None:
    assert template(first) == (
        "/score first\nusefulness: \ncreativity: \npublic-data: \ncompleteness: \ncomment: "
    )


def test_every_score_message_exists_in_both_languages() -> None:
    for code, entry in messages.CATALOGUE.items():
        if code.startswith(("score.", "ledger.", "ui.score", "ui.status")):
            assert entry.get("ko") and entry.get("en"), code
            assert ("ko_hint" in entry) == ("en_hint" in entry), code
