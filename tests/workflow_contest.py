"""`contest` as tests/acceptance/test_workflows_e2e.py runs it for a workflow step.

The same command line interface, with one difference when the first argument
is ``--attachments-from URL``: the `intake` command is rebuilt (through
`site_builder.cli.intake.make_command`) with a fetcher that serves the images
attached to an issue from that local server instead of from GitHub. Which
addresses may be fetched at all is decided by `site_builder.submissions.intake` before any
fetcher is called, so the production allow-list is what the test exercises.
"""

from __future__ import annotations

import sys
import urllib.request
from collections.abc import Callable


def local_fetcher(base: str) -> Callable[[str, int], bytes]:
    def fetch(url: str, limit: int) -> bytes:
        name = url.rstrip("/").rsplit("/", 1)[-1]
        with urllib.request.urlopen(f"{base}/{name}", timeout=30) as response:
            data: bytes = response.read(limit + 1)
            return data

    return fetch


def main() -> None:
    from site_builder.cli import cli
    from site_builder.cli import main as contest
    from site_builder.cli.intake import make_command

    if len(sys.argv) > 2 and sys.argv[1] == "--attachments-from":
        base = sys.argv[2]
        del sys.argv[1:3]
        cli.add_command(make_command(local_fetcher(base)), "intake")
    contest()


if __name__ == "__main__":
    main()
