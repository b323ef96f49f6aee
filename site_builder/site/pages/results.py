"""The results page: awards, rankings per round, criteria means, agreement, and how to verify.

Only generated when contest.yml says `publication.results: published` and at
least one results/<round>.json passed its checks.

Each round's "verify it yourself" recipe checks out the commit the site was
built from (whose results/<round>.json is what the page shows) and runs
`contest tally --check --round <id>`: the results are recomputed from the
score ledger and compared with that file, and a missing file or any
difference fails. The ledger commit alone would not do: the results are
committed after it, so nothing there can be checked.
"""

from __future__ import annotations

import re

from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import (
    RESULTS,
    award_name,
    entry_link,
    judge_order,
    number,
    page_start,
    table,
)
from site_builder.site.results import RESULTS_DIR, Row, RoundResult
from site_builder.site.safe import text

VERIFY_COMMAND = "contest tally --check --round {round}"
_REPOSITORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}")
_COMMIT = re.compile(r"[0-9a-f]{40,64}")
_ROUND = re.compile(r"[a-z][a-z0-9_-]{0,39}")


def verify_recipe(repository: str | None, commit: str | None, round_id: str) -> list[str]:
    """The shell commands that check a round's published results, one a line."""
    lines: list[str] = []
    if repository and _REPOSITORY.fullmatch(repository):
        name = repository.split("/", 1)[1]
        lines += [
            f"git clone https://github.com/{repository}.git",
            f"cd {name.removesuffix('.git')}",
        ]
    if commit and _COMMIT.fullmatch(commit):
        lines.append(f"git checkout {commit}")
    if _ROUND.fullmatch(round_id):
        lines.append(VERIFY_COMMAND.format(round=round_id))
    return lines


def results_page(site: SiteInput) -> str:
    lang = site.lang
    title = ui.t("nav.results", lang)
    lines = page_start(title, ui.t("results.intro", lang))
    lines += _awards(site)
    for result in site.results:
        lines += _round(site, result)
    return "\n".join(lines)


def _awards(site: SiteInput) -> list[str]:
    lang = site.lang
    by_slug = {e.slug: e for e in site.entries}
    final = site.results[-1] if site.results else None
    if final is None or not final.awards:
        return []
    rows = []
    for award in site.contest.awards:
        for slug in final.awards.get(award.id, ()):
            entry = by_slug.get(slug)
            team = text(entry.team_name) if entry else ""
            rows.append(
                [
                    f"<strong>{text(award.name)}</strong>"
                    + (f"<br>{text(award.prize)}" if award.prize else ""),
                    entry_link(RESULTS, entry, slug),
                    team,
                ]
            )
    return [
        f"## {text(ui.t('results.awards', lang))}",
        "",
        table(
            [
                text(ui.t("results.awards", lang)),
                text(ui.t("results.entry", lang)),
                text(ui.t("entry.team", lang)),
            ],
            rows,
            "contest-awards",
        ),
        "",
    ]


def _round(site: SiteInput, result: RoundResult) -> list[str]:
    lang, contest = site.lang, site.contest
    round_ = contest.round(result.round)
    by_slug = {e.slug: e for e in site.entries}
    name = round_.name if round_ is not None else result.round_name
    rows = []
    for row in result.rows:
        status = []
        if row.award:
            status.append(text(award_name(contest, row.award)))
        if row.advanced:
            status.append(text(ui.t("results.advanced", lang)))
        if not row.complete:
            status.append(text(ui.t("results.incomplete", lang)))
        rows.append(
            [
                str(row.rank) if row.rank is not None else "–",
                entry_link(RESULTS, by_slug.get(row.entry), row.entry),
                number(row.score),
                number(row.raw_mean),
                str(row.judges),
                number(row.stderr),
                ", ".join(status),
            ]
        )
    headers = [
        ui.t(k, lang)
        for k in (
            "results.rank",
            "results.entry",
            "results.score",
            "results.raw",
            "results.judges",
            "results.stderr",
            "results.status",
        )
    ]
    lines = [f"## {text(name)}", "", table([text(h) for h in headers], rows, "contest-ranking"), ""]
    lines += _close_calls(site, result)
    lines += _explain(site, result)
    if round_ is not None:
        criteria_rows = [
            [
                entry_link(RESULTS, by_slug.get(r.entry), r.entry),
                *(number(r.criteria.get(c.id)) for c in round_.criteria),
            ]
            for r in result.rows
        ]
        lines += [
            f"### {text(ui.t('results.criteria', lang))}",
            "",
            table(
                [text(ui.t("results.entry", lang)), *(text(c.name) for c in round_.criteria)],
                criteria_rows,
            ),
            "",
        ]
    alpha = result.alpha
    lines += [
        f"### {text(ui.t('results.agreement', lang))}",
        "",
        text(ui.t("results.alpha", lang, alpha=f"{alpha:.3f}"))
        if alpha is not None
        else text(ui.t("results.alpha.none", lang)),
        "",
    ]
    order, labels = judge_order(
        contest, site.judge_salt, ((j.judge, j.entries, j.leniency) for j in result.judges)
    )
    judges = [result.judges[i] for i in order]
    if judges:
        lines += [
            f"### {text(ui.t('results.judge.table', lang))}",
            "",
            table(
                [
                    text(ui.t(k, lang))
                    for k in ("results.judge", "results.judge.entries", "results.judge.leniency")
                ],
                (
                    [
                        text(
                            labels.get(
                                j.judge.casefold(), ui.t("results.pseudonym", lang, letter="?")
                            )
                        ),
                        str(j.entries) if j.entries is not None else "–",
                        number(j.leniency),
                    ]
                    for j in judges
                ),
            ),
            "",
        ]
    lines += [
        f"### {text(ui.t('results.verify', lang))}",
        "",
        table(
            [text(ui.t("results.ledger", lang)), text(ui.t("results.data_hash", lang))],
            [
                [
                    f"<code>{text(result.ledger_commit)}</code>",
                    f"<code>{text(result.data_sha256)}</code>",
                ]
            ],
        ),
        "",
        text(
            ui.t(
                "results.verify.how",
                lang,
                round=name,
                file=f"{RESULTS_DIR}/{result.round}.json",
            )
        ),
        "",
        "```sh",
        *verify_recipe(contest.repository, site.commit, result.round),
        "```",
        "",
    ]
    return lines


def _decides(upper: Row, lower: Row) -> bool:
    """Whether the order of these two neighbours decides an award or advancing."""
    return upper.award != lower.award or upper.advanced != lower.advanced


def _close_calls(site: SiteInput, result: RoundResult) -> list[str]:
    """Plain words where a lead that decides an outcome is inside the standard errors."""
    lang = site.lang
    by_slug = {e.slug: e for e in site.entries}
    ranked = [r for r in result.rows if r.rank is not None]
    notes = []

    def title(row: Row) -> str:
        entry = by_slug.get(row.entry)
        return entry.title if entry is not None else row.entry

    for upper, lower in zip(ranked, ranked[1:], strict=False):
        scores, errors = (upper.score, lower.score), (upper.stderr, lower.stderr)
        if None in scores or None in errors or not _decides(upper, lower):
            continue
        lead = float(upper.score or 0) - float(lower.score or 0)
        if lead >= max(float(upper.stderr or 0), float(lower.stderr or 0)):
            continue
        note = ui.t(
            "results.close",
            lang,
            upper=title(upper),
            lower=title(lower),
            upper_score=number(upper.score),
            lower_score=number(lower.score),
            diff=number(lead),
            upper_se=number(upper.stderr),
            lower_se=number(lower.stderr),
        )
        notes += [f'<p class="contest-close">{text(note)}</p>', ""]
    return notes


def _explain(site: SiteInput, result: RoundResult) -> list[str]:
    """What the columns mean, in plain words, for the method this round used."""
    lang = site.lang
    corrected = result.method.get("correction", "none") != "none"
    how = ui.t("results.explain.score." + ("corrected" if corrected else "plain"), lang)
    items = [
        (ui.t("results.score", lang), ui.t("results.explain.score", lang, how=how)),
        (ui.t("results.raw", lang), ui.t("results.explain.raw", lang)),
        (ui.t("results.stderr", lang), ui.t("results.explain.stderr", lang)),
    ]
    if result.method.get("correction") == "additive" and result.judges:
        items.append((ui.t("results.judge.leniency", lang), ui.t("results.explain.leniency", lang)))
    return [
        f"### {text(ui.t('results.explain', lang))}",
        "",
        '<dl class="contest-explain">'
        + "".join(f"<dt>{text(term)}</dt><dd>{text(meaning)}</dd>" for term, meaning in items)
        + "</dl>",
        "",
    ]
