"""SPDX license expressions, checked with the license-expression library.

license-expression (maintained by nexB for ScanCode) knows the whole SPDX
list and the expression grammar (AND, OR, WITH, parentheses), which a regex
here would only approximate. Building its licensing table takes ~40 ms, so
it is built once, on first use, and only when a manifest has a license.
"""

from __future__ import annotations

from functools import cache
from typing import Any

_CUSTOM_PREFIXES = ("LicenseRef-", "DocumentRef-")


@cache
def _licensing() -> Any:
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


@cache
def check(expression: str) -> tuple[str, dict[str, str]] | None:
    """None if `expression` is valid SPDX; otherwise a message code and parameters.
    ``license.not-canonical`` (a warning) when valid but spelled differently."""
    text = expression.strip()
    try:
        info = _licensing().validate(text, strict=True)
    except Exception as exc:
        return "license.invalid", {"license": expression, "detail": _detail(exc)}
    errors = [e for e in info.errors if not _custom_only(e)]
    if errors:
        return "license.invalid", {"license": expression, "detail": "; ".join(errors)}
    normalized = info.normalized_expression
    if normalized and normalized != text and not info.errors:
        return "license.not-canonical", {"license": expression, "canonical": normalized}
    return None


def _custom_only(error: str) -> bool:
    # SPDX allows LicenseRef-<id> for licenses outside its list (KOGL, say).
    if not error.startswith("Unknown license key(s): "):
        return False
    keys = [k.strip() for k in error.split(":", 1)[1].split(",")]
    return all(k.startswith(_CUSTOM_PREFIXES) for k in keys)


def _detail(exc: Exception) -> str:
    if isinstance(exc, AttributeError):  # the library's own bug, not the entrant's words
        return "Invalid expression"
    message = str(exc).strip()
    return message.splitlines()[0] if message else type(exc).__name__
