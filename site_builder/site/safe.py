"""Entrant text made harmless, for every place it lands in the site.

Entrant strings reach HTML (cards, tables), front matter that Material's
templates print unescaped (``<title>``, ``<meta name="description">``), and
generated Markdown that Python-Markdown and its extensions parse again. So:

* `text()` escapes for HTML and also turns ``{``/``}`` into entities, so a
  Jinja-evaluating plugin added later still sees no ``{{ }}``/``{% %}``;
* every generated fragment is written on one line inside a raw HTML block:
  line-based Markdown syntax (headings, fences, ``--8<--``, footnote and
  abbreviation definitions, ``///`` blocks) cannot start a line there, and
  Python-Markdown stashes a raw block verbatim;
* descriptions are rendered by a Markdown instance of their own, with no
  extensions (attr_list would turn ``{ onclick=... }`` into an attribute),
  and the result is sanitized by nh3 with a small allow-list.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

# Headings in a description sit under the entry page's own h2 sections: its
# highest level becomes h3, each level below it the next one, and no heading is
# more than one level below the one before it: the page's outline never skips a
# level (WCAG 1.3.1), whichever levels the entrant used.
_FIRST_LEVEL = 3
_TAGS = {
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
}
# "*": nothing on every tag (nh3 otherwise allows lang and title everywhere).
_ATTRIBUTES = {"*": set(), "a": {"href"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
_SCHEMES = {"http", "https", "mailto"}
ENTRANT_REL = "nofollow noopener ugc"
_SPACE = re.compile(r"\s")


def text(value: object) -> str:
    """HTML-escape `value` for element content and quoted attributes."""
    escaped = html.escape(str(value), quote=True)
    return _braces(escaped).replace("\r", "").replace("\n", " ")


def heading_text(value: object) -> str:
    """`value` for a Markdown heading line: every ASCII character that is not a letter,
    digit or space becomes a numeric character reference, so no Markdown, HTML or
    attribute syntax can come of it (a link, emphasis, `{ #id }`, a closing `#`)."""
    flat = str(value).replace("\r", "").replace("\n", " ")
    return "".join(
        f"&#{ord(c)};" if c.isascii() and not (c.isalnum() or c == " ") else c for c in flat
    )


def _braces(value: str) -> str:
    return value.replace("{", "&#123;").replace("}", "&#125;")


def front_matter_string(value: str) -> str:
    """A YAML scalar for front matter whose value is already safe HTML text.

    Material prints ``page.meta.title`` and ``page.meta.description`` without
    escaping, so the value is escaped HTML; JSON is valid YAML and quotes it.
    """
    return json.dumps(text(value), ensure_ascii=False)


def url(value: str, *, schemes: frozenset[str] = frozenset({"https"})) -> str | None:
    """An entrant URL fit for href, escaped; None when it is not an allowed absolute URL."""
    stripped = value.strip()
    try:
        parts = urlsplit(stripped)
    except ValueError:
        return None
    if (
        parts.scheme.lower() not in schemes
        or not parts.netloc
        or _SPACE.search(stripped)
    ):
        return None
    return text(stripped)


def link(href: str, label: str, *, css: str = "") -> str:
    """An outgoing link to an entrant URL, or the label alone when the URL is not allowed."""
    safe_href = url(href)
    if safe_href is None:
        return text(label)
    klass = f' class="{css}"' if css else ""
    return f'<a href="{safe_href}"{klass} rel="{ENTRANT_REL}">{text(label)}</a>'


class _ShiftHeadings(Treeprocessor):  # type: ignore[misc]  # Markdown ships no types
    def run(self, root: ET.Element) -> None:
        headings = [e for e in root.iter() if re.fullmatch(r"h[1-6]", e.tag)]
        levels = sorted({int(e.tag[1]) for e in headings})
        previous = _FIRST_LEVEL - 1
        for element in headings:
            level = _FIRST_LEVEL + levels.index(int(element.tag[1]))
            # A first heading below the highest one must not skip from the h2 either.
            previous = min(6, level, previous + 1)
            element.tag = f"h{previous}"


class _Headings(markdown.Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_ShiftHeadings(md), "contest_shift_headings", 1)


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    # nh3's url_schemes checks absolute URLs only; a relative href would point
    # into the showcase itself, which an entrant has no business doing.
    if attribute == "href":
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        return value if scheme in _SCHEMES else None
    return value


RENDER_VERSION = "2"  # part of cache keys: bump when the rendering below changes
_converter: markdown.Markdown | None = None


def _markdown() -> markdown.Markdown:
    # Building a Markdown instance costs about as much as converting a
    # description; one instance, reset between documents, is reused.
    global _converter
    if _converter is None:
        # Only extensions that add no attribute syntax: fenced_code's { .x } goes
        # to attributes that nh3 then drops, and tables only emit align.
        _converter = markdown.Markdown(
            extensions=[_Headings(), "fenced_code", "tables", "sane_lists"], output_format="html"
        )
    return _converter


@lru_cache(maxsize=1024)
def description_html(source: str) -> str:
    """An entrant's Markdown as sanitized HTML on a single line."""
    converter = _markdown()
    converter.reset()
    rendered = converter.convert(source)
    clean = nh3.clean(
        rendered,
        tags=_TAGS,
        clean_content_tags={"script", "style", "textarea", "iframe", "noscript", "svg", "math"},
        attributes=_ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes=_SCHEMES,
        link_rel=ENTRANT_REL,
        strip_comments=True,
    )
    # Raw newlines would let a line of entrant text start a Markdown line
    # (see the module docstring); entities keep <pre> blocks intact.
    return _braces(clean).replace("\r", "").replace("\n", "&#10;")
