"""Open data: the catalogue as JSON and CSV, the results as JSON, and a page describing them.

CSV decision: UTF-8 with a byte-order mark. Excel, which most people in a
Korean office will open it with, reads BOM-less CSV as the legacy code page
and shows Hangul as mojibake; every other tool skips the BOM.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from site_builder.core import spreadsheet
from site_builder.submissions.entries import Entry
from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import entry_page, judge_order, page_dir, page_start
from site_builder.site.safe import text

ENTRIES_JSON = "data/entries.json"
ENTRIES_CSV = "data/entries.csv"
RESULTS_JSON = "data/results.json"
CSV_COLUMNS = (
    "slug",
    "title",
    "summary",
    "category",
    "tags",
    "team",
    "members",
    "service",
    "source",
    "video",
    "docs",
    "platforms",
    "public_data",
    "license",
    "page",
)


def _entry_record(site: SiteInput, entry: Entry) -> dict[str, Any]:
    slug = entry.slug
    record: dict[str, Any] = {
        "slug": slug,
        **{k: v for k, v in entry.raw.items() if k != "screenshots"},
    }
    record["page"] = page_dir(entry_page(slug)) + "/"
    updated = site.updated.get(slug)
    if updated is not None:
        record["updated"] = updated.isoformat()
    return record


def data_files(site: SiteInput) -> dict[str, str]:
    records = [_entry_record(site, e) for e in site.entries]
    files = {
        ENTRIES_JSON: json.dumps(
            {"version": 1, "contest": site.contest.title, "entries": records},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        ENTRIES_CSV: _csv(site),
    }
    if site.contest.results_published and site.results:
        files[RESULTS_JSON] = json.dumps(
            {"version": 1, "rounds": [_published(site, r.raw) for r in site.results]},
            ensure_ascii=False, indent=1,
        )
    return files


def _published(site: SiteInput, raw: Mapping[str, Any]) -> Mapping[str, Any]:
    """A round's results as the site may publish them: with pseudonymous judges, each
    login replaced by the label the results page shows, in the same order."""
    judges = raw.get("judges")
    if site.contest.judge_names_shown or not isinstance(judges, list):
        return raw
    rows = [j for j in judges if isinstance(j, Mapping)]
    order, labels = judge_order(
        site.contest, site.judge_salt,
        ((str(j.get("judge", "")), j.get("entries"), j.get("leniency")) for j in rows),
    )
    unknown = ui.t("results.pseudonym", site.lang, letter="?")
    listed = [
        {**rows[i], "judge": labels.get(str(rows[i].get("judge", "")).casefold(), unknown)}
        for i in order
    ]
    return {**raw, "judges": listed}


def _csv(site: SiteInput) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in site.entries:
        writer.writerow(
            spreadsheet.cell(value) for value in [
                e.slug,
                e.title,
                e.summary,
                e.category,
                ";".join(e.tags),
                e.team_name,
                ";".join(m.github for m in e.members),
                e.service,
                e.source or "",
                e.video or "",
                e.docs or "",
                ";".join(e.platforms),
                ";".join(d.name for d in e.public_data),
                e.license,
                page_dir(entry_page(e.slug)) + "/",
            ]
        )
    return "\ufeff" + buffer.getvalue()


def opendata_page(site: SiteInput) -> str:
    lang = site.lang
    title = ui.t("nav.opendata", lang)
    items = [
        ("entries.json", ui.t("opendata.entries_json", lang)),
        ("entries.csv", ui.t("opendata.entries_csv", lang)),
    ]
    if site.contest.results_published and site.results:
        items.append(("results.json", ui.t("opendata.results_json", lang)))
    lines = page_start(title, ui.t("opendata.intro", lang))
    lines += [f"- [`{name}`]({name}): {text(description)}" for name, description in items]
    # The feed sits at the site's root (feed readers look there): a raw link, as
    # MkDocs would otherwise check it as a page.
    lines.append(
        f'- <a href="../feed.xml"><code>feed.xml</code></a>: {text(ui.t("opendata.feed", lang))}'
    )
    lines += [
        "",
        f"## {text(ui.t('opendata.columns', lang))}",
        "",
        "`" + "`, `".join(CSV_COLUMNS) + "`",
        "",
        text(ui.t("opendata.license", lang)),
        "",
    ]
    return "\n".join(lines)
