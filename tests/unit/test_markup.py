"""markup.too_deep: its shortcut (a bracket cannot nest deeper than it occurs) answers
exactly as the full scan, and the scan finds what the renderer would choke on."""

from __future__ import annotations

import random

from site_builder.submissions import markup


def test_the_shortcut_agrees_with_the_scan_on_random_texts() -> None:
    rng = random.Random(2015)
    pieces = ["[", "]", "(", ")", "<", ">", "\\", "a", "가", " ", "\n", "[[", "((("]
    checked = refused = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))
        assert markup.too_deep(text) == markup._scan(text), text
        checked += 1
        refused += markup._scan(text) is not None
    assert checked == 3000 and 0 < refused < checked  # both answers were exercised


def test_nine_open_brackets_are_refused_and_eight_are_not() -> None:
    assert markup.too_deep("[" * 8) is None
    found = markup.too_deep("x" + "[" * 9)
    assert found is not None and found.depth == 9 and found.offset == 9
    assert markup.too_deep("[]" * 5000) is None  # many brackets, never nested
    assert markup.too_deep("\\[" * 50) is None  # escaped brackets are text
