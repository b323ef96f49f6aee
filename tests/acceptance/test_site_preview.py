"""Previews of entries being written: `contest build --only` and `mkdocs serve` show an
invalid or unknown entry's problems, in the contest's language, instead of nothing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import assert_no_traceback, run_contest
from contestkit import REPO as ROOT

from site_builder.site.build import build_site
from tests.showcase_repo import make_repo

pytestmark = pytest.mark.slow
HOSTILE = "<script>alert('c')</script>"


def _break_category(repo: Path, slug: str, value: str) -> None:
    manifest = repo / "entries" / slug / "entry.yml"
    lines = manifest.read_text("utf-8").splitlines()
    manifest.write_text(
        "\n".join(f'category: "{value}"' if line.startswith("category:") else line
                  for line in lines) + "\n",
        encoding="utf-8",
    )


def _category_line(repo: Path, slug: str) -> int:
    lines = (repo / "entries" / slug / "entry.yml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("category:"))


def test_build_only_an_invalid_entry_exits_1_and_its_page_lists_the_problems(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path / "repo", examples=("air-walk", "wifi-finder"), extra=False)
    _break_category(repo, "air-walk", HOSTILE)
    out = tmp_path / "preview"
    result = run_contest(["build", "--only", "air-walk", "--out", str(out)], repo)
    assert_no_traceback(result)
    assert result.returncode == 1, result.stderr
    line = _category_line(repo, "air-walk")
    assert f"entries/air-walk/entry.yml:{line}:11: 오류: 분야(category)의 값" in result.stderr
    assert "고치는 법:" in result.stderr
    assert "미리보기에 넣은 출품작 1개를 사이트에 실을 수 없습니다" in result.stderr
    page = (out / "entries" / "air-walk" / "index.html").read_text("utf-8")
    assert "미리보기: 출품작" in page
    assert f"entries/air-walk/entry.yml:{line}:11" in page
    assert "&lt;script&gt;alert(" in page
    assert HOSTILE not in page and "<script>alert" not in page
    assert not (out / "entries" / "wifi-finder").exists()


def test_build_only_an_unknown_entry_exits_1_in_english_with_lang_en(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=("air-walk",), extra=False)
    out = tmp_path / "preview"
    result = run_contest(
        ["--lang", "en", "build", "--only", "air-wakl", "--out", str(out)], repo
    )
    assert_no_traceback(result)
    assert result.returncode == 1, result.stderr
    assert "entries/air-wakl: error: There is no entry 'air-wakl'" in result.stderr
    page = (out / "entries" / "air-wakl" / "index.html").read_text("utf-8")
    assert "entries/air-wakl/" in page and "contest new air-wakl" in page


def test_build_only_a_valid_entry_still_exits_0(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=("air-walk", "wifi-finder"), extra=False)
    _break_category(repo, "wifi-finder", "sports")
    result = run_contest(["build", "--only", "air-walk", "--out", str(tmp_path / "p")], repo)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "p" / "entries" / "wifi-finder").exists()


def test_a_full_build_publishes_no_preview_page(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=("air-walk", "wifi-finder"), extra=False)
    _break_category(repo, "air-walk", "sports")
    left_out = build_site(repo, tmp_path / "site")
    assert [p.code for p in left_out["air-walk"]] == ["entry.unknown-category"]
    assert not (tmp_path / "site" / "entries" / "air-walk").exists()
    assert (tmp_path / "site" / "entries" / "wifi-finder" / "index.html").is_file()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_mkdocs_serve_shows_the_problems_of_an_invalid_entry(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=("air-walk", "wifi-finder"), extra=False)
    _break_category(repo, "air-walk", HOSTILE)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        status, page = 0, ""
        # Waiting for the first build is not a timing assertion: the deadline only
        # turns a server that never starts into a failure instead of a hang.
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, page = _get(f"http://127.0.0.1:{port}/entries/air-walk/")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        assert status == 200, page[:500]
        assert "미리보기: 출품작" in page
        assert "분야(category)의 값" in page
        assert "&lt;script&gt;alert(" in page and "<script>alert" not in page
        assert _get(f"http://127.0.0.1:{port}/entries/wifi-finder/")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
