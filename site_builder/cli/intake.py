"""`contest intake`: the issue-form payload in, entries/<slug>/ and a reply out."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from site_builder.cli._common import ContestContext, pass_contest
from site_builder.core import messages
from site_builder.core.errors import UsageError


def _github_fetch(url: str, limit: int) -> bytes:
    from site_builder.submissions import attachments

    return attachments.fetch(url, limit)


# attachments.Fetcher, spelled out: importing attachments (urllib, ssl) for
# every command's start-up would slow all of them down.
def make_command(fetch: Callable[[str, int], bytes]) -> click.Command:
    """The `intake` command, downloading attachments with `fetch`. The CLI registers it
    with GitHub's fetcher; tests build one that serves images from a local server."""

    @click.command("intake")
    @click.option(
        "--event", "event_path", envvar="GITHUB_EVENT_PATH",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The issues webhook payload (default: $GITHUB_EVENT_PATH).",
    )
    @click.option(
        "--json-out", "json_out", required=True, type=click.Path(dir_okay=False, path_type=Path),
        help='Write {"slug", "branch", "title", "reply"} here.',
    )
    @pass_contest
    def intake(ctx: ContestContext, event_path: Path | None, json_out: Path) -> None:
        """Turn an entry submitted with the issue form into entries/<slug>/.

        Exit 0 when the entry was written (the JSON names the slug, the branch
        intake/<issue>-<slug> and the title), 1 when the form cannot be used
        (the JSON's reply says what to change, in the contest's language),
        2 when the command could not run.
        """
        from site_builder.submissions import intake as intake_form

        if event_path is None:
            raise UsageError.coded("cli.no-event")
        root = ctx.contest_root()
        event = intake_form.read_event(event_path)
        result = intake_form.intake_issue(root, event, fetch=fetch, lang=ctx.lang)
        try:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(
                json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
        except OSError as exc:
            raise UsageError.coded("cli.cannot-write", path=str(json_out),
                                   detail=str(exc.strerror or exc)) from None
        if result.exit_code:
            click.echo(messages.render("cli.intake-refused", ctx.message_language(), {
                "number": event.number, "count": len(result.problems)}), err=True)
            raise click.exceptions.Exit(result.exit_code)
        click.echo(messages.render("cli.intake-written", ctx.message_language(), {
            "number": event.number, "folder": f"entries/{result.slug}/"}), err=True)

    return intake


intake = make_command(_github_fetch)
