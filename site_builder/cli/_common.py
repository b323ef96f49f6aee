"""What every command shares: the contest root and the language of messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from site_builder.core.contest import CONTEST_FILE
from site_builder.core.errors import UsageError


@dataclass
class ContestContext:
    root: Path | None
    lang: str | None

    def contest_root(self) -> Path:
        if self.root is not None:
            if not (self.root / CONTEST_FILE).exists():
                raise UsageError(f"{self.root}: no {CONTEST_FILE} here")
            return self.root
        here = Path.cwd()
        for folder in (here, *here.parents):
            if (folder / CONTEST_FILE).exists():
                return folder
        raise UsageError(
            f"no {CONTEST_FILE} in {here} or above it: run inside a contest repository "
            "or give --root"
        )

    def language(self, contest_language: str) -> str:
        return self.lang or contest_language


pass_contest = click.make_pass_decorator(ContestContext)
