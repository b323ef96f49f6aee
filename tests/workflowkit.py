"""Run the `contest` commands of .github/workflows/ the way GitHub Actions would, for tests.

The end-to-end test must not hold its own copy of the command lines: it reads
them from the workflow files. This module

* loads a workflow (through site_builder.core.loader: `on:` stays a key);
* finds, in a step's `run:` script, each command line that invokes `contest`
  (also inside ``$( )`` or after ``if !``), but not the word in an echo;
* evaluates the `${{ }}` expressions the workflows use, in `env:`, `with:`
  and `if:` (contexts github, runner, steps, secrets; property paths with ``.*``;
  literals; ``== != ! && ||``; contains, startsWith, endsWith, always,
  success, failure, cancelled) — anything else raises, so a workflow that
  starts using more fails the test instead of being misread;
* expands ``$VAR`` and ``"$VAR"`` in a command line from the step's
  environment, with shlex doing the quoting, and refuses an unknown variable;
* runs the command with the runner's environment (GITHUB_EVENT_PATH,
  RUNNER_TEMP, GITHUB_OUTPUT, ...) plus the workflow's, job's and step's
  `env:`, in the step's working directory, and reads back GITHUB_OUTPUT;
* stands in for actions/checkout (a clone of the test's bare origin at the
  evaluated `ref`, into the evaluated `path`) and actions/download-artifact
  (a copy of the uploading job's folder to the evaluated `path`).

Nothing else is executed: no `gh`, no `jq`, no GitHub API. What those steps
would have produced (a pull request number from the API, say) the test gives
as step outputs.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contestkit import REPO, git

from site_builder.core.loader import load_file

WORKFLOWS = REPO / ".github" / "workflows"
RUN_CONTEST = Path(__file__).resolve().parent / "workflow_contest.py"
REPOSITORY = "example-org/citizen-software-contest-2015"
TOKEN = "ghs_e2e-placeholder-not-a-token"
COMMAND_TIMEOUT = 900
"""Seconds: a guard against a hung command, far above what any step takes."""


def load_workflow(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_file(WORKFLOWS / name, name, 1 << 20).data
    return data


def workflow_names() -> list[str]:
    names = sorted(p.name for p in WORKFLOWS.glob("*.yml"))
    assert names, f"no workflows in {WORKFLOWS}"
    return names


# --- contest command lines in a script ------------------------------------------------

# `contest` at a command position (line start, after `$(`, `!`, `then`, `do`,
# `&&`, `||`, `;`, or `|`), followed by a command or a global option.
_COMMAND_START = re.compile(
    r"(?:^|\$\(|[;|&]\s*|\b(?:then|do|else)\s+|!\s+)\s*(?P<cmd>contest\s+(?:[a-z]|--))"
)


def contest_lines(script: str) -> list[str]:
    """Every `contest ...` command in a bash script, as written (quotes kept)."""
    joined = re.sub(r"\s*\\\n\s*", " ", script)
    found: list[str] = []
    for line in joined.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for match in _COMMAND_START.finditer(line):
            # Inside "$( )" quotes start afresh: only a plain quoted word is skipped.
            substituted = line[: match.start("cmd")].rstrip().endswith("$(")
            if not substituted and _quoted_at(line, match.start("cmd")):
                continue
            found.append(_command_at(line, match.start("cmd")))
    return found


def _quoted_at(line: str, index: int) -> bool:
    single = double = False
    for char in line[:index]:
        if char == "'" and not double:
            single = not single
        elif char == '"' and not single:
            double = not double
    return single or double


def _command_at(line: str, start: int) -> str:
    """From `start` to the end of the command: an unquoted ) ; | & # or the line's end."""
    single = double = False
    depth = 0
    index = start
    while index < len(line):
        char = line[index]
        if char == "'" and not double:
            single = not single
        elif char == '"' and not single:
            double = not double
        elif not single and line.startswith("$(", index):
            depth += 1
            index += 1
        elif not single and not double:
            if char == ")" and depth:
                depth -= 1
            elif char in ");|&" or (char == "#" and line[index - 1].isspace()):
                break
        index += 1
    return line[start:index].strip()


def shell_words(command: str, env: Mapping[str, str]) -> list[str]:
    """The words bash would pass for `command`: ``$VAR``/``${VAR}`` expanded from
    `env` (outside single quotes), quotes removed by shlex. An unknown variable,
    or an expansion bash would split, raises."""
    values: list[str] = []
    out: list[str] = []
    single = double = False
    index = 0
    while index < len(command):
        char = command[index]
        if char == "'" and not double:
            single = not single
        elif char == '"' and not single:
            double = not double
        elif char == "$" and not single:
            match = re.match(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))",
                             command[index:])
            if match is None:
                raise NotImplementedError(f"cannot expand {command[index:index + 20]!r}")
            name = match.group(1) or match.group(2)
            if name not in env:
                raise KeyError(f"${name} is not set for: {command}")
            if not double and re.search(r"\s", env[name]):
                raise ValueError(f"unquoted ${name} would be split by bash: {command}")
            out.append(f"\0{len(values)}\0")
            values.append(env[name])
            index += match.end()
            continue
        out.append(char)
        index += 1
    words = shlex.split("".join(out))
    return [re.sub(r"\0(\d+)\0", lambda m: values[int(m.group(1))], word) for word in words]


# --- expressions ------------------------------------------------------------------------

_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||[!().,\[\]*])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))"
)


class Expressions:
    """A small evaluator of GitHub Actions expressions over the given contexts."""

    def __init__(self, contexts: Mapping[str, Any]) -> None:
        self.contexts = contexts

    def interpolate(self, text: str) -> str:
        """`text` with each ``${{ expr }}`` replaced by its value as a string."""
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: _string(self.evaluate(m.group(1))), text)

    def condition(self, text: str | bool | None) -> bool:
        """An `if:`; no `if:` is true."""
        if text is None or isinstance(text, bool):
            return text is not False
        inner = text.strip()
        if inner.startswith("${{") and inner.endswith("}}"):
            inner = inner[3:-2]
        return _truthy(self.evaluate(inner))

    def evaluate(self, source: str) -> Any:
        tokens = self._tokens(source)
        parser = _Parser(tokens, self.contexts, source)
        value = parser.expression()
        if parser.position != len(tokens):
            raise NotImplementedError(f"cannot evaluate {source!r}")
        return value

    @staticmethod
    def _tokens(source: str) -> list[tuple[str, str]]:
        tokens: list[tuple[str, str]] = []
        position = 0
        while position < len(source.rstrip()):
            match = _TOKEN.match(source, position)
            if match is None or match.end() == position:
                raise NotImplementedError(f"cannot read {source[position:]!r} in {source!r}")
            kind = match.lastgroup or ""
            tokens.append((kind, match.group(kind)))
            position = match.end()
        return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], contexts: Mapping[str, Any],
                 source: str) -> None:
        self.tokens = tokens
        self.position = 0
        self.contexts = contexts
        self.source = source

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            raise NotImplementedError(f"expected {value!r} in {self.source!r}")
        self.position += 1
        return token

    def expression(self) -> Any:
        left = self.conjunction()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.conjunction()
            left = left if _truthy(left) else right
        return left

    def conjunction(self) -> Any:
        left = self.comparison()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.comparison()
            left = right if _truthy(left) else left
        return left

    def comparison(self) -> Any:
        left = self.unary()
        token = self.peek()
        if token in (("op", "=="), ("op", "!=")):
            self.take()
            right = self.unary()
            equal = _loose_equal(left, right)
            return equal if token[1] == "==" else not equal
        return left

    def unary(self) -> Any:
        if self.peek() == ("op", "!"):
            self.take()
            return not _truthy(self.unary())
        return self.primary()

    def primary(self) -> Any:
        kind, value = self.take()
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if kind == "num":
            return float(value) if "." in value else int(value)
        if (kind, value) == ("op", "("):
            inner = self.expression()
            self.take(")")
            return inner
        if kind != "name":
            raise NotImplementedError(f"unexpected {value!r} in {self.source!r}")
        if value in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[value]
        if self.peek() == ("op", "("):
            return self.call(value)
        if value not in self.contexts:
            raise NotImplementedError(f"unknown context {value!r} in {self.source!r}")
        return self.path(self.contexts[value])

    def path(self, node: Any) -> Any:
        spread = False
        while self.peek() in (("op", "."), ("op", "[")):
            _, op = self.take()
            if op == ".":
                _, name = self.take()
                if name == "*":
                    node = list(node.values()) if isinstance(node, dict) else (node or [])
                    spread = True
                    continue
            else:
                name = str(self.primary())
                self.take("]")
            if spread:
                node = [item.get(name) for item in node if isinstance(item, dict)]
            else:
                node = node.get(name) if isinstance(node, dict) else None
        return node

    def call(self, name: str) -> Any:
        self.take("(")
        args: list[Any] = []
        while self.peek() != ("op", ")"):
            args.append(self.expression())
            if self.peek() == ("op", ","):
                self.take()
        self.take(")")
        lowered = name.lower()
        if lowered in ("always", "success"):
            return True
        if lowered in ("failure", "cancelled"):
            return False
        if lowered == "contains":
            haystack, needle = args
            if isinstance(haystack, list):
                return any(_loose_equal(item, needle) for item in haystack)
            return _string(needle).casefold() in _string(haystack).casefold()
        if lowered == "startswith":
            return _string(args[0]).casefold().startswith(_string(args[1]).casefold())
        if lowered == "endswith":
            return _string(args[0]).casefold().endswith(_string(args[1]).casefold())
        raise NotImplementedError(f"function {name}() in {self.source!r}")


def _truthy(value: Any) -> bool:
    return value not in (None, False, 0, "") and not (isinstance(value, float) and value != value)


def _loose_equal(left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    return bool(left == right)


def _string(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        raise NotImplementedError("an object or array in a string context")
    return str(value)


# --- running a job ----------------------------------------------------------------------


@dataclass
class Ran:
    """One `contest` command as a step ran it."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Job:
    """One job of a workflow, run against one event on a local origin."""

    workflow: str
    event_name: str
    payload: dict[str, Any]
    origin: Path
    home: Path
    job: str | None = None
    attachments: str | None = None
    """A local server's address for images attached to an issue (workflow_contest.py)."""
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    """Step outputs, by step id: set by the test for steps it does not run."""

    def __post_init__(self) -> None:
        self.definition = load_workflow(self.workflow)
        jobs = self.definition["jobs"]
        self.job = self.job or next(iter(jobs))
        self.spec: dict[str, Any] = jobs[self.job]
        self.workspace = self.home / "workspace"
        self.temp = self.home / "temp"
        self.workspace.mkdir(parents=True)
        self.temp.mkdir()
        (self.home / "home").mkdir()
        self.event_path = self.home / "event.json"
        self.event_path.write_text(json.dumps(self.payload, ensure_ascii=False), encoding="utf-8")
        self.outcomes: dict[str, str] = {}

    # The contexts an expression sees.
    def contexts(self) -> dict[str, Any]:
        steps = {
            step_id: {"outputs": self.outputs.get(step_id, {}),
                      "outcome": self.outcomes.get(step_id, "success"),
                      "conclusion": self.outcomes.get(step_id, "success")}
            for step_id in {*self.outputs, *self.outcomes}
        }
        return {
            "github": {
                "event": self.payload, "event_name": self.event_name,
                "repository": REPOSITORY, "repository_owner": REPOSITORY.split("/")[0],
                "token": TOKEN, "workspace": str(self.workspace), "server_url": "https://github.com",
                "api_url": "https://api.github.com", "run_id": "4242", "actor": "octocat",
            },
            "runner": {"temp": str(self.temp), "os": "Linux", "arch": "X64"},
            "steps": steps,
            # A repository that has set no secret: GitHub gives an empty string.
            "secrets": {"CONTEST_JUDGE_SALT": ""},
        }

    @property
    def expressions(self) -> Expressions:
        return Expressions(self.contexts())

    def runs(self) -> bool:
        """Whether the job's `if:` lets it run for this event."""
        return self.expressions.condition(self.spec.get("if"))

    def step(self, name: str) -> dict[str, Any]:
        for step in self.spec["steps"]:
            if step.get("name") == name:
                return dict(step)
        raise KeyError(f"{self.workflow}: no step named {name!r}")

    def checkout_steps(self) -> list[str]:
        return [str(step.get("name")) for step in self.spec["steps"]
                if str(step.get("uses", "")).startswith("actions/checkout@")]

    def with_(self, name: str) -> dict[str, str]:
        return {key: self.expressions.interpolate(str(value))
                for key, value in (self.step(name).get("with") or {}).items()}

    def env(self, name: str | None = None, extra: Mapping[str, str] | None = None
            ) -> dict[str, str]:
        """The environment of a step (or of the job, without `name`): the runner's,
        then the workflow's, the job's and the step's env:."""
        keep = {key: value for key, value in os.environ.items()
                if not key.startswith(("GITHUB_", "RUNNER_", "GIT_"))}
        env = {
            **keep,
            "CI": "true", "GITHUB_ACTIONS": "true", "HOME": str(self.home / "home"),
            "GITHUB_EVENT_NAME": self.event_name, "GITHUB_EVENT_PATH": str(self.event_path),
            "GITHUB_REPOSITORY": REPOSITORY, "GITHUB_WORKSPACE": str(self.workspace),
            "RUNNER_TEMP": str(self.temp), "GITHUB_OUTPUT": str(self.temp / "output"),
            "GITHUB_STEP_SUMMARY": str(self.temp / "summary.md"),
            # Like a fresh runner: no git identity anywhere.
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
            "PYTHONPATH": str(REPO),
        }
        step_env = self.step(name).get("env") if name else None
        for block in (self.definition.get("env"), self.spec.get("env"), step_env):
            for key, value in (block or {}).items():
                env[key] = self.expressions.interpolate(str(value))
        env.update(extra or {})
        return env

    def contest_lines(self, name: str) -> list[str]:
        return contest_lines(self.step(name).get("run") or "")

    def run(self, name: str, *, shell: Mapping[str, str] | None = None) -> list[Ran]:
        """Run the `contest` lines of step `name`, whose `if:` must hold.

        `shell` gives the variables the script sets itself before the command
        (such as a slug read with jq); every other $VAR must come from env."""
        step = self.step(name)
        assert self.expressions.condition(step.get("if")), f"{name}: its if: is false"
        lines = self.contest_lines(name)
        assert lines, f"{self.workflow}: step {name!r} runs no contest command"
        env = self.env(name)
        cwd = self.workspace / self.expressions.interpolate(step.get("working-directory", "."))
        output = Path(env["GITHUB_OUTPUT"])
        output.write_text("", encoding="utf-8")
        ran = [self.execute(line, cwd, {**env, **(shell or {})}, env) for line in lines]
        if step.get("id"):
            self.outputs.setdefault(step["id"], {}).update(_read_output(output))
        return ran

    def execute(self, line: str, cwd: Path, variables: Mapping[str, str],
                env: Mapping[str, str] | None = None) -> Ran:
        """One `contest` command line, its $VARs taken from `variables`."""
        words = shell_words(line, variables)
        assert words[0] == "contest", line
        prefix = ["--attachments-from", self.attachments] if self.attachments else []
        done = subprocess.run(
            [sys.executable, str(RUN_CONTEST), *prefix, *words[1:]], cwd=cwd,
            env=dict(env if env is not None else variables), capture_output=True, text=True,
            check=False, timeout=COMMAND_TIMEOUT,
        )
        return Ran(words, done.returncode, done.stdout, done.stderr)

    def checkout(self, name: str) -> Path:
        """actions/checkout: a clone of the origin at the step's `ref`, in its `path`."""
        step = self.step(name)
        assert str(step.get("uses", "")).startswith("actions/checkout@"), name
        assert self.expressions.condition(step.get("if")), f"{name}: its if: is false"
        options = self.with_(name)
        ref = options.get("ref") or self.payload["repository"]["default_branch"]
        target = self.workspace / options.get("path", ".")
        if target.exists() and target != self.workspace:
            shutil.rmtree(target)
        depth = int(options.get("fetch-depth", "1"))
        clone = ["clone", "-q"]
        is_branch = not re.fullmatch(r"[0-9a-f]{40}", ref)
        if is_branch:
            clone += ["--branch", ref] + (["--depth", str(depth)] if depth else [])
        git(self.home, *clone, self.origin.as_uri(), str(target), identity=False)
        if not is_branch:
            git(target, "fetch", "-q", "origin", "+refs/pull/*/head:refs/remotes/origin/pull/*",
                identity=False)
            git(target, "checkout", "-q", "--detach", ref, identity=False)
        return target

    def download(self, name: str, source: Path) -> Path:
        """actions/download-artifact: the uploaded folder, copied to the step's `path`."""
        step = self.step(name)
        assert str(step.get("uses", "")).startswith("actions/download-artifact@"), name
        target = Path(self.with_(name)["path"])
        shutil.copytree(source, target)
        return target


def _read_output(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key:
            values[key] = value
    return values


def job_of(workflow: str, step_name: str) -> str:
    """The id of the job of `workflow` that has the step `step_name`."""
    for job_id, job in load_workflow(workflow)["jobs"].items():
        if any(step.get("name") == step_name for step in job.get("steps") or []):
            return str(job_id)
    raise KeyError(f"{workflow}: no step named {step_name!r}")


def all_contest_lines() -> dict[tuple[str, str], list[str]]:
    """Every step of every workflow that runs `contest`, with its command lines."""
    found: dict[tuple[str, str], list[str]] = {}
    for name in workflow_names():
        for job in load_workflow(name)["jobs"].values():
            for step in job.get("steps") or []:
                lines = contest_lines(step.get("run") or "")
                if lines:
                    found[(name, step.get("name", "?"))] = lines
    return found
