"""What every command shares: the contest root and the language of messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click

from site_builder.core import messages
from site_builder.core.contest import CONTEST_FILE
from site_builder.core.errors import ContestDefinitionError, ContestError, UsageError
from site_builder.core.problems import Problem


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
            from site_builder.core.contest import load_contest

            try:
                return messages.normalize_language(load_contest(self.found_root).language)
            except (ContestError, OSError, ValueError):
                pass
        return messages.DEFAULT_LANGUAGE


def contest_invalid(problems: list[Problem]) -> ContestDefinitionError:
    """The error of a command that needs a valid contest.yml and has none."""
    error = ContestDefinitionError.coded("cli.contest-invalid")
    error.problems = list(problems)
    return error


pass_contest = click.make_pass_decorator(ContestContext)
