"""Attacks on the validator's time (issue #10): inputs within the size limits that
made a check quadratic or a page slow to render.

A test of time here is a bound, not a measurement: the hostile input runs in a
child process with 1 GiB of address space and a timeout far above what the fixed
code needs (as `test_validate_cases.HOSTILE` does), so a regression shows as a
timeout or an out-of-memory death, never as a flaky figure. The figures
themselves are printed by benchmarks/bench_hostile.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import VALID_ENTRY, ContestTree, assert_no_traceback, entry_text, run_contest
from contestkit import commit_all, git

from site_builder.core.loader import parse
from site_builder.submissions import duplicates

HOSTILE_TIMEOUT = 20


def _validate(root: Path, *args: str) -> tuple[int, dict[str, object]]:
    result = run_contest(["validate", "--format", "json", *args], root, limit_memory=True,
                         timeout=HOSTILE_TIMEOUT)
    assert_no_traceback(result)
    return result.returncode, json.loads(result.stdout)


# --- the duplicate check's fast path ----------------------------------------------


def test_attack_trailing_spaces_after_a_merged_title_do_not_stall_pull_requests(
    contest_tree: ContestTree,
) -> None:
    """One merged entry whose title line holds 20,000 spaces before a last letter:
    the old key-line pattern backtracked once per space per space (70 s here)."""
    root = contest_tree.root
    hostile = VALID_ENTRY.replace(
        "title: 우리동네 무료 와이파이 찾기", "title: 공간" + " " * 20_000 + "끝", 1
    ).replace("https://wifi-finder.example.org/", "https://spaces.example.org/")
    contest_tree.write_entry("merged-entry", hostile)
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "contest with a merged entry")
    git(root, "checkout", "-q", "-b", "pr")
    contest_tree.write_entry("new-entry", entry_text(title="새 출품작"))
    commit_all(root, "new entry")
    code, report = _validate(root, "--base", "main", "--author", "hong-gildong",
                             "--submitted-at", "2015-11-01T12:00:00+09:00")
    assert code == 0, report


_GRAMMAR = {
    "null": "title: null\nlinks:\n  service: https://n.example.org/\n",
    "tilde": "title: ~\nlinks:\n  service: https://t.example.org/\n",
    "float": "title: 1e3\nlinks:\n  service: https://f.example.org/\n",
    "boolean": "title: true\nlinks:\n  service: https://b.example.org/\n",
    "integer": "title: 0x1F\nlinks:\n  service: https://i.example.org/\n",
    "spaces then text": "title: 공간" + " " * 300 + "끝\nlinks:\n  service: https://s.example.org/\n",
    "tab comment": "title: 탭\t# 주석\nlinks:\n  service: https://c.example.org/\n",
    "no space after colon": "title:붙임\nlinks:\n  service: https://p.example.org/\n",
    "single quoted": "title: '작은''따옴표'   \nlinks:\n  service: 'https://q.example.org/'\n",
}


@pytest.mark.parametrize("name", sorted(_GRAMMAR))
def test_attack_duplicate_check_reads_scalars_as_the_loader_does(
    tmp_path: Path, name: str
) -> None:
    """The fast path has no grammar of its own: `null`, `~`, `1e3`, `true` are not
    titles to the loader, so they are not titles to the duplicate check either."""
    text = _GRAMMAR[name]
    folder = tmp_path / "entries" / "sample"
    folder.mkdir(parents=True)
    (folder / "entry.yml").write_text(text, encoding="utf-8")
    try:
        data = parse(text, "entry.yml").data
    except Exception:  # a file the loader refuses has no identity
        data = {}
    expected = duplicates.Identity.of("sample", "entries/sample/entry.yml", None)
    if isinstance(data, dict):
        title = data.get("title")
        service = (data.get("links") or {}).get("service")
        expected = duplicates.Identity(
            "sample", "entries/sample/entry.yml",
            title if isinstance(title, str) else None,
            service if isinstance(service, str) else None,
        )
    quick = duplicates.quick_identity(tmp_path, "sample")
    assert (quick.title, quick.service) == (expected.title, expected.service)


# --- lists far beyond maxItems, and files made of mistakes --------------------------


def test_attack_thousands_of_tag_objects_are_refused_before_being_compared(
    contest_tree: ContestTree,
) -> None:
    """20,000 distinct objects in `tags` (maxItems 10): jsonschema's uniqueItems
    compared them pairwise, 2 x 10^8 comparisons, before saying anything."""
    tags = "tags: [" + ", ".join(f"{{a: {i}}}" for i in range(20_000)) + "]"
    manifest = VALID_ENTRY.replace("tags: [와이파이, 지도]", tags, 1)
    contest_tree.write_entry("wifi-finder", manifest)
    code, report = _validate(contest_tree.root)
    assert code == 1
    problems = report["problems"]
    assert isinstance(problems, list)
    too_many = [p for p in problems if p["code"] == "schema.maxItems"]
    line = VALID_ENTRY[: VALID_ENTRY.index("tags:")].count("\n") + 1
    assert [(p["field"], p["line"]) for p in too_many] == [("tags", line)]
    assert "20000" in too_many[0]["message"] or "20,000" in too_many[0]["message"]
    # The ten that remain are explained (each is an object, not text); no more.
    assert sum(p["code"] == "schema.type" for p in problems) == 10


def test_attack_a_file_of_mistakes_reports_200_and_counts_the_rest(
    contest_tree: ContestTree,
) -> None:
    unknown = "".join(f"unknown_{i}: x\n" for i in range(1_000))
    contest_tree.write_entry("wifi-finder", VALID_ENTRY + unknown)
    code, report = _validate(contest_tree.root)
    assert code == 1
    problems = report["problems"]
    assert isinstance(problems, list)
    mine = [p for p in problems if p["file"] == "entries/wifi-finder/entry.yml"]
    assert len(mine) == 201
    assert sum(p["code"] == "schema.additional" for p in mine) == 200
    [more] = [p for p in mine if p["code"] == "report.more-problems"]
    assert "800" in more["message"]


# --- valid content that was slow to publish ---------------------------------------


def _with_description(description: str) -> str:
    start = VALID_ENTRY.index("description: |")
    end = VALID_ENTRY.index("category:")
    block = "description: |\n" + "".join(f"  {line}\n" for line in description.split("\n"))
    return VALID_ENTRY[:start] + block + VALID_ENTRY[end:]


@pytest.mark.parametrize(
    "description",
    ["설명: " + "[" * 9_990, "설명: " + "[" * 4_990 + "]" * 4_990, "설명 " + "[a](" * 2_400],
    ids=["open", "nested", "open-parens"],
)
def test_attack_bracket_flood_description_is_refused(
    contest_tree: ContestTree, description: str
) -> None:
    """Python-Markdown took 21 s on 9,990 '[' and about a minute on 4,990 nested
    ones: valid text by the schema, refused now with a way to write it."""
    contest_tree.write_entry("wifi-finder", _with_description(description))
    code, report = _validate(contest_tree.root)
    assert code == 1
    problems = report["problems"]
    assert isinstance(problems, list)
    assert [(p["code"], p["field"]) for p in problems] == [("markdown.too-deep", "description")]
    assert "최대" in problems[0]["message"]


def test_bracket_depth_within_the_limit_is_accepted(contest_tree: ContestTree) -> None:
    links = "\n".join(f"- [링크 {i}](https://example.org/{i}) [[각주]] \\[" for i in range(200))
    contest_tree.write_entry("wifi-finder", _with_description("쓸모 있는 링크 모음\n\n" + links))
    code, report = _validate(contest_tree.root)
    assert code == 0, report


def test_attack_8000x5000_png_is_refused_from_its_header(contest_tree: ContestTree) -> None:
    """155 KB on disk, 534 MB and 4.5 s to publish: refused by its pixel count,
    read from the header, before a pixel is decoded."""
    from test_validate_cases import write_palette_png

    folder = contest_tree.write_entry("wifi-finder")
    write_palette_png(folder / "screenshot-1.png", 8000, 5000)
    code, report = _validate(contest_tree.root)
    assert code == 1
    problems = report["problems"]
    assert isinstance(problems, list)
    assert [p["code"] for p in problems] == ["screenshot.bomb"]
    assert "8,294,400" in str(problems[0]["hint"])


def test_attack_refused_entry_is_not_published(
    contest_tree: ContestTree, caplog: pytest.LogCaptureFixture
) -> None:
    """An e-mail address in the description is refused by validate; generate and
    build published it anyway. Now they leave the entry out and say why."""
    from datetime import UTC, datetime

    from site_builder.site.collect import collect

    contest_tree.write_entry("wifi-finder")
    contest_tree.write_entry("mail-leak", entry_text(
        title="메일 새는 서비스", service="https://mail-leak.example.org/"
    ).replace("  공공데이터포털의", "  연락: hong@example.com\n\n  공공데이터포털의", 1))
    site = collect(contest_tree.root, datetime(2015, 11, 1, tzinfo=UTC))
    assert [e.slug for e in site.entries] == ["wifi-finder"]
    [warning] = [r.getMessage() for r in caplog.records if "mail-leak" in r.getMessage()]
    assert "entries/mail-leak/entry.yml:" in warning
    assert "사이트에 싣지 않았습니다" in warning and "전자우편" in warning
