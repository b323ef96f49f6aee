"""The public-data page: each dataset, grouped by normalized name, and the services on it.

Entrants write the same dataset many ways ("한국환경공단_에어코리아_대기오염정보",
"한국환경공단 에어코리아 대기오염정보 "), so names are compared after NFKC
normalization, case folding, and treating spaces, underscores and dashes
alike; the group shows the spelling most entries use.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from site_builder.submissions.entries import Entry
from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import DATASETS, entry_link, page_start
from site_builder.site.safe import link, text

_SEPARATORS = re.compile(r"[\s_\-·・/]+")


def dataset_key(name: str) -> str:
    normalized = unicodedata.normalize("NFKC", name).casefold()
    return _SEPARATORS.sub(" ", normalized).strip()


@dataclass(frozen=True)
class DatasetGroup:
    key: str
    name: str
    providers: tuple[str, ...]
    urls: tuple[str, ...]
    slugs: tuple[str, ...]


def dataset_groups(entries: Iterable[Entry]) -> list[DatasetGroup]:
    names: dict[str, Counter[str]] = {}
    providers: dict[str, Counter[str]] = {}
    urls: dict[str, Counter[str]] = {}
    slugs: dict[str, list[str]] = {}
    for entry in entries:
        for dataset in entry.public_data:
            key = dataset_key(dataset.name)
            if not key:
                continue
            names.setdefault(key, Counter())[dataset.name.strip()] += 1
            providers.setdefault(key, Counter())[dataset.provider.strip()] += 1
            urls.setdefault(key, Counter())[dataset.url] += 1
            listed = slugs.setdefault(key, [])
            if entry.slug not in listed:
                listed.append(entry.slug)
    groups = [
        DatasetGroup(
            key=key,
            name=_most_common(names[key]),
            providers=tuple(p for p, _ in providers[key].most_common()),
            urls=tuple(u for u, _ in urls[key].most_common(3)),
            slugs=tuple(slugs[key]),
        )
        for key in names
    ]
    return sorted(groups, key=lambda g: (-len(g.slugs), g.key))


def _most_common(counter: Counter[str]) -> str:
    # Ties go to the alphabetically first spelling, so builds are reproducible.
    best = max(counter.values())
    return min(name for name, count in counter.items() if count == best)


def datasets_page(site: SiteInput) -> str:
    lang = site.lang
    groups = dataset_groups(site.entries)
    by_slug = {e.slug: e for e in site.entries}
    title = ui.t("nav.datasets", lang)
    lines = page_start(title)
    if not groups:
        lines += [text(ui.t("datasets.none", lang)), ""]
        return "\n".join(lines)
    lines += [
        text(ui.t("datasets.intro", lang, count=len(groups))),
        "",
        '<div class="contest-datasets">',
    ]
    for group in groups:
        services = ", ".join(entry_link(DATASETS, by_slug.get(s), s) for s in group.slugs)
        data_links = " ".join(link(u, ui.t("datasets.link", lang)) for u in group.urls[:1])
        lines.append(
            '<section class="contest-dataset">'
            f"<h2>{text(group.name)}</h2>"
            f"<p>{text(ui.t('datasets.provider', lang, provider=', '.join(group.providers)))} · {data_links}</p>"
            f"<p data-search-exclude><strong>{text(ui.t('datasets.used_by', lang, count=len(group.slugs)))}</strong>: {services}</p>"
            "</section>"
        )
    lines += ["</div>", ""]
    return "\n".join(lines)
