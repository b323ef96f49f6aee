"""`contest intake`: the issue form read back into entries/<slug>/, hostile bodies refused
precisely, screenshots fetched only from GitHub's attachment addresses."""

from __future__ import annotations

import http.client
import io
import json
import shutil
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import github_payloads as gh
import pytest
from click.testing import CliRunner, Result
from contestkit import REPO, add_entry, invoke_contest, write_contest
from issueform import (
    FORM,
    asset,
    complete_answers,
    form_fields,
    image,
    key_of,
    render_body,
)

from site_builder.cli._common import ContestContext
from site_builder.cli.intake import make_command
from site_builder.core import messages
from site_builder.core.errors import ContestDefinitionError, UsageError
from site_builder.core.loader import load_file
from site_builder.core.schemas import ENTRY, load_schema
from site_builder.submissions import attachments, entryform, intake
from site_builder.submissions.attachments import FetchError
from site_builder.submissions.entries import load_entry

OPENED_AT = "2015-11-02T01:00:00Z"
AUTHOR = "entrant-one"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A contest with the repository's form and one entry already in."""
    root = tmp_path / "contest"
    write_contest(root)
    shutil.copytree(REPO / ".github", root / ".github")
    add_entry(root, "wifi-finder", ["someone-else"])
    return root


class Attachments:
    """A fetcher serving images from memory; records what was asked."""

    def __init__(self, files: dict[str, bytes] | None = None) -> None:
        self.files = files if files is not None else {asset(1): image(), asset(2): image("JPEG")}
        self.asked: list[str] = []

    def __call__(self, url: str, limit: int) -> bytes:
        self.asked.append(url)
        if url not in self.files:
            raise FetchError("HTTP 404", permanent=True)
        return self.files[url][: limit + 1]


def event(body: str | None, *, login: str = AUTHOR, number: int = 12,
          action: str = "opened") -> intake.IssueEvent:
    payload = gh.issues(body=body, login=login, number=number, created_at=OPENED_AT,
                        action=action)
    gh.validate(payload, "issues")
    return intake.event_from_payload(payload)


def run(root: Path, answers: dict[str, Any], fetch: Callable[[str, int], bytes] | None = None,
        **options: Any) -> intake.IntakeResult:
    body = render_body(answers, **options)
    return intake.intake_issue(root, event(body), fetch=fetch or Attachments())


def codes(result: intake.IntakeResult) -> list[tuple[str | None, str]]:
    return [(p.key, p.code) for p in result.problems if p.severity == "error"]


# --- the form and the parser cannot drift apart -------------------------------------------


def test_every_field_of_the_form_is_read(root: Path) -> None:
    form = entryform.load_form(root)
    assert [f.key for f in form] == [key_of(e) for e in form_fields()]
    assert len({f.label for f in form}) == len(form)
    schema = load_schema(REPO / "schema", ENTRY).document
    for f in form:
        if f.key not in ("slug", "confirm"):
            top = f.key.split(".")[0]
            assert top in schema["properties"], f.key
    category = next(f for f in form if f.key == "category")
    assert [o.value for o in category.options] == [
        "safety", "welfare", "transport", "environment", "business"]
    platforms = next(f for f in form if f.key == "platforms")
    assert {o.value for o in platforms.options} == set(
        schema["properties"]["platforms"]["items"]["enum"])


def test_a_form_field_intake_does_not_know_stops_the_command(root: Path) -> None:
    form = root / ".github" / "ISSUE_TEMPLATE" / "entry.yml"
    form.write_text(form.read_text(encoding="utf-8").replace(
        "label: 태그 (tags)", "label: 태그 (keywords)"), encoding="utf-8")
    with pytest.raises(ContestDefinitionError, match="keywords"):
        entryform.load_form(root)


def test_a_renamed_label_is_followed(root: Path) -> None:
    form = root / ".github" / "ISSUE_TEMPLATE" / "entry.yml"
    form.write_text(form.read_text(encoding="utf-8").replace(
        "label: 서비스 이름 (title)", "label: 서비스의 이름 (title)"), encoding="utf-8")
    result = run(root, complete_answers(), form=form)
    assert result.exit_code == 0, result.reply
    assert result.title == "지금 오는 버스"


# --- a complete form ------------------------------------------------------------------


@pytest.mark.parametrize(("newline", "mark"), [("\n", "X"), ("\r\n", "x")])
def test_a_complete_form_becomes_a_valid_entry(root: Path, newline: str, mark: str) -> None:
    fetch = Attachments()
    result = run(root, complete_answers(), fetch, newline=newline, mark=mark)
    assert result.exit_code == 0, result.reply
    assert (result.slug, result.branch, result.title) == (
        "bus-now", "intake/12-bus-now", "지금 오는 버스")
    folder = root / "entries" / "bus-now"
    assert sorted(p.name for p in folder.iterdir()) == [
        "entry.yml", "screenshot-1.png", "screenshot-2.jpg"]
    assert fetch.asked == [asset(1), asset(2)]
    text = (folder / "entry.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/entry.schema.json\n")
    assert "출품 신청 이슈 #12" in text.splitlines()[1]
    data = load_file(folder / "entry.yml", "entry.yml", 1 << 20).data
    assert data == {
        "title": "지금 오는 버스",
        "summary": "정류장에 곧 올 버스와 남은 시간을 한눈에 보여 주는 서비스입니다.",
        "description": complete_answers()["description"],
        "category": "transport",
        "tags": ["버스", "정류장", "교통"],
        "team": {"name": "버스팀", "members": [
            {"name": "홍길동", "github": "entrant-one", "role": "개발"},
            {"name": "김예시", "github": "kim-example"}]},
        "links": {"service": "https://bus-now.example.org/",
                  "source": "https://git.example.org/bus-now"},
        "platforms": ["web", "android"],
        "public_data": [{"name": "버스도착정보", "provider": "국토교통부",
                         "url": "https://www.data.go.kr/data/15000000/openapi.do"}],
        "license": "MIT",
        "screenshots": ["screenshot-1.png", "screenshot-2.jpg"],
    }
    assert list(data) == list(load_schema(REPO / "schema", ENTRY).document["properties"])
    check = invoke_contest(["validate", "entries/bus-now"], root)
    assert check.returncode == 0, check.stdout


def test_the_image_format_decides_the_file_name(root: Path) -> None:
    files = {asset(1): image("WEBP"), asset(2): image("JPEG"), asset(3): image("PNG")}
    shots = "\n".join(f"![Image]({asset(n)})" for n in (1, 2, 3))
    result = run(root, complete_answers(screenshots=shots), Attachments(files))
    assert result.exit_code == 0, result.reply
    data = load_file(root / "entries/bus-now/entry.yml", "entry.yml", 1 << 20).data
    assert data["screenshots"] == ["screenshot-1.webp", "screenshot-2.jpg", "screenshot-3.png"]


TRICKY = [
    "no", "yes", "on", "off", "y", "null", "~", "true", "0o17", "0x1F", "1e3", ".inf", "0755",
    "2015-10-06", "12:30", "- item", "? key", ": value", "key: value", "#hash", "&anchor",
    "*alias", "!tag", "%percent", "@at", "`tick`", "'single'", '"double"', "{a: 1}", "[1, 2]",
    "a # not a comment", "> folded", "---", "...", "tab\there", "café ☕", "\\back\\slash",
]


@pytest.mark.parametrize("value", TRICKY)
def test_any_text_round_trips_as_text(root: Path, value: str) -> None:
    """Nothing an entrant types is read back by YAML as anything but that text."""
    answers = complete_answers(
        title=f"{value} 버스", team__name=value,
        team__members=f"이름 {value} | entrant-one | {value}",
    )
    result = run(root, answers)
    assert result.exit_code == 0, result.reply
    data = load_file(root / "entries/bus-now/entry.yml", "entry.yml", 1 << 20).data
    one_line = " ".join(value.split())
    assert data["title"] == f"{one_line} 버스"
    assert data["team"]["name"] == one_line
    assert data["team"]["members"][0] == {
        "name": f"이름 {one_line}", "github": "entrant-one", "role": one_line}


def test_tags_that_look_like_other_things_stay_text(root: Path) -> None:
    result = run(root, complete_answers(tags="no, 0o17, 1e3, null, true, 2015-10-06"))
    assert result.exit_code == 0, result.reply
    data = load_file(root / "entries/bus-now/entry.yml", "entry.yml", 1 << 20).data
    assert data["tags"] == ["no", "0o17", "1e3", "null", "true", "2015-10-06"]


def test_a_description_stays_markdown_text(root: Path) -> None:
    description = (
        "## 소개\n\n줄 끝 공백이 있는 줄  \n\t탭으로 시작하는 줄\n---\ntitle: 가짜 제목\n"
        "screenshots: [../../contest.yml]\n...\n\n마지막 줄입니다. 충분히 긴 설명을 씁니다."
    )
    result = run(root, complete_answers(description=description))
    assert result.exit_code == 0, result.reply
    data = load_file(root / "entries/bus-now/entry.yml", "entry.yml", 1 << 20).data
    assert data["description"] == description.replace("공백이 있는 줄  ", "공백이 있는 줄")
    assert data["title"] == "지금 오는 버스"
    assert data["screenshots"] == ["screenshot-1.png", "screenshot-2.jpg"]


def test_optional_fields_left_empty_are_left_out(root: Path) -> None:
    answers = complete_answers(tags=None, links__source=None, public_data=None)
    result = run(root, answers)
    assert result.exit_code == 0, result.reply
    data = load_file(root / "entries/bus-now/entry.yml", "entry.yml", 1 << 20).data
    assert "tags" not in data and "public_data" not in data
    assert data["links"] == {"service": "https://bus-now.example.org/"}


def test_an_edited_issue_is_read_the_same_way(root: Path) -> None:
    payload = gh.issues(body=render_body(complete_answers()), login=AUTHOR, number=5,
                        created_at=OPENED_AT, action="edited")
    gh.validate(payload, "issues")
    result = intake.intake_issue(root, intake.event_from_payload(payload), fetch=Attachments())
    assert result.branch == "intake/5-bus-now"


# --- forms that cannot be used ----------------------------------------------------------


def assert_untouched(root: Path) -> None:
    assert sorted(p.name for p in (root / "entries").iterdir()) == ["wifi-finder"]


CONFIRM_PUBLIC = "이 신청서의 모든 내용이 공개된다는 것을 이해했습니다."


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"slug": "Bus Now!"}, [("slug", "intake.bad-slug")]),
        ({"slug": "wifi-finder"}, [("slug", "intake.slug-taken")]),
        ({"title": None}, [("title", "intake.required")]),
        ({"summary": "짧음"}, [("summary", "schema.minLength")]),
        ({"category": None}, [("category", "intake.required")]),
        ({"links__service": "http://bus-now.example.org/"}, [("links.service", "link.http")]),
        ({"links__video": "https://localhost/video"}, [("links.video", "link.private-host")]),
        ({"license": "MITT"}, [("license", "license.invalid")]),
        ({"tags": "버스, #정류장"}, [("tags", "schema.pattern")]),
        ({"platforms": []}, [("platforms", "schema.required")]),
        ({"team__members": "홍길동 entrant-one"}, [("team.members", "intake.member-line")]),
        ({"team__members": "김예시 | kim-example"},
         [("team.members", "intake.author-not-member")]),
        ({"public_data": "버스도착정보 | 국토교통부"}, [("public_data", "intake.dataset-line")]),
        ({"description": "짧은 설명입니다. 연락처 010-1234-5678"},
         [("description", "schema.minLength"), ("description", "privacy.phone")]),
        ({"confirm": [CONFIRM_PUBLIC]},
         [("confirm", "intake.not-confirmed"), ("confirm", "intake.not-confirmed")]),
        ({"screenshots": None}, [("screenshots", "intake.required")]),
        ({"screenshots": "여기에 그림이 있어요"}, [("screenshots", "intake.screenshot-none")]),
        ({"screenshots": "![x](https://evil.example/a.png)"},
         [("screenshots", "intake.screenshot-not-attachment")]),
        ({"title": "wifi finder 서비스", "links__service": "https://wifi-finder.example.org/"},
         [("links.service", "entry.duplicate-service")]),
    ],
)
def test_what_is_wrong_is_said_per_field(
    root: Path, changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    result = run(root, complete_answers(**changes))
    assert result.exit_code == 1
    assert result.slug is None and result.branch is None
    assert codes(result) == expected, result.reply
    assert_untouched(root)


def test_a_member_problem_names_the_line(root: Path) -> None:
    members = "홍길동 | entrant-one\n\n김예시 | kim example | 디자인"
    result = run(root, complete_answers(team__members=members))
    assert codes(result) == [("team.members", "schema.pattern")]
    assert "- **구성원 (team.members), 3번째 줄**:" in result.reply
    assert "'kim example'" in result.reply


def test_an_image_problem_names_the_image(root: Path) -> None:
    files = {asset(1): image(), asset(2): image("PNG", (120, 80))}
    result = run(root, complete_answers(), Attachments(files))
    assert codes(result) == [("screenshots", "screenshot.dimensions")]
    assert "- **스크린샷 (screenshots), 2번째 그림**:" in result.reply
    assert_untouched(root)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"<html>not an image</html>", "screenshot.not-image"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "screenshot.not-image"),
        (b"\0" * (6 * 1024 * 1024), "intake.screenshot-too-large"),
    ],
    ids=["html", "broken-png", "too-large"],
)
def test_what_is_not_a_usable_image_is_refused(root: Path, content: bytes, code: str) -> None:
    result = run(root, complete_answers(), Attachments({asset(1): image(), asset(2): content}))
    assert codes(result) == [("screenshots", code)]
    assert_untouched(root)


@pytest.mark.slow
def test_a_decompression_bomb_is_not_opened(root: Path) -> None:
    result = run(root, complete_answers(),
                 Attachments({asset(1): image(), asset(2): image("PNG", (9000, 9000))}))
    assert codes(result) == [("screenshots", "screenshot.bomb")]


def test_at_most_eight_images_and_none_fetched_beyond(root: Path) -> None:
    fetch = Attachments({asset(n): image() for n in range(1, 10)})
    shots = "\n".join(f"![Image]({asset(n)})" for n in range(1, 10))
    result = run(root, complete_answers(screenshots=shots), fetch)
    assert codes(result) == [("screenshots", "intake.screenshot-too-many")]
    assert fetch.asked == []


def test_a_deleted_attachment_is_the_entrants_to_fix(root: Path) -> None:
    result = run(root, complete_answers(), Attachments({asset(1): image()}))
    assert codes(result) == [("screenshots", "intake.screenshot-unavailable")]
    assert "HTTP 404" in result.reply


def test_a_network_failure_stops_the_command_and_writes_nothing(root: Path) -> None:
    def down(url: str, limit: int) -> bytes:
        raise FetchError("URLError", permanent=False)

    with pytest.raises(UsageError, match="could not be downloaded now"):
        run(root, complete_answers(), down)
    assert_untouched(root)


def test_a_missing_or_repeated_section_is_refused_not_guessed(root: Path) -> None:
    body = render_body(complete_answers())
    body = body.replace("### 라이선스 (license)\n\nMIT\n\n", "")
    result = intake.intake_issue(root, event(body), fetch=Attachments())
    assert ("license", "intake.missing-section") in codes(result)
    sneaky = complete_answers(description=complete_answers()["description"]
                              + "\n\n### 출품작 주소 이름 (slug)\n\nwifi-finder")
    result = run(root, sneaky)
    assert ("slug", "intake.duplicate-section") in codes(result)
    assert_untouched(root)


def test_an_issue_not_written_with_the_form(root: Path) -> None:
    for body in (None, "", "안녕하세요. 출품하고 싶어요.\n\n### 질문\n\n어떻게 하나요?"):
        result = intake.intake_issue(root, event(body), fetch=Attachments())
        assert codes(result) == [(None, "intake.not-a-form")]
        assert "- **신청서 전체**:" in result.reply


def test_a_body_over_githubs_limit_is_not_read(root: Path) -> None:
    body = render_body(complete_answers(description="가" * 70_000))
    fetch = Attachments()
    result = intake.intake_issue(root, event(body), fetch=fetch)
    assert codes(result) == [(None, "intake.body-too-large")]
    assert fetch.asked == []


# --- the reply ------------------------------------------------------------------------


def test_the_reply_says_where_what_and_how(root: Path) -> None:
    result = run(root, complete_answers(links__service="http://bus-now.example.org/"))
    lines = result.reply.splitlines()
    assert lines[0] == intake.MARKER
    assert lines[1] == "### " + messages.render("intake.reply-title", "ko")
    assert "다음 1곳을 고쳐 주세요" in result.reply
    assert ("- **서비스 주소 (links.service)**: 서비스 주소(links.service): "
            "암호화되지 않은 http 주소는 받지 않습니다.") in lines
    assert "  - 고치는 법: https://로 시작하는 주소를 쓰세요." in lines


def test_the_reply_speaks_the_contests_language(tmp_path: Path) -> None:
    root = tmp_path / "contest"
    write_contest(root, change=lambda data: data.update(language="en"))
    shutil.copytree(REPO / ".github", root / ".github")
    result = run(root, complete_answers(license="MITT"))
    assert "The entry form cannot be used yet" in result.reply
    assert "How to fix" in result.reply


def test_the_reply_quotes_the_entrant_inertly(root: Path) -> None:
    evil = "@example-org/organizers <img src=x> ![x](https://evil.example/p.png) [a](https://e.x)"
    result = run(root, complete_answers(slug=evil, team__members=f"{evil}\n홍길동 | entrant-one"))
    assert result.exit_code == 1
    assert "@example" not in result.reply and "@\u2060example-org" in result.reply
    assert "<img" not in result.reply and "&lt;img" in result.reply
    assert "![" not in result.reply and "](https://" not in result.reply


# --- the payload and the command --------------------------------------------------------


@pytest.mark.parametrize(
    "breakage", ["pull-request", "closed-action", "no-number", "no-user", "body-not-text"])
def test_a_payload_of_another_shape_cannot_run(breakage: str) -> None:
    payload = gh.issues(body="x", login=AUTHOR, number=3, created_at=OPENED_AT)
    if breakage == "pull-request":
        payload["issue"]["pull_request"] = {"url": "https://api.github.com/x"}
    elif breakage == "closed-action":
        payload["action"] = "closed"
    elif breakage == "no-number":
        payload["issue"]["number"] = "3"
    elif breakage == "no-user":
        payload["issue"]["user"] = None
    else:
        payload["issue"]["body"] = ["x"]
    with pytest.raises(UsageError, match="not an issues payload"):
        intake.event_from_payload(payload)


def test_githubs_example_issues_payload_is_read() -> None:
    example = gh.SCHEMAS.parent / "examples" / "issues.opened.json"
    if not example.exists():
        pytest.skip("GitHub's webhook examples are not available here")
    found = intake.event_from_payload(json.loads(example.read_text(encoding="utf-8")))
    assert found.action == "opened" and found.number >= 1


def invoke(root: Path, body: str, fetch: Callable[[str, int], bytes], tmp_path: Path
           ) -> tuple[Result, dict[str, Any] | None]:
    payload = tmp_path / "event.json"
    gh.write(payload, gh.issues(body=body, login=AUTHOR, number=12, created_at=OPENED_AT))
    out = tmp_path / "intake.json"
    out.unlink(missing_ok=True)
    result = CliRunner().invoke(
        make_command(fetch), ["--event", str(payload), "--json-out", str(out)],
        obj=ContestContext(root=root, lang=None))
    written = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    return result, written


def test_the_command_writes_the_json_the_workflow_reads(root: Path, tmp_path: Path) -> None:
    result, written = invoke(root, render_body(complete_answers()), Attachments(), tmp_path)
    assert result.exit_code == 0, result.output
    assert written is not None and set(written) == {"slug", "branch", "title", "reply"}
    assert written["branch"] == "intake/12-bus-now"
    result, written = invoke(root, render_body(complete_answers(slug="x")), Attachments(),
                             tmp_path)
    assert result.exit_code == 1
    assert written is not None and written["slug"] is None
    assert written["reply"].startswith(intake.MARKER)


def test_the_command_cannot_run_on_a_network_error(root: Path, tmp_path: Path) -> None:
    def down(url: str, limit: int) -> bytes:
        raise FetchError("timeout", permanent=False)

    result, written = invoke(root, render_body(complete_answers()), down, tmp_path)
    # ContestError: the CLI's main turns it into exit 2 and "contest: ..." on stderr.
    assert isinstance(result.exception, UsageError)
    assert written is None
    assert_untouched(root)


# --- fetching from GitHub only ----------------------------------------------------------

UUID = "0bec7adc-52c5-432f-bca7-c9a3186649b4"


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        (f"https://github.com/user-attachments/assets/{UUID}", True),
        ("https://user-images.githubusercontent.com/452325/121538101-09e2e500-c9f4.png", True),
        (f"http://github.com/user-attachments/assets/{UUID}", False),
        (f"https://github.com/user-attachments/assets/{UUID}?x=1", False),
        (f"https://github.com/user-attachments/assets/{UUID}#x", False),
        (f"https://github.com:443/user-attachments/assets/{UUID}", False),
        (f"https://GitHub.com/user-attachments/assets/{UUID}", False),
        (f"https://github.com./user-attachments/assets/{UUID}", False),
        (f"https://user@github.com/user-attachments/assets/{UUID}", False),
        (f"https://github.com.evil.example/user-attachments/assets/{UUID}", False),
        (f"https://evil.example/github.com/user-attachments/assets/{UUID}", False),
        (f"https://github.com/user-attachments/assets/{UUID}/../../../login", False),
        ("https://github.com/user-attachments/files/123/report.pdf", False),
        ("https://github.com/example-org/repo/assets/1/" + UUID, False),
        ("https://user-images.githubusercontent.com/1/../secret.png", False),
        ("https://private-user-images.githubusercontent.com/1/a.png", False),
        ("https://objects.githubusercontent.com/a.png", False),
        ("file:///etc/passwd", False),
        ("https://127.0.0.1/user-attachments/assets/" + UUID, False),
    ],
)
def test_only_github_attachment_addresses_are_fetched(url: str, allowed: bool) -> None:
    assert attachments.is_attachment(url) is allowed


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://private-user-images.githubusercontent.com/1/2-a.png?jwt=eyJ", True),
        ("https://objects.githubusercontent.com/github-production-user-asset/x?sig=1", True),
        ("https://github-production-user-asset-6210df.s3.amazonaws.com/1/x.png?X-Amz=1", True),
        (f"https://github.com/user-attachments/assets/{UUID}", True),
        ("http://private-user-images.githubusercontent.com/1/2-a.png", False),
        ("https://evil.example/x.png", False),
        ("https://github.com/login", False),
        ("https://169.254.169.254/latest/meta-data/", False),
        ("https://evil-bucket.s3.amazonaws.com/x.png", False),
        ("https://private-user-images.githubusercontent.com.evil.example/x", False),
    ],
)
def test_redirects_lead_only_to_githubs_storage(url: str, allowed: bool) -> None:
    assert attachments.allowed_redirect(url) is allowed


def test_the_redirect_handler_stops_at_another_host() -> None:
    handler = attachments._GitHubRedirects()
    request = urllib.request.Request(f"https://github.com/user-attachments/assets/{UUID}")
    headers = http.client.HTTPMessage()
    with pytest.raises(FetchError) as raised:
        handler.redirect_request(request, io.BytesIO(), 302, "Found", headers,
                                 "https://evil.example/x.png")
    assert raised.value.permanent
    allowed = handler.redirect_request(
        request, io.BytesIO(), 302, "Found", headers,
        "https://private-user-images.githubusercontent.com/1/2-a.png?jwt=x")
    assert allowed is not None
    assert handler.max_redirections == attachments.MAX_REDIRECTS


def test_the_github_fetcher_refuses_other_addresses_before_any_request() -> None:
    with pytest.raises(FetchError) as raised:
        attachments.fetch("http://127.0.0.1:1/x.png", 100)
    assert raised.value.permanent


def test_an_entry_written_by_intake_validates_like_any_other(root: Path) -> None:
    result = run(root, complete_answers())
    assert result.exit_code == 0
    load = load_entry(root, "bus-now", load_schema(root / "schema", ENTRY))
    assert load.problems == [] and load.entry is not None
    assert load.entry.has_member(AUTHOR)
    assert FORM.exists()
