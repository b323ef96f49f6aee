"""Small contest repositories for the showcase tests, built on disk from plain data.

`make_repo` copies the repository's contest.yml, schema/ and docs/, writes a
mkdocs.yml whose hook points at this checkout, some example entries, and
optional extra entries: one whose every field is an XSS payload (all that
`contest validate` lets through: the site publishes nothing it refuses), one
whose compound-word title is the search test's target, one with a broken image
(which validate refuses, so the site leaves it out).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.contestkit import REPO, copy_from_checkout, image_bytes

EXAMPLES = ("wifi-finder", "air-walk", "shelter-now", "parking-compare", "shop-start-check")

XSS_TITLE = "</title><script>alert('t')</script>"
XSS_SUMMARY = "<img src=x onerror=alert('s')> &lt;script&gt;alert('s2')&lt;/script&gt; {{ config }}"
XSS_DESCRIPTION = """\
# Heading {% raw %} {{ config.site_name }} {% endraw %}

<script>alert('d1')</script>
<svg onload="alert('d2')"><circle r="1" /></svg>
<iframe src="javascript:alert('d3')"></iframe>

Click <a href="javascript:alert('d4')">here</a> and <a href="JaVaScRiPt:alert('d5')">there</a>.
<a href="javascript:alert('d6')" onclick="alert('d7')">raw link</a>

text { onclick="alert('d8')" } and *emphasis*{ onmouseover="alert('d9')" }

&lt;script&gt;alert('d10')&lt;/script&gt;

<img src="https://evil.example/x.png" onerror="alert('d11')">
![img](https://evil.example/y.png)

<!-- comment --> <style>body{display:none}</style>

--8<-- "/etc/passwd"

<div markdown="1">*md*</div>

<details open ontoggle="alert('d12')"><summary>x</summary>y</details>

[ok link](https://safe.example/page)
"""
XSS_SERVICE = "https://xss.example/\"onmouseover=\"alert('u')"


def entry_data(title: str, summary: str, category: str = "welfare", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": title,
        "summary": summary,
        "description": extra.pop(  # long enough for the schema's 50 characters
            "description",
            "## 이렇게 쓰세요\n\n"
            "서비스에 들어가 지역을 고르면 가까운 곳을 지도와 목록으로 보여 줍니다.",
        ),
        "category": category,
        "tags": extra.pop("tags", []),
        "team": extra.pop(
            "team", {"name": "테스트팀", "members": [{"name": "홍길동", "github": "hong-test"}]}
        ),
        "links": extra.pop("links", {"service": "https://service.example/"}),
        "platforms": extra.pop("platforms", ["web"]),
        "public_data": extra.pop("public_data", []),
        "license": "MIT",
        "screenshots": extra.pop("screenshots", ["screen.png"]),
    }
    data.update(extra)
    return data


def png(width: int = 640, height: int = 400, color: tuple[int, int, int] = (30, 120, 200)) -> bytes:
    return image_bytes("PNG", (width, height), color)


def write_entry(
    root: Path, slug: str, data: dict[str, Any], images: dict[str, bytes] | None = None
) -> None:
    folder = root / "entries" / slug
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    (folder / "entry.yml").write_text(text, encoding="utf-8")
    for name, raw in (images if images is not None else {"screen.png": png()}).items():
        (folder / name).write_bytes(raw)


def xss_entry() -> dict[str, Any]:
    return entry_data(
        XSS_TITLE,
        XSS_SUMMARY,
        "safety",
        description=XSS_DESCRIPTION,
        tags=["<script>alert('g')</script>", "{{ config }}"],
        team={
            "name": "<b onmouseover=alert('team')>팀</b>",
            "members": [
                {"name": "\"><svg onload=alert('m')>", "github": "xss-member", "role": "{% raw %}"}
            ],
        },
        links={
            "service": XSS_SERVICE,
            "source": "https://src.example/\"><script>alert('l')</script>",
        },
        public_data=[
            {
                "name": "<img src=x onerror=alert('p')>",
                "provider": "{{ config }}",
                "url": "https://data.example/\"><script>alert('q')</script>",
            }
        ],
    )


def make_repo(
    root: Path,
    *,
    examples: tuple[str, ...] = EXAMPLES,
    extra: bool = True,
    results: bool = False,
    git: bool = True,
) -> Path:
    copy_from_checkout(root, "schema", "docs", "contest.yml")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- site_builder/", f"- {REPO}/site_builder/")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("scores", "results"):
        (root / name).mkdir(exist_ok=True)
    for slug in examples:
        shutil.copytree(REPO / "entries" / slug, root / "entries" / slug)
    if extra:
        write_entry(
            root,
            "public-wifi",
            entry_data(
                "공공와이파이지도",
                "동네마다 설치된 무료 인터넷 접속 장소를 보여 줍니다.",
                "welfare",
                tags=["무료인터넷"],
                platforms=["web", "android"],
            ),
        )
        write_entry(root, "xss-probe", xss_entry())
        write_entry(
            root,
            "broken-image",
            entry_data(
                "깨진 그림 서비스",
                "그림 파일이 망가져도 누리집은 만들어져야 합니다.",
                "transport",
                screenshots=["screen.png"],
                links={"service": "https://broken-image.example/"},
            ),
            {"screen.png": b"\x89PNG\r\n\x1a\nnot really a png" + b"\0" * 300},
        )
    if results:
        write_results(root)
    if git:
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
        subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.invalid",
                "commit",
                "-qm",
                "contest",
                "--date=2015-12-01T09:00:00+09:00",
            ],
            check=True,
            env={"GIT_COMMITTER_DATE": "2015-12-01T09:00:00+09:00", "PATH": "/usr/bin:/bin"},
        )
    return root


def results_data(slugs: list[str]) -> dict[str, Any]:
    """A results/first.json in the tally's documented shape."""
    rows = []
    for index, slug in enumerate(slugs):
        rows.append(
            {
                "entry": slug,
                "rank": index + 1,
                "score": round(80 - index * 3.5, 3),
                "raw_mean": round(79 - index * 3.2, 3),
                "judges": 3,
                "stderr": 1.25,
                "complete": True,
                "advanced": index < 3,
                "award": ["grand", "excellence"][index] if index < 2 else None,
                "criteria": {
                    "usefulness": 8.0 - index * 0.3,
                    "creativity": 7.5,
                    "public-data": 7.0,
                    "completeness": 6.5,
                },
            }
        )
    return {
        "version": 1,
        "round": "first",
        "round_name": "1차 심사 (서면)",
        "ledger_commit": "0123456789abcdef0123456789abcdef01234567",
        "data_sha256": "a" * 64,
        "rubric_sha256": "b" * 64,
        "method": {
            "aggregation": "trimmed",
            "correction": "additive",
            "min_judges": 3,
            "tie_break": ["criterion:usefulness", "top_marks", "median"],
        },
        "entries": rows,
        "advanced": slugs[:3],
        "awards": {"grand": slugs[:1], "excellence": slugs[1:2]},
        "judges": [
            {"judge": "example-judge-ahn", "entries": len(slugs), "leniency": 0.4},
            {"judge": "example-judge-baek", "entries": len(slugs), "leniency": -0.4},
        ],
        "reliability": {"alpha": 0.61},
        "diagnostics": {},
    }


def write_results(root: Path, slugs: list[str] | None = None) -> None:
    chosen = slugs or ["wifi-finder", "air-walk", "shelter-now"]
    (root / "results").mkdir(exist_ok=True)
    (root / "results" / "first.json").write_text(
        json.dumps(results_data(chosen), ensure_ascii=False), "utf-8"
    )
