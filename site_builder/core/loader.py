"""The one strict YAML loader for every file the project reads.

Entrants' manifests are hostile until checked, so this loader refuses what
PyYAML would quietly accept:

* duplicate keys (PyYAML keeps the last value silently);
* anchors and aliases (a 238-byte alias bomb expands to megabytes);
* explicit tags (``!!python/object`` and friends), non-text keys, ``.inf``/``.nan``;
* files over a size cap, symbolic links, non-regular files, invalid UTF-8, NUL bytes;
* nesting deeper than `MAX_DEPTH` (libyaml itself stops at 1000 levels with a
  ScannerError, which becomes a clean problem like every other YAML error).

Scalars follow the YAML 1.2 core schema rather than PyYAML's YAML 1.1:
only ``true``/``false`` are booleans (``no``, ``on``, ``y`` stay text, so a
Norwegian country code or a title "No" keeps its meaning), dates and times
stay text (the schema checks their form, and text keeps the offset exactly
as written), and ``0755`` is the integer 755, not an octal number.

Parsing and composing run in libyaml (CParser: 0.85 s against 8.1 s for the
pure-Python parser on 5,000 manifests); the node tree is turned into Python
values here, which is also where the checks above happen. The root node is
kept so that a schema error's path can be mapped back to a line and column.
"""

from __future__ import annotations

import errno
import gc
import os
import re
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from site_builder.core import messages, yamlsyntax
from site_builder.core.problems import Problem

MAX_DEPTH = 32
ENTRY_SIZE_LIMIT = 256 * 1024
CONTEST_SIZE_LIMIT = 1024 * 1024
SCORE_SIZE_LIMIT = 64 * 1024

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _CoreResolver(yaml.resolver.BaseResolver):
    """Implicit typing of the YAML 1.2 core schema."""


for _tag, _regexp, _first in (
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        _FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    _CoreResolver.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


# The resolvers above by first character, each set as one pattern: whether a plain scalar
# is text, as fast as one regular-expression match (see `plain_is_text`).
_NOT_TEXT = {
    first: re.compile("|".join(f"(?:{regexp.pattern})" for _tag, regexp in resolvers))
    for first, resolvers in _CoreResolver.yaml_implicit_resolvers.items()
}


def plain_is_text(value: str) -> bool:
    """Whether a plain (unquoted) scalar reads as text in the core schema, exactly as
    the resolver decides it: not a number, boolean or null."""
    for first in (value[:1], None):
        pattern = _NOT_TEXT.get(first)
        if pattern is not None and pattern.match(value):
            return False
    return True


_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)'")


def inline_text(raw: str) -> str | None:
    """The text of a scalar written on one line after ``key: ``, when it is certainly
    text: single-quoted (``''`` stands for one quote), or plain without anything that
    could make it more than its characters (an indicator first, ``: `` or `` #``
    inside, ``:`` or a space last; a number, boolean or null). None otherwise: no
    answer, not an error. Control and other unprintable characters are the caller's
    check."""
    if not raw:
        return None
    if raw[0] == "'":
        quoted = _SINGLE_QUOTED.fullmatch(raw)
        return quoted.group(1).replace("''", "'") if quoted else None
    if (
        raw[0] in _INDICATORS
        or raw[-1] in ": "
        or ": " in raw
        or " #" in raw
        or not plain_is_text(raw)
    ):
        return None
    return raw


class _Composer(CParser, _CoreResolver):
    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        _CoreResolver.__init__(self)


@dataclass(frozen=True)
class Document:
    """A loaded YAML file: its Python value and the node tree it came from."""

    file: str
    """Display path, relative to the contest root."""
    data: Any
    root: Node | None
    text: str

    def locate(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Line and column (1-based) of the value at `path`, or of the deepest
        part of it that exists (a missing key is reported at its parent).

        A block mapping or list that is the value of a key is located at the
        key: the node itself starts at its first item, on the next line, and
        "members is missing" shown on the line of `name:` would mislead."""
        node = self.root
        if node is None:
            return 1, 1
        key: Node | None = None
        for part in path:
            found = _child_and_key(node, part)
            if found is None:
                break
            key, node = found
        if (
            key is not None
            and isinstance(node, MappingNode | SequenceNode)
            and not node.flow_style
        ):
            node = key
        return node.start_mark.line + 1, node.start_mark.column + 1

    def locate_key(self, path: Sequence[str | int], key: str) -> tuple[int, int]:
        """Line and column of the key `key` inside the mapping at `path`."""
        node = self.root
        for part in path:
            if node is None:
                break
            node = _child(node, part)
        if isinstance(node, MappingNode):
            for key_node, _value in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == key:
                    return key_node.start_mark.line + 1, key_node.start_mark.column + 1
        return self.locate(path)

    def locate_text(self, path: Sequence[str | int], needle: str) -> tuple[int, int]:
        """Line and column of `needle` inside the scalar at `path` as written in
        the file; falls back to the scalar's start when it cannot be found
        (escaped or folded text)."""
        node = self.root
        for part in path:
            if node is None:
                break
            node = _child(node, part)
        if node is None:
            return self.locate(path)
        start, end = node.start_mark.index, node.end_mark.index
        found = self.text.find(needle, start, end) if needle else -1
        if found < 0:
            return node.start_mark.line + 1, node.start_mark.column + 1
        return self.position(found)


    def path_at(self, index: int) -> list[str | int]:
        """The data path of the innermost value whose text holds offset `index`."""
        path: list[str | int] = []
        node = self.root
        while node is not None:
            inner: Node | None = None
            if isinstance(node, MappingNode):
                for key_node, value_node in node.value:
                    if _spans(key_node, index) or _spans(value_node, index):
                        path.append(key_node.value)
                        inner = value_node if _spans(value_node, index) else None
                        break
            elif isinstance(node, SequenceNode):
                for position, item in enumerate(node.value):
                    if _spans(item, index):
                        path.append(position)
                        inner = item
                        break
            node = inner
        return path

    def position(self, index: int) -> tuple[int, int]:
        """Line and column (1-based) of offset `index` in the text."""
        line = self.text.count("\n", 0, index)
        column = index - (self.text.rfind("\n", 0, index) + 1)
        return line + 1, column + 1


def _spans(node: Node, index: int) -> bool:
    start = node.start_mark.index
    return bool(start <= index < max(node.end_mark.index, start + 1))


def _child(node: Node, part: str | int) -> Node | None:
    found = _child_and_key(node, part)
    return found[1] if found is not None else None


def _child_and_key(node: Node, part: str | int) -> tuple[Node | None, Node] | None:
    """The child at `part` and, in a mapping, the key node it is written under."""
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == part:
                return key_node, value_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child: Node = node.value[part]
        return None, child
    return None


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic GC while thousands of documents are loaded.

    Loading allocates millions of small objects, and the cyclic GC would rescan them
    over and over (measured: a third of `contest validate` at 5,000 entries). Loaded
    documents hold no reference cycles, so reference counting frees them as they go.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class LoadFailure(Exception):
    """Raised by `load_*`: the file cannot be turned into data. Carries one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def read_text(path: str | os.PathLike[str], display: str, limit: int) -> str:
    """Read a file as UTF-8 text, refusing links, non-regular files and big files
    before reading a byte more than the cap."""
    return decode(read_bytes(path, display, limit), display)


def read_bytes(path: str | os.PathLike[str], display: str, limit: int) -> bytes:
    """`read_text` without the decoding: the file's bytes, with the same refusals."""
    try:
        # O_NONBLOCK: a FIFO named entry.yml must not hang the validator.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise LoadFailure(Problem(display, None, None, "file.missing")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadFailure(Problem(display, None, None, "file.symlink")) from None
        raise LoadFailure(
            Problem(display, None, None, "file.unreadable", {"detail": exc.strerror or str(exc)})
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LoadFailure(Problem(display, None, None, "file.not-regular"))
        if info.st_size > limit:
            params = {"size": info.st_size, "limit": limit}
            raise LoadFailure(Problem(display, None, None, "file.too-large", params))
        chunks = []
        remaining = limit + 1
        # One byte more than the file's size, so that its end is seen at once. Not the
        # whole limit: a buffer of 256 KiB is mapped and unmapped for every read, which
        # made reading 5,000 small manifests four times slower.
        wanted = min(remaining, info.st_size + 1)
        while remaining > 0:
            chunk = os.read(fd, wanted)
            chunks.append(chunk)
            remaining -= len(chunk)
            if len(chunk) < wanted:  # a regular file reads short only at its end
                break
            wanted = min(remaining, 1 << 16)  # it grew since fstat: read on to the limit
        raw = b"".join(chunks)
    finally:
        os.close(fd)
    if len(raw) > limit:  # grew between fstat and read
        raise LoadFailure(
            Problem(display, None, None, "file.too-large", {"size": len(raw), "limit": limit})
        )
    return raw


def decode(raw: bytes, display: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        # Columns count characters, as in every other problem, not bytes.
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        params = {"detail": f"0x{raw[exc.start]:02x}"}
        raise LoadFailure(Problem(display, line, column, "file.encoding", params)) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise LoadFailure(Problem(display, line, None, "file.binary"))
    return text.removeprefix("\ufeff")


def load_file(path: Path, display: str, limit: int) -> Document:
    return parse(read_text(path, display, limit), display)


def load_bytes(raw: bytes, display: str, limit: int) -> Document:
    """Load YAML that does not come from the work tree (a git blob, a payload)."""
    if len(raw) > limit:
        raise LoadFailure(
            Problem(display, None, None, "file.too-large", {"size": len(raw), "limit": limit})
        )
    return parse(decode(raw, display), display)


def parse(text: str, display: str) -> Document:
    composer = _Composer(text)
    try:
        root = composer.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise LoadFailure(_syntax_problem(exc, display, text)) from None
    except yaml.reader.ReaderError as exc:
        raise LoadFailure(_reader_problem(exc, display, text)) from None
    except yaml.YAMLError as exc:
        raise LoadFailure(
            Problem(display, None, None, "yaml.syntax", _syntax_params(str(exc)))
        ) from None
    finally:
        composer.dispose()
    if root is None:
        raise LoadFailure(Problem(display, 1, 1, "yaml.empty"))
    if "&" in text:
        _refuse_anchors(text, display)
    data = _Builder(display).build(root, 0)
    return Document(display, data, root, text)


# Comment lines, then the first key's line, then a line that cannot continue its value.
_FIRST_KEY = re.compile(rb"(?:#[^\n]*\n)*([a-z_]+): ([^\n]*)\n(?![ \t\r\n])")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)"')
_BOM = "\ufeff".encode()


def _peek_first(raw: bytes, key: str) -> str | None:
    """`peek_text` when `key` is the document's first key and its value a simple
    one-line scalar (as in nearly every manifest: ``title: "..."`` first): a regular
    expression over the bytes instead of decoding the file and running the YAML
    parser, giving the same text. None: no answer."""
    found = _FIRST_KEY.match(raw, len(_BOM) if raw.startswith(_BOM) else 0)
    if found is None or found.group(1) != key.encode():
        return None
    try:
        value_text = found.group(2).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if value_text[:1] == '"':
        quoted = _DOUBLE_QUOTED.fullmatch(value_text)
        value = quoted.group(1) if quoted else None
    else:
        value = inline_text(value_text)
    return value if value is not None and value.isprintable() else None


def peek_text(raw: bytes, key: str) -> str | None:
    """The text value of the top-level `key`, parsing the document only up to it.

    For display at scale (a tally lists the titles of thousands of entries, and composing
    each whole manifest would take longer than the tally itself). Parsing stops at the
    key, so the rest of the document is neither read nor checked: nothing may be decided
    on this value. None when the key is not met before anything unusual: a syntax error,
    an anchor, alias or tag, or a value that is not text. `raw` is the file's bytes:
    a first line that answers is all that is decoded.
    """
    quick = _peek_first(raw, key)
    if quick is not None:
        return quick
    try:
        text = decode(raw, "")
    except LoadFailure:
        return None
    parser = _Composer(text)
    try:
        starts = (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.MappingStartEvent)
        for expected in starts:
            event = parser.get_event()
            if not isinstance(event, expected) or getattr(event, "anchor", None) is not None:
                return None
        while True:
            name = parser.get_event()
            if not isinstance(name, yaml.ScalarEvent) or name.anchor or name.tag:
                return None
            value = parser.get_event()
            if isinstance(value, yaml.ScalarEvent) and name.value == key:
                is_text = not value.implicit[0] or plain_is_text(value.value)
                ok = value.anchor is None and value.tag is None and is_text
                return value.value if ok else None
            if name.value == key or value is None or not _skip(parser, value):
                return None
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()


def _skip(parser: _Composer, event: yaml.Event) -> bool:
    """Step over one value whose first event is `event`; False at anything unusual."""
    depth = 0
    while True:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return False
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
        elif not isinstance(event, yaml.ScalarEvent):
            return False
        if depth == 0:
            return True
        following = parser.get_event()
        if following is None:
            return False
        event = following


def _refuse_anchors(text: str, display: str) -> None:
    # The composed tree forgets anchor names; the event stream keeps them.
    # Only files with an '&' somewhere pay for this second pass.
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None and not isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
            raise LoadFailure(Problem(display, line, column, "yaml.anchor", {"anchor": anchor}))


class _Builder:
    def __init__(self, display: str) -> None:
        self.display = display
        self.seen: set[int] = set()

    def fail(self, node: Node, code: str, params: dict[str, Any] | None = None) -> LoadFailure:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        return LoadFailure(Problem(self.display, line, column, code, params or {}))

    def build(self, node: Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.fail(node, "yaml.too-deep", {"limit": MAX_DEPTH})
        # libyaml's composer hands back the anchored node itself for an alias,
        # so a node met twice is an alias: refused before anything expands.
        if id(node) in self.seen:
            raise self.fail(node, "yaml.alias")
        self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                raise self.fail_tag(node)
            return [self.build(child, depth + 1) for child in node.value]
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                raise self.fail_tag(node)
            return self.mapping(node, depth)
        raise self.fail_tag(node)  # pragma: no cover

    def mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if id(key_node) in self.seen:
                raise self.fail(key_node, "yaml.alias")
            self.seen.add(id(key_node))
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                shown = key_node.value if isinstance(key_node, ScalarNode) else "{...}"
                raise self.fail(key_node, "yaml.key-not-text", {"key": repr(shown)})
            key = key_node.value
            if key in first_lines:
                raise self.fail(
                    key_node, "yaml.duplicate-key", {"key": key, "first_line": first_lines[key]}
                )
            first_lines[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, depth + 1)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            try:
                return int(value, 0) if value[:2] in ("0o", "0x") else int(value, 10)
            except ValueError:  # over Python's 4,300-digit conversion limit
                raise self.fail(node, "yaml.bad-number", {"value": value[:20]}) from None
        if tag == _FLOAT:
            if value.lower().lstrip("+-") in (".inf", ".nan"):
                raise self.fail(node, "yaml.non-finite", {"value": value})
            return float(value)
        raise self.fail_tag(node)

    def fail_tag(self, node: Node) -> LoadFailure:
        return self.fail(node, "yaml.tag", {"tag": node.tag.replace("tag:yaml.org,2002:", "!!")})


# libyaml's own wording, made into advice a non-programmer can act on (the advice
# itself is in messages.py).
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "yaml.hint-colon-in-value"),
    ("found character '\\t'", "yaml.hint-tab"),
    ("could not find expected ':'", "yaml.hint-key-value"),
    ("expected <block end>", "yaml.hint-indentation"),
    ("found undefined alias", "yaml.hint-star"),
    ("exceeded maximum nesting depth", "yaml.hint-nesting"),
    ("expected a single document", "yaml.hint-one-document"),
    ("found unexpected end of stream", "yaml.hint-unclosed-quote"),
    # libyaml says "control characters", the pure-Python reader "special characters".
    ("characters are not allowed", "yaml.hint-control-character"),
)


def _syntax_params(detail: str) -> dict[str, str]:
    params = {"detail": detail, "hint_ko": "", "hint_en": ""}
    for fragment, code in _SYNTAX_HINTS:
        if fragment in detail:
            params["hint_ko"], params["hint_en"] = messages.render(code, "ko"), messages.render(
                code, "en"
            )
            break
    return params


def _syntax_problem(exc: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    explained = yamlsyntax.explain(exc, display, text)
    if explained is not None:
        return explained
    mark = exc.problem_mark or exc.context_mark
    # At the end of the file the problem is where the unclosed quote or
    # bracket was opened ("while scanning a quoted scalar"), not the last line.
    if exc.context_mark is not None and "end of stream" in (exc.problem or ""):
        mark = exc.context_mark
    detail = " ".join(filter(None, [exc.context, exc.problem]))
    if mark is None:
        return Problem(display, None, None, "yaml.syntax", _syntax_params(detail))
    if text[mark.index : mark.index + 1] == "\t":
        detail = f"found character '\\t' {detail}"
    return Problem(display, mark.line + 1, mark.column + 1, "yaml.syntax", _syntax_params(detail))


def _reader_problem(exc: yaml.reader.ReaderError, display: str, text: str) -> Problem:
    # libyaml reads the text as UTF-8 and reports a byte offset, without a line.
    raw = text.encode("utf-8")
    offset = min(max(exc.position, 0), len(raw))
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
    detail = f"{exc.reason} (U+{code:04X})"
    return Problem(display, line, column, "yaml.syntax", _syntax_params(detail))
