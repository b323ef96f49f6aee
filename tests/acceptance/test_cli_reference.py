"""The command reference in docs/ is the commands' own help, never a stale copy."""

from __future__ import annotations

from contestkit import REPO

from site_builder.cli import cli
from site_builder.cli.reference import render


def test_docs_reference_matches_the_commands() -> None:
    committed = (REPO / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    assert committed == render(), (
        "docs/reference/cli.md is out of date: run "
        "`python -m site_builder.cli.reference > docs/reference/cli.md`"
    )


def test_every_command_has_help_text() -> None:
    def walk(command, path):  # type: ignore[no-untyped-def]
        yield path, command
        for name, child in getattr(command, "commands", {}).items():
            yield from walk(child, [*path, name])

    for path, command in walk(cli, ["contest"]):
        assert (command.help or "").strip(), f"`{' '.join(path)}` has no help text"
