"""The page of an entry that cannot be shown, in previews only: its problems.

Under `mkdocs serve` or `contest build --only`, an entry that fails its checks
would otherwise simply be missing (a bare 404 on reload). This page takes its
place and lists the problems in the contest's language. Problem messages
quote entrant input (a category, a key, a file name), so every cell is
escaped; the page is left out of search.
"""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.core.problems import Problem
from site_builder.site import ui
from site_builder.site.pages.common import front_matter, table
from site_builder.site.safe import text


def preview_page(lang: str, slug: str, problems: Sequence[Problem]) -> str:
    title = text(ui.t("preview.title", lang, slug=slug))
    rows = [
        (
            f"<code>{text(problem.location())}</code>",
            text(problem.message(lang)),
            text(problem.hint(lang) or ""),
        )
        for problem in problems
    ]
    headers = [ui.t(f"preview.{key}", lang) for key in ("where", "problem", "fix")]
    return "\n".join([
        front_matter(title, search_exclude=True),
        f"# {title}",
        "",
        f'<p class="preview-intro">{text(ui.t("preview.intro", lang, count=len(problems)))}</p>',
        "",
        table(headers, rows, "preview-problems"),
        "",
    ])
