"""Attacks on what the site publishes (issue #10). Judge privacy: with `judge_names:
pseudonymous`, nothing the site publishes names a judge, and the letters cannot be
recomputed from public data. Spreadsheet formulas in data/entries.csv."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from site_builder.core import schemas
from site_builder.core.contest import Contest, load_contest
from site_builder.site import results as results_module
from site_builder.site.model import SiteInput
from site_builder.site.pages import generate
from site_builder.site.pages.common import judge_labels
from site_builder.submissions.entries import Entry, load_entry
from tests.showcase_repo import results_data

ROOT = Path(__file__).resolve().parents[2]
SLUGS = ("wifi-finder", "air-walk", "shelter-now")


def _contest() -> Contest:
    loaded = load_contest(ROOT)
    assert loaded.contest is not None and not loaded.contest.judge_names_shown
    return loaded.contest


def _site(salt: str | None = None) -> SiteInput:
    schema = schemas.load_schema(ROOT / "schema", schemas.ENTRY)
    entries: list[Entry] = []
    for slug in SLUGS:
        entry = load_entry(ROOT, slug, schema).entry
        assert entry is not None
        entries.append(entry)
    return SiteInput(
        contest=_contest(),
        entries=tuple(entries),
        now=datetime(2015, 12, 31, tzinfo=UTC),
        results=(results_module.from_data(results_data(list(SLUGS))),),
        judge_salt=salt,
    )


def test_attack_pseudonymous_results_json_names_no_judge() -> None:
    for salt in (None, "a repository secret"):
        out = generate(_site(salt))
        published = json.loads(out.files["data/results.json"])
        judges = published["rounds"][0]["judges"]
        assert [j["judge"][:4] for j in judges] == ["심사위원"] * 2
        for login in (j.github for j in _contest().judges):
            for name, content in [*out.pages.items(), *out.files.items()]:
                assert login not in content, (login, name)


def test_attack_letters_do_not_follow_an_unsalted_hash_of_public_logins() -> None:
    contest = _contest()
    unsalted = sorted(
        (j.github.casefold() for j in contest.judges),
        key=lambda login: hashlib.sha256(login.encode()).hexdigest(),
    )
    public_order = {login: f"심사위원 {chr(65 + i)}" for i, login in enumerate(unsalted)}
    salted = [judge_labels(contest, f"secret-{n}") for n in range(8)]
    # A different secret gives different letters, and none is the public hash order.
    assert len({tuple(sorted(labels.items())) for labels in salted}) > 1
    assert all(labels != public_order for labels in salted)
    # Stable for one secret: the same letter on every page and in every round.
    assert judge_labels(contest, "secret-0") == salted[0]


def test_attack_without_a_secret_letters_follow_the_table_not_the_logins() -> None:
    """No secret: the letters follow the judges' rows as the table orders them (by
    their figures), so a letter tells nothing that its row does not."""
    site = _site(None)
    data = results_data(list(SLUGS))
    data["judges"] = [
        {"judge": "example-judge-ahn", "entries": 3, "leniency": -1.0},
        {"judge": "example-judge-baek", "entries": 3, "leniency": 2.0},
    ]
    site = replace(site, results=(results_module.from_data(data),))
    published = json.loads(generate(site).files["data/results.json"])["rounds"][0]["judges"]
    assert published == [
        {"judge": "심사위원 A", "entries": 3, "leniency": 2.0},
        {"judge": "심사위원 B", "entries": 3, "leniency": -1.0},
    ]
    swapped = [{**j, "judge": other["judge"]}
               for j, other in zip(data["judges"], reversed(data["judges"]), strict=True)]
    site = replace(site, results=(results_module.from_data({**data, "judges": swapped}),))
    again = json.loads(generate(site).files["data/results.json"])["rounds"][0]["judges"]
    assert again == published  # the logins changed places; what is published did not


def test_attack_formula_in_entries_csv_is_neutralised() -> None:
    """OWASP CSV injection: a cell starting with = + - @, a tab or a carriage return
    is run by spreadsheets; data/entries.csv quotes it with a single quote."""
    import csv
    import io

    site = _site(None)
    hostile = replace(
        site.entries[0], title="=HYPERLINK(\"https://evil.example\")", summary="+1+1",
        team_name="@SUM(A1)", tags=("-2+3", "정상"), license="\tMIT",
    )
    site = replace(site, entries=(hostile, *site.entries[1:]))
    text = generate(site).files["data/entries.csv"].lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["slug"] == hostile.slug)
    assert row["title"] == "'=HYPERLINK(\"https://evil.example\")"
    assert row["summary"] == "'+1+1"
    assert row["team"] == "'@SUM(A1)"
    assert row["tags"] == "'-2+3;정상"
    assert row["license"] == "'\tMIT"
    for other in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in other.values())
