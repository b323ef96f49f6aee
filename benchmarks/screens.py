"""Draw believable mock screenshots of citizen-built public services.

The example contest ships a handful of entries whose screenshots are drawn here, and the
synthetic-contest benchmarks reuse the same code to give thousands of generated entries
real, distinct images. Everything is deterministic for a given (title, subtitle, kind,
seed, size, font): the images are committed, so regenerating them must not churn Git.

Without a font that covers Hangul (``font_path=None``) every label is drawn as a grey
"skeleton" bar instead of text, the way apps look while loading. That keeps the images
plausible on machines without CJK fonts and never produces tofu boxes.
"""

from __future__ import annotations

import math
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

Color = tuple[int, int, int]
Box = tuple[int, int, int, int]
Font = ImageFont.FreeTypeFont

KINDS: tuple[str, ...] = ("map", "list", "chart", "form", "chat", "calendar")

# Fonts tried by find_korean_font(), most common Linux/macOS/Windows locations first.
FONT_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
    "C:/Windows/Fonts/malgun.ttf",
)

# Neutral place names, used when the caller gives no labels of its own.
DEFAULT_LABELS: tuple[str, ...] = (
    "행복동 주민센터",
    "새솔 어린이공원",
    "중앙 전통시장",
    "시립 도서관",
    "푸른 체육관",
    "역 앞 광장",
    "한빛 복지관",
)


def _mix(a: Color, b: Color, t: float) -> Color:
    """Blend a toward b by t; flat colours keep the PNG palette small."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


WHITE: Color = (255, 255, 255)


@dataclass(frozen=True)
class Palette:
    """Colours of one screen. Built from an accent so every palette stays coherent."""

    accent: Color
    text: Color = (33, 37, 41)
    muted: Color = (118, 126, 134)
    line: Color = (224, 228, 232)
    land: Color = (238, 235, 227)
    building: Color = (225, 220, 209)
    road: Color = (255, 255, 255)
    road_major: Color = (255, 222, 150)
    road_edge: Color = (226, 196, 128)
    water: Color = (168, 209, 238)
    park: Color = (199, 228, 186)
    ok: Color = (46, 160, 67)
    warn: Color = (240, 160, 30)
    bad: Color = (214, 60, 60)

    @property
    def dark(self) -> Color:
        return _mix(self.accent, (0, 0, 0), 0.28)

    @property
    def soft(self) -> Color:
        return _mix(self.accent, WHITE, 0.88)

    @property
    def background(self) -> Color:
        return _mix((243, 245, 247), self.accent, 0.03)

    @property
    def surface(self) -> Color:
        return WHITE


PALETTES: dict[str, Palette] = {
    "crimson": Palette(accent=(200, 48, 58)),
    "teal": Palette(accent=(0, 128, 116)),
    "indigo": Palette(accent=(57, 73, 171)),
    "green": Palette(accent=(46, 125, 50)),
    "amber": Palette(accent=(204, 96, 18)),
    "violet": Palette(accent=(118, 66, 150)),
    "slate": Palette(accent=(52, 73, 94)),
}


def find_korean_font() -> str | None:
    """Return a font file that covers Hangul, or None.

    CONTEST_SCREEN_FONT wins so CI and developers can point at any font they have.
    """
    override = os.environ.get("CONTEST_SCREEN_FONT")
    if override and Path(override).is_file():
        return override
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


def _korean_face_index(path: str) -> int:
    """Pick the Korean face of a font collection (.ttc), else the first face.

    Noto Sans CJK collections hold JP, KR, SC, ... faces: all contain Hangul, but the KR face
    also draws shared Han characters and punctuation the Korean way.
    """
    if not path.lower().endswith((".ttc", ".otc")):
        return 0
    for index in range(16):
        try:
            family = ImageFont.truetype(path, 12, index=index).getname()[0] or ""
        except OSError:
            break
        if "KR" in family or "Korean" in family:
            return index
    return 0


@lru_cache(maxsize=256)
def _load_font(path: str, size: int, bold: bool) -> Font:
    if bold:
        # A sibling "-Bold" file gives real bold headings; without one, regular is fine.
        bold_path = path.replace("Regular", "Bold")
        if bold_path != path and Path(bold_path).is_file():
            path = bold_path
    return ImageFont.truetype(path, size, index=_korean_face_index(path))


class _Canvas:
    """Drawing helpers that know the scale, palette, font and random stream of one screen."""

    def __init__(
        self,
        image: Image.Image,
        palette: Palette,
        rng: random.Random,
        scale: float,
        font_path: str | None,
    ) -> None:
        self.image = image
        self.draw = ImageDraw.Draw(image)
        self.p = palette
        self.rng = rng
        self.scale = scale
        self.font_path = font_path

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    # -- text -----------------------------------------------------------------------------

    def _font(self, size: float, bold: bool) -> Font | None:
        if self.font_path is None:
            return None
        return _load_font(self.font_path, self.px(size), bold)

    def text_width(self, text: str, size: float, bold: bool = False) -> int:
        font = self._font(size, bold)
        if font is None:
            # Skeleton bars: Hangul is about one em wide, Latin and digits about half.
            ems = sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)
            return round(ems * self.px(size))
        return round(font.getlength(text))

    def fit(self, text: str, size: float, max_width: int, bold: bool = False) -> str:
        """Cut text with an ellipsis so it never overflows its box."""
        if self.text_width(text, size, bold) <= max_width:
            return text
        while len(text) > 1 and self.text_width(text + "…", size, bold) > max_width:
            text = text[:-1]
        return text + "…"

    def wrap(self, text: str, size: float, max_width: int) -> list[str]:
        """Break text into lines; Korean may break between any two syllables."""
        lines: list[str] = []
        current = ""
        for ch in text:
            if self.text_width(current + ch, size) > max_width and current:
                lines.append(current.rstrip())
                current = ch.lstrip()
            else:
                current += ch
        if current:
            lines.append(current)
        return lines

    def text(
        self,
        xy: tuple[float, float],
        text: str,
        size: float,
        fill: Color,
        *,
        bold: bool = False,
        anchor: str = "lm",
        max_width: int | None = None,
    ) -> int:
        """Draw one line; anchor is Pillow's two letters, horizontal l/m/r, vertical t/m/b."""
        if max_width is not None:
            text = self.fit(text, size, max_width, bold)
        width = self.text_width(text, size, bold)
        font = self._font(size, bold)
        x, y = round(xy[0]), round(xy[1])
        if font is not None:
            self.draw.text((x, y), text, font=font, fill=fill, anchor=anchor)
            return width
        # No Hangul font: a rounded bar the size of the text stands in for it.
        height = max(2, round(self.px(size) * 0.55))
        left = {"l": x, "m": x - width // 2, "r": x - width}[anchor[0]]
        # Pillow anchors: "t" is the top of the line, "b" its bottom; centre the bar in the em box.
        centre = {"t": y + self.px(size) // 2, "b": y - self.px(size) // 2}.get(anchor[1], y)
        top = centre - height // 2
        bar = _mix(fill, self.p.background if fill != WHITE else self.p.accent, 0.45)
        self.draw.rounded_rectangle(
            (left, top, left + max(width, 2), top + height), radius=height // 2, fill=bar
        )
        return width

    # -- shapes ---------------------------------------------------------------------------

    def card(self, box: Box, radius: float = 12, fill: Color | None = None) -> None:
        """A surface with a one-pixel-blurred look: a darker copy offset below it."""
        x0, y0, x1, y1 = box
        shade = _mix(self.p.background, (0, 0, 0), 0.07)
        r = self.px(radius)
        self.draw.rounded_rectangle((x0, y0 + self.px(2), x1, y1 + self.px(2)), r, fill=shade)
        self.draw.rounded_rectangle(box, r, fill=fill or self.p.surface)

    def chip(self, x: int, y: int, label: str, *, active: bool = False, size: float = 14) -> int:
        """A pill-shaped filter chip; returns its width so callers can lay chips in a row."""
        pad = self.px(12)
        width = self.text_width(label, size) + 2 * pad
        height = self.px(size * 2.1)
        fill = self.p.accent if active else self.p.surface
        outline = self.p.accent if active else self.p.line
        self.draw.rounded_rectangle(
            (x, y, x + width, y + height), height // 2, fill=fill, outline=outline, width=self.px(1)
        )
        self.text((x + pad, y + height / 2), label, size, WHITE if active else self.p.text)
        return width

    def pin(self, x: int, y: int, color: Color, number: int | None = None) -> None:
        """Map marker: a circle on a downward point, the tip at (x, y)."""
        r = self.px(13)
        cy = y - r * 2
        self.draw.polygon(
            [(x - r * 0.8, cy + r * 0.5), (x + r * 0.8, cy + r * 0.5), (x, y)], fill=color
        )
        self.draw.ellipse(
            (x - r, cy - r, x + r, cy + r), fill=color, outline=WHITE, width=self.px(2)
        )
        if number is not None and self.font_path is not None:
            self.text((x, cy), str(number), 13, WHITE, bold=True, anchor="mm")
        else:
            dot = self.px(4)
            self.draw.ellipse((x - dot, cy - dot, x + dot, cy + dot), fill=WHITE)

    def icon(self, name: str, cx: int, cy: int, r: int, color: Color) -> None:
        """Tiny glyph-free icons, so the navigation reads the same with or without a font."""
        d = self.draw
        w = max(1, r // 4)
        if name == "home":
            d.polygon([(cx - r, cy), (cx, cy - r), (cx + r, cy)], fill=color)
            d.rectangle((cx - r * 0.65, cy, cx + r * 0.65, cy + r * 0.9), fill=color)
        elif name == "pin":
            head = r * 0.7
            top = cy - r * 0.45
            d.polygon(
                [
                    (cx - head * 0.8, top + head * 0.5),
                    (cx + head * 0.8, top + head * 0.5),
                    (cx, cy + r),
                ],
                fill=color,
            )
            d.ellipse((cx - head, top - head, cx + head, top + head), fill=color)
            d.ellipse(
                (cx - head * 0.4, top - head * 0.4, cx + head * 0.4, top + head * 0.4), fill=WHITE
            )
        elif name == "chat":
            d.rounded_rectangle(
                (cx - r, cy - r * 0.75, cx + r, cy + r * 0.45), radius=max(1, r // 3), fill=color
            )
            d.polygon(
                [
                    (cx - r * 0.5, cy + r * 0.4),
                    (cx - r * 0.1, cy + r * 0.4),
                    (cx - r * 0.6, cy + r),
                ],
                fill=color,
            )
        elif name == "star":
            points = []
            for i in range(10):
                radius = r if i % 2 == 0 else r * 0.45
                angle = -math.pi / 2 + i * math.pi / 5
                points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
            d.polygon(points, fill=color)
        elif name == "gear":
            d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=color, width=w * 2)
            d.ellipse((cx - r * 0.35, cy - r * 0.35, cx + r * 0.35, cy + r * 0.35), fill=color)
        elif name == "list":
            for i in (-1, 0, 1):
                yy = cy + i * r * 0.6
                d.line((cx - r, yy, cx + r, yy), fill=color, width=w + 1)
        elif name == "chart":
            for i, h in enumerate((0.5, 1.0, 0.7)):
                x = cx - r + i * r * 0.8
                d.rectangle((x, cy + r - 2 * r * h, x + r * 0.5, cy + r), fill=color)
        elif name == "wifi":
            for i in range(3):
                rr = r * (0.45 + 0.35 * i)
                d.arc(
                    (cx - rr, cy - rr + r * 0.4, cx + rr, cy + rr + r * 0.4),
                    225,
                    315,
                    fill=color,
                    width=w,
                )
            d.ellipse((cx - w, cy + r * 0.4 - w, cx + w, cy + r * 0.4 + w), fill=color)
        elif name == "check":
            d.line(
                (cx - r * 0.6, cy, cx - r * 0.1, cy + r * 0.5, cx + r * 0.7, cy - r * 0.5),
                fill=color,
                width=w + 1,
            )
        elif name == "alert":
            d.polygon([(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)], fill=color)
            d.line((cx, cy - r * 0.35, cx, cy + r * 0.25), fill=WHITE, width=w)
            d.ellipse((cx - w / 2, cy + r * 0.4, cx + w / 2, cy + r * 0.4 + w), fill=WHITE)
        else:  # "search" and anything unknown
            d.ellipse(
                (cx - r * 0.8, cy - r * 0.8, cx + r * 0.4, cy + r * 0.4), outline=color, width=w + 1
            )
            d.line((cx + r * 0.3, cy + r * 0.3, cx + r, cy + r), fill=color, width=w + 1)


# -- building blocks shared by the layouts --------------------------------------------------


def _labels(labels: Sequence[str] | None, count: int) -> list[str]:
    """Exactly count labels, cycling the caller's (or the default) ones."""
    source = list(labels) if labels else list(DEFAULT_LABELS)
    return [source[i % len(source)] for i in range(count)]


def _split(label: str) -> tuple[str, str | None]:
    """'caption=value' lets callers give a value with a caption; plain labels have none."""
    caption, sep, value = label.partition("=")
    return (caption, value) if sep else (label, None)


def _distance(rng: random.Random) -> str:
    metres = rng.randrange(80, 2400, 10)
    return f"{metres}m" if metres < 1000 else f"{metres / 1000:.1f}km"


def _grid_lines(rng: random.Random, length: int, step: int) -> list[int]:
    """Street positions along one axis, irregular like a real town rather than a chessboard."""
    lines = [-rng.randint(0, step // 2)]
    while lines[-1] < length + step:
        lines.append(lines[-1] + rng.randint(int(step * 0.7), int(step * 1.3)))
    return lines


def _draw_map(
    c: _Canvas, box: Box, pins: int, *, route: bool, radius: float = 12
) -> list[tuple[int, int]]:
    """A town map with blocks, parks, a river and main roads; returns the pin tips."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    p, rng = c.p, c.rng
    # Drawn on its own tile so nothing spills over the panel edges, then pasted with a mask.
    tile = Image.new("RGB", (w, h), p.road)
    d = ImageDraw.Draw(tile)
    step = c.px(rng.randint(95, 130))
    gap = c.px(rng.choice((8, 10, 12)))
    xs = _grid_lines(rng, w, step)
    ys = _grid_lines(rng, h, step)
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            cell = (xs[i] + gap // 2, ys[j] + gap // 2, xs[i + 1] - gap // 2, ys[j + 1] - gap // 2)
            park = rng.random() < 0.09
            d.rounded_rectangle(cell, c.px(5), fill=p.park if park else p.land)
            if park:
                continue
            # A few building footprints give blocks texture at a glance.
            for _ in range(rng.randint(1, 3)):
                bw = rng.randint(step // 6, step // 3)
                bh = rng.randint(step // 6, step // 3)
                bx = rng.randint(
                    cell[0] + gap // 2, max(cell[0] + gap // 2, cell[2] - bw - gap // 2)
                )
                by = rng.randint(
                    cell[1] + gap // 2, max(cell[1] + gap // 2, cell[3] - bh - gap // 2)
                )
                d.rectangle((bx, by, bx + bw, by + bh), fill=p.building)
    # River: a smooth band across the map, below the middle.
    phase = rng.random() * math.tau
    base = h * rng.uniform(0.62, 0.82)
    river = [
        (x, base + h * 0.08 * math.sin(phase + x / max(w, 1) * math.tau))
        for x in range(-40, w + 41, 20)
    ]
    d.line(river, fill=p.water, width=c.px(34), joint="curve")
    # Main roads, edged like on common web maps.
    main_x = xs[len(xs) // 2]
    main_y = ys[max(1, len(ys) // 3)]
    for line in ((main_x, -10, main_x, h + 10), (-10, main_y, w + 10, main_y)):
        d.line(line, fill=p.road_edge, width=c.px(18))
        d.line(line, fill=p.road_major, width=c.px(14))
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), c.px(radius), fill=255)
    c.image.paste(tile, (x0, y0), mask)

    inner_x = [x for x in xs if c.px(40) < x < w - c.px(40)] or [w // 2]
    inner_y = [y for y in ys if c.px(70) < y < h - c.px(30)] or [h // 2]
    spots = sorted({(rng.choice(inner_x), rng.choice(inner_y)) for _ in range(pins * 3)})
    rng.shuffle(spots)
    chosen = [(x0 + x + c.px(rng.randint(-20, 20)), y0 + y) for x, y in spots[:pins]]
    if route and len(chosen) >= 2:
        (ax, ay), (bx, by) = chosen[0], chosen[1]
        path = [(ax, ay), (bx, ay), (bx, by)]
        c.draw.line(path, fill=WHITE, width=c.px(11), joint="curve")
        c.draw.line(path, fill=c.p.accent, width=c.px(6), joint="curve")
    for number, (px_, py_) in enumerate(chosen, start=1):
        c.pin(px_, py_, p.accent if number > 1 else p.dark, number)
    # "You are here": a blue dot with a halo.
    mx, my = x0 + w // 2 + c.px(rng.randint(-60, 60)), y0 + h // 2 + c.px(rng.randint(-40, 40))
    halo, dot = c.px(26), c.px(8)
    c.draw.ellipse((mx - halo, my - halo, mx + halo, my + halo), fill=_mix(p.water, WHITE, 0.35))
    c.draw.ellipse(
        (mx - dot, my - dot, mx + dot, my + dot), fill=(30, 110, 230), outline=WHITE, width=c.px(3)
    )
    # Zoom buttons drawn as strokes so they need no font.
    zx, zy, zs = x1 - c.px(52), y0 + c.px(16), c.px(36)
    c.card((zx, zy, zx + zs, zy + zs * 2), radius=8)
    half, stroke = zs // 4, c.px(3)
    c.draw.line(
        (zx + zs / 2 - half, zy + zs / 2, zx + zs / 2 + half, zy + zs / 2),
        fill=p.text,
        width=stroke,
    )
    c.draw.line(
        (zx + zs / 2, zy + zs / 2 - half, zx + zs / 2, zy + zs / 2 + half),
        fill=p.text,
        width=stroke,
    )
    c.draw.line(
        (zx + zs / 2 - half, zy + zs * 1.5, zx + zs / 2 + half, zy + zs * 1.5),
        fill=p.text,
        width=stroke,
    )
    # Scale bar.
    sx, sy = x0 + c.px(16), y1 - c.px(18)
    c.draw.line((sx, sy, sx + c.px(80), sy), fill=p.text, width=c.px(2))
    for tick in (sx, sx + c.px(80)):
        c.draw.line((tick, sy - c.px(6), tick, sy), fill=p.text, width=c.px(2))
    c.text((sx + c.px(90), sy - c.px(3)), "200m", 12, p.text)
    return chosen


def _place_rows(c: _Canvas, box: Box, names: list[str], heading: str | None) -> None:
    """A list of places with a numbered badge, distance and a status chip."""
    x0, y0, x1, y1 = box
    p, rng = c.p, c.rng
    c.card(box)
    y = y0 + c.px(14)
    if heading:
        c.text(
            (x0 + c.px(18), y + c.px(14)),
            heading,
            17,
            p.text,
            bold=True,
            max_width=x1 - x0 - c.px(36),
        )
        y += c.px(40)
    row = c.px(74)
    statuses = ("운영 중", "무료", "24시간", "주차 가능", "휴일 운영", "가까움")
    for number, name in enumerate(names, start=1):
        if y + row > y1 - c.px(8):
            break
        r = c.px(15)
        cx, cy = x0 + c.px(34), y + row // 2
        c.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=p.accent if number == 1 else p.soft)
        if c.font_path is not None:
            c.text(
                (cx, cy), str(number), 14, WHITE if number == 1 else p.dark, bold=True, anchor="mm"
            )
        text_x = cx + c.px(28)
        room = x1 - text_x - c.px(96)
        c.text((text_x, cy - c.px(11)), name, 17, p.text, bold=True, max_width=room)
        c.text(
            (text_x, cy + c.px(14)), f"{_distance(rng)} · 도보 {rng.randint(2, 25)}분", 14, p.muted
        )
        status = rng.choice(statuses)
        chip_w = c.text_width(status, 13) + c.px(20)
        c.draw.rounded_rectangle(
            (x1 - c.px(16) - chip_w, cy - c.px(13), x1 - c.px(16), cy + c.px(13)),
            c.px(13),
            fill=p.soft,
        )
        c.text((x1 - c.px(16) - chip_w / 2, cy), status, 13, p.dark, anchor="mm")
        y += row
        c.draw.line((x0 + c.px(16), y, x1 - c.px(16), y), fill=p.line, width=1)


def _search_bar(c: _Canvas, box: Box, placeholder: str) -> None:
    x0, y0, x1, y1 = box
    h = y1 - y0
    c.draw.rounded_rectangle(box, h // 2, fill=c.p.surface, outline=c.p.line, width=c.px(1))
    c.icon("search", x0 + h // 2 + c.px(4), (y0 + y1) // 2, c.px(9), c.p.muted)
    c.text((x0 + h + c.px(4), (y0 + y1) / 2), placeholder, 16, c.p.muted, max_width=x1 - x0 - h * 3)
    bw = c.px(88)
    c.draw.rounded_rectangle(
        (x1 - bw - c.px(5), y0 + c.px(5), x1 - c.px(5), y1 - c.px(5)),
        (h - c.px(10)) // 2,
        fill=c.p.accent,
    )
    c.text((x1 - c.px(5) - bw / 2, (y0 + y1) / 2), "검색", 16, WHITE, bold=True, anchor="mm")


# -- kinds: each fills a content box and adapts to a wide (web) or narrow (phone) box ----


def _kind_map(c: _Canvas, box: Box, labels: Sequence[str] | None, narrow: bool) -> None:
    x0, y0, x1, y1 = box
    # As many places as the caller named (one pin each), else six sample ones.
    names = list(labels)[:8] if labels else list(DEFAULT_LABELS[:6])
    gap = c.px(16)
    if narrow:
        split = y0 + (y1 - y0) * 52 // 100
        _search_bar(c, (x0, y0, x1, y0 + c.px(52)), "장소나 주소로 찾기")
        _draw_map(c, (x0, y0 + c.px(64), x1, split), len(names), route=c.rng.random() < 0.5)
        _place_rows(c, (x0, split + gap, x1, y1), names, f"가까운 순 · {len(names)}곳")
        return
    side = x0 + (x1 - x0) * 34 // 100
    _search_bar(c, (x0, y0, side, y0 + c.px(50)), "동 이름이나 주소로 찾기")
    _place_rows(c, (x0, y0 + c.px(66), side, y1), names, f"가까운 순 · {len(names)}곳")
    _draw_map(c, (side + gap, y0, x1, y1), len(names), route=c.rng.random() < 0.5)
    # Legend over the map's corner.
    lx, ly = side + gap + c.px(14), y0 + c.px(14)
    c.card((lx, ly, lx + c.px(170), ly + c.px(70)), radius=8)
    for i, (color, label) in enumerate(((c.p.dark, "선택한 곳"), (c.p.accent, "검색 결과"))):
        yy = ly + c.px(22 + 26 * i)
        c.draw.ellipse((lx + c.px(14), yy - c.px(6), lx + c.px(26), yy + c.px(6)), fill=color)
        c.text((lx + c.px(36), yy), label, 14, c.p.text)


def _kind_list(c: _Canvas, box: Box, labels: Sequence[str] | None, narrow: bool) -> None:
    x0, y0, x1, y1 = box
    p, rng = c.p, c.rng
    x = x0
    for i, chip in enumerate(("전체", "가까운 순", "지금 운영 중", "즐겨찾기")):
        x += c.chip(x, y0, chip, active=i == 0) + c.px(8)
        if x > x1 - c.px(120):
            break
    top = y0 + c.px(50)
    cols = 1 if narrow else 3
    rows = 4 if narrow else 2
    gap = c.px(16)
    cw = (x1 - x0 - gap * (cols - 1)) // cols
    ch = (y1 - top - gap * (rows - 1)) // rows
    names = _labels(labels, cols * rows)
    for k, name in enumerate(names):
        col, row = k % cols, k // cols
        bx = x0 + col * (cw + gap)
        by = top + row * (ch + gap)
        c.card((bx, by, bx + cw, by + ch))
        caption, value = _split(name)
        if narrow:
            thumb = (
                bx + c.px(14),
                by + c.px(14),
                bx + c.px(14) + ch - c.px(28),
                by + ch - c.px(14),
            )
            tx = thumb[2] + c.px(16)
            ty = by + c.px(22)
        else:
            thumb = (bx + c.px(14), by + c.px(14), bx + cw - c.px(14), by + ch * 45 // 100)
            tx = bx + c.px(16)
            ty = thumb[3] + c.px(22)
        shade = _mix(p.accent, WHITE, rng.uniform(0.55, 0.8))
        c.draw.rounded_rectangle(thumb, c.px(8), fill=shade)
        tcx, tcy = (thumb[0] + thumb[2]) // 2, (thumb[1] + thumb[3]) // 2
        c.icon(
            rng.choice(("home", "star", "pin", "wifi")),
            tcx,
            tcy,
            min(thumb[2] - thumb[0], thumb[3] - thumb[1]) // 5,
            WHITE,
        )
        room = bx + cw - tx - c.px(14)
        c.text((tx, ty), caption, 18, p.text, bold=True, max_width=room)
        c.text(
            (tx, ty + c.px(28)),
            value or f"{_distance(rng)} · 평점 {rng.uniform(3.6, 4.9):.1f}",
            14,
            p.muted,
            max_width=room,
        )
        c.text(
            (tx, ty + c.px(52)),
            rng.choice(("평일 09:00~18:00", "매일 10:00~20:00", "주말 휴무", "연중무휴")),
            14,
            p.muted,
            max_width=room,
        )
        # Busy-ness bar, the kind of small extra a citizen app adds.
        bar_y = min(by + ch - c.px(20), ty + c.px(80))
        if bar_y > ty + c.px(62):
            fill = rng.uniform(0.15, 0.95)
            c.draw.rounded_rectangle((tx, bar_y, tx + room, bar_y + c.px(8)), c.px(4), fill=p.line)
            c.draw.rounded_rectangle(
                (tx, bar_y, tx + max(c.px(8), round(room * fill)), bar_y + c.px(8)),
                c.px(4),
                fill=p.accent,
            )


def _kind_chart(c: _Canvas, box: Box, labels: Sequence[str] | None, narrow: bool) -> None:
    x0, y0, x1, y1 = box
    p, rng = c.p, c.rng
    names = _labels(labels or ("이용 건수", "이번 달", "평균", "만족도"), 7)
    gap = c.px(16)
    cols = 2 if narrow else 4
    stat_h = c.px(104)
    sw = (x1 - x0 - gap * (cols - 1)) // cols
    stat_rows = 2 if narrow else 1
    for k in range(cols * stat_rows):
        caption, value = _split(names[k % 4])
        sx = x0 + (k % cols) * (sw + gap)
        sy = y0 + (k // cols) * (stat_h + gap)
        c.card((sx, sy, sx + sw, sy + stat_h))
        c.text((sx + c.px(16), sy + c.px(26)), caption, 15, p.muted, max_width=sw - c.px(32))
        c.text(
            (sx + c.px(16), sy + c.px(66)),
            value or f"{rng.randint(12, 980):,}",
            30,
            p.text,
            bold=True,
            max_width=sw - c.px(32),
        )
        trend = rng.choice((1, -1))
        c.text(
            (sx + sw - c.px(16), sy + c.px(70)),
            f"{'▲' if trend > 0 else '▼'} {rng.randint(1, 24)}%",
            13,
            p.ok if trend > 0 else p.bad,
            anchor="rm",
        )
    top = y0 + stat_rows * (stat_h + gap)
    if narrow:
        split = top + (y1 - top) * 60 // 100
        charts = [(x0, top, x1, split), (x0, split + gap, x1, y1)]
    else:
        mid = x0 + (x1 - x0) * 62 // 100
        charts = [(x0, top, mid, y1), (mid + gap, top, x1, y1)]
    # Bar chart with a line over it: hourly values, as most dashboards show.
    bx0, by0, bx1, by1 = charts[0]
    c.card(charts[0])
    # Dashboards show either a day by the hour or a year by the month.
    monthly = rng.random() < 0.5
    heading = "월별 추이" if monthly else "시간대별 변화"
    c.text((bx0 + c.px(18), by0 + c.px(24)), heading, 17, p.text, bold=True)
    plot = (bx0 + c.px(44), by0 + c.px(56), bx1 - c.px(20), by1 - c.px(36))
    for i in range(5):
        gy = plot[3] - (plot[3] - plot[1]) * i // 4
        c.draw.line((plot[0], gy, plot[2], gy), fill=p.line, width=1)
        c.text((plot[0] - c.px(8), gy), str(i * 25), 11, p.muted, anchor="rm")
    bars = 12
    slot = (plot[2] - plot[0]) / bars
    # A random walk looks like real hourly data; rescale so the tallest bar nearly fills the plot.
    walk = [rng.uniform(0.3, 0.6)]
    for _ in range(bars - 1):
        walk.append(min(1.0, max(0.08, walk[-1] + rng.uniform(-0.18, 0.18))))
    top_level = rng.uniform(0.75, 0.92) / max(walk)
    points = []
    for i, raw in enumerate(walk):
        level = raw * top_level
        bh = (plot[3] - plot[1]) * level
        left = plot[0] + slot * i + slot * 0.2
        c.draw.rounded_rectangle(
            (left, plot[3] - bh, left + slot * 0.6, plot[3]),
            c.px(3),
            fill=_mix(p.accent, WHITE, 0.35),
        )
        points.append(
            (
                left + slot * 0.3,
                plot[3] - (plot[3] - plot[1]) * min(0.97, level * rng.uniform(0.8, 1.1)),
            )
        )
        if i % (2 if narrow else 1) == 0:
            c.text(
                (left + slot * 0.3, plot[3] + c.px(16)),
                f"{i + 1}월" if monthly else f"{(6 + i) % 24}시",
                11,
                p.muted,
                anchor="mm",
            )
    c.draw.line(points, fill=p.dark, width=c.px(3), joint="curve")
    for pt in points:
        r = c.px(4)
        c.draw.ellipse(
            (pt[0] - r, pt[1] - r, pt[0] + r, pt[1] + r), fill=WHITE, outline=p.dark, width=c.px(2)
        )
    # Donut with a legend.
    dx0, dy0, dx1, dy1 = charts[1]
    c.card(charts[1])
    c.text((dx0 + c.px(18), dy0 + c.px(24)), "구성 비율", 17, p.text, bold=True)
    given = list(labels or ())[4:7]
    legend = [_split(n)[0] for n in given] if len(given) == 3 else ["유형 A", "유형 B", "유형 C"]
    shares = [rng.uniform(1, 3) for _ in legend]
    total = sum(shares)
    colors = [p.accent, _mix(p.accent, WHITE, 0.45), p.warn]
    size = min(dx1 - dx0, dy1 - dy0 - c.px(60)) * (45 if not narrow else 70) // 100
    cx = dx0 + c.px(28) + size // 2 if narrow else (dx0 + dx1) // 2
    cy = dy0 + c.px(52) + size // 2
    start = -90.0
    for share, color in zip(shares, colors, strict=False):
        end = start + 360 * share / total
        c.draw.pieslice(
            (cx - size // 2, cy - size // 2, cx + size // 2, cy + size // 2), start, end, fill=color
        )
        start = end
    hole = size * 30 // 100
    c.draw.ellipse((cx - hole, cy - hole, cx + hole, cy + hole), fill=p.surface)
    c.text((cx, cy), f"{round(100 * shares[0] / total)}%", 20, p.text, bold=True, anchor="mm")
    lx = cx + size // 2 + c.px(30) if narrow else dx0 + c.px(24)
    ly = dy0 + c.px(70) if narrow else cy + size // 2 + c.px(26)
    for i, (label, color) in enumerate(zip(legend, colors, strict=False)):
        yy = ly + i * c.px(28)
        if yy > dy1 - c.px(14):
            break
        c.draw.rounded_rectangle(
            (lx, yy - c.px(7), lx + c.px(14), yy + c.px(7)), c.px(3), fill=color
        )
        c.text(
            (lx + c.px(22), yy),
            f"{label}  {round(100 * shares[i] / total)}%",
            14,
            p.text,
            max_width=dx1 - lx - c.px(40),
        )


def _kind_form(c: _Canvas, box: Box, labels: Sequence[str] | None, narrow: bool) -> None:
    x0, y0, x1, y1 = box
    p, rng = c.p, c.rng
    names = _labels(
        labels
        or (
            "주소=가상시 행복구 예시로 12",
            "금액=1억 5,000만 원",
            "면적=59㎡",
            "주의",
            "항목 확인",
            "기록 없음",
            "최근 변동",
        ),
        7,
    )
    gap = c.px(16)
    if narrow:
        form_box = (x0, y0, x1, y0 + (y1 - y0) * 46 // 100)
        result_box = (x0, form_box[3] + gap, x1, y1)
    else:
        mid = x0 + (x1 - x0) * 44 // 100
        form_box = (x0, y0, mid, y1)
        result_box = (mid + gap, y0, x1, y1)
    fx0, fy0, fx1, fy1 = form_box
    c.card(form_box)
    c.text((fx0 + c.px(22), fy0 + c.px(30)), "조건 입력", 19, p.text, bold=True)
    y = fy0 + c.px(64)
    field_h = c.px(46)
    for label in names[:3]:
        caption, value = _split(label)
        c.text((fx0 + c.px(22), y + c.px(8)), caption, 14, p.muted)
        y += c.px(20)
        c.draw.rounded_rectangle(
            (fx0 + c.px(22), y, fx1 - c.px(22), y + field_h),
            c.px(8),
            fill=p.background,
            outline=p.line,
        )
        c.text(
            (fx0 + c.px(36), y + field_h / 2),
            value or "입력해 주세요",
            16,
            p.text,
            max_width=fx1 - fx0 - c.px(72),
        )
        y += field_h + c.px(14)
    button_y = min(y + c.px(6), fy1 - c.px(64))
    c.draw.rounded_rectangle(
        (fx0 + c.px(22), button_y, fx1 - c.px(22), button_y + c.px(50)), c.px(10), fill=p.accent
    )
    c.text(((fx0 + fx1) / 2, button_y + c.px(25)), "결과 보기", 17, WHITE, bold=True, anchor="mm")
    note_y = button_y + c.px(74)
    if note_y + c.px(70) < fy1:
        # Services that take personal input say what they keep; it also fills the card.
        c.draw.rounded_rectangle(
            (fx0 + c.px(22), note_y, fx1 - c.px(22), note_y + c.px(64)), c.px(8), fill=p.soft
        )
        c.icon("check", fx0 + c.px(44), note_y + c.px(32), c.px(9), p.dark)
        c.text(
            (fx0 + c.px(64), note_y + c.px(21)),
            "입력한 내용은 저장하지 않습니다",
            14,
            p.dark,
            max_width=fx1 - fx0 - c.px(100),
        )
        c.text(
            (fx0 + c.px(64), note_y + c.px(43)),
            "결과는 참고용이며 법률 자문이 아닙니다",
            13,
            p.muted,
            max_width=fx1 - fx0 - c.px(100),
        )

    rx0, ry0, rx1, ry1 = result_box
    c.card(result_box)
    c.text((rx0 + c.px(22), ry0 + c.px(30)), "점검 결과", 19, p.text, bold=True)
    # Semicircular gauge, green to red, with a needle at a seeded value.
    radius = min((rx1 - rx0) // 4, (ry1 - ry0) // 3)
    gx, gy = (rx0 + rx1) // 2, ry0 + c.px(70) + radius
    ring = c.px(22)
    arc_box = (gx - radius, gy - radius, gx + radius, gy + radius)
    for start, end, color in ((180, 240, p.ok), (240, 300, p.warn), (300, 360, p.bad)):
        c.draw.arc(arc_box, start, end, fill=color, width=ring)
    level = rng.uniform(0.35, 0.75)
    angle = math.pi + math.pi * level
    c.draw.line(
        (gx, gy, gx + (radius - ring) * math.cos(angle), gy + (radius - ring) * math.sin(angle)),
        fill=p.text,
        width=c.px(4),
    )
    c.draw.ellipse((gx - c.px(8), gy - c.px(8), gx + c.px(8), gy + c.px(8)), fill=p.text)
    verdict = _split(names[3])[0]
    c.text(
        (gx, gy + c.px(34)), verdict, 24, p.warn if level < 0.62 else p.bad, bold=True, anchor="mm"
    )
    y = gy + c.px(72)
    for k, label in enumerate(names[4:7]):
        if y > ry1 - c.px(30):
            break
        caption, value_text = _split(label)
        good = k != 1
        c.icon("check" if good else "alert", rx0 + c.px(38), y, c.px(10), p.ok if good else p.warn)
        c.text((rx0 + c.px(60), y), caption, 16, p.text, max_width=(rx1 - rx0) // 2)
        if value_text:
            c.text((rx1 - c.px(24), y), value_text, 15, p.muted, anchor="rm")
        c.draw.line((rx0 + c.px(22), y + c.px(22), rx1 - c.px(22), y + c.px(22)), fill=p.line)
        y += c.px(46)


def _kind_chat(c: _Canvas, box: Box, labels: Sequence[str] | None, narrow: bool) -> None:
    x0, y0, x1, y1 = box
    p = c.p
    messages = (
        list(labels)
        if labels
        else [
            "안녕하세요, 무엇을 찾아 드릴까요?",
            "가까운 곳 알려 줘",
            "지금 계신 곳에서 가장 가까운 곳 세 군데입니다.",
        ]
    )
    if not narrow:
        # On a wide screen the conversation sits in a centred column, as messengers do.
        pad = (x1 - x0) // 5
        x0, x1 = x0 + pad, x1 - pad
    c.card((x0, y0, x1, y1), fill=_mix(p.soft, WHITE, 0.4))
    input_h = c.px(58)
    y = y0 + c.px(18)
    max_bubble = (x1 - x0) * 70 // 100
    size = 16
    line_h = c.px(24)
    for k, message in enumerate(messages):
        bot = k % 2 == 0
        lines = c.wrap(message, size, max_bubble - c.px(32))
        bh = line_h * len(lines) + c.px(22)
        bw = max(c.text_width(line, size) for line in lines) + c.px(32)
        if y + bh > y1 - input_h - c.px(60):
            break
        if bot:
            av = c.px(36)
            c.draw.ellipse((x0 + c.px(14), y, x0 + c.px(14) + av, y + av), fill=p.accent)
            c.icon("chat", x0 + c.px(14) + av // 2, y + av // 2, av // 3, WHITE)
            bx = x0 + c.px(60)
            c.draw.rounded_rectangle(
                (bx, y, bx + bw, y + bh), c.px(16), fill=p.surface, outline=p.line
            )
            fill = p.text
        else:
            bx = x1 - c.px(16) - bw
            c.draw.rounded_rectangle((bx, y, bx + bw, y + bh), c.px(16), fill=p.accent)
            fill = WHITE
        for i, line in enumerate(lines):
            c.text((bx + c.px(16), y + c.px(11) + line_h * i + line_h / 2), line, size, fill)
        y += bh + c.px(12)
        if bot and k == 2 and y + c.px(150) < y1 - input_h - c.px(60):
            # The bot answers with a small map card, like messenger bots do.
            _draw_map(
                c,
                (x0 + c.px(60), y, x0 + c.px(60) + max_bubble, y + c.px(140)),
                3,
                route=True,
                radius=14,
            )
            y += c.px(152)
    # Quick replies and the input bar.
    qx, qy = x0 + c.px(16), y1 - input_h - c.px(48)
    for reply in ("내 위치 보내기", "다시 찾기", "도움말"):
        width = c.chip(qx, qy, reply, size=13)
        qx += width + c.px(8)
    c.draw.rounded_rectangle(
        (x0 + c.px(12), y1 - input_h, x1 - c.px(12), y1 - c.px(10)),
        c.px(22),
        fill=p.surface,
        outline=p.line,
    )
    c.text((x0 + c.px(30), y1 - input_h / 2 - c.px(5)), "메시지를 입력하세요", 15, p.muted)
    sx, sy, sr = x1 - c.px(38), y1 - input_h // 2 - c.px(5), c.px(16)
    c.draw.ellipse((sx - sr, sy - sr, sx + sr, sy + sr), fill=p.accent)
    c.draw.polygon(
        [(sx - sr * 0.4, sy - sr * 0.5), (sx + sr * 0.55, sy), (sx - sr * 0.4, sy + sr * 0.5)],
        fill=WHITE,
    )


def _kind_calendar(c: _Canvas, box: Box, labels: Sequence[str] | None, narrow: bool) -> None:
    x0, y0, x1, y1 = box
    p, rng = c.p, c.rng
    names = _labels(labels, 5)
    gap = c.px(16)
    if narrow:
        cal = (x0, y0, x1, y0 + (y1 - y0) * 60 // 100)
        side: Box = (x0, cal[3] + gap, x1, y1)
    else:
        cal = (x0, y0, x0 + (x1 - x0) * 66 // 100, y1)
        side = (cal[2] + gap, y0, x1, y1)
    cx0, cy0, cx1, cy1 = cal
    c.card(cal)
    c.text((cx0 + c.px(22), cy0 + c.px(30)), "이번 달 일정", 19, p.text, bold=True)
    first = rng.randint(0, 6)
    days = rng.choice((30, 31))
    period = rng.choice((5, 7))
    offset = rng.randint(1, period)
    top = cy0 + c.px(62)
    cw = (cx1 - cx0 - c.px(24)) / 7
    rows = math.ceil((first + days) / 7)
    rh = (cy1 - top - c.px(44)) / rows
    for i, name in enumerate("일월화수목금토"):
        color = p.bad if i == 0 else (p.accent if i == 6 else p.muted)
        c.text((cx0 + c.px(12) + cw * (i + 0.5), top + c.px(12)), name, 14, color, anchor="mm")
    today = rng.randint(1, days)
    marked: dict[int, str] = {}
    for day in range(1, days + 1):
        slot = first + day - 1
        gx = cx0 + c.px(12) + cw * (slot % 7)
        gy = top + c.px(32) + rh * (slot // 7)
        cell = (gx + c.px(3), gy + c.px(3), gx + cw - c.px(3), gy + rh - c.px(3))
        if day == today:
            c.draw.rounded_rectangle(cell, c.px(8), outline=p.accent, width=c.px(2))
        event = (day - offset) % period == 0
        if event:
            marked[day] = names[len(marked) % len(names)]
            c.draw.rounded_rectangle(cell, c.px(8), fill=p.soft)
        color = p.bad if slot % 7 == 0 else p.text
        c.text((cell[0] + c.px(10), cell[1] + c.px(14)), str(day), 14, color, bold=day == today)
        if event and rh > c.px(48):
            label = marked[day]
            c.draw.rounded_rectangle(
                (cell[0] + c.px(6), cell[3] - c.px(24), cell[2] - c.px(6), cell[3] - c.px(6)),
                c.px(5),
                fill=p.accent,
            )
            c.text(
                (cell[0] + c.px(12), cell[3] - c.px(15)),
                label,
                11,
                WHITE,
                max_width=int(cell[2] - cell[0]) - c.px(20),
            )
    # Upcoming list beside (or under) the calendar.
    sx0, sy0, sx1, sy1 = side
    c.card(side)
    c.text((sx0 + c.px(20), sy0 + c.px(30)), "다가오는 일정", 19, p.text, bold=True)
    y = sy0 + c.px(66)
    for day, name in ((d, n) for d, n in marked.items() if d >= today):
        if y > sy1 - c.px(50):
            break
        c.draw.rounded_rectangle(
            (sx0 + c.px(20), y, sx0 + c.px(72), y + c.px(52)), c.px(8), fill=p.soft
        )
        c.text((sx0 + c.px(46), y + c.px(26)), f"{day}일", 15, p.dark, bold=True, anchor="mm")
        c.text(
            (sx0 + c.px(86), y + c.px(15)),
            name,
            16,
            p.text,
            bold=True,
            max_width=sx1 - sx0 - c.px(106),
        )
        c.text(
            (sx0 + c.px(86), y + c.px(39)),
            rng.choice(("오전 9시부터", "오후 2시", "종일", "오전 10시~오후 6시")),
            13,
            p.muted,
        )
        y += c.px(68)


_KIND_DRAWERS = {
    "map": _kind_map,
    "list": _kind_list,
    "chart": _kind_chart,
    "form": _kind_form,
    "chat": _kind_chat,
    "calendar": _kind_calendar,
}


# -- frames -----------------------------------------------------------------------------------


def _web_frame(c: _Canvas, title: str, subtitle: str) -> Box:
    """Browser-page chrome: header bar, page heading, footer. Returns the content box."""
    w, h = c.image.size
    p = c.p
    header = c.px(64)
    c.draw.rectangle((0, 0, w, header), fill=p.accent)
    logo = c.px(36)
    lx, ly = c.px(24), (header - logo) // 2
    c.draw.rounded_rectangle((lx, ly, lx + logo, ly + logo), c.px(9), fill=WHITE)
    c.icon("pin", lx + logo // 2, ly + logo // 2, c.px(12), p.accent)
    nav = ("소개", "이용 방법", "도움말")
    right = w - c.px(24)
    login_w = c.px(84)
    c.draw.rounded_rectangle(
        (right - login_w, c.px(16), right, header - c.px(16)),
        c.px(16),
        outline=WHITE,
        width=c.px(2),
    )
    c.text((right - login_w / 2, header / 2), "로그인", 15, WHITE, bold=True, anchor="mm")
    x = right - login_w - c.px(28)
    for item in reversed(nav):
        x -= c.text_width(item, 15)
        c.text((x, header / 2), item, 15, _mix(WHITE, p.accent, 0.15))
        x -= c.px(28)
    c.text(
        (lx + logo + c.px(14), header / 2),
        title,
        24,
        WHITE,
        bold=True,
        max_width=x - lx - logo - c.px(40),
    )
    # Page heading band.
    band = header + c.px(58)
    c.draw.rectangle((0, header, w, band), fill=p.surface)
    c.draw.line((0, band, w, band), fill=p.line)
    c.text((c.px(28), (header + band) / 2), subtitle, 18, p.text, bold=True, max_width=w - c.px(56))
    # Footer, marking the picture as a mock-up of a fictional service.
    footer = h - c.px(30)
    c.draw.rectangle((0, footer, w, h), fill=_mix(p.background, p.accent, 0.06))
    c.text(
        (w / 2, (footer + h) / 2),
        "예시 화면 · 실제로 운영되지 않는 가상 서비스입니다",
        12,
        p.muted,
        anchor="mm",
    )
    return (c.px(24), band + c.px(20), w - c.px(24), footer - c.px(16))


def _phone_frame(c: _Canvas, title: str, subtitle: str) -> Box:
    """Phone-app chrome: status bar, app bar, bottom navigation. Returns the content box."""
    w, h = c.image.size
    p = c.p
    status = c.px(40)
    c.draw.rectangle((0, 0, w, status), fill=p.dark)
    c.text((c.px(24), status / 2), "9:41", 15, WHITE, bold=True)
    c.text((w / 2, status / 2), "예시 화면", 13, _mix(WHITE, p.dark, 0.3), anchor="mm")
    # Signal bars and battery drawn as shapes.
    bx = w - c.px(90)
    for i in range(4):
        bar_h = c.px(5 + 3 * i)
        c.draw.rectangle(
            (
                bx + i * c.px(7),
                status // 2 + c.px(8) - bar_h,
                bx + i * c.px(7) + c.px(4),
                status // 2 + c.px(8),
            ),
            fill=WHITE,
        )
    c.draw.rounded_rectangle(
        (w - c.px(52), status // 2 - c.px(8), w - c.px(20), status // 2 + c.px(8)),
        c.px(3),
        outline=WHITE,
        width=c.px(2),
    )
    c.draw.rectangle(
        (w - c.px(48), status // 2 - c.px(4), w - c.px(30), status // 2 + c.px(4)), fill=WHITE
    )
    bar = status + c.px(84)
    c.draw.rectangle((0, status, w, bar), fill=p.accent)
    c.text((c.px(24), status + c.px(30)), title, 26, WHITE, bold=True, max_width=w - c.px(48))
    c.text(
        (c.px(24), status + c.px(62)),
        subtitle,
        15,
        _mix(WHITE, p.accent, 0.2),
        max_width=w - c.px(48),
    )
    nav_h = c.px(96)
    top = h - nav_h
    c.draw.rectangle((0, top, w, h), fill=p.surface)
    c.draw.line((0, top, w, top), fill=p.line, width=c.px(1))
    items = (("home", "홈"), ("pin", "지도"), ("star", "즐겨찾기"), ("gear", "설정"))
    slot = w / len(items)
    for i, (icon, label) in enumerate(items):
        color = p.accent if i == 0 else p.muted
        cx = round(slot * (i + 0.5))
        c.icon(icon, cx, top + c.px(34), c.px(12), color)
        c.text((cx, top + c.px(68)), label, 13, color, anchor="mm")
    return (c.px(20), bar + c.px(20), w - c.px(20), top - c.px(20))


def draw_screen(
    title: str,
    subtitle: str,
    kind: str,
    seed: int,
    size: tuple[int, int] = (1280, 800),
    font_path: str | None = None,
    *,
    palette: str | None = None,
    labels: Sequence[str] | None = None,
) -> Image.Image:
    """Draw one mock screen of a service and return it as an RGB image.

    kind is one of KINDS. A size taller than wide gives a phone app, otherwise a web page.
    font_path must cover Hangul to show text; None draws skeleton bars instead of text.
    palette names a PALETTES entry (default: chosen by seed). labels feed the list items,
    chart captions, form fields or chat messages; "caption=value" gives a value too.
    """
    if kind not in _KIND_DRAWERS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    width, height = size
    if width < 240 or height < 240:
        raise ValueError(f"size {size} is too small for a screen (min 240x240)")
    names = sorted(PALETTES)
    chosen = PALETTES[palette] if palette is not None else PALETTES[names[seed % len(names)]]
    narrow = height > width * 1.1
    # Scale every measurement from the 1280x800 web / 720x1280 phone designs.
    scale = width / 720 if narrow else min(width / 1280, height / 800)
    image = Image.new("RGB", size, chosen.background)
    canvas = _Canvas(image, chosen, random.Random(seed), scale, font_path)
    frame = _phone_frame if narrow else _web_frame
    content = frame(canvas, title, subtitle)
    _KIND_DRAWERS[kind](canvas, content, labels, narrow)
    return image


def save_png(image: Image.Image, path: str | Path, colors: int = 128) -> int:
    """Save as a palette PNG (flat UI colours survive quantising); return the byte size.

    No dithering: it would add noise that makes the file larger and the UI look grainy.
    """
    quantized = image.quantize(
        colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    target = Path(path)
    quantized.save(target, format="PNG", optimize=True)
    return target.stat().st_size
