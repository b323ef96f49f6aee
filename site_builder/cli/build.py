"""`contest build` and `contest generate`: the showcase, from the command line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from site_builder.cli._common import ContestContext, pass_contest, require_contest
from site_builder.core.errors import UsageError


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError.coded("cli.now-not-a-time", value=value) from None
    if moment.tzinfo is None:
        raise UsageError.coded("cli.now-no-offset", value=value)
    return moment


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Where to write the site.",
)
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="SLUG",
    help="Build a preview with just this entry (repeatable).",
)
@click.option(
    "--now", "now", metavar="TIME", help="Pretend it is TIME (ISO 8601) for the contest's stage."
)
@click.option("--strict", is_flag=True, help="Fail on MkDocs warnings.")
@pass_contest
def build(
    ctx: ContestContext, out: Path, only: tuple[str, ...], now: str | None, strict: bool
) -> None:
    """Build the showcase site with MkDocs and the repository's mkdocs.yml.

    With --only, exit 1 when an entry asked for is invalid or absent: its problems are
    printed, and its preview page lists them."""
    from site_builder.core import messages, reporter
    from site_builder.core.problems import Report
    from site_builder.site.build import build_site

    # Checked before MkDocs starts: its own errors would hide contest.yml's.
    root, contest = require_contest(ctx)
    left_out = build_site(root, out, only=only or None, now=_parse_now(now), strict=strict)
    refused = [problem for slug in only for problem in left_out.get(slug, ())]
    if refused:
        lang = ctx.language(contest.language)
        text = reporter.render_text(Report(refused), lang)
        # The summary line counts files checked, which means nothing here.
        click.echo("\n".join(text.rstrip("\n").split("\n")[:-1]), err=True)
        count = len({slug for slug in only if slug in left_out})
        click.echo(messages.render("site.preview-refused", lang, {"count": count}), err=True)
        raise click.exceptions.Exit(1)


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for mkdocs.yml and docs/ (docs/ is replaced).",
)
@click.option(
    "--now", "now", metavar="TIME", help="Pretend it is TIME (ISO 8601) for the contest's stage."
)
@pass_contest
def generate(ctx: ContestContext, out: Path, now: str | None) -> None:
    """Write the showcase as plain Markdown with a hook-free mkdocs.yml (for Zensical)."""
    from site_builder.site.build import generate_site
    from site_builder.site.engine import current_time

    root = ctx.contest_root()
    counts = generate_site(root, out, now=_parse_now(now) or current_time())
    click.echo(
        f"{out}: {counts['pages']} pages, {counts['files']} data files, {counts['images']} images"
    )
