"""Page generation: a pure function from the site's input to its pages and files.

No file system, no clock, no git: everything comes in `SiteInput` (the
caller injects "now"), so the same input always gives byte-identical pages,
which the golden-file tests rely on.
"""

from __future__ import annotations

from site_builder.site import ui
from site_builder.site.model import SiteInput, SiteOutput
from site_builder.site.pages.common import (
    CARDS_JSON,
    DATASETS,
    FIELDS,
    GALLERY,
    CLI_REFERENCE,
    GUIDE,
    HOME,
    INTAKE_GUIDE,
    JUDGES_GUIDE,
    ORGANIZERS_GUIDE,
    JUDGING,
    OPENDATA,
    RESULTS,
    entry_page,
)
from site_builder.site.pages.datasets import datasets_page
from site_builder.site.pages.entry import entry_page_markdown
from site_builder.site.pages.fields import fields_page
from site_builder.site.pages.gallery import gallery_pages
from site_builder.site.pages.home import home_page
from site_builder.site.pages.judging import judging_page
from site_builder.site.pages.opendata import data_files, opendata_page
from site_builder.site.pages.preview import preview_page
from site_builder.site.pages.results import results_page
from site_builder.site.sharing import FEED, atom_feed, head_tags, previews
from site_builder.site.search import description_budget, entry_keys, plain_text, ranked_words
from site_builder.site.search import suffix_keys
from site_builder.submissions.entries import SLUG


def generate(site: SiteInput) -> SiteOutput:
    lang = site.lang
    out = SiteOutput(lang=lang)
    out.pages[HOME] = home_page(site)
    gallery, cards = gallery_pages(site)
    out.pages.update(gallery)
    out.files[CARDS_JSON] = cards
    descriptions = {e.slug: plain_text(site.description_of(e)) for e in site.entries}
    words = ranked_words(descriptions)
    budget = description_budget(len(site.entries))
    for entry in site.entries:
        src = entry_page(entry.slug)
        out.pages[src] = entry_page_markdown(site, entry)
        out.search_keys[src] = entry_keys(
            entry.title,
            entry.summary,
            entry.tags,
            descriptions[entry.slug],
            words[entry.slug],
            budget,
        )
        for picture in (site.pictures_of(entry.slug).thumb, *site.pictures_of(entry.slug).shots):
            if picture.source is not None:
                out.images[picture.site_path] = picture.source
    if site.preview:
        for slug, problems in site.left_out.items():
            if SLUG.match(slug):  # a --only argument is a path segment here
                out.pages[entry_page(slug)] = preview_page(lang, slug, problems)
    published = site.contest.results_published and bool(site.results)
    if published:
        out.pages[RESULTS] = results_page(site)
    out.pages[JUDGING] = judging_page(site)
    out.pages[DATASETS] = datasets_page(site)
    out.pages[FIELDS] = fields_page(site)
    out.pages[OPENDATA] = opendata_page(site)
    out.files.update(data_files(site))
    out.files[FEED] = atom_feed(site)
    for src, preview in previews(site).items():
        out.head[src] = head_tags(site.contest.site_url, site.contest.title, lang, src, preview)
    # Seven tabs: what visitors come for first, then two sections of guides.
    out.nav = [
        (ui.t("nav.home", lang), HOME),
        (ui.t("nav.gallery", lang), GALLERY),
        *([(ui.t("nav.results", lang), RESULTS)] if published else []),
        (ui.t("nav.judging", lang), JUDGING),
        (ui.t("nav.datasets", lang), DATASETS),
        (ui.t("nav.opendata", lang), OPENDATA),
        (ui.t("nav.enter", lang), [
            (ui.t("nav.guide", lang), GUIDE),
            (ui.t("nav.fields", lang), FIELDS),
            (ui.t("nav.intake", lang), INTAKE_GUIDE),
        ]),
        (ui.t("nav.running", lang), [
            (ui.t("nav.judges", lang), JUDGES_GUIDE),
            (ui.t("nav.organizers", lang), ORGANIZERS_GUIDE),
            (ui.t("nav.cli", lang), CLI_REFERENCE),
        ]),
    ]
    return out


def nav_links(out: SiteOutput) -> list[tuple[str, str]]:
    """Every (title, path) of the nav, sections flattened."""
    links: list[tuple[str, str]] = []
    for title, target in out.nav:
        links.extend([(title, target)] if isinstance(target, str) else target)
    return links


def in_nav(out: SiteOutput) -> set[str]:
    return {path for _, path in nav_links(out)}
