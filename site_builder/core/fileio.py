"""Small file operations shared by the commands that read JSON files and write records.

* `read_json_object`: a JSON file anyone can commit (results/<round>.json), read
  as hostile: a regular file, capped in size, strict JSON, an object.
* `write_atomically`: the ledger and the results are written to a temporary
  file in the same folder and renamed over the old one, so a crash or a full
  disk never leaves half a score or half a results file behind.

A webhook payload file is read where its fields are taken from it: `core.github`.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


class Unreadable(Exception):
    """A JSON file that cannot be used: `code` and `params` say why (`core.messages`),
    `detail` in English, for logs."""

    def __init__(self, code: str, **params: Any) -> None:
        from site_builder.core import messages

        self.detail = messages.render(code, "en", params)
        super().__init__(self.detail)
        self.code = code
        self.params = params


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_json_object(path: Path, limit: int) -> dict[str, Any]:
    """The JSON object in `path`, which exists; `Unreadable` when it is not a regular
    file, is larger than `limit` bytes, is not UTF-8 JSON (NaN and Infinity are not
    JSON either) or holds something other than an object."""
    if path.is_symlink() or not path.is_file():
        raise Unreadable("tally.results-not-file")
    if path.stat().st_size > limit:
        raise Unreadable("tally.results-too-large", limit=limit)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError) as exc:
        raise Unreadable("tally.results-not-json", error=str(exc)[:200]) from None
    if not isinstance(data, dict):
        raise Unreadable("tally.results-not-object")
    return data


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8, LF line ends) in one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
