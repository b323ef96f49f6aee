"""What every command shares: the contest root, the language of messages, and the
one way a command stops on an invalid contest.yml."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click

from site_builder.core import messages, reporter
from site_builder.core.contest import CONTEST_FILE, Contest, load_contest
from site_builder.core.errors import (
    ContestDefinitionError,
    ContestError,
    ContestInvalid,
    UsageError,
)
from site_builder.core.messages import normalize_language
from site_builder.core.reporter import Rendering


@dataclass
class ContestContext:
    root: Path | None
    lang: str | None
    found_root: Path | None = field(default=None, repr=False)

    def contest_root(self) -> Path:
        if self.root is not None:
            if not (self.root / CONTEST_FILE).exists():
                raise UsageError.coded("cli.no-contest-here", root=str(self.root))
            self.found_root = self.root
            return self.root
        here = Path.cwd()
        for folder in (here, *here.parents):
            if (folder / CONTEST_FILE).exists():
                self.found_root = folder
                return folder
        raise UsageError.coded("cli.no-contest", here=str(here))

    def language(self, contest_language: str) -> str:
        return self.lang or contest_language

    def message_language(self) -> str:
        """The language of an error message: --lang, else the contest's, else the default.

        Called when a command has failed, so the contest may be missing or invalid."""
        if self.lang:
            return self.lang
        if self.found_root is not None:
            try:
                return messages.normalize_language(load_contest(self.found_root).language)
            except (ContestError, OSError, ValueError):
                pass
        return messages.DEFAULT_LANGUAGE


pass_contest = click.make_pass_decorator(ContestContext)


def emit(rendering: Rendering, fmt: str, lang: str) -> None:
    """A command's result on standard output, in `fmt`; GitHub's step summary, when the
    format is github and the environment names one."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    reporter.emit(rendering, fmt, lang, sys.stdout, Path(summary) if summary else None)


def require_contest(ctx: ContestContext) -> tuple[Path, Contest]:
    """The contest root and its contest, for a command that needs a valid contest.yml.
    Otherwise `ContestInvalid`, which `ContestInvalidExit` shows."""
    root = ctx.contest_root()
    return root, load_contest(root).require()


class ContestInvalidExit(click.ClickException):
    """`ContestInvalid` at the edge: its problems, each with file:line:col and how to
    fix it, then what it means for the command. Exit 2: the command could not run."""

    exit_code = 2

    def __init__(self, error: ContestDefinitionError, lang: str) -> None:
        super().__init__(str(error))
        self.problems = list(error.problems)
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        from site_builder.core.problems import Report

        code, params = "contest.invalid", {"count": len(self.problems)}
        text = reporter.render_text(Report(self.problems), self.lang, summary=False)
        text += f"contest: {messages.render(code, self.lang, params)}\n"
        hint = messages.render_hint(code, self.lang, params)
        if hint:
            text += f"    {messages.render('ui.how-to-fix', self.lang)}: {hint}\n"
        click.echo(text, err=True, nl=False, file=file)


class ContestGroup(click.Group):
    """The `contest` group: an invalid contest.yml, found by whichever module, is
    shown in the language the user asked for."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ContestDefinitionError as error:
            # `ContestInvalid`, or a module that raises its parent with the problems of
            # contest.yml (the recorder); without problems, main() shows the message.
            if not error.problems:
                raise
            chosen = ctx.obj.lang if isinstance(ctx.obj, ContestContext) else None
            contest_language = error.language if isinstance(error, ContestInvalid) else None
            lang = normalize_language(chosen or contest_language)
            raise ContestInvalidExit(error, lang) from None
