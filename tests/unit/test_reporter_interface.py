"""One reporter interface: each command offers its formats as a Rendering, and one
function writes it; where GitHub's step summary is, only the CLI knows."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from site_builder.core import reporter
from site_builder.core.problems import Problem, Report

PACKAGE = Path(__file__).resolve().parents[2] / "site_builder"


def _report() -> Report:
    problem = Problem("entries/a/entry.yml", 3, 5, "yaml.duplicate-key",
                      {"key": "title", "first_line": 1}, "title")
    return Report([problem], checked_files=1)


@pytest.mark.parametrize("fmt", reporter.FORMATS)
def test_a_report_renders_each_format_as_before(fmt: str) -> None:
    report = _report()
    out = io.StringIO()
    reporter.emit(reporter.report_rendering(report), fmt, "en", out)
    expected = {"text": reporter.render_text, "github": reporter.render_github,
                "json": reporter.render_json}[fmt](report, "en")
    assert out.getvalue() == expected
    if fmt == "json":
        assert json.loads(out.getvalue())["problems"][0]["line"] == 3
    else:
        assert "entries/a/entry.yml" in out.getvalue()


def test_the_step_summary_gets_the_table_in_the_github_format_only(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("before\n", encoding="utf-8")
    rendering = reporter.report_rendering(_report())
    for fmt in ("text", "json"):
        reporter.emit(rendering, fmt, "en", io.StringIO(), summary)
    assert summary.read_text(encoding="utf-8") == "before\n"
    reporter.emit(rendering, "github", "en", io.StringIO(), summary)
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("before\n") and "| `entries/a/entry.yml:3:5` |" in written
    reporter.emit(rendering, "github", "en", io.StringIO(), None)  # no summary: nothing to do


def test_a_rendering_without_a_step_summary_writes_none(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    rendering = reporter.Rendering({"github": lambda lang: f"plain {lang}\n"})
    out = io.StringIO()
    reporter.emit(rendering, "github", "ko", out, summary)
    assert out.getvalue() == "plain ko\n"
    assert not summary.exists()


def test_only_the_cli_reads_the_environment_for_output() -> None:
    readers = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"environ[^\n]*GITHUB_STEP_SUMMARY|getenv\([\"']GITHUB_STEP_SUMMARY", text):
            readers.append(path.relative_to(PACKAGE).as_posix())
    assert readers, "nothing reads GITHUB_STEP_SUMMARY: the github format lost its summary"
    assert all(name.startswith("cli/") for name in readers), readers
