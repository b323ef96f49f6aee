"""`contest intake`: an entry submitted with the issue form, written as entries/<slug>/.

Entrants who do not use git fill in the form .github/ISSUE_TEMPLATE/entry.yml.
GitHub puts the answers into the issue body as ``### <label>`` sections
(``_No response_`` for an empty answer, the option's text for a dropdown,
``- [x] option`` lines for checkboxes), and sends an ``issues`` webhook when the
issue is opened or edited. This module reads that body back into an entry.

The form file itself says which section is which field: every label ends with
the entry.yml key in parentheses, ``서비스 주소 (links.service)``, and every
dropdown or checkbox option starts with its id, ``web — 웹``. Reading the form
from the trusted checkout keeps the form and the parser from drifting apart:
a label renamed in the form is renamed here too, and a field this module does
not know stops the command instead of being dropped.

The body is hostile: anyone can open an issue, and an edited issue is free
Markdown that never went through the form. It is capped in size and never
parsed as YAML; a section that is missing or appears twice (an answer that
contains another field's heading) is refused, not guessed. The manifest is
built as Python values, written with `yamldump` (quoted wherever a YAML reader
could take text for something else) under the yaml-language-server modeline,
and read back through the strict loader.

Screenshots are the images attached to the form's screenshot field. Only
GitHub's own attachment addresses are fetched (`attachments`), through a
fetcher that is a parameter, each image checked by `images` and saved as
``screenshot-<n>.<ext>`` after its real format.

Everything is first assembled in a temporary folder and checked like a pull
request would be (schema, entry checks, duplicates of the entries already in
the contest); only a form with no error reaches ``entries/<slug>/``. Each
problem is reported against the form field it came from, in the contest's
language, so the entrant can edit the issue and try again.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder import duplicates, images, messages, schemas, yamldump
from site_builder.attachments import Fetcher, FetchError, is_attachment
from site_builder.contest import Contest, load_contest
from site_builder.entries import ENTRIES_DIR, MANIFEST, SLUG, discover, load_entry, manifest_display
from site_builder.entry_checks import check_entry
from site_builder.errors import ContestDefinitionError, ContestError, UsageError
from site_builder.loader import LoadFailure, load_file
from site_builder.problems import Problem
from site_builder.reporter import markdown_escape

FORM_FILE = ".github/ISSUE_TEMPLATE/entry.yml"
FORM_SIZE_LIMIT = 256 * 1024
EVENT_SIZE_LIMIT = 25 * 1024 * 1024
"""GitHub caps webhook payloads at 25 MB."""
BODY_LIMIT = 65_536
"""GitHub's own limit on an issue body, in characters."""
NO_RESPONSE = "_No response_"
MARKER = "<!-- contest-bot:intake -->"
MODELINE = "# yaml-language-server: $schema=../../schema/entry.schema.json"
SLUG_KEY = "slug"
CONFIRM_KEY = "confirm"
PLACEHOLDER_SLUG = "new-entry"
"""Where a form whose slug is unusable is assembled, so its other fields are still checked."""

_LABEL_KEY = re.compile(r"\(([a-z_]+(?:\.[a-z_]+)?)\)\s*$")
_OPTION_ID = re.compile(r"^([a-z0-9][a-z0-9_-]*) — ")
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
_CHECKBOX = re.compile(r"^\s*[-*]\s+\[([ xX])\]\s+(.*?)\s*$")
_LIST_MARK = re.compile(r"^\s*[-*]\s+")
_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.IGNORECASE)
_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_TAG_SPLIT = re.compile(r"[,，、]")
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
)


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
_KINDS: dict[str, tuple[str, ...]] = {
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
        raise ContestDefinitionError(
            f"{FORM_FILE}: {failure.problem.message('en')}", [failure.problem]
        ) from None
    body = document.data.get("body") if isinstance(document.data, dict) else None
    if not isinstance(body, list):
        raise ContestDefinitionError(f"{FORM_FILE} has no body")
    fields: list[FormField] = []
    for element in body:
        if not isinstance(element, dict) or element.get("type") == "markdown":
            continue
        fields.append(_form_field(element))
    keys = [f.key for f in fields]
    missing = [key for key in _KINDS if key not in keys]
    if missing or len(set(keys)) != len(keys):
        raise ContestDefinitionError(
            f"{FORM_FILE} must have each of these fields once: {', '.join(_KINDS)}"
            f" (missing: {', '.join(missing) or 'none'})"
        )
    return tuple(fields)


def _form_field(element: Mapping[str, Any]) -> FormField:
    kind = element.get("type")
    attributes = element.get("attributes") or {}
    label = attributes.get("label")
    match = _LABEL_KEY.search(label) if isinstance(label, str) else None
    if not isinstance(kind, str) or not isinstance(label, str) or match is None:
        raise ContestDefinitionError(
            f"{FORM_FILE}: every field's label must end with its entry.yml key in "
            f"parentheses, such as '서비스 주소 (links.service)': {label!r}"
        )
    key = match.group(1)
    if kind not in _KINDS.get(key, ()):
        raise ContestDefinitionError(
            f"{FORM_FILE}: `contest intake` cannot read a {kind} field for '{key}'"
        )
    validations = element.get("validations") or {}
    options: list[Option] = []
    for raw in attributes.get("options") or []:
        text = raw.get("label") if isinstance(raw, dict) else raw
        if not isinstance(text, str):
            raise ContestDefinitionError(f"{FORM_FILE}: an option of '{key}' is not text")
        option_id = _OPTION_ID.match(text)
        if key != CONFIRM_KEY and option_id is None:
            raise ContestDefinitionError(
                f"{FORM_FILE}: the option {text!r} of '{key}' must start with its id "
                "and ' — ', such as 'web — 웹'"
            )
        value = option_id.group(1) if option_id else text
        required = isinstance(raw, dict) and raw.get("required") is True
        options.append(Option(" ".join(text.split()), value, required))
    return FormField(key, label, kind, validations.get("required") is True, tuple(options))


# --- the event ------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueEvent:
    """The fields of an ``issues`` payload that intake uses."""

    action: str
    number: int
    login: str
    body: str


def read_event(path: Path) -> IssueEvent:
    try:
        with path.open("rb") as handle:
            raw = handle.read(EVENT_SIZE_LIMIT + 1)
    except OSError as exc:
        raise UsageError(f"cannot read the event payload {path}: {exc.strerror or exc}") from None
    if len(raw) > EVENT_SIZE_LIMIT:
        raise UsageError(f"the event payload {path} is larger than {EVENT_SIZE_LIMIT:,} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"the event payload {path} is not JSON: {exc}") from None
    return event_from_payload(data)


def event_from_payload(data: Any) -> IssueEvent:
    """The trusted fields of an ``issues`` payload; another shape is a wiring mistake."""

    def wrong(what: str) -> UsageError:
        return UsageError(
            f"the event payload is not an issues payload: {what} (trigger the workflow "
            "with on: issues, types [opened, edited])"
        )

    issue = data.get("issue") if isinstance(data, dict) else None
    if not isinstance(issue, dict):
        raise wrong("'issue' is missing")
    action = data.get("action")
    if action not in ("opened", "edited"):
        raise wrong(f"the action is {str(action)[:20]!r}")
    if "pull_request" in issue:
        raise wrong("it is about a pull request")
    number = issue.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise wrong("'issue.number' is not a positive number")
    user = issue.get("user")
    login = user.get("login") if isinstance(user, dict) else None
    if not isinstance(login, str) or not _LOGIN.match(login.removesuffix("[bot]")):
        raise wrong("'issue.user.login' is not a GitHub login")
    body = issue.get("body")
    if body is not None and not isinstance(body, str):
        raise wrong("'issue.body' is not text")
    return IssueEvent(str(action), number, login, body or "")


# --- problems -----------------------------------------------------------------------


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


@dataclass
class IntakeResult:
    slug: str | None
    branch: str | None
    title: str | None
    reply: str
    problems: list[FormProblem]

    @property
    def exit_code(self) -> int:
        return 1 if any(p.severity == "error" for p in self.problems) else 0

    def as_json(self) -> dict[str, Any]:
        return {"slug": self.slug, "branch": self.branch, "title": self.title,
                "reply": self.reply}


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
class _Reading:
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
) -> _Reading:
    reading = _Reading()
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
    members = reading.data.get("team", {}).get("members")
    if isinstance(members, list) and members and not any(
        m["github"].casefold() == author.casefold() for m in members
    ):
        reading.problem("team.members", "intake.author-not-member", login=author)
    return reading


def _one_line(reading: _Reading, f: FormField, answer: str) -> str:
    if "\n" in answer:
        reading.problem(f.key, "intake.one-line")
    return " ".join(answer.split())


def _text(reading: _Reading, f: FormField, answer: str) -> None:
    reading.put(f.key, _one_line(reading, f, answer))


def _slug(reading: _Reading, f: FormField, answer: str) -> None:
    slug = _one_line(reading, f, answer)
    if not SLUG.match(slug):
        reading.problem(f.key, "intake.bad-slug", slug=slug[:80])
    else:
        reading.slug = slug


def _description(reading: _Reading, f: FormField, answer: str) -> None:
    reading.put(f.key, answer)


def _tags(reading: _Reading, f: FormField, answer: str) -> None:
    tags = [" ".join(tag.split()) for tag in _TAG_SPLIT.split(_one_line(reading, f, answer))]
    reading.put(f.key, [tag for tag in tags if tag])


def _dropdown(reading: _Reading, f: FormField, answer: str) -> None:
    chosen = " ".join(answer.split())
    option = next((o for o in f.options if o.label == chosen), None)
    if option is None:
        reading.problem(f.key, "intake.unknown-option", value=chosen[:80],
                        allowed=", ".join(o.label for o in f.options))
    else:
        reading.put(f.key, option.value)


def _checkboxes(reading: _Reading, f: FormField, answer: str | None) -> None:
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


def _rows(reading: _Reading, f: FormField, answer: str, width: tuple[int, int],
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


def _members(reading: _Reading, f: FormField, answer: str) -> None:
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


def _datasets(reading: _Reading, f: FormField, answer: str) -> None:
    datasets: list[dict[str, str]] = []
    lines: list[int] = []
    for number, cells in _rows(reading, f, answer, (3, 3), "intake.dataset-line"):
        datasets.append({"name": cells[0], "provider": cells[1], "url": cells[2]})
        lines.append(number)
    reading.lines[f.key] = lines
    if datasets:
        reading.put(f.key, datasets)


def _screenshots(reading: _Reading, f: FormField, answer: str) -> None:
    urls = list(dict.fromkeys(_URL.findall(answer)))
    for url in urls:
        if not is_attachment(url):
            reading.problem(f.key, "intake.screenshot-not-attachment", url=url[:100])
    reading.images = [url for url in urls if is_attachment(url)]
    if not urls:
        reading.problem(f.key, "intake.screenshot-none")


_READERS: dict[str, Callable[[_Reading, FormField, str], None]] = {
    "slug": _slug, "title": _text, "summary": _text, "description": _description,
    "category": _dropdown, "tags": _tags, "team.name": _text, "team.members": _members,
    "links.service": _text, "links.source": _text, "links.video": _text, "links.docs": _text,
    "public_data": _datasets, "license": _text, "screenshots": _screenshots,
}


# --- screenshots ----------------------------------------------------------------------


def image_suffix(raw: bytes) -> str | None:
    """The file extension for an image's real format (from its first bytes), or None."""
    for magic, suffix in _MAGIC:
        if raw.startswith(magic):
            return suffix
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return ".webp"
    return None


def save_screenshots(
    urls: list[str], folder: Path, fetch: Fetcher, limit: int
) -> tuple[list[str], list[FormProblem]]:
    """Download each image into `folder` as screenshot-<n>.<ext> and check it.

    A transient failure (network, GitHub) stops the command; everything else
    is a problem with that image, for the entrant."""
    names: list[str] = []
    problems: list[FormProblem] = []
    if len(urls) > limit:
        return names, [FormProblem("screenshots", "intake.screenshot-too-many",
                                   {"count": len(urls), "limit": limit})]
    for index, url in enumerate(urls, start=1):
        where = ("intake.image", {"index": index})
        try:
            raw = fetch(url, images.MAX_BYTES)
        except FetchError as exc:
            if not exc.permanent:
                raise UsageError(f"image {index} could not be downloaded now: {exc.detail}"
                                 ) from None
            problems.append(FormProblem("screenshots", "intake.screenshot-unavailable",
                                        {"index": index, "detail": exc.detail}, where))
            continue
        if len(raw) > images.MAX_BYTES:
            problems.append(FormProblem("screenshots", "intake.screenshot-too-large",
                                        {"index": index, "limit_mb": images.MAX_BYTES >> 20},
                                        where))
            continue
        suffix = image_suffix(raw)
        name = f"screenshot-{index}{suffix or ''}"
        if suffix is None:
            problems.append(FormProblem("screenshots", "screenshot.not-image",
                                        {"path": name}, where))
            continue
        (folder / name).write_bytes(raw)
        found = images.check_image(folder / name, name)
        if found is not None:
            # Not kept: the folder must hold only what entry.yml lists.
            (folder / name).unlink()
            problems.append(FormProblem("screenshots", found.code, found.params, where))
            continue
        names.append(name)
    return names, problems


# --- the whole intake -----------------------------------------------------------------


def intake_issue(
    root: Path, event: IssueEvent, *, fetch: Fetcher, lang: str | None = None
) -> IntakeResult:
    """Read the issue's form; on success, write entries/<slug>/ under `root`."""
    loaded = load_contest(root)
    if loaded.contest is None:
        raise ContestDefinitionError(
            "contest.yml is not valid: run `contest validate contest.yml`", list(loaded.problems)
        )
    contest = loaded.contest
    language = messages.normalize_language(lang or contest.language)
    form = load_form(root)
    if len(event.body) > BODY_LIMIT:
        problem = FormProblem(None, "intake.body-too-large",
                              {"size": len(event.body), "limit": BODY_LIMIT})
        return _refused([problem], form, language)
    answers, problems = split_sections(event.body, form)
    if any(p.code == "intake.not-a-form" for p in problems):
        return _refused(problems, form, language)
    reading = read_answers(answers, form, event.login)
    problems += reading.problems
    slug = reading.slug
    if slug is not None and (root / ENTRIES_DIR / slug).exists():
        problems.append(FormProblem(SLUG_KEY, "intake.slug-taken", {"slug": slug}))
    entry_schema = schemas.load_schema(root / "schema", schemas.ENTRY)
    limit = int(entry_schema.property_schema(["screenshots"]).get("maxItems", 8))
    with tempfile.TemporaryDirectory(prefix="contest-intake-") as scratch:
        staging = Path(scratch)
        folder = staging / ENTRIES_DIR / (slug or PLACEHOLDER_SLUG)
        folder.mkdir(parents=True)
        names, image_problems = save_screenshots(reading.images, folder, fetch, limit)
        problems += image_problems
        if names:
            reading.put("screenshots", names)
        data = _ordered(reading.data, entry_schema.document)
        text = manifest_text(data, event.number, language, folder.name)
        (folder / MANIFEST).write_text(text, encoding="utf-8", newline="\n")
        problems += _entry_problems(root, staging, folder.name, contest, entry_schema, reading,
                                    skip={p.key for p in problems})
        if any(p.severity == "error" for p in problems) or slug is None:
            return _refused(problems, form, language)
        target = root / ENTRIES_DIR / slug
        shutil.copytree(folder, target)
    _prove_round_trip(root, slug, data, entry_schema)
    title = data.get("title")
    return IntakeResult(
        slug=slug,
        branch=f"intake/{event.number}-{slug}",
        title=title if isinstance(title, str) else None,
        reply=messages.render("intake.reply-ok", language, {"slug": slug}),
        problems=problems,
    )


def manifest_text(data: Mapping[str, Any], number: int, lang: str, slug: str) -> str:
    header = [MODELINE, f"# {messages.render('intake.manifest-comment', lang, {'number': number})}"]
    return "\n".join(header) + "\n" + yamldump.dump(dict(data), manifest_display(slug))


def _ordered(data: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    """`data` with keys in the schema's order (how people read an entry.yml)."""
    properties = schema.get("properties") or {}
    order = list(properties)
    result: dict[str, Any] = {}
    for key in sorted(data, key=lambda k: order.index(k) if k in order else len(order)):
        value = data[key]
        child = properties.get(key) or {}
        if isinstance(value, dict):
            value = _ordered(value, child)
        elif isinstance(value, list):
            items = child.get("items") or {}
            value = [_ordered(v, items) if isinstance(v, dict) else v for v in value]
        result[key] = value
    return result


def _entry_problems(
    root: Path, staging: Path, slug: str, contest: Contest, schema: schemas.Schema,
    reading: _Reading, skip: set[str | None],
) -> list[FormProblem]:
    """The checks of a pull request, on the assembled entry, as form problems. Fields
    that already have a form problem are left out (one explanation per field)."""
    load = load_entry(staging, slug, schema)
    found: list[Problem] = [*load.problems, *check_entry(staging, load, contest, schema)]
    others = [
        duplicates.quick_identity(root, other) for other in discover(root).slugs if other != slug
    ]
    mine = duplicates.Identity.of(slug, manifest_display(slug), load.document)
    found += duplicates.find_one(mine, others)
    result: list[FormProblem] = []
    for problem in found:
        key, where = _form_place(problem, reading)
        if key in skip:
            continue
        result.append(FormProblem(key, problem.code, problem.params, where, problem.severity))
    return result


def _form_place(
    problem: Problem, reading: _Reading
) -> tuple[str | None, tuple[str, Mapping[str, Any]] | None]:
    """Which form field a problem of the assembled entry.yml belongs to."""
    path = problem.field or ""
    for key in sorted(_KINDS, key=len, reverse=True):
        if path == key or path.startswith((key + ".", key + "[")):
            index = re.match(r"\[(\d+)\]", path[len(key):])
            if index is None:
                return key, None
            position = int(index.group(1))
            if key == "screenshots":
                return key, ("intake.image", {"index": position + 1})
            lines = reading.lines.get(key, [])
            if position < len(lines):
                return key, ("intake.answer-line", {"line": lines[position]})
            return key, None
    return None, None


def _prove_round_trip(root: Path, slug: str, data: Mapping[str, Any],
                      schema: schemas.Schema) -> None:
    load = load_entry(root, slug, schema)
    if load.document is None or load.document.data != data:  # pragma: no cover - a bug
        raise ContestError(f"{manifest_display(slug)} does not read back as it was written")


# --- the reply ------------------------------------------------------------------------


def _refused(problems: list[FormProblem], form: Iterable[FormField], lang: str) -> IntakeResult:
    return IntakeResult(None, None, None, render_reply(problems, form, lang), problems)


def render_reply(problems: list[FormProblem], form: Iterable[FormField], lang: str) -> str:
    """The Markdown answer on the issue: each problem under the form field it is about."""
    fields = list(form)
    order = {f.key: index for index, f in enumerate(fields)}
    labels = {f.key: f.label for f in fields}
    errors = [p for p in problems if p.severity == "error"]
    errors.sort(key=lambda p: order.get(p.key, -1) if p.key else -1)
    lines = [
        MARKER,
        f"### {messages.render('intake.reply-title', lang)}",
        "",
        messages.render("intake.reply-intro", lang, {"count": len(errors)}),
        "",
    ]
    for problem in errors:
        name = labels.get(problem.key, "") if problem.key else ""
        head = markdown_escape(name) if name else messages.render("intake.general", lang)
        if problem.where is not None:
            head += ", " + messages.render(problem.where[0], lang, problem.where[1])
        # The catalogue's sentences are ours and may hold Markdown (`code`); what
        # the entrant wrote reaches them only as parameters, escaped here.
        params = _escaped(problem.params)
        message = " ".join(messages.render(problem.code, lang, params).split())
        lines.append(f"- **{head}**: {message}")
        hint = messages.render_hint(problem.code, lang, params)
        if hint:
            lines.append(f"  - {messages.render('ui.how-to-fix', lang)}: {' '.join(hint.split())}")
    return "\n".join(lines) + "\n"


def _escaped(params: Mapping[str, Any]) -> dict[str, Any]:
    def one(value: Any) -> Any:
        if isinstance(value, str):
            return markdown_escape(value)
        if isinstance(value, Mapping):
            return {k: one(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [one(v) for v in value]
        return value

    return {key: one(value) for key, value in params.items()}
