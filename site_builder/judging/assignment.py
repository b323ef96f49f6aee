"""Judge panels for a round (`contest assign`): fair, free of conflicts, and comparable.

A round with ``panel: {size: K}`` in contest.yml is judged by panels: each entry gets
exactly K judges, written to assignments/<round>.yml for review in a pull request. The
rules, in the order they bind:

1. no judge scores an entry they have a conflict with (`conflicted`: the one place
   that decides it for panels);
2. every entry gets exactly K judges;
3. judges' loads differ by at most 1, except judges whose own limit binds (``max_load``,
   or fewer entries free of conflict than the others' load), who get exactly that limit;
4. with ``--keep``, as many pairs of the existing file as the rules above allow stay;
5. a judge gets entries of their ``expertise`` categories where possible;
6. the rest is decided by the seed, so the same inputs and seed give the same file.

Rules 2-6 are one min-cost flow (OR-Tools' ``SimpleMinCostFlow``, a maintained C++
solver): source -> entry (capacity K) -> judge (capacity 1, cost by rules 4-6) -> sink,
with each judge's lower load as a demand at the judge and the upper load as the
capacity of its arc to the sink. Its optimum meets rules 2 and 3 exactly, keeps the
most pairs and then matches the most expertise (the costs are weighed so that each
rule outweighs everything below it on any realistic exchange).

The leniency correction (`tallying.reliability`) compares judges through the entries
they share, so the design must be *connected*: every two judges linked by a chain of
shared entries. The judges are linked once per entry each pair shares, and ``min_cut``,
recorded in the file, is the smallest number of links between two groups of judges
over every way of splitting them in two (Stoer-Wagner's algorithm). Expertise alone
could split judges into one island per category, or leave islands joined by a thread;
so judges are swapped between an entry on one side of the weakest split and an entry
on the other (loads unchanged, conflicts respected) until the design is whole and no
split is weaker than one judge alone (the smallest load times K-1 links).
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from site_builder.core import messages, schemas, yamldump
from site_builder.core.contest import CONTEST_FILE, Contest, Round
from site_builder.core.errors import UsageError
from site_builder.core.fileio import write_atomically
from site_builder.core.loader import (
    ENTRY_SIZE_LIMIT,
    Document,
    LoadFailure,
    load_file,
    peek_text,
    read_bytes,
)
from site_builder.core.problems import Problem, dotted
from site_builder.judging import ledger, scorecomment
from site_builder.submissions.entries import ENTRIES_DIR, MANIFEST
from site_builder.submissions.teams import team_history
from site_builder.tallying import reliability, roster

ASSIGNMENTS_DIR = "assignments"
ASSIGNMENT_SCHEMA = "assignment.schema.json"
ASSIGNMENT_SIZE_LIMIT = 16 * 1024 * 1024
METHOD = "min-cost-flow"
MODELINE = "# yaml-language-server: $schema=../schema/assignment.schema.json\n"

# Costs of an entry -> judge arc (rules 4-6 of the module docstring). A kept pair is
# worth more than any expertise rerouting through fewer than a hundred arcs, and an
# expertise match more than any seed tie-break on as many.
_KEEP = 10_000_000
_OFF_EXPERTISE = 100_000
_TIE = 1_000

IntArray = npt.NDArray[np.int64]


def assignment_file(round_id: str) -> str:
    return f"{ASSIGNMENTS_DIR}/{round_id}.yml"


# --- what the solver takes and gives ------------------------------------------------


@dataclass(frozen=True)
class Demand:
    """A round's panel problem as plain data (no files): what `solve` works on."""

    entries: Sequence[str]
    judges: Sequence[str]
    size: int
    blocked: Mapping[str, frozenset[str]]
    """slug -> judges (as in `judges`) with a conflict of interest."""
    categories: Mapping[str, str | None] = field(default_factory=dict)
    expertise: Mapping[str, frozenset[str]] = field(default_factory=dict)
    max_load: Mapping[str, int] = field(default_factory=dict)
    keep: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """The panels to disturb as little as possible (`--keep`)."""
    seed: int = 0


@dataclass(frozen=True)
class Refusal:
    """Why no assignment can be made: a message code and its parameters."""

    code: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class Panels:
    panels: dict[str, tuple[str, ...]]
    """slug -> its judges, in the order of `Demand.judges`."""
    min_cut: int
    loads: dict[str, int]
    kept: int
    """Pairs of `Demand.keep` still there."""
    expertise_matched: int
    swaps: int
    """Judge swaps made to connect the design."""


def solve(demand: Demand) -> Panels | Refusal:
    """The panels of the module docstring's rules, or why they cannot exist."""
    from ortools.graph.python import min_cost_flow  # heavy: loaded when asked

    entries, judges, k = list(demand.entries), list(demand.judges), demand.size
    n_e, n_j = len(entries), len(judges)
    if n_e == 0:
        return Refusal("assign.empty-round", {})
    if k > n_j:
        return Refusal("assign.panel-too-large", {"size": k, "count": n_j})
    column = {login: index for index, login in enumerate(judges)}
    allowed = np.ones((n_e, n_j), dtype=bool)
    for e, slug in enumerate(entries):
        for login in demand.blocked.get(slug, ()):
            allowed[e, column[login]] = False
    free = allowed.sum(axis=1)
    for short in np.flatnonzero(free < k).tolist():
        slug, count = entries[short], int(free[short])
        if count == 0:
            return Refusal("assign.all-conflicted", {"slug": slug, "count": n_j})
        return Refusal("assign.too-few-free", {"slug": slug, "free": count, "size": k,
                                               "conflicts": n_j - count})
    caps = [min(demand.max_load.get(login, n_e), int(allowed[:, j].sum()))
            for j, login in enumerate(judges)]
    low, high = _loads(caps, k * n_e)
    if low is None or high is None:
        return Refusal("assign.capacity", {"places": k * n_e, "capacity": sum(caps),
                                           "size": k, "entries": n_e})

    ei, ji = np.nonzero(allowed)
    cost = _tie_break(demand.seed, entries, judges)[ei, ji]
    if demand.expertise:
        wanted = _expertise(demand, entries, judges)
        cost += np.where(wanted[ei, ji], 0, _OFF_EXPERTISE)
    kept_pairs = _pairs(demand.keep, entries, column)
    if kept_pairs.any():
        cost -= np.where(kept_pairs[ei, ji], _KEEP, 0)

    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = n_e + n_j, n_e + n_j + 1
    entry_nodes = np.arange(n_e, dtype=np.int64)
    judge_nodes = n_e + np.arange(n_j, dtype=np.int64)
    flow.add_arcs_with_capacity_and_unit_cost(
        np.full(n_e, source, dtype=np.int64), entry_nodes,
        np.full(n_e, k, dtype=np.int64), np.zeros(n_e, dtype=np.int64))
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        ei.astype(np.int64), n_e + ji.astype(np.int64),
        np.ones(len(ei), dtype=np.int64), cost.astype(np.int64))
    spare = np.array(high) - np.array(low)
    flow.add_arcs_with_capacity_and_unit_cost(
        judge_nodes, np.full(n_j, sink, dtype=np.int64), spare.astype(np.int64),
        np.zeros(n_j, dtype=np.int64))
    # Each judge's lower load is a demand at the judge; the rest flows on to the sink.
    supplies = np.array([k * n_e, -(k * n_e - sum(low))] + [-x for x in low], dtype=np.int64)
    flow.set_nodes_supplies(np.array([source, sink, *judge_nodes], dtype=np.int64), supplies)
    if flow.solve() != flow.OPTIMAL:
        return Refusal("assign.infeasible", {"size": k, "entries": n_e, "judges": n_j})
    used = flow.flows(arcs).astype(bool)
    table = np.full((n_e, k), -1, dtype=np.int64)
    order = np.lexsort((ji[used], ei[used]))
    chosen_e, chosen_j = ei[used][order], ji[used][order]
    table[chosen_e, np.arange(len(chosen_e)) % k] = chosen_j  # k per entry, in order

    rng = np.random.default_rng(demand.seed)
    swaps = _connect(table, allowed, rng)
    if swaps is None:
        return Refusal("assign.disconnected", {"judges": n_j})
    swaps += _strengthen(table, allowed, rng)
    table.sort(axis=1)
    kept = int(kept_pairs[np.repeat(np.arange(n_e), k), table.ravel()].sum())
    matched = 0
    if demand.expertise:
        matched = int(wanted[np.repeat(np.arange(n_e), k), table.ravel()].sum())
    loads = np.bincount(table.ravel(), minlength=n_j)
    return Panels(
        panels={slug: tuple(judges[j] for j in table[e]) for e, slug in enumerate(entries)},
        min_cut=min_cut(table, n_j),
        loads={login: int(loads[j]) for j, login in enumerate(judges)},
        kept=kept,
        expertise_matched=matched,
        swaps=swaps,
    )


def _loads(caps: Sequence[int], places: int) -> tuple[list[int] | None, list[int] | None]:
    """Each judge's lowest and highest load: judges whose cap is below the fair share
    take exactly their cap; the others share the rest within one of each other."""
    if sum(caps) < places:
        return None, None
    low, high = list(caps), list(caps)
    order = sorted(range(len(caps)), key=lambda j: (caps[j], j))
    remaining, left = places, len(caps)
    for position, j in enumerate(order):
        if caps[j] >= -(-remaining // left):  # at least the larger load of a fair split
            base, extra = divmod(remaining, left)
            for other in order[position:]:
                low[other], high[other] = base, base + (extra > 0)
            return low, high
        remaining, left = remaining - caps[j], left - 1
    return (low, high) if remaining == 0 else (None, None)


def _tie_break(seed: int, entries: Sequence[str], judges: Sequence[str]) -> IntArray:
    """A seeded cost in [0, _TIE) per (entry, judge), each pair's own: adding an entry
    or a judge leaves every other pair's value as it was."""
    def keys(names: Iterable[str]) -> npt.NDArray[np.uint64]:
        return np.array([int.from_bytes(hashlib.blake2b(
            f"{seed}\0{name}".encode(), digest_size=8).digest(), "little") for name in names],
            dtype=np.uint64)

    with np.errstate(over="ignore"):
        mixed = keys(entries)[:, None] ^ (keys(judges)[None, :] * np.uint64(0x9E3779B97F4A7C15))
        mixed ^= mixed >> np.uint64(31)  # splitmix64's finalizer: every bit of both names
        mixed *= np.uint64(0xBF58476D1CE4E5B9)
        mixed ^= mixed >> np.uint64(29)
    return (mixed % np.uint64(_TIE)).astype(np.int64)


def _expertise(demand: Demand, entries: Sequence[str], judges: Sequence[str]
               ) -> npt.NDArray[np.bool_]:
    """(entry, judge) -> whether the entry's category is one of the judge's expertise."""
    names = sorted({c for c in demand.categories.values() if c is not None})
    number = {name: index for index, name in enumerate(names)}
    knows = np.zeros((len(judges), len(names) + 1), dtype=bool)  # last column: no category
    for j, login in enumerate(judges):
        for category in demand.expertise.get(login, ()):
            if category in number:
                knows[j, number[category]] = True
    of_entry = np.array([number.get(demand.categories.get(slug) or "", len(names))
                         for slug in entries], dtype=np.int64)
    wanted: npt.NDArray[np.bool_] = knows[:, of_entry].T
    return wanted


def _pairs(panels: Mapping[str, Sequence[str]], entries: Sequence[str],
           column: Mapping[str, int]) -> npt.NDArray[np.bool_]:
    found = np.zeros((len(entries), len(column)), dtype=bool)
    folded = {login.casefold(): j for login, j in column.items()}
    for e, slug in enumerate(entries):
        for login in panels.get(slug, ()):
            j = folded.get(login.casefold())
            if j is not None:
                found[e, j] = True
    return found


# --- connectivity --------------------------------------------------------------------


def _components(table: IntArray, n_judges: int) -> IntArray:
    """Component number of each judge (by shared entries); -1 for a judge with no entry."""
    active = np.zeros(n_judges, dtype=bool)
    active[table.ravel()] = True
    # Each entry's first judge is joined to each of its others.
    first = np.repeat(table[:, 0], table.shape[1] - 1)
    return reliability.judge_components(n_judges, active, first, table[:, 1:].ravel())


def _swap_across(table: IntArray, allowed: npt.NDArray[np.bool_], first: Sequence[int],
                 second: Sequence[int], wanted: int) -> int:
    """Up to `wanted` swaps, each between the entries of one pair of `zip(first, second)`:
    a judge of each trades places with a judge of the other, where neither has a
    conflict with the new entry nor is on it already. Loads are unchanged. The number
    made."""
    made = 0
    for e1, e2 in zip(first, second, strict=False):
        if made >= wanted:
            break
        row1, row2 = table[e1].tolist(), table[e2].tolist()
        for p, q in itertools.product(range(len(row1)), range(len(row2))):
            a, b = row1[p], row2[q]
            if allowed[e1, b] and allowed[e2, a] and b not in row1 and a not in row2:
                table[e1, p], table[e2, q] = b, a
                made += 1
                break
    return made


def _connect(table: IntArray, allowed: npt.NDArray[np.bool_],
             rng: np.random.Generator) -> int | None:
    """Join the design's islands: swaps between an entry of the first island and one of
    another until there is one; the number of swaps, or None when conflicts leave none."""
    swaps = 0
    while True:
        component = _components(table, allowed.shape[1])
        if component.max() <= 0:
            return swaps
        island = component[table[:, 0]]
        first = rng.permutation(np.flatnonzero(island == 0)).tolist()
        other = rng.permutation(np.flatnonzero(island == 1)).tolist()
        tries = [(e1, e2) for e1 in first[:200] for e2 in other[:200]]
        if not _swap_across(table, allowed, [t[0] for t in tries], [t[1] for t in tries], 1):
            return None
        swaps += 1


def _strengthen(table: IntArray, allowed: npt.NDArray[np.bool_],
                rng: np.random.Generator) -> int:
    """Swap across the weakest split of the judges until it is no weaker than one judge
    alone (the smallest load times K-1 links), so that no group of judges is compared
    with the rest through fewer entries than a single judge is. Expertise makes such
    splits (a category's judges among themselves); a balanced random design has none.
    The number of swaps."""
    n_judges, k = allowed.shape[1], table.shape[1]
    swaps = 0
    for _ in range(30):  # each round fixes the weakest split; a few are enough
        active = np.unique(table)
        loads = np.bincount(table.ravel(), minlength=n_judges)[active]
        target = int(loads.min()) * (k - 1)
        cut, side = stoer_wagner(link_weights(table, n_judges)[np.ix_(active, active)])
        if cut >= target or min(len(side), len(active) - len(side)) < 2:
            break
        inside = np.zeros(n_judges, dtype=bool)
        inside[active[side]] = True
        within = inside[table]
        first = rng.permutation(np.flatnonzero(within.all(axis=1))).tolist()
        second = rng.permutation(np.flatnonzero(~within.any(axis=1))).tolist()
        # Each swap adds 2(K-1) links across this split.
        made = _swap_across(table, allowed, first, second, -(-(target - cut) // (2 * (k - 1))))
        if made == 0:
            break
        swaps += made
    return swaps


def link_weights(table: IntArray, n_judges: int) -> npt.NDArray[np.float64]:
    """judge x judge: how many entries each pair shares."""
    weights = np.zeros((n_judges, n_judges), dtype=np.float64)
    for p in range(table.shape[1]):
        for q in range(table.shape[1]):
            if p != q:
                np.add.at(weights, (table[:, p], table[:, q]), 1)
    return weights


def min_cut(table: IntArray, n_judges: int) -> int:
    """The smallest number of links between two groups of the judges who have entries
    (a link: two judges sharing an entry), over every split in two; 0 when split."""
    active = np.unique(table)
    if len(active) < 2:
        return 0
    return stoer_wagner(link_weights(table, n_judges)[np.ix_(active, active)])[0]


def stoer_wagner(weights: npt.NDArray[np.float64]) -> tuple[int, list[int]]:
    """A minimum cut of the graph with this symmetric weight matrix: its weight, and
    the vertices of one side.

    Stoer and Wagner's algorithm on a dense matrix, each step one numpy operation:
    networkx's `stoer_wagner` (the reference, which a test compares with this on
    random graphs) takes 1.2 s (25 s on a loaded machine) on the 200 judges of a large
    round, this 0.04 s (benchmarks/bench_assign.py --reference); the design is cut
    once per strengthening step."""
    w = weights.astype(np.float64, copy=True)
    n = len(w)
    if n < 2:
        return 0, list(range(n))
    members: list[list[int]] = [[v] for v in range(n)]
    alive = np.ones(n, dtype=bool)
    best, best_side = np.inf, [0]
    for _ in range(n - 1):
        start = int(np.flatnonzero(alive)[0])
        # How strongly each vertex not yet added is joined to the growing set;
        # -inf marks the merged-away vertices and those already added.
        key = np.where(alive, w[start], -np.inf)
        key[start] = -np.inf
        before, last = start, start
        for _ in range(int(alive.sum()) - 1):
            chosen = int(key.argmax())
            phase_cut = key[chosen]
            key += w[chosen]
            key[chosen] = -np.inf
            before, last = last, chosen
        if phase_cut < best:
            best, best_side = phase_cut, list(members[last])
        members[before] += members[last]
        w[before] += w[last]
        w[:, before] += w[:, last]
        w[before, before] = 0
        w[last] = 0
        w[:, last] = 0
        alive[last] = False
    return round(float(best)), sorted(best_side)


# --- the round, from the repository ---------------------------------------------------


@dataclass
class Outcome:
    """What `assign_round` decided: the file's text (None when refused) and problems."""

    problems: list[Problem]
    round: Round | None = None
    panels: Panels | None = None
    text: str | None = None
    path: str | None = None
    changed: int = 0
    """Entries whose panel differs from the existing file's."""
    kept_total: int = 0


def conflicted(contest: Contest, judges: Sequence[str],
               teams: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """slug -> the judges of `judges` who may not score it: declared conflicts and the
    team (`teams`: slug -> casefolded logins), as `ledger.conflict` decides.

    This is where panels learn about conflicts; `_read_entries` passes, for each entry,
    the union of every team it had on the default branch (`teams.team_history`)."""
    # Only the judges who could have one are asked (5,000 entries x 200 judges would be
    # a million questions): those on the team and those who declared the entry.
    declared: dict[str, list[str]] = {}
    for login in judges:
        judge = contest.judge(login)
        for slug in judge.conflicts if judge is not None else ():
            declared.setdefault(slug, []).append(login)
    by_login = {login.casefold(): login for login in judges}
    found: dict[str, frozenset[str]] = {}
    for slug, team in teams.items():
        candidates = {*declared.get(slug, ()), *(by_login[m] for m in team if m in by_login)}
        found[slug] = frozenset(j for j in candidates
                                if ledger.conflict(contest, j, slug, team) is not None)
    return found


def _read_entries(root: Path, slugs: Sequence[str], judges: Sequence[str]
                  ) -> tuple[dict[str, str | None], dict[str, frozenset[str]]]:
    """Each entry's category (display-grade peek: it only steers a preference) and its
    team's logins among `judges` (read strictly where the text could name one)."""
    categories: dict[str, str | None] = {}
    teams: dict[str, frozenset[str]] = {}
    for slug in slugs:
        display = f"{ENTRIES_DIR}/{slug}/{MANIFEST}"
        try:
            raw = read_bytes(f"{root}/{display}", display, ENTRY_SIZE_LIMIT)
        except LoadFailure:
            categories[slug] = None
        else:
            categories[slug] = peek_text(raw, "category")
        teams[slug] = roster.read_entry(root, slug, judges, titles=False)[1]
    # A judge who left a team keeps the conflict (one `git log` for all entries).
    for slug, past in team_history(root, judges).items():
        if slug in teams:
            teams[slug] = teams[slug] | past.ever
    return categories, teams


def _locate(document: Document | None, path: Sequence[str | int]) -> tuple[int | None,
                                                                            int | None]:
    return document.locate(path) if document is not None else (None, None)


def assign_round(root: Path, contest: Contest, document: Document | None, round_id: str,
                 *, seed: int = 0, keep: bool = False) -> Outcome:
    """The panels of `round_id` as the file's text, or the problems that prevent them."""
    def at(code: str, path: Sequence[str | int], **params: Any) -> Problem:
        line, column = _locate(document, path)
        return Problem(CONTEST_FILE, line, column, code, params, dotted(path))

    round_ = contest.round(round_id)
    if round_ is None:
        return Outcome([at("assign.unknown-round", ["rounds"], round=round_id,
                           rounds=", ".join(r.id for r in contest.rounds))])
    index = contest.rounds.index(round_)
    if round_.panel is None:
        return Outcome([at("assign.no-panel", ["rounds", index], round=round_.id)], round_)
    found = roster.round_entries(root, contest, round_)
    if found.problem is not None:
        return Outcome([found.problem], round_)
    judges = [listed.github if (listed := contest.judge(login)) is not None else login
              for login in round_.judges]
    categories, teams = _read_entries(root, found.slugs, judges)
    existing: Mapping[str, Sequence[str]] = {}
    if keep:
        previous, problems = read_assignment(root, round_.id)
        if problems:
            return Outcome(problems, round_)
        existing = previous.panels if previous is not None else {}
    demand = Demand(
        entries=found.slugs,
        judges=judges,
        size=round_.panel.size,
        blocked=conflicted(contest, judges, teams),
        categories=categories,
        expertise={j.github: frozenset(j.expertise) for j in contest.judges if j.expertise},
        max_load={j.github: j.max_load for j in contest.judges if j.max_load is not None},
        keep=existing,
        seed=seed,
    )
    solved = solve(demand)
    if isinstance(solved, Refusal):
        where: list[str | int] = ["rounds", index, "panel", "size"]
        return Outcome([at(solved.code, where, round=round_.id, **solved.params)], round_)
    data = {
        "version": 1,
        "round": round_.id,
        "size": round_.panel.size,
        "seed": seed,
        "method": METHOD,
        "min_cut": solved.min_cut,
        "panels": {slug: list(judges) for slug, judges in solved.panels.items()},
    }
    path = assignment_file(round_.id)
    text = MODELINE + yamldump.dump(data, path)
    changed = sum(1 for slug, panel in solved.panels.items()
                  if slug in existing and {j.casefold() for j in existing[slug]}
                  != {j.casefold() for j in panel})
    return Outcome([], round_, solved, text, path, changed,
                   sum(len(p) for p in existing.values()))


def write(root: Path, outcome: Outcome) -> Path:
    assert outcome.text is not None and outcome.path is not None
    target = root / outcome.path
    target.parent.mkdir(exist_ok=True)
    write_atomically(target, outcome.text)
    return target


# --- reading the file back ---------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    round: str
    size: int
    seed: int
    method: str
    min_cut: int
    panels: dict[str, tuple[str, ...]]

    def judges_of(self, slug: str) -> tuple[str, ...]:
        return self.panels.get(slug, ())

    def queue(self, login: str) -> list[str]:
        """The entries `login` is assigned, in slug order."""
        folded = login.casefold()
        return sorted(slug for slug, panel in self.panels.items()
                      if any(j.casefold() == folded for j in panel))


def read_assignment(root: Path, round_id: str) -> tuple[Assignment | None, list[Problem]]:
    """assignments/<round>.yml through the strict loader and its schema; (None, [])
    when there is none."""
    display = assignment_file(round_id)
    path = root / display
    if not path.exists() and not path.is_symlink():
        return None, []
    try:
        document = load_file(path, display, ASSIGNMENT_SIZE_LIMIT)
    except LoadFailure as failure:
        return None, [failure.problem]
    problems = schemas.load_schema(root / "schema", ASSIGNMENT_SCHEMA).check(document)
    if problems:
        return None, problems
    data = document.data
    if data["round"] != round_id:
        line, column = document.locate(["round"])
        return None, [Problem(display, line, column, "assign.file-round",
                              {"round": data["round"], "expected": round_id}, "round")]
    return Assignment(data["round"], data["size"], data["seed"], data["method"],
                      data["min_cut"],
                      {slug: tuple(panel) for slug, panel in data["panels"].items()}), []


def unreadable(round_id: str, problem: Problem) -> UsageError:
    """The error of a command that needs a round's assignment file and cannot read it
    (`problem`, from `read_assignment`)."""
    return UsageError.coded("assign.file-unreadable", file=problem.location(), round=round_id,
                            detail=messages.by_language(problem.code, problem.params))


def allows(root: Path, contest: Contest, round_: Round, slug: str,
           login: str) -> Problem | None:
    """Why `login` may not score `slug` in `round_` under its assignment, or None.

    Only a round with a panel and an assignments/<round>.yml is restricted, and not when
    its panel says ``allow_unassigned: true``. A file that cannot be read refuses every
    score until it is fixed: a panel nobody can check is no panel."""
    if round_.panel is None or round_.panel.allow_unassigned:
        return None
    found, problems = read_assignment(root, round_.id)
    if problems:
        return Problem(problems[0].file, problems[0].line, problems[0].column,
                       "score.assignment-unreadable",
                       {"file": assignment_file(round_.id), "organizer": contest.organizer})
    if found is None:
        return None
    if any(j.casefold() == login.casefold() for j in found.judges_of(slug)):
        return None
    code = "score.not-assigned" if slug in found.panels else "score.entry-unassigned"
    return Problem(scorecomment.SOURCE, None, None, code, {
        "login": login, "slug": slug, "round": round_.id,
        "file": assignment_file(round_.id), "organizer": contest.organizer})


def exists(root: Path, round_id: str) -> bool:
    return os.path.lexists(root / assignment_file(round_id))
