"""Write the example contest's score ledger and results, as the real workflow would have.

    python benchmarks/make_example_ledger.py [--root .]

A one-off generator, kept so that the example can be remade and its choices read. It
is deterministic (seed 2015): every mark, comment and time comes from the tables below.

* Round ``first``: the five judges of the round score the 15 example entries, except
  that example-judge-choi, who declared a conflict with jeonse-safe-check, never scores
  it (74 scores). Each judge has a leniency (some mark everything higher than others),
  marks have noise, and comments are short Korean notes in the judge's own voice.
* ``contest tally --round first --write``: results/first.json; the top 6 advance.
* Round ``final``: the five judges of the final score the 6 advanced entries (30 scores).
* ``contest tally --round final --write``: results/final.json with the awards.

Every score is one commit, as ``contest score record`` makes it: authored by the judge
(``<login>@users.noreply.github.com``) at the comment's time, committed by contest-bot,
with the recorder's message and trailers (the bot that contest.yml names in ``bot``, which
`contest validate` checks every score commit against). The results are committed by contest-bot,
authored just after each round closes. As with the recorder, the committer date is the
time the commit is made: a commit dated before its parent (here: 2015 on top of today's
commits) makes git's revision walks, such as ``git log main..branch``, give wrong answers.
The repository must have no staged changes, and no scores/ or results/ yet.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import subprocess
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_builder.core.contest import Contest, Round, load_contest  # noqa: E402
from site_builder.judging import ledger  # noqa: E402
from site_builder.judging.ledger import ScoreRecord  # noqa: E402
from site_builder.tallying import resultfiles  # noqa: E402

SEED = 2015
KST = timezone(timedelta(hours=9))
REPOSITORY = "example-org/citizen-software-contest-2015"
BOT = ("contest-bot", "contest-bot@users.noreply.github.com")
FIRST_COMMENT_ID = 166_204_117

# How good each entry is, on the 0-10 scale of a mark: a base and what stands out.
QUALITY: Mapping[str, tuple[float, Mapping[str, float]]] = {
    "shelter-now": (8.0, {"usefulness": 1.0, "public-data": 0.6, "sustainability": 0.8}),
    "jeonse-safe-check": (7.8, {"usefulness": 1.1, "creativity": 0.6, "completeness": -0.5}),
    "free-meal-map": (7.6, {"usefulness": 0.9, "creativity": -0.6, "sustainability": 0.6}),
    "wheelchair-trip": (7.4, {"creativity": 0.9, "public-data": 0.7, "completeness": -0.6}),
    "safe-way-home": (7.3, {"usefulness": 0.5, "public-data": 0.5, "sustainability": -0.3}),
    "school-zone-walk": (7.1, {"public-data": 0.8, "creativity": -0.4}),
    "wifi-finder": (6.8, {"completeness": 0.9, "creativity": -0.9}),
    "air-walk": (6.7, {"creativity": 0.5, "completeness": -0.4}),
    "recycle-guide": (6.4, {"usefulness": 0.4, "public-data": -0.5}),
    "ev-charger-finder": (6.3, {"public-data": 0.6, "creativity": -0.5}),
    "market-open-map": (6.0, {"creativity": 0.6, "completeness": -0.7}),
    "shop-start-check": (5.9, {"public-data": 0.7, "usefulness": -0.4}),
    "parking-compare": (5.6, {"usefulness": 0.4, "creativity": -0.8}),
    "bike-tour-course": (5.4, {"creativity": 0.5, "completeness": -0.9}),
    "food-truck-spot": (5.0, {"creativity": 0.6, "public-data": -0.8}),
}
# Marks above (+) or below (-) the other judges', on the same scale.
LENIENCY = {
    "example-judge-ahn": 0.5, "example-judge-baek": -1.0, "example-judge-choi": 0.8,
    "example-judge-dong": 0.0, "example-judge-eom": -0.4, "example-judge-fan": 0.7,
    "example-judge-gu": -0.5,
}
NOISE = 0.7

# What each judge tends to look at, in their own words.
VOICE = {
    "example-judge-ahn": ["구조가 깔끔하고 기술 선택이 목적에 맞습니다.",
                          "데이터 갱신 주기를 문서로 밝혀 두면 신뢰가 더 커지겠습니다."],
    "example-judge-baek": ["기능은 분명하지만 예외 상황 처리를 더 보고 싶습니다.",
                           "개선 여지가 있어 점수를 보수적으로 매겼습니다."],
    "example-judge-choi": ["바로 서비스로 내놓아도 될 만큼 완성도가 좋습니다.",
                           "사업화 가능성이 보입니다."],
    "example-judge-dong": ["공공데이터 출처와 갱신 방식이 잘 드러나 있습니다.",
                           "표준데이터 외에 지자체 개별 데이터도 엮어 보면 좋겠습니다."],
    "example-judge-eom": ["첫 화면에서 무엇을 해야 할지 바로 보입니다.",
                          "버튼 글자가 작아 휴대폰에서 누르기 어렵습니다."],
    "example-judge-fan": ["디지털 취약계층도 쓸 수 있을지 꼼꼼히 보았습니다.",
                          "화면 읽기 프로그램으로도 끝까지 쓸 수 있었습니다."],
    "example-judge-gu": ["클라우드 운영 비용을 잘 계산해 두었습니다.",
                         "사용자가 몰릴 때를 대비한 구성이 필요해 보입니다."],
}
# A remark about each entry itself.
REMARK = {
    "shelter-now": "메신저로 바로 대피소를 알려 주는 방식이 재난 상황에 잘 맞습니다.",
    "jeonse-safe-check": "깡통전세 위험 신호를 쉬운 말로 풀어 준 점이 돋보입니다.",
    "free-meal-map": "요일과 시간에 맞춰 지금 문 연 곳만 보여 주니 어르신께 실제로 쓸모가 큽니다.",
    "wheelchair-trip": "급속충전기와 장애인 화장실을 한 경로에 묶은 착상이 새롭습니다.",
    "safe-way-home": "보안등과 CCTV 밀도로 길을 고르는 기준이 설득력 있습니다.",
    "school-zone-walk": "어린이보호구역과 CCTV를 겹쳐 보여 주는 지도가 보호자에게 유용합니다.",
    "wifi-finder": "공공와이파이 위치를 빠르게 찾을 수 있고 화면이 단순합니다.",
    "air-walk": "측정소 자료와 예보를 함께 보여 주어 산책 시간을 고르기 쉽습니다.",
    "recycle-guide": "품목별 배출 방법 안내가 친절합니다.",
    "ev-charger-finder": "충전 방식별로 걸러 볼 수 있어 편리합니다.",
    "market-open-map": "오일장 장날 달력은 다른 서비스에서 보기 어려운 정보입니다.",
    "shop-start-check": "같은 업종 점포 수를 보여 주는 분석이 예비 창업자에게 도움이 됩니다.",
    "parking-compare": "머무는 시간에 따라 요금을 비교해 주는 기능이 실용적입니다.",
    "bike-tour-course": "반납 장소까지 이어지는 코스 구성이 재미있습니다.",
    "food-truck-spot": "축제 일정과 허가구역을 묶은 발상이 좋습니다.",
}
PRAISE = {
    "usefulness": "실제로 필요한 사람이 쉽게 쓸 수 있습니다.",
    "creativity": "기존 정부서비스에 없던 착상입니다.",
    "public-data": "공공데이터를 정확하게 엮었습니다.",
    "completeness": "시연 내내 막힘 없이 작동했습니다.",
    "sustainability": "다른 지역으로 넓혀 운영하기 좋은 구조입니다.",
}
WISH = {
    "usefulness": "누가 언제 쓰는지 사용 장면을 더 좁혀 보면 좋겠습니다.",
    "creativity": "비슷한 서비스와 다른 점을 더 분명히 보여 주면 좋겠습니다.",
    "public-data": "사용한 데이터의 기준 날짜가 화면에 보이지 않습니다.",
    "completeness": "일부 화면에서 오류가 났습니다.",
    "sustainability": "운영 주체와 비용 계획이 아직 부족합니다.",
}


def mark(rng: random.Random, slug: str, criterion: str, judge: str) -> int | float:
    base, strengths = QUALITY[slug]
    value = base + strengths.get(criterion, 0.0) + LENIENCY[judge] + rng.gauss(0, NOISE)
    step = 0.5 if rng.random() < 0.15 else 1.0  # now and then a half mark
    value = max(0.0, min(10.0, round(value / step) * step))
    return int(value) if value.is_integer() else value


def comment(rng: random.Random, slug: str, judge: str, marks: Mapping[str, float]) -> str:
    best = max(marks, key=lambda c: (marks[c], c))
    worst = min(marks, key=lambda c: (marks[c], c))
    first = [REMARK[slug]]
    if marks[best] >= 8:
        first.append(PRAISE[best])
    second = [rng.choice(VOICE[judge])]
    if marks[worst] <= 6:
        second.append(WISH[worst])
    if rng.random() < 0.3:  # some judges write two paragraphs
        return " ".join(first) + "\n\n" + " ".join(second)
    return " ".join([*first, *second][: rng.randint(2, 3)])


def schedule(rng: random.Random, round_: Round, judge: str, count: int) -> list[datetime]:
    """When a judge posts each of `count` scores: working hours, spread over the window."""
    opens = round_.opens.astimezone(KST)
    moment = opens + timedelta(hours=rng.uniform(0.5, 30))
    times = []
    for _ in range(count):
        moment += timedelta(minutes=rng.uniform(15, 110))
        if moment.hour >= 22 or moment.hour < 9:
            day = moment.date() + timedelta(days=1 if moment.hour >= 22 else 0)
            moment = datetime(day.year, day.month, day.day, 9, rng.randint(5, 50), tzinfo=KST)
        times.append(moment.replace(microsecond=0) + timedelta(seconds=rng.randint(0, 59)))
    if times[-1] > round_.closes:
        raise SystemExit(f"{judge}: schedule runs past the close of {round_.id}; change SEED")
    return times


def score_round(
    rng: random.Random, contest: Contest, round_: Round, slugs: Sequence[str],
    pulls: Mapping[str, int],
) -> list[ScoreRecord]:
    records = []
    for judge in round_.judges:
        conflicts = set(contest.judge(judge).conflicts)  # type: ignore[union-attr]
        order = [s for s in slugs if s not in conflicts]
        rng.shuffle(order)
        for slug, moment in zip(order, schedule(rng, round_, judge, len(order)), strict=True):
            marks = {c.id: mark(rng, slug, c.id, judge) for c in round_.criteria}
            records.append(ScoreRecord(
                round=round_.id, entry=slug, judge=judge, scores=marks,
                event_time=moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                rubric_sha256=round_.rubric_sha256(),
                comment=comment(rng, slug, judge, marks),
                pull_request=pulls[slug],
            ))
    return sorted(records, key=lambda r: (r.event_time, r.judge, r.entry))


def with_comment_ids(rng: random.Random, records: list[ScoreRecord], start: int) -> tuple[
        list[ScoreRecord], int]:
    """GitHub's comment ids grow with time: number the comments in time order."""
    numbered = []
    for record in records:
        start += rng.randint(40, 4000)
        url = f"https://github.com/{REPOSITORY}/pull/{record.pull_request}#issuecomment-{start}"
        numbered.append(dataclasses.replace(record, comment_url=url))
    return numbered, start


def git(root: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    command = ["git", "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", *args]
    done = subprocess.run(command, cwd=root, env={**os.environ, **(env or {})}, check=True,
                          capture_output=True, text=True)
    return done.stdout.strip()


def commit(root: Path, paths: Sequence[str], message: str, author: tuple[str, str],
           when: str) -> None:
    git(root, "add", "--", *paths)
    git(root, "commit", "--quiet", "-m", message, env={
        "GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1], "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": BOT[0], "GIT_COMMITTER_EMAIL": BOT[1],
    })


def record_scores(root: Path, records: Sequence[ScoreRecord]) -> None:
    for record in records:
        ledger.write_record(root, record)
        message = (f"score: {record.entry} by {record.judge} ({record.round})\n\n"
                   f"Comment: {record.comment_url}\nEvent-Time: {record.event_time}\n"
                   f"Pull-Request: #{record.pull_request}\n")
        login = record.judge
        commit(root, [record.path], message, (login, f"{login}@users.noreply.github.com"),
               record.event_time)


def publish(root: Path, contest: Contest, round_: Round) -> list[str]:
    (report,) = resultfiles.write_results(root, contest, round_.id)
    if report.result is None:
        raise SystemExit(f"{round_.id} was not tallied: {[p.code for p in report.problems]}")
    document = report.result.document
    when = (round_.closes + timedelta(hours=1, minutes=30)).isoformat()
    message = (f"results: {round_.id} ({round_.name})\n\n"
               f"Ledger-Commit: {document['ledger_commit']}\n"
               f"Data-SHA256: {document['data_sha256']}\n")
    commit(root, [report.file], message, BOT, when)
    return list(document["advanced"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO)
    root = parser.parse_args().root.resolve()
    if (root / "scores").exists() or (root / "results" / "first.json").exists():
        raise SystemExit("scores/ or results/ exist already: this writes them from scratch")
    if git(root, "diff", "--cached", "--name-only"):
        raise SystemExit("the index has staged changes: commit or unstage them first")
    contest = load_contest(root).contest
    if contest is None:
        raise SystemExit("contest.yml is not valid")
    if (contest.bot.name, contest.bot.email) != BOT:
        raise SystemExit(f"contest.yml names the bot {contest.bot}; this writes as {BOT}")
    rng = random.Random(SEED)
    slugs = sorted(QUALITY)
    numbers = rng.sample(range(3, 64), len(slugs))
    pulls = dict(zip(sorted(slugs, key=lambda s: rng.random()), sorted(numbers), strict=True))
    first, final = contest.rounds
    records, last_id = with_comment_ids(
        rng, score_round(rng, contest, first, slugs, pulls), FIRST_COMMENT_ID)
    record_scores(root, records)
    advanced = publish(root, contest, first)
    records, _ = with_comment_ids(rng, score_round(rng, contest, final, advanced, pulls), last_id)
    record_scores(root, records)
    publish(root, contest, final)
    print(f"advanced from {first.id}: {', '.join(advanced)}")


if __name__ == "__main__":
    main()
