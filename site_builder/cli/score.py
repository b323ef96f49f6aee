"""`contest score record`: a /score comment recorded; the reply and the workflow outputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from site_builder.cli._common import ContestContext, pass_contest
from site_builder.core.contest import load_contest
from site_builder.core.errors import ContestError, UsageError


@click.group()
def score() -> None:
    """Judging on GitHub: record /score comments in the score ledger."""


@score.command()
@click.option(
    "--event", "event_path", envvar="GITHUB_EVENT_PATH",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The issue_comment webhook payload (default: $GITHUB_EVENT_PATH).",
)
@click.option("--push", is_flag=True, help="Push the score commit to the default branch, "
              "retrying when another score lands first.")
@click.option("--remote", default="origin", show_default=True, help="The remote to fetch and push.")
@click.option("--attempts", type=click.IntRange(1, 50), default=20, show_default=True,
              help="How many times to try pushing before giving up.")
@click.option("--reply-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the Markdown reply here instead of standard output "
              "(always written, also when the score is refused).")
@pass_contest
def record(
    ctx: ContestContext,
    event_path: Path | None,
    push: bool,
    remote: str,
    attempts: int,
    reply_file: Path | None,
) -> None:
    """Check a judge's /score comment and commit it to scores/.

    Exit 0 when recorded (or nothing needed recording), 1 when refused,
    2 when it could not be recorded. The reply says why, in the contest's
    language, ready to post on the pull request.
    """
    from site_builder.judging import recorder

    try:
        if event_path is None:
            raise UsageError.coded("cli.no-event")
        root = ctx.contest_root()
        event = recorder.read_event(event_path)
        result = recorder.record_comment(
            root, event, push=push, remote=remote, attempts=attempts, lang=ctx.lang
        )
    except ContestError as exc:
        # Even when nothing could be decided, the judge gets an answer.
        language = _language(ctx)
        _write_reply(reply_file, recorder.error_reply(language, *exc.parts(language)))
        raise
    _write_reply(reply_file, result.reply)
    click.echo(recorder.summary(result), err=True)
    github_output = os.environ.get("GITHUB_OUTPUT")
    if github_output:
        with Path(github_output).open("a", encoding="utf-8") as handle:
            handle.writelines(f"{key}={value}\n" for key, value in recorder.outputs(result).items())
    if result.exit_code:
        raise click.exceptions.Exit(result.exit_code)


def _language(ctx: ContestContext) -> str:
    if ctx.lang:
        return ctx.lang
    try:
        return load_contest(ctx.contest_root()).language
    except ContestError:
        return "ko"


def _write_reply(reply_file: Path | None, reply: str) -> None:
    if reply_file is None:
        sys.stdout.write(reply)
        return
    reply_file.parent.mkdir(parents=True, exist_ok=True)
    reply_file.write_text(reply, encoding="utf-8")
