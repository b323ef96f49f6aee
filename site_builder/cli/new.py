from __future__ import annotations

import click

from site_builder.cli._common import ContestContext, contest_invalid, pass_contest
from site_builder.core.contest import load_contest


@click.command()
@click.argument("slug")
@click.option(
    "--github",
    "login",
    default="your-github-login",
    show_default=True,
    help="Your GitHub login: team members are the only ones who may edit the entry.",
)
@click.option("--category", help="Category id from contest.yml (default: the first).")
@click.option("--title", help="Title of the service (default: from the slug).")
@pass_contest
def new(
    ctx: ContestContext, slug: str, login: str, category: str | None, title: str | None
) -> None:
    """Create entries/SLUG/ with a valid entry.yml and a placeholder screenshot."""
    from site_builder.submissions.scaffold import new_entry

    root = ctx.contest_root()
    loaded = load_contest(root)
    if loaded.contest is None:
        raise contest_invalid(loaded.problems)
    path = new_entry(root, loaded.contest, slug, github=login, category=category, title=title)
    click.echo(path.relative_to(root).as_posix())
