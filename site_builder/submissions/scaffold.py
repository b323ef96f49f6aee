"""`contest new SLUG`: a valid entry to start from, in the contest's language.

The manifest carries the yaml-language-server modeline, so editors with YAML
support complete and check fields against schema/entry.schema.json as the
entrant types. A placeholder screenshot is drawn so the entry validates at
once against the schema; the entrant replaces it with a real one.

The scaffold's own placeholders (the sample summary, the `your-github-login`
login, the drawn screenshot) are refused by `contest validate`
(`placeholder_problems`), so an untouched scaffold cannot be submitted.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, PngImagePlugin

from site_builder.core.contest import Contest
from site_builder.core.errors import UsageError
from site_builder.submissions.entries import ENTRIES_DIR, MANIFEST, SLUG

PLACEHOLDER_LOGIN = "your-github-login"
# Sentences of the templates below that only make sense as instructions.
PLACEHOLDER_TEXT = {
    "summary": (
        "이 서비스가 사람들에게 무엇을 해 주는지 한 문장으로 쓰세요.",
        "In one sentence, what the service does for people.",
    ),
    "description": (
        "어떤 공공데이터를 어떻게 썼는지 적어 주세요.",
        "Say which public datasets the service uses, and how.",
    ),
}
# A PNG text chunk that marks the drawn screenshot: read from the header,
# without decoding pixels, and lost as soon as the file is replaced.
_MARK_KEY = "contest-as-code"
_MARK_VALUE = "placeholder screenshot of `contest new`"

_TEMPLATES = {
    "ko": """\
# yaml-language-server: $schema=../../schema/entry.schema.json
# 출품작 정보입니다. 이 파일의 모든 내용은 공개됩니다: 전자우편, 전화번호는 쓰지 마세요.
# 다 쓴 뒤 `contest validate entries/{slug}`로 확인하세요.
title: {title}
summary: 이 서비스가 사람들에게 무엇을 해 주는지 한 문장으로 쓰세요.
description: |
  ## 이렇게 쓰세요

  1. 서비스 주소에 들어갑니다.
  2. 찾고 싶은 지역을 고릅니다.
  3. 결과를 지도와 목록으로 봅니다.

  ## 활용한 데이터

  어떤 공공데이터를 어떻게 썼는지 적어 주세요.
category: {category}
tags: []
team:
  name: 우리 팀
  members:
    - name: 이름
      github: {github}
links:
  service: https://{slug}.example.org/
platforms: [web]
public_data: []
license: MIT
screenshots:
  - screenshot-1.png
""",
    "en": """\
# yaml-language-server: $schema=../../schema/entry.schema.json
# Your entry. Everything in this file is published: no e-mail addresses or phone numbers.
# When done, check it with `contest validate entries/{slug}`.
title: {title}
summary: In one sentence, what the service does for people.
description: |
  ## How to use it

  1. Open the service.
  2. Choose your area.
  3. See the results on a map and in a list.

  ## Public data used

  Say which public datasets the service uses, and how.
category: {category}
tags: []
team:
  name: Our team
  members:
    - name: Your name
      github: {github}
links:
  service: https://{slug}.example.org/
platforms: [web]
public_data: []
license: MIT
screenshots:
  - screenshot-1.png
""",
}


def new_entry(
    root: Path, contest: Contest, slug: str, *, github: str, category: str | None, title: str | None
) -> Path:
    if not SLUG.match(slug):
        raise UsageError.coded("new.bad-slug", slug=slug)
    folder = root / ENTRIES_DIR / slug
    if folder.exists():
        raise UsageError.coded("new.exists", path=f"{ENTRIES_DIR}/{slug}")
    chosen = category or contest.categories[0].id
    if contest.category(chosen) is None:
        known = ", ".join(c.id for c in contest.categories)
        raise UsageError.coded("new.unknown-category", category=chosen, known=known)
    template = _TEMPLATES.get(contest.language, _TEMPLATES["en"])
    text = template.format(
        slug=slug,
        title=_yaml_string(title or slug.replace("-", " ")),
        category=chosen,
        github=github,
    )
    folder.mkdir(parents=True)
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    _placeholder(folder / "screenshot-1.png")
    return folder / MANIFEST


def _yaml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def is_placeholder(info: Mapping[str, Any]) -> bool:
    """True when an image's header metadata (`images.examine`) is the mark that
    `contest new` puts on the screenshot it draws."""
    return bool(info.get(_MARK_KEY) == _MARK_VALUE)


def _placeholder(path: Path) -> None:
    image = Image.new("RGB", (1280, 800), (236, 239, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1280, 72), fill=(48, 63, 159))
    for row in range(4):
        top = 140 + row * 150
        draw.rounded_rectangle((80, top, 1200, top + 110), radius=16, fill=(255, 255, 255))
    info = PngImagePlugin.PngInfo()
    info.add_text(_MARK_KEY, _MARK_VALUE)
    image.save(path, optimize=True, pnginfo=info)
