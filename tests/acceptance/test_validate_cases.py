"""Acceptance cases of `contest validate`: one folder per input, bad or good.

tests/cases/negative/<case>/            an entry that must be refused
tests/cases/negative-contest/<case>/    a contest.yml that must be refused
tests/cases/positive/<case>/            an entry that must pass
tests/cases/positive-contest/<case>/    a contest.yml that must pass

Each case runs the real CLI (`contest validate --format json`, in this process:
`contestkit.invoke_contest`) in a fresh contest under tmp_path; the hostile inputs
run it as a child process (`python -m site_builder`), which gets 1 GiB of address
space and 20 seconds. A negative case lists in expected.yml every
error the run must report, each with its exact file and line; an error that is
not listed fails the case too, so a check that starts reporting noise (or the
same mistake twice) is noticed. case.yml, when present, says what else to make
at test time (images, symbolic links, FIFOs, big or binary files); see
tests/cases/README.md.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from contestkit import (
    REPO,
    ContestTree,
    assert_no_traceback,
    entry_text,
    image_format,
    invoke_contest,
    make_image,
    new_contest,
    run_contest,
)

CASES = REPO / "tests" / "cases"
DEFAULT_SLUG = "case-entry"
HOSTILE_TIMEOUT = 20


def _case_dirs(kind: str) -> list[Path]:
    folder = CASES / kind
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


NEGATIVE = _case_dirs("negative")
NEGATIVE_CONTEST = _case_dirs("negative-contest")
POSITIVE = _case_dirs("positive")
POSITIVE_CONTEST = _case_dirs("positive-contest")

# Inputs made to exhaust the validator: each must be refused cleanly while the
# process has 1 GiB of address space and 20 seconds.
HOSTILE = (
    "negative/yaml-alias-bomb",
    "negative/yaml-deep-nesting-1000",
    "negative/file-10mb",
    "negative/file-binary-nul",
    "negative/file-random-binary",
    "negative/entry-yml-symlink-passwd",
    "negative/entry-yml-fifo",
    "negative/screenshot-decompression-bomb",
    "negative-contest/alias-bomb",
)


# --- building a case ---------------------------------------------------------


def _load_yaml(path: Path) -> Any:
    # Test data written by us, not entrant input: plain PyYAML reads it.
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None


def write_palette_png(path: Path, width: int, height: int) -> Path:
    """A 1-bit palette PNG of width x height, written row by row: a 30000x30000
    image is about 110 kB on disk and never exists in memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte 0, then all pixels black
    compressor = zlib.compressobj(9)
    rows_per_block = 256
    block = row * rows_per_block
    parts = []
    for start in range(0, height, rows_per_block):
        count = min(rows_per_block, height - start)
        parts.append(compressor.compress(block if count == rows_per_block else row * count))
    parts.append(compressor.flush())
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 3, 0, 0, 0))
        + chunk(b"PLTE", bytes([0, 0, 0, 255, 255, 255]))
        + chunk(b"IDAT", b"".join(parts))
        + chunk(b"IEND", b"")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return path


def _make_file(tree: ContestTree, spec: dict[str, Any]) -> None:
    path = tree.root / spec["path"]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_file():
        path.unlink()
    if spec.get("remove"):
        return
    if "text" in spec:
        path.write_bytes(spec["text"].encode(spec.get("encoding", "utf-8")))
    elif "hex" in spec:
        path.write_bytes(bytes.fromhex(spec["hex"]))
    elif "random_bytes" in spec:
        # Deterministic noise: the same "random" file on every run.
        units = range(spec["random_bytes"])
        path.write_bytes(b"".join(zlib.crc32(b"%d" % i).to_bytes(4, "big") for i in units))
    elif "repeat" in spec:
        unit = spec["repeat"].encode("utf-8")
        size = int(spec["size"])
        with path.open("wb") as handle:
            handle.write(spec.get("prefix", "").encode("utf-8"))
            while handle.tell() < size:
                handle.write(unit)
    elif "symlink" in spec:
        os.symlink(spec["symlink"], path)
    elif spec.get("fifo"):
        os.mkfifo(path)
    elif "image" in spec:
        width, height = spec["image"]
        make_image(path, (width, height), spec.get("format") or image_format(path.name))
    elif "png_bomb" in spec:
        width, height = spec["png_bomb"]
        write_palette_png(path, width, height)
    elif "entry" in spec:
        path.write_text(entry_text(**spec["entry"]), encoding="utf-8")
    else:
        raise AssertionError(f"case.yml: nothing to make for {spec}")


def build_entry_case(case: Path, tree: ContestTree) -> dict[str, Any]:
    """Lay out `case` in `tree`: its entry.yml, default images, then case.yml's files."""
    spec = _load_yaml(case / "case.yml") or {}
    slug = spec.get("slug", DEFAULT_SLUG)
    folder = tree.root / "entries" / slug
    folder.mkdir(parents=True, exist_ok=True)
    manifest = case / "entry.yml"
    if manifest.exists():
        text = manifest.read_text(encoding="utf-8")
        if spec.get("crlf"):
            text = text.replace("\n", "\r\n")
        if spec.get("bom"):
            text = "\ufeff" + text
        (folder / "entry.yml").write_bytes(text.encode("utf-8"))
    for name in spec.get("images", ["screenshot-1.png"]):
        make_image(folder / name, fmt=image_format(name))
    for item in spec.get("files", []):
        _make_file(tree, item)
    return spec


# --- running and comparing ---------------------------------------------------


def validate_json(
    root: Path, args: list[str] | None = None, *, limit_memory: bool = False, timeout: float = 60
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    words = ["validate", "--format", "json", *(args or [])]
    # The bounds (memory, time) are the process's: only then does a child run.
    result = (run_contest(words, root, limit_memory=True, timeout=timeout) if limit_memory
              else invoke_contest(words, root))
    assert_no_traceback(result)
    assert result.stdout.strip(), f"no JSON report; stderr:\n{result.stderr}"
    return result, json.loads(result.stdout)


def _key(problem: dict[str, Any]) -> tuple[str, str, int | None]:
    return problem["code"], problem["file"], problem.get("line")


def assert_expected_problems(case: Path, report: dict[str, Any]) -> None:
    """Every expected problem is reported at its exact file and line (no line
    in expected.yml means the problem must have none); no other error is."""
    expected = _load_yaml(case / "expected.yml")
    assert isinstance(expected, list) and expected, f"{case}/expected.yml lists no problems"
    actual = report["problems"]
    shown = "\n".join(
        f"  {p['code']} {p['file']}:{p['line']} [{p['severity']}] {p['message']}" for p in actual
    )
    for item in expected:
        want = _key(item)
        matches = [p for p in actual if _key(p) == want]
        assert matches, f"expected {want} not reported; got:\n{shown}"
        if "column" in item:
            assert any(p["column"] == item["column"] for p in matches), (
                f"{want}: column {item['column']} expected; got:\n{shown}"
            )
        for fragment in item.get("contains", []):
            assert any(fragment in f"{p['message']} {p['hint'] or ''}" for p in matches), (
                f"{want}: '{fragment}' not in the message or hint; got:\n{shown}"
            )
    errors = Counter(_key(p) for p in actual if p["severity"] == "error")
    listed = Counter(_key(item) for item in expected)
    unexpected = errors - listed
    assert not unexpected, f"errors not in expected.yml: {sorted(unexpected)}; got:\n{shown}"


# --- the cases ----------------------------------------------------------------


def test_there_are_enough_cases() -> None:
    assert len(NEGATIVE) >= 40
    assert len(NEGATIVE_CONTEST) >= 8
    assert len(POSITIVE) >= 6
    for case in NEGATIVE + NEGATIVE_CONTEST:
        assert (case / "expected.yml").is_file(), f"{case.name} has no expected.yml"


@pytest.mark.parametrize("case", NEGATIVE, ids=_ids(NEGATIVE))
def test_negative_entry(case: Path, tmp_path: Path) -> None:
    tree = new_contest(tmp_path / "contest")
    spec = build_entry_case(case, tree)
    result, report = validate_json(tree.root, spec.get("args"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert report["valid"] is False
    assert report["status"] == "needs-fix"
    assert_expected_problems(case, report)


@pytest.mark.parametrize("case", NEGATIVE_CONTEST, ids=_ids(NEGATIVE_CONTEST))
def test_negative_contest(case: Path, tmp_path: Path) -> None:
    tree = new_contest(tmp_path / "contest")
    shutil.copyfile(case / "contest.yml", tree.root / "contest.yml")
    result, report = validate_json(tree.root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_expected_problems(case, report)


@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_positive_entry(case: Path, tmp_path: Path) -> None:
    tree = new_contest(tmp_path / "contest")
    spec = build_entry_case(case, tree)
    result, report = validate_json(tree.root, spec.get("args"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["valid"] is True
    assert report["problems"] == []
    assert report["summary"]["files"] >= 2


@pytest.mark.parametrize("case", POSITIVE_CONTEST, ids=_ids(POSITIVE_CONTEST))
def test_positive_contest(case: Path, tmp_path: Path) -> None:
    tree = new_contest(tmp_path / "contest")
    shutil.copyfile(case / "contest.yml", tree.root / "contest.yml")
    result, report = validate_json(tree.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["problems"] == []


@pytest.mark.slow  # a child process each, under memory and time limits
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_is_refused_within_bounds(name: str, tmp_path: Path) -> None:
    """1 GiB of address space (RLIMIT_AS) and 20 s: a validator that expands an
    alias bomb, reads a 10 MB file whole, decodes a bomb image or blocks on a
    FIFO dies or times out here instead of answering."""
    case = CASES / name
    tree = new_contest(tmp_path / "contest")
    if name.startswith("negative-contest/"):
        shutil.copyfile(case / "contest.yml", tree.root / "contest.yml")
        args = None
    else:
        args = build_entry_case(case, tree).get("args")
    result, report = validate_json(tree.root, args, limit_memory=True, timeout=HOSTILE_TIMEOUT)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_expected_problems(case, report)
