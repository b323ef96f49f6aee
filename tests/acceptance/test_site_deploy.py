"""A real MkDocs build with contest.yml's site_url: sitemap, canonical links, previews, feed,
a 404 page for a GitHub Pages project path; and the same through `contest generate`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from site_builder.site.build import build_site, generate_site
from site_builder.site.engine import current_time
from tests.showcase_repo import make_repo

SITE_URL = "https://example-org.github.io/citizen-software-contest-2015/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_site_url_gives_sitemap_canonical_links_previews_and_a_working_404(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path / "repo", examples=("wifi-finder", "air-walk"), results=True)
    assert f"site_url: {SITE_URL}" in (repo / "contest.yml").read_text("utf-8")
    site = tmp_path / "site"
    build_site(repo, site, now=current_time())

    locations = [
        loc.text
        for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")
    ]
    for page in ("", "gallery/", "entries/wifi-finder/", "entries/xss-probe/", "results/"):
        assert SITE_URL + page in locations, page

    entry = (site / "entries" / "wifi-finder" / "index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}entries/wifi-finder/">' in entry
    assert f'<meta property="og:url" content="{SITE_URL}entries/wifi-finder/">' in entry
    image = f"{SITE_URL}entries/wifi-finder/shot-1.webp"
    assert f'<meta property="og:image" content="{image}">' in entry
    assert (site / "entries" / "wifi-finder" / "shot-1.webp").is_file()
    head = entry.split("</head>", 1)[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert 'href="../../feed.xml"' in head

    # Hostile entrant text in previews stays an attribute value.
    hostile = (site / "entries" / "xss-probe" / "index.html").read_text("utf-8")
    head = hostile.split("</head>", 1)[0]
    assert "<script>alert" not in head
    assert 'content="&lt;/title&gt;&lt;script&gt;alert(' in head

    # GitHub Pages serves 404.html at any depth: its addresses start at the project path.
    missing = (site / "404.html").read_text("utf-8")
    assets = re.findall(r'(?:href|src)="([^"#]+\.(?:css|js))"', missing)
    assert assets and all(a.startswith("/citizen-software-contest-2015/") for a in assets), assets

    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"


def test_contest_generate_keeps_site_url_and_the_feed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", examples=("wifi-finder",), results=True)
    out = tmp_path / "plain"
    generate_site(repo, out, now=current_time())
    config = (out / "mkdocs.yml").read_text("utf-8")
    assert config.count("site_url:") == 1 and f'site_url: "{SITE_URL}"' in config
    ET.parse(out / "docs" / "feed.xml")
    assert (out / "docs" / "assets" / "fonts" / "contest-sans-kr-400.woff2").is_file()
