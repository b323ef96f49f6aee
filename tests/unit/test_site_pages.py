"""Page generation as a pure function: golden pages, stages, gallery size, search keys.

Regenerate the golden files after an intended change with
``pytest tests/unit/test_site_pages.py --update-golden`` (or UPDATE_GOLDEN=1) and
review the diff.
"""

from __future__ import annotations

import json
import os
import posixpath
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from contestkit import REPO

from site_builder.core import schemas
from site_builder.core.contest import load_contest
from site_builder.site import results as results_module
from site_builder.site.model import SiteInput
from site_builder.site.pages import common, generate, in_nav
from site_builder.site.pages.common import href, judge_labels
from site_builder.site.pages.datasets import dataset_groups, dataset_key
from site_builder.site.pages.gallery import PAGE_SIZE
from site_builder.site.pages.home import stage
from site_builder.site.search import suffix_keys
from site_builder.site.thumbnails import EntryPictures, Picture
from site_builder.submissions.entries import Entry, load_entry
from tests.showcase_repo import entry_data, results_data

GOLDEN = REPO / "tests" / "golden"
KST = timezone(timedelta(hours=9))
NOW = datetime(2015, 12, 31, 12, 0, tzinfo=KST)


def _contest():  # type: ignore[no-untyped-def]
    loaded = load_contest(REPO)
    assert loaded.contest is not None, loaded.problems
    return loaded.contest


def _entries(slugs: tuple[str, ...]) -> tuple[Entry, ...]:
    schema = schemas.load_schema(REPO / "schema", schemas.ENTRY)
    loaded = [load_entry(REPO, slug, schema).entry for slug in slugs]
    assert all(loaded)
    return tuple(e for e in loaded if e is not None)


def _pictures(entries: tuple[Entry, ...]) -> dict[str, EntryPictures]:
    return {
        e.slug: EntryPictures(
            Picture(f"entries/{e.slug}/thumb.webp", 480, 300, Path("/cache/t.webp")),
            tuple(
                Picture(f"entries/{e.slug}/shot-{i}.webp", 1000, 625, Path("/cache/s.webp"))
                for i in range(1, len(e.screenshots) + 1)
            ),
        )
        for e in entries
    }


def _site(slugs: tuple[str, ...] = ("wifi-finder", "air-walk", "shelter-now")) -> SiteInput:
    entries = _entries(slugs)
    return SiteInput(
        contest=_contest(),
        entries=entries,
        now=NOW,
        results=(results_module.from_data(results_data(list(slugs))),),
        updated={s: datetime(2015, 11, 20, 3, 0, tzinfo=UTC) for s in slugs},
        pictures=_pictures(entries),
        entry_schema=json.loads((REPO / "schema" / "entry.schema.json").read_text("utf-8")),
        commit="fedcba9876543210fedcba9876543210fedcba98",
    )


def _update(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden") or os.environ.get("UPDATE_GOLDEN"))


@pytest.mark.parametrize(
    ("page", "golden"),
    [
        ("index.md", "home.md"),
        ("entries/wifi-finder/index.md", "entry-wifi-finder.md"),
        ("results/index.md", "results.md"),
    ],
)
def test_generated_pages_match_golden_files(
    request: pytest.FixtureRequest, page: str, golden: str
) -> None:
    out = generate(_site())
    path = GOLDEN / golden
    if _update(request):
        path.write_text(out.pages[page], encoding="utf-8")
    assert out.pages[page] == path.read_text(encoding="utf-8"), (
        f"regenerate with --update-golden: {golden}"
    )


def test_generation_is_deterministic() -> None:
    assert generate(_site()).pages == generate(_site()).pages


def test_entry_pages_stay_out_of_the_nav() -> None:
    out = generate(_site())
    nav_paths = in_nav(out)
    assert "entries/wifi-finder/index.md" in out.pages
    assert not any(p.startswith("entries/") for p in nav_paths)
    assert "results/index.md" in nav_paths


def test_results_page_only_when_published() -> None:
    site = _site()
    hidden = replace(site, contest=replace(site.contest, results_published=False))
    out = generate(hidden)
    assert "results/index.md" not in out.pages
    assert "data/results.json" not in out.files
    assert "심사 점수" not in out.pages["entries/wifi-finder/index.md"]
    assert "심사 점수" in generate(site).pages["entries/wifi-finder/index.md"]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2015, 10, 1, tzinfo=KST), "접수 예정"),
        (datetime(2015, 11, 1, tzinfo=KST), "접수 중"),
        (datetime(2015, 12, 17, tzinfo=KST), "심사 중: 1차 심사 (서면)"),
        (datetime(2015, 12, 21, 20, 0, tzinfo=KST), "심사 중"),
        (datetime(2015, 12, 29, tzinfo=KST), "심사 완료"),
        (datetime(2016, 1, 5, tzinfo=KST), "결과 발표"),
    ],
)
def test_stage_follows_the_timeline(moment: datetime, expected: str) -> None:
    assert stage(_contest(), moment) == expected


def test_home_shows_live_figures() -> None:
    home = generate(_site()).pages["index.md"]
    assert (
        '<span class="contest-figure-value">3</span>'
        '<span class="contest-figure-label">출품작</span>' in home
    )
    assert "결과 발표" in home


def test_pseudonymous_judges_are_stable_letters() -> None:
    contest = _contest()
    labels = judge_labels(contest, "a secret kept out of the repository")
    assert sorted(labels.values())[:2] == ["심사위원 A", "심사위원 B"]
    assert labels == judge_labels(contest, "a secret kept out of the repository")
    assert not any("예시" in name for name in labels.values())
    results = generate(_site()).pages["results/index.md"]
    assert "example-judge" not in results and "안예시" not in results


def test_href_is_relative_to_the_page_url() -> None:
    assert href("gallery/index.md", "entries/a-b/index.md") == "../entries/a-b/"
    assert (
        href("gallery/page/2/index.md", "entries/a-b/thumb.webp")
        == "../../../entries/a-b/thumb.webp"
    )
    assert href("index.md", "gallery/index.md") == "gallery/"
    assert href("guide/fields.md", "index.md") == "../../"
    assert href("entries/x-y/index.md", "entries/x-y/shot-1.webp") == "shot-1.webp"


def test_the_relative_path_agrees_with_posixpath_relpath() -> None:
    """`href`'s own relative path (no working directory asked) is relpath's, over every
    pair of some sixty site paths like the generated ones (thousands of pairs)."""
    rng = random.Random(41)
    parts = ["entries", "gallery", "page", "2", "a-b", "x", "index.md", "data", "img.webp"]
    paths = {""} | {"/".join(rng.choice(parts) for _ in range(rng.randint(1, 4)))
                    for _ in range(80)}
    compared = 0
    for target in paths:
        for base in paths:
            assert common._relpath(target, base) == posixpath.relpath(target or ".",
                                                                      base or "."), (target, base)
            compared += 1
    assert compared > 2000


def test_suffix_keys_make_inner_parts_of_compounds_findable() -> None:
    keys = suffix_keys(["우리동네 공공와이파이 찾기", "와이파이를 찾아요"]).split()
    assert "와이파이" in keys  # from 공공와이파이
    assert "와이파이를"[1:] in keys  # suffixes of words with particles too
    assert "공공와이파이" not in keys  # the whole word is already in the title field
    assert all(len(k) >= 2 for k in keys)
    assert len(keys) == len(set(keys))
    assert suffix_keys(["wifi 2015"]) == ""


def test_datasets_are_grouped_by_normalized_name() -> None:
    assert dataset_key("한국환경공단_에어코리아_대기오염정보") == dataset_key(
        " 한국환경공단 에어코리아  대기오염정보"
    )
    a = Entry.from_data(
        "aa-one",
        entry_data(
            "하나",
            "첫째 서비스 요약입니다 열자",
            public_data=[
                {
                    "name": "전국 공공와이파이 표준데이터",
                    "provider": "행정안전부",
                    "url": "https://data.example/1",
                }
            ],
        ),
    )
    b = Entry.from_data(
        "bb-two",
        entry_data(
            "둘",
            "둘째 서비스 요약입니다 열자",
            public_data=[
                {
                    "name": "전국_공공와이파이_표준데이터",
                    "provider": "행정안전부",
                    "url": "https://data.example/1",
                }
            ],
        ),
    )
    groups = dataset_groups([a, b])
    assert len(groups) == 1 and groups[0].slugs == ("aa-one", "bb-two")


@pytest.mark.slow
def test_gallery_is_paginated_and_light_at_5000_entries() -> None:
    template = _entries(("wifi-finder",))[0]
    entries = tuple(
        replace(
            template,
            slug=f"service-{i:05d}",
            title=f"공공와이파이 지도 {i}",
            tags=(f"태그{i % 300}", "지도"),
        )
        for i in range(5000)
    )
    site = replace(_site(), entries=entries, results=(), pictures={})
    out = generate(site)
    gallery_pages = [p for p in out.pages if p.startswith("gallery/")]
    assert len(gallery_pages) == -(-5000 // PAGE_SIZE)
    assert len(out.pages["gallery/index.md"].encode()) < 100_000
    assert out.pages["gallery/index.md"].count('class="cg-card"') == PAGE_SIZE
    cards = json.loads(out.files["gallery/cards.json"])
    assert len(cards["cards"]) == 5000
    assert len(out.files["data/entries.csv"].splitlines()) == 5001
    assert out.files["data/entries.csv"].startswith("\ufeffslug,")
