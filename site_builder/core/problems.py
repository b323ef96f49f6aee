"""Problems as data: what is wrong, where, and how to fix it.

Every check in the project reports through `Problem` objects collected in a
`Report`. A problem carries a message code and its parameters rather than a
rendered sentence, so the same problem can be shown in the contest's language
by any reporter (text, GitHub annotations, JSON for the comment bot).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from site_builder.core import messages

Severity = Literal["error", "warning"]


def dotted(path: Iterable[str | int]) -> str:
    """A document path as people read it: ``team.members[0].github``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True)
class Problem:
    file: str
    """Path relative to the contest root, with forward slashes."""
    line: int | None
    """1-based line, or None when the problem concerns the whole file."""
    column: int | None
    code: str
    """Key of the message catalogue, such as ``schema.required``."""
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)
    field: str | None = None
    """Dotted path of the field in the document, such as ``links.service``."""
    severity: Severity = "error"

    def message(self, lang: str) -> str:
        return messages.render(self.code, lang, self.params)

    def hint(self, lang: str) -> str | None:
        return messages.render_hint(self.code, lang, self.params)

    def location(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.code)

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "field": self.field,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }


MAX_PER_FILE = 200
"""Problems shown for one file; the rest are counted in one last problem. A file
made of 20,000 mistakes needs no 20,000 lines to be fixed, and explaining each
costs time the next pull request waits for."""

MORE_PROBLEMS = "report.more-problems"


def capped(problems: Iterable[Problem], limit: int = MAX_PER_FILE) -> list[Problem]:
    """`problems` with at most `limit` per file, then one `MORE_PROBLEMS` per file
    counting the rest (counts already carried by such problems included)."""
    kept: list[Problem] = []
    shown: dict[str, int] = {}
    rest: dict[str, int] = {}
    for problem in problems:
        if problem.code == MORE_PROBLEMS:
            rest[problem.file] = rest.get(problem.file, 0) + int(problem.params["count"])
        elif shown.get(problem.file, 0) < limit:
            shown[problem.file] = shown.get(problem.file, 0) + 1
            kept.append(problem)
        else:
            rest[problem.file] = rest.get(problem.file, 0) + 1
    kept.extend(Problem(file, None, None, MORE_PROBLEMS, {"count": count})
                for file, count in rest.items() if count)
    return kept


@dataclass
class Report:
    """Every problem found by one run, plus what the run was about."""

    problems: list[Problem] = field(default_factory=list)
    checked_files: int = 0
    entry: str | None = None
    """In pull-request mode, the slug of the entry the pull request touches."""
    status: str | None = None
    """Set by pull-request mode: ``valid``, ``needs-fix`` or ``late``."""

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        unique = dict.fromkeys(self.problems)
        return sorted(unique, key=Problem.sort_key)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())
