"""`contest assign`: judge panels for a round; `contest queues`: each round's queue issue."""

from __future__ import annotations

from pathlib import Path

import click

from site_builder.cli._common import ContestContext, pass_contest, require_contest
from site_builder.core import messages
from site_builder.core.contest import load_contest
from site_builder.core.problems import Report


@click.command()
@click.option("--round", "round_id", metavar="ID", required=True,
              help="The round to assign (it needs `panel: {size: K}` in contest.yml).")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
              help="Decides among equally good assignments; the same seed and inputs give "
              "the same file.")
@click.option("--write", is_flag=True, help="Write assignments/<round>.yml.")
@click.option("--keep", is_flag=True,
              help="Start from the existing assignments/<round>.yml and change as few of its "
              "places as the rules allow (after adding judges or entries).")
@pass_contest
def assign(ctx: ContestContext, round_id: str, seed: int, write: bool, keep: bool) -> None:
    """Form a round's judge panels: exactly K judges per entry, no conflict of interest,
    loads within one of each other (max_load aside), expertise preferred, and every
    judge linked to every other through shared entries. Exit 1 when no such
    assignment exists (nothing is written)."""
    from site_builder.judging import assignment

    root = ctx.contest_root()
    loaded = load_contest(root)
    contest = loaded.require()
    lang = ctx.language(contest.language)
    outcome = assignment.assign_round(root, contest, loaded.document, round_id,
                                      seed=seed, keep=keep)
    if outcome.panels is None or outcome.path is None:
        from site_builder.core import reporter

        text = reporter.render_text(Report(outcome.problems), lang)
        click.echo("\n".join(text.rstrip("\n").split("\n")[:-1]), err=True)
        click.echo(messages.render("ui.assign-refused", lang, {"round": round_id}), err=True)
        raise click.exceptions.Exit(1)
    panels = outcome.panels
    loads = [load for load in panels.loads.values()]
    round_ = outcome.round
    assert round_ is not None and round_.panel is not None
    click.echo(messages.render("ui.assign-summary", lang, {
        "round": round_.id, "entries": len(panels.panels), "size": round_.panel.size,
        "judges": len(loads), "low": min(loads), "high": max(loads),
        "matched": panels.expertise_matched, "places": sum(loads),
        "min_cut": panels.min_cut, "seed": seed}))
    if keep:
        click.echo(messages.render("ui.assign-kept", lang, {
            "kept": panels.kept, "total": outcome.kept_total, "changed": outcome.changed}))
    if write:
        assignment.write(root, outcome)
        click.echo(messages.render("ui.assign-written", lang, {"file": outcome.path}))
    else:
        click.echo(messages.render("ui.assign-dry-run", lang, {"file": outcome.path}))


@click.command()
@click.option("--round", "round_ids", metavar="ID", multiple=True,
              help="Only this round (repeatable; default: every round with an assignment).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for <round>.md (the issue body) and <round>.title.")
@pass_contest
def queues(ctx: ContestContext, round_ids: tuple[str, ...], out: Path) -> None:
    """Write each judge's queue (assigned, scored, left) as the body of one GitHub issue
    per round with an assignment; the assign-queues workflow posts it with `gh`, editing
    the issue that carries the body's hidden first-line marker."""
    from site_builder.judging import queues as judge_queues

    root, contest = require_contest(ctx)
    lang = ctx.language(contest.language)
    for path in judge_queues.write_bodies(root, contest, out, lang, round_ids or None):
        click.echo(str(path))
