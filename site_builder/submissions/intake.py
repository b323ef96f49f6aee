"""`contest intake`: an entry submitted with the issue form, written as entries/<slug>/.

Entrants who do not use git fill in the form .github/ISSUE_TEMPLATE/entry.yml;
GitHub sends an ``issues`` webhook when the issue is opened or edited. This
module takes that payload to an entry: `entryform` reads the body back into
entry data by the form's own definition; the data is written with `yamldump`
(quoted wherever a YAML reader could take text for something else) under the
yaml-language-server modeline, and read back through the strict loader.

Screenshots are the images attached to the form's screenshot field. Only
GitHub's own attachment addresses are fetched (`attachments`), through a
fetcher that is a parameter, each image checked by `images` and saved as
``screenshot-<n>.<ext>`` after its real format.

Everything is first assembled in a temporary folder and checked as a pull
request would be (schema, entry checks, duplicates of the entries already in
the contest); only a form with no error reaches ``entries/<slug>/``. Each
problem is reported against the form field it came from, in the contest's
language, so the entrant can edit the issue and try again.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.core import github, messages, schemas, yamldump
from site_builder.core.contest import Contest, load_contest
from site_builder.core.errors import ContestError, UsageError
from site_builder.core.logins import is_login
from site_builder.core.problems import Problem
from site_builder.core.reporter import markdown_escape
from site_builder.submissions import duplicates, images
from site_builder.submissions.attachments import Fetcher, FetchError
from site_builder.submissions.entries import (
    ENTRIES_DIR,
    MANIFEST,
    discover,
    load_entry,
    manifest_display,
)
from site_builder.submissions.entry_checks import check_entry
from site_builder.submissions.entryform import (
    FIELD_KINDS,
    SLUG_KEY,
    FormField,
    FormProblem,
    Reading,
    load_form,
    read_answers,
    split_sections,
)

BODY_LIMIT = 65_536
"""GitHub's own limit on an issue body, in characters."""
MARKER = "<!-- contest-bot:intake -->"
MODELINE = "# yaml-language-server: $schema=../../schema/entry.schema.json"
ACTIONS = ("opened", "edited")
"""The actions of an ``issues`` event that carry a form to read."""
PLACEHOLDER_SLUG = "new-entry"
"""Where a form whose slug is unusable is assembled, so its other fields are still checked."""

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
)


# --- the event ------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueEvent:
    """The fields of an ``issues`` payload that intake uses."""

    action: str
    number: int
    login: str
    body: str


def read_event(path: Path) -> IssueEvent:
    """The payload file GitHub Actions writes to $GITHUB_EVENT_PATH."""
    return event_from_payload(github.read_payload(path))


def event_from_payload(data: Any) -> IssueEvent:
    """The trusted fields of an ``issues`` payload; another shape is a wiring mistake."""
    payload = github.Payload(data, "issues", "on: issues (types: [opened, edited])")
    payload.field("issue", dict)
    action = payload.field("action", str)
    if action not in ACTIONS:
        raise payload.wrong("action", "github.not-one-of", value=github.preview(action),
                            allowed=list(ACTIONS))
    if payload.present("issue.pull_request"):
        raise payload.wrong("issue.pull_request", "github.about-pull-request")
    number = payload.field("issue.number", int)
    if number < 1:
        raise payload.wrong("issue.number", "github.not-positive", value=number)
    login = payload.field("issue.user.login", str)
    # GitHub Apps open issues too; their login is a login with "[bot]" after it.
    if not is_login(login.removesuffix("[bot]")):
        raise payload.wrong("issue.user.login", "github.not-a-login",
                            value=github.preview(login))
    body = payload.optional("issue.body", str)
    return IssueEvent(action, number, login, body or "")


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
                raise UsageError.coded("intake.screenshot-fetch-failed", index=index,
                                       detail=exc.detail) from None
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
    contest = load_contest(root).require()
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
    reading: Reading, skip: set[str | None],
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
    problem: Problem, reading: Reading
) -> tuple[str | None, tuple[str, Mapping[str, Any]] | None]:
    """Which form field a problem of the assembled entry.yml belongs to."""
    path = problem.field or ""
    for key in sorted(FIELD_KINDS, key=len, reverse=True):
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
        raise ContestError.coded("intake.round-trip", path=manifest_display(slug))


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
