"""Regenerate the screenshots of the example contest's entries.

Run from the repository root:

    python benchmarks/draw_example_screenshots.py            # all entries
    python benchmarks/draw_example_screenshots.py wifi-finder

Each entry's title comes from its entry.yml; the screen layout, subtitle and list labels come
from SHOTS below so the pictures match what each fictional service does. The seed is derived
from the slug and file name, so running this twice writes identical files (Git sees no
change) as long as Pillow's PNG encoder does not change.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

try:
    from benchmarks.screens import KINDS, draw_screen, find_korean_font, save_png
except ImportError:  # run as a script: benchmarks/ itself is on sys.path
    from screens import KINDS, draw_screen, find_korean_font, save_png  # type: ignore[no-redef]

REPO_ROOT = Path(__file__).resolve().parent.parent
WEB = (1280, 800)
PHONE = (720, 1280)
MAX_BYTES = 150_000  # keeps the repository and the gallery pages light

# One colour family per category, so the gallery reads at a glance.
CATEGORY_PALETTE = {
    "safety": "crimson",
    "welfare": "teal",
    "transport": "indigo",
    "environment": "green",
    "business": "amber",
}
CATEGORY_KIND = {"safety": "map", "welfare": "list", "transport": "map", "environment": "chart"}


@dataclass(frozen=True)
class Shot:
    """How to draw one screenshot of an entry."""

    kind: str
    subtitle: str
    labels: tuple[str, ...] = ()
    size: tuple[int, int] = WEB
    seed: int | None = None  # only to pick a nicer random layout than the derived one


# Keyed by slug; the n-th Shot draws the n-th file of the entry's `screenshots` list.
SHOTS: dict[str, tuple[Shot, ...]] = {
    "wifi-finder": (
        Shot(
            "map",
            "내 주변 무료 공공와이파이 6곳",
            (
                "행복동 주민센터",
                "새솔 어린이공원",
                "중앙 전통시장 고객센터",
                "시립 도서관 열람실",
                "역 앞 버스정류장",
                "푸른 체육관",
            ),
        ),
        Shot(
            "map",
            "걸어서 10분 안의 공공와이파이",
            (
                "시립 도서관 열람실",
                "역 앞 버스정류장",
                "행복동 주민센터",
                "강변공원 입구",
                "한빛 복지관",
            ),
            PHONE,
        ),
    ),
    "jeonse-safe-check": (
        Shot(
            "form",
            "계약 전에 위험 신호를 미리 확인하세요",
            (
                "주소=가상시 행복구 예시로 12",
                "전세 보증금=2억 1,000만 원",
                "전용면적=59㎡",
                "주의 필요",
                "건축물 주 용도=다세대주택",
                "전세가율=82% (높음)",
                "위반건축물 표시=없음",
            ),
        ),
        Shot(
            "chart",
            "가상시 행복구 주변 전세 거래 살펴보기",
            (
                "주변 평균 전세가율=74%",
                "최근 1년 거래=38건",
                "평균 보증금=1억 9,000만",
                "80% 넘는 거래=6건",
                "아파트",
                "연립다세대",
                "오피스텔",
            ),
            seed=4,
        ),
    ),
    "school-zone-walk": (
        Shot(
            "map",
            "행복초등학교 가는 길 · 추천 3개",
            (
                "추천 1 · 보호구역 길",
                "추천 2 · 큰길 따라",
                "추천 3 · 공원 옆 길",
                "행복초등학교 정문",
                "CCTV 많은 구간",
                "보안등 많은 골목",
            ),
        ),
    ),
    "shelter-now": (
        Shot(
            "chat",
            "메신저 챗봇",
            (
                "안녕하세요! 대피소 안내 챗봇입니다. "
                "위치를 보내 주시면 가장 가까운 대피 장소를 알려 드려요.",
                "대피소",
                "가장 가까운 대피 장소 세 곳입니다. "
                "1번 행복동 주민센터 지하, 걸어서 4분, 1,200명 수용.",
                "1번 가는 길 알려 줘",
                "큰길을 따라 북쪽으로 200m 걸은 뒤 편의점에서 오른쪽으로 돌면 입구가 보여요.",
            ),
            PHONE,
        ),
    ),
    "safe-way-home": (
        Shot(
            "map",
            "집까지 밝은 길 · 14분",
            (
                "밝은 길 · 보안등 42개",
                "가장 짧은 길 · 11분",
                "여성안심지킴이집 · 편의점",
                "CCTV 구간 6곳",
                "공원 옆 길 · 16분",
            ),
            PHONE,
        ),
    ),
    "free-meal-map": (
        Shot(
            "list",
            "오늘 점심 문을 연 무료급식소 6곳",
            (
                "행복 나눔 급식소=어르신 · 11:30~13:00",
                "새솔 복지관 경로식당=월~금 · 점심",
                "사랑의 밥차=화·목 · 12:00~13:00",
                "중앙동 무료급식소=매일 · 점심·저녁",
                "푸른 마을 나눔터=토요일 · 점심",
                "한빛 노인복지관=평일 · 11:40~12:40",
            ),
        ),
    ),
    "parking-compare": (
        Shot(
            "list",
            "2시간 30분 주차할 때 예상 요금",
            (
                "중앙시장 공영주차장=예상 2,500원 · 도보 3분",
                "행복동 노외주차장=예상 3,000원 · 도보 6분",
                "시청 앞 공영주차장=예상 4,500원 · 도보 2분",
                "역 앞 환승주차장=예상 2,000원 · 도보 12분",
                "새솔공원 공영주차장=예상 3,500원 · 도보 8분",
                "한빛 노상주차장=예상 5,000원 · 도보 1분",
            ),
        ),
    ),
    "bike-tour-course": (
        Shot(
            "map",
            "반나절 역사 코스 · 12.4km · 자전거도로 80%",
            (
                "출발 · 역 앞 대여소",
                "옛 읍성 성곽길",
                "강변 자전거길 쉼터",
                "향교와 한옥마을",
                "중앙 전통시장 먹거리",
                "반납 · 시청 앞 대여소",
            ),
            seed=4,
        ),
    ),
    "wheelchair-trip": (
        Shot(
            "list",
            "가고 싶은 곳 주변 편의시설",
            (
                "새솔 수목원=충전기 2 · 장애인 화장실 3",
                "옛 읍성 성곽길=충전기 1 · 장애인 화장실 2",
                "강변 생태공원=충전기 3 · 장애인 화장실 4",
                "시립 미술관=충전기 1 · 장애인 화장실 2",
            ),
            PHONE,
        ),
    ),
    "air-walk": (
        Shot(
            "chart",
            "행복동 측정소 · 오늘",
            (
                "미세먼지 PM10=38",
                "초미세먼지 PM2.5=17",
                "통합대기지수=좋음",
                "산책 추천=오후 3시",
                "좋음",
                "보통",
                "나쁨",
            ),
            PHONE,
            seed=1,
        ),
        Shot(
            "chat",
            "메신저 챗봇",
            (
                "좋은 아침이에요! 오늘 행복동 공기는 좋음입니다.",
                "내일 산책",
                "내일은 오후 2시부터 5시 사이가 가장 맑겠어요. 새솔공원 한 바퀴(1.8km)를 추천해요.",
                "비 와?",
                "내일 비 올 확률은 20%예요. 우산은 두고 가셔도 괜찮겠어요.",
            ),
            PHONE,
        ),
    ),
    "recycle-guide": (
        Shot(
            "list",
            "책상을 받아 주는 가까운 재활용센터",
            (
                "행복구 재활용센터=방문 수거 가능 · 1.2km",
                "새솔 나눔가게=직접 가져가기 · 800m",
                "중앙 자원순환센터=가구·가전 · 2.4km",
                "한빛 되살림터=유아용품 · 1.6km",
                "푸른 녹색가게=작은 가구 · 2.0km",
                "역 앞 재사용센터=방문 수거 가능 · 3.1km",
            ),
        ),
    ),
    "ev-charger-finder": (
        Shot(
            "map",
            "DC콤보 · 지금 비어 있는 충전기",
            (
                "시청 공영주차장 급속",
                "새솔공원 완속 2기",
                "행복동 주민센터 급속",
                "역 앞 환승주차장 급속",
                "중앙시장 주차장 완속",
            ),
            PHONE,
        ),
    ),
    "market-open-map": (
        Shot(
            "calendar",
            "장날 달력과 시장 안내",
            ("새솔 오일장", "행복 민속장", "강변 오일장", "한빛 오일장", "푸른 오일장"),
            seed=24,
        ),
    ),
    "shop-start-check": (
        Shot(
            "chart",
            "가상시 행복구 예시로 12 · 카페 창업",
            (
                "반경 300m 카페=14곳",
                "비슷한 업종=9곳",
                "주거 건물 비율=62%",
                "최근 1년 새 점포=3곳",
                "주거",
                "업무",
                "교육",
            ),
        ),
    ),
    "food-truck-spot": (
        Shot(
            "calendar",
            "이번 달 축제·공연과 영업 자리",
            (
                "강변 불꽃축제",
                "시청 광장 공연",
                "대학로 주말 장터",
                "새솔 가을 축제",
                "역 앞 문화거리",
            ),
            PHONE,
            seed=7,
        ),
    ),
}


def _seed(slug: str, filename: str) -> int:
    # crc32, not hash(): str hashes change between interpreter runs.
    return zlib.crc32(f"{slug}/{filename}".encode())


def _default_shot(entry: dict[str, object]) -> Shot:
    """For entries added later without a SHOTS line: a sensible screen from the entry itself."""
    category = str(entry.get("category", ""))
    summary = str(entry.get("summary", ""))
    return Shot(CATEGORY_KIND.get(category, "list"), summary[:40])


def draw_entry(entry_dir: Path, font_path: str | None) -> list[tuple[Path, int]]:
    """Draw every screenshot listed in one entry.yml; return (path, bytes) per file."""
    entry = yaml.safe_load((entry_dir / "entry.yml").read_text(encoding="utf-8"))
    slug = entry_dir.name
    shots = SHOTS.get(slug, ())
    palette = CATEGORY_PALETTE.get(str(entry.get("category")))
    written = []
    for index, filename in enumerate(entry.get("screenshots", [])):
        if not filename.lower().endswith(".png"):
            raise SystemExit(f"{slug}: {filename}: this script only draws PNG files")
        shot = shots[index] if index < len(shots) else _default_shot(entry)
        if shot.kind not in KINDS:
            raise SystemExit(f"{slug}: unknown kind {shot.kind!r}")
        seed = shot.seed if shot.seed is not None else _seed(slug, filename)
        image = draw_screen(
            entry["title"],
            shot.subtitle,
            shot.kind,
            seed,
            size=shot.size,
            font_path=font_path,
            palette=palette,
            labels=shot.labels or None,
        )
        target = entry_dir / filename
        written.append((target, save_png(image, target)))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*", help="entries to redraw (default: all)")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="repository root")
    parser.add_argument("--font", help="font file with Hangul (default: search common places)")
    parser.add_argument(
        "--allow-no-font",
        action="store_true",
        help="draw grey bars instead of text when no Hangul font is found",
    )
    args = parser.parse_args(argv)

    font_path = args.font or find_korean_font()
    if font_path is None and not args.allow_no_font:
        # Committed screenshots must show real Korean text, not the skeleton fallback.
        parser.error("no Hangul font found: install fonts-noto-cjk or pass --font")
    entries = sorted(p.parent for p in (args.root / "entries").glob("*/entry.yml"))
    if args.slugs:
        wanted = set(args.slugs)
        entries = [e for e in entries if e.name in wanted]
        missing = wanted - {e.name for e in entries}
        if missing:
            parser.error(f"no such entries: {', '.join(sorted(missing))}")
    too_big = 0
    for entry_dir in entries:
        for path, size in draw_entry(entry_dir, font_path):
            flag = "  (over the size budget!)" if size > MAX_BYTES else ""
            too_big += size > MAX_BYTES
            print(f"{path.relative_to(args.root)}  {size / 1024:.0f} KB{flag}")
    return 1 if too_big else 0


if __name__ == "__main__":
    sys.exit(main())
