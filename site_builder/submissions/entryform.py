"""The entry issue form: its definition file, and the body GitHub writes from it, read
back into entry data.

GitHub puts the answers of an issue form into the issue body as ``### <label>``
sections (``_No response_`` for an empty answer, the option's text for a
dropdown, ``- [x] option`` lines for checkboxes). The form file itself says
which section is which field: every label ends with the entry.yml key in
parentheses, ``서비스 주소 (links.service)``, and every dropdown or checkbox
option starts with its id, ``web — 웹``. Reading the form from the trusted
checkout keeps the form and this parser from drifting apart: a label renamed
in the form is renamed here too, and a field this module does not know stops
the command instead of being dropped.

The body is hostile: anyone can open an issue, and an edited issue is free
Markdown that never went through the form. It is never parsed as YAML; a
section that is missing or appears twice (an answer holding another field's
heading) is refused, not guessed; every value is read by the rules of its
field into plain Python values, and what cannot be read is a `FormProblem`
naming the field (and the line of the answer, for one-per-line fields).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.core import messages
from site_builder.core.errors import ContestDefinitionError
from site_builder.core.loader import LoadFailure, load_file
from site_builder.core.problems import Problem
from site_builder.submissions.attachments import is_attachment
from site_builder.submissions.entries import SLUG
from site_builder.submissions.teams import is_member, team_logins

FORM_FILE = ".github/ISSUE_TEMPLATE/entry.yml"
FORM_SIZE_LIMIT = 256 * 1024
NO_RESPONSE = "_No response_"
SLUG_KEY = "slug"
CONFIRM_KEY = "confirm"

_LABEL_KEY = re.compile(r"\(([a-z_]+(?:\.[a-z_]+)?)\)\s*$")
_OPTION_ID = re.compile(r"^([a-z0-9][a-z0-9_-]*) — ")
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
_CHECKBOX = re.compile(r"^\s*[-*]\s+\[([ xX])\]\s+(.*?)\s*$")
_LIST_MARK = re.compile(r"^\s*[-*]\s+")
_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.IGNORECASE)
_TAG_SPLIT = re.compile(r"[,，、]")


# --- the form ------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    label: str
    value: str
    """The id before " — " (dropdowns and checkboxes of entry fields), else the label."""
    required: bool = False


@dataclass(frozen=True)
class FormField:
    key: str
    """The entry.yml path in the label's parentheses (``links.service``), or
    ``slug``/``confirm`` for the two fields that are not in entry.yml."""
    label: str
    kind: str
    required: bool
    options: tuple[Option, ...] = ()


# How each answer becomes entry data: the form's key decides, checked against the
# field's type in the form so that a changed form fails loudly here.
FIELD_KINDS: dict[str, tuple[str, ...]] = {
    "slug": ("input",), "title": ("input",), "summary": ("input",),
    "description": ("textarea",), "category": ("dropdown",), "tags": ("input",),
    "team.name": ("input",), "team.members": ("textarea",), "links.service": ("input",),
    "links.source": ("input",), "links.video": ("input",), "links.docs": ("input",),
    "platforms": ("checkboxes",), "public_data": ("textarea",), "license": ("input",),
    "screenshots": ("textarea",), "confirm": ("checkboxes",),
}


def load_form(root: Path) -> tuple[FormField, ...]:
    """The fields of the issue form, in order. A form this module cannot read is the
    organizers' to fix, so it stops the command (`ContestDefinitionError`)."""
    try:
        document = load_file(root / FORM_FILE, FORM_FILE, FORM_SIZE_LIMIT)
    except LoadFailure as failure:
        # Without the problem attached: the CLI would print it as one of contest.yml's.
        problem = failure.problem
        raise ContestDefinitionError.coded(
            "form.file-unreadable", location=problem.location(),
            detail=messages.by_language(problem.code, problem.params)) from None
    body = document.data.get("body") if isinstance(document.data, dict) else None
    if not isinstance(body, list):
        raise ContestDefinitionError.coded("form.no-body", file=FORM_FILE)
    fields: list[FormField] = []
    for element in body:
        if not isinstance(element, dict) or element.get("type") == "markdown":
            continue
        fields.append(_form_field(element))
    keys = [f.key for f in fields]
    missing = [key for key in FIELD_KINDS if key not in keys]
    if missing:
        raise ContestDefinitionError.coded("form.fields-missing", file=FORM_FILE,
                                           missing=missing, fields=list(FIELD_KINDS))
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ContestDefinitionError.coded("form.fields-repeated", file=FORM_FILE,
                                           repeated=repeated, fields=list(FIELD_KINDS))
    return tuple(fields)


def _form_field(element: Mapping[str, Any]) -> FormField:
    kind = element.get("type")
    attributes = element.get("attributes") or {}
    label = attributes.get("label")
    match = _LABEL_KEY.search(label) if isinstance(label, str) else None
    if not isinstance(kind, str) or not isinstance(label, str) or match is None:
        raise ContestDefinitionError.coded("form.label-without-key", file=FORM_FILE,
                                           label=repr(label))
    key = match.group(1)
    if key not in FIELD_KINDS:
        raise ContestDefinitionError.coded("form.unknown-key", file=FORM_FILE, key=key,
                                           known=list(FIELD_KINDS))
    if kind not in FIELD_KINDS[key]:
        raise ContestDefinitionError.coded("form.field-kind", file=FORM_FILE, key=key,
                                           kind=kind, kinds=list(FIELD_KINDS[key]))
    validations = element.get("validations") or {}
    options: list[Option] = []
    for raw in attributes.get("options") or []:
        text = raw.get("label") if isinstance(raw, dict) else raw
        if not isinstance(text, str):
            raise ContestDefinitionError.coded("form.option-not-text", file=FORM_FILE, key=key)
        option_id = _OPTION_ID.match(text)
        if key != CONFIRM_KEY and option_id is None:
            raise ContestDefinitionError.coded("form.option-without-id", file=FORM_FILE,
                                               key=key, option=repr(text))
        value = option_id.group(1) if option_id else text
        required = isinstance(raw, dict) and raw.get("required") is True
        options.append(Option(" ".join(text.split()), value, required))
    return FormField(key, label, kind, validations.get("required") is True, tuple(options))


@dataclass(frozen=True)
class FormProblem:
    """Something the entrant must change, and in which field of the form."""

    key: str | None
    """The form field's key; None for the form as a whole."""
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    where: tuple[str, Mapping[str, Any]] | None = None
    """A place inside the answer (a line, an image): a message code and its parameters."""
    severity: str = "error"


# --- reading the body ---------------------------------------------------------------


def split_sections(
    body: str, form: Iterable[FormField]
) -> tuple[dict[str, str | None], list[FormProblem]]:
    """The answer of each form field (None for "no response"), by key.

    A section starts at a line that is exactly ``### <label>`` of a field of the
    form and runs to the next such line. Other ``###`` lines belong to the
    answer (a description has headings of its own)."""
    by_label = {f.label: f for f in form}
    answers: dict[str, list[str]] = {}
    problems: list[FormProblem] = []
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = _HEADING.match(line)
        known = by_label.get(heading.group(1)) if heading else None
        if known is not None:
            if known.key in answers:
                problems.append(FormProblem(known.key, "intake.duplicate-section",
                                            {"label": known.label}))
            current = answers.setdefault(known.key, [])
            current.clear()
            continue
        if current is not None:
            current.append(line)
    result: dict[str, str | None] = {}
    for f in form:
        if f.key not in answers:
            continue
        text = "\n".join(answers[f.key]).strip("\n")
        text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
        result[f.key] = None if text in ("", NO_RESPONSE) else text
    if not answers:
        return result, [FormProblem(None, "intake.not-a-form")]
    problems.extend(
        FormProblem(f.key, "intake.missing-section", {"label": f.label})
        for f in form if f.key not in answers
    )
    return result, problems


@dataclass
class Reading:
    """The entry data read from the answers, and where list items came from."""

    data: dict[str, Any] = field(default_factory=dict)
    problems: list[FormProblem] = field(default_factory=list)
    lines: dict[str, list[int]] = field(default_factory=dict)
    """For a field read line by line, the answer line of each list item."""
    slug: str | None = None
    images: list[str] = field(default_factory=list)

    def problem(
        self, key: str | None, code: str, where: tuple[str, Mapping[str, Any]] | None = None,
        **params: Any,
    ) -> None:
        self.problems.append(FormProblem(key, code, params, where))

    def put(self, key: str, value: Any) -> None:
        node = self.data
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value


def read_answers(
    answers: Mapping[str, str | None], form: Iterable[FormField], author: str
) -> Reading:
    reading = Reading()
    for f in form:
        if f.key not in answers:
            continue  # already reported as a missing section
        answer = answers[f.key]
        if f.kind == "checkboxes":
            _checkboxes(reading, f, answer)
            continue
        if answer is None:
            if f.required:
                reading.problem(f.key, "intake.required")
            continue
        _READERS[f.key](reading, f, answer)
    if team_logins(reading.data) and not is_member(reading.data, author):
        reading.problem("team.members", "intake.author-not-member", login=author)
    return reading


def _one_line(reading: Reading, f: FormField, answer: str) -> str:
    if "\n" in answer:
        reading.problem(f.key, "intake.one-line")
    return " ".join(answer.split())


def _text(reading: Reading, f: FormField, answer: str) -> None:
    reading.put(f.key, _one_line(reading, f, answer))


def _slug(reading: Reading, f: FormField, answer: str) -> None:
    slug = _one_line(reading, f, answer)
    if not SLUG.match(slug):
        reading.problem(f.key, "intake.bad-slug", slug=slug[:80])
    else:
        reading.slug = slug


def _description(reading: Reading, f: FormField, answer: str) -> None:
    reading.put(f.key, answer)


def _tags(reading: Reading, f: FormField, answer: str) -> None:
    tags = [" ".join(tag.split()) for tag in _TAG_SPLIT.split(_one_line(reading, f, answer))]
    reading.put(f.key, [tag for tag in tags if tag])


def _dropdown(reading: Reading, f: FormField, answer: str) -> None:
    chosen = " ".join(answer.split())
    option = next((o for o in f.options if o.label == chosen), None)
    if option is None:
        reading.problem(f.key, "intake.unknown-option", value=chosen[:80],
                        allowed=", ".join(o.label for o in f.options))
    else:
        reading.put(f.key, option.value)


def _checkboxes(reading: Reading, f: FormField, answer: str | None) -> None:
    checked: set[str] = set()
    for line in (answer or "").split("\n"):
        box = _CHECKBOX.match(line)
        if box is None or box.group(1) == " ":
            continue
        text = " ".join(box.group(2).split())
        option = next((o for o in f.options if o.label == text), None)
        if option is None:
            reading.problem(f.key, "intake.unknown-option", value=text[:80],
                            allowed=", ".join(o.label for o in f.options))
        else:
            checked.add(option.value)
    if f.key == CONFIRM_KEY:
        for option in f.options:
            if option.required and option.value not in checked:
                reading.problem(f.key, "intake.not-confirmed", option=option.label)
        return
    values = [o.value for o in f.options if o.value in checked]
    if values:
        reading.put(f.key, values)
    elif f.required or any(o.required for o in f.options):
        reading.problem(f.key, "intake.required")


def _rows(reading: Reading, f: FormField, answer: str, width: tuple[int, int],
          code: str) -> list[tuple[int, list[str]]]:
    """The answer's lines split at ``|``, with their line numbers (1-based)."""
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(answer.split("\n"), start=1):
        text = _LIST_MARK.sub("", line).strip()
        if not text:
            continue
        cells = [" ".join(cell.split()) for cell in re.split(r"[|｜]", text)]
        if not width[0] <= len(cells) <= width[1] or not all(cells[: width[0]]):
            reading.problem(f.key, code, ("intake.answer-line", {"line": number}),
                            text=text[:80])
            continue
        rows.append((number, cells))
    return rows


def _members(reading: Reading, f: FormField, answer: str) -> None:
    members: list[dict[str, str]] = []
    lines: list[int] = []
    for number, cells in _rows(reading, f, answer, (2, 3), "intake.member-line"):
        member = {"name": cells[0], "github": cells[1].removeprefix("@")}
        if len(cells) == 3 and cells[2]:
            member["role"] = cells[2]
        members.append(member)
        lines.append(number)
    reading.lines[f.key] = lines
    if members:
        reading.put(f.key, members)
    elif not any(p.key == f.key for p in reading.problems):
        reading.problem(f.key, "intake.required")


def _datasets(reading: Reading, f: FormField, answer: str) -> None:
    datasets: list[dict[str, str]] = []
    lines: list[int] = []
    for number, cells in _rows(reading, f, answer, (3, 3), "intake.dataset-line"):
        datasets.append({"name": cells[0], "provider": cells[1], "url": cells[2]})
        lines.append(number)
    reading.lines[f.key] = lines
    if datasets:
        reading.put(f.key, datasets)


def _screenshots(reading: Reading, f: FormField, answer: str) -> None:
    urls = list(dict.fromkeys(_URL.findall(answer)))
    for url in urls:
        if not is_attachment(url):
            reading.problem(f.key, "intake.screenshot-not-attachment", url=url[:100])
    reading.images = [url for url in urls if is_attachment(url)]
    if not urls:
        reading.problem(f.key, "intake.screenshot-none")


_READERS: dict[str, Callable[[Reading, FormField, str], None]] = {
    "slug": _slug, "title": _text, "summary": _text, "description": _description,
    "category": _dropdown, "tags": _tags, "team.name": _text, "team.members": _members,
    "links.service": _text, "links.source": _text, "links.video": _text, "links.docs": _text,
    "public_data": _datasets, "license": _text, "screenshots": _screenshots,
}


# --- the form against the contest -----------------------------------------------------


def check_form(
    root: Path, category_ids: Iterable[str], platform_ids: Iterable[str]
) -> list[Problem]:
    """Problems of the issue form for ``contest validate``: a form `contest intake`
    cannot read, or choices that drifted from contest.yml's categories or the entry
    schema's platforms (an entrant would pick a choice that is then refused)."""
    if not (root / FORM_FILE).exists():
        return []
    try:
        fields = load_form(root)
    except ContestDefinitionError as exc:
        detail = messages.by_language(exc.code, exc.params) if exc.code else str(exc)
        return [Problem(FORM_FILE, None, None, "form.unreadable", {"detail": detail})]
    problems = []
    for key, expected in (("category", category_ids), ("platforms", platform_ids)):
        form_field = next(f for f in fields if f.key == key)
        offered = [option.value for option in form_field.options]
        wanted = list(expected)
        missing = [value for value in wanted if value not in offered]
        unknown = [value for value in offered if value not in wanted]
        if missing or unknown:
            problems.append(Problem(
                FORM_FILE, None, None, "form.choices-drift",
                {"field": key, "missing": missing or "-", "unknown": unknown or "-"}, key,
            ))
    return problems
