"""Share one big job between this process and a forked child: the second core.

Reading a round of 25,000 score files and 5,000 manifests is nearly all of a tally's
time, and every part of it is independent, entry by entry. `in_two` gives the second
half of the items to a forked child and does the first half here; the child sends its
result back pickled through a pipe. A fork (not a spawned interpreter) means the work
function may be a closure over anything already loaded (a compiled schema, the contest)
and nothing has to be imported twice.

The result is the one a single process gives, in the same order: the work function
sees a contiguous part of the items and the parts are returned in order. When forking is
not possible (no ``os.fork``, one core, a failing ``fork``) or the child fails in any
way, this process does the child's part itself, so a result is never lost or partial.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


def in_two(work: Callable[[Sequence[T]], R], items: Sequence[T], *, minimum: int) -> list[R]:
    """``[work(first half), work(second half)]``, the halves worked on at the same time;
    ``[work(items)]`` when there are fewer than `minimum` items (a fork costs more than
    it saves on small jobs) or no second process can be had."""
    if len(items) < max(minimum, 2) or not can_fork():
        return [work(items)]
    cut = len(items) // 2
    first, second = items[:cut], items[cut:]
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return [work(items)]
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        _child(work, second, read_end, write_end)
    os.close(write_end)
    try:
        mine = work(first)
        with os.fdopen(read_end, "rb") as pipe:
            read_end = -1
            payload = pipe.read()
    finally:
        if read_end >= 0:
            os.close(read_end)
        _, status = os.waitpid(pid, 0)
    theirs: R
    if status == 0 and payload:
        try:
            # Our own forked child wrote it, through a pipe nobody else holds.
            theirs = pickle.loads(payload)  # noqa: S301
        except Exception:  # a garbled payload: redo the work here
            theirs = work(second)
    else:
        theirs = work(second)
    return [mine, theirs]


def _child(work: Callable[[Sequence[T]], R], items: Sequence[T], read_end: int,
           write_end: int) -> None:  # pragma: no cover - runs in the forked child
    """Work, send the pickled result, and leave without running the parent's clean-up
    (``os._exit``: no atexit handlers, no flushing of stdout buffers copied at the fork,
    which would print the parent's pending output twice)."""
    status = 1
    try:
        os.close(read_end)
        payload = pickle.dumps(work(items), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        status = 0
    except BaseException:  # any failure: the parent redoes the work
        with contextlib.suppress(OSError):
            os.close(write_end)
    finally:
        os._exit(status)
