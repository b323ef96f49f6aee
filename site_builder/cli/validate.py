"""`contest validate`: the repository or a pull request, in the format asked for."""

from __future__ import annotations

from pathlib import Path

import click

from site_builder.cli._common import ContestContext, emit, pass_contest
from site_builder.core import reporter
from site_builder.core.errors import UsageError


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--base", metavar="REF", help="Pull-request mode: validate what HEAD changes since REF."
)
@click.option("--author", metavar="LOGIN", help="Pull-request mode: the pull request's author.")
@click.option(
    "--submitted-at",
    metavar="TIME",
    help="Pull-request mode: when GitHub received the push of the head (server time, "
    "ISO 8601; the event's pull_request.updated_at), never a commit date.",
)
@click.option(
    "--format", "fmt", type=click.Choice(reporter.FORMATS), default="text", show_default=True
)
@click.option(
    "--json-report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the JSON report to this file.",
)
@pass_contest
def validate(
    ctx: ContestContext,
    paths: tuple[str, ...],
    base: str | None,
    author: str | None,
    submitted_at: str | None,
    fmt: str,
    json_report: Path | None,
) -> None:
    """Validate contest.yml, the entries and the score ledger (or only PATHS).

    With --base, validate a pull request: it must change exactly one
    entries/<slug>/ folder, and that entry must be valid. Exit 0 when
    valid, 1 when not, 2 when validation could not run.
    """
    root = ctx.contest_root()
    if base is None:
        if author or submitted_at:
            raise UsageError.coded("cli.needs-base")
        from site_builder.submissions.validate import validate_repository

        run = validate_repository(root, paths)
        report, language = run.report, run.language
    else:
        if paths:
            raise UsageError.coded("cli.base-no-paths")
        from site_builder.submissions.pullrequest import validate_pull_request

        report, language = validate_pull_request(root, base, author, submitted_at)
    lang = ctx.language(language)
    emit(reporter.report_rendering(report), fmt, lang)
    if json_report is not None:
        json_report.parent.mkdir(parents=True, exist_ok=True)
        json_report.write_text(reporter.render_json(report, lang), encoding="utf-8")
    if not report.ok:
        raise click.exceptions.Exit(1)
