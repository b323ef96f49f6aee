"""A tallied round for people: a text table, a Markdown table, or CSV for spreadsheets.

Every number shown is the published one, taken from the results document, so the text,
the Markdown, the CSV and results/<round>.json never disagree. Entry titles are entrant
text: control and invisible characters are replaced before they reach a terminal,
Markdown is escaped, and a CSV cell that a spreadsheet would run as a formula is quoted.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from site_builder.core import messages, spreadsheet
from site_builder.core.contest import Contest
from site_builder.core.reporter import Rendering, markdown_escape
from site_builder.tallying.tally import RoundResult, dumps

_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
def _t(code: str, lang: str, **params: Any) -> str:
    return messages.render(code, lang, params)


def _visible(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(" " if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


def _width(text: str) -> int:
    """Columns a terminal gives `text`: two for each wide (Hangul, CJK) character."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _number(value: float | None, decimals: int = 2) -> str:
    return "-" if value is None else f"{value:.{decimals}f}"


def _status(row: Mapping[str, Any], award_names: Mapping[str, str], lang: str) -> str:
    if row.get("award"):
        return award_names.get(row["award"], row["award"])
    if row.get("advanced"):
        return _t("ui.tally-advanced", lang)
    if not row.get("complete"):
        return _t("ui.tally-incomplete", lang)
    return ""


def _label(result: RoundResult, slug: str) -> str:
    title = result.titles.get(slug)
    return f"{_visible(title)} ({slug})" if title else slug


def _tie_rule(result: RoundResult, rule: str, lang: str) -> str:
    if rule.startswith("criterion:"):
        criterion = result.round.criterion(rule.split(":", 1)[1])
        return _t("ui.tally-tie-criterion", lang,
                  name=criterion.name if criterion is not None else rule.split(":", 1)[1])
    return _t(f"ui.tally-tie-{rule}", lang)


def _header(result: RoundResult, lang: str) -> list[str]:
    doc = result.document
    method = doc["method"]
    entries = doc["entries"]
    ranked = sum(1 for e in entries if e["rank"] is not None)
    lines = [
        _t("ui.tally-method", lang,
           aggregation=_t(f"ui.tally-aggregation-{method['aggregation']}", lang),
           correction=_t(f"ui.tally-correction-{method['correction']}", lang),
           min_judges=method["min_judges"],
           tie_break=" > ".join(_tie_rule(result, rule, lang) for rule in method["tie_break"])
           or "-"),
        _t("ui.tally-summary", lang, entries=len(entries), scores=result.scored, ranked=ranked,
           incomplete=len(entries) - ranked),
        _t("ui.tally-data", lang, hash=doc["data_sha256"]),
    ]
    if doc.get("ledger_commit"):
        lines.append(_t("ui.tally-commit", lang, commit=doc["ledger_commit"]))
    return lines


def _outcome_lines(contest: Contest, result: RoundResult, lang: str,
                   show: Any = str) -> list[str]:
    doc, round_ = result.document, result.round
    if round_.advance_top is not None:
        return [_t("ui.tally-advance-line", lang, count=len(doc["advanced"]),
                   top=round_.advance_top)]
    if not doc["awards"]:
        return []
    lines = [_t("ui.tally-awards-line", lang)]
    for award in contest.awards:
        winners = doc["awards"].get(award.id, [])
        names = ", ".join(show(_label(result, slug)) for slug in winners)
        lines.append(f"- {show(award.name)}: {names or _t('ui.tally-nobody', lang)}")
    return lines


def _note_lines(result: RoundResult, lang: str) -> list[str]:
    from site_builder.tallying.tally import round_notes

    lines = []
    for note in round_notes(result.tally):
        code = f"ui.tally-note-{note.code}"
        # English is the published text; other languages say it all in their own words.
        known = code in messages.CATALOGUE and lang != "en"
        lines.append(messages.render(code, lang, note.params) if known else note.text)
    return lines


def render_text(contest: Contest, result: RoundResult, lang: str) -> str:
    doc, round_ = result.document, result.round
    award_names = {a.id: a.name for a in contest.awards}
    lines = [_t("ui.tally-title", lang, round=round_.id, name=round_.name),
             *_header(result, lang), ""]
    columns = [_t(f"ui.tally-col-{c}", lang)
               for c in ("rank", "score", "judges", "stderr", "status", "entry")]
    rows = [
        [str(e["rank"]) if e["rank"] is not None else "-", _number(e["score"]),
         str(e["judges"]), _number(e["stderr"]), _status(e, award_names, lang),
         _label(result, e["entry"])]
        for e in doc["entries"]
    ]
    # The last column is not padded, so its width is never needed.
    cell_widths = [[_width(cell) for cell in cells[:-1]] for cells in (columns, *rows)]
    widths = [max(row[i] for row in cell_widths) for i in range(len(columns) - 1)]
    right = (True, True, True, True, False)
    for cells, sizes in zip((columns, *rows), cell_widths, strict=True):
        padded = [" " * (widths[i] - size) + cell if right[i] else cell + " " * (widths[i] - size)
                  for i, (cell, size) in enumerate(zip(cells, sizes, strict=False))]
        lines.append("  ".join([*padded, cells[-1]]).rstrip())
    lines += ["", *_outcome_lines(contest, result, lang), "",
              _t("ui.tally-judges-title", lang)]
    judge_width = max([_width(j["judge"]) for j in doc["judges"]] or [0])
    for judge in doc["judges"]:
        leniency = "-" if judge["leniency"] is None else f"{judge['leniency']:+.2f}"
        lines.append(f"  {_pad(judge['judge'], judge_width)}  {judge['entries']:>5}  "
                     f"{leniency:>7}")
    lines.append(_t("ui.tally-alpha", lang, alpha=_number(doc["reliability"]["alpha"], 4)))
    notes = _note_lines(result, lang)
    if notes:
        lines += ["", _t("ui.tally-notes", lang), *(f"- {n}" for n in notes)]
    return "\n".join(lines) + "\n"


def render_markdown(contest: Contest, result: RoundResult, lang: str) -> str:
    doc, round_ = result.document, result.round
    award_names = {a.id: a.name for a in contest.awards}
    title = _t("ui.tally-title", lang, round=round_.id, name=round_.name)
    lines = [f"### {markdown_escape(title)}", ""]
    lines += [f"- {markdown_escape(line)}" for line in _header(result, lang)]
    columns = [_t(f"ui.tally-col-{c}", lang)
               for c in ("rank", "entry", "score", "judges", "stderr", "status")]
    lines += ["", "| " + " | ".join(columns) + " |", "| ---: | --- | ---: | ---: | ---: | --- |"]
    for e in doc["entries"]:
        title_text = result.titles.get(e["entry"])
        slug = f"`{e['entry']}`"
        name = f"{markdown_escape(title_text)} ({slug})" if title_text else slug
        cells = [str(e["rank"]) if e["rank"] is not None else "-", name, _number(e["score"]),
                 str(e["judges"]), _number(e["stderr"]),
                 markdown_escape(_status(e, award_names, lang))]
        lines.append("| " + " | ".join(cells) + " |")
    outcome = _outcome_lines(contest, result, lang, markdown_escape)
    if outcome:
        lines += ["", *outcome]
    lines += ["", markdown_escape(_t("ui.tally-judges-title", lang)), "",
              "| " + _t("ui.score-judge", lang) + " | n | ± |", "| --- | ---: | ---: |"]
    for judge in doc["judges"]:
        leniency = "-" if judge["leniency"] is None else f"{judge['leniency']:+.2f}"
        lines.append(f"| {markdown_escape(judge['judge'])} | {judge['entries']} | {leniency} |")
    lines += ["", markdown_escape(_t("ui.tally-alpha", lang,
                                     alpha=_number(doc["reliability"]["alpha"], 4)))]
    notes = _note_lines(result, lang)
    if notes:
        lines += ["", f"#### {_t('ui.tally-notes', lang)}", "",
                  *(f"- {markdown_escape(n)}" for n in notes)]
    return "\n".join(lines) + "\n"


_cell = spreadsheet.cell


def render_csv(results: Sequence[RoundResult]) -> str:
    """One row per entry and round; criterion means in the round's criterion order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    criteria: dict[str, None] = {}
    for result in results:
        criteria.update(dict.fromkeys(c.id for c in result.round.criteria))
    writer.writerow(["round", "rank", "entry", "title", "score", "raw_mean", "judges",
                     "stderr", "complete", "advanced", "award", *criteria])
    for result in results:
        for e in result.document["entries"]:
            writer.writerow([_cell(v) for v in (
                result.round.id, e["rank"], e["entry"], _visible(result.titles.get(e["entry"], "")),
                e["score"], e["raw_mean"], e["judges"], e["stderr"], e["complete"],
                e["advanced"], e["award"], *(e["criteria"].get(c) for c in criteria),
            )])
    return buffer.getvalue()


def rendering(contest: Contest, result: RoundResult) -> Rendering:
    """`contest tally`'s formats for one round: text, markdown, csv, and json (the
    results document, as results/<round>.json holds it)."""
    return Rendering({
        "text": lambda lang: render_text(contest, result, lang),
        "markdown": lambda lang: render_markdown(contest, result, lang),
        "csv": lambda lang: render_csv([result]),
        "json": lambda lang: dumps(result.document),
    })
