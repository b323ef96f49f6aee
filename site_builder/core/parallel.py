"""Share one big job with forked children: the other cores.

Reading a round of 25,000 score files and 5,000 manifests is nearly all of a tally's
time, and every part of it is independent, entry by entry. `map_chunks` cuts the items
into consecutive chunks that this process and one forked child per other usable core
(at most `MAX_PROCESSES` in all) take one at a time, as each becomes free, so that none
waits for another when one runs slower (a busy neighbour on a shared machine, or work
that `meanwhile` gives this process first). Each child sends its results back pickled
through its own pipe.

A fork (not a spawned interpreter) means the work function may be a closure over
anything already loaded (a compiled schema, the contest) and nothing is imported twice.

The result is the one a single process gives, in the same order: one result per chunk,
in chunk order. When forking is not possible or not safe (no ``os.fork``, one core,
other threads running, a failing ``fork``) or a child fails in any way, this process
works through every chunk no child delivered, so a result is never lost or partial.
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
#: Processes in all, this one included. Each child costs a fork and a pickled result,
#: and reading small files shares the disk cache and memory bandwidth; this project's
#: machines have two cores, so more than two has been tested but not measured.
MAX_PROCESSES = 4


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
    order. Shared with forked children when there are at least `minimum` items; below
    that (a fork costs more than it saves), ``[work(items)]``. `meanwhile` runs in
    this process once, while the children start on the chunks: work only this process
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
    children: list[tuple[int, int]] = []  # (pid, the read end of its results pipe)
    for _ in range(min(MAX_PROCESSES, usable_cores(), count) - 1):
        results_read, results_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # as many children as could be had; maybe none
            os.close(results_read)
            os.close(results_write)
            break
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(results_read)
            for _, other in children:
                os.close(other)
            _child(work, parts, tokens_read, results_write)
        os.close(results_write)
        children.append((pid, results_read))
    done: dict[int, R] = {}
    payloads: list[bytes] = []
    statuses: list[int] = []
    finished = False
    try:
        if meanwhile is not None:
            meanwhile()
        done.update(_take(work, parts, tokens_read))
        for _, results_read in children:  # a child blocked on a full pipe waits its turn
            with os.fdopen(results_read, "rb", closefd=False) as pipe:
                payloads.append(pipe.read())
        finished = True
    finally:
        os.close(tokens_read)
        for pid, results_read in children:
            os.close(results_read)
            if not finished:  # this process failed: do not wait for the children's share
                os.kill(pid, signal.SIGKILL)
            statuses.append(_reap(pid))
    for payload, status in zip(payloads, statuses, strict=True):
        if status == 0 and payload:
            # A garbled payload is ignored: the missing chunks are redone below.
            with contextlib.suppress(Exception):
                # Our own forked child wrote it, through a pipe nobody else holds.
                done.update(pickle.loads(payload))  # noqa: S301
    return [done[i] if i in done else work(part) for i, part in enumerate(parts)]


def _reap(pid: int) -> int:
    """The child's exit status; 0 when it was reaped already (a process that ignores
    SIGCHLD has its children reaped by the system): its payload then speaks for it,
    since a result that was cut short does not unpickle."""
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return 0


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
