"""The message catalogue: every code in both languages, and no silent blanks in tests."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest

from site_builder.core import messages
from site_builder.core.messages import CATALOGUE, MessageError

TEMPLATES = ("ko", "en", "ko_hint", "en_hint")


def _fields(template: str) -> Iterator[tuple[str, str]]:
    for _, name, spec, _ in string.Formatter().parse(template):
        if name:
            yield name, spec or ""


def _declared(code: str) -> dict[str, object]:
    """A value for every parameter the code's sentences name: a number where a
    sentence formats it as one ({size:,}), text otherwise."""
    params: dict[str, object] = {}
    for key in TEMPLATES:
        for name, spec in _fields(CATALOGUE[code].get(key, "")):
            params[name] = 1234 if spec else f"<{name}>"
    return params


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_has_korean_and_english(code: str) -> None:
    entry = CATALOGUE[code]
    assert entry.get("ko", "").strip(), f"{code} has no Korean"
    assert entry.get("en", "").strip(), f"{code} has no English"
    assert ("ko_hint" in entry) == ("en_hint" in entry), f"{code} has a hint in one language"
    assert set(entry) <= set(TEMPLATES), f"{code}: unknown keys {set(entry) - set(TEMPLATES)}"


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_renders_with_its_parameters(code: str) -> None:
    params = _declared(code)
    for lang in messages.LANGUAGES:
        text = messages.render(code, lang, params)
        assert text and text != code
        for name, value in params.items():
            if isinstance(value, str) and any(
                n == name for n, _ in _fields(CATALOGUE[code][lang])
            ):
                assert value in text, f"{code} ({lang}) dropped {{{name}}}"
        messages.render_hint(code, lang, params)


def test_strict_mode_is_on_in_the_tests() -> None:
    with pytest.raises(MessageError, match=r"no message 'schema\.no-such-code'"):
        messages.render("schema.no-such-code", "en")
    with pytest.raises(MessageError, match="no message"):
        messages.render_hint("schema.no-such-code", "ko")


def test_a_missing_parameter_fails_in_strict_mode() -> None:
    with pytest.raises(MessageError, match=r"contest.weights-sum \(en\).*\{total\}"):
        messages.render("contest.weights-sum", "en", {"round": "first"})
    with pytest.raises(MessageError, match=r"schema.maxLength \(ko\).*\{over\}"):
        messages.render_hint("schema.maxLength", "ko", {"label": "x", "limit": 1, "length": 2})
    with pytest.raises(MessageError, match=r"file.too-large \(en\)"):
        messages.render("file.too-large", "en", {"size": "big", "limit": 10})


def test_outside_the_tests_a_bad_message_still_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    # A user's problem must never become a crash: the command shows what it can.
    monkeypatch.setattr(messages, "_strict", False)
    assert messages.render("schema.no-such-code", "en") == "schema.no-such-code"
    assert messages.render_hint("schema.no-such-code", "en") is None
    text = messages.render("contest.weights-sum", "en", {"round": "first"})
    assert "first" in text
    assert messages.render("file.too-large", "en", {"size": "big", "limit": 10}).startswith(
        "The file is too large")


def test_both_gives_every_language() -> None:
    assert messages.both("ui.severity-error") == {"ko": "오류", "en": "error"}
    label = messages.both("contest.label-round-opens", {"name": "1차 심사", "index": 0})
    assert label == {"ko": "1차 심사 시작", "en": "rounds[0].opens"}
