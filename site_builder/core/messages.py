"""The message catalogue: every sentence a user can see, in Korean and English.

Problems carry a code and parameters; this module turns them into a message
and a hint ("how to fix it") in the contest's language. A parameter may itself
be a mapping from language to text (a field's title from the schema, say), in
which case the value for the current language is used.

A message code that is not in the catalogue, or a parameter its sentence names
but the caller did not give, renders as best it can (a user's problem must not
become a crash). In strict mode, which the tests turn on (`set_strict`, or
``CONTEST_STRICT_MESSAGES=1`` for a child process), either is a `MessageError`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"
STRICT_VARIABLE = "CONTEST_STRICT_MESSAGES"
_strict = os.environ.get(STRICT_VARIABLE) == "1"


class MessageError(LookupError):
    """Strict mode: an unknown message code, or a parameter missing or of the wrong type."""


def set_strict(on: bool) -> None:
    """Turn strict mode on (tests) or off (the default)."""
    global _strict
    _strict = on

_M = dict[str, str]


def _m(ko: str, en: str, ko_hint: str | None = None, en_hint: str | None = None) -> _M:
    entry = {"ko": ko, "en": en}
    if ko_hint is not None:
        entry["ko_hint"] = ko_hint
    if en_hint is not None:
        entry["en_hint"] = en_hint
    return entry


CATALOGUE: dict[str, _M] = {
    # --- files and YAML -------------------------------------------------
    "file.missing": _m(
        "파일이 없습니다.",
        "The file does not exist.",
    ),
    "file.too-large": _m(
        "파일이 너무 큽니다 ({size:,} 바이트, 최대 {limit:,} 바이트).",
        "The file is too large ({size:,} bytes; at most {limit:,}).",
        "내용을 줄이세요. 설명은 10,000자까지 쓸 수 있습니다.",
        "Shorten it. A description may have up to 10,000 characters.",
    ),
    "file.symlink": _m(
        "심볼릭 링크는 받을 수 없습니다.",
        "Symbolic links are not accepted.",
        "링크 대신 실제 파일을 넣으세요.",
        "Add the real file instead of a link.",
    ),
    "file.not-regular": _m(
        "일반 파일이 아닙니다.",
        "This is not a regular file.",
    ),
    "file.encoding": _m(
        "UTF-8이 아닌 바이트가 있습니다 ({detail}).",
        "The file has bytes that are not UTF-8 ({detail}).",
        "편집기에서 인코딩을 UTF-8로 바꿔 다시 저장하세요.",
        "Save the file again with the UTF-8 encoding.",
    ),
    "file.binary": _m(
        "텍스트 파일이 아닙니다 (NUL 바이트가 있습니다).",
        "This is not a text file (it contains NUL bytes).",
        "YAML 파일은 일반 텍스트로 저장해야 합니다.",
        "A YAML file must be plain text.",
    ),
    "file.unreadable": _m(
        "파일을 읽을 수 없습니다: {detail}",
        "The file cannot be read: {detail}",
    ),
    "yaml.syntax": _m(
        "YAML 문법 오류: {detail}",
        "YAML syntax error: {detail}",
        "{hint_ko}",
        "{hint_en}",
    ),
    # Advice for libyaml's own wording (loader._SYNTAX_HINTS names which is which).
    "yaml.hint-colon-in-value": _m(
        "값 안에 ': '가 있으면 값 전체를 따옴표로 감싸세요.",
        "If the value contains ': ', put the whole value in quotes.",
    ),
    "yaml.hint-tab": _m(
        "들여쓰기에 탭을 쓸 수 없습니다. 공백으로 바꾸세요.",
        "Tabs cannot indent YAML; use spaces.",
    ),
    "yaml.hint-key-value": _m(
        "'키: 값' 형태인지, 여러 줄 글이라면 '|'를 썼는지 확인하세요.",
        "Check that the line reads 'key: value'; for multi-line text use '|'.",
    ),
    "yaml.hint-indentation": _m(
        "들여쓰기가 위아래 줄과 맞는지 확인하세요.",
        "Check that the indentation matches the lines around it.",
    ),
    "yaml.hint-star": _m(
        "'*'로 시작하는 값은 따옴표로 감싸세요.",
        "Put a value that starts with '*' in quotes.",
    ),
    "yaml.hint-nesting": _m(
        "괄호나 들여쓰기가 너무 깊게 겹쳐 있습니다.",
        "Brackets or indentation are nested far too deep.",
    ),
    "yaml.hint-one-document": _m(
        "한 파일에는 문서 하나만 쓸 수 있습니다. '---' 줄을 지우세요.",
        "A file holds one document; remove the '---' line.",
    ),
    "yaml.hint-unclosed-quote": _m(
        "따옴표를 열었으면 닫았는지 확인하세요.",
        "Check that every quote you opened is closed.",
    ),
    "yaml.hint-control-character": _m(
        "보이지 않는 제어 문자가 있습니다. 그 줄을 다시 입력하세요.",
        "There is an invisible control character; type the line again.",
    ),
    "yaml.unclosed-quote": _m(
        "이 줄에서 연 따옴표({quote})가 닫히지 않았습니다.",
        "The quote ({quote}) opened on this line is not closed.",
        "값 끝에 같은 따옴표({quote})를 붙여 닫으세요. 값 안에 따옴표가 들어가면 "
        "다른 종류의 따옴표로 감싸세요.",
        "Close it with the same quote ({quote}) at the end of the value; if the value "
        "contains that quote, wrap it in the other kind.",
    ),
    "yaml.text-after-quote": _m(
        "따옴표({quote})로 닫은 값 뒤에 글이 더 있습니다.",
        "There is more text after the value closed by its quote ({quote}).",
        "값 전체를 따옴표 안에 넣으세요.",
        "Put the whole value inside the quotes.",
    ),
    "yaml.missing-colon": _m(
        "이 줄에 '키: 값'의 쌍점(:)이 없습니다.",
        "This line has no colon: it should read 'key: value'.",
        "키 뒤에 쌍점과 공백을 넣으세요 (예: 'summary: 한 줄 소개'). 앞 줄에 이어지는 "
        "글이라면 앞 줄의 값을 '|'로 시작하는 여러 줄 글로 쓰세요.",
        "Put a colon and a space after the key ('summary: one line'). If the line "
        "continues the line above, write that value as a '|' block.",
    ),
    "yaml.bad-indent": _m(
        "이 줄의 들여쓰기가 위아래 줄과 맞지 않습니다.",
        "The indentation of this line does not match the lines around it.",
        "같은 묶음의 키는 같은 칸에서 시작해야 합니다. 위 줄과 같은 수의 공백으로 "
        "들여 쓰세요.",
        "Keys of the same group must start in the same column: indent this line with "
        "as many spaces as its siblings.",
    ),
    "yaml.tab": _m(
        "들여쓰기에 탭 문자를 썼습니다.",
        "This line is indented with a tab.",
        "YAML은 탭으로 들여 쓸 수 없습니다. 탭을 공백으로 바꾸세요.",
        "YAML cannot be indented with tabs: replace the tab with spaces.",
    ),
    "yaml.colon-in-value": _m(
        "값 안에 ': '가 있어 새 키처럼 읽힙니다.",
        "The value contains ': ', which reads as a new key.",
        "값 전체를 큰따옴표로 감싸세요 (예: summary: \"시간: 오전 9시\").",
        "Put the whole value in double quotes (summary: \"Hours: 9 am\").",
    ),
    "yaml.unclosed-bracket": _m(
        "이 줄에서 연 괄호({bracket})가 닫히지 않았습니다.",
        "The bracket ({bracket}) opened on this line is not closed.",
        "목록 끝에 닫는 괄호를 붙이고, 항목 사이는 쉼표로 나누세요.",
        "Close the list with its bracket, with commas between the items.",
    ),
    "yaml.empty": _m(
        "파일이 비어 있습니다.",
        "The file is empty.",
        "`contest new <slug>`로 채워진 견본을 만들 수 있습니다.",
        "`contest new <slug>` writes a filled-in template.",
    ),
    "yaml.duplicate-key": _m(
        "'{key}' 키가 두 번 나옵니다 (처음은 {first_line}번째 줄).",
        "The key '{key}' appears twice (first on line {first_line}).",
        "하나만 남기세요. YAML은 앞의 값을 말없이 버리기 때문에 받지 않습니다.",
        "Keep one. YAML would silently drop the earlier value, so it is refused.",
    ),
    "yaml.alias": _m(
        "별칭(*)은 쓸 수 없습니다.",
        "Aliases (*) are not accepted.",
        "값을 그대로 다시 쓰세요. 별칭은 아주 작은 파일을 거대하게 부풀리는 데 쓰일 수 있습니다.",
        "Write the value out again. Aliases can blow a tiny file up to a huge one.",
    ),
    "yaml.anchor": _m(
        "앵커(&{anchor})는 쓸 수 없습니다.",
        "Anchors (&{anchor}) are not accepted.",
        "앵커 표시를 지우세요.",
        "Remove the anchor.",
    ),
    "yaml.tag": _m(
        "'{tag}' 태그는 쓸 수 없습니다.",
        "The tag '{tag}' is not accepted.",
        "태그(!, !!)를 지우고 값만 쓰세요. 글자로 남기려면 따옴표로 감싸세요.",
        "Remove the tag and write the plain value; quote it to keep it as text.",
    ),
    "yaml.too-deep": _m(
        "중첩이 너무 깊습니다 (최대 {limit}단계).",
        "The nesting is too deep (at most {limit} levels).",
    ),
    "yaml.key-not-text": _m(
        "키 {key}은(는) 글자여야 합니다.",
        "The key {key} must be text.",
        "키를 따옴표로 감싸세요.",
        "Put the key in quotes.",
    ),
    "yaml.non-finite": _m(
        "'{value}' 같은 무한대나 NaN 값은 쓸 수 없습니다.",
        "Infinite or NaN values such as '{value}' are not accepted.",
    ),
    "yaml.bad-number": _m(
        "숫자 '{value}'을(를) 읽을 수 없습니다.",
        "The number '{value}' cannot be read.",
    ),
    # --- JSON Schema --------------------------------------------------------
    "schema.required": _m(
        "필수 항목 {name}이(가) 없습니다.",
        "The required field {name} is missing.",
        "{description_ko}",
        "{description_en}",
    ),
    "schema.additional": _m(
        "{name}은(는) 쓸 수 없는 항목입니다.",
        "{name} is not a known field.",
        "{suggestion_ko}",
        "{suggestion_en}",
    ),
    "schema.type": _m(
        "{label}에는 {expected_ko} 값을 써야 합니다 (지금은 {actual_ko}).",
        "{label} must be {expected_en} (it is {actual_en}).",
        "{type_hint_ko}",
        "{type_hint_en}",
    ),
    "schema.enum": _m(
        "{label}의 값 '{value}'은(는) 쓸 수 없습니다.",
        "{label}: '{value}' is not one of the allowed values.",
        "다음 중 하나를 쓰세요: {allowed}",
        "Use one of: {allowed}",
    ),
    "schema.pattern": _m(
        "{label}의 값 '{value}'이(가) 형식에 맞지 않습니다.",
        "{label}: '{value}' does not have the expected form.",
        "{pattern_hint_ko}",
        "{pattern_hint_en}",
    ),
    "schema.format": _m(
        "{label}의 값 '{value}'은(는) 시간대가 붙은 날짜·시각이 아닙니다.",
        "{label}: '{value}' is not a date and time with an offset.",
        "2015-10-06T09:00:00+09:00처럼 쓰세요.",
        "Write it like 2015-10-06T09:00:00+09:00.",
    ),
    "schema.minLength": _m(
        "{label}은(는) {limit}자 이상이어야 합니다 (지금 {length}자).",
        "{label} needs at least {limit} characters (it has {length}).",
    ),
    "schema.maxLength": _m(
        "{label}은(는) {limit}자 이하여야 합니다 (지금 {length}자).",
        "{label} may have at most {limit} characters (it has {length}).",
        "{over}자를 줄이세요.",
        "Remove {over} characters.",
    ),
    "schema.minItems": _m(
        "{label}에는 {limit}개 이상 있어야 합니다 (지금 {count}개).",
        "{label} needs at least {limit} items (it has {count}).",
    ),
    "schema.maxItems": _m(
        "{label}에는 {limit}개까지만 쓸 수 있습니다 (지금 {count}개).",
        "{label} may have at most {limit} items (it has {count}).",
    ),
    "report.more-problems": _m(
        "이 파일에 문제가 {count}개 더 있습니다 (파일마다 처음 200개만 보입니다).",
        "This file has {count} more problems (only the first 200 of a file are shown).",
        "보이는 문제를 고친 뒤 다시 검사하세요.",
        "Fix the problems shown, then validate again.",
    ),
    "schema.uniqueItems": _m(
        "{label}에 같은 값이 두 번 있습니다.",
        "{label} lists the same value twice.",
        "겹치는 값을 지우세요.",
        "Remove the repeated value.",
    ),
    "schema.minimum": _m(
        "{label}의 값 {value}은(는) {limit} 이상이어야 합니다.",
        "{label}: {value} must be at least {limit}.",
    ),
    "schema.exclusiveMinimum": _m(
        "{label}의 값 {value}은(는) {limit}보다 커야 합니다.",
        "{label}: {value} must be greater than {limit}.",
    ),
    "schema.maximum": _m(
        "{label}의 값 {value}은(는) {limit} 이하여야 합니다.",
        "{label}: {value} must be at most {limit}.",
    ),
    "schema.minProperties": _m(
        "{label}이(가) 비어 있습니다.",
        "{label} is empty.",
    ),
    "schema.propertyNames": _m(
        "{label}의 키 '{value}'이(가) 형식에 맞지 않습니다.",
        "{label}: the key '{value}' does not have the expected form.",
    ),
    # Parts of the messages above: how a field and a type are named, what to try.
    "schema.field-label": _m("{title}({path})", "{title} ({path})"),
    "schema.did-you-mean": _m("'{name}'을(를) 쓰려던 것인가요?", "Did you mean '{name}'?"),
    "schema.allowed-fields": _m("쓸 수 있는 항목: {names}", "Allowed fields: {names}"),
    "schema.type-either": _m("{first} 또는 {second}", "{first} or {second}"),
    "schema.type-quote-hint": _m(
        "글자로 읽히도록 값을 따옴표로 감싸세요.",
        "Put the value in quotes so that it reads as text.",
    ),
    "schema.type-string": _m("글자", "text"),
    "schema.type-integer": _m("정수", "a whole number"),
    "schema.type-number": _m("숫자", "a number"),
    "schema.type-boolean": _m("true 또는 false", "true or false"),
    "schema.type-array": _m("목록(- 로 시작하는 줄들)", "a list (lines starting with -)"),
    "schema.type-object": _m("'키: 값' 묶음", "a group of 'key: value' lines"),
    "schema.type-null": _m("빈 값", "empty"),
    "schema.other": _m(
        "{label}: {detail}",
        "{label}: {detail}",
    ),
    # The organizers' schema files themselves: without them no command can check anything.
    "schema.file-unreadable": _m(
        "{path}: 스키마를 읽을 수 없습니다 ({detail}).",
        "{path}: cannot read the schema ({detail}).",
        "공모전의 스키마는 schema/ 폴더에 둡니다. 지웠거나 옮겼다면 되돌려 놓으세요.",
        "A contest keeps its schemas in schema/: put the file back if it was removed or moved.",
    ),
    "schema.not-a-schema": _m(
        "schema/{name}은(는) 올바른 JSON Schema가 아닙니다: {detail}",
        "schema/{name} is not a valid JSON Schema: {detail}",
        "파일의 JSON과 JSON Schema(Draft-07) 문법을 고치세요. 모든 출품작이 이 스키마로 "
        "검사됩니다.",
        "Fix the file's JSON and its JSON Schema (Draft-07) syntax; every entry is checked "
        "against it.",
    ),
    # --- contest.yml ----------------------------------------------------------
    "contest.invalid": _m(
        "contest.yml에 문제가 있어 이 명령을 실행할 수 없습니다 (문제 {count}개).",
        "contest.yml is not valid, so this command cannot run (problems: {count}).",
        "위의 문제를 고친 뒤 `contest validate contest.yml`로 확인하세요.",
        "Fix the problems above, then check with `contest validate contest.yml`.",
    ),
    "contest.missing": _m(
        "contest.yml이 없습니다.",
        "contest.yml is missing.",
        "공모전 저장소의 최상위 폴더에서 실행하거나 --root로 위치를 알려 주세요.",
        "Run from the top of the contest repository, or point --root at it.",
    ),
    # Names of dates and kinds of id, for the messages below.
    "contest.label-submission-open": _m("접수 시작", "submission_open"),
    "contest.label-submission-close": _m("접수 마감", "submission_close"),
    "contest.label-announcement": _m("결과 발표", "announcement"),
    "contest.label-round-opens": _m("{name} 시작", "rounds[{index}].opens"),
    "contest.label-round-closes": _m("{name} 마감", "rounds[{index}].closes"),
    "contest.kind-category": _m("분야 id", "Category id"),
    "contest.kind-judge": _m("심사위원", "Judge"),
    "contest.kind-round": _m("심사 단계 id", "Round id"),
    "contest.kind-award": _m("시상 id", "Award id"),
    "contest.kind-criterion-id": _m("평가 기준 id", "Criterion id"),
    "contest.kind-criterion-name": _m("평가 기준 이름", "Criterion name"),
    "contest.date-order": _m(
        "{later_label}({later})은(는) {earlier_label}({earlier})보다 뒤여야 합니다.",
        "{later_label} ({later}) must come after {earlier_label} ({earlier}).",
    ),
    "contest.weights-sum": _m(
        "'{round}' 단계 평가 기준의 가중치 합이 {total}입니다. 합이 100이 되어야 합니다.",
        "The criteria weights of round '{round}' add up to {total}; they must add up to 100.",
    ),
    "contest.duplicate-id": _m(
        "{kind} '{id}'이(가) 두 번 나옵니다 (처음은 {first_line}번째 줄).",
        "{kind} '{id}' appears twice (first on line {first_line}).",
    ),
    "contest.unknown-judge": _m(
        "'{login}'은(는) judges 목록에 없는 심사위원입니다.",
        "'{login}' is not in the judges list.",
        "judges에 이 심사위원을 추가하거나 이름을 고치세요.",
        "Add the judge to judges, or fix the login.",
    ),
    "contest.advance-missing": _m(
        "마지막이 아닌 단계 '{round}'에는 advance.top(다음 단계로 올라갈 출품작 수)이 있어야 합니다.",
        "Round '{round}' is not the last one, so it needs advance.top.",
    ),
    "contest.advance-on-last": _m(
        "마지막 단계 '{round}'에는 advance를 쓸 수 없습니다. 시상은 awards로 정합니다.",
        "The last round '{round}' cannot have advance; awards decide its outcome.",
    ),
    "contest.advance-grows": _m(
        "'{round}' 단계에서 {top}개가 올라가는데, 앞 단계에서 올라온 것은 {previous}개뿐입니다.",
        "Round '{round}' advances {top} entries but only {previous} reach it.",
    ),
    "contest.awards-exceed": _m(
        "시상 인원의 합({total})이 최종 심사에 오르는 출품작 수({finalists})보다 많습니다.",
        "The awards add up to {total} places but only {finalists} entries reach the final round.",
    ),
    "contest.unknown-criterion": _m(
        "동점 처리 기준 '{rule}'의 평가 기준이 '{round}' 단계에 없습니다.",
        "The tie-break rule '{rule}' names a criterion that round '{round}' does not have.",
    ),
    "contest.min-judges": _m(
        "'{round}' 단계의 min_judges({min})가 그 단계 심사위원 수({count})보다 많습니다.",
        "min_judges ({min}) of round '{round}' exceeds its number of judges ({count}).",
    ),
    "contest.panel-too-large": _m(
        "'{round}' 단계의 panel.size({size})가 그 단계 심사위원 수({count})보다 많습니다.",
        "panel.size ({size}) of round '{round}' exceeds its number of judges ({count}).",
        "size를 줄이거나 그 단계의 judges에 심사위원을 더하세요.",
        "Lower the size or add judges to the round's judges.",
    ),
    "contest.panel-below-min": _m(
        "'{round}' 단계의 panel.size({size})가 min_judges({min})보다 작아, 배정대로 심사하면 "
        "어느 출품작도 min_judges를 채우지 못합니다.",
        "panel.size ({size}) of round '{round}' is below its min_judges ({min}): no entry "
        "judged by its panel could ever be complete.",
        "size를 min_judges 이상으로 하거나 min_judges를 줄이세요.",
        "Make the size at least min_judges, or lower min_judges.",
    ),
    "contest.unknown-expertise": _m(
        "심사위원 '{login}'의 expertise에 적은 분야 '{category}'이(가) categories에 없습니다.",
        "The expertise of judge '{login}' names '{category}', which is not a category.",
        "분야 id를 쓰세요: {categories}",
        "Use a category id: {categories}",
    ),
    # --- entries --------------------------------------------------------------
    "entry.bad-slug": _m(
        "폴더 이름 '{slug}'은(는) 출품작 이름(slug)으로 쓸 수 없습니다.",
        "The folder name '{slug}' cannot be an entry slug.",
        "영문 소문자, 숫자, 붙임표(-)로 3~50자를 쓰고, 처음과 끝은 글자나 숫자로 하세요. 예: wifi-finder",
        "Use 3 to 50 lowercase letters, digits and dashes, starting and ending "
        "with a letter or digit, such as wifi-finder.",
    ),
    "entry.no-manifest": _m(
        "출품작 폴더에 entry.yml이 없습니다.",
        "The entry folder has no entry.yml.",
        "`contest new {slug}`로 견본을 만들 수 있습니다.",
        "`contest new {slug}` writes a template.",
    ),
    "entry.stray-file": _m(
        "entries/ 바로 아래에는 출품작 폴더만 둘 수 있습니다.",
        "Only entry folders may sit directly in entries/.",
        "entries/<slug>/entry.yml 형태로 옮기세요.",
        "Move it to entries/<slug>/entry.yml.",
    ),
    "entry.unexpected-file": _m(
        "출품작 폴더에는 entry.yml과 screenshots에 적은 그림만 둘 수 있습니다.",
        "An entry folder may hold only entry.yml and the images listed in screenshots.",
        "이 파일을 지우거나, 그림이라면 screenshots에 적으세요.",
        "Remove the file, or list it in screenshots if it is an image.",
    ),
    "entry.unknown-category": _m(
        "분야 '{category}'은(는) 이 공모전에 없습니다.",
        "The category '{category}' does not exist in this contest.",
        "다음 중 하나를 쓰세요: {allowed}",
        "Use one of: {allowed}",
    ),
    "entry.duplicate-title": _m(
        "이름이 같은 출품작이 이미 있습니다: {other_file}",
        "An entry with the same title already exists: {other_file}",
        "다른 이름을 쓰세요. 같은 서비스라면 그 출품작을 고치세요.",
        "Choose another title, or edit that entry if it is the same service.",
    ),
    "entry.duplicate-service": _m(
        "서비스 주소가 같은 출품작이 이미 있습니다: {other_file}",
        "An entry with the same service address already exists: {other_file}",
        "한 서비스는 한 번만 출품할 수 있습니다.",
        "A service can be entered only once.",
    ),
    "entry.left-out-of-site": _m(
        "{file}: 사이트에 싣지 않았습니다. `contest validate`가 받지 않는 출품작입니다: {reason}",
        "{file}: left out of the site; `contest validate` refuses this entry: {reason}",
    ),
    "entry.placeholder-text": _m(
        "{label}이(가) `contest new` 견본의 안내 문장 그대로입니다.",
        "{label} is still the sample sentence of `contest new`.",
        "안내 문장을 지우고 이 서비스에 맞는 내용으로 바꿔 쓰세요.",
        "Replace the sample sentence with your own words about the service.",
    ),
    "entry.placeholder-github": _m(
        "GitHub 계정이 `contest new` 견본의 '{login}' 그대로입니다.",
        "The GitHub login is still the '{login}' placeholder of `contest new`.",
        "팀원의 실제 GitHub 계정을 쓰세요. 팀원만 이 출품작을 고칠 수 있습니다. "
        "예: `contest new <slug> --github my-login`",
        "Write the member's real GitHub login: only team members may edit the entry. "
        "For example `contest new <slug> --github my-login`.",
    ),
    "entry.placeholder-screenshot": _m(
        "'{path}'은(는) `contest new`가 그린 임시 화면입니다.",
        "'{path}' is the placeholder image drawn by `contest new`.",
        "서비스의 실제 화면을 찍어 이 파일을 바꾸세요 (PNG, JPEG, WebP).",
        "Replace the file with a real screenshot of the service (PNG, JPEG or WebP).",
    ),
    # --- the showcase (contest build, mkdocs serve) -------------------------------
    "site.unknown-entry": _m(
        "출품작 '{slug}'이(가) 없습니다: entries/{slug}/ 폴더가 없습니다.",
        "There is no entry '{slug}': entries/{slug}/ does not exist.",
        "출품작 폴더 이름(slug)을 확인하세요. 새 출품작은 `contest new {slug}`로 만듭니다.",
        "Check the entry's folder name (its slug); `contest new {slug}` starts a new entry.",
    ),
    "site.preview-refused": _m(
        "미리보기에 넣은 출품작 {count}개를 사이트에 실을 수 없습니다. 미리보기 쪽에도 "
        "문제를 보여 줍니다.",
        "{count} of the entries asked for cannot be shown on the site; their preview "
        "pages list the problems too.",
    ),
    "site.no-config": _m(
        "{root}에 {config}이(가) 없습니다.",
        "{root}: no {config} here.",
        "전시 사이트는 저장소의 {config}로 만듭니다. 지웠거나 옮겼다면 되돌려 놓으세요.",
        "The showcase is built from the repository's {config}: put it back if it was removed "
        "or moved.",
    ),
    "site.build-failed": _m(
        "사이트를 만들지 못했습니다: {detail}",
        "The site could not be built: {detail}",
        "위에 찍힌 MkDocs의 기록에서 원인을 찾으세요.",
        "See MkDocs' log above for the cause.",
    ),
    # --- contest new ----------------------------------------------------------
    "new.bad-slug": _m(
        "'{slug}'은(는) 출품작 이름(slug)으로 쓸 수 없습니다.",
        "'{slug}' cannot be a slug.",
        "영문 소문자, 숫자, 붙임표(-)로 3~50자를 쓰고, 처음과 끝은 글자나 숫자로 하세요. 예: wifi-finder",
        "Use 3 to 50 lowercase letters, digits and dashes, starting and ending "
        "with a letter or digit, such as wifi-finder.",
    ),
    "new.exists": _m(
        "{path}이(가) 이미 있습니다.",
        "{path} already exists.",
        "다른 이름(slug)을 고르거나, 이미 있는 출품작을 고치세요.",
        "Choose another slug, or edit the entry that is there.",
    ),
    "new.unknown-category": _m(
        "분야 '{category}'은(는) 이 공모전에 없습니다.",
        "unknown category '{category}'.",
        "다음 중 하나를 쓰세요: {known}",
        "Use one of: {known}",
    ),
    # --- links ----------------------------------------------------------------
    "link.http": _m(
        "{label}: 암호화되지 않은 http 주소는 받지 않습니다.",
        "{label}: unencrypted http addresses are not accepted.",
        "https://로 시작하는 주소를 쓰세요.",
        "Use an address that starts with https://.",
    ),
    "link.unsafe-scheme": _m(
        "{label}: '{scheme}:' 주소는 안전하지 않아 받지 않습니다.",
        "{label}: '{scheme}:' addresses are unsafe and not accepted.",
        "https://로 시작하는 웹 주소를 쓰세요.",
        "Use a web address that starts with https://.",
    ),
    "link.malformed": _m(
        "{label}: '{value}'은(는) 올바른 https 주소가 아닙니다.",
        "{label}: '{value}' is not a valid https address.",
        "https://example.org/처럼 https://, 도메인 이름, 경로 순서로 공백 없이 쓰세요.",
        "Write https://, a domain name and a path, with no spaces, "
        "like https://example.org/.",
    ),
    "link.credentials": _m(
        "{label}: 주소에 사용자 이름이나 비밀번호를 넣을 수 없습니다.",
        "{label}: an address may not carry a user name or password.",
        "@ 앞부분을 지우세요. 이 저장소의 모든 내용은 공개됩니다.",
        "Remove the part before @. Everything in this repository is public.",
    ),
    "link.private-host": _m(
        "{label}: '{host}'은(는) 공개 인터넷에서 열 수 없는 주소입니다.",
        "{label}: '{host}' cannot be reached from the public internet.",
        "누구나 열 수 있는 공개 주소를 쓰세요.",
        "Use a public address anyone can open.",
    ),
    # --- screenshots ----------------------------------------------------------
    "screenshot.missing": _m(
        "그림 파일 '{path}'이(가) 출품작 폴더에 없습니다.",
        "The image '{path}' is not in the entry folder.",
        "파일을 entries/{slug}/ 에 넣거나 이름을 고치세요.",
        "Add the file to entries/{slug}/ or fix the name.",
    ),
    "screenshot.outside": _m(
        "그림 경로 '{path}'이(가) 출품작 폴더 밖을 가리킵니다.",
        "The image path '{path}' points outside the entry folder.",
        "그림을 출품작 폴더 안에 넣고 'screenshot-1.png'처럼 폴더 안 경로만 쓰세요.",
        "Put the image inside the entry folder and give its path there, "
        "like 'screenshot-1.png'.",
    ),
    "screenshot.symlink": _m(
        "그림 '{path}'이(가) 심볼릭 링크입니다.",
        "The image '{path}' is a symbolic link.",
        "링크 대신 실제 그림 파일을 넣으세요.",
        "Add the real image file instead of a link.",
    ),
    "screenshot.not-image": _m(
        "'{path}'은(는) PNG, JPEG, WebP 그림으로 읽을 수 없습니다.",
        "'{path}' cannot be read as a PNG, JPEG or WebP image.",
        "그림을 PNG, JPEG, WebP 중 하나로 다시 저장하세요.",
        "Save the image again as PNG, JPEG or WebP.",
    ),
    "screenshot.format-mismatch": _m(
        "'{path}'의 실제 형식은 {actual}인데 확장자가 다릅니다.",
        "'{path}' is really a {actual} file, but its extension says otherwise.",
        "확장자를 실제 형식에 맞추세요.",
        "Make the extension match the real format.",
    ),
    "screenshot.too-large": _m(
        "'{path}'이(가) 너무 큽니다 ({size:,} 바이트, 최대 {limit:,} 바이트).",
        "'{path}' is too large ({size:,} bytes; at most {limit:,}).",
        "크기를 줄이거나 더 압축해서 저장하세요.",
        "Resize it or save it with more compression.",
    ),
    "screenshot.dimensions": _m(
        "'{path}'의 크기 {width}×{height}이(가) 허용 범위를 벗어났습니다.",
        "'{path}' measures {width}×{height}, outside the accepted range.",
        "가로와 세로가 각각 {min_side}~{max_side} 픽셀인 그림을 쓰세요.",
        "Use an image whose sides are each {min_side} to {max_side} pixels.",
    ),
    "screenshot.bomb": _m(
        "'{path}'은(는) 픽셀 수가 너무 많아 열지 않았습니다.",
        "'{path}' has too many pixels and was not opened.",
        "가로와 세로가 각각 {max_side} 픽셀 이하이고 가로×세로가 {max_pixels:,} 픽셀 이하인 그림을 "
        "쓰세요.",
        "Use an image no larger than {max_side} pixels on each side and {max_pixels:,} "
        "pixels in all (width × height).",
    ),
    # --- license and personal data ------------------------------------------
    "license.invalid": _m(
        "'{license}'은(는) 올바른 SPDX 라이선스 표현식이 아닙니다 ({detail}).",
        "'{license}' is not a valid SPDX license expression ({detail}).",
        "https://spdx.org/licenses/ 목록의 식별자를 쓰세요. 예: MIT, Apache-2.0, Apache-2.0 OR MIT",
        "Use identifiers from https://spdx.org/licenses/, such as MIT, Apache-2.0 "
        "or Apache-2.0 OR MIT.",
    ),
    "license.not-canonical": _m(
        "라이선스 '{license}'은(는) '{canonical}'로 쓰는 것이 표준입니다.",
        "The license '{license}' is written '{canonical}' in SPDX.",
    ),
    "privacy.email": _m(
        "{label}에 전자우편 주소로 보이는 값({masked})이 있습니다.",
        "{label} contains what looks like an e-mail address ({masked}).",
        "이 저장소의 모든 내용은 공개됩니다. 연락처는 지우고 GitHub 계정으로 대신하세요.",
        "Everything in this repository is public. Remove it; your GitHub account "
        "is how people reach you.",
    ),
    "privacy.phone": _m(
        "{label}에 전화번호로 보이는 값({masked})이 있습니다.",
        "{label} contains what looks like a phone number ({masked}).",
        "이 저장소의 모든 내용은 공개됩니다. 전화번호를 지우세요.",
        "Everything in this repository is public. Remove the phone number.",
    ),
    "privacy.rrn": _m(
        "{label}에 주민등록번호로 보이는 값({masked})이 있습니다.",
        "{label} contains what looks like a resident registration number ({masked}).",
        "즉시 지우세요. 이미 올린 PR이라면 git 이력에도 남으니 PR을 닫고 새로 여세요.",
        "Remove it now. If it was already pushed, it stays in git history: "
        "close the pull request and open a new one.",
    ),
    "text.hidden-character": _m(
        "{label}에 쓸 수 없는 문자 {character}가 있습니다.",
        "{label} contains a character that is not accepted: {character}.",
        "제어 문자, 보이지 않는 문자, 글의 방향을 바꾸는 문자는 받지 않습니다 (화면에 보이는 글과 "
        "실제 글이 달라집니다). 그 문자를 지우세요. 복사해 붙여 넣은 글에 섞여 들어오기 쉽습니다.",
        "Control, invisible and text-direction characters are refused (what readers see "
        "would differ from the text). Remove it; it often comes in with pasted text.",
    ),
    "markdown.too-deep": _m(
        "{label}에 '{bracket}'이(가) 너무 많이 겹치거나 닫히지 않았습니다 (여기서 {depth}단계, 최대 {limit}).",
        "{label} nests or leaves open too many '{bracket}' ({depth} deep here, at most {limit}).",
        "여는 '{bracket}'마다 닫는 '{closing}'을(를) 쓰세요. 글자 그대로 쓰려면 앞에 \\를 붙이세요 "
        "(\\{bracket}). 이런 글은 누리집에 싣는 데 너무 오래 걸립니다.",
        "Close each '{bracket}' with '{closing}', or write it as \\{bracket} to mean the "
        "character itself: such text takes too long to publish.",
    ),
    "markdown.unsafe-link": _m(
        "{label}에 안전하지 않은 '{scheme}:' 링크가 있습니다.",
        "{label} contains an unsafe '{scheme}:' link.",
        "https:// 주소만 링크로 쓸 수 있습니다.",
        "Only https:// addresses can be linked.",
    ),
    # --- the issue form -------------------------------------------------------
    "form.unreadable": _m(
        "출품 신청 양식을 `contest intake`가 읽을 수 없습니다: {detail}",
        "`contest intake` cannot read the entry form: {detail}",
        "양식의 각 항목 이름 끝에 entry.yml의 키를 괄호로 적고, 선택지는 'id — 이름'으로 쓰세요.",
        "End every field label with its entry.yml key in parentheses, and write choices as 'id — name'.",
    ),
    "form.choices-drift": _m(
        "출품 신청 양식의 '{field}' 선택지가 공모전 정의와 다릅니다 (양식에 없음: {missing}, 양식에만 있음: {unknown}).",
        "The entry form's '{field}' choices differ from the contest (missing from the form: {missing}; only in the form: {unknown}).",
        "양식의 선택지를 contest.yml의 categories와 스키마의 platforms에 맞추세요. 다르면 양식으로 낸 출품작이 거부됩니다.",
        "Make the form's choices match contest.yml's categories and the schema's platforms; otherwise entries sent with the form are refused.",
    ),
    # A form `contest intake` cannot read stops it; `form.unreadable` carries these as its
    # detail in `contest validate`, so they read well alone and after a colon.
    "form.file-unreadable": _m(
        "{location}: {detail}",
        "{location}: {detail}",
        "양식 파일을 고친 뒤 `contest validate`로 확인하세요.",
        "Fix the form file, then check it with `contest validate`.",
    ),
    "form.no-body": _m(
        "{file}에 항목 목록(body)이 없습니다.",
        "{file} has no body.",
        "GitHub 이슈 양식은 항목을 body 아래에 나열합니다.",
        "A GitHub issue form lists its fields under body.",
    ),
    "form.fields-missing": _m(
        "{file}에 다음 항목이 없습니다: {missing}",
        "{file} lacks these fields: {missing}",
        "`contest intake`는 다음 항목이 한 번씩 있어야 양식을 읽을 수 있습니다: {fields}",
        "`contest intake` needs each of these fields once: {fields}",
    ),
    "form.fields-repeated": _m(
        "{file}에 같은 항목이 두 번 이상 있습니다: {repeated}",
        "{file} has these fields more than once: {repeated}",
        "`contest intake`는 다음 항목이 한 번씩 있어야 양식을 읽을 수 있습니다: {fields}",
        "`contest intake` needs each of these fields once: {fields}",
    ),
    "form.label-without-key": _m(
        "{file}: 항목 이름 {label}의 끝에 entry.yml의 키가 괄호로 적혀 있지 않습니다.",
        "{file}: the field label {label} does not end with its entry.yml key in parentheses.",
        "항목 이름 끝에 키를 괄호로 적으세요. 예: '서비스 주소 (links.service)'",
        "End the label with the key in parentheses, such as '서비스 주소 (links.service)'.",
    ),
    "form.unknown-key": _m(
        "{file}: '{key}'은(는) `contest intake`가 읽는 entry.yml 키가 아닙니다.",
        "{file}: `contest intake` reads no entry.yml key '{key}'.",
        "다음 중 하나를 쓰세요: {known}",
        "Use one of: {known}",
    ),
    "form.field-kind": _m(
        "{file}: `contest intake`는 '{key}' 항목을 {kind} 형식으로 읽을 수 없습니다.",
        "{file}: `contest intake` cannot read a {kind} field for '{key}'.",
        "'{key}' 항목의 type을 {kinds}(으)로 하세요.",
        "Make the type of '{key}' {kinds}.",
    ),
    "form.option-not-text": _m(
        "{file}: '{key}' 항목의 선택지 가운데 글자가 아닌 것이 있습니다.",
        "{file}: an option of '{key}' is not text.",
        "선택지마다 'web — 웹'처럼 글자로 쓰세요.",
        "Write each option as text, such as 'web — 웹'.",
    ),
    "form.option-without-id": _m(
        "{file}: '{key}' 항목의 선택지 {option}이(가) id와 ' — '로 시작하지 않습니다.",
        "{file}: the option {option} of '{key}' does not start with its id and ' — '.",
        "선택지를 'web — 웹'처럼 id, ' — ', 이름 순서로 쓰세요.",
        "Write it as the id, ' — ', then the name, such as 'web — 웹'.",
    ),
    # --- pull requests ------------------------------------------------------
    "pr.protected": _m(
        "'{path}'은(는) 주최 측만 바꿀 수 있는 파일입니다.",
        "'{path}' can only be changed by the organizers.",
        "출품 PR은 entries/<slug>/ 폴더 하나만 바꿔야 합니다. 이 변경을 빼고 다시 올려 주세요.",
        "An entry pull request changes one entries/<slug>/ folder and nothing else. "
        "Drop this change and push again.",
    ),
    "pr.outside-entries": _m(
        "'{path}'은(는) 출품작 폴더 밖의 파일입니다.",
        "'{path}' is outside the entry folder.",
        "출품 PR은 entries/<slug>/ 폴더 하나만 바꿔야 합니다. 이 변경을 빼고 다시 올려 주세요.",
        "An entry pull request changes one entries/<slug>/ folder and nothing else. "
        "Drop this change and push again.",
    ),
    "pr.multiple-entries": _m(
        "PR 하나에서 출품작 여러 개를 바꿨습니다: {slugs}",
        "One pull request changes several entries: {slugs}",
        "출품작마다 PR을 따로 여세요.",
        "Open one pull request per entry.",
    ),
    "pr.no-entry": _m(
        "이 PR은 출품작 폴더(entries/<slug>/)를 바꾸지 않습니다.",
        "This pull request does not change an entry folder (entries/<slug>/).",
        "`contest new <slug>`로 출품작을 만든 뒤 커밋하세요.",
        "Create an entry with `contest new <slug>` and commit it.",
    ),
    "pr.deletes-entry": _m(
        "PR로 출품작 '{slug}'을(를) 지울 수 없습니다.",
        "A pull request cannot delete the entry '{slug}'.",
        "출품을 철회하려면 주최 측에 알려 주세요.",
        "To withdraw an entry, ask the organizers.",
    ),
    "pr.not-team-member": _m(
        "'{author}'님은 '{slug}' 팀의 구성원이 아니어서 이 출품작을 고칠 수 없습니다.",
        "'{author}' is not a member of the team of '{slug}' and cannot edit it.",
        "팀 구성원(team.members의 github 계정)이 PR을 열어야 합니다.",
        "A team member (a github login in team.members) must open the pull request.",
    ),
    "pr.team-judge": _m(
        "이 PR은 '{slug}' 팀에 심사위원({logins})을 넣거나 뺍니다.",
        "This pull request adds or removes a judge ({logins}) in the team of '{slug}'.",
        "심사위원이 든 팀은 PR로 바꿀 수 없습니다. 팀 구성이 정말 그렇다면 주최 측에 알려 "
        "주세요: 운영진만 이런 변경을 검토해 병합할 수 있습니다.",
        "A team change involving a judge cannot be made by pull request. If the team really "
        "is so, tell the organizers: only an organizer can review and merge such a change.",
    ),
    "pr.team-closed": _m(
        "접수 마감({close}) 뒤에는 '{slug}'의 팀 구성을 바꿀 수 없습니다.",
        "The team of '{slug}' cannot change after submissions close ({close}).",
        "팀 구성원이 바뀌었다면 주최 측에 알려 주세요: 운영진만 이 변경을 병합할 수 있습니다.",
        "If the team really changed, tell the organizers: only an organizer can merge this "
        "change.",
    ),
    "pr.late": _m(
        "접수 마감({close}) 뒤에 제출되었습니다 (제출 시각 {submitted}).",
        "Submitted after the deadline ({close}); submitted at {submitted}.",
        "마감 뒤 제출은 심사하지 않습니다. 사정이 있다면 주최 측에 문의하세요.",
        "Late submissions are not judged. Contact the organizers if there is a reason.",
    ),
    "pr.early": _m(
        "접수 시작({open}) 전에 제출되었습니다 (제출 시각 {submitted}).",
        "Submitted before submissions open ({open}); submitted at {submitted}.",
        "접수가 시작된 뒤 PR을 다시 열어 주세요.",
        "Reopen the pull request once submissions are open.",
    ),
    "pr.submitted-at-not-a-time": _m(
        "--submitted-at '{value}': 시각으로 읽을 수 없습니다.",
        "--submitted-at '{value}' is not an ISO 8601 time.",
        "ISO 8601 시각을 쓰세요. 예: 2015-11-01T12:00:00+09:00",
        "Give an ISO 8601 time such as 2015-11-01T12:00:00+09:00.",
    ),
    "pr.submitted-at-no-offset": _m(
        "--submitted-at '{value}': 시간대(오프셋)가 없습니다.",
        "--submitted-at '{value}' needs an offset.",
        "Z나 +09:00처럼 오프셋을 붙이세요.",
        "Give the offset too, such as Z or +09:00.",
    ),
    "pr.base-has-no-contest": _m(
        "--base의 커밋 {commit}에 contest.yml이나 schema/가 없습니다.",
        "The base commit {commit} has no contest.yml or schema/.",
        "--base에 공모전 저장소의 기본 브랜치를 주세요. 예: --base origin/main",
        "Give --base the contest's default branch, such as --base origin/main.",
    ),
    # --- /score comments ----------------------------------------------------
    "score.too-long": _m(
        "댓글이 너무 깁니다 ({size:,} 바이트, 최대 {limit:,} 바이트).",
        "The comment is too long ({size:,} bytes; at most {limit:,}).",
        "점수 줄과 짧은 의견만 남기고, 긴 심사평은 따로 댓글로 다세요.",
        "Keep the marks and a short comment; post a long review as a separate comment.",
    ),
    "score.bad-text": _m(
        "댓글에 읽을 수 없는 문자가 있습니다.",
        "The comment contains characters that cannot be read.",
        "점수를 직접 다시 입력해 새 댓글로 올려 주세요.",
        "Type the score again in a new comment.",
    ),
    "score.header": _m(
        "첫 줄 '/score {text}'을(를) 이해하지 못했습니다.",
        "The first line '/score {text}' was not understood.",
        "첫 줄에는 /score, /score <단계 id>, /score withdraw, /score withdraw <단계 id> 중 "
        "하나만 쓰세요.",
        "Write only /score, /score <round id>, /score withdraw or /score withdraw <round id> "
        "on the first line.",
    ),
    "score.header-fields": _m(
        "평가 기준이 /score와 같은 줄에 있습니다.",
        "A criterion is on the same line as /score.",
        "/score 다음 줄부터 평가 기준을 한 줄에 하나씩 쓰세요.",
        "Start a new line after /score and give one criterion per line.",
    ),
    "score.line": _m(
        "'{text}' 줄을 이해하지 못했습니다.",
        "The line '{text}' was not understood.",
        "한 줄에 '평가 기준: 점수' 하나씩 쓰세요. 의견은 마지막에 'comment:' 다음에 쓰세요.",
        "Write one 'criterion: mark' per line; put remarks last, after 'comment:'.",
    ),
    "score.unknown-criterion": _m(
        "'{key}'은(는) '{round}' 단계의 평가 기준이 아닙니다. {did_you_mean}",
        "'{key}' is not a criterion of round '{round}'. {did_you_mean}",
        "쓸 수 있는 평가 기준: {expected}",
        "The criteria are: {expected}",
    ),
    "score.did-you-mean": _m(
        "'{suggestion}'을(를) 쓰려던 것인가요?",
        "Did you mean '{suggestion}'?",
    ),
    "score.duplicate-criterion": _m(
        "'{criterion}' 점수를 두 번 썼습니다 ('{key}', 처음은 {first_line}번째 줄).",
        "The mark for '{criterion}' is given twice ('{key}'; first on line {first_line}).",
        "한 번만 쓰세요. 평가 기준의 id와 이름은 같은 기준을 가리킵니다.",
        "Give it once: a criterion's id and its name are the same criterion.",
    ),
    "score.missing-criteria": _m(
        "점수가 빠진 평가 기준이 있습니다: {missing}",
        "Marks are missing for: {missing}",
        "모든 평가 기준에 점수를 주어야 기록됩니다. 평가 기준: {expected}",
        "Every criterion needs a mark before the score is recorded. The criteria are: {expected}",
    ),
    "score.no-mark": _m(
        "'{criterion}'에 점수가 없습니다.",
        "'{criterion}' has no mark.",
        "0부터 {max}까지의 숫자를 쓰세요.",
        "Write a number from 0 to {max}.",
    ),
    "score.bad-number": _m(
        "'{criterion}'의 '{value}'은(는) 점수로 읽을 수 없습니다.",
        "'{value}' for '{criterion}' cannot be read as a mark.",
        "0부터 {max}까지의 숫자만 쓰세요 (예: 8, 7.5). 설명은 'comment:'에 쓰세요.",
        "Write only a number from 0 to {max}, such as 8 or 7.5; put remarks after 'comment:'.",
    ),
    "score.fraction": _m(
        "'{criterion}'의 '{value}'처럼 분수로 쓸 수 없습니다.",
        "'{value}' for '{criterion}': marks are not written as fractions.",
        "점수만 쓰세요. 만점은 {max}점입니다 (예: 8/10 대신 8).",
        "Write the mark alone; the maximum is {max} (8, not 8/10).",
    ),
    "score.negative": _m(
        "'{criterion}'의 점수 '{value}'이(가) 0보다 작습니다.",
        "The mark '{value}' for '{criterion}' is below 0.",
        "0부터 {max}까지의 숫자를 쓰세요.",
        "Write a number from 0 to {max}.",
    ),
    "score.too-many-decimals": _m(
        "'{criterion}'의 점수 '{value}'에 소수점 아래 자리가 너무 많습니다.",
        "The mark '{value}' for '{criterion}' has too many decimal places.",
        "소수점 아래는 {decimals}자리까지만 쓰세요 (예: 7.5, 8.25).",
        "Use at most {decimals} decimal places, such as 7.5 or 8.25.",
    ),
    "score.over-max": _m(
        "'{criterion}'의 점수 {value}이(가) 만점 {max}점보다 큽니다.",
        "The mark {value} for '{criterion}' is above its maximum of {max}.",
        "0부터 {max}까지의 숫자를 쓰세요.",
        "Write a number from 0 to {max}.",
    ),
    "score.comment-too-long": _m(
        "의견이 너무 깁니다 ({length:,}자, 최대 {limit:,}자).",
        "The comment is too long ({length:,} characters; at most {limit:,}).",
        "{over:,}자를 줄이세요.",
        "Remove {over:,} characters.",
    ),
    "score.after-comment": _m(
        "의견(comment:) 안에 '{criterion}' 점수처럼 보이는 줄이 있습니다.",
        "A line inside the comment looks like a mark for '{criterion}'.",
        "'comment:'는 마지막에 쓰고, 점수는 모두 그 위에 쓰세요.",
        "Put 'comment:' last, with every mark above it.",
    ),
    # --- recording a /score -----------------------------------------------------
    "score.edited": _m(
        "고친 댓글의 점수는 기록하지 않습니다.",
        "Scores in edited comments are not recorded.",
        "점수를 바꾸려면 새 댓글로 /score를 다시 올리세요. 마지막 댓글의 점수가 기록됩니다.",
        "To change a score, post /score again in a new comment; the latest one is recorded.",
    ),
    "score.not-pull-request": _m(
        "/score는 출품작의 PR에만 쓸 수 있습니다. 이 글은 이슈입니다.",
        "/score works only on an entry's pull request; this is an issue.",
        "심사할 출품작의 PR을 열고 그곳에 댓글로 다시 올리세요.",
        "Open the pull request of the entry you are scoring and post it there.",
    ),
    "score.unknown-round": _m(
        "'{round}'(이)라는 심사 단계가 없습니다.",
        "There is no round '{round}'.",
        "심사 단계 id: {rounds}",
        "The round ids are: {rounds}",
    ),
    "score.no-open-round": _m(
        "댓글을 쓴 시각({time})에 열려 있는 심사 단계가 없습니다.",
        "No round was open when the comment was posted ({time}).",
        "심사 기간: {windows}",
        "The rounds are open: {windows}",
    ),
    "score.not-judge": _m(
        "'{login}'님은 이 공모전의 심사위원이 아닙니다.",
        "'{login}' is not a judge of this contest.",
        "점수는 contest.yml에 적힌 심사위원만 줄 수 있습니다.",
        "Only the judges listed in contest.yml can score.",
    ),
    "score.not-round-judge": _m(
        "'{login}'님은 '{round}' 단계의 심사위원이 아닙니다.",
        "'{login}' is not a judge of round '{round}'.",
        "'{login}'님이 심사하는 단계: {rounds}",
        "'{login}' judges: {rounds}",
    ),
    "score.round-not-open": _m(
        "'{round}' 단계는 아직 시작하지 않았습니다 (시작 {opens}, 댓글 {time}).",
        "Round '{round}' has not opened yet (opens {opens}; comment posted {time}).",
        "심사 기간({opens} ~ {closes})에 다시 올려 주세요.",
        "Post it again while the round is open ({opens} to {closes}).",
    ),
    "score.round-closed": _m(
        "'{round}' 단계는 마감되었습니다 (마감 {closes}, 댓글 {time}).",
        "Round '{round}' is closed (closed {closes}; comment posted {time}).",
        "마감 뒤에는 점수를 기록할 수 없습니다. 사정이 있다면 주최 측에 알려 주세요.",
        "Scores cannot be recorded after the round closes; contact the organizers if needed.",
    ),
    "score.no-entry": _m(
        "이 PR이 어느 출품작의 것인지 알 수 없습니다: {reason}",
        "Cannot tell which entry this pull request is for: {reason}",
        "출품작 폴더(entries/<slug>/) 하나를 바꾸는 출품 PR에 댓글을 다세요.",
        "Comment on the entry's own pull request, which changes one entries/<slug>/ folder.",
    ),
    "score.why-nothing-found": _m(
        "PR #{number}의 커밋도, {branch} 브랜치의 병합 커밋도 찾지 못했습니다",
        "neither the commits of #{number} nor its merge on {branch} were found",
    ),
    "score.why-no-entry-folder": _m(
        "출품작 폴더(entries/<slug>/)를 바꾸지 않는 PR입니다",
        "it changes no entries/<slug>/ folder",
    ),
    "score.multiple-entries": _m(
        "이 PR은 출품작 여러 개를 바꿉니다: {slugs}",
        "This pull request changes several entries: {slugs}",
        "출품작마다 자기 PR에서 점수를 주세요.",
        "Score each entry on its own pull request.",
    ),
    "score.entry-not-merged": _m(
        "출품작 '{slug}'이(가) 아직 {branch} 브랜치에 없습니다.",
        "The entry '{slug}' is not on the {branch} branch yet.",
        "접수가 끝난 출품작은 주최 측이 병합한 뒤 심사합니다. 주최 측에 알려 주세요.",
        "Entries are judged once the organizers have merged them; let them know.",
    ),
    "score.not-entry-pull-request": _m(
        "PR #{number}은(는) 출품작 '{slug}'을(를) 심사하는 곳이 아닙니다. 이 출품작을 마지막으로 "
        "바꾼 병합된 PR은 #{latest}입니다.",
        "Pull request #{number} is not where '{slug}' is scored: the last merged pull request "
        "that changed it is #{latest}.",
        "#{latest}에 /score 댓글을 다시 올리세요. 점수는 출품작을 추가했거나 마지막으로 바꾼 "
        "병합된 PR에서만 기록됩니다.",
        "Post your /score again on #{latest}. Scores are recorded only on the merged pull "
        "request that added the entry or last changed it.",
    ),
    "score.pull-request-not-merged": _m(
        "PR #{number}은(는) {branch} 브랜치에 병합되지 않았습니다. 출품작 '{slug}'은(는) 병합된 "
        "PR #{latest}에서 심사합니다.",
        "Pull request #{number} is not merged into {branch}; '{slug}' is scored on its merged "
        "pull request #{latest}.",
        "#{latest}에 /score 댓글을 다시 올리세요. 병합되지 않은 PR은 누구나 열고 고칠 수 있어 "
        "점수를 기록하지 않습니다.",
        "Post your /score again on #{latest}. Scores are never recorded on an unmerged pull "
        "request: anyone can open one and change it.",
    ),
    "score.conflict-declared": _m(
        "'{login}'님은 출품작 '{slug}'과(와) 이해관계가 있다고 신고되어 심사할 수 없습니다.",
        "'{login}' has a declared conflict of interest with '{slug}' and cannot score it.",
        "이 출품작은 다른 심사위원이 평가합니다.",
        "Other judges score this entry.",
    ),
    "score.conflict-team": _m(
        "'{login}'님은 출품작 '{slug}'의 팀 구성원이어서 심사할 수 없습니다.",
        "'{login}' is a member of the team of '{slug}' and cannot score it.",
        "이 출품작은 다른 심사위원이 평가합니다. 주최 측에 알려 주세요.",
        "Other judges score this entry; please tell the organizers.",
    ),
    "score.not-assigned": _m(
        "'{login}'님은 '{round}' 단계에서 출품작 '{slug}'의 심사위원으로 배정되지 않았습니다 "
        "({file}).",
        "'{login}' is not on the panel of '{slug}' in round '{round}' ({file}).",
        "배정된 출품작만 채점할 수 있습니다. 이 출품작을 심사해야 한다면 주최 측({organizer})에 "
        "배정을 바꿔 달라고 요청하세요. `contest status`에서 자기 배정 목록을 볼 수 있습니다.",
        "Judges score the entries assigned to them. If you should judge this one, ask the "
        "organizers ({organizer}) to change the assignment; `contest status` lists your queue.",
    ),
    "score.entry-unassigned": _m(
        "출품작 '{slug}'은(는) '{round}' 단계 배정({file})에 없어 아직 누구도 채점할 수 없습니다.",
        "The entry '{slug}' is not in the assignment of round '{round}' ({file}), so nobody "
        "can score it yet.",
        "주최 측({organizer})에 `contest assign --round {round} --keep --write`로 배정에 "
        "더해 달라고 요청하세요.",
        "Ask the organizers ({organizer}) to add it with "
        "`contest assign --round {round} --keep --write`.",
    ),
    "score.assignment-unreadable": _m(
        "심사 배정 파일 {file}을(를) 읽을 수 없어, 누가 채점할 수 있는지 확인할 수 없습니다.",
        "The assignment file {file} cannot be read, so who may score cannot be checked.",
        "주최 측({organizer})에 `contest assign`으로 파일을 다시 써 달라고 알려 주세요. 고친 "
        "뒤 같은 댓글을 다시 올리면 됩니다.",
        "Tell the organizers ({organizer}) to write the file again with `contest assign`, "
        "then post the same comment again.",
    ),
    "score.not-advanced": _m(
        "출품작 '{slug}'은(는) '{previous}' 단계를 통과하지 못해 '{round}' 단계 심사 대상이 아닙니다.",
        "The entry '{slug}' did not advance from round '{previous}', so it is not judged "
        "in round '{round}'.",
        "'{round}' 단계 심사 대상: {advanced}",
        "The entries of round '{round}' are: {advanced}",
    ),
    "score.results-missing": _m(
        "'{previous}' 단계의 결과({file})가 아직 없어 '{round}' 단계 심사 대상을 알 수 없습니다.",
        "The results of round '{previous}' ({file}) are not published yet, so the entries "
        "of round '{round}' are not known.",
        "주최 측이 결과를 올린 뒤 다시 올려 주세요.",
        "Post it again once the organizers have published them.",
    ),
    "score.nothing-to-withdraw": _m(
        "'{round}' 단계에서 '{slug}'에 기록된 '{login}'님의 점수가 없어 철회할 것이 없습니다.",
        "'{login}' has no recorded score for '{slug}' in round '{round}'; nothing to withdraw.",
    ),
    "score.superseded": _m(
        "이 댓글({time})보다 나중에 쓴 '{login}'님의 /score가 이미 기록되어 있어, 이 댓글은 "
        "기록하지 않았습니다.",
        "A later /score by '{login}' is already recorded, so this earlier comment ({time}) "
        "was not recorded.",
    ),
    # --- when the recorder cannot run (contest score record) ------------------------
    # The judge sees these in the reply (`decision.error_reply`), addressed to organizers.
    "record.bad-remote": _m(
        "--remote '{remote}'은(는) 원격 저장소의 이름이 아닙니다.",
        "--remote '{remote}' is not the name of a remote.",
        "origin처럼 원격 저장소의 이름을 주세요.",
        "Give the name of a remote, such as origin.",
    ),
    "record.bad-attempts": _m(
        "--attempts {attempts}: 1 이상이어야 합니다.",
        "--attempts {attempts}: it must be at least 1.",
    ),
    "record.contest-invalid": _m(
        "이 체크아웃의 contest.yml이 올바르지 않아 점수를 기록할 수 없습니다.",
        "contest.yml is not valid on this checkout, so no score can be recorded.",
        "`contest validate contest.yml`로 문제를 확인해 고친 뒤 이 워크플로를 다시 실행하세요.",
        "Run `contest validate contest.yml`, fix what it reports, then re-run this workflow.",
    ),
    "record.contest-invalid-on-tip": _m(
        "기본 브랜치에 새로 들어온 커밋의 contest.yml이 올바르지 않아 점수를 기록할 수 "
        "없습니다.",
        "contest.yml on the new tip of the default branch is not valid, so no score can be "
        "recorded.",
        "`contest validate contest.yml`로 문제를 확인해 고친 뒤 이 워크플로를 다시 실행하세요.",
        "Run `contest validate contest.yml`, fix what it reports, then re-run this workflow.",
    ),
    "record.fetch-failed": _m(
        "'{remote}'에서 {branch} 브랜치를 가져오지 못했습니다: {detail}",
        "Cannot fetch {branch} from '{remote}': {detail}",
        "--remote가 공모전 저장소를 가리키는지, 워크플로가 그 저장소를 읽을 수 있는지 "
        "확인하세요.",
        "Check that --remote names the contest repository and that the workflow can read it.",
    ),
    "record.fetch-pull-request": _m(
        "'{remote}'에서 refs/pull/{number}/head를 가져오지 못했고, 기본 브랜치에도 "
        "#{number}의 병합 커밋이 없습니다: {detail}",
        "Cannot fetch refs/pull/{number}/head from '{remote}' ({detail}), and the default "
        "branch has no merge commit for #{number}.",
        "--remote가 공모전 저장소를 가리키는지, 체크아웃에 전체 기록이 있는지"
        "(actions/checkout의 fetch-depth: 0) 확인하세요.",
        "Check the remote, and that the checkout has full history (actions/checkout: "
        "fetch-depth: 0).",
    ),
    "record.dirty-checkout": _m(
        "{path}에 커밋하지 않은 변경이 있습니다.",
        "{path} has uncommitted changes.",
        "score record --push는 {branch} 브랜치를 깨끗하게 체크아웃한 곳에서 실행하세요.",
        "Run score record --push on a clean checkout of {branch}.",
    ),
    "record.checkout-ahead": _m(
        "HEAD {head}에 {remote}/{branch}에 없는 커밋이 있습니다.",
        "HEAD {head} has commits that {remote}/{branch} does not have.",
        "score record --push는 {remote}/{branch}을(를) 그대로 체크아웃한 곳에서 실행하세요.",
        "Run score record --push on a checkout of {remote}/{branch} as it is.",
    ),
    "record.push-refused": _m(
        "'{remote}'에 올리지(push) 못했습니다: {detail}",
        "Push to '{remote}' failed: {detail}",
        "다시 시도해서 풀리는 오류가 아닙니다. 워크플로에 저장소 쓰기 권한(permissions: "
        "contents: write)이 있는지, 브랜치 보호 규칙이 봇의 push를 막지 않는지 확인하세요.",
        "Retrying will not help: check that the workflow may write to the repository "
        "(permissions: contents: write) and that branch protection lets the bot push.",
    ),
    # --- the score ledger (scores/) --------------------------------------------
    "ledger.stray-file": _m(
        "scores/ 아래에는 scores/<단계>/<출품작>/<심사위원>.yml 파일만 둘 수 있습니다.",
        "scores/ holds only scores/<round>/<entry>/<judge>.yml files.",
        "이 파일을 지우세요. 점수 파일은 `contest score record`가 씁니다.",
        "Remove it; score files are written by `contest score record`.",
    ),
    "ledger.login-case": _m(
        "점수 파일 이름 '{name}'은(는) 소문자여야 합니다.",
        "The score file name '{name}' must be lowercase.",
        "'{expected}'(으)로 바꾸세요. GitHub 계정 이름은 대소문자를 가리지 않습니다.",
        "Rename it to '{expected}'; GitHub logins do not depend on case.",
    ),
    "ledger.path-mismatch": _m(
        "{label} 값 '{value}'이(가) 파일 경로의 '{expected}'과(와) 다릅니다.",
        "{label} is '{value}' but the file's path says '{expected}'.",
        "점수 파일은 scores/<round>/<entry>/<judge>.yml에 두어야 합니다.",
        "A score file lives at scores/<round>/<entry>/<judge>.yml.",
    ),
    "ledger.unknown-round": _m(
        "'{round}'(이)라는 심사 단계가 contest.yml에 없습니다.",
        "contest.yml has no round '{round}'.",
        "심사 단계 id: {rounds}",
        "The round ids are: {rounds}",
    ),
    "ledger.unknown-entry": _m(
        "출품작 '{slug}'이(가) entries/에 없습니다.",
        "There is no entry '{slug}' in entries/.",
    ),
    "ledger.not-judge": _m(
        "'{login}'은(는) '{round}' 단계의 심사위원이 아닙니다.",
        "'{login}' is not a judge of round '{round}'.",
    ),
    "ledger.judge-spelling": _m(
        "심사위원 '{login}'은(는) contest.yml에 '{expected}'(으)로 적혀 있습니다.",
        "The judge '{login}' is spelled '{expected}' in contest.yml.",
    ),
    "ledger.conflict-declared": _m(
        "'{login}'은(는) 출품작 '{slug}'과(와) 이해관계가 있다고 신고되었는데 점수가 있습니다.",
        "'{login}' declared a conflict of interest with '{slug}' but has scored it.",
        "이 점수 파일을 지우세요 (git rm).",
        "Remove this score file (git rm).",
    ),
    "ledger.conflict-team": _m(
        "'{login}'은(는) 출품작 '{slug}'의 팀 구성원인데 점수가 있습니다.",
        "'{login}' is a member of the team of '{slug}' but has scored it.",
        "이 점수 파일을 지우세요 (git rm).",
        "Remove this score file (git rm).",
    ),
    "ledger.team-edit": _m(
        "커밋 {commit}이(가) 심사위원 '{login}'을(를) '{slug}' 팀에 넣었습니다. 그 전에 "
        "기록된 '{login}'의 점수는 그대로 유효합니다.",
        "Commit {commit} put the judge '{login}' on the team of '{slug}' after they had "
        "scored it; the score recorded before stands.",
        "심사위원은 자신이 심사한 출품작의 팀에 들 수 없습니다. team.members에서 "
        "'{login}'을(를) 빼세요. 정말 팀원이라면 주최 측이 점수를 어떻게 할지 정합니다.",
        "A judge cannot join the team of an entry they judge: remove '{login}' from "
        "team.members. If they really are on the team, the organizers decide about the score.",
    ),
    "ledger.criteria-missing": _m(
        "'{round}' 단계의 평가 기준 점수가 빠졌습니다: {missing}",
        "Marks are missing for criteria of round '{round}': {missing}",
    ),
    "ledger.criteria-unknown": _m(
        "'{criterion}'은(는) '{round}' 단계의 평가 기준이 아닙니다.",
        "'{criterion}' is not a criterion of round '{round}'.",
        "평가 기준: {expected}",
        "The criteria are: {expected}",
    ),
    "ledger.over-max": _m(
        "'{criterion}'의 점수 {value}이(가) 만점 {max}점보다 큽니다.",
        "The mark {value} for '{criterion}' is above its maximum of {max}.",
    ),
    "ledger.rubric-changed": _m(
        "이 점수를 준 뒤 '{round}' 단계의 평가 기준(이름, 가중치, 만점)이 바뀌었습니다.",
        "The rubric of round '{round}' (names, weights or maxima) changed after this score "
        "was given.",
        "평가 기준을 되돌리거나, 심사위원에게 다시 채점을 부탁하세요.",
        "Restore the rubric, or ask the judge to score again.",
    ),
    "ledger.outside-window": _m(
        "점수를 준 시각 {time}이(가) '{round}' 단계 심사 기간({opens} ~ {closes}) 밖입니다.",
        "The score was given at {time}, outside round '{round}' ({opens} to {closes}).",
    ),
    "ledger.not-advanced": _m(
        "출품작 '{slug}'은(는) '{previous}' 단계를 통과하지 못했는데 '{round}' 단계 점수가 있습니다.",
        "The entry '{slug}' did not advance from round '{previous}' but has a score in "
        "round '{round}'.",
    ),
    "ledger.results-missing": _m(
        "'{previous}' 단계 결과({file})가 없어 '{round}' 단계 출품작이 통과했는지 확인하지 "
        "않았습니다.",
        "{file} is missing, so whether the entries of round '{round}' advanced from "
        "'{previous}' was not checked.",
        "'{previous}' 단계를 집계해 {file}을(를) 커밋하면 확인합니다.",
        "Tally round '{previous}' and commit {file}; the check then runs.",
    ),
    "ledger.results-invalid": _m(
        "결과 파일을 읽을 수 없습니다: {detail}",
        "The results file cannot be read: {detail}",
    ),
    # Who made each commit of scores/ (`provenance`).
    "ledger.commit-committer": _m(
        "커밋 {commit}은(는) 점수 기록 봇({bot})이 아니라 {committer}이(가) 커밋했습니다.",
        "Commit {commit} was committed by {committer}, not by the contest bot ({bot}).",
        "점수 파일은 심사위원의 /score 댓글로 봇만 기록합니다. 이 커밋을 되돌리고(git revert {commit}) 심사위원에게 /score를 다시 올려 달라고 하세요.",
        "Score files are written only by the bot, from judges' /score comments. Revert this commit (git revert {commit}) and ask the judge to post /score again.",
    ),
    "ledger.commit-author": _m(
        "커밋 {commit}의 작성자는 {author}인데, 이 파일은 심사위원 '{login}'의 점수입니다.",
        "Commit {commit} is authored by {author}, but this file is the score of '{login}'.",
        "점수 파일은 심사위원의 /score 댓글로 봇만 기록합니다. 이 커밋을 되돌리고(git revert {commit}) 심사위원에게 /score를 다시 올려 달라고 하세요.",
        "Score files are written only by the bot, from judges' /score comments. Revert this commit (git revert {commit}) and ask the judge to post /score again.",
    ),
    "ledger.commit-trailer": _m(
        "커밋 {commit}의 트레일러 {trailer}({found})가 파일의 값({expected})과 다릅니다.",
        "Commit {commit} has the trailer {trailer} '{found}', but the file says "
        "'{expected}'.",
        "점수 파일은 심사위원의 /score 댓글로 봇만 기록합니다. 이 커밋을 되돌리고(git revert {commit}) 심사위원에게 /score를 다시 올려 달라고 하세요.",
        "Score files are written only by the bot, from judges' /score comments. Revert this commit (git revert {commit}) and ask the judge to post /score again.",
    ),
    "ledger.commit-files": _m(
        "커밋 {commit}은(는) 점수 파일을 바꾸면서 파일 {count}개를 바꿉니다 ({files}). 봇은 "
        "커밋마다 점수 파일 하나만 바꿉니다.",
        "Commit {commit} changes a score file among {count} files ({files}); the bot "
        "changes one score file per commit.",
        "점수 파일은 심사위원의 /score 댓글로 봇만 기록합니다. 이 커밋을 되돌리고(git revert {commit}) 심사위원에게 /score를 다시 올려 달라고 하세요.",
        "Score files are written only by the bot, from judges' /score comments. Revert this commit (git revert {commit}) and ask the judge to post /score again.",
    ),
    "ledger.commit-merge": _m(
        "병합 커밋 {commit}이(가) 어느 부모에도 없던 점수 파일 {count}개를 만듭니다.",
        "The merge commit {commit} brings {count} score files that none of its parents had.",
        "점수 파일은 심사위원의 /score 댓글로 봇만 기록합니다. 이 커밋을 되돌리고(git revert {commit}) 심사위원에게 /score를 다시 올려 달라고 하세요.",
        "Score files are written only by the bot, from judges' /score comments. Revert this commit (git revert {commit}) and ask the judge to post /score again.",
    ),
    "ledger.commit-unreadable": _m(
        "커밋 {commit}이(가) 바꾼 점수 파일을 읽을 수 없습니다.",
        "The score file that commit {commit} wrote cannot be read.",
        "점수 파일은 심사위원의 /score 댓글로 봇만 기록합니다. 이 커밋을 되돌리고(git revert {commit}) 심사위원에게 /score를 다시 올려 달라고 하세요.",
        "Score files are written only by the bot, from judges' /score comments. Revert this commit (git revert {commit}) and ask the judge to post /score again.",
    ),
    "ledger.history-shallow": _m(
        "저장소 기록이 잘려 있어(shallow clone) 점수 커밋을 누가 만들었는지 확인하지 않았습니다.",
        "The clone is shallow, so who made each score commit was not checked.",
        "전체 기록을 받으세요: git fetch --unshallow (actions/checkout에서는 fetch-depth: 0).",
        "Fetch the whole history: git fetch --unshallow (actions/checkout: fetch-depth: 0).",
    ),
    # --- judge panels (contest assign) ------------------------------------------------
    "assign.unknown-round": _m(
        "심사 단계 '{round}'이(가) 없습니다.",
        "There is no round '{round}'.",
        "contest.yml의 단계: {rounds}",
        "The rounds of contest.yml are: {rounds}",
    ),
    "assign.no-panel": _m(
        "'{round}' 단계에는 panel이 없어 배정하지 않습니다. 그 단계의 모든 심사위원이 모든 "
        "출품작을 심사합니다.",
        "Round '{round}' has no panel, so there is nothing to assign: every judge of the "
        "round may score every entry.",
        "출품작마다 심사위원 수를 정하려면 그 단계에 `panel: {{size: 3}}`처럼 쓰세요.",
        "To give each entry a panel, add `panel: {{size: 3}}` (say) to the round.",
    ),
    "assign.empty-round": _m(
        "'{round}' 단계에 심사할 출품작이 없어 배정할 것이 없습니다.",
        "Round '{round}' has no entries, so there is nothing to assign.",
        "출품작이 병합된 뒤(다음 단계라면 앞 단계 결과가 커밋된 뒤) 다시 실행하세요.",
        "Run it again once entries are merged (for a later round: once the previous "
        "round's results are committed).",
    ),
    "assign.panel-too-large": _m(
        "'{round}' 단계의 panel.size({size})가 그 단계 심사위원 수({count})보다 많습니다.",
        "panel.size ({size}) of round '{round}' exceeds its number of judges ({count}).",
        "size를 줄이거나 그 단계의 judges에 심사위원을 더하세요.",
        "Lower the size or add judges to the round.",
    ),
    "assign.all-conflicted": _m(
        "'{round}' 단계의 심사위원 {count}명 모두가 출품작 '{slug}'과(와) 이해관계가 있어, 이 "
        "출품작을 심사할 사람이 없습니다.",
        "All {count} judges of round '{round}' have a conflict of interest with '{slug}': "
        "nobody can judge it.",
        "이해관계가 없는 심사위원을 그 단계에 더하세요. 신고된 제척(conflicts)과 팀 구성원을 "
        "확인하세요.",
        "Add judges without a conflict to the round; check the declared conflicts and the "
        "entry's team.",
    ),
    "assign.too-few-free": _m(
        "출품작 '{slug}'과(와) 이해관계가 없는 심사위원이 {free}명뿐이라(제척 {conflicts}명) "
        "panel.size {size}명을 채울 수 없습니다.",
        "Only {free} judges are free of conflict with '{slug}' ({conflicts} have one), fewer "
        "than the panel size of {size}.",
        "'{round}' 단계에 심사위원을 더하거나 panel.size를 {free} 이하로 줄이세요.",
        "Add judges to round '{round}' or lower panel.size to {free} or less.",
    ),
    "assign.capacity": _m(
        "출품작 {entries}개에 {size}명씩, 배정 {places}건이 필요한데 심사위원들이 맡을 수 "
        "있는 것은 모두 {capacity}건입니다 (max_load와 제척을 뺀 수).",
        "{entries} entries with {size} judges each need {places} places, but the judges can "
        "take {capacity} in all (their max_load, less their conflicts).",
        "'{round}' 단계에 심사위원을 더하거나 max_load를 늘리거나 panel.size를 줄이세요.",
        "Add judges to round '{round}', raise their max_load or lower panel.size.",
    ),
    "assign.infeasible": _m(
        "'{round}' 단계에서 제척과 max_load를 지키며 부담을 고르게 나누는 배정이 없습니다 "
        "(출품작 {entries}개, 심사위원 {judges}명, {size}명씩).",
        "No assignment of round '{round}' respects the conflicts and max_load with even "
        "loads ({entries} entries, {judges} judges, {size} each).",
        "심사위원을 더하거나 max_load를 늘리세요. 제척이 몇몇 심사위원에게 몰려 있는지도 "
        "확인하세요.",
        "Add judges or raise max_load; check whether conflicts crowd on a few judges.",
    ),
    "assign.disconnected": _m(
        "'{round}' 단계의 심사위원들을 공유 출품작으로 모두 잇는 배정을 찾지 못했습니다. "
        "이대로는 심사위원의 관대함 보정이 심사위원끼리 비교할 수 없습니다.",
        "No assignment of round '{round}' links all of its judges through shared entries; "
        "without that the leniency correction cannot compare them.",
        "제척이 심사위원 무리를 나누고 있는지 확인하고, 여러 분야를 맡는 심사위원을 더하세요.",
        "Check whether conflicts split the judges into groups; add judges who span them.",
    ),
    "assign.file-round": _m(
        "배정 파일의 round '{round}'이(가) 파일 이름의 단계 '{expected}'과(와) 다릅니다.",
        "The file says round '{round}' but its name is for round '{expected}'.",
        "`contest assign --round {expected} --write`로 다시 쓰세요.",
        "Write it again with `contest assign --round {expected} --write`.",
    ),
    "assign.file-unreadable": _m(
        "심사 배정 파일을 읽을 수 없습니다 ({file}): {detail}",
        "The assignment file cannot be read ({file}): {detail}",
        "`contest assign --round {round} --write`로 다시 쓰세요.",
        "Write it again with `contest assign --round {round} --write`.",
    ),
    # --- the tally (contest tally) -------------------------------------------------
    "tally.previous-missing": _m(
        "'{round}' 단계는 '{previous}' 단계를 통과한 출품작을 심사하는데, 그 목록이 담긴 "
        "{file}이(가) 없어 집계할 수 없습니다.",
        "Round '{round}' judges the entries that advanced from '{previous}', and {file}, "
        "which lists them, does not exist, so the round cannot be tallied.",
        "먼저 `contest tally --round {previous} --write`로 {file}을(를) 쓰고 커밋하세요.",
        "First write {file} with `contest tally --round {previous} --write` and commit it.",
    ),
    "tally.scoring-error": _m(
        "점수를 집계할 수 없습니다: {detail}",
        "The scores cannot be tallied: {detail}",
        "`contest validate scores`로 점수 파일을 검사하세요.",
        "Check the score files with `contest validate scores`.",
    ),
    "tally.ledger-uncommitted": _m(
        "scores/{round}/에 커밋하지 않은 변경이 있습니다.",
        "scores/{round}/ has changes that are not committed.",
        "점수 파일을 먼저 커밋하세요. 결과 파일은 자신이 계산된 점수의 커밋(ledger_commit)을 "
        "밝히므로, 커밋되지 않은 점수로는 결과를 쓰지 않습니다.",
        "Commit the score files first: a results file names the commit of the scores it "
        "was computed from (ledger_commit), so it is never written from uncommitted scores.",
    ),
    "tally.no-ledger-commit": _m(
        "'{round}' 단계의 점수를 담은 커밋이 없습니다.",
        "No commit holds scores of round '{round}'.",
        "점수가 기록되어 커밋된 뒤에 결과를 쓸 수 있습니다.",
        "Results can be written once scores have been recorded and committed.",
    ),
    "tally.results-missing": _m(
        "{file}이(가) 없어 확인할 결과가 없습니다.",
        "{file} does not exist, so there are no results to check.",
        "결과를 쓰려면: `contest tally --round {round} --write`",
        "To write them: `contest tally --round {round} --write`",
    ),
    "tally.results-not-file": _m("일반 파일이 아닙니다", "not a regular file"),
    "tally.results-too-large": _m(
        "{limit:,}바이트보다 큽니다", "larger than {limit:,} bytes",
    ),
    "tally.results-not-json": _m(
        "JSON으로 읽을 수 없습니다 ({error})", "not JSON ({error})",
    ),
    "tally.results-not-object": _m("JSON 객체가 아닙니다", "not a JSON object"),
    "tally.git-shallow": _m(
        "이 저장소는 얕은 복제(shallow clone)라 점수의 마지막 커밋을 알 수 없습니다.",
        "This clone is shallow, so the last commit of the scores cannot be known.",
        "전체 기록을 받으세요: git fetch --unshallow (GitHub Actions에서는 actions/checkout에 "
        "fetch-depth: 0).",
        "Fetch the whole history: git fetch --unshallow (or actions/checkout with "
        "fetch-depth: 0).",
    ),
    "tally.not-a-repository": _m(
        "{root}은(는) git 저장소 안에 있지 않습니다.",
        "{root} is not in a git repository.",
        "결과에는 점수를 담은 커밋이 적히므로 저장소의 기록이 필요합니다. git clone으로 받은 "
        "저장소에서 실행하세요.",
        "Results name the commit of the scores they come from, so they need the "
        "repository's history: run in a clone (git clone).",
    ),
    "tally.results-unreadable": _m(
        "결과 파일을 읽을 수 없습니다: {detail}",
        "The results file cannot be read: {detail}",
        "`contest tally --write`로 다시 쓰세요.",
        "Write it again with `contest tally --write`.",
    ),
    # --- git ------------------------------------------------------------------------
    "git.failed": _m(
        "git {command}이(가) 실패했습니다: {detail}",
        "git {command} failed: {detail}",
    ),
    "git.missing": _m(
        "git을 실행할 수 없습니다 ({detail}).",
        "Cannot run git ({detail}).",
        "git이 설치되어 있는지 확인하세요.",
        "Check that git is installed.",
    ),
    "git.not-a-repository": _m(
        "{root}은(는) git 저장소가 아닙니다.",
        "{root} is not a git repository.",
        "이 명령은 git 기록을 읽습니다. 공모전 저장소를 git clone으로 받은 폴더의 최상위에서 "
        "실행하세요.",
        "This command reads git's history: run it at the top of a clone of the contest "
        "repository.",
    ),
    "git.base-not-found": _m(
        "--base '{ref}': 이 복제본에 없는 커밋이고, origin에서 가져올 수도 없습니다.",
        "--base '{ref}' is not in this clone and could not be fetched from origin.",
        "전체 기록으로 체크아웃하거나(actions/checkout의 fetch-depth: 0) 기준 브랜치를 먼저 "
        "가져오세요 (git fetch origin <브랜치>).",
        "Check out with full history (actions/checkout: fetch-depth: 0) or fetch the base "
        "branch first (git fetch origin <branch>).",
    ),
    "git.no-merge-base": _m(
        "--base {base}와(과) HEAD {head} 사이에 공통 기록이 없습니다.",
        "No common history between base {base} and HEAD {head}.",
        "PR의 브랜치는 공모전 저장소의 기록에서 갈라져 나와야 합니다. --base가 공모전의 기본 "
        "브랜치를 가리키는지 확인하세요.",
        "A pull request's branch grows from the contest repository's history: check that "
        "--base names the contest's default branch.",
    ),
    "git.no-merge-base-shallow": _m(
        "--base {base}와(과) HEAD {head} 사이에 공통 기록이 없습니다 (얕은 복제본입니다).",
        "No common history between base {base} and HEAD {head} (this clone is shallow).",
        "전체 기록으로 체크아웃하세요 (actions/checkout의 fetch-depth: 0).",
        "Check out with full history (actions/checkout: fetch-depth: 0).",
    ),
    # --- GitHub webhook payloads (core/github.py) -------------------------------------
    # A payload of the wrong shape is the workflow's wiring, said to whoever set it up.
    "github.payload-unreadable": _m(
        "이벤트 파일 {path}을(를) 읽을 수 없습니다: {detail}",
        "Cannot read the event payload {path}: {detail}",
        "--event에 GitHub Actions가 쓴 이벤트 파일을 주거나, $GITHUB_EVENT_PATH가 그 파일을 "
        "가리키는지 확인하세요.",
        "Give --event the payload file GitHub Actions writes, or check that "
        "$GITHUB_EVENT_PATH names it.",
    ),
    "github.payload-too-large": _m(
        "이벤트 파일 {path}이(가) {limit:,}바이트보다 큽니다.",
        "The event payload {path} is larger than {limit:,} bytes.",
        "GitHub는 이보다 큰 이벤트를 보내지 않습니다. GitHub Actions가 쓴 파일인지 확인하세요.",
        "GitHub never sends a larger payload: check that this is the file GitHub Actions "
        "wrote.",
    ),
    "github.payload-not-json": _m(
        "이벤트 파일 {path}이(가) JSON이 아닙니다: {detail}",
        "The event payload {path} is not JSON: {detail}",
        "GitHub Actions가 쓴 이벤트 파일을 고치지 말고 그대로 주세요.",
        "Give the payload file as GitHub Actions wrote it, unedited.",
    ),
    "github.wrong-payload": _m(
        "이벤트 파일이 {event} 이벤트의 형식이 아닙니다: {why}.",
        "The event payload is not an {event} payload: {why}.",
        "이 명령은 {event} 이벤트에서 실행해야 합니다. 워크플로의 트리거를 이렇게 설정하세요: "
        "{trigger}",
        "This command runs on the {event} event: trigger the workflow with {trigger}.",
    ),
    # What is wrong with the payload: the {why} of github.wrong-payload.
    "github.not-an-object": _m(
        "JSON 객체가 아닙니다 (받은 값: {actual})",
        "it is not a JSON object (got {actual})",
    ),
    "github.field-missing": _m("'{field}' 값이 없습니다", "'{field}' is missing"),
    "github.field-type": _m(
        "'{field}'의 형식이 다릅니다 (필요한 형식: {expected}, 받은 값: {actual})",
        "'{field}' has the wrong type (expected {expected}, got {actual})",
    ),
    "github.not-one-of": _m(
        "'{field}'이(가) {value}입니다. {allowed} 가운데 하나여야 합니다",
        "'{field}' is {value}, not one of {allowed}",
    ),
    "github.not-positive": _m(
        "'{field}'이(가) 양의 정수가 아닙니다 ({value})",
        "'{field}' is not a positive number ({value})",
    ),
    "github.not-a-time": _m(
        "'{field}' {value}을(를) 시각으로 읽을 수 없습니다",
        "'{field}' {value} is not a time",
    ),
    "github.no-offset": _m(
        "'{field}' {value}에 시간대(오프셋)가 없습니다",
        "'{field}' {value} has no offset",
    ),
    "github.not-a-branch": _m(
        "'{field}' {value}은(는) 브랜치 이름이 될 수 없습니다",
        "'{field}' {value} is not a branch name",
    ),
    "github.not-a-login": _m(
        "'{field}' {value}은(는) GitHub 계정 이름이 아닙니다",
        "'{field}' {value} is not a GitHub login",
    ),
    "github.about-pull-request": _m(
        "PR에 대한 이벤트입니다 ('{field}'이(가) 있습니다)",
        "it is about a pull request ('{field}' is there)",
    ),
    # JSON's types, as the field-type sentence names them.
    "github.type-string": _m("문자열", "a string"),
    "github.type-integer": _m("정수", "an integer"),
    "github.type-number": _m("숫자", "a number"),
    "github.type-boolean": _m("참/거짓 값", "a boolean"),
    "github.type-object": _m("객체", "an object"),
    "github.type-array": _m("배열", "an array"),
    "github.type-null": _m("null", "null"),
    # --- the command line (cli/) ------------------------------------------------
    "cli.no-contest-here": _m(
        "{root}에 contest.yml이 없습니다.",
        "{root}: no contest.yml here.",
        "--root에 공모전 저장소(contest.yml이 있는 폴더)를 주세요.",
        "Give --root the contest repository (the folder with contest.yml).",
    ),
    "cli.no-contest": _m(
        "{here}와(과) 그 위 폴더 어디에도 contest.yml이 없습니다.",
        "no contest.yml in {here} or above it.",
        "공모전 저장소 안에서 실행하거나 --root로 그 폴더를 주세요.",
        "Run inside a contest repository or give --root.",
    ),
    "cli.not-a-contest-path": _m(
        "{path}: 검사할 수 있는 경로가 아닙니다.",
        "{path}: give contest.yml, an entries/<slug> folder or the scores/ folder.",
        "contest.yml, entries/<slug> 폴더, scores/ 폴더 가운데 하나를 주세요.",
        "Validate contest.yml, an entry's folder or the score ledger.",
    ),
    "cli.outside-the-contest": _m(
        "{path}: 공모전 저장소({root}) 안에 있지 않습니다.",
        "{path}: not inside the contest at {root}.",
    ),
    "cli.needs-base": _m(
        "--author와 --submitted-at은 --base와 함께만 쓸 수 있습니다.",
        "--author and --submitted-at need --base.",
    ),
    "cli.base-no-paths": _m(
        "--base를 주면 바뀐 출품작을 git에서 찾으므로 경로(PATHS)를 주지 마세요.",
        "With --base, the changed entry is found from git: give no PATHS.",
    ),
    "cli.write-or-check": _m(
        "--write와 --check 중 하나만 주세요.",
        "Give --write or --check, not both.",
    ),
    "cli.no-event": _m(
        "이벤트 파일이 없습니다.",
        "No event payload.",
        "--event PATH를 주거나, $GITHUB_EVENT_PATH가 설정된 곳(GitHub Actions)에서 실행하세요.",
        "Give --event PATH, or run where $GITHUB_EVENT_PATH is set (GitHub Actions).",
    ),
    "cli.now-not-a-time": _m(
        "--now {value}: 시각으로 읽을 수 없습니다.",
        "--now {value}: not a time.",
        "ISO 8601 시각을 쓰세요. 예: 2015-12-01T09:00:00+09:00",
        "Give an ISO 8601 time such as 2015-12-01T09:00:00+09:00.",
    ),
    "cli.now-no-offset": _m(
        "--now {value}: 시간대(오프셋)가 없습니다.",
        "--now {value}: the offset is missing.",
        "+09:00처럼 오프셋을 붙이세요.",
        "Give the offset too, such as +09:00.",
    ),
    "cli.cannot-write": _m(
        "{path}에 쓸 수 없습니다: {detail}",
        "Cannot write {path}: {detail}",
        "그 경로에 쓸 권한이 있는지, 디스크에 빈 공간이 있는지 확인하세요.",
        "Check that the path can be written and that the disk has room.",
    ),
    "cli.intake-refused": _m(
        "contest intake: 이슈 #{number}의 신청서를 쓸 수 없습니다 (문제 {count}개, 답글 참고).",
        "contest intake: the form of issue #{number} cannot be used ({count} problems; "
        "see the reply).",
    ),
    "cli.intake-written": _m(
        "이슈 #{number}에서 {folder}을(를) 만들었습니다.",
        "{folder} from issue #{number}",
    ),
    "cli.report-refused": _m(
        "contest pr-comment: 검사 보고서를 쓰지 않았습니다: {reason}",
        "contest pr-comment: the report was refused: {reason}",
    ),
    "cli.report-schema-missing": _m(
        "{root}에 {path}이(가) 없습니다. 보고서에 무엇이 들어갈 수 있는지 정하는 파일입니다.",
        "{path} is missing in {root}: it says what a report may hold.",
        "--root에 공모전 저장소를 주거나, 공모전 저장소의 기본 브랜치를 체크아웃한 곳에서 "
        "실행하세요.",
        "Give --root the contest repository, or run on a checkout of its default branch.",
    ),
    # --- reporter UI -------------------------------------------------------
    "ui.summary-ok": _m(
        "문제 없음: 파일 {files}개를 검사했습니다.",
        "No problems: {files} files checked.",
    ),
    "ui.summary-problems": _m(
        "오류 {errors}개, 경고 {warnings}개 (파일 {files}개 검사).",
        "{errors} errors and {warnings} warnings in {files} files checked.",
    ),
    "ui.how-to-fix": _m("고치는 법", "How to fix"),
    # docs/reference/cli.md (python -m site_builder.cli.reference), in the docs' language.
    "ui.reference-title": _m("명령어 참조 (`contest`)", "Command reference (`contest`)"),
    "ui.reference-intro": _m(
        "모든 명령은 `contest --help`, `contest <명령> --help`로도 볼 수 있습니다. "
        "종료 코드: 0 성공, 1 입력이 거부됨(잘못된 출품작, 거부된 점수, 다른 결과), "
        "2 실행할 수 없음.",
        "Every command also shows this with `contest --help` and `contest <command> --help`. "
        "Exit codes: 0 success, 1 the input was refused (an invalid entry, a refused score, "
        "results that differ), 2 the command could not run.",
    ),
    "ui.severity-error": _m("오류", "error"),
    "ui.severity-warning": _m("경고", "warning"),
    "ui.table-header": _m(
        "| 위치 | 항목 | 문제 | 고치는 법 |",
        "| Location | Field | Problem | How to fix |",
    ),
    "ui.summary-title": _m("출품작 검사 결과", "Entry validation"),
    "ui.score-recorded": _m("점수를 기록했습니다", "Score recorded"),
    "ui.score-withdrawn": _m("점수를 철회했습니다", "Score withdrawn"),
    "ui.score-unchanged": _m(
        "이미 같은 점수가 기록되어 있어 새로 기록하지 않았습니다",
        "The same score is already recorded; nothing new was recorded",
    ),
    "ui.score-superseded": _m("이 댓글은 기록하지 않았습니다", "This comment was not recorded"),
    "ui.score-refused": _m(
        "점수를 기록하지 않았습니다",
        "The score was not recorded",
    ),
    "ui.score-error": _m(
        "점수를 기록하지 못했습니다 (도구 오류)",
        "The score could not be recorded (tool error)",
    ),
    "ui.score-error-body": _m(
        "심사위원께서 고치실 것은 없습니다. 주최 측: 워크플로 기록을 보고 문제를 해결한 뒤 "
        "이 워크플로를 다시 실행하세요 (Re-run jobs). 점수는 아직 저장되지 않았습니다.",
        "Nothing for the judge to fix. Organizers: see the workflow log, fix the problem and "
        "re-run this workflow (Re-run jobs). The score has not been stored yet.",
    ),
    "ui.push-failed": _m(
        "다른 기록과 {attempts}번 겹쳐 저장소에 올리지 못했습니다 ({detail}).",
        "Pushing to the repository failed {attempts} times ({detail}).",
        "점수는 아직 저장되지 않았습니다. 이 워크플로를 다시 실행하거나(Re-run jobs), 같은 "
        "/score 댓글을 새로 올려 주세요.",
        "The score is not stored yet. Re-run this workflow (Re-run jobs), or post the same "
        "/score comment again.",
    ),
    "ui.score-entry": _m("출품작", "Entry"),
    "ui.score-round": _m("심사 단계", "Round"),
    "ui.score-judge": _m("심사위원", "Judge"),
    "ui.score-criterion": _m("평가 기준", "Criterion"),
    "ui.score-mark": _m("점수", "Mark"),
    "ui.score-comment": _m("의견", "Comment"),
    "ui.score-file": _m(
        "기록: `{path}` (커밋 `{commit}`)",
        "Recorded in `{path}` (commit `{commit}`)",
    ),
    "ui.score-template": _m(
        "아래 양식을 복사해 점수를 채운 뒤 새 댓글로 올리세요:",
        "Copy this, fill in the marks and post it as a new comment:",
    ),
    "ui.line": _m("{line}번째 줄", "line {line}"),
    "ui.status-title": _m(
        "'{round}' 단계 심사 현황 ({name})",
        "Judging status of round '{round}' ({name})",
    ),
    "ui.status-scored": _m("채점", "scored"),
    "ui.status-missing": _m("미채점", "missing"),
    "ui.status-conflict": _m("제척", "conflict"),
    "ui.status-missing-title": _m("심사위원별 남은 채점", "Scores still missing, per judge"),
    "ui.status-none-missing": _m("남은 채점이 없습니다.", "No scores are missing."),
    "ui.status-below-title": _m(
        "심사위원 수가 min_judges({min})보다 적은 출품작",
        "Entries scored by fewer than min_judges ({min}) judges",
    ),
    "ui.status-none-below": _m(
        "모든 출품작이 min_judges를 채웠습니다.",
        "Every entry has at least min_judges scores.",
    ),
    "ui.status-cannot-reach": _m(
        "제척을 빼면 심사위원이 {eligible}명뿐이라 min_judges를 채울 수 없습니다",
        "only {eligible} judges without a conflict: min_judges cannot be reached",
    ),
    "ui.status-no-entries": _m("심사할 출품작이 없습니다.", "There are no entries to judge."),
    "ui.status-summary": _m(
        "출품작 {entries}개, 심사위원 {judges}명, 점수 {scored}/{expected}개",
        "{entries} entries, {judges} judges, {scored} of {expected} scores",
    ),
    "ui.status-advanced-unknown": _m(
        "{file}이(가) 없어 앞 단계 통과 여부를 모릅니다. 모든 출품작을 보여 줍니다.",
        "{file} is missing, so it is not known which entries advanced; all entries are shown.",
    ),
    "ui.status-queues-title": _m(
        "심사위원별 배정 ({file})", "Each judge's queue ({file})",
    ),
    "ui.status-queue": _m(
        "배정 {assigned}, 채점 {scored}, 남음 {left}",
        "assigned {assigned}, scored {scored}, left {left}",
    ),
    "ui.queues-issue-title": _m(
        "심사 배정 현황: {name} ({round})", "Judging queues: {name} ({round})",
    ),
    "ui.queues-intro": _m(
        "`contest queues`가 {file}과(와) 점수 기록으로 만든 글입니다. 워크플로가 이 글을 "
        "고쳐 쓰므로 직접 고치지 마세요. 출품작마다 {size}명이 심사하며, 심사위원의 /score가 "
        "기록되면 체크됩니다.",
        "Written by `contest queues` from {file} and the score ledger, and rewritten in place "
        "by a workflow: do not edit it. Each entry is judged by {size} judges; an entry is "
        "checked once the judge's /score is recorded.",
    ),
    "ui.queues-summary": _m(
        "출품작 {entries}개, 심사위원 {judges}명, 채점 {scored}/{assigned}건",
        "{entries} entries, {judges} judges, {scored} of {assigned} scores recorded",
    ),
    "ui.queues-more": _m(
        "남은 {count}개는 `contest status --round {round}`에서 보세요.",
        "{count} more: see `contest status --round {round}`.",
    ),
    "ui.queues-left-only": _m(
        "글 길이 제한 때문에 남은 출품작만 적었습니다.",
        "To fit GitHub's length limit, only the entries left are listed.",
    ),
    "ui.assign-summary": _m(
        "'{round}' 단계: 출품작 {entries}개에 {size}명씩, 심사위원 {judges}명, 부담 "
        "{low}~{high}건, 분야 일치 {matched}/{places}건, 최소 연결 {min_cut} (seed {seed})",
        "Round '{round}': {entries} entries, {size} judges each, {judges} judges, loads "
        "{low} to {high}, expertise matched {matched} of {places}, min cut {min_cut} "
        "(seed {seed})",
    ),
    "ui.assign-kept": _m(
        "기존 배정 {total}건 가운데 {kept}건을 유지했고, 출품작 {changed}개의 심사위원이 "
        "바뀌었습니다.",
        "Kept {kept} of the {total} existing places; {changed} entries have a changed panel.",
    ),
    "ui.assign-written": _m("{file}에 썼습니다.", "Wrote {file}."),
    "ui.assign-dry-run": _m(
        "{file}에 쓰려면 --write를 붙이세요.", "Add --write to write {file}.",
    ),
    "ui.assign-refused": _m(
        "'{round}' 단계를 배정하지 않았습니다. 아무 파일도 쓰지 않았습니다.",
        "Round '{round}' was not assigned; nothing was written.",
    ),
    "ui.status-unreadable": _m(
        "출품작 파일을 읽을 수 없어 팀원과의 제척을 확인하지 못한 출품작: {entries}. "
        "`contest validate`로 이유를 확인하세요.",
        "Manifests that cannot be read, so conflicts with their teams are not known: "
        "{entries}. Run `contest validate` to see why.",
    ),
    # --- the pull-request comment (contest pr-comment) ---------------------------
    "comment.title-valid": _m("✅ 출품작 검사를 통과했습니다", "✅ Your entry passed every check"),
    "comment.title-needs-fix": _m(
        "🛠️ 고칠 점이 {count}개 있습니다", "🛠️ {count} things to fix",
    ),
    "comment.title-late": _m(
        "⏰ 접수 마감 뒤에 제출되었습니다", "⏰ Submitted after the deadline",
    ),
    "comment.intro-valid": _m(
        "출품해 주셔서 고맙습니다! 모든 검사를 통과했습니다.",
        "Thank you for your entry! It passed every check.",
    ),
    "comment.next-valid": _m(
        "다음 순서: 운영진이 내용을 확인한 뒤 이 풀 리퀘스트를 병합하면 출품이 끝나고, "
        "누리집에 출품작 쪽이 생깁니다. 심사가 시작되면 심사위원이 이 풀 리퀘스트에서 점수를 "
        "줍니다. 더 고치고 싶은 것이 있으면 같은 브랜치에 커밋하세요. 봇이 다시 검사하고 이 "
        "댓글을 새 결과로 바꿉니다.",
        "What happens next: an organizer reviews the entry and merges this pull request; the "
        "entry then gets its page on the contest site. Once judging starts, the judges score "
        "it here, on this pull request. To change anything, commit to the same branch: the "
        "bot checks again and updates this comment.",
    ),
    "comment.intro-needs-fix": _m(
        "출품해 주셔서 고맙습니다! 아래 {count}개를 고치면 됩니다. 고친 내용을 이 풀 리퀘스트의 "
        "브랜치에 다시 커밋하면 봇이 다시 검사하고 이 댓글을 새 결과로 바꿉니다.",
        "Thank you for your entry! Fix the {count} things below and commit to this pull "
        "request's branch again: the bot checks again and updates this comment.",
    ),
    "comment.intro-late": _m(
        "출품해 주셔서 고맙습니다. 아쉽지만 이 풀 리퀘스트는 접수 마감 뒤에 제출되어 심사 대상이 "
        "아닙니다. {detail}",
        "Thank you for your entry. We are sorry: this pull request came in after the deadline, "
        "so it cannot be judged. {detail}",
    ),
    "comment.late-contact": _m(
        "늦어진 데 사정이 있었다면 이 풀 리퀘스트에 댓글로 알려 주세요. "
        "운영진이 읽고 답하겠습니다.",
        "If something kept you from submitting in time, tell us in a comment on this pull "
        "request; an organizer will read it and answer.",
    ),
    "comment.late-others": _m(
        "검사에서 나온 다른 점 (참고)", "Other findings of the check (for reference)",
    ),
    "comment.what": _m("문제", "Problem"),
    "comment.whole-file": _m("파일 전체", "whole file"),
    "comment.suggestions": _m(
        "참고 (고치지 않아도 됩니다)", "Suggestions (not required)",
    ),
    "comment.more": _m(
        "이 밖에 {count}개가 더 있습니다. 모두 보려면 아래처럼 직접 검사하거나, 검증 실행 기록의 "
        "요약(Summary)을 보세요.",
        "There are {count} more. To see them all, run the check yourself as shown below, or "
        "open the Summary of the validation run.",
    ),
    "comment.local-title": _m("내 컴퓨터에서 확인하기", "Check on your own computer"),
    "comment.local-body": _m(
        "저장소를 내려받은 폴더에서 다음을 실행하면 봇과 같은 검사를 합니다.",
        "In your clone of the repository, these commands run the same checks as the bot:",
    ),
    "comment.refused-title": _m(
        "⚠️ 검증 결과를 읽을 수 없습니다", "⚠️ The validation result could not be read",
    ),
    "comment.refused-body": _m(
        "검증 워크플로가 남긴 결과가 올바른 형식이 아니어서, 이 풀 리퀘스트에는 일단 `needs-fix` "
        "표시를 붙였습니다. 출품 풀 리퀘스트는 `entries/<slug>/` 폴더 하나만 바꿔야 합니다. "
        "운영진이 검증 실행 기록을 확인하겠습니다.",
        "The result left by the validation workflow is not in the expected form, so this pull "
        "request is marked `needs-fix` for now. An entry's pull request changes one "
        "`entries/<slug>/` folder and nothing else. An organizer will look at the validation run.",
    ),
    # --- the issue form (contest intake) -------------------------------------
    "intake.reply-title": _m(
        "출품 신청서를 아직 받을 수 없습니다", "The entry form cannot be used yet",
    ),
    "intake.reply-intro": _m(
        "신청해 주셔서 고맙습니다! 신청서에서 다음 {count}곳을 고쳐 주세요. 이 이슈의 ··· 메뉴에서 "
        "**Edit**를 눌러 고친 뒤 저장하면 봇이 신청서를 다시 읽습니다.",
        "Thank you for your entry! Please fix the {count} things below: choose **Edit** in "
        "this issue's ··· menu, correct the form and save; the bot then reads it again.",
    ),
    "intake.reply-ok": _m(
        "신청서를 읽어 출품작 {slug}을(를) 만들었습니다. 곧 풀 리퀘스트가 열립니다.",
        "The form was read and the entry {slug} was made; a pull request follows.",
    ),
    "intake.general": _m("신청서 전체", "The whole form"),
    "intake.answer-line": _m("{line}번째 줄", "line {line}"),
    "intake.not-a-form": _m(
        "이 이슈는 출품 신청 양식으로 쓴 것이 아닙니다.",
        "This issue was not written with the entry form.",
        "Issues → New issue → 출품 신청 양식으로 새 이슈를 여세요.",
        "Open a new issue with Issues → New issue and the entry form.",
    ),
    "intake.body-too-large": _m(
        "신청서가 너무 깁니다 ({size:,}자, 최대 {limit:,}자).",
        "The form is too long ({size:,} characters; at most {limit:,}).",
        "설명을 줄여 주세요. 설명은 10,000자까지 쓸 수 있습니다.",
        "Shorten the description; it may have up to 10,000 characters.",
    ),
    "intake.missing-section": _m(
        "'{label}' 칸을 신청서에서 찾을 수 없습니다.",
        "The field '{label}' is not in the form.",
        "이슈를 고칠 때 '### {label}' 제목 줄은 지우거나 바꾸지 마세요.",
        "When editing the issue, keep the heading line '### {label}' as it is.",
    ),
    "intake.duplicate-section": _m(
        "'{label}' 칸이 신청서에 두 번 있습니다.",
        "The field '{label}' appears twice in the form.",
        "답 안에 '### {label}'로 시작하는 줄을 쓰지 마세요.",
        "Do not start a line of an answer with '### {label}'.",
    ),
    "intake.required": _m(
        "필수 칸인데 비어 있습니다.",
        "This field is required but empty.",
    ),
    "intake.one-line": _m(
        "한 줄로 써야 하는 칸입니다.",
        "This field takes a single line.",
    ),
    "intake.unknown-option": _m(
        "'{value}'은(는) 고를 수 있는 값이 아닙니다.",
        "'{value}' is not one of the choices.",
        "다음 중에서 고르세요: {allowed}",
        "Choose from: {allowed}",
    ),
    "intake.choose-one": _m(
        "하나만 골라야 합니다 (지금 {count}개).",
        "Choose exactly one (there are {count}).",
    ),
    "intake.not-confirmed": _m(
        "'{option}'에 표시하지 않았습니다.",
        "'{option}' is not checked.",
        "내용을 확인하고 표시해 주세요.",
        "Read it and check the box.",
    ),
    "intake.member-line": _m(
        "'{text}'을(를) 구성원으로 읽을 수 없습니다.",
        "'{text}' cannot be read as a team member.",
        "한 줄에 한 명씩 `이름 | GitHub 계정` 또는 `이름 | GitHub 계정 | 역할`로 쓰세요.",
        "Write one member per line: `name | GitHub login` or `name | GitHub login | role`.",
    ),
    "intake.dataset-line": _m(
        "'{text}'을(를) 공공데이터로 읽을 수 없습니다.",
        "'{text}' cannot be read as a dataset.",
        "한 줄에 하나씩 `데이터 이름 | 제공 기관 | https://데이터 주소`로 쓰세요.",
        "Write one dataset per line: `name | provider | https://address`.",
    ),
    "intake.author-not-member": _m(
        "신청서를 올린 '{login}'님의 GitHub 계정이 구성원에 없습니다.",
        "'{login}', who opened this issue, is not among the team members.",
        "구성원에 `이름 | {login}` 줄을 넣어 주세요. 출품작을 고칠 수 있는 사람은 구성원뿐입니다.",
        "Add a line `name | {login}`: only team members may edit the entry later.",
    ),
    "intake.bad-slug": _m(
        "'{slug}'은(는) 출품작 주소 이름으로 쓸 수 없습니다.",
        "'{slug}' cannot be the entry's short name (slug).",
        "영문 소문자, 숫자, 붙임표(-)로 3~50자를 쓰고, 처음과 끝은 글자나 숫자로 하세요. "
        "예: wifi-finder",
        "Use 3 to 50 lowercase letters, digits and dashes, starting and ending "
        "with a letter or digit, such as wifi-finder.",
    ),
    "intake.slug-taken": _m(
        "'{slug}'(이)라는 출품작이 이미 있습니다.",
        "There is already an entry called '{slug}'.",
        "다른 이름을 쓰세요. 이미 낸 출품작을 고치려면 그 출품작의 풀 리퀘스트에 댓글로 "
        "알려 주세요.",
        "Choose another name. To change an entry you already submitted, comment on its "
        "pull request.",
    ),
    "intake.screenshot-none": _m(
        "그림이 없습니다.",
        "There is no image.",
        "서비스 화면 그림(PNG, JPEG, WebP)을 이 칸에 끌어다 놓아 올려 주세요.",
        "Drag the images of the service (PNG, JPEG, WebP) into this field.",
    ),
    "intake.screenshot-not-attachment": _m(
        "'{url}'은(는) 이 양식에 올린 그림이 아닙니다.",
        "'{url}' is not an image uploaded with this form.",
        "그림 파일을 이 칸에 끌어다 놓아 올려 주세요. 다른 누리집의 그림 주소는 내려받지 않습니다.",
        "Drag the image file into this field; images at other addresses are not downloaded.",
    ),
    "intake.screenshot-too-many": _m(
        "그림이 {count}개입니다. {limit}개까지 올릴 수 있습니다.",
        "There are {count} images; at most {limit} are accepted.",
    ),
    "intake.image": _m("{index}번째 그림", "image {index}"),
    "intake.screenshot-too-large": _m(
        "그림이 {limit_mb}MB보다 큽니다.",
        "The image is larger than {limit_mb} MB.",
        "크기를 줄이거나 더 압축해서 저장한 뒤 다시 올려 주세요.",
        "Resize it or save it with more compression, then upload it again.",
    ),
    "intake.manifest-comment": _m(
        "출품 신청 이슈 #{number}의 양식으로 만든 파일입니다. 이 파일의 모든 내용은 공개됩니다.",
        "Made from the entry form of issue #{number}. Everything in this file is published.",
    ),
    "intake.screenshot-unavailable": _m(
        "그림을 내려받을 수 없습니다 ({detail}).",
        "The image could not be downloaded ({detail}).",
        "그림을 지우고 다시 올려 주세요.",
        "Remove the image and upload it again.",
    ),
    "intake.screenshot-fetch-failed": _m(
        "{index}번째 그림을 지금은 내려받을 수 없습니다: {detail}",
        "Image {index} could not be downloaded now: {detail}",
        "GitHub나 네트워크의 일시적인 문제일 수 있습니다. 잠시 뒤 이 워크플로를 다시 "
        "실행하세요.",
        "This may be a passing problem of GitHub or the network: re-run this workflow in a "
        "while.",
    ),
    "intake.round-trip": _m(
        "{path}을(를) 다시 읽은 내용이 쓴 내용과 다릅니다.",
        "{path} does not read back as it was written.",
        "도구의 버그입니다. 이 이슈의 번호와 함께 알려 주세요.",
        "This is a bug in the tool: please report it with this issue's number.",
    ),
    "ui.tally-title": _m(
        "'{round}' 단계 집계 결과 ({name})",
        "Results of round '{round}' ({name})",
    ),
    "ui.tally-method": _m(
        "집계: {aggregation}, 심사위원 보정: {correction}, 최소 심사위원 {min_judges}명, "
        "동점 처리: {tie_break}",
        "Aggregation: {aggregation}, judge correction: {correction}, at least {min_judges} "
        "judges, ties: {tie_break}",
    ),
    # The method's configuration words, said in the contest's language (never the token).
    "ui.tally-aggregation-mean": _m("심사위원 총점의 평균", "the mean of the judges' totals"),
    "ui.tally-aggregation-trimmed": _m(
        "절사 평균(심사위원 5명 이상이면 가장 높은 총점과 가장 낮은 총점을 빼고 평균)",
        "trimmed mean (with 5 judges or more, the highest and the lowest total are left out)",
    ),
    "ui.tally-aggregation-median": _m("심사위원 총점의 중앙값", "the median of the judges' totals"),
    "ui.tally-correction-none": _m("보정하지 않음", "none"),
    "ui.tally-correction-additive": _m(
        "관대함 보정(심사위원마다 후하거나 박한 정도를 빼 줌)",
        "leniency correction (each judge's generosity or harshness taken out)",
    ),
    "ui.tally-correction-zscore": _m(
        "심사위원별 표준화(z점수)", "per-judge standardisation (z-scores)",
    ),
    "ui.tally-tie-criterion": _m("'{name}'의 보정 평균이 높은 쪽", "the higher corrected mean in '{name}'"),
    "ui.tally-tie-top_marks": _m("만점을 받은 횟수가 많은 쪽", "more maximum marks"),
    "ui.tally-tie-median": _m("총점의 중앙값이 높은 쪽", "the higher median total"),
    "ui.tally-data": _m("데이터 SHA-256: {hash}", "Data SHA-256: {hash}"),
    "ui.tally-commit": _m("원장 커밋: {commit}", "Ledger commit: {commit}"),
    "ui.tally-summary": _m(
        "출품작 {entries}개, 점수 {scores}개: 순위 {ranked}개, 미완료 {incomplete}개",
        "{entries} entries, {scores} scores: {ranked} ranked, {incomplete} incomplete",
    ),
    "ui.tally-col-rank": _m("순위", "Rank"),
    "ui.tally-col-score": _m("점수", "Score"),
    "ui.tally-col-judges": _m("심사", "Judges"),
    "ui.tally-col-stderr": _m("표준오차", "Std err"),
    "ui.tally-col-status": _m("상태", "Status"),
    "ui.tally-col-entry": _m("출품작", "Entry"),
    "ui.tally-advanced": _m("진출", "advanced"),
    "ui.tally-incomplete": _m("미완료", "incomplete"),
    "ui.tally-advance-line": _m(
        "다음 단계 진출: {count}개 (상위 {top}위까지)",
        "Advancing to the next round: {count} (places 1 to {top})",
    ),
    "ui.tally-awards-line": _m("시상", "Awards"),
    "ui.tally-nobody": _m("(없음)", "(none)"),
    "ui.tally-judges-title": _m(
        "심사위원: 채점 수와 관대함(같은 출품작을 본 다른 심사위원보다 후한 정도, 100점 기준)",
        "Judges: scores given and leniency (how much higher than the other judges of the "
        "same entries, on the 100-point scale)",
    ),
    "ui.tally-alpha": _m(
        "심사위원 간 일치도(크리펜도르프 알파): {alpha}",
        "Agreement between judges (Krippendorff's alpha): {alpha}",
    ),
    "ui.tally-notes": _m("진단", "Diagnostics"),
    "ui.tally-note-disconnected": _m(
        "심사위원들이 같은 출품작을 함께 보지 않은 {groups}개 집단으로 나뉘어 있어, 관대함은 "
        "집단 안에서만 보정됩니다. 집단끼리 비교하려면 집단들의 평균 관대함이 같다고 보아야 "
        "합니다. 출품작 몇 개를 여러 집단에 함께 배정해 이어 주세요",
        "the judges form {groups} groups that share no entry",
    ),
    "ui.tally-note-uncorrected": _m(
        "다른 심사위원과 함께 본 출품작이 없어 관대함을 보정하지 못하고 원점수를 쓴 "
        "심사위원: {judges}",
        "some judges could not be corrected: {judges}",
    ),
    "ui.tally-note-zscore-flat-judge": _m(
        "점수가 하나뿐이거나 모두 같아 표준화하지 못하고 전체 평균으로 둔 심사위원: {judges}",
        "some judges could not be standardized: {judges}",
    ),
    "ui.tally-note-incomplete": _m(
        "채점한 심사위원이 {min}명보다 적어 순위를 매기지 않은 출품작 {count}개{listed}",
        "{count} entries have fewer than {min} scores and are not ranked{listed}",
    ),
    "ui.tally-note-advance-tie": _m(
        "{top}위에 동점이 있어 {top}개보다 많은 출품작이 다음 단계로 진출합니다",
        "a tie at place {top} lets more than {top} entries advance",
    ),
    "ui.tally-note-tie-broken": _m(
        "점수가 같은 출품작의 순서를 동점 처리 규칙으로 정했습니다: {pairs}",
        "equal scores were ordered by the tie-break rules: {pairs}",
    ),
    "ui.tally-note-rounded-equal": _m(
        "점수 차이가 0.01보다 작아 반올림한 점수는 같지만, 순위는 실제 점수를 따릅니다: {pairs}",
        "some entries show the same rounded score but differ in their exact scores: {pairs}",
    ),
    "ui.tally-written": _m(
        "{file}을(를) 썼습니다: 출품작 {entries}개, 데이터 SHA-256 {hash}, 원장 커밋 {commit}",
        "Wrote {file}: {entries} entries, data SHA-256 {hash}, ledger commit {commit}",
    ),
    "ui.tally-skipped": _m(
        "'{round}' 단계: 점수가 아직 없어 결과를 쓰지 않았습니다.",
        "Round '{round}': no scores yet, no results written.",
    ),
    "ui.tally-refused": _m(
        "'{round}' 단계를 집계하지 않았습니다. 아래 문제를 먼저 고치세요.",
        "Round '{round}' was not tallied. Fix the problems below first.",
    ),
    "ui.tally-verified": _m(
        "확인됨: {file}은(는) 원장에서 다시 계산한 결과와 같습니다 (출품작 {entries}개, "
        "데이터 SHA-256 {hash}, 원장 커밋 {commit}).",
        "Verified: {file} is what the ledger gives ({entries} entries, data SHA-256 {hash}, "
        "ledger commit {commit}).",
    ),
    "ui.tally-unpublished": _m(
        "'{round}' 단계: 공개된 결과({file})가 아직 없습니다.",
        "Round '{round}': no published results ({file}) yet.",
    ),
    "ui.tally-untrusted": _m(
        "{file}을(를) 확인할 수 없습니다: '{round}' 단계의 점수 원장에 점수 기록 봇이 만들지 않은 "
        "커밋이 있습니다 (위 목록).",
        "{file} cannot be verified: the ledger of round '{round}' has commits that the "
        "contest bot did not make (listed above).",
    ),
    "ui.tally-different": _m(
        "{file}이(가) 원장에서 다시 계산한 결과와 {count}군데 다릅니다:",
        "{file} differs from what the ledger gives in {count} places:",
    ),
    "ui.tally-diff-entry": _m(
        "출품작 '{entry}'의 {field}: 커밋된 값 {committed}, 다시 계산한 값 {recomputed}",
        "entry '{entry}', {field}: committed {committed}, recomputed {recomputed}",
    ),
    "ui.tally-diff-field": _m(
        "{field}: 커밋된 값 {committed}, 다시 계산한 값 {recomputed}",
        "{field}: committed {committed}, recomputed {recomputed}",
    ),
    "ui.tally-absent": _m("(없음)", "(absent)"),
    "ui.tally-check-ok": _m(
        "결과 확인 완료: 공개된 결과 {count}개가 모두 원장과 일치합니다.",
        "Results verified: all {count} published results match the ledger.",
    ),
    "ui.tally-check-none": _m(
        "공개된 결과(results/)가 아직 없어 확인할 것이 없습니다.",
        "No results are published (results/) yet: nothing to verify.",
    ),
    "ui.tally-check-failed": _m(
        "결과가 원장과 일치하지 않습니다.",
        "The results do not match the ledger.",
        "차이가 점수나 규칙을 고친 결과라면 `contest tally --write`로 결과를 다시 쓰고 "
        "커밋하세요. 그렇지 않다면 누군가 결과 파일을 손으로 고친 것입니다.",
        "If the difference comes from changed scores or rules, write the results again "
        "with `contest tally --write` and commit them; otherwise the results file was "
        "edited by hand.",
    ),
}


class _Params(dict[str, Any]):
    """Format parameters that pick a language and never raise on a missing key."""

    def __init__(self, params: Mapping[str, Any], lang: str) -> None:
        super().__init__()
        for key, value in params.items():
            if isinstance(value, Mapping) and lang in value:
                value = value[lang]
            elif isinstance(value, list | tuple):
                value = ", ".join(str(v) for v in value)
            self[key] = value

    def __missing__(self, key: str) -> str:
        if _strict:
            raise MessageError(f"the parameter {{{key}}} is missing")
        return ""


def render(code: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    entry = _entry(code)
    if entry is None:
        return code
    return _format(code, entry.get(lang) or entry["en"], lang, params or {})


def by_language(code: str, params: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The message in every language: a parameter of another message that is rendered
    later, in whichever language the reply is written."""
    return {lang: render(code, lang, params) for lang in LANGUAGES}


def render_hint(code: str, lang: str, params: Mapping[str, Any] | None = None) -> str | None:
    entry = _entry(code)
    if entry is None:
        return None
    template = entry.get(f"{lang}_hint") or entry.get("en_hint")
    if not template:
        return None
    text = _format(code, template, lang, params or {})
    return text or None


def both(code: str, params: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The message in every language: a parameter of another message that is itself
    text in the contest's language (a field's name, a label)."""
    return {lang: render(code, lang, params) for lang in LANGUAGES}


def _entry(code: str) -> _M | None:
    entry = CATALOGUE.get(code)
    if entry is None and _strict:
        raise MessageError(f"no message '{code}' in the catalogue")
    return entry


def _format(code: str, template: str, lang: str, params: Mapping[str, Any]) -> str:
    try:
        return template.format_map(_Params(params, lang)).strip()
    except MessageError as exc:
        raise MessageError(f"{code} ({lang}): {exc}") from None
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        # A parameter of an unexpected type (a string where {size:,} wants a
        # number) must not turn a user's problem into a crash.
        if _strict:
            raise MessageError(f"{code} ({lang}): {exc!r}") from exc
        return template


def normalize_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE
