"""Small helpers every page generator shares: addresses, dates, tables, names."""

from __future__ import annotations

import hashlib
import hmac
import json
import posixpath
from collections.abc import Iterable, Sequence
from datetime import datetime

from site_builder.core.contest import Contest
from site_builder.submissions.entries import ENTRIES_DIR, Entry
from site_builder.site import ui
from site_builder.site.safe import text

ENTRY_PAGE = ENTRIES_DIR + "/{slug}/index.md"
HOME = "index.md"
GALLERY = "gallery/index.md"
GALLERY_PAGE = "gallery/page/{n}/index.md"
RESULTS = "results/index.md"
JUDGING = "judging/index.md"
DATASETS = "public-data/index.md"
GUIDE = "guide/index.md"
JUDGES_GUIDE = "judges.md"
ORGANIZERS_GUIDE = "organizers.md"
INTAKE_GUIDE = "intake.md"
CLI_REFERENCE = "reference/cli.md"
FIELDS = "guide/fields.md"
OPENDATA = "data/index.md"
CARDS_JSON = "gallery/cards.json"


def page_dir(src: str) -> str:
    """The folder a page's URL ends in, as MkDocs' use_directory_urls lays it out."""
    folder, name = posixpath.split(src)
    if name in ("index.md", "README.md"):
        return folder
    return posixpath.join(folder, posixpath.splitext(name)[0])


def _relpath(target: str, base: str) -> str:
    """``posixpath.relpath(target or ".", base or ".")`` for two site paths (relative,
    normalised, no ``..``): by their segments alone. relpath asks the OS for the working
    directory twice per call, which was half of an entry page's cost (6 links a page);
    tests/unit/test_site_pages.py checks that both agree."""
    to = [part for part in target.split("/") if part not in ("", ".")]
    start = [part for part in base.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def href(from_src: str, target: str) -> str:
    """A relative address from page `from_src` to site path `target`.

    Raw HTML is not rewritten by MkDocs, so links inside it are computed here;
    a target ending in index.md becomes its folder URL.
    """
    if target.endswith(".md"):
        target = page_dir(target) + "/"
        if target == "/":
            target = ""
    relative = _relpath(target, page_dir(from_src))
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/"
        if relative == "./":
            relative = "./"
    return relative


def entry_page(slug: str) -> str:
    return ENTRY_PAGE.format(slug=slug)


def when(moment: datetime, lang: str) -> str:
    """A date and time as people in the contest's language write it, in its own offset."""
    if lang == "ko":
        return f"{moment.year}년 {moment.month}월 {moment.day}일 {moment:%H:%M}"
    return f"{moment:%Y-%m-%d %H:%M} (UTC{moment:%z})"


def day(moment: datetime, lang: str) -> str:
    return (
        f"{moment.year}년 {moment.month}월 {moment.day}일" if lang == "ko" else f"{moment:%Y-%m-%d}"
    )


def number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """A raw HTML table; every cell must already be safe HTML. One line per row."""
    if not all(h.strip() for h in headers):
        # An empty header cell names nothing for a screen reader (WCAG 1.3.1).
        raise ValueError("every column of a table needs a header")
    # Material styles only tables without a class (.md-typeset table:not([class])),
    # so the class goes on a wrapper.
    lines = [
        f'<div class="{css}">' if css else "<div>",
        "<table>",
        "<thead><tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr></thead>",
        "<tbody>",
    ]
    lines.extend("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    lines.extend(["</tbody>", "</table>", "</div>"])
    return "\n".join(lines)


def category_name(contest: Contest, category_id: str) -> str:
    found = contest.category(category_id)
    return found.name if found is not None else category_id


def award_name(contest: Contest, award_id: str) -> str:
    return next((a.name for a in contest.awards if a.id == award_id), award_id)


def award_order(contest: Contest, award_id: str | None) -> int:
    ids = [a.id for a in contest.awards]
    return ids.index(award_id) if award_id in ids else len(ids)


def platform_name(platform: str, lang: str) -> str:
    return ui.t(f"platform.{platform}", lang) if f"platform.{platform}" in ui.KEYS else platform


JUDGE_SALT_VARIABLE = "CONTEST_JUDGE_SALT"
"""The environment variable holding the pseudonyms' secret (a repository secret the
pages workflow passes; never in the repository)."""


def judge_labels(
    contest: Contest, salt: str | None, rows: Sequence[str] = ()
) -> dict[str, str]:
    """login (casefolded) -> how the site names the judge.

    Pseudonymous letters must not be computable from public data: an unsalted hash
    of the public logins (or contest.yml's order) would name every judge. With a
    salt kept out of the repository (`JUDGE_SALT_VARIABLE`, a secret the pages
    workflow passes), letters follow a keyed hash of the logins and stay the same
    across rounds and builds. Without one, letters follow `rows`, the order in
    which a table shows the judges (sorted by its own figures), so a letter says
    nothing a row does not already say; it is then not stable across rounds.
    """
    lang = contest.language
    if contest.judge_names_shown:
        return {j.github.casefold(): j.name for j in contest.judges}
    if salt:
        key = salt.encode("utf-8")
        ordered = sorted(
            (j.github.casefold() for j in contest.judges),
            key=lambda login: hmac.new(key, login.encode("utf-8"), hashlib.sha256).hexdigest(),
        )
    else:
        ordered = list(dict.fromkeys(login.casefold() for login in rows))
        ordered += sorted(j.github.casefold() for j in contest.judges if
                          j.github.casefold() not in ordered)
    return {
        login: ui.t("results.pseudonym", lang, letter=_letters(i))
        for i, login in enumerate(ordered)
    }


def judge_order(
    contest: Contest, salt: str | None, judges: Iterable[tuple[str, int | None, float | None]]
) -> tuple[list[int], dict[str, str]]:
    """How a round's judges are listed: the order of `judges` (login, entries,
    leniency) to show them in, and their labels (see `judge_labels`)."""
    found = list(judges)
    if contest.judge_names_shown or salt:
        labels = judge_labels(contest, salt)
        order = sorted(range(len(found)),
                       key=lambda i: labels.get(found[i][0].casefold(), "~" + found[i][0]))
        return order, labels
    # By the figures shown, then by position: nothing that depends on the login.
    order = sorted(range(len(found)),
                   key=lambda i: (found[i][2] is None, -(found[i][2] or 0.0),
                                  -(found[i][1] or 0), i))
    return order, judge_labels(contest, None, [found[i][0] for i in order])


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def entry_link(from_src: str, entry: Entry | None, slug: str) -> str:
    if entry is None:
        return text(slug)
    return f'<a href="{href(from_src, entry_page(slug))}">{text(entry.title)}</a>'


def page_start(title: str, intro: str | None = None) -> list[str]:
    """The opening lines of a generated page: front matter, the heading and the intro
    paragraph; both texts are plain (escaped here)."""
    lines = [front_matter(text(title)), f"# {text(title)}", ""]
    if intro is not None:
        lines += [text(intro), ""]
    return lines


def front_matter(
    title: str, description: str = "", hide: Sequence[str] = (), search_exclude: bool = False
) -> str:
    """Front matter; `title` and `description` must be safe HTML text already (see safe.py)."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    if hide:
        lines.append("hide: [" + ", ".join(hide) + "]")
    if search_exclude:
        lines.append("search:\n  exclude: true")
    lines.append("---")
    return "\n".join(lines) + "\n"
