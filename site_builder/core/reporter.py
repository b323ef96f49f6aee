"""Reporters: one report, rendered for people, for GitHub, or for programs.

* text: ``file:line:col: 오류: message`` with the hint below, for a terminal;
* github: workflow-command annotations (GitHub shows only 10 per step, so
  every problem also goes to the step summary as a Markdown table);
* json: the whole report, for the pull-request comment bot.

Every command that prints a result shares one interface: a `Rendering` (the
formats it offers, each a function of the language) written by `emit`. A
report of problems offers text, github and json; `contest status` text,
markdown and json; `contest tally` text, markdown, json and csv. Where the step
summary is (``$GITHUB_STEP_SUMMARY``) is the CLI's to say.

Problem messages can quote entrant text, so everything that lands in Markdown
is escaped: a title must not become a table break, a mention or an image.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from site_builder.core import messages
from site_builder.core.problems import Problem, Report

FORMATS = ("text", "github", "json")
"""The formats of a report of problems (`contest validate`)."""
# C0 and C1 controls other than whitespace, and the bidirectional embeddings,
# overrides and isolates.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WWW = re.compile(r"(?i)\bwww(?=\.)")


def render_text(report: Report, lang: str, *, summary: bool = True) -> str:
    """Each problem with its hint; then the summary line, unless `summary` is False
    (where "files checked" means nothing: a refused tally, an invalid contest.yml)."""
    lines = []
    for problem in report:
        severity = messages.render(f"ui.severity-{problem.severity}", lang)
        lines.append(f"{problem.location()}: {severity}: {problem.message(lang)}")
        hint = problem.hint(lang)
        if hint:
            lines.append(f"    {messages.render('ui.how-to-fix', lang)}: {hint}")
    if summary:
        lines.append(summary_line(report, lang))
    return "".join(line + "\n" for line in lines)


def summary_line(report: Report, lang: str) -> str:
    errors = len(report.errors)
    warnings = len(report.problems) - errors
    params = {"files": report.checked_files, "errors": errors, "warnings": warnings}
    code = "ui.summary-ok" if not report.problems else "ui.summary-problems"
    return messages.render(code, lang, params)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, lang: str) -> str:
    properties = [f"file={_escape_property(problem.file)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
    if problem.column is not None:
        properties.append(f"col={problem.column}")
    if problem.field:
        properties.append(f"title={_escape_property(problem.field)}")
    text = problem.message(lang)
    hint = problem.hint(lang)
    if hint:
        text += f"\n{messages.render('ui.how-to-fix', lang)}: {hint}"
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(text)}"


def render_github(report: Report, lang: str) -> str:
    lines = [github_annotation(problem, lang) for problem in report]
    lines.append(summary_line(report, lang))
    return "\n".join(lines) + "\n"


def markdown_escape(value: str) -> str:
    """Make entrant text inert inside Markdown on GitHub, also in a table cell.

    Nothing in the result can open a link, an image, HTML, a mention or an
    issue reference, or end a table row: the backslash itself is escaped first
    (otherwise ``\\[x\\](https://evil)`` would turn the escapes into a link), a
    word joiner after ``@``, ``#``, ``://`` and ``www.`` stops GitHub's mentions,
    references and bare autolinks, and controls and bidirectional overrides
    (which can make text read differently from what it is) are dropped.
    """
    text = _INVISIBLE.sub("", value)
    escaped = (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("`", "\\`")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("!", "\\!")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("#", "\\#\u2060")
        .replace("$", "\\$")
        .replace("~", "\\~")
    )
    escaped = escaped.replace("@", "@\u2060").replace("://", ":\u2060//")
    escaped = _WWW.sub("\\g<0>\u2060", escaped)
    # Newlines would end a table row or a list item.
    return " ".join(escaped.split())


def _code_cell(value: str) -> str:
    """A path in a code span of a table cell. A file name is entrant input too:
    a newline in it would end the row, a | would split it into two cells."""
    text = " ".join(value.replace("`", "").split()).replace("|", "\\|")
    return f"`{text}`"


def markdown_table(report: Report, lang: str) -> str:
    rows = [
        # Blank line first: the summary file may not end with one.
        "",
        f"### {messages.render('ui.summary-title', lang)}",
        "",
        summary_line(report, lang),
        "",
    ]
    if report.problems:
        rows.append(messages.render("ui.table-header", lang))
        rows.append("| --- | --- | --- | --- |")
        for problem in report:
            rows.append(
                "| "
                + " | ".join(
                    [
                        _code_cell(problem.location()),
                        markdown_escape(problem.field or ""),
                        markdown_escape(problem.message(lang)),
                        markdown_escape(problem.hint(lang) or ""),
                    ]
                )
                + " |"
            )
    return "\n".join(rows) + "\n"


def as_json(report: Report, lang: str) -> dict[str, Any]:
    errors = len(report.errors)
    return {
        "version": 1,
        "valid": report.ok,
        "status": report.status or ("valid" if report.ok else "needs-fix"),
        "entry": report.entry,
        "language": lang,
        "summary": {
            "files": report.checked_files,
            "errors": errors,
            "warnings": len(report.problems) - errors,
        },
        "problems": [problem.as_dict(lang) for problem in report],
    }


def render_json(report: Report, lang: str) -> str:
    return json.dumps(as_json(report, lang), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Rendering:
    """One result of a command, in each format it offers."""

    formats: Mapping[str, Callable[[str], str]]
    """Format name -> the whole output in that format, for a language."""
    step_summary: Callable[[str], str] | None = None
    """Markdown added to GitHub's step summary when the format is github."""


def emit(
    rendering: Rendering, fmt: str, lang: str, out: TextIO, step_summary: Path | None = None
) -> None:
    """Write `rendering` in `fmt` to `out`; in the github format, also append its
    step summary to the file `step_summary` (the CLI reads ``$GITHUB_STEP_SUMMARY``)."""
    out.write(rendering.formats[fmt](lang))
    if fmt == "github" and step_summary is not None and rendering.step_summary is not None:
        with step_summary.open("a", encoding="utf-8") as handle:
            handle.write(rendering.step_summary(lang))


def report_rendering(report: Report) -> Rendering:
    """A report of problems: text, GitHub annotations (and the step summary's table), JSON."""
    return Rendering(
        {
            "text": lambda lang: render_text(report, lang),
            "github": lambda lang: render_github(report, lang),
            "json": lambda lang: render_json(report, lang),
        },
        step_summary=lambda lang: markdown_table(report, lang),
    )
