"""What the browser tests share: finding Chromium, serving a built site, launching it.

Debian's Chromium (`apt-get install chromium`), else Google Chrome, else `$CHROMIUM`.
Without one the browser tests skip, unless `CONTEST_REQUIRE_BROWSER` is set (ci.yml sets
it): a CI job that means to run them never skips silently.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = (os.environ.get("CHROMIUM") or shutil.which("chromium")
            or shutil.which("google-chrome") or "/usr/bin/chromium")
# Headless, and none of the background connections this machine's closed network refuses.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Quiet(http.server.SimpleHTTPRequestHandler):
    """A static file server that does not log each request into the test output."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CONTEST_REQUIRE_BROWSER"):
            pytest.fail(f"no browser at {CHROMIUM}, and CONTEST_REQUIRE_BROWSER is set")
        pytest.skip(f"no Chromium at {CHROMIUM}")


@contextmanager
def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = Quiet
          ) -> Iterator[str]:
    """`directory` on 127.0.0.1 at a free port; yields ``http://127.0.0.1:PORT``."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def launch() -> Iterator[Any]:
    """A headless Chromium through Playwright."""
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def guarded_page(browser: Any, origin: str) -> Iterator[Any]:
    """A new 1280×900 tab whose requests outside `origin` are refused and listed in
    ``tab.outside``; a test that made the site fetch anything from outside fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.outside = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(origin):
            route.continue_()
        else:
            tab.outside.append(route.request.url)
            route.abort()

    tab.route("**/*", guard)
    try:
        yield tab
        assert tab.outside == [], "the site fetched something from outside"
    finally:
        context.close()
