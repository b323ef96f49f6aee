"""Exceptions that stop a command; problems with the contest's data are not exceptions.

Bad input (a manifest, a comment, a payload) becomes a `Problem` in a `Report`
and is rendered by a reporter. These exceptions are for the cases where a
command cannot go on at all; the CLI turns each into a message and exit code 2.

An error made with `coded(code, **params)` carries a message code of
`core.messages` instead of a sentence: the CLI renders it in the language of
the contest (or `--lang`); `str()` of it is the English text, for logs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from site_builder.core.problems import Problem


class ContestError(Exception):
    """Base class: the command could not run. The message is shown to the user as is,
    unless the error carries a message code (see `coded`)."""

    code: str | None = None
    params: Mapping[str, Any] = {}

    @classmethod
    def coded(cls, code: str, **params: Any) -> Self:
        from site_builder.core import messages

        error = cls(messages.render(code, "en", params))
        error.code = code
        error.params = params
        return error

    def render(self, lang: str) -> str:
        """The message in `lang`, with its hint when the catalogue has one."""
        text, hint = self.parts(lang)
        return f"{text} {hint}" if hint else text

    def parts(self, lang: str) -> tuple[str, str | None]:
        """The message in `lang` and, apart, its hint (None when there is none), for a
        reply that sets the two apart."""
        if self.code is None:
            return str(self), None
        from site_builder.core import messages

        return (messages.render(self.code, lang, self.params),
                messages.render_hint(self.code, lang, self.params))


class UsageError(ContestError):
    """Raised by domain functions when the caller's arguments cannot work
    (an unknown round id, a path outside the contest, an unparsable time)."""


class GitError(ContestError):
    """Raised by git-backed operations: not a repository, a base ref that cannot
    be found or fetched, a push that keeps failing."""


class ContestDefinitionError(ContestError):
    """Raised when a command needs a valid contest.yml and it is missing or invalid;
    carries the problems so the CLI can print them."""

    def __init__(self, message: str = "", problems: Sequence[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems or ())

    def with_problems(self, problems: Sequence[Problem]) -> Self:
        """This error, carrying the problems of contest.yml that the CLI prints with it:
        ``raise ContestDefinitionError.coded(code).with_problems(problems)``."""
        self.problems = list(problems)
        return self


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
