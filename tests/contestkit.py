"""The one home of the tests' helpers: contest repositories, entries, images, git, the CLI.

* `REPO`: this checkout (the repository root), the one constant every test uses.
* contest repositories: `new_contest` copies this checkout's contest.yml and schema/
  as they are (a `ContestTree` to add entries to); `write_contest` writes the example
  contest.yml rewritten as a test needs (judges, rounds, conflicts).
* entries: `VALID_ENTRY`/`entry_text` (a manifest that passes every check),
  `ContestTree.write_entry`, `add_entry` (one made by `contest new`).
* images: `image_bytes` and `make_image`, real images drawn with Pillow.
* git: `git`, `commit_all`, with no user configuration and a fixed identity.
* forks: `watch_children` makes sure a forked child of `parallel.map_chunks` works,
  and says which processes did.
* the CLI: `invoke_contest` runs `contest ARGS` in this process (its output captured,
  the exit code `site_builder.cli.main` chooses); `run_contest` runs
  ``python -m site_builder ARGS`` as a child process, for the tests that are about the
  process (exit status of the interpreter, memory and time limits, environment, forks).
  Both return a `subprocess.CompletedProcess`, so a test reads either the same way.
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from PIL import Image, ImageDraw

from site_builder.core import messages, parallel
from site_builder.core.contest import load_contest
from site_builder.core.loader import CONTEST_SIZE_LIMIT, load_file
from site_builder.submissions.scaffold import PLACEHOLDER_LOGIN, PLACEHOLDER_TEXT, new_entry

REPO = Path(__file__).resolve().parents[1]
CLI_TIMEOUT = 60
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space for hostile-input runs

#: What a test's git sees: no user or system configuration, nothing inherited from the
#: caller's GIT_* variables, no prompt; an identity only where `git` is asked to give one
#: (a CI runner has none, and the recorder must set its own).
GIT_BASE = {
    **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
}
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Contest Test", "GIT_AUTHOR_EMAIL": "test@contest.invalid",
    "GIT_COMMITTER_NAME": "Contest Test", "GIT_COMMITTER_EMAIL": "test@contest.invalid",
}
GIT_ENV = {**GIT_BASE, **GIT_IDENTITY}


def git(cwd: Path, *args: str, identity: bool = True) -> str:
    """Run git in `cwd`, fail the test with its message if it fails; its output."""
    done = subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV if identity else GIT_BASE,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}:\n{done.stderr}"
    return done.stdout.strip()


def require_full_history() -> None:
    """Skip a test that reads this checkout's ledger commits where there are none: not a
    git checkout, or a shallow clone."""
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: the results name commits of the ledger")
    if git(REPO, "rev-parse", "--is-shallow-repository") == "true":
        pytest.skip("a shallow clone: fetch the whole history (git fetch --unshallow)")


def commit_all(cwd: Path, message: str) -> str:
    """Stage everything, commit (even when nothing changed) and return the commit."""
    git(cwd, "add", "-A")
    git(cwd, "commit", "--quiet", "--allow-empty", "-m", message)
    return git(cwd, "rev-parse", "HEAD")


def commit_scores(cwd: Path, *, bot: tuple[str, str] = (
        "contest-bot", "contest-bot@users.noreply.github.com")) -> None:
    """Commit each changed score file under scores/ as the recorder does: one commit per
    file, authored by its judge, committed by the contest's bot (the example contest.yml
    names contest-bot), with the trailers of the file's comment_url, event_time and
    pull_request. A removed file is committed as a withdrawal."""
    changed = subprocess.run(
        ["git", "status", "--porcelain", "-z", "--untracked-files=all", "--", "scores"],
        cwd=cwd, env=GIT_BASE, capture_output=True, text=True, check=True).stdout
    for line in sorted(item for item in changed.split("\0") if item):
        status, path = line[:2].strip(), line[3:]
        if path.count("/") < 3:
            continue  # a loose file of scores/ is no score
        login = Path(path).stem
        trailers = ["Event-Time: 2015-12-18T00:00:00Z"]
        if status != "D":
            data = load_file(cwd / path, path, CONTEST_SIZE_LIMIT).data  # times stay text
            trailers = [f"Event-Time: {data['event_time']}"]
            if data.get("comment_url"):
                trailers.insert(0, f"Comment: {data['comment_url']}")
            if data.get("pull_request") is not None:
                trailers.append(f"Pull-Request: #{data['pull_request']}")
        env = {**GIT_BASE, "GIT_AUTHOR_NAME": login,
               "GIT_AUTHOR_EMAIL": f"{login}@users.noreply.github.com",
               "GIT_COMMITTER_NAME": bot[0], "GIT_COMMITTER_EMAIL": bot[1]}
        subprocess.run(["git", "add", "-A", "--", path], cwd=cwd, env=env, check=True)
        message = f"score: {path}\n\n" + "\n".join(trailers) + "\n"
        subprocess.run(["git", "commit", "-q", "-m", message, "--", path], cwd=cwd, env=env,
                       check=True)


def contest_data() -> dict[str, Any]:
    """The repository's contest.yml as data (through the strict loader: times stay text)."""
    data: dict[str, Any] = load_file(REPO / "contest.yml", "contest.yml", CONTEST_SIZE_LIMIT).data
    return data


def write_contest(
    root: Path,
    *,
    judges: Sequence[str] | None = None,
    first_judges: Sequence[str] | None = None,
    final_judges: Sequence[str] | None = None,
    conflicts: Mapping[str, Sequence[str]] | None = None,
    change: Any = None,
) -> dict[str, Any]:
    """contest.yml and schema/ in `root`. `judges` replaces the contest's judges (all
    are then judges of both rounds unless `first_judges`/`final_judges` say otherwise)."""
    data = contest_data()
    if judges is not None:
        data["judges"] = [
            {"github": login, "name": f"Judge {login}", "affiliation": "Test"} for login in judges
        ]
        for round_ in data["rounds"]:
            round_["judges"] = list(judges)
    if first_judges is not None:
        data["rounds"][0]["judges"] = list(first_judges)
    if final_judges is not None:
        data["rounds"][1]["judges"] = list(final_judges)
    for judge in data["judges"]:
        judge.pop("conflicts", None)
        if conflicts and judge["github"] in conflicts:
            judge["conflicts"] = list(conflicts[judge["github"]])
    for round_ in data["rounds"]:
        round_["min_judges"] = min(round_.get("min_judges", 3), len(round_["judges"]))
    if change is not None:
        change(data)
    root.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    (root / "contest.yml").write_text(text, encoding="utf-8")
    if not (root / "schema").exists():
        copy_from_checkout(root, "schema")
    loaded = load_contest(root)
    assert loaded.contest is not None, [p.message("en") for p in loaded.problems]
    return data


def fill_in_scaffold(folder: Path, github: str | None = None) -> None:
    """What an entrant does after `contest new`: the sample sentences, the placeholder
    login (when `github` is given) and the drawn screenshot replaced by their own."""
    from PIL import Image

    manifest = folder / "entry.yml"
    text = manifest.read_text(encoding="utf-8")
    for key, sentences in PLACEHOLDER_TEXT.items():
        for sentence in sentences:
            text = text.replace(sentence, f"The {key} of the service, written by its team.")
    if github is not None:
        text = text.replace(f"github: {PLACEHOLDER_LOGIN}", f"github: {github}")
    manifest.write_text(text, encoding="utf-8")
    screenshot = folder / "screenshot-1.png"
    with Image.open(screenshot) as drawn:
        real = drawn.convert("RGB")
    real.putpixel((0, 0), (0, 0, 0))
    real.save(screenshot)  # no text chunk: no longer the scaffold's image


def add_entry(root: Path, slug: str, members: Iterable[str] = ("entrant-one",)) -> None:
    """A valid entry made by `contest new` and filled in, with the given team."""
    loaded = load_contest(root)
    assert loaded.contest is not None
    logins = list(members)
    path = new_entry(root, loaded.contest, slug, github=logins[0], category=None,
                     title=f"Service {slug}")
    fill_in_scaffold(path.parent)
    if len(logins) > 1:
        text = path.read_text(encoding="utf-8")
        extra = "".join(f"    - name: Member {login}\n      github: {login}\n"
                        for login in logins[1:])
        marker = f"      github: {logins[0]}\n"
        path.write_text(text.replace(marker, marker + extra, 1), encoding="utf-8")


def write_results(root: Path, round_id: str, advanced: Sequence[str]) -> None:
    """results/<round>.json in the tally's format (only `advanced` is read here)."""
    (root / "results").mkdir(exist_ok=True)
    document = {
        "version": 1,
        "round": round_id,
        "entries": [
            {"entry": slug, "rank": index + 1, "score": 90.0 - index, "complete": True,
             "advanced": True, "award": None}
            for index, slug in enumerate(advanced)
        ],
        "advanced": list(advanced),
    }
    (root / "results" / f"{round_id}.json").write_text(json.dumps(document), encoding="utf-8")


# --- a contest copied as it is, and entries written by hand ----------------------------

VALID_ENTRY = """\
# yaml-language-server: $schema=../../schema/entry.schema.json
title: 우리동네 무료 와이파이 찾기
summary: 가까운 공공 와이파이를 지도에서 바로 찾아 주는 서비스입니다.
description: |
  ## 이렇게 쓰세요

  1. 서비스 주소에 들어갑니다.
  2. 지도를 움직여 가까운 공공 와이파이를 찾습니다.

  공공데이터포털의 전국무료와이파이표준데이터를 씁니다.
category: welfare
tags: [와이파이, 지도]
team:
  name: 동네 개발자들
  members:
    - name: 홍길동
      github: hong-gildong
links:
  service: https://wifi-finder.example.org/
  source: https://github.com/example/wifi-finder
platforms: [web]
public_data:
  - name: 전국무료와이파이표준데이터
    provider: 공공데이터포털
    url: https://www.data.go.kr/data/15013116/standard.do
license: MIT
screenshots:
  - screenshot-1.png
"""
"""A manifest that passes every check when screenshot-1.png sits next to it."""


def entry_text(
    *, title: str | None = None, service: str | None = None, github: str | None = None
) -> str:
    """`VALID_ENTRY` with a different title, service address or member login."""
    text = VALID_ENTRY
    if title is not None:
        text = text.replace("title: 우리동네 무료 와이파이 찾기", f"title: {title}")
    if service is not None:
        text = text.replace("https://wifi-finder.example.org/", service)
    if github is not None:
        text = text.replace("github: hong-gildong", f"github: {github}")
    return text


class ContestTree:
    """A contest repository on disk: contest.yml and schema/ from this checkout, entries/."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def write_entry(
        self,
        slug: str,
        manifest: str | bytes = VALID_ENTRY,
        images: Iterable[str] = ("screenshot-1.png",),
    ) -> Path:
        """entries/<slug>/ with `manifest` as entry.yml and a 640x400 image per name
        (the format follows the extension)."""
        folder = self.root / "entries" / slug
        self.write(f"entries/{slug}/entry.yml", manifest)
        for name in images:
            make_image(folder / name, fmt=image_format(name))
        return folder


def copy_from_checkout(root: Path, *names: str) -> None:
    """Copy files and folders of this checkout (contest.yml, schema, docs...) into `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, dirs_exist_ok=True)
        else:
            shutil.copy2(REPO / name, root / name)


def new_contest(root: Path) -> ContestTree:
    """Copy this checkout's contest.yml and schema/ into `root`, with an empty entries/."""
    copy_from_checkout(root, "contest.yml", "schema")
    (root / "entries").mkdir()
    return ContestTree(root)


# --- images ---------------------------------------------------------------------------


def image_bytes(
    fmt: str = "PNG",
    size: tuple[int, int] = (640, 400),
    color: tuple[int, int, int] = (40, 90, 160),
    *,
    drawn: bool = False,
    **save: object,
) -> bytes:
    """A real image of `size` in `fmt` (PNG, JPEG, WEBP...): one `color`, or with
    `drawn` a light background with a band and a circle on it."""
    image = Image.new("RGB", size, (236, 239, 244) if drawn else color)
    if drawn:
        draw = ImageDraw.Draw(image)
        width, height = size
        draw.rectangle((0, 0, width, max(1, height // 8)), fill=(48, 63, 159))
        draw.ellipse((width // 4, height // 4, width // 2, height // 2), fill=(200, 80, 60))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return buffer.getvalue()


def make_image(
    path: Path, size: tuple[int, int] = (640, 400), fmt: str = "PNG", **save: object
) -> Path:
    """A real image file of `size` in `fmt` (PNG, JPEG or WEBP) with something drawn on it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(image_bytes(fmt, size, drawn=True, **save))
    return path


def image_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return {".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}.get(suffix, "PNG")


# --- the command line ----------------------------------------------------------------


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a CLI run: this checkout first on the import path,
    crashes shown as tracebacks, and no CI variables leaking in from outside."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "CONTEST_", "PYTHON"))
    }
    env["PYTHONPATH"] = str(REPO)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # `python -m` would otherwise put the working directory first on the
    # import path: run inside a pull request's checkout, a site_builder/ that
    # the pull request adds would be imported instead of this checkout's.
    env["PYTHONSAFEPATH"] = "1"
    # An unexpected exception prints its traceback instead of the one-line
    # "internal error", so `assert_no_traceback` catches every crash (in this
    # process, the exception itself fails the test).
    env["CONTEST_DEBUG"] = "1"
    env[messages.STRICT_VARIABLE] = "1"
    if extra:
        env.update(extra)
    return env


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_contest(
    args: Iterable[str],
    cwd: Path,
    env: Mapping[str, str] | None = None,
    *,
    limit_memory: bool = False,
    timeout: float = CLI_TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """`python -m site_builder ARGS` in `cwd` as a child process; `env` adds to
    `cli_env()`. With `limit_memory`, the child gets 1 GiB of address space (RLIMIT_AS)."""
    return subprocess.run(
        [sys.executable, "-m", "site_builder", *args],
        cwd=cwd,
        env=cli_env(env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        preexec_fn=_limit_memory if limit_memory else None,
        check=False,
    )


def invoke_contest(
    args: Iterable[str], cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`contest ARGS` run in this process as `run_contest` runs it in a child: in `cwd`,
    with the environment of `cli_env(env)` (variables it leaves out are unset), an
    empty stdin, and the exit code that `site_builder.cli.main` gives. An exception
    the command does not handle propagates (CONTEST_DEBUG) and fails the test."""
    from site_builder.cli import main

    words = [str(arg) for arg in args]
    wanted = cli_env(env)
    changes: dict[str, str | None] = {key: None for key in os.environ if key not in wanted}
    changes.update(wanted)
    previous_cwd, previous_argv = Path.cwd(), sys.argv
    code: int | str | None = 0
    os.chdir(cwd)
    try:
        with CliRunner().isolation(env=changes) as (stdout, stderr, _):
            sys.argv = ["contest", *words]
            try:
                main()
            except SystemExit as exc:
                code = exc.code
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            out = stdout.getvalue().decode("utf-8", "replace")
            err = stderr.getvalue().decode("utf-8", "replace")
    finally:
        sys.argv = previous_argv
        os.chdir(previous_cwd)
    if code is None:
        code = 0
    elif isinstance(code, str):  # sys.exit("message"): printed, status 1
        err, code = err + code + "\n", 1
    return subprocess.CompletedProcess(["contest", *words], code, out, err)


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    """No crash: neither a traceback nor the CLI's 'internal error' line."""
    for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        assert "Traceback" not in text, f"traceback on {stream}:\n{text}"
        assert "internal error" not in text, f"crash on {stream}:\n{text}"


# --- forked children -------------------------------------------------------------------


def watch_children(
    monkeypatch: pytest.MonkeyPatch, folder: Path | None = None
) -> Callable[[], set[int]]:
    """Make a test of `parallel.map_chunks` really run in two processes, and tell.

    Forking is allowed as on a machine with two cores. A forked child writes its pid
    to a file in `folder` (a new temporary folder by default) as it takes each chunk;
    this process, before it takes any chunk itself, waits (a minute at most) until a
    child has taken one, so that a busy machine cannot leave every chunk to this
    process. The function returned gives the pids that took chunks, other than this
    process's: empty when no child ran, which a test of two processes must then fail on."""
    real_take = parallel._take
    parent = os.getpid()
    marks = (folder or Path(tempfile.mkdtemp(prefix="children-"))) / "chunks-taken-by"
    if parallel.usable_cores() < 2:
        monkeypatch.setattr(parallel, "usable_cores", lambda: 2)

    def take(work: Any, parts: Any, tokens: int) -> Any:
        if os.getpid() == parent:
            deadline = time.monotonic() + 60
            while not marks.exists() and time.monotonic() < deadline:
                time.sleep(0.005)
            return real_take(work, parts, tokens)

        def marked(part: Any) -> Any:
            with marks.open("a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
            return work(part)

        return real_take(marked, parts, tokens)

    monkeypatch.setattr(parallel, "_take", take)

    def children() -> set[int]:
        if not marks.exists():
            return set()
        return {int(pid) for pid in marks.read_text(encoding="utf-8").split()} - {parent}

    return children
