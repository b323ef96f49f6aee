"""Screenshots of the example contest's showcase for the README and docs/, in one command:

    .venv/bin/python benchmarks/site_screenshots.py [--out docs/assets/images]

Builds this checkout's example contest (the results stage, at a fixed "now"), serves it
on 127.0.0.1 and takes the first screen of the home, gallery, entry and results pages
in Debian's Chromium (or $CHROMIUM) at 1366 and 390 px wide. Each PNG is reduced to a
palette by `screens.save_png` (flat UI colours survive it) and its size is printed.

Hangul needs a font that covers it: the site's own web font if it ships one, else a
system font (Debian: `apt-get install fonts-nanum` or `fonts-noto-cjk`); without
either, every Hangul character is a box, so the script refuses to run.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
try:
    from benchmarks.screens import save_png
except ImportError:  # run as a script from benchmarks/
    from screens import save_png  # type: ignore[no-redef]

NOW = "2015-12-31T12:00:00+09:00"  # the results are published: every page has content
PAGES = {"home": "", "gallery": "gallery/", "entry": "entries/wifi-finder/",
         "results": "results/"}
WIDTHS = {1366: 900, 390: 844}  # viewport width -> height (a laptop, a phone)
CHROMIUM = (os.environ.get("CHROMIUM") or shutil.which("chromium")
            or shutil.which("google-chrome") or "/usr/bin/chromium")
COLORS = 256


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _has_hangul_font() -> bool:
    found = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True,
                           check=False)
    return bool(found.stdout.strip()) or any(
        p.suffix in (".woff2", ".woff", ".ttf", ".otf") for p in (ROOT / "docs").rglob("*")
    )


def build(site: Path) -> None:
    from site_builder.site.build import build_site

    build_site(ROOT, site, now=datetime.fromisoformat(NOW))


def shoot(site: Path, out: Path) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for width, height in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              locale="ko-KR", device_scale_factor=1)
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    # Lazy images below the fold do not matter; those in view must be drawn.
                    page.evaluate("document.fonts.ready")
                    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
                    target = out / f"screen-{name}-{width}.png"
                    sizes[target.name] = save_png(image, target, colors=COLORS)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "images")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"no Chromium at {CHROMIUM}: apt-get install chromium, or set $CHROMIUM")
    if not _has_hangul_font():
        raise SystemExit("no font covers Hangul: apt-get install fonts-nanum (or fonts-noto-cjk)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        build(site)
        sizes = shoot(site, args.out)
    for name, size in sizes.items():
        print(f"{args.out / name}: {size / 1024:.1f} KiB")
    print(f"total: {sum(sizes.values()) / 1024:.1f} KiB in {len(sizes)} files")


if __name__ == "__main__":
    main()
