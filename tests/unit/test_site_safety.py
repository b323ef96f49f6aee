"""Entrant text is inert wherever it lands: sanitized Markdown, escaped strings, results data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from contestkit import REPO

from site_builder.core.contest import load_contest
from site_builder.site import results as results_module
from site_builder.site.safe import description_html, front_matter_string, link, text, url
from tests.showcase_repo import XSS_DESCRIPTION, results_data

SITE_EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition", "pymdownx.superfences"]


def test_description_keeps_no_active_content() -> None:
    html = description_html(XSS_DESCRIPTION)
    lowered = html.lower()
    for needle in (
        "<script",
        "<svg",
        "<iframe",
        "<img",
        "<style",
        "<details",
        "javascript:",
        "evil.example",
        "<!--",
        "markdown=",
    ):
        assert needle not in lowered, needle
    tags = re.findall(r"<[a-z][^>]*>", lowered)
    assert not [t for t in tags if re.search(r"\son\w+=", t)]  # no event handler on any element
    assert "onclick=\"alert('d8')\"" in html  # attr_list syntax is left as visible text
    assert "&lt;script&gt;alert('d10')&lt;/script&gt;" in html  # entities stay text
    assert '<a href="https://safe.example/page" rel="nofollow noopener ugc">' in html
    assert "{" not in html and "}" not in html  # no Jinja delimiters survive
    assert "\n" not in html


def test_attr_list_syntax_stays_text() -> None:
    html = description_html('*hi*{ onclick="alert(1)" }\n\n## Title { #x onclick="alert(2)" }')
    assert "onclick=" in html and "<em onclick" not in html and 'id="x"' not in html


def test_headings_sit_under_the_page_sections() -> None:
    html = description_html("# one\n\n## two\n\n###### six")
    # Under the page's h2: no level is skipped, so ###### after ## is the next level.
    assert "<h3>one</h3>" in html and "<h4>two</h4>" in html and "<h5>six</h5>" in html
    assert "<h1" not in html and "<h2" not in html and "<h6" not in html


@pytest.mark.parametrize(("source", "levels"), [
    ("## a\n\n### b\n\n## c", [3, 4, 3]),  # what `contest new` suggests: ## first
    ("#### a\n\n###### b", [3, 4]),
    ("### a\n\n# b\n\n## c", [3, 3, 4]),  # a lower heading first cannot skip from the h2
    ("# a\n\n#### b\n\n## c\n\n###### d", [3, 4, 4, 5]),
    ("# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6", [3, 4, 5, 6, 6, 6]),
])
def test_description_outline_never_skips_a_level(source: str, levels: list[int]) -> None:
    found = [int(level) for level in re.findall(r"<h([1-6])>", description_html(source))]
    assert found == levels
    previous = 2  # the entry page's own h2 ("소개")
    for level in found:
        assert level <= previous + 1
        previous = level


def test_relative_and_odd_links_lose_their_href() -> None:
    html = description_html(
        "[a](/admin) [b](../x) [c](data:text/html,hi) [d](vbscript:x) [e](mailto:a@b.example)"
    )
    assert html.count("href=") == 1 and 'href="mailto:a@b.example"' in html


@pytest.mark.parametrize("extension_set", [SITE_EXTENSIONS])
def test_site_markdown_passes_the_sanitized_block_through_verbatim(
    extension_set: list[str],
) -> None:
    # What the entry page does: the one-line HTML inside a raw block, then the
    # site's own Markdown with its extensions. The output must contain it unchanged.
    fragment = description_html(
        XSS_DESCRIPTION + "\n\n```\n--8<-- x\n```\n\n*[HTML]: abbr\n\n[^1]: note\n"
    )
    page = f'<div class="entry-description">{fragment}</div>\n'
    rendered = markdown.Markdown(extensions=extension_set).convert(page)
    assert fragment in rendered


def test_strings_are_escaped_for_html_and_jinja() -> None:
    assert (
        text("</title><script>alert(1)</script>")
        == "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    )
    assert (
        text('{{ config }} {% raw %} "q"')
        == "&#123;&#123; config &#125;&#125; &#123;% raw %&#125; &quot;q&quot;"
    )
    assert text("a\nb") == "a b"
    assert json.loads(front_matter_string('x"</title>')) == "x&quot;&lt;/title&gt;"


def test_urls_must_be_absolute_https() -> None:
    assert url("javascript:alert(1)") is None
    assert url("http://plain.example/") is None
    assert url("https://ok.example/a b") is None
    assert url('https://ok.example/"><x') == "https://ok.example/&quot;&gt;&lt;x"
    assert link("javascript:alert(1)", "<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"


def _contest():  # type: ignore[no-untyped-def]
    loaded = load_contest(REPO)
    assert loaded.contest is not None
    return loaded.contest


def _write(root: Path, name: str, body: str) -> None:
    (root / "results").mkdir(parents=True, exist_ok=True)
    (root / "results" / name).write_text(body, encoding="utf-8")


def test_valid_results_are_read(tmp_path: Path) -> None:
    _write(tmp_path, "first.json", json.dumps(results_data(["wifi-finder", "air-walk"])))
    found = results_module.load_results(tmp_path, _contest(), REPO / "schema")
    assert [r.round for r in found] == ["first"]
    assert found[0].rows[0].entry == "wifi-finder" and found[0].alpha == 0.61


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        json.dumps({**results_data(["wifi-finder"]), "version": 2}),
        json.dumps({**results_data(["wifi-finder"]), "round": "final"}),
        json.dumps(results_data(["wifi-finder"])).replace('"score": 80.0', '"score": NaN'),
        json.dumps(
            {
                **results_data(["wifi-finder"]),
                "entries": [
                    {"entry": "../../etc", "rank": 1, "score": 1, "judges": 1, "complete": True}
                ],
            }
        ),
    ],
)
def test_bad_results_are_skipped_with_a_warning(
    tmp_path: Path, body: str, caplog: pytest.LogCaptureFixture
) -> None:
    _write(tmp_path, "first.json", body)
    assert results_module.load_results(tmp_path, _contest(), REPO / "schema") == ()
    assert "results/first.json" in caplog.text
