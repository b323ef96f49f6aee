"""`contest validate` and `contest new` as a user and as CI call them: exit codes,
output formats, languages, and validating only some paths."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import (
    VALID_ENTRY,
    ContestTree,
    assert_no_traceback,
    entry_text,
    invoke_contest,
    run_contest,
)
from contestkit import fill_in_scaffold

from site_builder.core import messages

BAD_CATEGORY = VALID_ENTRY.replace("category: welfare", "category: sports")


def _run(
    tree: ContestTree, *args: str, env: dict[str, str] | None = None, process: bool = False
) -> subprocess.CompletedProcess[str]:
    """`contest ARGS` in the contest's folder: in this process, or with `process` as
    ``python -m site_builder`` in a child (where the test is about what the process
    gives: its exit status, what it reads from its environment)."""
    run = run_contest if process else invoke_contest
    result = run(list(args), tree.root, env)
    assert_no_traceback(result)
    return result


# --- exit codes -----------------------------------------------------------------


def test_valid_contest_exits_0(contest_tree: ContestTree) -> None:
    contest_tree.write_entry("wifi-finder")
    result = _run(contest_tree, "validate", process=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "문제 없음" in result.stdout
    assert result.stderr == ""


def test_contest_without_entries_exits_0(contest_tree: ContestTree) -> None:
    result = _run(contest_tree, "validate")
    assert result.returncode == 0, result.stdout + result.stderr


def test_invalid_entry_exits_1_with_file_line_and_hint(contest_tree: ContestTree) -> None:
    contest_tree.write_entry("wifi-finder", BAD_CATEGORY)
    result = _run(contest_tree, "validate", process=True)
    assert result.returncode == 1
    assert "entries/wifi-finder/entry.yml:11:11: 오류: 분야 'sports'" in result.stdout
    assert "    고치는 법: 다음 중 하나를 쓰세요: safety" in result.stdout
    assert "오류 1개, 경고 0개" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "README.md"], "README.md: 검사할 수 있는 경로가 아닙니다."),
        (["--lang", "en", "validate", "README.md"], "give contest.yml, an entries/<slug> folder"),
        (["validate", "/"], "공모전 저장소"),
        (["--lang", "en", "validate", "/"], "not inside the contest"),
        (["validate", "--author", "hong-gildong"],
         "--author와 --submitted-at은 --base와 함께만 쓸 수 있습니다."),
        (["validate", "--submitted-at", "2015-11-01T00:00:00Z"], "--base와 함께만"),
        (["validate", "--base", "main", "entries/wifi-finder"], "경로(PATHS)를 주지 마세요"),
        (["validate", "--format", "xml"], "Invalid value for '--format'"),
        (["validate", "--no-such-option"], "No such option"),
        (["--lang", "fr", "validate"], "Invalid value for '--lang'"),
        (["--root", "no-such-folder", "validate"], "no-such-folder에 contest.yml이 없습니다."),
        (["--lang", "en", "--root", "no-such-folder", "validate"], "no contest.yml here"),
    ],
    ids=[
        "not-a-contest-path",
        "not-a-contest-path-en",
        "outside-the-contest",
        "outside-the-contest-en",
        "author-without-base",
        "submitted-at-without-base",
        "paths-with-base",
        "unknown-format",
        "unknown-option",
        "unknown-language",
        "root-without-contest",
        "root-without-contest-en",
    ],
)
def test_usage_errors_exit_2(contest_tree: ContestTree, args: list[str], message: str) -> None:
    contest_tree.write_entry("wifi-finder")
    result = _run(contest_tree, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert result.stdout == ""


def test_outside_a_contest_exits_2(tmp_path: Path) -> None:
    result = run_contest(["validate"], tmp_path)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert "그 위 폴더 어디에도 contest.yml이 없습니다" in result.stderr
    assert "--root" in result.stderr
    english = run_contest(["--lang", "en", "validate"], tmp_path)
    assert english.returncode == 2
    assert "no contest.yml in" in english.stderr


def test_contest_without_schemas_exits_2(contest_tree: ContestTree) -> None:
    shutil.rmtree(contest_tree.root / "schema")
    result = _run(contest_tree, "validate")
    assert result.returncode == 2
    # Without its schemas the contest cannot say its language: the default one.
    path = contest_tree.root / "schema" / "contest.schema.json"
    assert messages.render("schema.file-unreadable", "ko", {
        "path": str(path), "detail": os.strerror(errno.ENOENT)}) in result.stderr


@pytest.mark.parametrize(
    "text",
    ["{", "\ufeff[1, 2", "[1, 2]", '{"type": 5}', '{"properties": 3}'],
    ids=["truncated", "bom", "array", "unknown-type", "properties-not-object"],
)
def test_broken_schema_exits_2(contest_tree: ContestTree, text: str) -> None:
    (contest_tree.root / "schema" / "entry.schema.json").write_text(text, encoding="utf-8")
    contest_tree.write_entry("wifi-finder")
    result = _run(contest_tree, "validate")
    assert result.returncode == 2
    # What the JSON parser or the meta-schema says follows the colon.
    assert messages.render("schema.not-a-schema", "ko", {
        "name": "entry.schema.json", "detail": ""}) in result.stderr


def test_root_option_from_elsewhere(contest_tree: ContestTree, tmp_path: Path) -> None:
    contest_tree.write_entry("wifi-finder", BAD_CATEGORY)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = invoke_contest(["--root", str(contest_tree.root), "validate"], elsewhere)
    assert_no_traceback(result)
    assert result.returncode == 1
    assert "entries/wifi-finder/entry.yml:11:11" in result.stdout


def test_run_from_a_subfolder_finds_the_contest(contest_tree: ContestTree) -> None:
    folder = contest_tree.write_entry("wifi-finder", BAD_CATEGORY)
    result = invoke_contest(["validate", "."], folder)
    assert_no_traceback(result)
    assert result.returncode == 1
    assert "entries/wifi-finder/entry.yml:11:11" in result.stdout


# --- --format github --------------------------------------------------------------

_WORKFLOW_COMMAND = re.compile(r"^::(error|warning) (?P<props>[^:]*)::(?P<data>.*)$")


def _annotations(stdout: str) -> list[tuple[dict[str, str], str]]:
    found = []
    for line in stdout.splitlines():
        match = _WORKFLOW_COMMAND.match(line)
        if match:
            props = dict(item.split("=", 1) for item in match["props"].split(","))
            found.append((props, match["data"]))
    return found


def _unescape(value: str) -> str:
    return (
        value.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def test_github_format_escapes_properties_and_data(contest_tree: ContestTree) -> None:
    # A folder name is entrant input: a comma, a colon, a percent sign and a
    # newline in it must not end the annotation or add a property.
    weird = "bad,slug:50%\nline"
    contest_tree.write_entry(weird)
    contest_tree.write_entry(
        "wifi-finder",
        entry_text(title="다른 서비스", service="https://other.example.org/").replace(
            "platforms: [web]", "platforms: ['web, 100%: yes']"
        ),
    )
    result = _run(contest_tree, "validate", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    annotations = _annotations(result.stdout)
    # One problem, one line: the newline inside the name is escaped.
    assert len(annotations) == 2
    assert len(lines) == 3
    assert lines[-1].startswith("오류 2개")

    slug_props, slug_data = annotations[0]
    assert set(slug_props) == {"file"}
    assert slug_props["file"] == "entries/bad%2Cslug%3A50%25%0Aline"
    assert _unescape(slug_props["file"]) == f"entries/{weird}"
    # In the message, % and the newline are escaped; , and : need not be.
    assert "'bad,slug:50%25%0Aline'" in slug_data
    assert "%0A고치는 법: " in slug_data

    enum_props, enum_data = annotations[1]
    assert enum_props == {
        "file": "entries/wifi-finder/entry.yml",
        "line": "21",
        "col": "13",
        "title": "platforms[0]",
    }
    assert "'web, 100%25: yes'" in enum_data
    assert _unescape(enum_data).startswith("플랫폼(platforms[0])의 값 'web, 100%: yes'")


def test_github_format_appends_a_markdown_table_to_the_step_summary(
    contest_tree: ContestTree, tmp_path: Path
) -> None:
    contest_tree.write_entry(
        "wifi-finder",
        VALID_ENTRY.replace("platforms: [web]", "platforms: ['web|<img src=x> @octocat']"),
    )
    contest_tree.write_entry(
        "bad|name\nx", entry_text(title="다른 서비스", service="https://other.example.org/")
    )
    summary = tmp_path / "step-summary.md"
    summary.write_text("## an earlier step\n", encoding="utf-8")
    result = _run(
        contest_tree, "validate", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)},
        process=True,
    )
    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## an earlier step\n")
    assert "### 출품작 검사 결과" in text
    assert "| 위치 | 항목 | 문제 | 고치는 법 |" in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == 2
    for row in rows:
        # Four cells: no unescaped | inside them, and the row is one line.
        assert len(re.split(r"(?<!\\)\|", row)) == 6, row
    enum_row = next(row for row in rows if "entry.yml:21:13" in row)
    assert "web\\|&lt;img src=x&gt;" in enum_row
    assert "@\u2060octocat" in enum_row  # no mention
    assert "<img" not in text
    assert "`entries/bad\\|name x`" in text


def test_github_format_without_step_summary(contest_tree: ContestTree) -> None:
    contest_tree.write_entry("wifi-finder")
    result = _run(contest_tree, "validate", "--format", "github")
    assert result.returncode == 0
    assert result.stdout.strip() == "문제 없음: 파일 2개를 검사했습니다."


# --- --format json and --json-report -----------------------------------------------


def test_json_format_shape(contest_tree: ContestTree) -> None:
    contest_tree.write_entry("wifi-finder", BAD_CATEGORY)
    result = _run(contest_tree, "validate", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report == {
        "version": 1,
        "valid": False,
        "status": "needs-fix",
        "entry": None,
        "language": "ko",
        "summary": {"files": 2, "errors": 1, "warnings": 0},
        "problems": [
            {
                "file": "entries/wifi-finder/entry.yml",
                "line": 11,
                "column": 11,
                "severity": "error",
                "code": "entry.unknown-category",
                "field": "category",
                "message": "분야 'sports'은(는) 이 공모전에 없습니다.",
                "hint": report["problems"][0]["hint"],
            }
        ],
    }
    assert report["problems"][0]["hint"].startswith("다음 중 하나를 쓰세요: safety (안전·재난)")


def test_json_warning_does_not_fail(contest_tree: ContestTree) -> None:
    contest_tree.write_entry("wifi-finder", VALID_ENTRY.replace("license: MIT", "license: mit"))
    result = _run(contest_tree, "validate", "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["valid"] is True
    assert report["summary"] == {"files": 2, "errors": 0, "warnings": 1}
    assert report["problems"][0]["severity"] == "warning"
    assert report["problems"][0]["code"] == "license.not-canonical"


def test_json_report_file_next_to_text_output(contest_tree: ContestTree, tmp_path: Path) -> None:
    contest_tree.write_entry("wifi-finder", BAD_CATEGORY)
    target = tmp_path / "out" / "nested" / "report.json"
    result = _run(contest_tree, "validate", "--json-report", str(target))
    assert result.returncode == 1
    assert "entries/wifi-finder/entry.yml:11:11: 오류" in result.stdout  # text on stdout
    written = json.loads(target.read_text(encoding="utf-8"))
    as_stdout = json.loads(_run(contest_tree, "validate", "--format", "json").stdout)
    assert written == as_stdout


def test_json_report_is_written_when_valid_too(contest_tree: ContestTree, tmp_path: Path) -> None:
    contest_tree.write_entry("wifi-finder")
    target = tmp_path / "report.json"
    result = _run(contest_tree, "validate", "--format", "github", "--json-report", str(target))
    assert result.returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["status"] == "valid"


# --- languages -----------------------------------------------------------------------


def test_messages_are_korean_by_default(contest_tree: ContestTree) -> None:
    contest_tree.write_entry("wifi-finder", VALID_ENTRY.replace("summary:", "summery:"))
    result = _run(contest_tree, "validate")
    assert result.returncode == 1
    assert "필수 항목 summary이(가) 없습니다." in result.stdout
    assert "'summary'을(를) 쓰려던 것인가요?" in result.stdout
    assert "오류 2개, 경고 0개 (파일 2개 검사)." in result.stdout


def test_lang_en(contest_tree: ContestTree) -> None:
    contest_tree.write_entry("wifi-finder", VALID_ENTRY.replace("summary:", "summery:"))
    result = _run(contest_tree, "--lang", "en", "validate")
    assert result.returncode == 1
    assert "error: The required field summary is missing." in result.stdout
    assert "How to fix: Did you mean 'summary'?" in result.stdout
    assert "2 errors and 0 warnings in 2 files checked." in result.stdout
    assert not re.search("[가-힣]", result.stdout.replace("/", ""))


def test_contest_language_sets_the_default(contest_tree: ContestTree) -> None:
    contest = contest_tree.root / "contest.yml"
    contest.write_text(
        contest.read_text(encoding="utf-8").replace("language: ko", "language: en"),
        encoding="utf-8",
    )
    contest_tree.write_entry("wifi-finder", BAD_CATEGORY)
    english = _run(contest_tree, "validate", "--format", "json")
    assert json.loads(english.stdout)["language"] == "en"
    assert "The category 'sports' does not exist" in english.stdout
    korean = _run(contest_tree, "--lang", "ko", "validate", "--format", "json")
    assert json.loads(korean.stdout)["language"] == "ko"
    assert "분야 'sports'은(는) 이 공모전에 없습니다." in korean.stdout


# --- contest new -----------------------------------------------------------------------


def test_new_entry_is_schema_valid_and_refused_until_filled_in(
    contest_tree: ContestTree,
) -> None:
    created = _run(contest_tree, "new", "wifi-finder", "--github", "hong-gildong")
    assert created.returncode == 0, created.stderr
    assert created.stdout.strip() == "entries/wifi-finder/entry.yml"
    folder = contest_tree.root / "entries" / "wifi-finder"
    assert sorted(p.name for p in folder.iterdir()) == ["entry.yml", "screenshot-1.png"]
    manifest = (folder / "entry.yml").read_text(encoding="utf-8")
    assert manifest.startswith("# yaml-language-server: $schema=../../schema/entry.schema.json")
    assert "github: hong-gildong" in manifest
    result = _run(contest_tree, "validate", "--format", "json")
    assert result.returncode == 1, result.stdout
    # Nothing but the scaffold's own placeholders: the rest of it is a valid entry.
    assert sorted(p["code"] for p in json.loads(result.stdout)["problems"]) == [
        "entry.placeholder-screenshot", "entry.placeholder-text", "entry.placeholder-text",
    ]
    fill_in_scaffold(folder)
    result = _run(contest_tree, "validate", "--format", "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["problems"] == []


def test_new_entry_in_an_english_contest_validates_once_filled_in(
    contest_tree: ContestTree,
) -> None:
    contest = contest_tree.root / "contest.yml"
    contest.write_text(
        contest.read_text(encoding="utf-8").replace("language: ko", "language: en"),
        encoding="utf-8",
    )
    created = _run(
        contest_tree, "new", "bus-stops", "--category", "transport", "--title", 'Bus "Stops": live'
    )
    assert created.returncode == 0, created.stderr
    manifest = (contest_tree.root / "entries/bus-stops/entry.yml").read_text(encoding="utf-8")
    assert "Everything in this file is published" in manifest
    assert 'title: "Bus \\"Stops\\": live"' in manifest
    result = _run(contest_tree, "validate", "entries/bus-stops")
    assert result.returncode == 1, result.stdout
    assert "your-github-login" in result.stdout
    fill_in_scaffold(contest_tree.root / "entries/bus-stops", github="bus-team")
    result = _run(contest_tree, "validate", "entries/bus-stops", "--format", "json")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "Bad_Slug"], "'Bad_Slug'은(는) 출품작 이름(slug)으로 쓸 수 없습니다."),
        (["new", "wifi-finder"], "entries/wifi-finder이(가) 이미 있습니다."),
        (["new", "bus-stops", "--category", "sports"], "분야 'sports'은(는) 이 공모전에 없습니다."),
        (["--lang", "en", "new", "Bad_Slug"], "'Bad_Slug' cannot be a slug."),
        (["--lang", "en", "new", "wifi-finder"], "entries/wifi-finder already exists."),
        (["--lang", "en", "new", "bus-stops", "--category", "sports"],
         "unknown category 'sports'."),
    ],
    ids=["bad-slug", "existing", "unknown-category", "bad-slug-en", "existing-en",
         "unknown-category-en"],
)
def test_new_refuses_with_exit_2(contest_tree: ContestTree, args: list[str], message: str) -> None:
    contest_tree.write_entry("wifi-finder")
    result = _run(contest_tree, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (contest_tree.root / "entries" / "Bad_Slug").exists()
    assert not (contest_tree.root / "entries" / "bus-stops").exists()


# --- validating only some paths ----------------------------------------------------------


@pytest.fixture
def two_entries(contest_tree: ContestTree) -> ContestTree:
    contest_tree.write_entry("good-entry")
    contest_tree.write_entry(
        "bad-entry",
        entry_text(title="다른 서비스", service="https://bad.example.org/").replace(
            "category: welfare", "category: sports"
        ),
    )
    return contest_tree


def _problem_files(tree: ContestTree, *paths: str) -> tuple[int, list[str]]:
    result = _run(tree, "validate", "--format", "json", *paths)
    report = json.loads(result.stdout)
    return result.returncode, sorted({p["file"] for p in report["problems"]})


def test_only_the_given_entry_is_validated(two_entries: ContestTree) -> None:
    assert _problem_files(two_entries, "entries/good-entry") == (0, [])
    assert _problem_files(two_entries, "entries/bad-entry") == (1, ["entries/bad-entry/entry.yml"])
    assert _problem_files(two_entries) == (1, ["entries/bad-entry/entry.yml"])
    # A file inside the folder names the entry too.
    assert _problem_files(two_entries, "entries/bad-entry/entry.yml")[0] == 1


def test_only_contest_yml(two_entries: ContestTree) -> None:
    code, files = _problem_files(two_entries, "contest.yml")
    assert (code, files) == (0, [])
    summary = json.loads(_run(two_entries, "validate", "--format", "json", "contest.yml").stdout)
    assert summary["summary"]["files"] == 1


def test_given_entry_is_still_compared_with_the_others(two_entries: ContestTree) -> None:
    two_entries.write_entry(
        "zz-copy", entry_text(title="다른 서비스", service="https://copy.example.org/")
    )
    code, files = _problem_files(two_entries, "entries/zz-copy")
    assert (code, files) == (1, ["entries/zz-copy/entry.yml"])
    report = json.loads(_run(two_entries, "validate", "--format", "json", "entries/zz-copy").stdout)
    assert [p["code"] for p in report["problems"]] == ["entry.duplicate-title"]


def test_a_named_entry_that_does_not_exist(two_entries: ContestTree) -> None:
    code, files = _problem_files(two_entries, "entries/no-such-entry")
    assert (code, files) == (1, ["entries/no-such-entry"])


def test_an_entry_is_not_passed_when_contest_yml_is_invalid(two_entries: ContestTree) -> None:
    # Without a valid contest there is no category list to check against:
    # "no problems" for the entry would be a false pass.
    contest = two_entries.root / "contest.yml"
    contest.write_text(
        contest.read_text(encoding="utf-8").replace("organizer: 행정자치부\n", ""),
        encoding="utf-8",
    )
    code, files = _problem_files(two_entries, "entries/bad-entry")
    assert (code, files) == (1, ["contest.yml"])
