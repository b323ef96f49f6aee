"""data_sha256: the fingerprint of what a round's results are computed from.

SHA-256 of the UTF-8 canonical JSON (keys sorted, no spaces, ``ensure_ascii=False``) of ::

    {"version": 1, "round": <id>, "rubric": <Round.rubric()>, "entries": [<slugs, sorted>],
     "scores": [[<slug>, <login, lowercase>, {<criterion>: <mark>}], ... sorted by slug,
                then login]}

where every number that is a whole number is written as an integer (7, not 7.0). So it
does not depend on the order files are read in, on how YAML wrote a value (quotes,
``7.0``), on comments, times or links of a score (which do not change a result), or on
how a judge's login is capitalized. `canonical_data` returns the exact bytes.

The scores are most of the text, and they are written in runs (`scores_json`): the
tally's readers (`gather`) each write the run of their contiguous range of slugs, at the
same time, and `assemble` joins the runs in slug order. The bytes are the same as one
``json.dumps`` of the whole document; tests/test_tally.py checks it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from site_builder.core.contest import Round

VERSION = 1

Marks = Mapping[str, int | float]


def canonical_data(
    round_: Round, entries: Iterable[str], scores: Iterable[tuple[str, str, Marks]]
) -> bytes:
    """The bytes whose SHA-256 is ``data_sha256``; `scores` are (slug, login, marks)."""
    return assemble(round_, entries, [scores_json(scores)])


def scores_json(scores: Iterable[tuple[str, str, Marks]]) -> str:
    """The canonical JSON of some scores, sorted, without the list's brackets.

    Built from cached pieces rather than by one ``json.dumps``: a round repeats the same
    slugs, logins and sets of marks thousands of times, and sorting the keys of 25,000
    small dicts was most of the dump. Equal to the plain dump (tests/test_tally.py)."""
    rows = sorted((slug, login.lower(), _marks_json(marks)) for slug, login, marks in scores)
    quoted = _quoted
    return ",".join(f"[{quoted(slug)},{quoted(login)},{marks}]" for slug, login, marks in rows)


@functools.lru_cache(maxsize=100_000)
def _quoted(text: str) -> str:
    return _dumps(text)


def _marks_json(marks: Marks) -> str:
    key = tuple(marks.items())
    found = _MARKS.get(key)
    if found is None:
        found = _dumps({k: _whole(v) for k, v in marks.items()})
        if len(_MARKS) >= 100_000:  # bounded: marks given as arbitrary fractions
            _MARKS.clear()
        _MARKS[key] = found
    return found


_MARKS: dict[tuple[tuple[str, int | float], ...], str] = {}


def assemble(round_: Round, entries: Iterable[str], runs: Sequence[str]) -> bytes:
    """The canonical bytes from `scores_json` runs that are each sorted and, one after
    the other, in order (runs of consecutive ranges of slugs)."""
    head = _dumps({
        "entries": sorted(set(entries)),
        "round": round_.id,
        "rubric": _whole_numbers(round_.rubric()),
    })
    # The keys sorted: entries, round, rubric, then scores and version.
    scores = ",".join(run for run in runs if run)
    return f'{head[:-1]},"scores":[{scores}],"version":{VERSION}}}'.encode()


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)


def _whole(value: Any) -> Any:
    """7.0 as 7, so that the fingerprint does not depend on how YAML wrote a mark."""
    return int(value) if type(value) is float and value.is_integer() else value


def _whole_numbers(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    return _whole(value)
