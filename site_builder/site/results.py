"""Published results: results/<round>.json, read as untrusted data.

The tally writes these files, but they arrive through pull requests like
everything else, so they are size-capped, parsed without NaN/Infinity,
checked against schema/results.schema.json, and matched to the contest's
rounds. A file that fails any of this is skipped with a warning: the site
still builds, without that round's results.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.core import schemas
from site_builder.core.contest import Contest
from site_builder.core.fileio import Unreadable, read_json_object

RESULTS_DIR = "results"
SCHEMA_FILE = "results.schema.json"
MAX_BYTES = 32 * 1024 * 1024

log = logging.getLogger("mkdocs.plugins.contest")


@dataclass(frozen=True)
class Row:
    entry: str
    rank: int | None
    score: float | None
    raw_mean: float | None
    judges: int
    stderr: float | None
    complete: bool
    advanced: bool
    award: str | None
    criteria: Mapping[str, float | None]


@dataclass(frozen=True)
class JudgeStat:
    judge: str
    entries: int | None
    leniency: float | None


@dataclass(frozen=True)
class RoundResult:
    round: str
    round_name: str
    ledger_commit: str
    data_sha256: str
    rubric_sha256: str
    method: Mapping[str, Any]
    rows: tuple[Row, ...]
    awards: Mapping[str, tuple[str, ...]]
    judges: tuple[JudgeStat, ...]
    alpha: float | None
    raw: Mapping[str, Any]

    def row(self, slug: str) -> Row | None:
        return next((r for r in self.rows if r.entry == slug), None)


def load_results(
    root: Path, contest: Contest, schema_dir: Path | None = None
) -> tuple[RoundResult, ...]:
    """Every valid results file of a round of `contest`, in the contest's round order."""
    folder = root / RESULTS_DIR
    if not contest.results_published or not folder.is_dir():
        return ()
    schema = json.loads((schema_dir or root / "schema").joinpath(SCHEMA_FILE).read_text("utf-8"))
    validator = schemas.validator_class()(schema)
    found: dict[str, RoundResult] = {}
    for round_ in contest.rounds:
        path = folder / f"{round_.id}.json"
        if not path.is_file() or path.is_symlink():
            continue
        result = _read(path, validator, round_.id)
        if result is not None:
            found[round_.id] = result
    return tuple(found[r.id] for r in contest.rounds if r.id in found)


def _read(path: Path, validator: Any, round_id: str) -> RoundResult | None:
    display = f"{RESULTS_DIR}/{path.name}"
    try:
        data = read_json_object(path, MAX_BYTES)
    except Unreadable as exc:
        log.warning("contest: %s: %s; its results are not shown", display, exc.detail)
        return None
    error = next(iter(validator.iter_errors(data)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        log.warning(
            "contest: %s: %s at %s; its results are not shown", display, error.message[:200], where
        )
        return None
    if data["round"] != round_id:
        log.warning("contest: %s says round %r; its results are not shown", display, data["round"])
        return None
    return from_data(data)


def from_data(data: Mapping[str, Any]) -> RoundResult:
    """A RoundResult from schema-valid data."""
    rows = tuple(
        Row(
            entry=e["entry"],
            rank=e["rank"],
            score=e["score"],
            raw_mean=e.get("raw_mean"),
            judges=e["judges"],
            stderr=e.get("stderr"),
            complete=e["complete"],
            advanced=bool(e.get("advanced", False)),
            award=e.get("award"),
            criteria=dict(e.get("criteria") or {}),
        )
        for e in data["entries"]
    )
    awards_raw: Mapping[str, Sequence[str]] = data.get("awards") or {}
    return RoundResult(
        round=data["round"],
        round_name=data.get("round_name") or data["round"],
        ledger_commit=data["ledger_commit"],
        data_sha256=data["data_sha256"],
        rubric_sha256=data.get("rubric_sha256", ""),
        method=dict(data.get("method") or {}),
        rows=tuple(sorted(rows, key=_row_order)),
        awards={k: tuple(v) for k, v in awards_raw.items()},
        judges=tuple(
            JudgeStat(j["judge"], j.get("entries"), j.get("leniency"))
            for j in data.get("judges", ())
        ),
        alpha=(data.get("reliability") or {}).get("alpha"),
        raw=data,
    )


def _row_order(row: Row) -> tuple[int, int, str]:
    # Ranked entries first by rank, then the unranked ones by slug.
    return (0, row.rank, row.entry) if row.rank is not None else (1, 0, row.entry)


def awards_of(results: Sequence[RoundResult], slug: str) -> list[str]:
    """Award ids `slug` received, from the last round that gives awards."""
    for result in reversed(results):
        row = result.row(slug)
        if row is not None and row.award:
            return [row.award]
        given = [award for award, slugs in result.awards.items() if slug in slugs]
        if given:
            return given
    return []
