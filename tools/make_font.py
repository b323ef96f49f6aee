"""Make the showcase's Korean web font: a WOFF2 subset of NanumGothic, renamed.

    python tools/make_font.py /usr/share/fonts/truetype/nanum  # needs fonttools, brotli

Without a Korean font installed, every Hangul character is drawn as a box, so
the site ships its own (docs/assets/fonts/). The source is Debian's
`fonts-nanum` (SIL Open Font License 1.1; `apt-get install fonts-nanum`, or
`apt-get download` and `dpkg-deb -x`). The subset keeps:

* the 2,350 Hangul syllables of KS X 1001, which cover everyday Korean
  writing, so entries added later still render;
* every other Hangul syllable that the repository's own text uses (contest.yml,
  entries, docs, the showcase's strings);
* Basic Latin, Latin-1 and the punctuation Korean text uses (·, ~, ‑, …).

The OFL reserves the name "Nanum": a modified (subset) font must not carry
it, so the family is renamed "Contest Sans KR". The licence goes next to it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "assets" / "fonts"
FAMILY = "Contest Sans KR"
WEIGHTS = {"NanumGothic.ttf": ("Regular", 400), "NanumGothicBold.ttf": ("Bold", 700)}
TEXT_GLOBS = ("contest.yml", "entries/*/entry.yml", "docs/**/*.md", "site_builder/site/**/*.py")
EXTRA = "·‐‑‒–—―‘’“”…※→←↑↓○●■□▲△※「」『』〈〉《》【】〜～㎞㎡℃"


def ks_x_1001_hangul() -> set[str]:
    """The 2,350 syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8)."""
    found = set()
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            found.add(bytes([lead, trail]).decode("euc_kr", errors="ignore"))
    return {c for c in found if "\uac00" <= c <= "\ud7a3"}


def used_hangul() -> set[str]:
    found: set[str] = set()
    for pattern in TEXT_GLOBS:
        for path in REPO.glob(pattern):
            found.update(c for c in path.read_text("utf-8") if "\uac00" <= c <= "\ud7a3")
    return found


def characters() -> str:
    latin = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    return "".join(sorted(ks_x_1001_hangul() | used_hangul() | latin | set(EXTRA)))


def make(source: Path, style: str, weight: int, text: str) -> Path:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep copyright, licence, version
    options.hinting = False  # screens today do without; halves the size
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(FAMILY if record.nameID != 4 else f"{FAMILY} {style}", record.nameID,
                          record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(f"ContestSansKR-{style}", 6, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID == 3:
            names.setName(f"{FAMILY} {style}; subset of NanumGothic", 3, record.platformID,
                          record.platEncID, record.langID)
    target = OUT / f"contest-sans-kr-{weight}.woff2"
    font.flavor = "woff2"
    font.save(target)
    return target


def ofl_text(copyright_file: str) -> str:
    """The font's OFL section of Debian's copyright file, as plain text."""
    lines: list[str] = []
    inside = False
    for line in copyright_file.splitlines():
        if line.startswith("License: OFL-1.1"):
            inside = True
            continue
        if inside and line.startswith(("License:", "Files:")):
            break
        if inside:
            lines.append("" if line == " ." else line.removeprefix(" "))
    return "\n".join(lines).strip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nanum", type=Path, help="the folder holding NanumGothic*.ttf")
    parser.add_argument("--licence", type=Path,
                        default=Path("/usr/share/doc/fonts-nanum/copyright"))
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    text = characters()
    for name, (style, weight) in WEIGHTS.items():
        made = make(args.nanum / name, style, weight, text)
        print(f"{made.relative_to(REPO)}: {made.stat().st_size / 1024:.0f} KB")
    (OUT / "OFL.txt").write_text(ofl_text(args.licence.read_text("utf-8")), "utf-8")
    print(f"{len(text)} characters")


if __name__ == "__main__":
    main()
