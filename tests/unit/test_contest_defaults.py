"""contest.yml's defaults have one source: schema/contest.schema.json."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

from site_builder.core import schemas
from site_builder.core.contest import load_contest, load_contest_text
from tests.contestkit import REPO, write_contest

DEFAULTED = ("min_judges", "aggregation", "correction")


def _without_defaulted(data: dict[str, Any]) -> None:
    for round_ in data["rounds"]:
        for key in DEFAULTED:
            round_.pop(key, None)


def _schema_with(root: Path, defaults: dict[str, Any]) -> None:
    shutil.copytree(REPO / "schema", root / "schema")
    path = root / "schema" / "contest.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    properties = schema["properties"]["rounds"]["items"]["properties"]
    for key, value in defaults.items():
        properties[key]["default"] = value
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")


def test_a_round_without_the_fields_gets_the_schemas_defaults(tmp_path: Path) -> None:
    schema = json.loads((REPO / "schema" / "contest.schema.json").read_text(encoding="utf-8"))
    properties = schema["properties"]["rounds"]["items"]["properties"]
    root = tmp_path / "contest"
    write_contest(root, change=_without_defaulted)
    contest = load_contest(root).contest
    assert contest is not None
    for round_ in contest.rounds:
        assert round_.min_judges == properties["min_judges"]["default"]
        assert round_.aggregation == properties["aggregation"]["default"]
        assert round_.correction == properties["correction"]["default"]


def test_changing_a_default_in_the_schema_changes_the_contest(tmp_path: Path) -> None:
    root = tmp_path / "contest"
    root.mkdir()
    _schema_with(root, {"min_judges": 2, "aggregation": "median", "correction": "none"})
    write_contest(root, change=_without_defaulted)
    contest = load_contest(root).contest
    assert contest is not None
    assert [(r.min_judges, r.aggregation, r.correction) for r in contest.rounds] == [
        (2, "median", "none")
    ] * len(contest.rounds)


def test_a_value_written_in_contest_yml_wins_over_the_default(tmp_path: Path) -> None:
    root = tmp_path / "contest"

    def explicit(data: dict[str, Any]) -> None:
        for round_ in data["rounds"]:
            round_.update(min_judges=1, aggregation="mean", correction="zscore")

    write_contest(root, change=explicit)
    contest = load_contest(root).contest
    assert contest is not None
    assert {(r.min_judges, r.aggregation, r.correction) for r in contest.rounds} == {
        (1, "mean", "zscore")
    }


def test_the_defaults_come_from_the_schema_without_fastjsonschema_too(tmp_path: Path) -> None:
    # When fastjsonschema cannot compile a schema, jsonschema alone decides, and it
    # writes no defaults: the contest still gets the schema's.
    root = tmp_path / "contest"
    root.mkdir()
    _schema_with(root, {"min_judges": 2, "aggregation": "median", "correction": "none"})
    write_contest(root, change=_without_defaulted)
    compiled = schemas.load_schema(root / "schema", schemas.CONTEST)
    slow = dataclasses.replace(compiled, fast=None)
    loaded = load_contest_text((root / "contest.yml").read_bytes(), slow)
    assert loaded.contest is not None, loaded.problems
    assert {(r.min_judges, r.aggregation, r.correction) for r in loaded.contest.rounds} == {
        (2, "median", "none")
    }
