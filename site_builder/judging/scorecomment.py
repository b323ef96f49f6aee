"""The `/score` comment: a judge's marks as written on a pull request, parsed by hand.

A judge writes, on the entry's pull request::

    /score
    usefulness: 8
    creativity: 7.5
    public-data: 9
    completeness: 8
    comment: Works well offline.
      Further lines belong to the comment too.

Comment bodies are hostile input (anyone can comment, and even a judge's
comment can be pasted from anywhere), so they are parsed line by line here
and never handed to YAML: no types, anchors, tags or multi-document tricks,
and a mistake becomes a precise refusal instead of a silently odd value.

The rules, each a decision worth knowing when reading a refusal:

* GitHub sends ``\\r\\n``; every line ending is normalized first. A body over
  `MAX_BODY_BYTES` (UTF-8) is refused before anything else is looked at.
* Blank lines, quoted lines (starting with ``>``, as GitHub's "Quote reply"
  puts at the top) and Markdown code fences (lines starting with three
  backticks) are skipped, so a judge may quote the entrant or wrap the
  score in a code block.
* The first remaining line must be the command: ``/score``, optionally
  followed by a round id (``/score final``), or ``/score withdraw`` with an
  optional round id. A body whose first line is anything else is not a
  command at all (`Parsed.is_command` is false) and is ignored.
* Each following line is ``key: value``; a leading list bullet (``-``,
  ``*``, ``+``) is allowed. Keys and values are NFKC-normalized, so
  full-width digits and colons (``８``, ``：``) read as their ASCII forms.
  Keys are a criterion's id or name, without regard to case; that is
  resolved against the round in `ballot`.
* ``comment:`` (or ``의견:``/``심사평:``) is the last field: the comment is
  the rest of that line and every following line, verbatim, up to a
  signature delimiter. A line inside the comment that reads like a mark
  for a criterion is refused, because it would otherwise be lost silently.
* A line ``--`` (the e-mail signature delimiter ``-- ``) ends the command;
  whatever follows (a signature) is ignored.
* Marks are plain decimal numbers from 0 to the criterion's max, with at
  most `MAX_DECIMALS` decimal places: ``8`` and ``8.5`` are accepted;
  ``8/10``, ``eight``, ``-1``, ``+8``, ``1e3``, ``NaN``, ``.5`` are refused
  with a reason. An integral mark is stored as an integer (``8.0`` -> 8).
* For ``/score withdraw`` any further lines are a free-text reason that is
  not recorded.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from site_builder.core import messages
from site_builder.core.contest import Round
from site_builder.core.problems import Problem

MAX_BODY_BYTES = 10 * 1024
"""A full rubric with a long comment fits in a tenth of GitHub's 65,536 characters."""
MAX_COMMENT_CHARS = 5000
"""The score schema's limit for `comment`."""
MAX_DECIMALS = 2
"""Finer marks than hundredths carry no meaning and invite float noise."""
COMMENT_KEYS = frozenset({"comment", "의견", "심사평"})
SOURCE = "comment"
"""`Problem.file` of every problem found in a comment: lines are the comment's own."""

Action = Literal["score", "withdraw"]
Number = int | float

_COMMAND = re.compile(r"^/score(?:\s+(?P<rest>.*))?$", re.IGNORECASE)
_ROUND_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}\Z")
_BULLET = re.compile(r"^[-*+]\s+")
_FIELD = re.compile(r"^(?P<key>[^:]+?)\s*:\s*(?P<value>.*)$")
_MARK = re.compile(r"^(?P<int>[0-9]+)(?:\.(?P<frac>[0-9]+))?$", re.ASCII)
_FRACTION = re.compile(r"^[0-9]+(?:\.[0-9]+)?\s*/\s*[0-9]+$", re.ASCII)
_SIGNED = re.compile(r"^[+-]\s*[0-9.]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SHOWN_CHARS = 60


@dataclass(frozen=True)
class Field:
    """One ``key: value`` line as written (after NFKC), with its line number."""

    line: int
    key: str
    value: str


@dataclass(frozen=True)
class Command:
    """The syntax of a /score comment, before the round gives keys a meaning."""

    action: Action
    round_id: str | None
    fields: tuple[Field, ...] = ()
    comment: str | None = None
    comment_line: int | None = None
    """Line of ``comment:``; the comment's n-th raw line is line ``comment_line + n``."""
    comment_source: tuple[str, ...] = ()
    """The comment's lines as written (the first is the rest of the ``comment:`` line)."""


@dataclass(frozen=True)
class Parsed:
    """What `parse` found: not a command, a command, or a command with problems."""

    is_command: bool
    command: Command | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Ballot:
    """A judge's complete, checked marks for one round: criterion id -> mark, in rubric order."""

    marks: Mapping[str, Number]
    comment: str | None = None


@dataclass(frozen=True)
class BallotCheck:
    ballot: Ballot | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def _problem(line: int | None, code: str, **params: Any) -> Problem:
    return Problem(SOURCE, line, None, code, params)


def shown(text: str) -> str:
    """A piece of the comment as it may be quoted back: one line, bounded length.
    Markdown escaping is the reply's job (`reporter.markdown_escape`)."""
    one_line = " ".join(_CONTROL.sub(" ", text).split())
    if len(one_line) > _SHOWN_CHARS:
        return one_line[: _SHOWN_CHARS - 1] + "…"
    return one_line


def _lines(body: str) -> list[str]:
    return body.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _skippable(stripped: str) -> bool:
    return not stripped or stripped.startswith(">") or stripped.startswith("```")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _is_signature(raw: str) -> bool:
    return raw.rstrip() == "--"


def parse(body: str) -> Parsed:
    """Read the syntax of a comment body. Never raises on any text."""
    lines = _lines(body)
    start = next((i for i, raw in enumerate(lines) if not _skippable(raw.strip())), None)
    if start is None:
        return Parsed(False)
    header = _COMMAND.match(_nfkc(lines[start].strip()))
    if header is None:
        return Parsed(False)
    try:
        size = len(body.encode("utf-8"))
    except UnicodeEncodeError:  # lone surrogates, which JSON can carry
        return Parsed(True, None, (_problem(None, "score.bad-text"),))
    if size > MAX_BODY_BYTES:
        too_long = _problem(None, "score.too-long", size=size, limit=MAX_BODY_BYTES)
        return Parsed(True, None, (too_long,))

    problems: list[Problem] = []
    action, round_id = _header(header.group("rest") or "", start + 1, problems)
    if action == "withdraw":
        return Parsed(True, Command(action, round_id), tuple(problems))

    fields: list[Field] = []
    comment: str | None = None
    comment_line: int | None = None
    source: tuple[str, ...] = ()
    index = start + 1
    while index < len(lines):
        raw = lines[index]
        number = index + 1
        index += 1
        stripped = raw.strip()
        if _is_signature(raw):
            break
        if _skippable(stripped):
            continue
        text = _BULLET.sub("", _nfkc(stripped))
        match = _FIELD.match(text)
        if match is None:
            problems.append(_problem(number, "score.line", text=shown(stripped)))
            continue
        key = " ".join(match.group("key").split())
        if key.casefold() in COMMENT_KEYS:
            comment_line = number
            source = _comment_source(raw, lines, index)
            comment = _clean("\n".join(source))
            break
        fields.append(Field(number, key, match.group("value").strip()))
    command = Command(action, round_id, tuple(fields), comment, comment_line, source)
    return Parsed(True, command, tuple(problems))


def _header(rest: str, line: int, problems: list[Problem]) -> tuple[Action, str | None]:
    tokens = rest.split()
    action: Action = "score"
    if tokens and tokens[0].casefold() == "withdraw":
        action = "withdraw"
        tokens = tokens[1:]
    if any(":" in token for token in tokens):
        problems.append(_problem(line, "score.header-fields"))
        return action, None
    if len(tokens) > 1:
        problems.append(_problem(line, "score.header", text=shown(rest)))
        return action, None
    if not tokens:
        return action, None
    token = tokens[0].casefold()
    if not _ROUND_ID.match(token):
        problems.append(_problem(line, "score.header", text=shown(rest)))
        return action, None
    return action, token


def _comment_source(raw: str, lines: list[str], index: int) -> tuple[str, ...]:
    """The comment as written: the rest of its line and every line after it."""
    # The key was matched after NFKC; find the same colon in the raw line
    # (it may be written as a full-width or small colon).
    colon = next((i for i, char in enumerate(raw) if _nfkc(char) == ":"), len(raw) - 1)
    parts = [raw[colon + 1 :]]
    while index < len(lines) and not _is_signature(lines[index]):
        parts.append(lines[index].rstrip())
        index += 1
    return tuple(parts)


def _clean(text: str) -> str:
    # Control characters (other than newline and tab) have no place in a
    # published remark, and some would upset a terminal showing the ledger.
    lines = _CONTROL.sub("", text).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def ballot(command: Command, round_: Round) -> BallotCheck:
    """Give the fields their meaning in `round_`: every criterion once, each a valid mark."""
    problems: list[Problem] = []
    marks: dict[str, Number] = {}
    first_line: dict[str, int] = {}
    expected = expected_keys(round_)
    for item in command.fields:
        criterion = round_.criterion(item.key)
        if criterion is None:
            problems.append(_unknown(item, round_, expected))
            continue
        if criterion.id in first_line:
            problems.append(
                _problem(item.line, "score.duplicate-criterion", key=shown(item.key),
                         criterion=criterion.id, first_line=first_line[criterion.id])
            )
            continue
        first_line[criterion.id] = item.line
        mark = _mark(item, criterion.id, criterion.max, problems)
        if mark is not None:
            marks[criterion.id] = mark
    missing = [c.id for c in round_.criteria if c.id not in first_line]
    if missing:
        problems.append(
            _problem(None, "score.missing-criteria", missing=missing, expected=expected)
        )
    comment = command.comment
    if comment is not None:
        if len(comment) > MAX_COMMENT_CHARS:
            problems.append(
                _problem(command.comment_line, "score.comment-too-long",
                         length=len(comment), limit=MAX_COMMENT_CHARS,
                         over=len(comment) - MAX_COMMENT_CHARS)
            )
        problems.extend(_marks_in_comment(command, round_))
    if problems:
        return BallotCheck(None, tuple(problems))
    ordered = {c.id: marks[c.id] for c in round_.criteria}
    return BallotCheck(Ballot(ordered, comment or None))


def expected_keys(round_: Round) -> str:
    return ", ".join(f"{c.id} ({c.name})" for c in round_.criteria)


def template(round_: Round, *, explicit_round: bool = True) -> str:
    """A comment to copy: the command and one line per criterion of the round."""
    header = f"/score {round_.id}" if explicit_round else "/score"
    lines = [header, *(f"{c.id}: " for c in round_.criteria), "comment: "]
    return "\n".join(lines)


def _unknown(item: Field, round_: Round, expected: str) -> Problem:
    names = [c.id for c in round_.criteria] + [c.name for c in round_.criteria]
    close = difflib.get_close_matches(item.key.casefold(), [n.casefold() for n in names], n=1)
    suggestion = ""
    if close:
        hit = next(n for n in names if n.casefold() == close[0])
        criterion = round_.criterion(hit)
        suggestion = criterion.id if criterion is not None else ""
    # A near miss ("usefullness") gets the criterion it most likely meant, by name.
    did_you_mean = {
        lang: messages.render("score.did-you-mean", lang, {"suggestion": suggestion})
        for lang in messages.LANGUAGES
    } if suggestion else ""
    return _problem(item.line, "score.unknown-criterion", key=shown(item.key),
                    round=round_.id, expected=expected, suggestion=suggestion,
                    did_you_mean=did_you_mean)


def parse_mark(text: str) -> tuple[Number | None, str | None]:
    """A mark from its text: (value, None), or (None, the problem's code)."""
    value = text.strip()
    if not value:
        return None, "score.no-mark"
    if _SIGNED.match(value):
        return None, "score.negative" if value.startswith("-") else "score.bad-number"
    if _FRACTION.match(value):
        return None, "score.fraction"
    match = _MARK.match(value)
    if match is None:
        return None, "score.bad-number"
    fraction = match.group("frac")
    if fraction is not None and len(fraction) > MAX_DECIMALS:
        return None, "score.too-many-decimals"
    number = Decimal(value)
    if number == number.to_integral_value():
        return int(number), None
    return float(number), None


def _mark(item: Field, criterion_id: str, maximum: int, problems: list[Problem]) -> Number | None:
    value, code = parse_mark(item.value)
    if code is not None:
        problems.append(
            _problem(item.line, code, criterion=criterion_id, value=shown(item.value),
                     max=maximum, decimals=MAX_DECIMALS)
        )
        return None
    assert value is not None
    if value > maximum:
        problems.append(
            _problem(item.line, "score.over-max", criterion=criterion_id, value=shown(item.value),
                     max=maximum)
        )
        return None
    return value


def _marks_in_comment(command: Command, round_: Round) -> list[Problem]:
    problems = []
    first_line = command.comment_line or 0
    for offset, raw in enumerate(command.comment_source):
        text = _BULLET.sub("", _nfkc(raw.strip()))
        match = _FIELD.match(text)
        if match is None:
            continue
        criterion = round_.criterion(" ".join(match.group("key").split()))
        value, code = parse_mark(match.group("value"))
        if criterion is not None and code is None and value is not None:
            problems.append(
                _problem(first_line + offset, "score.after-comment", criterion=criterion.id)
            )
    return problems
