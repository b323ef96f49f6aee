"""The home page: the contest, its timeline, and live figures with the current stage."""

from __future__ import annotations

from datetime import datetime

from site_builder.core.contest import Contest
from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import (
    GALLERY,
    GUIDE,
    HOME,
    RESULTS,
    front_matter,
    href,
    table,
    when,
)
from site_builder.site.pages.gallery import card
from site_builder.site.safe import text


def stage(contest: Contest, now: datetime) -> str:
    """Where the contest stands at `now`, as shown to visitors."""
    lang = contest.language
    if now < contest.submission_open:
        return ui.t("stage.upcoming", lang)
    if now <= contest.submission_close:
        return ui.t("stage.open", lang)
    current = contest.round_at(now)
    if current is not None:
        return ui.t("stage.judging", lang, round=current.name)
    if contest.announcement is not None and now >= contest.announcement:
        return ui.t("stage.announced", lang)
    if now > contest.final_round.closes:
        return ui.t("stage.closed", lang)
    return ui.t("stage.between", lang)


def home_page(site: SiteInput) -> str:
    contest, lang = site.contest, site.lang
    figures = [
        (ui.t("home.entries", lang), str(len(site.entries))),
        (ui.t("home.categories", lang), str(len(contest.categories))),
        (ui.t("home.judges", lang), str(len(contest.judges))),
        (ui.t("home.stage", lang), stage(contest, site.now)),
    ]
    timeline = [
        (ui.t("timeline.open", lang), when(contest.submission_open, lang)),
        (ui.t("timeline.close", lang), when(contest.submission_close, lang)),
    ]
    timeline += [
        (r.name, f"{when(r.opens, lang)} ~ {when(r.closes, lang)}") for r in contest.rounds
    ]
    if contest.announcement is not None:
        timeline.append((ui.t("timeline.announcement", lang), when(contest.announcement, lang)))
    counts = {c.id: 0 for c in contest.categories}
    for entry in site.entries:
        counts[entry.category] = counts.get(entry.category, 0) + 1
    gallery = href(HOME, GALLERY)
    parts = [
        front_matter(
            text(contest.title),
            text(
                contest.description.strip().splitlines()[0]
                if contest.description.strip()
                else contest.title
            ),
            hide=["toc"],
        ),
        f"# {text(contest.title)}",
        "",
        f'<p class="contest-organizer">{text(ui.t("home.organizer", lang, organizer=contest.organizer))}</p>',
        "",
        *_winners(site),
        # The organizer's description is Markdown written by the organizers
        # through reviewed pull requests to contest.yml, so it is rendered as is.
        contest.description.strip(),
        "",
        f"## {ui.t('home.figures', lang)}",
        "",
        '<div class="contest-figures">'
        + "".join(
            f'<div class="contest-figure"><span class="contest-figure-value">{text(v)}</span>'
            f'<span class="contest-figure-label">{text(k)}</span></div>'
            for k, v in figures
        )
        + "</div>",
        "",
        f'<p class="contest-asof">{text(ui.t("home.asof", lang, now=when(site.now.astimezone(contest.submission_open.tzinfo), lang)))}</p>',
        "",
        f'<p><a class="md-button md-button--primary" href="{gallery}">{text(ui.t("home.browse", lang))}</a> '
        f'<a class="md-button" href="{href(HOME, GUIDE)}">{text(ui.t("home.enter", lang))}</a></p>',
        "",
        f"## {ui.t('home.timeline', lang)}",
        "",
        table(
            [text(ui.t("home.timeline.event", lang)), text(ui.t("home.timeline.when", lang))],
            ([text(k), text(v)] for k, v in timeline),
            "contest-timeline",
        ),
        "",
        f"## {ui.t('home.categories.list', lang)}",
        "",
        table(
            [text(ui.t("home.categories", lang)), text(ui.t("home.entries", lang))],
            (
                [
                    f"<strong>{text(c.name)}</strong><br>{text(c.description)}",
                    str(counts.get(c.id, 0)),
                ]
                for c in contest.categories
            ),
        ),
        "",
    ]
    return "\n".join(parts)


def _winners(site: SiteInput) -> list[str]:
    """Once results are out, the award winners come first, with a way to the full results."""
    if not site.contest.results_published or not site.results:
        return []
    lang, final = site.lang, site.results[-1]
    by_slug = {e.slug: e for e in site.entries}
    cards = [
        card(site, HOME, by_slug[slug], award.id)
        for award in site.contest.awards
        for slug in final.awards.get(award.id, ())
        if slug in by_slug
    ]
    link = (
        f'<p><a class="md-button md-button--primary" href="{href(HOME, RESULTS)}">'
        f"{text(ui.t('home.results', lang))}</a></p>"
    )
    if not cards:
        return [link, ""]
    return [
        f"## {text(ui.t('home.awards', lang))}",
        "",
        '<ul class="cg-list contest-winners">',
        *cards,
        "</ul>",
        "",
        link,
        "",
    ]
