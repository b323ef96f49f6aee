"""`contest pr-comment`: the pull-request comment and its label, from a report artifact."""

from __future__ import annotations

from pathlib import Path

import click

from site_builder.cli._common import ContestContext, pass_contest
from site_builder.core import messages
from site_builder.core.contest import load_contest
from site_builder.core.errors import ContestError, UsageError


@click.command("pr-comment")
@click.option(
    "--result", "result", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="The JSON report of `contest validate --json-report` (untrusted: from an artifact).",
)
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="Write the Markdown comment here.",
)
@pass_contest
def pr_comment(ctx: ContestContext, result: Path, out: Path) -> None:
    """Render the pull request's validation comment and print its one label.

    Prints exactly one of valid, needs-fix, late. Exit 0 when the report was
    used, 1 when it was refused (unreadable or not a report of this tool: a
    generic comment is written and the label is needs-fix), 2 when the command
    could not run.
    """
    from site_builder.core.schemas import REPORT
    from site_builder.submissions import prcomment

    root = ctx.contest_root()
    if not (root / "schema" / REPORT).is_file():
        raise UsageError.coded("cli.report-schema-missing", path=f"schema/{REPORT}",
                               root=str(root))
    comment = prcomment.comment_for(
        result, root / "schema", ctx.lang, fallback_lang=_contest_language(root)
    )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(comment.body, encoding="utf-8")
    except OSError as exc:
        raise UsageError.coded("cli.cannot-write", path=str(out),
                               detail=str(exc.strerror or exc)) from None
    click.echo(comment.label)
    if comment.refused is not None:
        click.echo(messages.render("cli.report-refused", ctx.message_language(),
                                   {"reason": comment.refused}), err=True)
        raise click.exceptions.Exit(1)


def _contest_language(root: Path) -> str:
    try:
        return load_contest(root).language
    except (ContestError, OSError, ValueError):
        return "ko"
