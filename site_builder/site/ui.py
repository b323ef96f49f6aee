# ruff: noqa: E501 - sentences stay whole so translators can read them side by side
"""Every string the showcase shows a visitor, in Korean and English.

Kept in one place so a contest in English gets an English site, and so that
translators find all of it. Parameters use str.format names.
"""

from __future__ import annotations

from typing import Any

_T: dict[str, tuple[str, str]] = {
    # navigation and page titles
    "nav.home": ("홈", "Home"),
    "nav.gallery": ("출품작", "Entries"),
    "nav.results": ("심사 결과", "Results"),
    "nav.judging": ("심사 기준과 방법", "How entries are judged"),
    "nav.datasets": ("공공데이터", "Public data"),
    "nav.guide": ("참가 방법", "How to take part"),
    "nav.fields": ("entry.yml 항목 설명", "entry.yml fields"),
    "nav.judges": ("심사위원 안내", "For judges"),
    "nav.opendata": ("열린 데이터", "Open data"),
    "nav.enter": ("참가 안내", "How to enter"),
    "nav.intake": ("신청 양식으로 출품 (git 없이)", "Entering with the form (no git)"),
    "nav.running": ("운영과 심사", "Running the contest"),
    "nav.organizers": ("운영진 안내", "For organizers"),
    "nav.cli": ("명령어 참조", "Command reference"),
    # home
    "home.figures": ("한눈에 보기", "At a glance"),
    "home.entries": ("출품작", "Entries"),
    "home.categories": ("분야", "Categories"),
    "home.judges": ("심사위원", "Judges"),
    "home.stage": ("진행 단계", "Stage"),
    "home.timeline": ("일정", "Timeline"),
    "home.timeline.event": ("일정", "Event"),
    "home.timeline.when": ("일시", "Date and time"),
    "home.organizer": ("주최: {organizer}", "Organized by {organizer}"),
    "home.asof": ("{now} 기준", "As of {now}"),
    "home.browse": ("출품작 둘러보기", "Browse the entries"),
    "home.enter": ("참가 안내", "How to enter"),
    "home.categories.list": ("분야별 출품작", "Entries by category"),
    "home.awards": ("수상작", "Award winners"),
    "home.results": ("심사 결과 전체 보기", "See the full results"),
    "timeline.open": ("접수 시작", "Submissions open"),
    "timeline.close": ("접수 마감", "Submissions close"),
    "timeline.round": ("{name}", "{name}"),
    "timeline.announcement": ("결과 발표", "Announcement"),
    "stage.upcoming": ("접수 예정", "Opening soon"),
    "stage.open": ("접수 중", "Open for entries"),
    "stage.judging": ("심사 중: {round}", "Judging: {round}"),
    "stage.between": ("심사 중", "Judging"),
    "stage.announced": ("결과 발표", "Results announced"),
    "stage.closed": ("심사 완료", "Judging complete"),
    # gallery
    "gallery.intro": (
        "출품작 {count}개. 분야, 태그, 플랫폼, 공공데이터로 골라 보거나 이름으로 찾으세요.",
        "{count} entries. Filter by category, tag, platform or public dataset, or search by name.",
    ),
    "gallery.filter.text": ("이름·팀·소개로 찾기", "Search names, teams, summaries"),
    "gallery.filter.category": ("분야", "Category"),
    "gallery.filter.tag": ("태그", "Tag"),
    "gallery.filter.platform": ("플랫폼", "Platform"),
    "gallery.filter.dataset": ("공공데이터", "Public dataset"),
    "gallery.filter.all": ("전체", "All"),
    "gallery.filter.reset": ("초기화", "Reset"),
    "gallery.more": ("더 보기", "Show more"),
    "gallery.count": ("{shown} / {total}개 표시", "Showing {shown} of {total}"),
    "gallery.none": ("조건에 맞는 출품작이 없습니다.", "No entry matches."),
    "gallery.page": ("{page} / {pages} 쪽", "Page {page} of {pages}"),
    "gallery.prev": ("이전", "Previous"),
    "gallery.next": ("다음", "Next"),
    "gallery.empty": ("아직 출품작이 없습니다.", "No entries yet."),
    # entry page
    "entry.go": ("서비스 바로 가기", "Open the service"),
    "entry.source": ("소스 코드", "Source code"),
    "entry.video": ("시연 영상", "Demo video"),
    "entry.docs": ("사용 설명서", "User guide"),
    "entry.screenshots": ("화면", "Screenshots"),
    "entry.screenshot.alt": ("{title} 화면 {n}", "{title} screenshot {n}"),
    "entry.description": ("소개", "About"),
    "entry.public_data": ("활용한 공공데이터", "Public data used"),
    "entry.team": ("만든 사람들", "Team"),
    "entry.details": ("정보", "Details"),
    "entry.category": ("분야", "Category"),
    "entry.platforms": ("플랫폼", "Platforms"),
    "entry.license": ("라이선스", "License"),
    "entry.tags": ("태그", "Tags"),
    "entry.updated": ("마지막 수정", "Last updated"),
    "entry.manifest": ("출품 정보 원본", "Source of this page"),
    "entry.awards": ("수상", "Awards"),
    "entry.scores": ("심사 점수", "Scores"),
    "entry.scores.note": (
        "심사위원 {judges}명이 준 점수의 기준별 평균입니다. 순위를 정하는 점수는 {method} 자세한 방법은 [심사 기준과 방법]({link})에 있습니다.",
        "Per-criterion means of the {judges} judges' marks. The score that ranks entries is {method} The method is explained in [how entries are judged]({link}).",
    ),
    "entry.method.mean": ("심사위원들의 총점을 평균한 것입니다.", "the mean of the judges' totals."),
    "entry.method.trimmed": (
        "심사위원들의 총점에서 가장 높은 점수와 가장 낮은 점수를 하나씩 빼고 평균한 것입니다.",
        "the mean of the judges' totals without the highest and the lowest.",
    ),
    "entry.method.trimmed_few": (
        "심사위원이 {min}명보다 적어 점수를 빼지 않고 총점을 그대로 평균한 것입니다.",
        "the mean of all the judges' totals: with fewer than {min} judges none is dropped.",
    ),
    "entry.method.median": ("심사위원들의 총점 가운데 중앙값입니다.", "the median of the judges' totals."),
    "entry.method.corrected": (
        "심사위원마다 후하거나 박하게 주는 경향을 보정한 뒤, {method}",
        "computed after correcting for each judge's leniency: {method}",
    ),
    "entry.rank": ("{round}: {rank}위 ({score}점)", "{round}: rank {rank} ({score} points)"),
    "entry.unranked": ("{round}: 순위 없음 (심사 미완료)", "{round}: not ranked (incomplete)"),
    "entry.back": ("출품작 목록으로", "Back to all entries"),
    "entry.criterion": ("기준", "Criterion"),
    "entry.mean": ("평균", "Mean"),
    # preview of an entry that cannot be shown (mkdocs serve, contest build --only)
    "preview.title": ("미리보기: 출품작 '{slug}'을(를) 보여 줄 수 없습니다", "Preview: the entry '{slug}' cannot be shown"),
    "preview.intro": ("고칠 점이 {count}개 있습니다. 고쳐서 저장하면 이 쪽이 출품작 쪽으로 바뀝니다. 이 쪽은 미리보기에만 있고 공개 사이트에는 없습니다.", "{count} things to fix. Once they are fixed and saved, this page becomes the entry's page. It exists only in previews, never on the public site."),
    "preview.where": ("위치", "Where"),
    "preview.problem": ("문제", "Problem"),
    "preview.fix": ("고치는 법", "How to fix"),
    # results
    "results.intro": (
        "공개된 심사 결과입니다. 아래 명령으로 누구나 같은 결과를 다시 계산해 확인할 수 있습니다.",
        "The published results. Anyone can recompute and check them with the command below.",
    ),
    "results.awards": ("수상작", "Awards"),
    "results.rank": ("순위", "Rank"),
    "results.entry": ("출품작", "Entry"),
    "results.score": ("점수", "Score"),
    "results.raw": ("원점수 평균", "Raw mean"),
    "results.judges": ("심사위원 수", "Judges"),
    "results.stderr": ("표준오차", "Std. error"),
    "results.status": ("상태", "Status"),
    "results.advanced": ("다음 단계 진출", "Advanced"),
    "results.incomplete": ("심사 미완료", "Incomplete"),
    "results.criteria": ("기준별 평균", "Means per criterion"),
    "results.agreement": ("심사위원 간 일치도", "Agreement between judges"),
    "results.alpha": (
        "Krippendorff의 알파(구간 척도): {alpha}. 1에 가까울수록 심사위원들의 판단이 일치합니다.",
        "Krippendorff's alpha (interval): {alpha}. The closer to 1, the more the judges agree.",
    ),
    "results.alpha.none": (
        "일치도를 계산할 만큼 점수가 모이지 않았습니다.",
        "Not enough scores to compute agreement.",
    ),
    "results.judge.table": ("심사위원별 통계", "Judges"),
    "results.judge": ("심사위원", "Judge"),
    "results.judge.entries": ("심사한 출품작", "Entries scored"),
    "results.judge.leniency": ("관대함 (보정값)", "Leniency (correction)"),
    "results.verify": ("검증", "Verify"),
    "results.ledger": ("점수 원장 커밋", "Ledger commit"),
    "results.data_hash": ("점수 데이터 SHA-256", "Score data SHA-256"),
    "results.rubric_hash": ("평가 기준 SHA-256", "Rubric SHA-256"),
    "results.verify.how": (
        "아래 명령은 이 페이지를 만든 커밋의 저장소를 내려받아, 점수 원장에서 {round}의 결과를 다시 계산하고 이 페이지가 보여 주는 결과 파일({file})과 비교합니다. 하나라도 다르면 다른 곳을 보여 주고 실패합니다(종료 코드 1). contest 명령은 저장소의 README대로 설치해 둡니다(python3 -m venv .venv && .venv/bin/pip install -e . 한 뒤 . .venv/bin/activate).",
        "The commands below fetch the repository at the commit this page was built from, recompute the results of {round} from the score ledger and compare them with the results file this page shows ({file}); any difference is shown and the check fails (exit code 1). Install the contest command first, as the repository's README says (python3 -m venv .venv && .venv/bin/pip install -e . then . .venv/bin/activate).",
    ),
    "results.explain": ("표 읽는 법", "Reading the table"),
    "results.explain.score": (
        "순위를 정하는 100점 만점 점수입니다. {how}",
        "The score out of 100 that decides the rank. {how}",
    ),
    "results.explain.score.corrected": (
        "심사위원마다 점수를 후하게 또는 박하게 주는 경향(관대함)을 보정한 뒤 모았습니다.",
        "It is combined after correcting for each judge's leniency (some mark generously, some harshly).",
    ),
    "results.explain.score.plain": (
        "심사위원들이 준 총점을 보정하지 않고 모았습니다.",
        "It combines the judges' totals as given, without correction.",
    ),
    "results.explain.raw": (
        "보정하기 전, 심사위원들이 준 총점을 그대로 평균한 값입니다. 점수와 차이가 크면 누가 심사했는지가 그만큼 영향을 준 것이고, 보정이 그 영향을 덜어 낸 것입니다.",
        "The plain mean of the judges' totals, before any correction. A large gap to the score means who happened to judge the entry mattered, and the correction took that out.",
    ),
    "results.explain.stderr": (
        "점수가 심사위원에 따라 얼마나 흔들릴 수 있는지를 나타냅니다. 두 출품작의 점수 차이가 표준오차 안에 있으면, 다른 심사위원들이 심사했다면 순위가 바뀌었을 수도 있을 만큼 가까운 것입니다.",
        "How much the score could move with other judges. When two entries' scores differ by less than their standard errors, other judges might well have ranked them the other way round.",
    ),
    "results.explain.leniency": (
        "심사위원별 통계의 관대함은 그 심사위원이 다른 심사위원들보다 평균 몇 점 후하게(+) 또는 박하게(-) 주었는지를 추정한 값입니다. 점수를 모으기 전에 그만큼을 빼서 보정합니다.",
        "A judge's leniency (in the judges' table) estimates how many points more (+) or fewer (-) that judge gave than the others on average; it is subtracted before scores are combined.",
    ),
    "results.close": (
        "{upper}({upper_score}점)과 {lower}({lower_score}점)의 차이 {diff}점은 표준오차({upper_se}, {lower_se}) 안에 있습니다. 순위는 정해진 방법대로 매겼지만, 다른 심사위원들이 심사했다면 바뀌었을 수도 있을 만큼 가까운 차이입니다.",
        "{upper} ({upper_score}) leads {lower} ({lower_score}) by {diff} points, which is inside their standard errors ({upper_se}, {lower_se}). The ranking follows the published method, but with other judges it could well have gone the other way.",
    ),
    "results.pseudonym": ("심사위원 {letter}", "Judge {letter}"),
    "results.none": ("아직 공개된 결과가 없습니다.", "No results have been published yet."),
    # judging
    "judging.intro": (
        "모든 출품작은 아래 기준과 방법으로 심사합니다. 이 내용은 공모전 설정 파일(contest.yml)에서 그대로 만들어집니다.",
        "Every entry is judged by the rubric and method below, generated from the contest's settings (contest.yml).",
    ),
    "judging.period": ("기간: {opens} ~ {closes}", "Period: {opens} to {closes}"),
    "judging.panel": ("심사위원 {count}명", "{count} judges"),
    "judging.panels": (
        "출품작마다 심사위원 {size}명이 심사합니다. 배정은 `contest assign`이 최소 비용 흐름(min-cost flow)으로 정합니다: 이해관계가 있는 심사위원은 빼고, 심사위원마다 맡는 수를 고르게(차이 1건 이하) 나누며, 분야 전문성을 우선하고, 모든 심사위원이 공유 출품작으로 서로 이어지게 합니다.",
        "Each entry is judged by {size} judges, assigned by `contest assign` as a min-cost flow: no judge with a conflict of interest, loads within one entry of each other, expertise preferred, and every judge linked to every other through shared entries.",
    ),
    "judging.panels-file": (
        "배정 파일 {file}: seed {seed}, 최소 연결 {min_cut} (심사위원을 어떻게 두 무리로 나누어도 두 무리 사이에 출품작을 함께 심사한 심사위원 쌍이 {min_cut}개 이상이라는 뜻이며, 그래서 심사위원 관대함 보정이 모든 심사위원을 서로 비교할 수 있습니다).",
        "Assignment file {file}: seed {seed}, minimum cut {min_cut} (however the judges are split into two groups, at least {min_cut} pairs of judges across the split share an entry, so the leniency correction can compare every judge with every other).",
    ),
    "judging.panels-title": ("심사 배정", "Judge panels"),
    "judging.panels-pending": (
        "배정은 아직 공개되지 않았습니다.",
        "The assignment is not published yet.",
    ),
    "judging.min": (
        "한 출품작에 최소 {min}명의 점수가 모여야 순위에 오릅니다. 빠진 점수를 0점으로 치지 않습니다.",
        "An entry is ranked only once at least {min} judges have scored it; a missing score never counts as zero.",
    ),
    "judging.criterion": ("평가 기준", "Criterion"),
    "judging.weight": ("비중", "Weight"),
    "judging.max": ("만점", "Max"),
    "judging.description": ("설명", "Description"),
    "judging.total": (
        "각 심사위원의 총점은 기준별 점수를 만점으로 나눈 뒤 비중을 곱해 더한 100점 만점 점수입니다.",
        "Each judge's total is the sum of each criterion's mark divided by its maximum, times its weight: out of 100.",
    ),
    "judging.aggregation": ("점수를 모으는 방법", "How scores are combined"),
    "judging.correction": ("심사위원 성향 보정", "Correcting for judges' leniency"),
    "judging.tiebreak": ("동점일 때", "Ties"),
    "judging.advance": (
        "상위 {top}개 출품작이 다음 단계로 진출합니다.",
        "The top {top} entries advance to the next round.",
    ),
    "judging.awards": ("시상", "Awards"),
    "judging.award.count": ("{count}점", "{count}"),
    "judging.award.name": ("상", "Award"),
    "judging.award.winners": ("수상작 수", "Winners"),
    "judging.award.prize": ("상금과 부상", "Prize"),
    "judging.judge.affiliation": ("소속", "Affiliation"),
    "judging.judges": ("심사위원", "Judges"),
    "judging.conflicts": (
        "심사위원은 이해관계가 있는 출품작을 심사하지 않습니다.",
        "Judges do not score entries they have a conflict of interest with.",
    ),
    "agg.mean": ("심사위원 점수의 평균을 씁니다.", "The mean of the judges' totals."),
    "agg.trimmed": (
        "심사위원이 5명 이상이면 가장 높은 점수와 가장 낮은 점수를 하나씩 빼고 평균을 냅니다. 한 사람의 극단적인 점수가 결과를 흔들지 못하게 하려는 것입니다.",
        "With five or more judges, the highest and the lowest totals are dropped before averaging, so no single extreme score decides.",
    ),
    "agg.median": ("심사위원 점수의 중앙값을 씁니다.", "The median of the judges' totals."),
    "corr.none": ("보정하지 않고 점수를 그대로 씁니다.", "Scores are used as given."),
    "corr.additive": (
        "심사위원마다 점수를 후하게 또는 박하게 주는 경향이 있습니다. '점수 = 전체 평균 + 출품작의 실력 + 심사위원의 관대함'이라는 모형을 최소제곱법으로 맞춰 각 심사위원의 관대함을 구하고, 그만큼을 빼서 보정합니다. 누구에게 배정되었는지가 순위를 좌우하지 않게 하려는 것입니다.",
        "Some judges mark generously, some harshly. A model 'score = overall mean + entry quality + judge leniency' is fitted by least squares and each judge's leniency is subtracted, so that who scored an entry does not decide its rank.",
    ),
    "corr.zscore": (
        "심사위원마다 점수를 표준점수(평균 0, 표준편차 1)로 바꾼 뒤 모읍니다. 점수를 주는 폭과 기준의 차이를 없애기 위한 것입니다.",
        "Each judge's scores are standardized (mean 0, standard deviation 1) before combining, removing differences in scale.",
    ),
    "tie.criterion": ("{name}의 보정 평균이 높은 출품작", "the higher corrected mean in {name}"),
    "tie.top_marks": ("만점을 받은 횟수가 많은 출품작", "more maximum marks"),
    "tie.median": ("총점의 중앙값이 높은 출품작", "the higher median total"),
    "tie.order": (
        "총점이 같으면 다음 순서로 정합니다: {rules}.",
        "Equal totals are decided by, in order: {rules}.",
    ),
    # datasets
    "datasets.intro": (
        "출품작들이 활용한 공공데이터 {count}종과, 각 데이터로 만든 서비스입니다.",
        "The {count} public datasets the entries use, and the services built on each.",
    ),
    "datasets.provider": ("제공: {provider}", "Provider: {provider}"),
    "datasets.link": ("데이터 보기", "See the dataset"),
    "datasets.used_by": ("활용한 서비스 {count}개", "Used by {count} services"),
    "datasets.none": (
        "공공데이터를 밝힌 출품작이 아직 없습니다.",
        "No entry lists public data yet.",
    ),
    # field reference
    "fields.intro": (
        "entries/<slug>/entry.yml에 쓰는 항목입니다. 이 표는 schema/entry.schema.json에서 만들어집니다.",
        "The fields of entries/<slug>/entry.yml, generated from schema/entry.schema.json.",
    ),
    "fields.field": ("항목", "Field"),
    "fields.required": ("필수", "Required"),
    "fields.type": ("형식", "Type"),
    "fields.description": ("설명", "Description"),
    "fields.yes": ("예", "yes"),
    "fields.no": ("", ""),
    # open data
    "opendata.intro": (
        "출품작 목록과 심사 결과를 누구나 다시 쓸 수 있도록 기계가 읽을 수 있는 파일로 공개합니다.",
        "The catalogue of entries and the results, as machine-readable files anyone may reuse.",
    ),
    "opendata.entries_json": (
        "출품작 전체 정보 (JSON, UTF-8). 항목 이름은 entry.yml과 같고, 각 출품작 페이지 주소가 page에 들어 있습니다.",
        "All entries (JSON, UTF-8), with entry.yml's field names and each entry's page address in page.",
    ),
    "opendata.entries_csv": (
        "출품작 목록 (CSV). 엑셀에서 한글이 깨지지 않도록 UTF-8 BOM을 붙였습니다. 여러 값은 ; 로 나눴습니다.",
        "List of entries (CSV, UTF-8 with a byte-order mark so spreadsheet programs read the text correctly). Multiple values are separated by ;.",
    ),
    "opendata.results_json": (
        "공개된 심사 결과 (JSON). results/ 폴더의 단계별 결과 파일을 그대로 모은 것입니다.",
        "Published results (JSON): the per-round result files of results/, gathered.",
    ),
    "opendata.license": (
        "각 출품작의 내용에 대한 권리는 출품자에게 있습니다. 목록 자체는 출처를 밝히고 자유롭게 쓸 수 있습니다.",
        "Each entry's content belongs to its authors; the catalogue itself may be reused with attribution.",
    ),
    "opendata.columns": ("CSV 열", "CSV columns"),
    "opendata.feed": (
        "새 출품작과 심사 결과 소식 (Atom 피드). 피드 리더에 이 주소를 넣으면 새 소식을 받아 볼 수 있습니다.",
        "News of entries and results (Atom feed): add this address to a feed reader to follow them.",
    ),
    # Atom feed
    "feed.subtitle": ("{organizer} 공모전의 출품작과 심사 결과", "Entries and results, by {organizer}"),
    "feed.results": ("심사 결과 발표: {round}", "Results published: {round}"),
    "feed.results.summary": (
        "{round}의 순위와 점수가 공개되었습니다. 누구나 점수 원장에서 다시 계산해 확인할 수 있습니다.",
        "The ranking and scores of {round} are published; anyone can recompute them from the score ledger.",
    ),
    "feed.link": ("출품작과 심사 결과 소식", "Entries and results"),
    # platforms
    "platform.web": ("웹", "Web"),
    "platform.android": ("안드로이드", "Android"),
    "platform.ios": ("iOS", "iOS"),
    "platform.desktop": ("데스크톱", "Desktop"),
    "platform.api": ("API", "API"),
    "platform.chatbot": ("챗봇", "Chatbot"),
}

LANGUAGES = ("ko", "en")


def t(key: str, lang: str, **params: Any) -> str:
    """The text of `key` in `lang` (English when the language is unknown)."""
    ko, en = _T[key]
    text = ko if lang == "ko" else en
    return text.format(**params) if params else text


KEYS = frozenset(_T)
