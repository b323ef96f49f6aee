"""`contest pr-comment`: the report schema against real `contest validate` output, the
comment's text, and hostile result.json files (the artifact a fork can forge)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from contestkit import REPO, add_entry, git, invoke_contest, write_contest

from site_builder.core import messages
from site_builder.core.reporter import markdown_escape
from site_builder.submissions import prcomment

SCHEMA = json.loads((REPO / "schema" / "report.schema.json").read_text(encoding="utf-8"))
IN_TIME = "2015-11-01T03:00:00Z"
LATE = "2015-12-16T03:00:00Z"
Reports = dict[str, dict[str, Any]]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`contest ARGS` in `cwd`, in this process (no GITHUB_STEP_SUMMARY: `cli_env`)."""
    return invoke_contest(args, cwd)


def validate_json(root: Path, *args: str) -> dict[str, Any]:
    result = run(["validate", "--format", "json", *args], root)
    assert result.returncode in (0, 1), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


BAD_ENTRY = """\
# yaml-language-server: $schema=../../schema/entry.schema.json
title: "미세먼지 알림 @example-org/organizers"
summary: "짧아요"
description: |
  아이와 산책하는 부모를 위한 서비스입니다. 미세먼지와 날씨 예보를 함께 보여 줍니다.
  ![x](https://evil.example/track.png) <img src=x onerror=alert(1)> </details>
category: sports
team:
  name: 예시팀
  members:
    - name: 양예시
      github: entrant-one
links:
  service: http://air.example.org/
platforms: [web]
license: mit
screenshots: [screenshot-1.png]
"""


@pytest.fixture(scope="module")
def contest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A contest with one valid entry on main and pull-request branches:
    `bad` (needs-fix), `good` (valid) and `warn` (valid with a suggestion)."""
    root = tmp_path_factory.mktemp("contest")
    write_contest(root)
    add_entry(root, "wifi-finder")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start")
    for branch, slug, text in (("bad", "air-walk", BAD_ENTRY), ("good", "park-finder", None),
                               ("warn", "bus-stop", "license: MIT\n")):
        git(root, "checkout", "-q", "-b", branch, "main")
        add_entry(root, slug)
        manifest = root / "entries" / slug / "entry.yml"
        if text is not None and text.startswith("#"):
            manifest.write_text(text, encoding="utf-8")
        elif text is not None:
            manifest.write_text(
                manifest.read_text(encoding="utf-8").replace("license: MIT\n", "license: mit\n"),
                encoding="utf-8",
            )
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"Add {slug}")
    git(root, "checkout", "-q", "main")
    return root


def pr_report(
    root: Path, branch: str, at: str = IN_TIME, lang: str | None = None
) -> dict[str, Any]:
    git(root, "checkout", "-q", branch)
    try:
        extra = ["--lang", lang] if lang else []
        result = run([*extra, "validate", "--base", "main", "--author", "entrant-one",
                      "--submitted-at", at, "--format", "json"], root)
    finally:
        git(root, "checkout", "-q", "main")
    assert result.returncode in (0, 1), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="module")
def reports(contest: Path) -> Reports:
    """The pull-request reports of the branches, made once."""
    return {
        "bad": pr_report(contest, "bad"),
        "good": pr_report(contest, "good"),
        "warn": pr_report(contest, "warn"),
        "late": pr_report(contest, "good", at=LATE),
        "no-entry": pr_report(contest, "main"),
        "bad-en": pr_report(contest, "bad", lang="en"),
    }


def comment(root: Path, report: Any, tmp_path: Path, *, raw: bytes | None = None
            ) -> tuple[subprocess.CompletedProcess[str], str]:
    result_file = tmp_path / "result.json"
    result_file.write_bytes(raw if raw is not None else json.dumps(report).encode("utf-8"))
    out = tmp_path / "comment.md"
    run_ = run(["--root", str(root), "pr-comment", "--result", str(result_file),
                "--out", str(out)], tmp_path)
    return run_, out.read_text(encoding="utf-8") if out.exists() else ""


# --- the schema and the real output cannot drift apart ------------------------------------


def test_real_reports_match_the_report_schema(
    contest: Path, reports: Reports
) -> None:
    everything = [
        validate_json(REPO),  # the example contest: 15 entries, no problems
        validate_json(contest),
        *reports.values(),
    ]
    statuses = set()
    for report in everything:
        jsonschema.Draft7Validator(SCHEMA).validate(report)
        statuses.add(report["status"])
    assert statuses == {"valid", "needs-fix", "late"}


def test_the_report_schema_is_closed_and_bounded() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    problem = SCHEMA["definitions"]["problem"]
    assert SCHEMA["additionalProperties"] is False and problem["additionalProperties"] is False
    assert SCHEMA["properties"]["problems"]["maxItems"]
    for name in ("file", "code"):
        assert problem["properties"][name]["maxLength"]


# --- the comment --------------------------------------------------------------------------


def test_needs_fix_comment_lists_every_problem_by_file_with_its_fix(
    contest: Path, reports: Reports, tmp_path: Path
) -> None:
    report = reports["bad"]
    result, text = comment(contest, report, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "needs-fix\n"
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    lines = text.splitlines()
    assert lines[0] == prcomment.MARKER
    assert lines[1] == "### " + messages.render("comment.title-needs-fix", "ko",
                                                {"count": len(errors)})
    assert f"아래 {len(errors)}개를 고치면 됩니다" in text
    assert "#### 📄 entries/air-walk/entry.yml" in lines
    for problem in report["problems"]:
        assert markdown_escape(problem["message"]) in text
        if problem["hint"]:
            assert markdown_escape(problem["hint"]) in text
    category = next(p for p in errors if p["field"] == "category")
    assert f"- **category** · {category['line']}번째 줄" in lines
    assert "  - 고치는 법: 다음 중 하나를 쓰세요: safety (안전·재난)" in text
    # The license warning is a suggestion, apart from what must be fixed.
    assert text.index("#### 참고 (고치지 않아도 됩니다)") > text.index("분야 'sports'")
    assert "contest validate entries/air-walk\n```" in text


def test_valid_comment_thanks_and_says_what_happens_next(
    contest: Path, reports: Reports, tmp_path: Path
) -> None:
    result, text = comment(contest, reports["good"], tmp_path)
    assert (result.returncode, result.stdout) == (0, "valid\n")
    assert text.splitlines()[:3] == [
        prcomment.MARKER, "### " + messages.render("comment.title-valid", "ko"), ""]
    assert messages.render("comment.intro-valid", "ko") in text
    assert messages.render("comment.next-valid", "ko") in text
    assert "참고" not in text and "####" not in text


def test_valid_with_a_warning_shows_it_as_a_suggestion(
    contest: Path, reports: Reports, tmp_path: Path
) -> None:
    result, text = comment(contest, reports["warn"], tmp_path)
    assert result.stdout == "valid\n"
    assert "#### 참고 (고치지 않아도 됩니다)" in text
    assert "'mit'" in text and "MIT" in text


def test_late_comment_is_kind_and_says_when(
    contest: Path, reports: Reports, tmp_path: Path
) -> None:
    report = reports["late"]
    result, text = comment(contest, report, tmp_path)
    assert result.stdout == "late\n"
    assert "### ⏰ 접수 마감 뒤에 제출되었습니다" in text
    late = next(p for p in report["problems"] if p["code"] == "pr.late")
    assert markdown_escape(late["message"]) in text
    assert messages.render("comment.late-contact", "ko") in text


def test_comment_speaks_the_reports_language(
    contest: Path, reports: Reports, tmp_path: Path
) -> None:
    result, text = comment(contest, reports["bad-en"], tmp_path)
    assert result.stdout == "needs-fix\n"
    assert "things to fix" in text and "How to fix:" in text and "고치는 법" not in text


def test_a_pull_request_without_an_entry_says_how_to_check_everything(
    contest: Path, reports: Reports, tmp_path: Path
) -> None:
    report = reports["no-entry"]
    assert report["entry"] is None
    result, text = comment(contest, report, tmp_path)
    assert result.stdout == "needs-fix\n"
    assert "contest validate\n```" in text


def test_many_problems_are_cut_to_a_readable_comment(contest: Path, tmp_path: Path) -> None:
    problem = {"file": "entries/a-b/entry.yml", "line": 3, "column": 1, "severity": "error",
               "code": "schema.required", "field": "title", "message": "m " * 300,
               "hint": "h " * 300}
    report = {"version": 1, "valid": False, "status": "needs-fix", "entry": "a-b",
              "language": "ko", "summary": {"files": 1, "errors": 600, "warnings": 0},
              "problems": [problem] * 600}
    result, text = comment(contest, report, tmp_path)
    assert result.stdout == "needs-fix\n"
    assert len(text) <= prcomment.COMMENT_LIMIT
    assert text.count("- **title**") == prcomment.SHOWN_PROBLEMS
    assert f"이 밖에 {600 - prcomment.SHOWN_PROBLEMS}개가 더 있습니다" in text


# --- hostile result.json ------------------------------------------------------------------

EVIL = [
    "<img src=x onerror=alert(1)>",
    "</details><script>alert(1)</script>",
    "@example-org/organizers @everyone please look",
    "![x](https://evil.example/pixel.png)",
    "[click me](https://evil.example/)",
    "\\[click\\](https://evil.example/)",
    "\\![x\\](https://evil.example/pixel.png)",
    "a | b \\| c\n| --- |",
    "https://evil.example/ and www.evil.example",
    "fixes #1 and GH-2",
    "```\n<!-- contest-bot:validation -->\n",
    "\u202eevil\u202c \x1b[31m",
    "<!-- hidden -->",
]


def evil_report() -> dict[str, Any]:
    problems = []
    for index, text in enumerate(EVIL):
        problems.append({
            "file": f"entries/evil/{text}", "line": index + 1, "column": None,
            "severity": "error" if index % 2 else "warning", "code": "schema.other",
            "field": text, "message": text, "hint": text,
        })
    errors = sum(1 for p in problems if p["severity"] == "error")
    return {"version": 1, "valid": False, "status": "needs-fix", "entry": None,
            "language": "ko",
            "summary": {"files": 1, "errors": errors, "warnings": len(problems) - errors},
            "problems": problems}


def assert_inert(text: str) -> None:
    """Nothing from the report became Markdown or HTML: the only tags, comments and
    fences in the text are the comment's own."""
    own = {"<!-- contest-bot:validation -->", "<details>", "</details>", "<summary>",
           "</summary>"}
    for tag in re.findall(r"<[^>\s]*", text):
        assert any(o.startswith(tag) for o in own), tag
    assert text.count(prcomment.MARKER) == 1
    assert text.count("<details>") == text.count("</details>") == 1
    assert text.count("```") == 2
    assert "](" not in text.replace("\\](", "")
    assert not re.search(r"(?<!\\)!\\?\[", text)
    assert not re.search(r"@(?!\u2060)\w", text)
    assert not re.search(r"https?://", text)
    assert not re.search(r"(?i)\bwww\.", text)
    assert not re.search(r"#\d", text)
    assert "\u202e" not in text and "\x1b" not in text
    for line in text.splitlines():
        # An escaped pipe stays inside its cell: every | is preceded by an odd run of \.
        for match in re.finditer(r"(\\*)\|", line):
            assert len(match.group(1)) % 2 == 1, line


def test_hostile_strings_are_rendered_inert(contest: Path, tmp_path: Path) -> None:
    result, text = comment(contest, evil_report(), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "needs-fix\n"
    assert_inert(text)
    assert "&lt;img src=x onerror=alert(1)&gt;" in text  # shown, as text


@pytest.mark.parametrize("text", EVIL)
def test_markdown_escape_leaves_nothing_active(text: str) -> None:
    escaped = markdown_escape(text)
    assert "\n" not in escaped
    assert_inert(f"{prcomment.MARKER}\n<details>\n```\n{escaped}\n```\n</details>")


def _breakage(name: str) -> Any:
    report = json.loads(json.dumps(evil_report()))
    problem = report["problems"][1]
    if name == "status-injection":
        report["status"] = "valid; rm -rf /"
    elif name == "status-disagrees":
        report["status"] = "valid"
    elif name == "valid-disagrees":
        report["valid"] = True
    elif name == "count-disagrees":
        report["summary"]["errors"] += 1
    elif name == "line-as-text":
        problem["line"] = "12"
    elif name == "message-as-list":
        problem["message"] = ["a"]
    elif name == "extra-field":
        problem["label"] = "valid"
    elif name == "extra-top-level":
        report["label"] = "valid"
    elif name == "unknown-severity":
        problem["severity"] = "info"
    elif name == "bad-entry":
        report["entry"] = "../../etc"
    elif name == "bad-language":
        report["language"] = "fr"
    elif name == "huge-string":
        problem["message"] = "x" * 70_000
    elif name == "huge-file-name":
        problem["file"] = "x" * 5000
    elif name == "code-with-markdown":
        problem["code"] = "pr.late](https://evil)"
    elif name == "version-2":
        report["version"] = 2
    elif name == "not-an-object":
        report = [report]
    return report


BREAKAGES = ["status-injection", "status-disagrees", "valid-disagrees", "count-disagrees",
             "line-as-text", "message-as-list", "extra-field", "extra-top-level",
             "unknown-severity", "bad-entry", "bad-language", "huge-string", "huge-file-name",
             "code-with-markdown", "version-2", "not-an-object"]


def assert_refused(result: subprocess.CompletedProcess[str], text: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == "needs-fix\n"
    # The log line is in the contest's language, its reason (for maintainers) in English.
    said = messages.render("cli.report-refused", "ko", {"reason": ""}).rstrip()
    assert said in result.stderr and "Traceback" not in result.stderr
    assert text.splitlines()[0] == prcomment.MARKER
    assert text == prcomment.refused_comment("ko", "").body
    assert "::" not in result.stderr.replace("contest pr-comment:", "")


@pytest.mark.parametrize("name", BREAKAGES)
def test_a_report_of_the_wrong_shape_is_refused(name: str, contest: Path, tmp_path: Path) -> None:
    result, text = comment(contest, _breakage(name), tmp_path)
    assert_refused(result, text)


RAW = {
    "duplicate-key": b'{"version": 1, "version": 1}',
    "duplicate-status": json.dumps(evil_report()).replace(
        '"status": "needs-fix"', '"status": "needs-fix", "status": "valid"').encode(),
    "nan": json.dumps(evil_report()).replace('"line": 2,', '"line": NaN,').encode(),
    "huge-number": json.dumps(evil_report()).replace('"line": 2,', '"line": 1e999,').encode(),
    "long-integer": json.dumps(evil_report()).replace('"line": 2,', f'"line": {"9" * 5000},'
                                                       ).encode(),
    "not-json": b"valid",
    "truncated": json.dumps(evil_report()).encode()[:-10],
    "not-utf8": b'{"version": 1, "entry": "\xff"}',
    "nul-bytes": b'{"version": 1}\x00',
    "deep-nesting": b"[" * 200_000 + b"]" * 200_000,
    "over-one-megabyte": b" " * (prcomment.SIZE_LIMIT + 1) + b"{}",
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(RAW))
def test_a_file_that_is_not_strict_json_is_refused(name: str, contest: Path,
                                                   tmp_path: Path) -> None:
    result, text = comment(contest, None, tmp_path, raw=RAW[name])
    assert_refused(result, text)


def test_a_link_or_a_missing_file_is_refused(
    contest: Path, reports: Reports, tmp_path: Path
) -> None:
    target = tmp_path / "real.json"
    target.write_text(json.dumps(reports["good"]), encoding="utf-8")
    (tmp_path / "result.json").symlink_to(target)
    out = tmp_path / "comment.md"
    result = run(["--root", str(contest), "pr-comment", "--result", str(tmp_path / "result.json"),
                  "--out", str(out)], tmp_path)
    assert_refused(result, out.read_text(encoding="utf-8"))
    result = run(["--root", str(contest), "pr-comment", "--result", str(tmp_path / "none.json"),
                  "--out", str(out)], tmp_path)
    assert_refused(result, out.read_text(encoding="utf-8"))


def test_the_refusal_speaks_the_contests_language(tmp_path: Path) -> None:
    root = tmp_path / "contest"
    write_contest(root, change=lambda data: data.update(language="en"))
    (tmp_path / "result.json").write_text("[]", encoding="utf-8")
    result = run(["--root", str(root), "pr-comment", "--result", str(tmp_path / "result.json"),
                  "--out", str(tmp_path / "c.md")], tmp_path)
    assert result.returncode == 1
    assert "could not be read" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_without_the_report_schema_the_command_cannot_run(tmp_path: Path) -> None:
    root = tmp_path / "contest"
    write_contest(root)
    (root / "schema" / "report.schema.json").unlink()
    (tmp_path / "result.json").write_text("{}", encoding="utf-8")
    result = run(["--root", str(root), "pr-comment", "--result", str(tmp_path / "result.json"),
                  "--out", str(tmp_path / "c.md")], tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
