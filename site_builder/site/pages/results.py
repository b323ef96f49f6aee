"""The results page: awards, rankings per round, criteria means, agreement, and how to verify.

Only generated when contest.yml says `publication.results: published` and at
least one results/<round>.json passed its checks.
"""

from __future__ import annotations

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
from site_builder.site.results import RoundResult
from site_builder.site.safe import text

VERIFY_COMMAND = "contest tally --check"


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
        text(ui.t("results.verify.how", lang)),
        "",
        "```sh",
        f"git checkout {result.ledger_commit}",
        VERIFY_COMMAND,
        "```",
        "",
    ]
    return lines
