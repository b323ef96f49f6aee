"""Write a complete synthetic contest for benchmarks and scale tests.

    python benchmarks/make_contest.py --entries 5000 --out /tmp/contest-5000 [--scores 5]

The contest is the example contest's shape (contest.yml from this repository,
with judges added for large panels), N entries of realistic size (a Korean
description of about 1,500 characters, tags, a team, public datasets, one
screenshot of tens of kilobytes), unique titles and service addresses, and
optionally a first-round score ledger with K judges per entry. The repository's
schema/, docs/ and mkdocs.yml are copied so that every command runs on it.
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_builder.core.contest import load_contest  # noqa: E402
from site_builder.core.loader import parse  # noqa: E402

PLACES = [
    "우리동네",
    "서울",
    "부산",
    "대구",
    "인천",
    "광주",
    "대전",
    "울산",
    "세종",
    "제주",
    "강원",
    "충북",
    "충남",
    "전북",
    "전남",
    "경북",
    "경남",
    "수원",
    "창원",
    "고양",
]
TOPICS = [
    "공공와이파이",
    "무료급식소",
    "어린이보호구역",
    "공영주차장",
    "도시공원",
    "관광지",
    "자전거대여소",
    "전통시장",
    "민방위대피소",
    "지진해일대피소",
    "미세먼지",
    "약수터",
    "공중화장실",
    "도서관",
    "체육시설",
    "전기차충전소",
    "보건소",
    "경로당",
    "야영장",
    "CCTV",
]
ACTIONS = [
    "찾기",
    "지도",
    "알리미",
    "안내",
    "길잡이",
    "도우미",
    "한눈에",
    "모아보기",
    "지킴이",
    "나침반",
]
DATASETS = [
    ("전국공공와이파이표준데이터", "행정안전부"),
    ("전국CCTV표준데이터", "행정안전부"),
    ("전국무료급식소표준데이터", "보건복지부"),
    ("전국어린이보호구역표준데이터", "행정안전부"),
    ("전국주차장정보표준데이터", "국토교통부"),
    ("전국도시공원정보표준데이터", "국토교통부"),
    ("전국관광지정보표준데이터", "문화체육관광부"),
    ("전국자전거대여소표준데이터", "행정안전부"),
    ("전국전통시장표준데이터", "중소벤처기업부"),
    ("전국민방위대피시설표준데이터", "행정안전부"),
]
LICENSES = ["MIT", "Apache-2.0", "MPL-2.0", "GPL-3.0-or-later", "Apache-2.0 OR MIT", "BSD-3-Clause"]
PLATFORMS = ["web", "android", "ios", "desktop", "api", "chatbot"]
PARAGRAPH = (
    "이 서비스는 공공데이터포털에 개방된 표준데이터를 매일 받아 지도와 목록으로 보여 줍니다. "
    "가까운 시설을 거리순으로 정렬하고, 운영 시간과 이용 방법을 함께 안내합니다. "
    "화면 읽기 프로그램으로도 쓸 수 있도록 모든 버튼에 이름을 붙였고, "
    "글자 크기를 키울 수 있습니다. "
)


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as a literal block, as people write descriptions."""


def _literal(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _literal)


def _screenshot_pool(count: int, rng: random.Random) -> list[bytes]:
    # Drawing thousands of distinct images takes minutes; a pool of distinct
    # ones, copied, gives the same file sizes and formats in seconds.
    pool = []
    for index in range(count):
        image = Image.new("RGB", (960, 600), (244, 246, 250))
        draw = ImageDraw.Draw(image)
        hue = rng.randrange(40, 200)
        draw.rectangle((0, 0, 960, 56), fill=(hue // 3, hue // 2, hue))
        for _ in range(90):
            x, y = rng.randrange(0, 900), rng.randrange(70, 560)
            w, h = rng.randrange(10, 160), rng.randrange(6, 60)
            shade = rng.randrange(120, 250)
            draw.rectangle((x, y, x + w, y + h), fill=(shade, (shade * 7 + index) % 255, hue))
        for _ in range(40):
            x, y = rng.randrange(0, 950), rng.randrange(70, 590)
            draw.ellipse((x, y, x + 9, y + 9), fill=(220, 40, 40))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        pool.append(buffer.getvalue())
    return pool


def _title(index: int) -> str:
    place = PLACES[index % len(PLACES)]
    topic = TOPICS[(index // len(PLACES)) % len(TOPICS)]
    action = ACTIONS[(index // (len(PLACES) * len(TOPICS))) % len(ACTIONS)]
    return f"{place} {topic} {action} {index + 1}호"


def _entry(index: int, categories: list[str], rng: random.Random) -> dict[str, object]:
    slug = f"service-{index + 1:05d}"
    datasets = rng.sample(DATASETS, k=rng.randint(1, 3))
    title = _title(index)
    return {
        "title": title,
        "summary": f"{title}: 공공데이터로 가까운 시설을 찾아 주는 예시 서비스입니다.",
        "description": "> 이 출품작은 성능 측정용 가상 예시입니다.\n\n## 이렇게 쓰세요\n\n"
        "1. 서비스에 들어갑니다.\n2. 지역을 고릅니다.\n3. 지도를 봅니다.\n\n## 소개\n\n"
        + PARAGRAPH
        * 8,
        "category": rng.choice(categories),
        "tags": rng.sample(
            ["지도", "안전", "복지", "교통", "환경", "관광", "창업", "어린이", "어르신"], k=3
        ),
        "team": {
            "name": f"예시팀 {index + 1}",
            "members": [
                {
                    "name": f"참가자 {index + 1}-{m + 1}",
                    "github": f"example-user-{index + 1}-{m + 1}",
                }
                for m in range(rng.randint(1, 3))
            ],
        },
        "links": {
            "service": f"https://{slug}.example.org/",
            "source": f"https://git.example.org/{slug}",
        },
        "platforms": rng.sample(PLATFORMS, k=rng.randint(1, 3)),
        "public_data": [
            {
                "name": name,
                "provider": provider,
                "url": f"https://www.data.go.kr/tcs/dss/selectDataSetList.do?keyword={name}",
            }
            for name, provider in datasets
        ],
        "license": rng.choice(LICENSES),
        "screenshots": ["screenshot-1.png"],
    }


def _contest(judges: int) -> dict[str, object]:
    # The project's loader keeps dates as text; yaml.safe_load would turn them
    # into datetimes that dump back in a form the schema refuses.
    data = parse((REPO / "contest.yml").read_text(encoding="utf-8"), "contest.yml").data
    panel = [f"bench-judge-{n:03d}" for n in range(1, judges + 1)]
    data["judges"] = [
        {"github": login, "name": f"심사위원 {n}", "affiliation": "가상 기관"}
        for n, login in enumerate(panel, start=1)
    ]
    for round_ in data["rounds"]:
        round_["judges"] = list(panel)  # a shared list would be dumped as an anchor
    return data


def make_contest(out: Path, entries: int, judges_per_entry: int, seed: int) -> None:
    rng = random.Random(seed)
    panel_size = max(10, min(200, entries * max(judges_per_entry, 1) // 100))
    out.mkdir(parents=True, exist_ok=True)
    for name in ("schema", "docs"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, out / name, dirs_exist_ok=True)
    if (REPO / "mkdocs.yml").exists():
        text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
        # Hooks are paths relative to mkdocs.yml; point them back at this checkout.
        text = text.replace("- site_builder/", f"- {REPO}/site_builder/")
        (out / "mkdocs.yml").write_text(text, encoding="utf-8")
    contest = _contest(panel_size)
    (out / "contest.yml").write_text(
        yaml.safe_dump(contest, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    categories = [c["id"] for c in contest["categories"]]  # type: ignore[index]
    pool = _screenshot_pool(min(40, entries), rng)
    slugs = []
    for index in range(entries):
        data = _entry(index, categories, rng)
        slug = f"service-{index + 1:05d}"
        slugs.append(slug)
        folder = out / "entries" / slug
        folder.mkdir(parents=True, exist_ok=True)
        text = "# yaml-language-server: $schema=../../schema/entry.schema.json\n" + yaml.dump(
            data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000
        )
        (folder / "entry.yml").write_text(text, encoding="utf-8")
        (folder / "screenshot-1.png").write_bytes(pool[index % len(pool)])
    if judges_per_entry:
        _write_scores(out, slugs, judges_per_entry, panel_size, rng)


def _write_scores(
    out: Path, slugs: list[str], per_entry: int, panel: int, rng: random.Random
) -> None:
    loaded = load_contest(out)
    if loaded.contest is None:
        raise SystemExit(f"generated contest.yml is invalid: {loaded.problems}")
    round_ = loaded.contest.rounds[0]
    rubric = round_.rubric_sha256()
    judges = [f"bench-judge-{n:03d}" for n in range(1, panel + 1)]
    for index, slug in enumerate(slugs):
        quality = rng.gauss(0, 1.5)
        # Consecutive panels overlap, so the judge-entry graph is connected.
        start = (index * per_entry) % panel
        for offset in range(per_entry):
            login = judges[(start + offset) % panel]
            scores = {
                c.id: max(0, min(c.max, round(6 + quality + rng.gauss(0, 1))))
                for c in round_.criteria
            }
            record = {
                "round": round_.id,
                "entry": slug,
                "judge": login,
                "scores": scores,
                "comment": "",
                "comment_url": (
                    f"https://github.com/example-org/contest/pull/{index + 1}"
                    f"#issuecomment-{index * 10 + offset}"
                ),
                "event_time": round_.opens.isoformat(),
                "pull_request": index + 1,
                "rubric_sha256": rubric,
            }
            path = out / "scores" / round_.id / slug / f"{login}.yml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--scores",
        type=int,
        default=0,
        metavar="K",
        help="write a first-round ledger with K judges per entry",
    )
    parser.add_argument("--seed", type=int, default=2015)
    args = parser.parse_args()
    make_contest(args.out, args.entries, args.scores, args.seed)
    print(f"wrote {args.entries} entries to {args.out}")


if __name__ == "__main__":
    main()
