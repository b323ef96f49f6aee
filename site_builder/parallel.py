"""Share one big job between this process and a forked child: the second core.

Reading a round of 25,000 score files and 5,000 manifests is nearly all of a tally's
time, and every part of it is independent, entry by entry. `map_chunks` cuts the items
into consecutive chunks that this process and a forked child take one at a time, as
each becomes free, so that neither waits for the other when one runs slower (a busy
neighbour on a shared machine, or work that `meanwhile` gives this process first). The
child sends its results back pickled through a pipe.

A fork (not a spawned interpreter) means the work function may be a closure over
anything already loaded (a compiled schema, the contest) and nothing is imported twice.

The result is the one a single process gives, in the same order: one result per chunk,
in chunk order. When forking is not possible or not safe (no ``os.fork``, one core,
other threads running, a failing ``fork``) or the child fails in any way, this process
works through every chunk the child did not deliver, so a result is never lost or
partial.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Chunks are handed out as one-byte tokens through a pipe.
MAX_CHUNKS = 255


def can_fork() -> bool:
    """A second core, ``os.fork``, and no other Python thread: a thread holding a lock
    at the fork (logging's, an import's) would leave the child waiting for it forever."""
    return hasattr(os, "fork") and usable_cores() >= 2 and threading.active_count() == 1


def usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` can allow fewer
    than the machine has), or the machine's count where that cannot be asked."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def map_chunks(
    work: Callable[[Sequence[T]], R],
    items: Sequence[T],
    *,
    minimum: int,
    chunk: int = 64,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """`work` on consecutive chunks of about `chunk` items: one result per chunk, in
    order. Shared with a forked child when there are at least `minimum` items; below
    that (a fork costs more than it saves), ``[work(items)]``. `meanwhile` runs in
    this process once, while the child starts on the chunks: work only this process
    needs next (it runs in every case, so the caller can count on it)."""
    count = min(MAX_CHUNKS, max(1, -(-len(items) // max(chunk, 1))))
    if len(items) < max(minimum, 2) or count < 2 or not can_fork():
        if meanwhile is not None:
            meanwhile()
        return [work(items)]
    bounds = [len(items) * i // count for i in range(count + 1)]
    parts = [items[bounds[i]:bounds[i + 1]] for i in range(count)]
    tokens_read, tokens_write = os.pipe()
    os.write(tokens_write, bytes(range(count)))
    os.close(tokens_write)  # each process reads tokens until none are left
    results_read, results_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (tokens_read, results_read, results_write):
            os.close(fd)
        if meanwhile is not None:
            meanwhile()
        return [work(part) for part in parts]
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(results_read)
        _child(work, parts, tokens_read, results_write)
    os.close(results_write)
    done: dict[int, R] = {}
    finished = False
    try:
        if meanwhile is not None:
            meanwhile()
        done.update(_take(work, parts, tokens_read))
        with os.fdopen(results_read, "rb") as pipe:
            results_read = -1
            payload = pipe.read()
        finished = True
    finally:
        os.close(tokens_read)
        if results_read >= 0:
            os.close(results_read)
        if not finished:  # this process failed: do not wait for the child's share
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if status == 0 and payload:
        # A garbled payload is ignored: the missing chunks are redone below.
        with contextlib.suppress(Exception):
            # Our own forked child wrote it, through a pipe nobody else holds.
            done.update(pickle.loads(payload))  # noqa: S301
    return [done[i] if i in done else work(part) for i, part in enumerate(parts)]


def _take(
    work: Callable[[Sequence[T]], R], parts: Sequence[Sequence[T]], tokens: int
) -> dict[int, R]:
    """Work through chunks while tokens are left in the pipe. A one-byte read from a
    pipe is atomic: no two processes ever get the same token."""
    done: dict[int, R] = {}
    while token := os.read(tokens, 1):
        done[token[0]] = work(parts[token[0]])
    return done


def _child(
    work: Callable[[Sequence[T]], R], parts: Sequence[Sequence[T]], tokens: int,
    results: int,
) -> None:  # pragma: no cover - runs in the forked child
    """Work, send the pickled results, and leave without running the parent's clean-up
    (``os._exit``: no atexit handlers, no flushing of stdout buffers copied at the fork,
    which would print the parent's pending output twice). A chunk this child took but
    did not deliver is redone by the parent."""
    status = 1
    try:
        with contextlib.suppress(BaseException):  # any failure: the parent redoes the work
            payload = pickle.dumps(_take(work, parts, tokens), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(results, "wb") as pipe:
                pipe.write(payload)
            status = 0
    finally:
        os._exit(status)
