"""Exceptions that stop a command; problems with the contest's data are not exceptions.

Bad input (a manifest, a comment, a payload) becomes a `Problem` in a `Report`
and is rendered by a reporter. These exceptions are for the cases where a
command cannot go on at all; the CLI turns each into a message and exit code 2.
"""


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

    def __init__(self, message: str, problems: list[object] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
