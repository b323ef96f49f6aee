"""Checks on one entry beyond its schema: category, links, images, license, personal data.

They run on the manifest's data even when the schema failed, guarding every
access, so an entrant sees all that is wrong in one round trip instead of
fixing the schema errors only to meet the next layer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from site_builder.core import links, schemas
from site_builder.core.contest import Contest
from site_builder.core.loader import Document
from site_builder.core.problems import MAX_PER_FILE, MORE_PROBLEMS, Problem, Severity, dotted
from site_builder.core.schemas import Schema, label
from site_builder.submissions import characters, images, licenses, markup, privacy, scaffold
from site_builder.submissions.entries import ENTRIES_DIR, MANIFEST, EntryLoad, slug_problem

_MD_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]+)"  # inline link or image: [text](target "title")
    r"|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>"  # autolink: <scheme:...>
    # Reference definition: [id]: target "title", the target maybe on the next line.
    r"|^[ \t]*\[[^\]]+\]:\s*<?([^\s>]+)",
    re.M,
)
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_IMAGE_NAME = re.compile(r"\.(?:png|jpe?g|webp)$", re.I)


def check_entry(
    root: Path, load: EntryLoad, contest: Contest | None, schema: Schema
) -> list[Problem]:
    problems: list[Problem] = []
    bad_slug = slug_problem(load.slug)
    if bad_slug is not None:
        problems.append(bad_slug)
    doc = load.document
    if doc is None or not isinstance(doc.data, dict):
        return problems
    data: dict[str, Any] = doc.data
    folder = root / ENTRIES_DIR / load.slug
    problems.extend(_category(doc, data, contest, schema))
    problems.extend(_links(doc, data, schema))
    problems.extend(_license(doc, data))
    problems.extend(_hidden_characters(doc, data, schema, load.problems))
    problems.extend(_personal_data(doc, data, schema))
    problems.extend(_description_links(doc, data, schema))
    shots = _look_at_screenshots(data, folder)
    problems.extend(_screenshots(doc, data, folder, load.slug, shots))
    problems.extend(_placeholders(doc, data, schema, shots))
    return problems


def _category(
    doc: Document, data: Mapping[str, Any], contest: Contest | None, schema: Schema
) -> Iterator[Problem]:
    category = data.get("category")
    if contest is None or not isinstance(category, str) or contest.category(category):
        return
    # A value of the wrong form was already explained by the schema check.
    pattern = schema.property_schema(["category"]).get("pattern")
    if isinstance(pattern, str) and not schemas.pattern(pattern).search(category):
        return
    line, column = doc.locate(["category"])
    allowed = ", ".join(f"{c.id} ({c.name})" for c in contest.categories)
    yield Problem(
        doc.file, line, column, "entry.unknown-category",
        {"category": category, "allowed": allowed}, "category",
    )


def _url_fields(data: Mapping[str, Any]) -> Iterator[tuple[list[str | int], str]]:
    link_map = data.get("links")
    if isinstance(link_map, dict):
        for key, value in link_map.items():
            if isinstance(value, str):
                yield ["links", key], value
    datasets = data.get("public_data")
    if isinstance(datasets, list):
        for index, item in enumerate(datasets):
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                yield ["public_data", index, "url"], item["url"]


def _links(doc: Document, data: Mapping[str, Any], schema: Schema) -> Iterator[Problem]:
    pattern = schemas.pattern(schema.document["definitions"]["https_url"]["pattern"])
    for path, value in _url_fields(data):
        # What fails the schema's pattern was already explained by the schema
        # check; this catches what the pattern lets through (private hosts).
        if pattern.search(value) and links.problem_code(value) is not None:
            problem = links.check(value, doc, path, label(schema.document, path))
            if problem is not None:
                yield problem


def _license(doc: Document, data: Mapping[str, Any]) -> Iterator[Problem]:
    value = data.get("license")
    if not isinstance(value, str) or not value.strip():
        return
    found = licenses.check(value)
    if found is None:
        return
    code, params = found
    line, column = doc.locate(["license"])
    severity: Severity = "warning" if code == "license.not-canonical" else "error"
    yield Problem(doc.file, line, column, code, params, "license", severity)


def _strings(value: Any) -> Iterator[tuple[list[str | int], str]]:
    stack: list[tuple[list[str | int], Any]] = [([], value)]
    while stack:
        path, current = stack.pop()
        if isinstance(current, str):
            yield path, current
        elif isinstance(current, dict):
            stack.extend(([*path, key], child) for key, child in current.items())
        elif isinstance(current, list):
            stack.extend(([*path, index], child) for index, child in enumerate(current))


def _hidden_characters(
    doc: Document, data: Mapping[str, Any], schema: Schema, known: Sequence[Problem]
) -> Iterator[Problem]:
    # A value whose form the schema refused (a login with a line break) is reported once.
    refused = {p.field for p in known if p.code == "schema.pattern"}
    found = []
    for path, text in _strings(data):
        multiline = len(path) == 1 and path[0] in characters.MULTILINE_FIELDS
        char = characters.forbidden(text, multiline=multiline)
        if char is not None and dotted(path) not in refused:
            found.append((path, char))
    # Only the offending values are located (locating every value cost more than the check).
    for path, char in sorted(found, key=lambda item: doc.locate(item[0])):
        line, column = doc.locate_text(path, char)
        yield Problem(
            doc.file, line, column, "text.hidden-character",
            {"label": label(schema.document, path), "character": characters.describe(char)},
            dotted(path) or None,
        )


def _personal_data(doc: Document, data: Mapping[str, Any], schema: Schema) -> Iterator[Problem]:
    # The file's text is what gets published, comments included, so it is
    # scanned as written, which also gives exact places. Values are scanned
    # too, for what only YAML escapes reveal ("\x30\x31\x30-...").
    seen: set[tuple[str, str]] = set()
    found = 0
    for finding in privacy.scan(doc.text):
        found += 1
        if found > MAX_PER_FILE:
            continue  # counted, not located: locating each of thousands is quadratic
        seen.add((finding.kind, finding.text))
        path = doc.path_at(finding.start)
        line, column = doc.position(finding.start)
        yield _privacy_problem(doc, finding, path, line, column, schema)
    if found > MAX_PER_FILE:
        yield Problem(doc.file, None, None, MORE_PROBLEMS, {"count": found - MAX_PER_FILE})
        return
    if "\\" not in doc.text:
        return  # no escapes: every value is in the text as scanned above
    for path, text in _strings(data):
        for finding in privacy.scan(text):
            if (finding.kind, finding.text) not in seen:
                seen.add((finding.kind, finding.text))
                line, column = doc.locate(path)
                yield _privacy_problem(doc, finding, path, line, column, schema)


def _privacy_problem(
    doc: Document, finding: privacy.Finding, path: list[str | int], line: int, column: int,
    schema: Schema,
) -> Problem:
    where = label(schema.document, path) if path else {"ko": "주석", "en": "a comment"}
    return Problem(
        doc.file, line, column, f"privacy.{finding.kind}",
        {"label": where, "masked": finding.masked}, dotted(path) or None,
    )


def _description_links(
    doc: Document, data: Mapping[str, Any], schema: Schema
) -> Iterator[Problem]:
    text = data.get("description")
    if not isinstance(text, str):
        return
    deep = markup.too_deep(text)
    if deep is not None:
        line, column = doc.locate(["description"])
        params = {"label": label(schema.document, ["description"]), **deep._asdict()}
        yield Problem(doc.file, line, column, "markdown.too-deep", params, "description")
        return  # its links are not looked at: the regular expression is as slow
    for match in _MD_LINK.finditer(text):
        target = next(g for g in match.groups() if g is not None)
        # Markdown keeps character references in the href and the browser
        # decodes them: "jav&#x61;script:" is a javascript: link.
        scheme = _SCHEME.match(html.unescape(target))
        if scheme and scheme.group(1).lower() not in ("https", "http"):
            line, column = doc.locate_text(["description"], target)
            yield Problem(
                doc.file, line, column, "markdown.unsafe-link",
                {"label": label(schema.document, ["description"]), "scheme": scheme.group(1)},
                "description",
            )


class _Shot(NamedTuple):
    """A listed screenshot, looked at once for both checks that need its file."""

    name: str
    problem: images.ImageProblem | None
    """Its place (outside the folder, missing, a link) or its image, if wrong."""
    info: Mapping[str, Any]
    """Its header's metadata (where `contest new` marks its placeholder)."""


def _look_at_screenshots(data: Mapping[str, Any], folder: Path) -> dict[int, _Shot]:
    listed = data.get("screenshots")
    shots: dict[int, _Shot] = {}
    for index, name in enumerate(listed if isinstance(listed, list) else []):
        if not isinstance(name, str):
            continue
        path, problem = images.safe_path(folder, name)
        if problem is None and path is not None:
            examined = images.examine(path, name)
            shots[index] = _Shot(name, examined.problem, examined.info)
        else:
            shots[index] = _Shot(name, problem, {})
    return shots


def _placeholders(
    doc: Document, data: Mapping[str, Any], schema: Schema, shots: Mapping[int, _Shot]
) -> Iterator[Problem]:
    """What `contest new` wrote for the entrant to replace, still there."""
    for key, sentences in scaffold.PLACEHOLDER_TEXT.items():
        value = data.get(key)
        if not isinstance(value, str):
            continue
        for sentence in sentences:
            if sentence in value:
                line, column = doc.locate_text([key], sentence)
                yield Problem(
                    doc.file, line, column, "entry.placeholder-text",
                    {"label": label(schema.document, [key])}, key,
                )
    team = data.get("team")
    members = team.get("members") if isinstance(team, dict) else None
    for index, member in enumerate(members if isinstance(members, list) else []):
        if isinstance(member, dict) and member.get("github") == scaffold.PLACEHOLDER_LOGIN:
            path: list[str | int] = ["team", "members", index, "github"]
            line, column = doc.locate(path)
            yield Problem(
                doc.file, line, column, "entry.placeholder-github",
                {"login": scaffold.PLACEHOLDER_LOGIN}, dotted(path),
            )
    for index, shot in sorted(shots.items()):
        if scaffold.is_placeholder(shot.info):
            line, column = doc.locate(["screenshots", index])
            yield Problem(
                doc.file, line, column, "entry.placeholder-screenshot",
                {"path": shot.name}, f"screenshots[{index}]",
            )


def _screenshots(
    doc: Document, data: Mapping[str, Any], folder: Path, slug: str,
    shots: Mapping[int, _Shot],
) -> Iterator[Problem]:
    listed = data.get("screenshots")
    names: Sequence[Any] = listed if isinstance(listed, list) else []
    accepted: set[str] = set()
    for index, name in enumerate(names):
        if not isinstance(name, str):
            continue
        accepted.add(name)
        if not _IMAGE_NAME.search(name) or characters.forbidden(name) is not None:
            continue  # the schema check or `_hidden_characters` already said why
        problem = shots[index].problem
        if problem is not None:
            line, column = doc.locate(["screenshots", index])
            yield Problem(
                doc.file, line, column, problem.code, {"slug": slug, **problem.params},
                f"screenshots[{index}]",
            )
    if not folder.is_dir():
        return
    for relative in images.listed_files(folder):
        if relative != MANIFEST and relative not in accepted:
            yield Problem(f"{ENTRIES_DIR}/{slug}/{relative}", None, None, "entry.unexpected-file")
