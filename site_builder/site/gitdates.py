"""When each entry last changed, from ONE `git log` pass over entries/.

Asking git once per entry costs a process and a history walk each: 1,000
entries would take longer than building the site. One walk, newest commit
first, gives every entry its latest date the first time one of its files
shows up. A shallow clone knows only its own commits, so its dates are the
clone's; outside a git repository there are no dates and pages say nothing.
"""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from site_builder.submissions.entries import ENTRIES_DIR

_MARK = "\x1e"


def last_changes(root: Path) -> dict[str, datetime]:
    """slug -> the commit time of the latest commit touching entries/<slug>/."""
    try:
        completed = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "log",
                f"--format={_MARK}%ct",
                "--name-only",
                "--no-renames",
                "--",
                ENTRIES_DIR,
            ],
            capture_output=True,
            check=False,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if completed.returncode != 0:
        return {}
    return parse_log(completed.stdout.decode("utf-8", "replace"))


def head_commit(root: Path) -> str | None:
    """The commit checked out in `root` (the one the site is built from), if any."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--verify", "-q", "HEAD"],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = completed.stdout.decode("ascii", "replace").strip()
    return found if completed.returncode == 0 and re.fullmatch(r"[0-9a-f]{40,64}", found) else None


def parse_log(output: str) -> dict[str, datetime]:
    dates: dict[str, datetime] = {}
    current: datetime | None = None
    prefix = f"{ENTRIES_DIR}/"
    # Not splitlines(): it also splits at the \x1e marker itself.
    for line in output.split("\n"):
        if line.startswith(_MARK):
            current = datetime.fromtimestamp(int(line[1:]), tz=UTC)
        elif current is not None and line.startswith(prefix):
            slug = line[len(prefix) :].split("/", 1)[0]
            dates.setdefault(slug, current)
    return dates
