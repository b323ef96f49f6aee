"""One page per entry: a way to use the service, what it is, who made it, how it fared.

Everything entrant-written is escaped (safe.text) or sanitized
(safe.description_html) and the page body is raw HTML, one element per line,
so the site's Markdown extensions never re-read entrant text. Only the title,
summary and tags are indexed as page text (the rest is marked
data-search-exclude); the description's words reach the index as search keys
of bounded size (search.py), which keeps it small at thousands of entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from site_builder.core.contest import TRIMMED_FROM
from site_builder.submissions.entries import Entry
from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import (
    GALLERY,
    JUDGING,
    award_name,
    category_name,
    day,
    entry_page,
    front_matter,
    href,
    number,
    platform_name,
    table,
)
from site_builder.site.results import awards_of
from site_builder.site.safe import ENTRANT_REL, heading_text, link, text, url


def entry_page_markdown(site: SiteInput, entry: Entry) -> str:
    lang, src = site.lang, entry_page(entry.slug)
    pictures = site.pictures_of(entry.slug)
    awards = [award_name(site.contest, a) for a in awards_of(site.results, entry.slug)]
    # The "#" comes from CSS: in the text it would glue to the word and the
    # search index would hold "#안전", which a search for 안전 does not find.
    tags = " ".join(f'<span class="entry-tag">{text(t)}</span>' for t in entry.tags)
    # The h1 comes first and the rest sits in one <section data-search-exclude>
    # with no nested <section>: Material's indexer then files title, summary and
    # tags under the page itself, and (it matches elements by tag name) would
    # end the exclusion at the first nested element of the same tag. The h1 is a
    # Markdown heading so that it is in the page's table of contents, which is
    # what gives the page Material's "skip to content" link.
    head = [
        f"# {heading_text(entry.title)} {{ #entry-title }}\n",
        f'<p class="entry-summary">{text(entry.summary)}</p>',
        f'<p class="entry-tags">{tags}</p>' if tags else "",
    ]
    service = url(entry.service)
    go = (
        (
            f'<a class="md-button md-button--primary entry-go" href="{service}" rel="{ENTRANT_REL}">'
            f"{text(ui.t('entry.go', lang))} →</a>"
        )
        if service
        else ""
    )
    extra = [
        link(value, ui.t(f"entry.{kind}", lang), css="md-button entry-link")
        for kind, value in (("source", entry.source), ("video", entry.video), ("docs", entry.docs))
        if value
    ]
    badges = "".join(f'<span class="entry-award">{text(a)}</span>' for a in awards)
    shots = "".join(
        f'<figure class="entry-shot"><img src="{href(src, p.site_path).rstrip("/")}" width="{p.width}" '
        f'height="{p.height}" loading="lazy" alt="{text(ui.t("entry.screenshot.alt", lang, title=entry.title, n=i))}">'
        "</figure>"
        for i, p in enumerate(pictures.shots, start=1)
    )
    body = [
        f'<section class="entry-body" data-search-exclude data-slug="{text(entry.slug)}">',
        f'<p class="entry-actions">{badges}{go} {" ".join(extra)}</p>',
        # A row that scrolls sideways must take the keyboard's focus (WCAG 2.1.1).
        f'<div class="entry-shots" tabindex="0" role="region" aria-label="{text(ui.t("entry.screenshots", lang))}">{shots}</div>',
        f"<h2>{text(ui.t('entry.description', lang))}</h2>",
        f'<div class="entry-description">{site.description_of(entry)}</div>',
        *_datasets(site, entry),
        f"<h2>{text(ui.t('entry.team', lang))}</h2>",
        _team(entry),
        f"<h2>{text(ui.t('entry.details', lang))}</h2>",
        _details(site, entry),
        *_scores(site, entry),
        f'<p class="entry-back"><a href="{href(src, GALLERY)}">← {text(ui.t("entry.back", lang))}</a></p>',
        "</section>",
    ]
    return "\n".join(
        [
            front_matter(text(entry.title), text(entry.summary), hide=["toc"]),
            *(line for line in head if line),
            "",
            *body,
            "",
        ]
    )


def method_sentence(method: Mapping[str, Any], aggregation: str, judges: int, lang: str) -> str:
    """How this entry's ranking score was made, in words: never a config token."""
    how = method.get("aggregation", aggregation)
    if how == "trimmed" and judges < TRIMMED_FROM:
        sentence = ui.t("entry.method.trimmed_few", lang, min=TRIMMED_FROM)
    elif f"entry.method.{how}" in ui.KEYS:
        sentence = ui.t(f"entry.method.{how}", lang)
    else:
        sentence = ui.t("entry.method.mean", lang)
    if method.get("correction", "none") != "none":
        sentence = ui.t("entry.method.corrected", lang, method=sentence)
    return sentence


def _datasets(site: SiteInput, entry: Entry) -> list[str]:
    if not entry.public_data:
        return []
    items = "".join(
        f'<li>{link(d.url, d.name)} <span class="entry-provider">({text(d.provider)})</span></li>'
        for d in entry.public_data
    )
    return [
        f"<h2>{text(ui.t('entry.public_data', site.lang))}</h2>",
        f'<ul class="entry-datasets">{items}</ul>',
    ]


def _team(entry: Entry) -> str:
    members = "".join(
        f'<li>{text(m.name)} (<a href="https://github.com/{text(m.github)}" rel="{ENTRANT_REL}">@{text(m.github)}</a>)'
        + (f" · {text(m.role)}" if m.role else "")
        + "</li>"
        for m in entry.members
    )
    return f'<p class="entry-team"><strong>{text(entry.team_name)}</strong></p><ul class="entry-members">{members}</ul>'


def _details(site: SiteInput, entry: Entry) -> str:
    lang = site.lang
    rows = [
        (ui.t("entry.category", lang), text(category_name(site.contest, entry.category))),
        (
            ui.t("entry.platforms", lang),
            text(", ".join(platform_name(p, lang) for p in entry.platforms)),
        ),
        (ui.t("entry.license", lang), text(entry.license)),
    ]
    if entry.tags:
        rows.append((ui.t("entry.tags", lang), text(", ".join(entry.tags))))
    updated = site.updated.get(entry.slug)
    if updated is not None:
        local = updated.astimezone(site.contest.submission_open.tzinfo)
        rows.append(
            (
                ui.t("entry.updated", lang),
                f'<time datetime="{updated.isoformat()}">{day(local, lang)}</time>',
            )
        )
    repository = site.contest.repository
    if repository:
        source = f"https://github.com/{repository}/blob/HEAD/{entry.manifest_path}"
        rows.append((ui.t("entry.manifest", lang), link(source, entry.manifest_path)))
    return (
        '<dl class="entry-details">'
        + "".join(f"<dt>{text(k)}</dt><dd>{v}</dd>" for k, v in rows)
        + "</dl>"
    )


def _scores(site: SiteInput, entry: Entry) -> list[str]:
    if not site.contest.results_published or not site.results:
        return []
    lang, src = site.lang, entry_page(entry.slug)
    lines: list[str] = []
    for result in site.results:
        row = result.row(entry.slug)
        round_ = site.contest.round(result.round)
        if row is None or round_ is None:
            continue
        if row.rank is not None:
            summary = ui.t(
                "entry.rank", lang, round=round_.name, rank=row.rank, score=number(row.score)
            )
        else:
            summary = ui.t("entry.unranked", lang, round=round_.name)
        lines.append(f"<h3>{text(summary)}</h3>")
        cells = [
            [text(c.name), number(row.criteria.get(c.id)), f"{c.max:g}"] for c in round_.criteria
        ]
        lines.append(
            table(
                [
                    text(ui.t("entry.criterion", lang)),
                    text(ui.t("entry.mean", lang)),
                    text(ui.t("judging.max", lang)),
                ],
                cells,
                "entry-scores",
            )
        )
        note = ui.t(
            "entry.scores.note",
            lang,
            judges=row.judges,
            method=method_sentence(result.method, round_.aggregation, row.judges, lang),
            link="LINK",
        )
        before, _, after = text(note).partition("[")
        label, _, rest = after.partition("](LINK)")
        lines.append(
            f'<p class="entry-score-note">{before}<a href="{href(src, JUDGING)}">{label}</a>{rest}</p>'
        )
    return [f"<h2>{text(ui.t('entry.scores', lang))}</h2>", *lines] if lines else []
