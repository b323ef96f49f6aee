from __future__ import annotations

import json

import click

from site_builder.cli._common import ContestContext, contest_invalid, pass_contest
from site_builder.core.contest import load_contest


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

    root = ctx.contest_root()
    loaded = load_contest(root)
    if loaded.contest is None:
        raise contest_invalid(loaded.problems)
    lang = ctx.language(loaded.contest.language)
    cov = coverage_status.coverage(root, loaded.contest, round_id)
    if fmt == "json":
        click.echo(json.dumps(coverage_status.as_json(cov), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(coverage_status.render_markdown(cov, lang), nl=False)
    else:
        click.echo(coverage_status.render_text(cov, lang), nl=False)
