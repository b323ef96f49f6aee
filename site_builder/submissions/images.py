"""Screenshots: files inside the entry folder that are really the images they claim.

A screenshot path is entrant input: it may try `../../contest.yml`, an
absolute path, or a symlink to a file elsewhere; the file may be a script
named .png, or a decompression bomb (a few kilobytes that decode to
gigabytes). Pillow reads only the header to learn the format and size, which
are checked before anything is decoded; `verify()` then checks the file's
integrity (CRCs for PNG) without decoding pixels.
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MIN_SIDE = 200
MAX_SIDE = 8000
MAX_PIXELS = 3840 * 2160
# Pixels, read from the header before anything is decoded: a whole 4K screen. Each
# screenshot is decoded to be published, eight per entry, and `contest build --only`
# of one entry must stay within seconds (benchmarks/bench_hostile.py); 40 megapixels
# (8000x5000, 155 KB as a PNG) cost 534 MB and 4.5 s.
FORMATS = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg"), "WEBP": (".webp",)}


@dataclass(frozen=True)
class ImageProblem:
    code: str
    params: dict[str, Any]


def safe_path(folder: Path, relative: str) -> tuple[Path | None, ImageProblem | None]:
    """Resolve `relative` inside `folder`, refusing escapes and links on the way."""
    params: dict[str, Any] = {"path": relative}
    if "\\" in relative or relative.startswith("/") or (len(relative) > 1 and relative[1] == ":"):
        return None, ImageProblem("screenshot.outside", params)
    parts = PurePosixPath(relative).parts
    if any(part in ("..", ".") for part in parts) or not parts:
        return None, ImageProblem("screenshot.outside", params)
    current = folder
    for part in parts:
        current = current / part
        try:
            mode = current.lstat().st_mode
        except FileNotFoundError:
            return None, ImageProblem("screenshot.missing", params)
        except (OSError, ValueError):
            # ValueError: a NUL in the name, which no file system path can hold
            # (`entry_checks` names the character; this keeps every caller safe).
            return None, ImageProblem("screenshot.not-image", params)
        if stat.S_ISLNK(mode):
            return None, ImageProblem("screenshot.symlink", params)
    if not stat.S_ISREG(mode):
        return None, ImageProblem("screenshot.not-image", params)
    return current, None


def check_image(path: Path, relative: str) -> ImageProblem | None:
    return examine(path, relative).problem


@dataclass(frozen=True)
class Examined:
    """What one look at an image file gives: its problem, if any, and the text chunks
    and other metadata Pillow read from its header (empty when it did not open)."""

    problem: ImageProblem | None
    info: Mapping[str, Any]


def examine(path: Path, relative: str) -> Examined:
    """Check the image at `path` and keep its header's metadata, so that a caller that
    needs both (the placeholder check) opens the file once."""
    params: dict[str, Any] = {"path": relative}
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Examined(
            ImageProblem("screenshot.too-large", {**params, "size": size, "limit": MAX_BYTES}),
            {})
    info: dict[str, Any] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=list(FORMATS)) as image:
                width, height = image.size
                found = image.format or ""
                info = {k: v for k, v in image.info.items() if isinstance(k, str)}
                if width * height > MAX_PIXELS:
                    return Examined(
                        ImageProblem("screenshot.bomb", {**params, **_pixel_limits()}), info)
                if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
                    return Examined(ImageProblem(
                        "screenshot.dimensions",
                        {**params, "width": width, "height": height,
                         "min_side": MIN_SIDE, "max_side": MAX_SIDE},
                    ), info)
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Examined(ImageProblem("screenshot.bomb", {**params, **_pixel_limits()}), {})
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        # Pillow signals a corrupt file with any of these, depending on the codec.
        return Examined(ImageProblem("screenshot.not-image", params), {})
    suffix = PurePosixPath(relative).suffix.lower()
    if suffix not in FORMATS.get(found, ()):
        return Examined(
            ImageProblem("screenshot.format-mismatch", {**params, "actual": found}), info)
    return Examined(None, info)


def _pixel_limits() -> dict[str, int]:
    return {"max_side": MAX_SIDE, "max_pixels": MAX_PIXELS}


def listed_files(folder: Path, prefix: str = "") -> Iterator[str]:
    """Every file under `folder`, relative and with forward slashes (links included)."""
    with os.scandir(folder) as found:
        children = sorted(found, key=lambda e: e.name)
    for child in children:
        if child.is_dir(follow_symlinks=False):
            yield from listed_files(Path(child.path), f"{prefix}{child.name}/")
        else:
            yield f"{prefix}{child.name}"
