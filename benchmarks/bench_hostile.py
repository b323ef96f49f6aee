"""The worst inputs known, side by side with a normal entry: `contest validate` and
`contest build --only`.

    python benchmarks/bench_hostile.py [--work /tmp/bench-hostile] [--runs 3]

Targets (issue #10): validate of any manifest within the size limits under 2 s,
`build --only` of any valid entry under 5 s. Each case is a one-entry contest made
by make_contest.py whose entry is then replaced; every figure is the best wall
time of `--runs` runs of the real CLI, printed beside the normal entry's (the
machine is shared: read the ratios, and the calibration line).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.calibrate import calibration_us  # noqa: E402
from benchmarks.make_contest import make_contest  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(REPO)}
SLUG = "service-00001"


def _manifest(root: Path) -> Path:
    return root / "entries" / SLUG / "entry.yml"


def _edit(change: Callable[[dict[str, object]], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        data = yaml.safe_load(_manifest(root).read_text(encoding="utf-8"))
        change(data)
        _manifest(root).write_text(yaml.safe_dump(data, allow_unicode=True, width=10**6),
                                   encoding="utf-8")
    return apply


def _raw(text: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        _manifest(root).write_text(text(_manifest(root).read_text(encoding="utf-8")),
                                   encoding="utf-8")
    return apply


def _big_screenshots(root: Path) -> None:
    """Eight screenshots of 3,840 x 2,160 (a 4K screen, the limit), each under 5 MB."""
    folder = root / "entries" / SLUG
    names = []
    for index in range(8):
        image = Image.new("RGB", (3840, 2160), (236, 239, 244))
        draw = ImageDraw.Draw(image)
        for band in range(0, 2160, 25):
            draw.rectangle((0, band, 3840, band + 12), fill=(40 + index * 20, band % 255, 120))
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        name = f"big-{index}.png"
        (folder / name).write_bytes(buffer.getvalue())
        names.append(name)
    for old in folder.glob("screenshot-*.png"):
        old.unlink()
    _edit(lambda data: data.__setitem__("screenshots", names))(root)


def _tag_objects(root: Path, count: int) -> None:
    _edit(lambda data: data.pop("tags", None))(root)
    objects = ", ".join(f"{{a: {i}}}" for i in range(count))
    _raw(lambda text: f"{text}tags: [{objects}]\n")(root)


def _description(text: str) -> Callable[[Path], None]:
    return _edit(lambda data: data.__setitem__("description", text))


VALIDATE_CASES: dict[str, Callable[[Path], None]] = {
    "normal entry": lambda root: None,
    "9,990 '[' in the description (refused)": _description("설명 " + "[" * 9_990),
    "4,990 nested '[' (refused)": _description("설명 " + "[" * 4_990 + "]" * 4_990),
    "20,000 tag objects (refused)": lambda root: _tag_objects(root, 20_000),
    "1,000 unknown keys (refused)": _raw(
        lambda text: text + "".join(f"unknown_{i}: x\n" for i in range(1_000))
    ),
    "250 KB of comment with e-mail addresses (refused)": _raw(
        lambda text: text + "# " + "a@b.co " * 35_000 + "\n"
    ),
    "60,000 spaces inside the title line": _raw(
        lambda text: text.replace("title: ", "title: 공간" + " " * 60_000 + "끝 ", 1)
    ),
    "description at the bracket limits (valid)": _description(
        "[" * 7 + "[a](https://example.org/)" * 380 + "(" * 31 + "<" * 32
    ),
}

BUILD_CASES: dict[str, Callable[[Path], None]] = {
    "normal entry": lambda root: None,
    "description at the bracket limits": VALIDATE_CASES[
        "description at the bracket limits (valid)"
    ],
    "8 screenshots of 3840x2160 (the limit)": _big_screenshots,
}


def _contest(work: Path, name: str, change: Callable[[Path], None]) -> Path:
    root = work / name.replace(" ", "-").replace("'", "").replace(",", "")[:40]
    if root.exists():
        shutil.rmtree(root)
    make_contest(root, 1, 0, 2015)
    change(root)
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
                     "commit", "-qm", "contest"]):
        subprocess.run(["git", *command], cwd=root, check=True)
    return root


def _best(command: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    best, code = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
        code = done.returncode
    return best, code




def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-hostile"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    cli = [sys.executable, "-m", "site_builder"]
    print(f"calibration: sum(range(1000)) takes {calibration_us():.1f} microseconds")
    print("contest validate (target < 2 s):")
    normal = None
    for name, change in VALIDATE_CASES.items():
        root = _contest(args.work, "v-" + name, change)
        seconds, code = _best([*cli, "validate"], root, args.runs)
        normal = normal or seconds
        print(f"  {name:<50} {seconds:6.2f} s  x{seconds / normal:5.2f}  exit {code}")
    print("contest build --only (target < 5 s):")
    normal = None
    for name, change in BUILD_CASES.items():
        root = _contest(args.work, "b-" + name, change)
        # The image cache would make every run after the first a cache hit.
        shutil.rmtree(root / ".cache", ignore_errors=True)
        out = args.work / "site"
        seconds, code = _best([*cli, "build", "--only", SLUG, "--out", str(out)], root, 1)
        normal = normal or seconds
        print(f"  {name:<50} {seconds:6.2f} s  x{seconds / normal:5.2f}  exit {code}")


if __name__ == "__main__":
    main()
