"""CSV cells that a spreadsheet opens as text, never as a formula.

Entrants write titles, team names and tags; a cell beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is run as a formula by Excel or
LibreOffice (``=HYPERLINK(...)``, DDE). The OWASP rule: such a cell gets a
leading single quote, which spreadsheets show as text and nobody else minds.
"""

from __future__ import annotations

from typing import Any

FORMULA_START = tuple("=+-@\t\r")


def cell(value: Any) -> str:
    """`value` as a CSV cell: empty for None, true/false, and text made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
