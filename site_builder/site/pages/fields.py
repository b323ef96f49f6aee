"""The entry.yml field reference, generated from schema/entry.schema.json.

Korean sites use each field's `x-ko` title and description; English ones the
schema's own `title`/`description`. The schema is the single source: a field
added there appears here on the next build.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import page_start, table
from site_builder.site.safe import text


def _label(node: Mapping[str, Any], lang: str) -> tuple[str, str]:
    local = node.get("x-ko", {}) if lang == "ko" else {}
    title = local.get("title") or node.get("title") or ""
    description = local.get("description") or node.get("description") or ""
    return str(title), str(description)


def _resolve(root: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        merged = dict(root.get("definitions", {}).get(ref.rsplit("/", 1)[1], {}))
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return merged
    return node


def _type(node: Mapping[str, Any]) -> str:
    if "enum" in node:
        return " | ".join(str(v) for v in node["enum"])
    kind = node.get("type", "")
    if kind == "array":
        items = node.get("items", {})
        inner = (
            " | ".join(str(v) for v in items["enum"]) if "enum" in items else items.get("type", "")
        )
        return f"[{inner}]"
    if isinstance(kind, list):
        return " | ".join(kind)
    limits = []
    if "maxLength" in node:
        limits.append(f"≤{node['maxLength']}")
    return str(kind) + (f" ({', '.join(limits)})" if limits else "")


def _rows(
    root: Mapping[str, Any], node: Mapping[str, Any], prefix: str, lang: str
) -> Iterator[list[str]]:
    required = set(node.get("required", ()))
    for name, child in node.get("properties", {}).items():
        child = _resolve(root, child)
        path = f"{prefix}{name}"
        title, description = _label(child, lang)
        detail = (
            f"<strong>{text(title)}</strong><br>{text(description)}" if title else text(description)
        )
        yes = ui.t("fields.yes", lang) if name in required else ui.t("fields.no", lang)
        yield [
            f"<code>{text(path)}</code>",
            text(yes),
            f"<code>{text(_type(child))}</code>",
            detail,
        ]
        if child.get("type") == "object":
            yield from _rows(root, child, f"{path}.", lang)
        items = child.get("items")
        if isinstance(items, Mapping) and items.get("type") == "object":
            yield from _rows(root, items, f"{path}[].", lang)


def fields_page(site: SiteInput) -> str:
    lang, schema = site.lang, site.entry_schema
    title = ui.t("nav.fields", lang)
    headers = [
        text(ui.t(k, lang))
        for k in ("fields.field", "fields.required", "fields.type", "fields.description")
    ]
    _, overview = _label(schema, lang)
    return "\n".join(
        [
            *page_start(title, ui.t("fields.intro", lang)),
            text(overview),
            "",
            table(headers, _rows(schema, schema, "", lang), "contest-fields"),
            "",
        ]
    )
