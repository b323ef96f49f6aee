"""Exceptions that stop a command; problems with the contest's data are not exceptions.

Bad input (a manifest, a comment, a payload) becomes a `Problem` in a `Report`
and is rendered by a reporter. These exceptions are for the cases where a
command cannot go on at all; the CLI turns each into a message and exit code 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from site_builder.core.problems import Problem


class ContestError(Exception):
    """Base class: the command could not run. The message is shown to the user as is."""


class UsageError(ContestError):
    """Raised by domain functions when the caller's arguments cannot work
    (an unknown round id, a path outside the contest, an unparsable time)."""


class GitError(ContestError):
    """Raised by git-backed operations: not a repository, a base ref that cannot
    be found or fetched, a push that keeps failing."""


class ContestDefinitionError(ContestError):
    """Raised when a command needs a valid contest.yml and it is missing or invalid;
    carries the problems so the CLI can print them."""

    def __init__(self, message: str, problems: Sequence[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems or ())


class ContestInvalid(ContestDefinitionError):
    """contest.yml is missing or not valid, and the command needs the contest.

    Raised by `ContestLoad.require()` wherever a command needs a valid contest.
    It carries the problems (located, as message codes) and the language the
    contest asks for; the CLI prints them through the reporter and exits 2.
    """

    def __init__(self, problems: Sequence[Problem], language: str) -> None:
        from site_builder.core import messages

        self.language = language
        # The text of the exception itself, for where no reporter runs (a plain
        # `mkdocs build`, a log, a judge's error reply): in English, with the first
        # problems, so that it alone says what to fix.
        shown = "; ".join(f"{p.location()}: {p.message('en')}" for p in problems[:3])
        headline = messages.render("contest.invalid", "en", {"count": len(problems)})
        super().__init__(f"{headline} {shown}" if shown else headline, problems)
