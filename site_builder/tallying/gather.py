"""What a round's tally reads from the repository, entry by entry.

For each entry of the round and each folder of scores/<round>/, in slug order:

1. its score files are read (`ledger.FolderReader`: layout, YAML, schema, path);
2. its manifest is read for the title and, when it could name one of the judges who
   scored it, the team (`roster.read_entry`);
3. each score is checked against the contest (`ledgerchecks.Checker`: a judge of the round, no
   conflict of interest with that team, the rubric, the window, an advanced entry);
4. only what the tally needs is kept: slug, judge and marks. The file's text and YAML
   tree are dropped as soon as the entry is done.

Doing it entry by entry, rather than reading the whole ledger and then checking it,
keeps a round of 25,000 files from holding 25,000 texts and records at once (which on
this project's machines cost more than reading them). One process reads the round:
sharing it with forked ones saved 0.3 to 0.5 s of 25,000 files, and without that the
tally stays within its bound (0.6 of a bare CSafeLoader scan of the same files,
`benchmarks/bench_tally.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_builder.core.contest import Contest, Round
from site_builder.core.loader import collection_paused
from site_builder.core.problems import Problem
from site_builder.judging import ledger, ledgerchecks
from site_builder.tallying import fingerprint
from site_builder.tallying.roster import read_entry

Marks = fingerprint.Marks


@dataclass(frozen=True)
class RoundData:
    """A round's scores, problems and titles, as read and checked."""

    scores: list[tuple[str, str, Marks]]
    """(slug, judge's login as the file writes it, marks), by slug, then file name."""
    problems: list[Problem]
    """Every problem of the round's score files: their place, layout, YAML, schema,
    and content against the contest; errors and warnings."""
    titles: dict[str, str]
    runs: list[str]
    """The scores' canonical JSON (`fingerprint.scores_json`), in runs of consecutive
    slugs, in order, for `fingerprint.assemble`."""


def read_round(
    root: Path, contest: Contest, round_: Round, entries: Sequence[str],
    folders: Sequence[str], *, titles: bool = True,
    meanwhile: Callable[[], object] | None = None,
) -> RoundData:
    """Read and check the scores of `round_`, whose entries are `entries`; `folders` are
    every entry folder of the contest (a score for any other slug is an error).
    `meanwhile` is run first (the tally loads its math there)."""
    reader = ledger.FolderReader(root)
    with collection_paused():
        score_folders, problems = ledger.list_folders(root, contest, round_.id)
        by_slug = {display.rsplit("/", 1)[1]: (display, path) for display, path in score_folders}
        in_round = set(entries)
        # Filled in as entries are read.
        teams: dict[str, frozenset[str]] = dict.fromkeys(folders, frozenset())
        checker = ledgerchecks.Checker(root, contest, teams)
        if meanwhile is not None:
            meanwhile()
        scores: list[tuple[str, str, Marks]] = []
        titles_found: dict[str, str] = {}
        for slug in sorted(in_round | by_slug.keys()):
            folder = by_slug.get(slug)
            files = reader.read_quick(*folder, problems) if folder is not None else []
            if slug in in_round:
                judges = [f.data["judge"] if isinstance(f, ledger.QuickFile) else f.record.judge
                          for f in files]
                title, teams[slug] = read_entry(root, slug, judges, titles=titles)
                if title is not None:
                    titles_found[slug] = title
            for item in files:
                if isinstance(item, ledger.QuickFile):
                    data = item.data
                    if checker.passes(data):  # nearly always: nothing more to build
                        scores.append((slug, data["judge"], data["scores"]))
                        continue
                    item = item.full()
                problems.extend(checker.check(item))
                record = item.record
                scores.append((record.entry, record.judge, record.scores))
    return RoundData(scores, problems, titles_found, [fingerprint.scores_json(scores)])
