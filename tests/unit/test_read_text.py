"""`loader.read_text`: every file is read whole, up to its limit and never past it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from site_builder.core.loader import LoadFailure, read_text

LIMIT = 200 * 1024


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 65536, 65537, 150_000, LIMIT - 1, LIMIT])
def test_files_up_to_the_limit_are_read_whole(tmp_path: Path, size: int) -> None:
    path = tmp_path / "entry.yml"
    text = ("가" * (size // 3)) + ("a" * (size % 3))  # multi-byte characters across reads
    path.write_bytes(text.encode("utf-8"))
    assert read_text(path, "entry.yml", LIMIT) == text


def test_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "entry.yml"
    path.write_bytes(b"a" * (LIMIT + 1))
    with pytest.raises(LoadFailure) as caught:
        read_text(path, "entry.yml", LIMIT)
    assert caught.value.problem.code == "file.too-large"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_a_file_larger_than_its_reported_size_is_still_read_whole() -> None:
    """The read is sized by fstat; a file that holds more than fstat said (it grew,
    or, like this one, reports no size at all) is read on to its end."""
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    text = read_text(status, "status", LIMIT)
    assert text.startswith("Name:") and "VmRSS" in text and len(text) > 100
