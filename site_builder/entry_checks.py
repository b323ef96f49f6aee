"""Checks on one entry beyond its schema: category, links, images, license, personal data.

They run on the manifest's data even when the schema failed, guarding every
access, so an entrant sees all that is wrong in one round trip instead of
fixing the schema errors only to meet the next layer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from site_builder import images, licenses, links, privacy
from site_builder.contest import Contest
from site_builder.entries import ENTRIES_DIR, MANIFEST, EntryLoad, slug_problem
from site_builder.loader import Document
from site_builder.problems import Problem, dotted
from site_builder.schemas import Schema, label

_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.M)
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
    problems.extend(_category(doc, data, contest))
    problems.extend(_links(doc, data, schema))
    problems.extend(_license(doc, data))
    problems.extend(_personal_data(doc, data, schema))
    problems.extend(_description_links(doc, data, schema))
    problems.extend(_screenshots(doc, data, folder, load.slug))
    return problems


def _category(doc: Document, data: Mapping[str, Any], contest: Contest | None) -> Iterator[Problem]:
    category = data.get("category")
    if contest is None or not isinstance(category, str) or contest.category(category):
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
    pattern = re.compile(schema.document["definitions"]["https_url"]["pattern"])
    for path, value in _url_fields(data):
        # What fails the schema's pattern was already explained by the schema
        # check; this catches what the pattern lets through (private hosts).
        if pattern.search(value):
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
    severity = "warning" if code == "license.not-canonical" else "error"
    yield Problem(doc.file, line, column, code, params, "license", severity)


def _strings(value: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, [*path, key])
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, [*path, index])


def _personal_data(doc: Document, data: Mapping[str, Any], schema: Schema) -> Iterator[Problem]:
    for path, text in _strings(data, []):
        for finding in privacy.scan(text):
            line, column = doc.locate_text(path, finding.text)
            yield Problem(
                doc.file, line, column, f"privacy.{finding.kind}",
                {"label": label(schema.document, path), "masked": finding.masked},
                dotted(path),
            )


def _description_links(doc: Document, data: Mapping[str, Any], schema: Schema) -> Iterator[Problem]:
    text = data.get("description")
    if not isinstance(text, str):
        return
    for match in _MD_LINK.finditer(text):
        target = next(g for g in match.groups() if g is not None)
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in ("https", "http"):
            line, column = doc.locate_text(["description"], target)
            yield Problem(
                doc.file, line, column, "markdown.unsafe-link",
                {"label": label(schema.document, ["description"]), "scheme": scheme.group(1)},
                "description",
            )


def _screenshots(doc: Document, data: Mapping[str, Any], folder: Path, slug: str) -> Iterator[Problem]:
    listed = data.get("screenshots")
    names: Sequence[Any] = listed if isinstance(listed, list) else []
    accepted: set[str] = set()
    for index, name in enumerate(names):
        if not isinstance(name, str):
            continue
        accepted.add(name)
        if not _IMAGE_NAME.search(name):
            continue  # the schema already said which extensions are accepted
        path, problem = images.safe_path(folder, name)
        if problem is None and path is not None:
            problem = images.check_image(path, name)
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
