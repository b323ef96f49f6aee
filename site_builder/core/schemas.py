"""JSON Schema validation whose errors point at a line and speak the contest's language.

The schemas in schema/ are Draft-07 (what editors' YAML support understands).
jsonschema's own messages are English and name paths like
``$.team.members[0]``; here every error becomes a `Problem` with the line and
column of the offending YAML node, the field's title from the schema
(``x-ko``/``title``), and a hint. For anyOf/oneOf the best-matching branch's
reason is reported instead of "is not valid under any of the given schemas".
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

from site_builder.core import links, messages
from site_builder.core.errors import ContestDefinitionError
from site_builder.core.loader import Document
from site_builder.core.problems import MAX_PER_FILE, MORE_PROBLEMS, Problem, capped, dotted

ENTRY = "entry.schema.json"
CONTEST = "contest.schema.json"
SCORE = "score.schema.json"
REPORT = "report.schema.json"

_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$"
)

@cache
def _format_checker() -> Any:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time", raises=ValueError)(_is_datetime)
    return checker


# JSON Schema patterns are ECMA-262 regular expressions, where `$` is the end of the
# text. Python's `$` also matches before a final line break, so "octocat\n" would pass
# "^[A-Za-z0-9-]+$". fastjsonschema rewrites every unescaped `$` as `\Z`; jsonschema
# does not, and must not disagree with it (it is the one that explains, and an error
# it cannot find is no error at all). Every pattern of a schema goes through here.
_DOLLAR = re.compile(r"(?<!\\)\$")


@cache
def pattern(text: str) -> re.Pattern[str]:
    """A schema's `pattern` compiled as JSON Schema means it: `$` ends the text."""
    return re.compile(_DOLLAR.sub(r"\\Z", text))


@cache
def validator_class() -> Any:
    from jsonschema import Draft7Validator, validators
    from jsonschema.exceptions import ValidationError

    def check_pattern(validator: Any, wanted: str, instance: Any, _schema: Any) -> Any:
        if isinstance(instance, str) and not pattern(wanted).search(instance):
            yield ValidationError(f"{instance!r} does not match {wanted!r}")

    return validators.extend(Draft7Validator, {"pattern": check_pattern})


def _is_datetime(value: object) -> bool:
    # jsonschema checks date-time only with an extra package; this is the
    # whole of what the project needs: RFC 3339 with a mandatory offset.
    if not isinstance(value, str):
        return True
    if not _DATETIME.match(value):
        return False
    datetime.fromisoformat(value)
    return True


def parse_datetime(value: str) -> datetime:
    """Parse a schema-valid date-time (offset required) into an aware datetime."""
    if not _DATETIME.match(value):
        raise ValueError(value)
    return datetime.fromisoformat(value)


@dataclass(frozen=True)
class Schema:
    name: str
    document: Mapping[str, Any]
    fast: Callable[[Any], Any] | None = None
    """fastjsonschema's compiled check of the same schema, or None."""

    @cached_property
    def validator(self) -> Any:
        # jsonschema is imported and built only when a document has errors:
        # pull-request mode on a valid entry never pays for it.
        return validator_class()(self.document, format_checker=_format_checker())

    def check(self, doc: Document, data: Any | None = None) -> list[Problem]:
        """Every schema problem of `doc`, each located in the file."""
        instance = doc.data if data is None else data
        if self.fast is not None:
            # Most documents are valid: fastjsonschema (code generated from the
            # schema) says so in a fifteenth of jsonschema's time. Only when it
            # objects does jsonschema, the reference, find and explain every error.
            try:
                self.fast(instance)
            except fastjsonschema.JsonSchemaException:
                pass
            else:
                return []
        # Lists longer than their maxItems are reported here and cut to it before
        # jsonschema explains the rest: its uniqueItems compares objects pairwise
        # (22,685 objects in a tag list took 859 s), which a cut list bounds.
        cut: list[tuple[list[str | int], int, int]] = []
        instance = _cut_lists(instance, self.document, self.document, [], cut)
        problems = [_too_many(doc, self.document, path, count, limit) for path, count, limit in cut]
        more = 0
        for error in self.validator.iter_errors(instance):
            if len(problems) >= MAX_PER_FILE:
                more += _error_count(error)
                continue
            problems.extend(_to_problems(_best(error), doc, self.document))
        if more:
            problems.append(Problem(doc.file, None, None, MORE_PROBLEMS, {"count": more}))
        return capped(problems)

    def is_valid(self, instance: Any) -> bool:
        """Whether `instance` passes, without explaining why not (see `check`)."""
        if self.fast is None:
            return bool(self.validator.is_valid(instance))
        try:
            self.fast(instance)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    def property_schema(self, path: Sequence[str | int]) -> Mapping[str, Any]:
        return _subschema(self.document, path)


def load_schema(schema_dir: Path, name: str) -> Schema:
    path = schema_dir / name
    try:
        return _load_schema(str(path))
    except OSError as exc:
        # The organizers' file, not an entrant's: the command cannot run.
        raise ContestDefinitionError.coded("schema.file-unreadable", path=str(path),
                                           detail=str(exc.strerror or exc)) from None


def read_document(schema_dir: Path, name: str) -> Any | None:
    """The schema's JSON, not compiled; None when it cannot be read (`load_schema`
    then says why)."""
    try:
        return _read_document(str(schema_dir / name))
    except (OSError, ValueError):
        return None


@cache
def _read_document(path: str) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def schema_from_text(name: str, text: str) -> Schema:
    """A schema read from somewhere other than the work tree (a base commit)."""
    return _compile(name, text)


@cache
def _load_schema(path: str) -> Schema:
    return _compile(Path(path).name, Path(path).read_text(encoding="utf-8"))


def _compile(name: str, text: str) -> Schema:
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise _not_a_schema(name, str(exc)) from None
    if not isinstance(document, dict):
        raise _not_a_schema(name, "the file holds no JSON object")
    try:
        # Without detailed exceptions: it only says pass or fail (jsonschema explains a
        # failure), and the generated code is a third the size, so compiles 3x faster.
        fast = fastjsonschema.compile(document, formats={"date-time": _fast_datetime},
                                      detailed_exceptions=False)
    except Exception:  # fastjsonschema fails on malformed schemas with any error
        # A schema feature it lacks (jsonschema alone then decides) or a schema
        # that is not valid at all: jsonschema's meta-schema tells which, on
        # this rare path only.
        from jsonschema import Draft7Validator, SchemaError

        try:
            Draft7Validator.check_schema(document)
        except SchemaError as exc:
            raise _not_a_schema(name, exc.message) from None
        fast = None
    return Schema(name, document, fast)


def _not_a_schema(name: str, detail: str) -> ContestDefinitionError:
    first_line = detail.strip().splitlines()[0] if detail.strip() else "?"
    return ContestDefinitionError.coded("schema.not-a-schema", name=name, detail=first_line)


def check_schema(schema: Schema) -> None:
    """Raise jsonschema's SchemaError if the schema itself is not valid Draft-07."""
    from jsonschema import Draft7Validator

    Draft7Validator.check_schema(schema.document)


def _fast_datetime(value: str) -> bool:
    try:
        return _is_datetime(value)
    except ValueError:
        return False


def _cut_lists(
    value: Any, sub: Mapping[str, Any], root: Mapping[str, Any], path: list[str | int],
    cut: list[tuple[list[str | int], int, int]],
) -> Any:
    """`value` with every list longer than its schema's maxItems cut to it (a copy
    of the containers only); each cut noted in `cut` as (path, count, limit)."""
    sub = _resolve(root, sub)
    if isinstance(value, list):
        limit = sub.get("maxItems")
        if isinstance(limit, int) and len(value) > limit:
            cut.append((path, len(value), limit))
            value = value[:limit]
        items = sub.get("items")
        if not isinstance(items, Mapping):
            return value
        return [_cut_lists(v, items, root, [*path, i], cut) for i, v in enumerate(value)]
    if isinstance(value, dict):
        properties = sub.get("properties") or {}
        extra = sub.get("additionalProperties")
        fallback = extra if isinstance(extra, Mapping) else {}
        return {
            key: _cut_lists(child, properties.get(key, fallback), root, [*path, key], cut)
            for key, child in value.items()
        }
    return value


def _too_many(
    doc: Document, root: Mapping[str, Any], path: list[str | int], count: int, limit: int
) -> Problem:
    line, column = doc.locate(path)
    params = {"label": label(root, path), "limit": limit, "count": count}
    return Problem(doc.file, line, column, "schema.maxItems", params, dotted(path) or None)


def _error_count(error: ValidationError) -> int:
    # One error of additionalProperties becomes a problem per unknown key.
    if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
        allowed = (error.schema or {}).get("properties") or {}
        return max(1, len(set(error.instance) - set(allowed)))
    return 1


def _best(error: ValidationError) -> ValidationError:
    from jsonschema.exceptions import best_match

    while error.validator in ("anyOf", "oneOf") and error.context:
        error = best_match(error.context)
    return error


# --- turning an error into a problem ---------------------------------------

def _type_names(types: Sequence[str], lang: str) -> str:
    """`types` as people name them: "text or a whole number"."""
    named = [messages.render(f"schema.type-{t}", lang) for t in types]
    text = named[0]
    for name in named[1:]:
        text = messages.render("schema.type-either", lang, {"first": text, "second": name})
    return text


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _subschema(root: Mapping[str, Any], path: Sequence[str | int]) -> Mapping[str, Any]:
    node: Mapping[str, Any] = root
    for part in path:
        node = _resolve(root, node)
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            props = node.get("properties", {})
            node = props.get(part) or node.get("additionalProperties") or {}
            if not isinstance(node, Mapping):
                node = {}
    return _resolve(root, node)


def _resolve(root: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        merged = dict(target)
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return merged
    return node


def label(root: Mapping[str, Any], path: Sequence[str | int]) -> dict[str, str]:
    """How a field is named to people: its title in the contest's language and its path."""
    where = dotted(path) or "(root)"
    ko = en = None
    # A list item has no title of its own: name it by the nearest titled parent.
    for depth in range(len(path), 0, -1):
        sub = _subschema(root, path[:depth])
        ko = ko or (sub.get("x-ko") or {}).get("title")
        en = en or sub.get("title")
        if ko or en:
            break
    return {
        "ko": messages.render("schema.field-label", "ko", {"title": ko, "path": where})
        if ko else where,
        "en": messages.render("schema.field-label", "en", {"title": en, "path": where})
        if en else where,
    }


def _describe(sub: Mapping[str, Any]) -> dict[str, str]:
    return {
        "description_ko": (sub.get("x-ko") or {}).get("description", "") or "",
        "description_en": sub.get("description", "") or "",
    }


def _shorten(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if not text.isprintable():
        # A line break or a direction override inside a quoted value would garble the
        # report (or reverse it): such characters are shown as escapes.
        text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _to_problems(
    error: ValidationError, doc: Document, root: Mapping[str, Any]
) -> list[Problem]:
    path = list(error.absolute_path)
    keyword = str(error.validator)
    instance = error.instance
    sub = error.schema if isinstance(error.schema, Mapping) else {}
    params: dict[str, Any] = {"label": label(root, path)}
    field = dotted(path) or None

    if keyword == "required":
        missing = _missing_name(error)
        child_path = [*path, missing]
        line, column = doc.locate(path)
        params.update({"name": missing, **_describe(_subschema(root, child_path))})
        return [Problem(doc.file, line, column, "schema.required", params, dotted(child_path))]

    if keyword == "additionalProperties" and isinstance(instance, Mapping):
        allowed = sorted((sub.get("properties") or {}).keys())
        problems = []
        extras = sorted(set(instance) - set(allowed))
        for extra in extras[:MAX_PER_FILE]:
            line, column = doc.locate_key(path, extra)
            close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
            suggestion = (
                messages.both("schema.did-you-mean", {"name": close[0]})
                if close
                else messages.both("schema.allowed-fields", {"names": ", ".join(allowed)})
            )
            problems.append(
                Problem(
                    doc.file, line, column, "schema.additional",
                    {
                        "name": extra,
                        "suggestion_ko": suggestion["ko"],
                        "suggestion_en": suggestion["en"],
                    },
                    dotted([*path, extra]),
                )
            )
        if len(extras) > MAX_PER_FILE:
            more = {"count": len(extras) - MAX_PER_FILE}
            problems.append(Problem(doc.file, None, None, MORE_PROBLEMS, more))
        return problems

    line, column = doc.locate(path)
    code = f"schema.{keyword}"
    if keyword == "type":
        expected = error.validator_value
        expected_list = expected if isinstance(expected, list) else [expected]
        actual = _type_of(instance)
        params["expected_ko"] = _type_names(expected_list, "ko")
        params["expected_en"] = _type_names(expected_list, "en")
        params["actual_ko"] = _type_names([actual], "ko")
        params["actual_en"] = _type_names([actual], "en")
        quote = "string" in expected_list and actual in ("integer", "number", "boolean", "null")
        hint = messages.both("schema.type-quote-hint") if quote else {"ko": "", "en": ""}
        params["type_hint_ko"], params["type_hint_en"] = hint["ko"], hint["en"]
    elif keyword == "enum":
        params["value"] = _shorten(instance)
        params["allowed"] = ", ".join(str(v) for v in error.validator_value)
    elif keyword == "pattern":
        if sub.get("x-check") == "https-url" and isinstance(instance, str):
            problem = links.check(instance, doc, path, params["label"], failed_pattern=True)
            return [problem] if problem is not None else []
        params["value"] = _shorten(instance)
        params["pattern_hint_ko"] = (sub.get("x-hint") or {}).get("ko", "")
        params["pattern_hint_en"] = (sub.get("x-hint") or {}).get("en", "")
    elif keyword == "format":
        params["value"] = _shorten(instance)
    elif keyword in ("minLength", "maxLength"):
        params["limit"] = error.validator_value
        params["length"] = len(instance) if isinstance(instance, str) else 0
        params["over"] = params["length"] - params["limit"]
    elif keyword in ("minItems", "maxItems"):
        params["limit"] = error.validator_value
        params["count"] = len(instance) if isinstance(instance, list) else 0
    elif keyword in ("minimum", "maximum", "exclusiveMinimum"):
        params["limit"] = error.validator_value
        params["value"] = instance
    elif keyword == "propertyNames":
        params["value"] = _shorten(instance)
    elif keyword not in ("uniqueItems", "minProperties"):
        code = "schema.other"
        params["detail"] = error.message
    return [Problem(doc.file, line, column, code, params, field)]


_REQUIRED = re.compile(r"^'(.+)' is a required property$")


def _missing_name(error: ValidationError) -> str:
    # jsonschema yields one error per missing property and names it only
    # inside its English message.
    match = _REQUIRED.match(error.message)
    if match:
        return match.group(1)
    instance = error.instance if isinstance(error.instance, Mapping) else {}
    missing = [str(name) for name in error.validator_value if name not in instance]
    return missing[0] if missing else "?"


__all__ = [
    "CONTEST", "ENTRY", "REPORT", "SCORE", "Schema", "check_schema", "load_schema",
    "parse_datetime",
]
