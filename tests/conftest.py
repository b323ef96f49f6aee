"""Shared fixtures: a contest in tmp_path, the golden-page option.

Everything lives under pytest's tmp_path, so tests run in parallel (pytest-xdist)
without sharing state. The helpers themselves live in contestkit.py (pytest puts
tests/ on the import path); the names below stay importable from here
(`from conftest import run_contest`) for the tests written that way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from contestkit import (
    CLI_TIMEOUT,
    MEMORY_LIMIT,
    REPO,
    VALID_ENTRY,
    ContestTree,
    assert_no_traceback,
    cli_env,
    entry_text,
    image_format,
    invoke_contest,
    make_image,
    new_contest,
    run_contest,
)

from site_builder.core import messages

# An unknown message code or a missing parameter fails a test instead of rendering
# a blank (site_builder/core/messages.py): here, and in every CLI child (cli_env).
messages.set_strict(True)

REPO_ROOT = REPO

__all__ = [
    "CLI_TIMEOUT", "MEMORY_LIMIT", "REPO_ROOT", "VALID_ENTRY", "ContestTree",
    "assert_no_traceback", "cli_env", "entry_text", "image_format", "invoke_contest",
    "make_image", "new_contest", "run_contest",
]


@pytest.fixture
def contest_tree(tmp_path: Path) -> ContestTree:
    """A minimal valid contest in tmp_path/contest, without entries."""
    return new_contest(tmp_path / "contest")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/ from the current output (also: UPDATE_GOLDEN=1).",
    )
