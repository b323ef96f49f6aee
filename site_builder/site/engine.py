"""MkDocs glue: the hook events that put the generated site into a MkDocs build.

`hooks.py` (the file mkdocs.yml names) only forwards to these functions, so
they can be imported, typed and tested like the rest of the package, and so
`contest build` can pass options (--only, a fixed "now") without a config
key: MkDocs loads the hook file itself, but this module is imported once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel

from site_builder.site import ui
from site_builder.core.problems import Problem
from site_builder.site.collect import collect
from site_builder.site.model import SiteOutput
from site_builder.site.pages import generate, in_nav
from site_builder.site.pages.common import href, page_dir
from site_builder.site.safe import text
from site_builder.site.search import add_keys
from site_builder.site.sharing import FEED

NOW_VARIABLE = "CONTEST_NOW"
log = logging.getLogger("mkdocs.plugins.contest")


@dataclass
class _Options:
    only: tuple[str, ...] | None = None
    now: datetime | None = None


_options = _Options()
_state: dict[str, SiteOutput] = {}
_serving: list[bool] = [False]
_left_out: dict[str, tuple[Problem, ...]] = {}


@contextmanager
def options(*, only: tuple[str, ...] | None = None, now: datetime | None = None) -> Iterator[None]:
    """Build options for the builds run inside this block (used by `contest build`)."""
    previous = _Options(_options.only, _options.now)
    _options.only, _options.now = only, now
    try:
        yield
    finally:
        _options.only, _options.now = previous.only, previous.now


def current_time() -> datetime:
    """ "Now" for the stage shown on the home page: CONTEST_NOW if set (reproducible builds)."""
    if _options.now is not None:
        return _options.now
    fixed = os.environ.get(NOW_VARIABLE)
    if fixed:
        moment = datetime.fromisoformat(fixed)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.now(UTC)


def on_startup(command: str, dirty: bool) -> None:
    # `mkdocs serve` is a preview: an entry being edited into shape shows its problems.
    _serving[0] = command == "serve"


def left_out() -> dict[str, tuple[Problem, ...]]:
    """The entries the last build left out, and why (slug -> problems)."""
    return dict(_left_out)


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).resolve().parent
    preview = _options.only is not None or _serving[0]
    site = collect(root, current_time(), only=_options.only, preview=preview)
    _left_out.clear()
    _left_out.update(site.left_out)
    out = generate(site)
    _state["out"] = out
    # site_name lands in <title> and the header unescaped by the theme's templates.
    config.site_name = text(site.contest.title)
    if site.contest.site_url and not config.site_url:
        # MkDocs derives the sitemap, canonical links and the 404 page's base
        # path (a GitHub Pages project lives under /<repo>/) from site_url.
        config.site_url = site.contest.site_url.rstrip("/") + "/"
    config.nav = nav_config(out, Path(config.docs_dir))
    return config


def nav_config(out: SiteOutput, docs: Path) -> list[str | dict[str, Any]]:
    """The nav: generated sections that exist, then any other top-level page of docs/.

    Guides that maintainers add to docs/ (for judges, for organizers) appear
    without touching code; entry pages and gallery pages stay out of the nav.
    """
    def exists(path: str) -> bool:
        return path in out.pages or (docs / path).is_file()

    nav: list[str | dict[str, Any]] = []
    for title, target in out.nav:
        if isinstance(target, str):
            if exists(target):
                nav.append({title: target})
            continue
        links = [{name: path} for name, path in target if exists(path)]
        if links:
            nav.append({title: links})
    listed = in_nav(out)
    if docs.is_dir():
        nav += sorted(
            p.name for p in docs.glob("*.md") if p.name not in listed and p.name != "index.md"
        )
    return nav


def on_files(files: Files, config: Any) -> Files:
    out = _state["out"]
    listed = in_nav(out)
    generated: list[tuple[str, dict[str, Any]]] = []
    generated += [(p, {"content": md}) for p, md in out.pages.items()]
    generated += [(p, {"content": body}) for p, body in out.files.items()]
    generated += [(p, {"abs_src_path": str(source)}) for p, source in out.images.items()]
    for path, source in generated:
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning("contest: docs/%s is replaced by the generated page of the same path", path)
            files.remove(existing)
        inclusion = (
            InclusionLevel.UNDEFINED
            if path in listed or not path.endswith(".md")
            else InclusionLevel.NOT_IN_NAV
        )
        files.append(File.generated(config, path, inclusion=inclusion, **source))
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Link previews and the feed's address go into each page's <head>."""
    out = _state.get("out")
    if out is None or "</head>" not in output:
        return output
    src = page.file.src_uri
    title = text(ui.t("feed.link", out.lang))
    tags = out.head.get(src, "")
    tags += (
        f'\n<link rel="alternate" type="application/atom+xml" title="{title}" '
        f'href="{text(href(src, FEED).rstrip("/"))}">'
    )
    before, _, after = output.partition("</head>")
    return before + tags + "\n</head>" + after


WATCHED_IF_PRESENT = ("scores", "results", "entries", "contest.yml")


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild on changes to scores/ and results/ too, when the contest has them."""
    root = Path(config.config_file_path).resolve().parent
    for name in WATCHED_IF_PRESENT:
        if (root / name).exists():
            server.watch(str(root / name))
    return server


def on_post_build(config: Any) -> None:
    out = _state.get("out")
    index = Path(config.site_dir) / "search" / "search_index.json"
    if out is None or not index.is_file():
        return
    keys = {page_dir(src) + "/": value for src, value in out.search_keys.items() if value}
    sizes = add_keys(index, keys)
    log.info(
        "contest: search index %d bytes (%d as Material wrote it)", sizes["after"], sizes["before"]
    )
