"""How entries are judged: each round's rubric and method, in plain words, from contest.yml."""

from __future__ import annotations

from site_builder.core.contest import Round
from site_builder.site import ui
from site_builder.site.model import SiteInput
from site_builder.site.pages.common import judge_labels, page_start, table, when
from site_builder.site.safe import text


def judging_page(site: SiteInput) -> str:
    lang, contest = site.lang, site.contest
    title = ui.t("nav.judging", lang)
    lines = page_start(title, ui.t("judging.intro", lang))
    for round_ in contest.rounds:
        lines += _round(site, round_)
    lines += [f"## {text(ui.t('judging.awards', lang))}", ""]
    lines.append(
        table(
            [text(ui.t(f"judging.award.{key}", lang)) for key in ("name", "winners", "prize")],
            (
                [
                    text(a.name),
                    text(ui.t("judging.award.count", lang, count=a.count)),
                    text(a.prize),
                ]
                for a in contest.awards
            ),
        )
    )
    lines += ["", f"## {text(ui.t('judging.judges', lang))}", ""]
    labels = judge_labels(contest, site.judge_salt)
    if contest.judge_names_shown:
        lines.append(
            table(
                [text(ui.t("results.judge", lang)), text(ui.t("judging.judge.affiliation", lang))],
                ([text(j.name), text(j.affiliation)] for j in contest.judges),
            )
        )
    else:
        lines.append(text(", ".join(sorted(labels.values()))))
    lines += ["", text(ui.t("judging.conflicts", lang)), ""]
    return "\n".join(lines)


def _round(site: SiteInput, round_: Round) -> list[str]:
    lang = site.lang
    lines = [f"## {text(round_.name)}", ""]
    if round_.description:
        lines += [text(round_.description), ""]
    lines += [
        text(
            ui.t(
                "judging.period",
                lang,
                opens=when(round_.opens, lang),
                closes=when(round_.closes, lang),
            )
        )
        + " · "
        + text(ui.t("judging.panel", lang, count=len(round_.judges))),
        "",
        table(
            [
                text(ui.t(k, lang))
                for k in (
                    "judging.criterion",
                    "judging.weight",
                    "judging.max",
                    "judging.description",
                )
            ],
            (
                [
                    f"<strong>{text(c.name)}</strong>",
                    f"{c.weight:g}%",
                    f"{c.max}",
                    text(c.description),
                ]
                for c in round_.criteria
            ),
            "contest-rubric",
        ),
        "",
        text(ui.t("judging.total", lang)),
        "",
        f"### {text(ui.t('judging.aggregation', lang))}",
        "",
        text(ui.t(f"agg.{round_.aggregation}", lang))
        + " "
        + text(ui.t("judging.min", lang, min=round_.min_judges)),
        "",
        f"### {text(ui.t('judging.correction', lang))}",
        "",
        text(ui.t(f"corr.{round_.correction}", lang)),
        "",
    ]
    if round_.panel is not None:
        lines += [f"### {text(ui.t('judging.panels-title', lang))}", "",
                  text(ui.t("judging.panels", lang, size=round_.panel.size)), ""]
        found = site.assignments.get(round_.id)
        if found is None:
            lines += [text(ui.t("judging.panels-pending", lang)), ""]
        else:
            lines += [text(ui.t("judging.panels-file", lang, file=f"assignments/{round_.id}.yml",
                                seed=found[0], min_cut=found[1])), ""]
    if round_.tie_break:
        rules = []
        for rule in round_.tie_break:
            if rule.startswith("criterion:"):
                criterion = round_.criterion(rule.split(":", 1)[1])
                rules.append(
                    ui.t("tie.criterion", lang, name=criterion.name if criterion else rule)
                )
            else:
                rules.append(ui.t(f"tie.{rule}", lang))
        lines += [
            f"### {text(ui.t('judging.tiebreak', lang))}",
            "",
            text(ui.t("tie.order", lang, rules=", ".join(rules))),
            "",
        ]
    if round_.advance_top is not None:
        lines += [text(ui.t("judging.advance", lang, top=round_.advance_top)), ""]
    return lines
