"""Attacks by hostile text (issue #10): characters that hide, line breaks that slip
through `$`, NUL bytes in file names.

Each test is named after the attack it stops. Most run `validate_repository` in
this process (the result a user sees, without a subprocess per case); those about
exit codes run the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import VALID_ENTRY, ContestTree, assert_no_traceback, entry_text, run_contest

from site_builder.core import schemas
from site_builder.submissions import duplicates
from site_builder.submissions.entries import SLUG, slug_problem
from site_builder.submissions.validate import validate_repository

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"


def _problems(root: Path) -> list[tuple[str, str, int | None, str | None]]:
    report = validate_repository(root).report
    return [(p.code, p.file, p.line, p.field) for p in report.problems if p.severity == "error"]


def _codes(root: Path) -> list[str]:
    return [code for code, *_ in _problems(root)]


# --- `$` accepts a final line break --------------------------------------------


def test_attack_login_with_trailing_newline_is_refused(contest_tree: ContestTree) -> None:
    contest_tree.write_entry(
        "wifi-finder", VALID_ENTRY.replace("github: hong-gildong", 'github: "hong-gildong\\n"')
    )
    found = _problems(contest_tree.root)
    expected = ("schema.pattern", "entries/wifi-finder/entry.yml", 17, "team.members[0].github")
    assert expected in found


def test_attack_category_with_trailing_newline_is_refused(contest_tree: ContestTree) -> None:
    contest_tree.write_entry(
        "wifi-finder", VALID_ENTRY.replace("category: welfare", 'category: "welfare\\n"')
    )
    assert "schema.pattern" in _codes(contest_tree.root)


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")))
def test_attack_trailing_newline_passes_no_schema_pattern(name: str) -> None:
    """Both validators read every anchored pattern of every schema as ECMA-262 does:
    a value that matches, plus a line break, matches no more."""
    document = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    patterns = sorted(_patterns(document))
    assert patterns, f"{name} has no pattern"
    checker = schemas.validator_class()({"type": "string"})
    for text in patterns:
        if not text.endswith("$"):
            continue
        sample = _sample(text)
        subschema = {"type": "string", "pattern": text}
        validator = schemas.validator_class()(subschema)
        assert validator.is_valid(sample), (text, sample)
        assert not validator.is_valid(sample + "\n"), text
        fast = schemas.schema_from_text("t.json", json.dumps(subschema))
        assert fast.is_valid(sample) and not fast.is_valid(sample + "\n"), text
    assert checker.is_valid("x")


def _patterns(node: object) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                found.add(value)
            else:
                found |= _patterns(value)
    elif isinstance(node, list):
        for item in node:
            found |= _patterns(item)
    return found


# A value each anchored pattern of the schemas accepts.
_SAMPLES = {
    "^[^<>\\n]+$": "contest-bot",
    "^[^<>@\\s]+@[^<>@\\s]+$": "bot@example.org",
    "^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$": "owner/repo",
    "^(criterion:[a-z][a-z0-9_-]{0,39}|top_marks|median)$": "median",
    "^[a-z][a-z0-9_-]{0,39}$": "round-1",
    "^[a-z0-9](?:[a-z0-9-]{1,48})[a-z0-9]$": "wifi-finder",
    "^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$": "wifi-finder",
    "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$": "hong-gildong",
    "^[^\\s#,][^#,\\u0000-\\u001f\\u007f]*$": "지도",
    "\\.(?:[Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Ww][Ee][Bb][Pp])$": "shot.png",
    "^https://[^\\s/?#@]+\\.[^\\s/?#@]+(?:[/?#]\\S*)?$": "https://example.org/",
    "^[a-z][a-z0-9-]*(?:\\.[a-zA-Z][a-zA-Z0-9-]*)+$": "entry.bad-slug",
    "^[0-9a-f]{7,64}$": "0123abc",
    "^[0-9a-f]{64}$": "0" * 64,
}


def _sample(pattern: str) -> str:
    assert pattern in _SAMPLES, f"add a sample for the new pattern {pattern!r}"
    return _SAMPLES[pattern]


def test_attack_slug_with_trailing_newline_is_refused() -> None:
    assert SLUG.match("wifi-finder")
    assert slug_problem("wifi-finder\n") is not None


# --- characters that hide or reverse text ---------------------------------------


@pytest.mark.parametrize(
    ("where", "original", "hostile"),
    [
        ("title", "title: 우리동네 무료", 'title: "우리동네 무료\\u202e'),
        ("summary", "summary: 가까운", 'summary: "\\u200b가까운'),
        ("team.name", "name: 동네 개발자들", 'name: "동네\\u3164개발자들"'),
        ("team.members[0].name", "name: 홍길동", 'name: "홍\\u00ad길동"'),
        ("tags[0]", "tags: [와이파이, 지도]", 'tags: ["와이\\u2066파이", 지도]'),
        ("license", "license: MIT", 'license: "MIT\\ufeff"'),
        ("title", "title: 우리동네 무료", 'title: "우리동네 무료\\n'),
        ("summary", "summary: 가까운", 'summary: "\\x1b[31m가까운'),
    ],
)
def test_attack_hidden_character_in_a_text_field_is_refused(
    contest_tree: ContestTree, where: str, original: str, hostile: str
) -> None:
    line = VALID_ENTRY[: VALID_ENTRY.index(original)].count("\n") + 1
    manifest = VALID_ENTRY.replace(original, hostile, 1)
    if hostile.startswith("summary"):
        manifest = manifest.replace("서비스입니다.", '서비스입니다."', 1)
    if hostile.startswith("title"):
        manifest = manifest.replace("와이파이 찾기", '와이파이 찾기"', 1)
    assert manifest != VALID_ENTRY
    contest_tree.write_entry("wifi-finder", manifest)
    report = validate_repository(contest_tree.root).report
    found = [p for p in report.problems if p.code == "text.hidden-character"]
    assert [(p.field, p.line) for p in found] == [(where, line)], report.problems
    assert found[0].params["character"].startswith("U+")


def test_attack_bidi_override_written_raw_is_located_exactly(contest_tree: ContestTree) -> None:
    manifest = VALID_ENTRY.replace("무료 와이파이", "무료 \u202e와이파이", 1)
    contest_tree.write_entry("wifi-finder", manifest)
    report = validate_repository(contest_tree.root).report
    [problem] = [p for p in report.problems if p.code == "text.hidden-character"]
    assert (problem.line, problem.column) == (2, 16)
    assert problem.params["character"] == "U+202E RIGHT-TO-LEFT OVERRIDE"


def test_markdown_line_breaks_and_tabs_stay_accepted(contest_tree: ContestTree) -> None:
    code = "  ```\n  \tcode\n  ```\n\n"
    manifest = VALID_ENTRY.replace("  공공데이터포털의", code + "  공공데이터포털의", 1)
    contest_tree.write_entry("wifi-finder", manifest)
    assert _codes(contest_tree.root) == []


def test_attack_hidden_character_message_is_translated(contest_tree: ContestTree) -> None:
    contest_tree.write_entry(
        "wifi-finder", VALID_ENTRY.replace("title: 우리동네", 'title: "우리동네\\u200b"\n#', 1)
    )
    ko = run_contest(["validate"], contest_tree.root)
    en = run_contest(["--lang", "en", "validate"], contest_tree.root)
    assert ko.returncode == en.returncode == 1
    assert "쓸 수 없는 문자 U+200B ZERO WIDTH SPACE" in ko.stdout
    assert "not accepted: U+200B ZERO WIDTH SPACE" in en.stdout


def test_attack_invisible_character_does_not_hide_a_duplicate_title() -> None:
    first = duplicates.Identity("a-one", "entries/a-one/entry.yml", "공공 와이파이", None)
    hidden = "공공\u200b와이\u3164파이"
    second = duplicates.Identity("b-two", "entries/b-two/entry.yml", hidden, None)
    assert [p.code for p in duplicates.find([first, second])] == ["entry.duplicate-title"]
    assert [p.code for p in duplicates.find_one(second, [first])] == ["entry.duplicate-title"]


# --- NUL in a file name -----------------------------------------------------------


def test_attack_nul_in_screenshot_name_is_a_clear_problem(contest_tree: ContestTree) -> None:
    contest_tree.write_entry(
        "wifi-finder",
        VALID_ENTRY.replace("  - screenshot-1.png", '  - "screenshot-1\\0.png"'),
    )
    result = run_contest(["validate", "--format", "json"], contest_tree.root, limit_memory=True,
                         timeout=20)
    assert_no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    codes = {(p["code"], p["field"]) for p in json.loads(result.stdout)["problems"]}
    assert ("text.hidden-character", "screenshots[0]") in codes


def test_entry_text_helper_still_valid(contest_tree: ContestTree) -> None:
    contest_tree.write_entry("wifi-finder", entry_text(title="다른 이름의 서비스"))
    assert _codes(contest_tree.root) == []
