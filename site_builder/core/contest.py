"""The contest model: contest.yml as typed objects, and the checks a schema cannot make.

The schema says what each field looks like; this module checks how fields
relate: dates in order, weights that sum to 100, unique ids, judges that
exist, award places that fit the finalists. A contest is built only from a
file that passes both, so the rest of the project can trust its objects.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from site_builder.core import messages, schemas
from site_builder.core.errors import ContestInvalid
from site_builder.core.loader import (
    CONTEST_SIZE_LIMIT,
    Document,
    LoadFailure,
    load_bytes,
    load_file,
)
from site_builder.core.messages import normalize_language
from site_builder.core.problems import Problem, dotted

CONTEST_FILE = "contest.yml"


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Judge:
    github: str
    name: str
    affiliation: str
    conflicts: tuple[str, ...] = ()
    max_load: int | None = None
    """At most this many entries of a round's panels (`contest assign`)."""
    expertise: tuple[str, ...] = ()
    """Category ids the judge is preferred for when panels are formed."""


@dataclass(frozen=True)
class Panel:
    """A round judged by panels: `size` judges per entry, as assignments/<round>.yml says."""

    size: int
    allow_unassigned: bool = False


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    weight: float
    max: int
    description: str = ""


TRIMMED_FROM = 5
"""A round's ``trimmed`` aggregation drops the highest and lowest total from this many
judges on; with fewer it is the mean. (Here, not in the tally's numpy code: the site
explains the rule too, and need not import numpy for a number.)"""


@dataclass(frozen=True)
class Round:
    id: str
    name: str
    opens: datetime
    closes: datetime
    judges: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    # No defaults here: schema/contest.schema.json holds them, and validation
    # (fastjsonschema) writes them into the data `_build` reads.
    min_judges: int
    aggregation: str
    correction: str
    description: str = ""
    tie_break: tuple[str, ...] = ()
    advance_top: int | None = None
    panel: Panel | None = None

    def criterion(self, key: str) -> Criterion | None:
        """A criterion by id or by name (judges may write either)."""
        folded = key.strip().casefold()
        for criterion in self.criteria:
            if folded in (criterion.id.casefold(), criterion.name.strip().casefold()):
                return criterion
        return None

    def has_judge(self, login: str) -> bool:
        return login.casefold() in {j.casefold() for j in self.judges}

    def rubric(self) -> dict[str, Any]:
        return {
            "round": self.id,
            "criteria": [
                {"id": c.id, "name": c.name, "weight": c.weight, "max": c.max}
                for c in self.criteria
            ],
        }

    def rubric_sha256(self) -> str:
        """Fingerprint of what a score means: stored with every score, so a
        rubric changed after judging began is detected, not silently mixed."""
        canonical = json.dumps(self.rubric(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Award:
    id: str
    name: str
    count: int
    prize: str = ""


@dataclass(frozen=True)
class Bot:
    """The git identity that commits recorded scores (contest.yml ``bot``); the ledger's
    provenance check accepts score commits by it only."""

    name: str
    email: str


DEFAULT_BOT = Bot("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")
"""The identity GitHub gives the workflow token, when contest.yml names none."""


@dataclass(frozen=True)
class Contest:
    title: str
    organizer: str
    language: str
    submission_open: datetime
    submission_close: datetime
    categories: tuple[Category, ...]
    judges: tuple[Judge, ...]
    rounds: tuple[Round, ...]
    awards: tuple[Award, ...]
    results_published: bool
    judge_names_shown: bool
    description: str = ""
    repository: str | None = None
    site_url: str | None = None
    announcement: datetime | None = None
    bot: Bot = DEFAULT_BOT
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def judge(self, login: str) -> Judge | None:
        """The judge with this GitHub login, whatever its case."""
        return self._judges_by_login.get(login.casefold())

    @functools.cached_property
    def _judges_by_login(self) -> dict[str, Judge]:
        # Asked once per cell of a coverage matrix: 5,000 entries x 200 judges.
        found: dict[str, Judge] = {}
        for judge in self.judges:
            found.setdefault(judge.github.casefold(), judge)  # the first, as before
        return found

    def round(self, round_id: str) -> Round | None:
        return next((r for r in self.rounds if r.id == round_id), None)

    def round_at(self, moment: datetime) -> Round | None:
        return next((r for r in self.rounds if r.opens <= moment <= r.closes), None)

    def previous_round(self, round_: Round) -> Round | None:
        index = self.rounds.index(round_)
        return self.rounds[index - 1] if index > 0 else None

    @property
    def final_round(self) -> Round:
        return self.rounds[-1]


@dataclass
class ContestLoad:
    """Outcome of reading contest.yml: the contest if it is valid, and every problem."""

    contest: Contest | None
    document: Document | None
    problems: list[Problem]
    language: str

    def require(self) -> Contest:
        """The contest, for a command that cannot run without it (`ContestInvalid`)."""
        if self.contest is None:
            raise ContestInvalid(self.problems, self.language)
        return self.contest


def load_contest(root: Path, schema_dir: Path | None = None) -> ContestLoad:
    path = root / CONTEST_FILE
    if not path.exists() and not path.is_symlink():
        problem = Problem(CONTEST_FILE, None, None, "contest.missing")
        return ContestLoad(None, None, [problem], "ko")
    schema = schemas.load_schema(schema_dir or root / "schema", schemas.CONTEST)
    try:
        document = load_file(path, CONTEST_FILE, CONTEST_SIZE_LIMIT)
    except LoadFailure as failure:
        return ContestLoad(None, None, [failure.problem], "ko")
    return _check(document, schema)


def load_contest_text(raw: bytes, schema: schemas.Schema) -> ContestLoad:
    """contest.yml from a git blob (pull-request mode reads the base commit's)."""
    try:
        document = load_bytes(raw, CONTEST_FILE, CONTEST_SIZE_LIMIT)
    except LoadFailure as failure:
        return ContestLoad(None, None, [failure.problem], "ko")
    return _check(document, schema)


def _check(document: Document, schema: schemas.Schema) -> ContestLoad:
    data = document.data
    language = normalize_language(data.get("language") if isinstance(data, dict) else None)
    problems = schema.check(document)
    if problems:
        return ContestLoad(None, document, problems, language)
    if schema.fast is None:
        _fill_round_defaults(data, schema)
    contest = _build(data)
    problems = list(_semantic_problems(contest, document))
    return ContestLoad(None if problems else contest, document, problems, language)


def _fill_round_defaults(data: Any, schema: schemas.Schema) -> None:
    """The schema's defaults of a round, where fastjsonschema did not write them in (it
    could not compile the schema, and jsonschema alone, which fills nothing, decided)."""
    properties = schema.property_schema(["rounds", 0]).get("properties", {})
    for round_ in data["rounds"]:
        for key, sub in properties.items():
            if isinstance(sub, Mapping) and "default" in sub:
                round_.setdefault(key, sub["default"])


def _dt(value: str) -> datetime:
    return schemas.parse_datetime(value)


def _build(data: Mapping[str, Any]) -> Contest:
    timeline = data["timeline"]
    rounds = tuple(
        Round(
            id=r["id"],
            name=r["name"],
            description=r.get("description", ""),
            opens=_dt(r["opens"]),
            closes=_dt(r["closes"]),
            judges=tuple(r["judges"]),
            min_judges=r["min_judges"],
            aggregation=r["aggregation"],
            correction=r["correction"],
            criteria=tuple(
                Criterion(
                    c["id"], c["name"], float(c["weight"]), c["max"], c.get("description", "")
                )
                for c in r["criteria"]
            ),
            tie_break=tuple(r.get("tie_break", ())),
            advance_top=(r.get("advance") or {}).get("top"),
            panel=(
                Panel(r["panel"]["size"], r["panel"].get("allow_unassigned", False))
                if "panel" in r else None
            ),
        )
        for r in data["rounds"]
    )
    publication = data["publication"]
    return Contest(
        title=data["title"],
        organizer=data["organizer"],
        language=data["language"],
        description=data.get("description", ""),
        repository=data.get("repository"),
        site_url=data.get("site_url"),
        submission_open=_dt(timeline["submission_open"]),
        submission_close=_dt(timeline["submission_close"]),
        announcement=_dt(timeline["announcement"]) if "announcement" in timeline else None,
        categories=tuple(
            Category(c["id"], c["name"], c.get("description", "")) for c in data["categories"]
        ),
        judges=tuple(
            Judge(
                j["github"], j["name"], j["affiliation"], tuple(j.get("conflicts", ())),
                j.get("max_load"), tuple(j.get("expertise", ())),
            )
            for j in data["judges"]
        ),
        rounds=rounds,
        awards=tuple(
            Award(a["id"], a["name"], a["count"], a.get("prize", "")) for a in data["awards"]
        ),
        results_published=publication["results"] == "published",
        judge_names_shown=publication["judge_names"] == "shown",
        bot=Bot(data["bot"]["name"], data["bot"]["email"]) if "bot" in data else DEFAULT_BOT,
        raw=data,
    )


_LABELS = {
    name: messages.both(f"contest.label-{name.replace('_', '-')}")
    for name in ("submission_open", "submission_close", "announcement")
}


def _semantic_problems(contest: Contest, doc: Document) -> Iterable[Problem]:
    def at(code: str, path: Sequence[str | int], **params: Any) -> Problem:
        line, column = doc.locate(path)
        return Problem(doc.file, line, column, code, params, dotted(path))

    # Dates in order: the submission window, then each round, one after another.
    if contest.submission_close <= contest.submission_open:
        yield at(
            "contest.date-order",
            ["timeline", "submission_close"],
            later_label=_LABELS["submission_close"],
            later=_iso(contest.submission_close),
            earlier_label=_LABELS["submission_open"],
            earlier=_iso(contest.submission_open),
        )
    previous_label, previous_time = _LABELS["submission_close"], contest.submission_close
    for index, round_ in enumerate(contest.rounds):
        names = {"name": round_.name, "index": index}
        opens_label = messages.both("contest.label-round-opens", names)
        closes_label = messages.both("contest.label-round-closes", names)
        if round_.opens < previous_time:
            yield at(
                "contest.date-order",
                ["rounds", index, "opens"],
                later_label=opens_label,
                later=_iso(round_.opens),
                earlier_label=previous_label,
                earlier=_iso(previous_time),
            )
        if round_.closes <= round_.opens:
            yield at(
                "contest.date-order",
                ["rounds", index, "closes"],
                later_label=closes_label,
                later=_iso(round_.closes),
                earlier_label=opens_label,
                earlier=_iso(round_.opens),
            )
        previous_label, previous_time = closes_label, round_.closes
    if contest.announcement is not None and contest.announcement < previous_time:
        yield at(
            "contest.date-order",
            ["timeline", "announcement"],
            later_label=_LABELS["announcement"],
            later=_iso(contest.announcement),
            earlier_label=previous_label,
            earlier=_iso(previous_time),
        )

    # Unique ids. GitHub logins compare without case, as GitHub does.
    raw = contest.raw
    yield from _duplicates(
        doc, "categories", raw["categories"], "id", messages.both("contest.kind-category")
    )
    yield from _duplicates(
        doc, "judges", raw["judges"], "github", messages.both("contest.kind-judge"), fold=True
    )
    yield from _duplicates(
        doc, "rounds", raw["rounds"], "id", messages.both("contest.kind-round")
    )
    yield from _duplicates(doc, "awards", raw["awards"], "id", messages.both("contest.kind-award"))

    known_judges = {j.github.casefold() for j in contest.judges}
    category_ids = {c.id for c in contest.categories}
    for j_index, judge in enumerate(contest.judges):
        for x_index, category in enumerate(judge.expertise):
            if category not in category_ids:
                yield at("contest.unknown-expertise", ["judges", j_index, "expertise", x_index],
                         login=judge.github, category=category,
                         categories=", ".join(sorted(category_ids)))
    last = len(contest.rounds) - 1
    reaching: int | None = None
    for index, round_ in enumerate(contest.rounds):
        raw_round = raw["rounds"][index]
        yield from _duplicates(
            doc,
            f"rounds.{index}.criteria",
            raw_round["criteria"],
            "id",
            messages.both("contest.kind-criterion-id"),
            path=["rounds", index, "criteria"],
        )
        yield from _duplicates(
            doc,
            f"rounds.{index}.criteria",
            raw_round["criteria"],
            "name",
            messages.both("contest.kind-criterion-name"),
            path=["rounds", index, "criteria"],
            fold=True,
        )
        total = sum(c.weight for c in round_.criteria)
        if abs(total - 100) > 1e-9:
            yield at(
                "contest.weights-sum",
                ["rounds", index, "criteria"],
                round=round_.id,
                total=_num(total),
            )
        for j_index, login in enumerate(round_.judges):
            if login.casefold() not in known_judges:
                yield at("contest.unknown-judge", ["rounds", index, "judges", j_index], login=login)
        if round_.min_judges > len(round_.judges):
            yield at(
                "contest.min-judges",
                ["rounds", index, "min_judges"],
                round=round_.id,
                min=round_.min_judges,
                count=len(round_.judges),
            )
        if round_.panel is not None and round_.panel.size > len(round_.judges):
            yield at("contest.panel-too-large", ["rounds", index, "panel", "size"],
                     round=round_.id, size=round_.panel.size, count=len(round_.judges))
        if round_.panel is not None and round_.panel.size < round_.min_judges:
            yield at("contest.panel-below-min", ["rounds", index, "panel", "size"],
                     round=round_.id, size=round_.panel.size, min=round_.min_judges)
        criterion_ids = {c.id for c in round_.criteria}
        for t_index, rule in enumerate(round_.tie_break):
            if rule.startswith("criterion:") and rule.split(":", 1)[1] not in criterion_ids:
                yield at(
                    "contest.unknown-criterion",
                    ["rounds", index, "tie_break", t_index],
                    rule=rule,
                    round=round_.id,
                )
        if index < last and round_.advance_top is None:
            yield at("contest.advance-missing", ["rounds", index], round=round_.id)
        if index == last and round_.advance_top is not None:
            yield at("contest.advance-on-last", ["rounds", index, "advance"], round=round_.id)
        if round_.advance_top is not None:
            if reaching is not None and round_.advance_top > reaching:
                yield at(
                    "contest.advance-grows",
                    ["rounds", index, "advance", "top"],
                    round=round_.id,
                    top=round_.advance_top,
                    previous=reaching,
                )
            if index < last:
                reaching = round_.advance_top

    # Award places must fit the entries that reach the final round.
    places = sum(a.count for a in contest.awards)
    if reaching is not None and places > reaching:
        yield at("contest.awards-exceed", ["awards"], total=places, finalists=reaching)


def _duplicates(
    doc: Document,
    where: str,
    items: Sequence[Mapping[str, Any]],
    key: str,
    kind: Mapping[str, str],
    *,
    path: Sequence[str | int] | None = None,
    fold: bool = False,
) -> Iterable[Problem]:
    base = list(path) if path is not None else [where]
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        value = str(item[key])
        folded = value.strip().casefold() if fold else value
        if folded in first:
            line, column = doc.locate([*base, index, key])
            first_line, _ = doc.locate([*base, first[folded], key])
            yield Problem(
                doc.file,
                line,
                column,
                "contest.duplicate-id",
                {"kind": kind, "id": value, "first_line": first_line},
                dotted([*base, index, key]),
            )
        else:
            first[folded] = index


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
