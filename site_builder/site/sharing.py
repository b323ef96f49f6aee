"""What other sites see of the showcase: link previews and an Atom feed.

* Link previews (Open Graph, Twitter cards): entry pages and the home page
  get a title, a summary and, for entries, the first screenshot. Preview
  crawlers need absolute addresses, so `og:url` and images appear only when
  contest.yml has `site_url`. The tags are HTML computed here (every value
  escaped) and put into each page's <head> by the MkDocs hooks; an engine
  without hooks (Zensical) publishes the pages without them.
* feed.xml (Atom, RFC 4287): the accepted entries, most recently changed
  first (at most FEED_LIMIT), and each round's published results. It is a
  generated file like cards.json, so it exists in both build paths. Entrant
  text is XML-escaped; ids are page addresses when site_url is set, else
  stable urn:uuid ids derived from the contest and the page.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import HOME, RESULTS, entry_page, page_dir

FEED = "feed.xml"
FEED_LIMIT = 100
_LOCALES = {"ko": "ko_KR", "en": "en_US"}
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Preview:
    """A page's link preview: plain text (escaped when rendered)."""

    title: str
    description: str
    kind: str = "website"
    image: str | None = None
    """Site path of the image (docs-relative)."""
    width: int | None = None
    height: int | None = None


def page_url(site_url: str | None, src: str) -> str | None:
    """The absolute address of page `src` (docs-relative), or None without site_url."""
    if not site_url:
        return None
    folder = page_dir(src)
    return site_url.rstrip("/") + "/" + (folder + "/" if folder else "")


def file_url(site_url: str | None, path: str) -> str | None:
    return site_url.rstrip("/") + "/" + path if site_url else None


def previews(site: SiteInput) -> dict[str, Preview]:
    """docs-relative page path -> its link preview."""
    contest = site.contest
    first_line = contest.description.strip().splitlines()[0] if contest.description.strip() else ""
    found = {HOME: Preview(contest.title, first_line or contest.title)}
    for entry in site.entries:
        shots = site.pictures_of(entry.slug).shots
        shot = shots[0] if shots else None
        found[entry_page(entry.slug)] = Preview(
            entry.title,
            entry.summary,
            "article",
            shot.site_path if shot else None,
            shot.width if shot else None,
            shot.height if shot else None,
        )
    return found


def head_tags(site_url: str | None, site_name: str, lang: str, src: str, card: Preview) -> str:
    """The <meta> tags of one page's preview, escaped, one per line."""
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", card.kind),
        ("property", "og:site_name", site_name),
        ("property", "og:title", card.title),
        ("property", "og:description", card.description),
        ("property", "og:locale", _LOCALES.get(lang, lang)),
    ]
    url = page_url(site_url, src)
    if url:
        tags.append(("property", "og:url", url))
    image = file_url(site_url, card.image) if card.image else None
    if image:
        tags.append(("property", "og:image", image))
        if card.width and card.height:
            tags += [
                ("property", "og:image:width", str(card.width)),
                ("property", "og:image:height", str(card.height)),
            ]
    tags += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", card.title),
        ("name", "twitter:description", card.description),
    ]
    if image:
        tags.append(("name", "twitter:image", image))
    return "\n".join(
        f"<meta {kind}={quoteattr(key)} content={quoteattr(_FORBIDDEN.sub('', value))}>"
        for kind, key, value in tags
    )


def _id(site_url: str | None, site: SiteInput, src: str, fragment: str = "") -> str:
    url = page_url(site_url, src) if src.endswith(".md") else file_url(site_url, src)
    if url:
        return url + (f"#{fragment}" if fragment else "")
    name = f"contest:{site.contest.repository or site.contest.title}:{src}#{fragment}"
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _xml(value: str) -> str:
    """Text for an XML element: escaped, without the characters XML 1.0 forbids."""
    return escape(_FORBIDDEN.sub("", value))


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def atom_feed(site: SiteInput) -> str:
    """feed.xml: accepted entries and published results, newest first."""
    contest, lang, site_url = site.contest, site.lang, site.contest.site_url
    items: list[tuple[datetime, str, str, str, str]] = []  # when, src, title, summary, kind
    for entry in site.entries:
        when = site.updated.get(entry.slug, contest.submission_open)
        items.append((when, entry_page(entry.slug), entry.title, entry.summary, "entry"))
    items.sort(key=lambda item: (item[0], item[1]), reverse=True)
    items = items[:FEED_LIMIT]
    if contest.results_published and site.results:
        published = contest.announcement if contest.announcement is not None else site.now
        for result in site.results:
            round_ = contest.round(result.round)
            name = round_.name if round_ is not None else result.round_name
            title = ui.t("feed.results", lang, round=name)
            summary = ui.t("feed.results.summary", lang, round=name)
            items.append((published, RESULTS, title, summary, result.round))
        items.sort(key=lambda item: item[0], reverse=True)  # stable: ties keep their order
    updated = max((item[0] for item in items), default=contest.submission_open)
    self_link = file_url(site_url, FEED)
    home = page_url(site_url, HOME) or "./"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"<id>{escape(_id(site_url, site, FEED))}</id>",
        f"<title>{_xml(contest.title)}</title>",
        f"<subtitle>{_xml(ui.t('feed.subtitle', lang, organizer=contest.organizer))}</subtitle>",
        f"<updated>{_stamp(updated)}</updated>",
        f"<author><name>{_xml(contest.organizer)}</name></author>",
        f'<link rel="alternate" type="text/html" href={quoteattr(home)}/>',
    ]
    if self_link:
        lines.append(f'<link rel="self" type="application/atom+xml" href={quoteattr(self_link)}/>')
    for when, src, title, summary, kind in items:
        # Without site_url, links are relative to the feed (the site's root).
        link = page_url(site_url, src) or (page_dir(src) + "/")
        fragment = "" if kind == "entry" else kind
        lines += [
            "<entry>",
            f"<id>{escape(_id(site_url, site, src, fragment))}</id>",
            f"<title type=\"text\">{_xml(title)}</title>",
            f"<updated>{_stamp(when)}</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"<summary type=\"text\">{_xml(summary)}</summary>",
            "</entry>",
        ]
    lines += ["</feed>", ""]
    return "\n".join(lines)
