"""The gallery: static pages of cards, plus a compact JSON for client-side filtering.

At 5,000 entries one page with every card would weigh megabytes, so the
cards are split into static pages of PAGE_SIZE (they work with no script,
and in engines that run no hooks). The filters are a small script that
fetches cards.json once, on first use, and renders matching cards in
batches, building elements with textContent only.
"""

from __future__ import annotations

import json
from collections import Counter

from site_builder.submissions.entries import Entry
from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import (
    CARDS_JSON,
    GALLERY,
    GALLERY_PAGE,
    award_name,
    award_order,
    category_name,
    entry_page,
    front_matter,
    href,
    platform_name,
)
from site_builder.site.pages.datasets import dataset_groups
from site_builder.site.results import awards_of
from site_builder.site.safe import text

PAGE_SIZE = 48
PLATFORMS = ("web", "android", "ios", "desktop", "api", "chatbot")


def gallery_order(site: SiteInput) -> list[tuple[Entry, str | None]]:
    """Entries with their award: award winners first, in award order, then by title."""
    with_awards = [(e, next(iter(awards_of(site.results, e.slug)), None)) for e in site.entries]
    return sorted(
        with_awards,
        key=lambda pair: (award_order(site.contest, pair[1]), pair[0].title, pair[0].slug),
    )


def page_path(number: int) -> str:
    return GALLERY if number == 1 else GALLERY_PAGE.format(n=number)


def gallery_pages(site: SiteInput) -> tuple[dict[str, str], str]:
    """The gallery's Markdown pages, and cards.json."""
    ordered = gallery_order(site)
    chunks = [ordered[i : i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)] or [[]]
    filters = _filters(site)  # the same form on every page: built once
    pages = {
        page_path(n): _page(site, chunk, n, len(chunks), len(ordered), filters)
        for n, chunk in enumerate(chunks, start=1)
    }
    return pages, cards_json(site, ordered)


def _page(
    site: SiteInput,
    chunk: list[tuple[Entry, str | None]],
    number: int,
    pages: int,
    total: int,
    filters: str,
) -> str:
    lang, src = site.lang, page_path(number)
    title = ui.t("nav.gallery", lang)
    if number > 1:
        title += f" ({ui.t('gallery.page', lang, page=number, pages=pages)})"
    root = href(src, "")
    attributes = {
        "data-cards": href(src, CARDS_JSON).rstrip("/"),
        "data-root": root,
        "data-page-size": str(PAGE_SIZE),
        "data-t-count": ui.t("gallery.count", lang, shown="{shown}", total="{total}"),
        "data-t-none": ui.t("gallery.none", lang),
    }
    lines = [
        front_matter(text(title), hide=["toc"], search_exclude=number > 1),
        f"# {text(title)}",
        "",
        text(ui.t("gallery.intro", lang, count=total))
        if total
        else text(ui.t("gallery.empty", lang)),
        "",
        '<div class="cg" ' + " ".join(f'{k}="{text(v)}"' for k, v in attributes.items()) + ">",
        filters,
        '<p class="cg-count" aria-live="polite"></p>',
        '<ul class="cg-list">',
        *(card(site, src, entry, award) for entry, award in chunk),
        "</ul>",
        f'<p><button type="button" class="cg-more md-button" hidden>{text(ui.t("gallery.more", lang))}</button></p>',
        _pager(site, number, pages),
        "</div>",
        "",
    ]
    return "\n".join(lines)


def card(site: SiteInput, src: str, entry: Entry, award: str | None) -> str:
    thumb = site.pictures_of(entry.slug).thumb
    badge = (
        f'<span class="cg-award">{text(award_name(site.contest, award))}</span>' if award else ""
    )
    return (
        f'<li class="cg-card" data-category="{text(entry.category)}">'
        f'<a class="cg-link" href="{href(src, entry_page(entry.slug))}">'
        f'<img class="cg-thumb" src="{href(src, thumb.site_path).rstrip("/")}" width="{thumb.width}" '
        f'height="{thumb.height}" loading="lazy" alt="">'
        f'<span class="cg-title">{text(entry.title)}</span></a>'
        f'<span class="cg-team">{text(entry.team_name)}</span>'
        f'<span class="cg-meta"><span class="cg-category">{text(category_name(site.contest, entry.category))}</span>{badge}</span>'
        "</li>"
    )


def _select(name: str, label: str, options: list[tuple[str, str]], lang: str) -> str:
    rendered = "".join(f'<option value="{text(v)}">{text(n)}</option>' for v, n in options)
    all_label = text(ui.t("gallery.filter.all", lang))
    return (
        f'<label class="cg-field"><span>{text(label)}</span>'
        f'<select name="{name}"><option value="">{all_label}</option>{rendered}</select></label>'
    )


def _filters(site: SiteInput) -> str:
    lang = site.lang
    used_platforms = {p for e in site.entries for p in e.platforms}
    # Tag and dataset lists can run into thousands: the script fills them from cards.json.
    return (
        '<form class="cg-filters" hidden>'
        f'<label class="cg-field cg-text"><span>{text(ui.t("gallery.filter.text", lang))}</span>'
        '<input type="search" name="q" autocomplete="off"></label>'
        + _select(
            "category",
            ui.t("gallery.filter.category", lang),
            [(c.id, c.name) for c in site.contest.categories],
            lang,
        )
        + _select("tag", ui.t("gallery.filter.tag", lang), [], lang)
        + _select(
            "platform",
            ui.t("gallery.filter.platform", lang),
            [(p, platform_name(p, lang)) for p in PLATFORMS if p in used_platforms],
            lang,
        )
        + _select("dataset", ui.t("gallery.filter.dataset", lang), [], lang)
        + f'<button type="reset" class="md-button cg-reset">{text(ui.t("gallery.filter.reset", lang))}</button>'
        "</form>"
    )


def _pager(site: SiteInput, number: int, pages: int) -> str:
    if pages <= 1:
        return ""
    lang, src = site.lang, page_path(number)
    shown = sorted(
        {1, 2, number - 1, number, number + 1, pages - 1, pages} & set(range(1, pages + 1))
    )
    items: list[str] = []
    if number > 1:
        items.append(
            f'<a rel="prev" href="{href(src, page_path(number - 1))}">{text(ui.t("gallery.prev", lang))}</a>'
        )
    previous = 0
    for n in shown:
        if n > previous + 1:
            items.append("<span>…</span>")
        if n == number:
            items.append(f'<strong aria-current="page">{n}</strong>')
        else:
            items.append(f'<a href="{href(src, page_path(n))}">{n}</a>')
        previous = n
    if number < pages:
        items.append(
            f'<a rel="next" href="{href(src, page_path(number + 1))}">{text(ui.t("gallery.next", lang))}</a>'
        )
    label = text(ui.t("gallery.page", lang, page=number, pages=pages))
    return f'<nav class="cg-pager" aria-label="{label}">' + " ".join(items) + "</nav>"


def cards_json(site: SiteInput, ordered: list[tuple[Entry, str | None]]) -> str:
    """Every card as compact arrays; repeated strings (tags, datasets) are indexed once.

    The script builds DOM nodes from these with textContent, so nothing here
    is HTML: values are plain entrant text.
    """
    lang = site.lang
    tag_counts = Counter(t for e, _ in ordered for t in e.tags)
    tags = sorted(tag_counts, key=lambda t: (-tag_counts[t], t))
    tag_index = {t: i for i, t in enumerate(tags)}
    groups = dataset_groups(site.entries)
    data_names = [g.name for g in groups]
    data_index: dict[str, list[int]] = {e.slug: [] for e, _ in ordered}
    for i, group in enumerate(groups):
        for slug in group.slugs:
            data_index[slug].append(i)
    cards = []
    for entry, award in ordered:
        thumb = site.pictures_of(entry.slug).thumb
        cards.append(
            [
                entry.slug,
                entry.title,
                entry.team_name,
                entry.summary,
                entry.category,
                [tag_index[t] for t in entry.tags],
                list(entry.platforms),
                data_index[entry.slug],
                award,
                thumb.site_path,
                thumb.width,
                thumb.height,
            ]
        )
    payload = {
        "v": 1,
        "fields": [
            "slug",
            "title",
            "team",
            "summary",
            "category",
            "tags",
            "platforms",
            "datasets",
            "award",
            "thumb",
            "width",
            "height",
        ],
        "categories": {c.id: c.name for c in site.contest.categories},
        "platforms": {p: platform_name(p, lang) for p in PLATFORMS},
        "awards": {a.id: a.name for a in site.contest.awards},
        "tags": tags,
        "datasets": data_names,
        "cards": cards,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
