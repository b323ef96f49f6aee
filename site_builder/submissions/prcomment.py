"""`contest pr-comment`: the sticky pull-request comment and the one label, from a report.

The report is the JSON of ``contest validate --format json`` (``--json-report``),
and it reaches the privileged report workflow through an artifact made by
validate.yml, which runs with the pull request's own copy of the workflows: a
fork can forge every byte of it. So it is hostile data, and this module trusts
nothing in it until it has

* read at most `SIZE_LIMIT` bytes of a regular file (no links), as UTF-8;
* parsed it strictly: duplicate keys and NaN/Infinity are refused, since two
  readers could disagree on what such a document says;
* checked it against schema/report.schema.json from the trusted checkout
  (closed objects, bounded strings, known enums);
* checked that it agrees with itself: the counts, ``valid`` and ``status``
  must be what the problems imply.

The label is then derived from the problems, not copied from ``status``, and
is always one of three constants; every string from the report is truncated
and passed through `reporter.markdown_escape`, so nothing in it can mention,
link, embed, inject HTML or break out of the Markdown around it. A report that
fails any of this gets a safe generic comment and the label ``needs-fix``
(never ``valid``): a forged result must not be able to keep or win a label.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.core import messages, schemas
from site_builder.core.loader import LoadFailure, read_text
from site_builder.core.reporter import markdown_escape

MARKER = "<!-- contest-bot:validation -->"
"""First line of the comment; report.yml finds the comment to update by it."""
LABELS = ("valid", "needs-fix", "late")
SIZE_LIMIT = 1024 * 1024
SHOWN_PROBLEMS = 30
TEXT_LIMIT = 400
"""Characters of one message, hint, field or path shown; the rest is cut."""
COMMENT_LIMIT = 60_000
"""GitHub refuses comments over 65,536 characters."""
_LATE = "pr.late"


class ReportRefused(Exception):
    """The report cannot be used. The reason is for the log and holds no report text."""


@dataclass(frozen=True)
class Finding:
    """One problem of a schema-valid report."""

    file: str
    line: int | None
    severity: str
    code: str
    field: str | None
    message: str
    hint: str | None


@dataclass(frozen=True)
class ValidationReport:
    """A report that passed every check of `read_report`."""

    label: str
    entry: str | None
    language: str
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


@dataclass(frozen=True)
class Comment:
    label: str
    """One of `LABELS`."""
    body: str
    refused: str | None = None
    """Why the report was refused (then the body is the generic comment)."""


# --- reading -------------------------------------------------------------------------


def read_report(path: Path, schema_dir: Path) -> ValidationReport:
    """The report at `path`, or `ReportRefused`. `schema_dir` is the trusted schema/."""
    try:
        text = read_text(path, path.name, SIZE_LIMIT)
    except LoadFailure as failure:
        raise ReportRefused(f"cannot read the file ({failure.problem.code})") from None
    data = parse_json(text)
    schema = schemas.load_schema(schema_dir, schemas.REPORT)
    error = next(iter(schema.validator.iter_errors(data)), None)
    if error is not None:
        where = _json_path(error.absolute_path)
        raise ReportRefused(f"does not match {schemas.REPORT}: '{error.validator}' at {where}")
    return _consistent(data)


def parse_json(text: str) -> Any:
    """Strict JSON: a duplicate key or a non-finite number is a refusal, not a choice."""
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except ReportRefused:
        raise
    except RecursionError:
        raise ReportRefused("nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and ints over Python's digit limit
        raise ReportRefused(f"not JSON ({type(exc).__name__})") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ReportRefused("a key appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ReportRefused("NaN or Infinity is not JSON")


def _json_path(path: Sequence[str | int]) -> str:
    # Keys of a forged report are not echoed: only their positions.
    parts = [f"[{part}]" if isinstance(part, int) else ".<key>" for part in path]
    return "$" + "".join(parts)


def _consistent(data: dict[str, Any]) -> ValidationReport:
    findings = tuple(
        Finding(
            file=item["file"], line=item["line"], severity=item["severity"], code=item["code"],
            field=item["field"], message=item["message"], hint=item["hint"],
        )
        for item in data["problems"]
    )
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    summary = data["summary"]
    if summary["errors"] != errors or summary["warnings"] != warnings:
        raise ReportRefused("the summary does not count the problems")
    if data["valid"] is not (errors == 0):
        raise ReportRefused("'valid' does not agree with the problems")
    label = derive_label(findings)
    if data["status"] != label:
        raise ReportRefused("'status' does not agree with the problems")
    return ValidationReport(label, data["entry"], data["language"], findings)


def derive_label(findings: Sequence[Finding]) -> str:
    """``late`` when the deadline was missed, else ``valid`` exactly when there is no error."""
    errors = [f for f in findings if f.severity == "error"]
    if any(f.code == _LATE for f in errors):
        return "late"
    return "needs-fix" if errors else "valid"


# --- rendering -----------------------------------------------------------------------


def comment_for(result: Path, schema_dir: Path, lang: str | None, fallback_lang: str) -> Comment:
    """The comment for the report at `result`; a refused report gets `refused_comment`.

    `lang` overrides the report's language; `fallback_lang` (the contest's) is
    used when the report cannot be read."""
    try:
        report = read_report(result, schema_dir)
    except ReportRefused as refusal:
        return refused_comment(lang or fallback_lang, str(refusal))
    return render(report, lang or report.language)


def refused_comment(lang: str, reason: str) -> Comment:
    lang = messages.normalize_language(lang)
    body = "\n".join([
        MARKER,
        f"### {messages.render('comment.refused-title', lang)}",
        "",
        messages.render("comment.refused-body", lang),
        "",
    ])
    return Comment("needs-fix", body, refused=reason)


def render(report: ValidationReport, lang: str) -> Comment:
    """The comment text. Shows at most `SHOWN_PROBLEMS` problems, fewer if the text
    would pass `COMMENT_LIMIT`."""
    lang = messages.normalize_language(lang)
    shown = SHOWN_PROBLEMS
    while True:
        body = _render(report, lang, shown)
        if len(body) <= COMMENT_LIMIT or shown == 0:
            return Comment(report.label, body)
        shown //= 2


def _render(report: ValidationReport, lang: str, shown: int) -> str:
    lines = [MARKER]
    if report.label == "valid":
        lines += [
            f"### {messages.render('comment.title-valid', lang)}",
            "",
            messages.render("comment.intro-valid", lang),
            "",
            messages.render("comment.next-valid", lang),
        ]
        if report.warnings:
            lines += ["", f"#### {messages.render('comment.suggestions', lang)}"]
            lines += _grouped(report.warnings, lang, shown)
    elif report.label == "needs-fix":
        count = len(report.errors)
        lines += [
            f"### {messages.render('comment.title-needs-fix', lang, {'count': count})}",
            "",
            messages.render("comment.intro-needs-fix", lang, {"count": count}),
        ]
        lines += _grouped(report.errors, lang, shown)
        if report.warnings:
            lines += ["", f"#### {messages.render('comment.suggestions', lang)}"]
            lines += _grouped(report.warnings, lang, max(shown - count, 0))
    else:
        late = next(f for f in report.errors if f.code == _LATE)
        others = [f for f in report.findings if f is not late]
        lines += [
            f"### {messages.render('comment.title-late', lang)}",
            "",
            messages.render("comment.intro-late", lang, {"detail": _text(late.message)}),
            "",
            messages.render("comment.late-contact", lang),
        ]
        if others:
            lines += ["", "<details>",
                      f"<summary>{messages.render('comment.late-others', lang)}</summary>"]
            lines += _grouped(others, lang, shown)
            lines += ["", "</details>"]
    lines += ["", *_local_check(report.entry, lang)]
    return "\n".join(lines) + "\n"


def _grouped(findings: Sequence[Finding], lang: str, shown: int) -> list[str]:
    """Problems under one heading per file, in the report's order."""
    lines: list[str] = []
    files: dict[str, list[Finding]] = {}
    for finding in findings[:shown]:
        files.setdefault(finding.file, []).append(finding)
    for file, group in files.items():
        lines += ["", f"#### 📄 {_text(file)}", ""]
        for finding in group:
            lines += _item(finding, lang)
    hidden = len(findings) - min(shown, len(findings))
    if hidden:
        lines += ["", messages.render("comment.more", lang, {"count": hidden})]
    return lines


def _item(finding: Finding, lang: str) -> list[str]:
    where = (
        messages.render("ui.line", lang, {"line": finding.line})
        if finding.line is not None
        else messages.render("comment.whole-file", lang)
    )
    head = f"**{_text(finding.field)}** · {where}" if finding.field else where
    lines = [
        f"- {head}",
        f"  - {messages.render('comment.what', lang)}: {_text(finding.message)}",
    ]
    if finding.hint:
        lines.append(f"  - {messages.render('ui.how-to-fix', lang)}: {_text(finding.hint)}")
    return lines


def _local_check(entry: str | None, lang: str) -> list[str]:
    # `entry` matched the slug pattern of the schema, so it is safe in a code block.
    target = f"entries/{entry}" if entry else ""
    return [
        "<details>",
        f"<summary>{messages.render('comment.local-title', lang)}</summary>",
        "",
        messages.render("comment.local-body", lang),
        "",
        "```sh",
        "python -m pip install -e .",
        f"contest validate {target}".rstrip(),
        "```",
        "",
        "</details>",
    ]


_CUT = re.compile(r"\s+\S*$")


def _text(value: str) -> str:
    """Report text for Markdown: cut to `TEXT_LIMIT` characters, then escaped."""
    if len(value) > TEXT_LIMIT:
        value = _CUT.sub("", value[:TEXT_LIMIT]) + " …"
    return markdown_escape(value)
