"""`contest tally`: show, write or check the results of the rounds."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from site_builder.cli._common import ContestContext, emit, pass_contest, require_contest
from site_builder.core import messages
from site_builder.core.contest import Contest
from site_builder.core.errors import UsageError
from site_builder.core.loader import collection_paused
from site_builder.core.problems import Problem, Report

if TYPE_CHECKING:  # the domain modules load numpy: imported when the command runs
    from site_builder.tallying.resultfiles import Difference, RoundReport

FORMATS = ("text", "markdown", "json", "csv")


@click.command()
@click.option("--round", "round_id", metavar="ID",
              help="The round (default: the last round that has scores; with --write and "
              "--check: every round).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="json is the results document, as results/<round>.json holds it.")
@click.option("--write", is_flag=True,
              help="Write results/<round>.json from the committed scores.")
@click.option("--check", is_flag=True,
              help="Recompute the results from the ledger and compare them with the committed "
              "results/ files: exit 1 on any difference.")
@pass_contest
def tally(ctx: ContestContext, round_id: str | None, fmt: str, write: bool, check: bool) -> None:
    """Tally a round from the score ledger: ranks, advancement, awards.

    Anyone can run `contest tally --check` on a clone to verify the published results.
    Exit 0 when done (or verified), 1 when the ledger or the results are refused or
    differ, 2 when the command could not run.
    """
    if write and check:
        raise UsageError.coded("cli.write-or-check")
    root, contest = require_contest(ctx)
    lang = ctx.language(contest.language)
    from site_builder.tallying import resultfiles

    # No cyclic GC for the whole command, output included: it is short-lived, makes
    # hundreds of thousands of objects and no cycles (see `tally.tally_round`).
    with collection_paused():
        if check:
            failed = _report_check(resultfiles.check_results(root, contest, round_id), lang)
        elif write:
            failed = _report_write(resultfiles.write_results(root, contest, round_id), lang)
        else:
            failed = _show(root, contest, round_id, fmt, lang)
    _finish(failed)


def _finish(failed: bool) -> None:
    if failed:
        raise click.exceptions.Exit(1)


def _problems(problems: Sequence[Problem], lang: str) -> None:
    from site_builder.core import reporter

    if problems:
        # Without the summary line: it counts files checked, which means nothing here.
        click.echo(reporter.render_text(Report(list(problems)), lang, summary=False),
                   err=True, nl=False)


def _show(root: Path, contest: Contest, round_id: str | None, fmt: str, lang: str) -> bool:
    from site_builder.tallying import resultfiles, standings
    from site_builder.tallying import tally as tallying

    chosen = round_id or _default_round(root, contest)
    # The document names the ledger commit: git is asked now and answers meanwhile.
    query = resultfiles.LedgerQuery(root, chosen, status=False) if fmt == "json" else None
    commit = query.commit if query is not None else None
    outcome = tallying.tally_round(root, contest, chosen, commit, titles=fmt != "json")
    if isinstance(outcome, tallying.Refusal):
        click.echo(messages.render("ui.tally-refused", lang, {"round": chosen}), err=True)
        _problems(outcome.problems, lang)
        return True
    _problems(outcome.warnings, lang)
    if fmt == "json" and outcome.document["ledger_commit"] is None:
        _problems([Problem(f"scores/{chosen}", None, None, "tally.no-ledger-commit",
                           {"round": chosen})], lang)
        return True
    emit(standings.rendering(contest, outcome), fmt, lang)
    return False


def _default_round(root: Path, contest: Contest) -> str:
    """The last round with a folder of scores; the first round when none has one."""
    with_scores = [r.id for r in contest.rounds if (root / "scores" / r.id).is_dir()]
    return with_scores[-1] if with_scores else contest.rounds[0].id


def _report_write(reports: Sequence[RoundReport], lang: str) -> bool:
    failed = False
    for report in reports:
        if report.status == "skipped":
            click.echo(messages.render("ui.tally-skipped", lang, {"round": report.round.id}))
        elif report.status == "refused":
            failed = True
            click.echo(messages.render("ui.tally-refused", lang, {"round": report.round.id}),
                       err=True)
            _problems(report.problems, lang)
        elif report.result is not None:
            _problems(report.problems, lang)
            doc = report.result.document
            click.echo(messages.render("ui.tally-written", lang, {
                "file": report.file, "entries": len(doc["entries"]),
                "hash": doc["data_sha256"], "commit": doc["ledger_commit"],
            }))
    return failed


def _report_check(reports: Sequence[RoundReport], lang: str) -> bool:
    failed = False
    verified = 0
    for report in reports:
        params = {"round": report.round.id, "file": report.file}
        if report.status == "unpublished":
            click.echo(messages.render("ui.tally-unpublished", lang, params))
            continue
        if report.status == "refused":
            failed = True
            click.echo(messages.render("ui.tally-refused", lang, params), err=True)
            _problems(report.problems, lang)
            continue
        _problems(report.problems, lang)
        assert report.result is not None
        doc = report.result.document
        if report.status == "untrusted":
            failed = True
            click.echo(messages.render("ui.tally-untrusted", lang, params))
            continue
        if report.status == "verified":
            verified += 1
            click.echo(messages.render("ui.tally-verified", lang, {
                **params, "entries": len(doc["entries"]), "hash": doc["data_sha256"],
                "commit": doc["ledger_commit"],
            }))
            continue
        failed = True
        click.echo(messages.render("ui.tally-different", lang,
                                   {**params, "count": len(report.differences)}))
        for difference in report.differences:
            click.echo("  " + _difference(difference, lang))
    if failed:
        click.echo(messages.render("ui.tally-check-failed", lang))
        hint = messages.render_hint("ui.tally-check-failed", lang)
        if hint:
            click.echo(f"{messages.render('ui.how-to-fix', lang)}: {hint}")
    elif verified:
        click.echo(messages.render("ui.tally-check-ok", lang, {"count": verified}))
    else:
        click.echo(messages.render("ui.tally-check-none", lang))
    return failed


def _difference(difference: Difference, lang: str) -> str:
    from site_builder.tallying import resultfiles

    def shown(value: object) -> str:
        if value is resultfiles.MISSING:
            return messages.render("ui.tally-absent", lang)
        return json.dumps(value, ensure_ascii=False)

    params = {"entry": difference.entry, "field": difference.field,
              "committed": shown(difference.committed),
              "recomputed": shown(difference.recomputed)}
    code = "ui.tally-diff-entry" if difference.entry is not None else "ui.tally-diff-field"
    return messages.render(code, lang, params)
