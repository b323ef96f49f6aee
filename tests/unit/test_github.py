"""core/github.py: one reader for webhook payloads, and one error for a payload of the
wrong shape, for the recorder (issue_comment) and for intake (issues) alike."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import github_payloads as gh
import pytest

from site_builder.core import github, messages
from site_builder.core.errors import UsageError
from site_builder.core.github import Payload
from site_builder.judging import decision
from site_builder.submissions import intake

TRIGGER = "on: issue_comment"


def comment(**changes: Any) -> dict[str, Any]:
    return gh.issue_comment(body="/score", login="judge-ahn", number=3,
                            created_at="2015-12-17T03:00:00Z", **changes)


def payload(data: Any) -> Payload:
    return Payload(data, "issue_comment", TRIGGER)


def refused(read: Callable[[], object]) -> UsageError:
    with pytest.raises(UsageError) as raised:
        read()
    error = raised.value
    assert error.code == "github.wrong-payload"
    return error


def why(error: UsageError, lang: str = "en") -> str:
    return str(error.params["why"][lang])


# --- the field reader ----------------------------------------------------------------------


def test_a_field_is_read_by_its_dotted_path() -> None:
    data = comment()
    assert payload(data).field("comment.user.login", str) == "judge-ahn"
    assert payload(data).field("issue.number", int) == 3
    assert payload(data).field("repository", dict)["default_branch"] == "main"


def test_a_value_of_the_wrong_type_is_refused_with_its_type_and_a_preview() -> None:
    data = comment()
    data["issue"]["number"] = "3"
    error = refused(lambda: payload(data).field("issue.number", int))
    assert error.params["field"] == "issue.number"
    assert why(error) == ("'issue.number' has the wrong type "
                          '(expected an integer, got a string "3")')
    assert why(error, "ko") == messages.render("github.field-type", "ko", {
        "field": "issue.number", "expected": messages.render("github.type-integer", "ko"),
        "actual": messages.render("github.type-string", "ko") + ' "3"'})


@pytest.mark.parametrize("value", [True, False])
def test_true_and_false_are_never_numbers(value: bool) -> None:
    data = comment()
    data["issue"]["number"] = value
    error = refused(lambda: payload(data).field("issue.number", int))
    assert f"got a boolean {json.dumps(value)}" in why(error)
    assert not payload(data).holds("issue.number", int)
    assert payload(data).field("issue.number", bool) is value


def test_a_float_is_not_an_integer() -> None:
    data = comment()
    data["issue"]["number"] = 3.0
    assert "got a number 3.0" in why(refused(lambda: payload(data).field("issue.number", int)))


@pytest.mark.parametrize("absent", ["missing", "null"])
def test_an_optional_field_may_be_absent_or_null(absent: str) -> None:
    data = comment()
    if absent == "missing":
        del data["comment"]["html_url"]
    else:
        data["comment"]["html_url"] = None
    assert payload(data).optional("comment.html_url", str) is None
    assert payload(data).optional("comment.no.such.path", str) is None
    error = refused(lambda: payload(data).field("comment.html_url", str))
    assert error.params["field"] == "comment.html_url"
    assert why(error) == "'comment.html_url' is missing"


def test_an_optional_field_that_is_there_must_still_have_its_type() -> None:
    data = comment()
    data["comment"]["html_url"] = ["https://github.com/x"]
    error = refused(lambda: payload(data).optional("comment.html_url", str))
    assert why(error) == ("'comment.html_url' has the wrong type "
                          "(expected a string, got an array […])")


def test_a_parent_that_is_not_an_object_is_named_itself() -> None:
    data = comment()
    data["comment"]["user"] = "judge-ahn"
    error = refused(lambda: payload(data).field("comment.user.login", str))
    assert error.params["field"] == "comment.user"
    assert why(error) == ("'comment.user' has the wrong type (expected an object, "
                          'got a string "judge-ahn")')
    data["comment"]["user"] = None
    error = refused(lambda: payload(data).field("comment.user.login", str))
    assert why(error) == "'comment.user.login' is missing"
    assert not payload(data).holds("comment.user.login", str)


@pytest.mark.parametrize("data", [[1, 2], "text", 5, None])
def test_a_payload_that_is_not_an_object(data: Any) -> None:
    error = refused(lambda: payload(data).field("action", str))
    if data is None:
        assert why(error) == "'action' is missing"
    else:
        assert why(error).startswith("it is not a JSON object (got ")


def test_present_sees_a_key_even_with_a_null_value() -> None:
    data = comment(pull_request=False)
    assert not payload(data).present("issue.pull_request")
    data["issue"]["pull_request"] = None
    assert payload(data).present("issue.pull_request")
    assert not payload(data).holds("issue.pull_request", dict)
    assert not payload("text").present("issue.pull_request")


# --- the preview of a bad value ---------------------------------------------------------------


def test_a_long_value_is_cut_in_the_preview() -> None:
    shown = github.preview("x" * 100_000)
    assert shown == '"' + "x" * github.PREVIEW_LIMIT + '…"'
    assert github.preview("12345", limit=3) == '"123…"'
    assert github.preview(10**200).endswith("…") and len(github.preview(10**200)) == 41


def test_the_preview_of_an_oversize_value_reaches_the_error_bounded() -> None:
    data = comment()
    data["comment"]["created_at"] = "9" * 1_000_000
    error = refused(lambda: decision.event_from_payload(data))
    assert error.params["field"] == "comment.created_at"
    assert len(str(error)) < 400
    for lang in messages.LANGUAGES:
        assert len(error.render(lang)) < 600


def test_the_preview_is_inert() -> None:
    # A bidirectional override or a newline would make the message read otherwise.
    assert github.preview("a\u202eb\nc\x00") == '"a\\u202eb\\nc\\x00"'
    assert len(github.preview("\u202e" * 1000)) <= github.PREVIEW_LIMIT + 3
    assert github.preview({"deep": {"deeper": "x" * 10_000}}) == "{…}"
    assert github.preview(["x"] * 10_000) == "[…]"
    assert (github.preview(None), github.preview(True), github.preview(7)) == ("null", "true", "7")


# --- the payload file -------------------------------------------------------------------------


def test_the_payload_file_is_read_as_json(tmp_path: Path) -> None:
    path = gh.write(tmp_path / "event.json", comment())
    assert github.read_payload(path)["action"] == "created"


def test_a_payload_file_that_cannot_be_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    with pytest.raises(UsageError) as raised:
        github.read_payload(tmp_path / "missing.json")
    assert raised.value.code == "github.payload-unreadable"
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        github.read_payload(broken)
    assert raised.value.code == "github.payload-not-json"
    big = gh.write(tmp_path / "big.json", comment())
    monkeypatch.setattr(github, "EVENT_SIZE_LIMIT", 100)
    with pytest.raises(UsageError) as raised:
        github.read_payload(big)
    assert raised.value.code == "github.payload-too-large"
    assert raised.value.params["limit"] == 100


# --- one error for both events ----------------------------------------------------------------


def _comment_breakages() -> dict[str, Callable[[dict[str, Any]], None]]:
    def set_(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
        def change(data: dict[str, Any]) -> None:
            *parents, key = path.split(".")
            node = data
            for part in parents:
                node = node[part]
            node[key] = value
        return change

    return {
        "comment.user.login": set_("comment.user.login", 7),
        "issue.number": set_("issue.number", 0),
        "comment.created_at": set_("comment.created_at", "2015-12-17T03:00:00"),
        "repository.default_branch": set_("repository.default_branch", "--upload-pack=x"),
        "comment.body": set_("comment.body", None),
    }


@pytest.mark.parametrize("field", sorted(_comment_breakages()))
def test_an_issue_comment_of_the_wrong_shape(field: str) -> None:
    data = comment()
    _comment_breakages()[field](data)
    error = refused(lambda: decision.event_from_payload(data))
    assert (error.params["event"], error.params["field"], error.params["trigger"]) == (
        "issue_comment", field, TRIGGER)
    assert str(error).startswith("The event payload is not an issue_comment payload: ")
    korean = error.render("ko")
    assert korean.startswith("이벤트 파일이 issue_comment 이벤트의 형식이 아닙니다: ")
    assert korean.endswith(messages.render_hint("github.wrong-payload", "ko", error.params) or "")
    assert TRIGGER in korean and field in korean


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("action", "closed", "'action' is \"closed\", not one of opened, edited"),
    ("issue.user.login", "not a login!",
     "'issue.user.login' \"not a login!\" is not a GitHub login"),
    ("issue.number", -4, "'issue.number' is not a positive number (-4)"),
])
def test_an_issues_payload_of_the_wrong_shape(field: str, value: Any, reason: str) -> None:
    data = gh.issues(body="x", login="entrant-one", number=3, created_at="2015-11-01T00:00:00Z")
    if field == "action":
        data["action"] = value
    elif field == "issue.number":
        data["issue"]["number"] = value
    else:
        data["issue"]["user"]["login"] = value
    error = refused(lambda: intake.event_from_payload(data))
    assert (error.params["event"], error.params["field"]) == ("issues", field)
    assert "on: issues" in error.params["trigger"]
    assert why(error) == reason


def test_a_bot_may_open_an_issue() -> None:
    data = gh.issues(body=None, login="renovate[bot]", number=3,
                     created_at="2015-11-01T00:00:00Z")
    event = intake.event_from_payload(data)
    assert (event.login, event.body) == ("renovate[bot]", "")
