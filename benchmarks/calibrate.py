"""The one calibration loop the benchmarks print beside their figures.

These machines are shared: the same run is slower when a neighbour is busy. Every
benchmark prints how long `sum(range(1000))` takes right now (8 to 10 µs on a typical
desktop core), so that figures from different runs can be compared.
"""

from __future__ import annotations

import time


def calibration_us() -> float:
    """Microseconds for one `sum(range(1000))`, best of five batches of 1,000."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(1000):
            sum(range(1000))
        best = min(best, (time.perf_counter() - start) / 1000 * 1e6)
    return best
