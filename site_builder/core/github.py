"""GitHub webhook payloads, read as hostile data: the file GitHub Actions writes, and
each field a command takes from it.

GitHub Actions writes the payload of the event that started a workflow to
``$GITHUB_EVENT_PATH``. `read_payload` reads it with a size cap (GitHub caps
payloads at 25 MB) as strict JSON; its shape is still anyone's guess. A command
then takes the fields it uses through one `Payload`: a dotted path and the type
it must have, where ``true`` is never a number and a field may be optional.

A payload of another shape is a wiring mistake (the workflow runs on the wrong
trigger, or something else wrote the file), not an entrant's or a judge's: it
stops the command with one coded error, ``github.wrong-payload``, which names the
event the command expects, the field, what is wrong with it (with a short,
inert preview of the value) and the trigger to use.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from site_builder.core import messages
from site_builder.core.errors import UsageError

EVENT_SIZE_LIMIT = 25 * 1024 * 1024
"""GitHub caps webhook payloads at 25 MB."""
PREVIEW_LIMIT = 40
"""Characters of a bad value shown back: enough to recognise it, never a whole body."""

T = TypeVar("T")

# JSON's own names for what a value is, said in the reader's language.
_JSON_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"),
    (dict, "object"), (list, "array"), (type(None), "null"),
)


def read_payload(path: Path) -> Any:
    """The JSON of an event payload file. Its shape is the caller's to check, with `Payload`."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(EVENT_SIZE_LIMIT + 1)
    except OSError as exc:
        raise UsageError.coded("github.payload-unreadable", path=str(path),
                               detail=str(exc.strerror or exc)) from None
    if len(raw) > EVENT_SIZE_LIMIT:
        raise UsageError.coded("github.payload-too-large", path=str(path),
                               limit=EVENT_SIZE_LIMIT)
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError.coded("github.payload-not-json", path=str(path),
                               detail=str(exc)[:200]) from None


def json_type(value: Any) -> str:
    """JSON's name for the type of a decoded value (``true`` is a boolean, not an integer)."""
    return _type_name(type(value))


def _type_name(kind: type) -> str:
    for json_kind, name in _JSON_TYPES:
        if issubclass(kind, json_kind):
            return name
    return kind.__name__


def preview(value: Any, limit: int = PREVIEW_LIMIT) -> str:
    """A short picture of a value from a payload, safe to print and to post back.

    Text is quoted, cut at `limit` characters, and has every character that is not
    printable (controls, bidirectional overrides, invisible marks) written as an
    escape, so a preview can neither run long nor read as something else. An object
    or an array is shown by its brackets only."""
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, str):
        shown = ""
        for char in value:
            piece = char if char.isprintable() else char.encode("unicode_escape").decode()
            if len(shown) + len(piece) > limit:
                return f'"{shown}…"'
            shown += piece
        return f'"{shown}"'
    text = json.dumps(value) if value is None or isinstance(value, bool) else str(value)
    return text if len(text) <= limit else text[:limit] + "…"


class Payload:
    """One webhook payload as read from its file, and the event it must be.

    `event` is the event's name as GitHub spells it (``issue_comment``), `trigger`
    what a workflow writes to run on it (``on: issue_comment``); both go into the
    error for a payload of another shape."""

    def __init__(self, data: Any, event: str, trigger: str) -> None:
        self.data = data
        self.event = event
        self.trigger = trigger

    def field(self, path: str, kind: type[T]) -> T:
        """The value at the dotted `path`, which must be there and of `kind`."""
        value = self.optional(path, kind)
        if value is None:
            raise self.wrong(path, "github.field-missing")
        return value

    def optional(self, path: str, kind: type[T]) -> T | None:
        """The value at the dotted `path`; None when it or a parent is absent or null.
        A value that is there must be of `kind`, and so must be every parent: an
        object."""
        node: Any = self.data
        walked: list[str] = []
        for part in path.split("."):
            if node is not None and not isinstance(node, dict):
                if not walked:
                    raise self.wrong("", "github.not-an-object", actual=_described(node))
                raise self._wrong_type(".".join(walked), dict, node)
            node = node.get(part) if node is not None else None
            walked.append(part)
        if node is None:
            return None
        if not _is(node, kind):
            raise self._wrong_type(path, kind, node)
        found: T = node
        return found

    def holds(self, path: str, kind: type) -> bool:
        """Whether the value at `path` is there and of `kind`; never raises."""
        node: Any = self.data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node is not None and _is(node, kind)

    def present(self, path: str) -> bool:
        """Whether the key at `path` is there at all, even with a null value."""
        parent, _, key = path.rpartition(".")
        node: Any = self.data
        for part in parent.split(".") if parent else ():
            node = node.get(part) if isinstance(node, dict) else None
        return isinstance(node, dict) and key in node

    def wrong(self, path: str, why: str, **params: Any) -> UsageError:
        """The error for a payload whose field at `path` is wrong: `why` is a message
        code saying how (its sentence gets ``field`` and the `params`)."""
        reason = messages.by_language(why, {"field": path, **params})
        return UsageError.coded("github.wrong-payload", event=self.event, field=path,
                                why=reason, trigger=self.trigger)

    def _wrong_type(self, path: str, kind: type, value: Any) -> UsageError:
        return self.wrong(path, "github.field-type",
                          expected=messages.by_language(f"github.type-{_type_name(kind)}"),
                          actual=_described(value))


def _described(value: Any) -> dict[str, str]:
    """What a bad value is, in every language: its JSON type and its preview."""
    kind = messages.by_language(f"github.type-{json_type(value)}")
    return {lang: f"{name} {preview(value)}" for lang, name in kind.items()}


def _is(value: Any, kind: type) -> bool:
    # JSON's true and false decode as bool, which Python counts as an int.
    return isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
