"""Real MkDocs builds of small contests: strict builds, --only previews, images, Zensical."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from contestkit import REPO

from site_builder.site import thumbnails
from site_builder.site.build import build_site, generate_site
from site_builder.site.engine import current_time
from tests.showcase_repo import EXAMPLES, make_repo

pytestmark = pytest.mark.slow
MKDOCS = [sys.executable, "-m", "mkdocs"]


def _env() -> dict[str, str]:
    # The hook file imports site_builder: make it this checkout's.
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "CONTEST_NOW": "2015-12-31T12:00:00+09:00",
        "NO_MKDOCS_2_WARNING": "1",
    }


def test_mkdocs_build_strict_passes_on_the_example_contest(tmp_path: Path) -> None:
    entries = tuple(sorted(p.name for p in (REPO / "entries").iterdir() if p.is_dir()))
    repo = make_repo(tmp_path / "repo", examples=entries, extra=False, results=True)
    done = subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=repo,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    site = tmp_path / "site"
    for slug in entries:
        assert (site / "entries" / slug / "index.html").is_file()
        assert (site / "entries" / slug / "thumb.webp").is_file()
    assert (site / "results" / "index.html").is_file()
    assert not (repo / "docs" / "entries").exists()  # nothing written into docs/
    home = (site / "index.html").read_text("utf-8")
    # Everything but the page's own content (which links the award winners): the nav.
    nav = re.sub(r"<article.*?</article>", "", home, flags=re.S)
    assert "<article" in home and "entries/wifi-finder/" in home
    assert "entries/wifi-finder/" not in nav  # entry pages are not in the nav
    csv = (site / "data" / "entries.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbfslug,")
    assert len(json.loads((site / "data" / "entries.json").read_text("utf-8"))["entries"]) == len(
        entries
    )


def test_contest_build_only_builds_a_one_entry_preview(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", extra=False)
    out = tmp_path / "preview"
    build_site(repo, out, only=("air-walk",), now=current_time())
    built = sorted(p.name for p in (out / "entries").iterdir())
    assert built == ["air-walk"]
    assert "air-walk" in (out / "gallery" / "index.html").read_text("utf-8")


def test_broken_image_entry_is_left_out_by_name_and_cache_is_reused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An entry `contest validate` refuses (here: its screenshot is no image) is not
    published; the build says which and why, in the contest's language."""
    repo = make_repo(tmp_path / "repo", examples=("wifi-finder",))
    build_site(repo, tmp_path / "site")
    left_out = [r.getMessage() for r in caplog.records if "broken-image" in r.getMessage()]
    assert len(left_out) == 1 and "사이트에 싣지 않았습니다" in left_out[0]
    assert "'screen.png'은(는) PNG, JPEG, WebP 그림으로 읽을 수 없습니다" in left_out[0]
    assert not (tmp_path / "site" / "entries" / "broken-image").exists()
    assert re.search(
        r'<img src="shot-1\.webp" width="\d+" height="\d+" loading="lazy"',
        (tmp_path / "site" / "entries" / "wifi-finder" / "index.html").read_text("utf-8"),
    )
    cache = repo / thumbnails.CACHE_DIR
    first = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert first
    build_site(repo, tmp_path / "site2")
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == first  # nothing re-encoded


def test_last_update_comes_from_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=("wifi-finder",), extra=False)
    build_site(repo, tmp_path / "site")
    page = (tmp_path / "site" / "entries" / "wifi-finder" / "index.html").read_text("utf-8")
    assert '<time datetime="2015-12-01T00:00:00+00:00">2015년 12월 1일</time>' in page


def _entry_pages(site: Path) -> set[str]:
    return {p.parent.name for p in (site / "entries").glob("*/index.html")}


def test_generate_writes_plain_markdown_that_mkdocs_builds_alike(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=EXAMPLES[:3], extra=False)
    out = tmp_path / "plain"
    generate_site(repo, out, now=current_time())
    config = (out / "mkdocs.yml").read_text("utf-8")
    assert "hooks:" not in config and "watch:" not in config and "not_in_nav:" in config
    assert (out / "docs" / "entries" / "wifi-finder" / "index.md").is_file()
    done = subprocess.run(
        [*MKDOCS, "build", "--strict"],
        cwd=out,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert _entry_pages(out / "site") == set(EXAMPLES[:3])


@pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None, reason="zensical (optional extra) not installed"
)
def test_zensical_builds_the_generated_site_with_the_same_entry_pages(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=EXAMPLES[:3])
    out = tmp_path / "plain"
    generate_site(repo, out, now=current_time())
    zensical = Path(sys.executable).with_name("zensical")
    command = [str(zensical)] if zensical.exists() else [sys.executable, "-m", "zensical"]
    done = subprocess.run(
        [*command, "build", "-f", "mkdocs.yml"],
        cwd=out,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    expected = {*EXAMPLES[:3], "public-wifi", "xss-probe"}  # broken-image is refused
    assert _entry_pages(out / "site") == expected
    page = (out / "site" / "entries" / "xss-probe" / "index.html").read_text("utf-8")
    assert "<script>alert" not in page and "&lt;/title&gt;&lt;script&gt;" in page
    assert 'class="cg-card"' in (out / "site" / "gallery" / "index.html").read_text("utf-8")


def test_search_index_holds_entry_summaries_and_hangul_suffixes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=("wifi-finder",))
    build_site(repo, tmp_path / "site")
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["fields"]["keys"] == {"boost": 0.3}
    docs = {d["location"]: d for d in index["docs"]}
    entry = docs["entries/public-wifi/"]
    tokens = re.split(
        index["config"]["separator"], re.sub(r"<[^>]+>", " ", entry["title"] + " " + entry["text"])
    )
    assert not any(
        t.startswith("와이파이") for t in tokens
    )  # only the suffix field can match 와이파이
    assert "와이파이지도" in entry["keys"].split()
    assert not [
        loc for loc in docs if loc.startswith("entries/public-wifi/#")
    ]  # one record per entry
    assert (
        "데이터 요금이 부담되는" not in docs["entries/wifi-finder/"]["text"]
    )  # descriptions are not page text (their words go to `keys`, within a budget)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def test_mkdocs_serve_shows_an_edited_entry_on_the_next_reload(tmp_path: Path) -> None:
    import time

    repo = make_repo(tmp_path / "repo", examples=("wifi-finder",), extra=False, git=False)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/entries/wifi-finder/"
    server = subprocess.Popen(
        [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=repo,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while "우리동네 공공와이파이 찾기" not in _fetch(url):
            assert server.poll() is None and time.monotonic() < deadline, (
                "mkdocs serve did not come up"
            )
            time.sleep(0.5)
        manifest = repo / "entries" / "wifi-finder" / "entry.yml"
        manifest.write_text(
            manifest.read_text("utf-8").replace("우리동네 공공와이파이 찾기", "고친 제목 와이파이"),
            "utf-8",
        )
        while "고친 제목 와이파이" not in _fetch(url):
            assert server.poll() is None and time.monotonic() < deadline, "the edit never showed"
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
