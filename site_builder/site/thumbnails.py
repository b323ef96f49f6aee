"""Screenshots resized for the web, cached by content hash.

Screenshots are up to 8000 px a side, 16 megapixels and 5 MB each; the gallery needs small cards
and the entry page a bounded width. Each output is WebP, named by the
SHA-256 of the source bytes and the variant, under .cache/ (gitignored), so
a rebuild re-encodes only what changed. A screenshot that is missing,
outside its folder or not a decodable image becomes the placeholder with a
warning: one bad file must not take the whole showcase down.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from site_builder.submissions import images
from site_builder.submissions.entries import ENTRIES_DIR, Entry

CACHE_DIR = Path(".cache") / "showcase-images"
PLACEHOLDER = "assets/images/placeholder.png"
PLACEHOLDER_SIZE = (640, 400)
THUMB = (480, 300)
PAGE_MAX = (1000, 1000)
_VERSION = "2"  # bump when the encoding below changes, to invalidate the cache

log = logging.getLogger("mkdocs.plugins.contest")


@dataclass(frozen=True)
class Picture:
    """One image of the site: where it is published and its size for width/height."""

    site_path: str
    width: int
    height: int
    source: Path | None  # the cached file to publish; None for the placeholder (in docs/)


@dataclass(frozen=True)
class EntryPictures:
    thumb: Picture
    shots: tuple[Picture, ...]


def placeholder() -> Picture:
    return Picture(PLACEHOLDER, *PLACEHOLDER_SIZE, None)


class ImageCache:
    """The cache folder, listed once: globbing it per image would make a build quadratic."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.known: dict[str, Path] = {}
        if folder.is_dir():
            for path in folder.iterdir():
                name = path.name
                if name.endswith(".webp"):
                    key, _, _size = name[: -len(".webp")].rpartition("-")
                    self.known[key] = path

    def get(self, key: str) -> Path | None:
        return self.known.get(key)

    def put(self, key: str, width: int, height: int, data: bytes) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{key}-{width}x{height}.webp"
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(target)  # atomic: a concurrent build never reads half a file
        self.known[key] = target
        return target


def entry_pictures(entry_folder: Path, entry: Entry, cache: ImageCache) -> EntryPictures:
    folder = entry_folder
    shots: list[Picture] = []
    thumb: Picture | None = None
    for index, relative in enumerate(entry.screenshots, start=1):
        raw = _read(folder, relative, entry.slug)
        if raw is None:
            shots.append(placeholder())
            continue
        digest = hashlib.sha256(raw).hexdigest()
        source = _Source(raw)
        shot = _variant(
            source,
            digest,
            "page",
            cache,
            f"{ENTRIES_DIR}/{entry.slug}/shot-{index}.webp",
            entry.slug,
            relative,
        )
        shots.append(shot)
        if thumb is None and shot.source is not None:
            thumb = _variant(
                source,
                digest,
                "thumb",
                cache,
                f"{ENTRIES_DIR}/{entry.slug}/thumb.webp",
                entry.slug,
                relative,
            )
    return EntryPictures(thumb or placeholder(), tuple(shots))


def _read(folder: Path, relative: str, slug: str) -> bytes | None:
    path, problem = images.safe_path(folder, relative)
    if path is None:
        log.warning(
            "contest: %s/%s: screenshot %s (%s); showing a placeholder",
            ENTRIES_DIR,
            slug,
            relative,
            problem.code if problem else "?",
        )
        return None
    if path.stat().st_size > images.MAX_BYTES:
        log.warning(
            "contest: %s/%s: screenshot %s is too large; showing a placeholder",
            ENTRIES_DIR,
            slug,
            relative,
        )
        return None
    return path.read_bytes()


class _Source:
    """One screenshot, decoded at most once and only on a cache miss: both variants
    come from the page-sized copy (at most `PAGE_MAX`), never from the full image
    twice (an 8000x5000 screenshot cost 534 MB and 4.5 s that way)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self._page: Image.Image | None = None

    def page(self) -> Image.Image:
        if self._page is None:
            self._page = _page_image(self.raw)
        return self._page


def _variant(
    source: _Source, digest: str, kind: str, cache: ImageCache, site_path: str, slug: str,
    relative: str,
) -> Picture:
    # The size is part of the cached name so a hit needs no decoding at all.
    key = f"{digest}-{kind}-v{_VERSION}"
    hit = cache.get(key)
    if hit is not None:
        width, height = (int(v) for v in hit.stem.rsplit("-", 1)[1].split("x"))
        return Picture(site_path, width, height, hit)
    try:
        page = source.page()
        out = ImageOps.fit(page, THUMB, centering=(0.5, 0.0)) if kind == "thumb" else page
        buffer = io.BytesIO()
        out.save(buffer, "WEBP", quality=80, method=4)
    except (
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        log.warning(
            "contest: %s/%s: screenshot %s cannot be read (%s); showing a placeholder",
            ENTRIES_DIR,
            slug,
            relative,
            type(exc).__name__,
        )
        return placeholder()
    target = cache.put(key, out.width, out.height, buffer.getvalue())
    return Picture(site_path, out.width, out.height, target)


def _page_image(raw: bytes) -> Image.Image:
    """The screenshot at most `PAGE_MAX`, upright, in RGB(A): reduced before anything
    else is done to it, so no full-size copy is ever made."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image: Image.Image = Image.open(io.BytesIO(raw), formats=list(images.FORMATS))
        width, height = image.size
        if width * height > images.MAX_PIXELS:
            raise ValueError("too many pixels")
        # JPEG decodes straight at a fraction of its size (1/2 to 1/8), still at
        # least the page size; other formats ignore this.
        image.draft("RGB", PAGE_MAX)
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert(mode)  # palette images would be resized pixel by pixel
        # In place: a fast box reduction first, then LANCZOS over a few times the
        # target size only.
        image.thumbnail(PAGE_MAX, Image.Resampling.LANCZOS, reducing_gap=2.0)
    return ImageOps.exif_transpose(image).convert(mode)
