"""`contest status`: a round's judging coverage."""

from __future__ import annotations

import click

from site_builder.cli._common import ContestContext, emit, pass_contest, require_contest


@click.command()
@click.option("--round", "round_id", metavar="ID",
              help="The round (default: the one open now, else the last one that opened).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]),
              default="text", show_default=True)
@pass_contest
def status(ctx: ContestContext, round_id: str | None, fmt: str) -> None:
    """Show a round's judging coverage: entries x judges, missing scores, entries below
    min_judges. Conflicts of interest are shown as such, not as missing."""
    from site_builder.judging import status as coverage_status

    root, contest = require_contest(ctx)
    lang = ctx.language(contest.language)
    cov = coverage_status.coverage(root, contest, round_id)
    emit(coverage_status.rendering(cov), fmt, lang)
