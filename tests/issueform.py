"""Issue bodies as GitHub writes them for the entry form, and images to attach, for tests.

`render_body` reads .github/ISSUE_TEMPLATE/entry.yml and writes what GitHub
puts into an issue opened with it: a ``### <label>`` heading per field, a blank
line and the answer; ``_No response_`` for an empty answer; the option's text
for a dropdown; one ``- [X] option`` / ``- [ ] option`` line per checkbox.
Answers are given by the key in the label's parentheses (``links.service``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from contestkit import REPO, image_bytes

from site_builder.core.loader import load_file

FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "entry.yml"
ASSET = "https://github.com/user-attachments/assets/{:08x}-0000-4000-8000-{:012x}"


def form_fields(form: Path = FORM) -> list[dict[str, Any]]:
    data = load_file(form, "entry.yml", 1 << 20).data
    return [element for element in data["body"] if element["type"] != "markdown"]


def key_of(element: Mapping[str, Any]) -> str:
    match = re.search(r"\(([a-z_.]+)\)$", element["attributes"]["label"])
    assert match, element
    return match.group(1)


def option_text(element: Mapping[str, Any], value: str) -> str:
    """The option of a dropdown or checkboxes field whose id is `value`."""
    for option in element["attributes"]["options"]:
        text = option["label"] if isinstance(option, dict) else option
        if text.split(" — ")[0] == value:
            return str(text)
    raise KeyError(value)


def render_body(
    answers: Mapping[str, Any], *, form: Path = FORM, newline: str = "\n", mark: str = "X"
) -> str:
    """The issue body. A checkboxes answer is an iterable of option ids (``"all"`` for
    every box); a dropdown answer is an option id; None is no response."""
    sections = []
    for element in form_fields(form):
        key = key_of(element)
        label = element["attributes"]["label"]
        answer = answers.get(key)
        if element["type"] == "checkboxes":
            options = element["attributes"]["options"]
            chosen: Iterable[str] = answer if answer not in (None, "all") else ()
            wanted = {option_text(element, v) for v in chosen}
            lines = [
                f"- [{mark if answer == 'all' or option['label'] in wanted else ' '}] "
                f"{option['label']}"
                for option in options
            ]
            text = "\n".join(lines)
        elif element["type"] == "dropdown" and answer is not None:
            text = option_text(element, answer)
        else:
            text = "_No response_" if answer is None else str(answer)
        sections.append(f"### {label}\n\n{text}")
    return "\n\n".join(sections).replace("\n", newline)


def image(fmt: str = "PNG", size: tuple[int, int] = (640, 400)) -> bytes:
    return image_bytes(fmt, size)


def asset(number: int) -> str:
    return ASSET.format(number, number)


def complete_answers(**changes: Any) -> dict[str, Any]:
    """A form that makes a valid entry, with `changes` (keys with dots as __)."""
    answers: dict[str, Any] = {
        "slug": "bus-now",
        "title": "지금 오는 버스",
        "summary": "정류장에 곧 올 버스와 남은 시간을 한눈에 보여 주는 서비스입니다.",
        "category": "transport",
        "tags": "버스, 정류장, 교통",
        "team.name": "버스팀",
        "team.members": "홍길동 | entrant-one | 개발\n김예시 | @kim-example",
        "links.service": "https://bus-now.example.org/",
        "links.source": "https://git.example.org/bus-now",
        "links.video": None,
        "links.docs": None,
        "platforms": ["web", "android"],
        "public_data": "버스도착정보 | 국토교통부 | https://www.data.go.kr/data/15000000/openapi.do",
        "license": "MIT",
        "description": (
            "## 이렇게 쓰세요\n\n1. 정류장을 고릅니다.\n2. 곧 올 버스와 남은 시간을 봅니다.\n\n"
            "## 활용한 데이터\n\n국토교통부의 버스도착정보를 1분마다 받아 보여 줍니다."
        ),
        "screenshots": f"![Image]({asset(1)})\n\n"
                       f'<img width="640" height="400" alt="Image" src="{asset(2)}" />',
        "confirm": "all",
    }
    answers.update({key.replace("__", "."): value for key, value in changes.items()})
    return answers
