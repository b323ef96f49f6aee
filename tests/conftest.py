"""Shared fixtures: a contest in tmp_path, entries with real images, the CLI in a subprocess.

Everything lives under pytest's tmp_path, so tests run in parallel (pytest-xdist)
without sharing state. Test modules import the plain helpers
(`from conftest import run_contest`); pytest puts tests/ on the import path.

The CLI runs as `python -m site_builder` in a child process with PYTHONPATH
set to this checkout, so a worktree tests its own code and not whatever copy
is installed in the virtual environment.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from site_builder.core import messages

# An unknown message code or a missing parameter fails a test instead of rendering
# a blank (site_builder/core/messages.py): here, and in every CLI child (cli_env).
messages.set_strict(True)

REPO_ROOT = Path(__file__).resolve().parent.parent
CLI_TIMEOUT = 60
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space for hostile-input runs

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


def make_image(
    path: Path, size: tuple[int, int] = (640, 400), fmt: str = "PNG", **save: object
) -> Path:
    """A real image file of `size` in `fmt` (PNG, JPEG or WEBP) with something drawn on it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (236, 239, 244))
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, 0, width, max(1, height // 8)), fill=(48, 63, 159))
    draw.ellipse((width // 4, height // 4, width // 2, height // 2), fill=(200, 80, 60))
    image.save(path, format=fmt, **save)
    return path


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


def image_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return {".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}.get(suffix, "PNG")


def new_contest(root: Path) -> ContestTree:
    """Copy this checkout's contest.yml and schema/ into `root`, with an empty entries/."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO_ROOT / "contest.yml", root / "contest.yml")
    shutil.copytree(REPO_ROOT / "schema", root / "schema")
    (root / "entries").mkdir()
    return ContestTree(root)


@pytest.fixture
def contest_tree(tmp_path: Path) -> ContestTree:
    """A minimal valid contest in tmp_path/contest, without entries."""
    return new_contest(tmp_path / "contest")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a CLI child: this checkout first on the import path,
    crashes shown as tracebacks, and no CI variables leaking in from outside."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "CONTEST_", "PYTHON"))
    }
    env["PYTHONPATH"] = str(REPO_ROOT)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # `python -m` would otherwise put the working directory first on the
    # import path: run inside a pull request's checkout, a site_builder/ that
    # the pull request adds would be imported instead of this checkout's.
    env["PYTHONSAFEPATH"] = "1"
    # An unexpected exception prints its traceback instead of the one-line
    # "internal error", so `assert_no_traceback` catches every crash.
    env["CONTEST_DEBUG"] = "1"
    env[messages.STRICT_VARIABLE] = "1"
    if extra:
        env.update(extra)
    return env


def run_contest(
    args: Iterable[str],
    cwd: Path,
    env: Mapping[str, str] | None = None,
    *,
    limit_memory: bool = False,
    timeout: float = CLI_TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """`python -m site_builder ARGS` in `cwd`; `env` adds to `cli_env()`.
    With `limit_memory`, the child gets 1 GiB of address space (RLIMIT_AS)."""
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


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    """No crash: neither a traceback nor the CLI's 'internal error' line."""
    for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        assert "Traceback" not in text, f"traceback on {stream}:\n{text}"
        assert "internal error" not in text, f"crash on {stream}:\n{text}"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/ from the current output (also: UPDATE_GOLDEN=1).",
    )
