"""The `contest` command line: thin commands over the domain modules.

Every command finds the contest root, calls one domain function and decides
the exit code here, at the edge: 0 success, 1 the input was judged and
refused (invalid entry, refused score, results that differ), 2 the command
could not run (usage, environment, git).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from site_builder import __version__
from site_builder.cli._common import ContestContext, ContestGroup
from site_builder.core.errors import ContestError


@click.group(
    cls=ContestGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The contest repository (default: the nearest folder upwards with a contest.yml).",
)
@click.option(
    "--lang",
    type=click.Choice(["ko", "en"]),
    default=None,
    help="Language of messages (default: the contest's language).",
)
@click.version_option(__version__, prog_name="contest")
@click.pass_context
def cli(ctx: click.Context, root: Path | None, lang: str | None) -> None:
    """Run a public software contest from a Git repository."""
    # main() passes its own context object, to render errors in the contest's language.
    if isinstance(ctx.obj, ContestContext):
        ctx.obj.root, ctx.obj.lang = root, lang
    else:
        ctx.obj = ContestContext(root=root, lang=lang)


def _register() -> None:
    from site_builder.cli import (
        assign,
        build,
        intake,
        new,
        prcomment,
        score,
        status,
        tally,
        validate,
    )

    cli.add_command(validate.validate)
    cli.add_command(new.new)
    cli.add_command(score.score)
    cli.add_command(status.status)
    cli.add_command(tally.tally)
    cli.add_command(assign.assign)
    cli.add_command(assign.queues)
    cli.add_command(build.build)
    cli.add_command(build.generate)
    cli.add_command(prcomment.pr_comment)
    cli.add_command(intake.intake)


_register()


def main() -> None:
    state = ContestContext(root=None, lang=None)
    try:
        result = cli.main(standalone_mode=False, obj=state)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if exc.exit_code in (1, 2) else exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(2)
    except ContestError as exc:
        click.echo(f"contest: {exc.render(state.message_language())}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        # Bad input is reported as problems, never as a crash; reaching this
        # line is a bug in the tool. Say so briefly; the traceback is one
        # environment variable away for whoever fixes it.
        if os.environ.get("CONTEST_DEBUG"):
            raise
        click.echo(
            f"contest: internal error ({type(exc).__name__}: {exc}). "
            "Set CONTEST_DEBUG=1 to see the traceback, and please report it.",
            err=True,
        )
        sys.exit(2)
    # Without standalone mode, click returns the code of an Exit it caught.
    sys.exit(result if isinstance(result, int) else 0)
