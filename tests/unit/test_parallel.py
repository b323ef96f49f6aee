"""`parallel.map_chunks`: the same result as one process, whatever the children do.

Every test runs with one child and with two (as on a machine with three cores). Where
work is shared, a forked child must have taken some of it (`children`: the pids other
than this process's that took chunks, `contestkit.watch_children`)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Sequence

import pytest
from contestkit import watch_children

from site_builder.core import parallel

pytestmark = [
    pytest.mark.skipif(not parallel.can_fork(), reason="needs fork and two cores"),
    pytest.mark.slow,  # children that sleep, fail and die, twice each
]

ITEMS = list(range(1000))


@pytest.fixture(autouse=True, params=[2, 3], ids=["1 child", "2 children"])
def processes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    count: int = request.param
    monkeypatch.setattr(parallel, "usable_cores", lambda: count)
    return count


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch, processes: int) -> Callable[[], set[int]]:
    return watch_children(monkeypatch)


def squares(items: Sequence[int]) -> list[int]:
    return [n * n for n in items]


def flat(parts: list[list[int]]) -> list[int]:
    return [n for part in parts for n in part]


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("size", [0, 1, 2, 63, 64, 65, 1000])
def test_the_result_is_one_process_s_in_the_same_order(
    size: int, children: Callable[[], set[int]]
) -> None:
    items = ITEMS[:size]
    parts = parallel.map_chunks(squares, items, minimum=1, chunk=10)
    assert flat(parts) == squares(items)
    assert no_children_left()
    assert bool(children()) == (size > 10)  # more than one chunk of 10: shared


def test_every_process_takes_chunks(processes: int) -> None:
    parent = os.getpid()

    def whose(items: Sequence[int]) -> list[int]:
        time.sleep(0.01)  # 100 chunks: a second at least for one process alone
        return [os.getpid()] * len(items)

    # The parent sleeps first, as when it imports numpy: the children start alone.
    parts = parallel.map_chunks(whose, ITEMS, minimum=1, chunk=10,
                                meanwhile=lambda: time.sleep(0.05))
    workers = set(flat(parts))
    assert parent in workers and len(workers) == processes
    assert len(flat(parts)) == len(ITEMS)


@pytest.mark.parametrize("minimum", [1, 10**9], ids=["forked", "one process"])
def test_meanwhile_runs_once_in_this_process_in_every_mode(
    minimum: int, children: Callable[[], set[int]]
) -> None:
    ran: list[int] = []
    parallel.map_chunks(squares, ITEMS, minimum=minimum, chunk=10,
                        meanwhile=lambda: ran.append(os.getpid()))
    assert ran == [os.getpid()]
    assert bool(children()) == (minimum == 1)


def test_chunks_a_failing_child_took_are_redone_here(children: Callable[[], set[int]]) -> None:
    parent = os.getpid()

    def fails_in_the_child(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return squares(items)

    parts = parallel.map_chunks(fails_in_the_child, ITEMS, minimum=1, chunk=10,
                                meanwhile=lambda: time.sleep(0.1))
    assert flat(parts) == squares(ITEMS)
    assert no_children_left()
    assert children()


def test_a_child_that_dies_midway_loses_nothing(children: Callable[[], set[int]]) -> None:
    parent = os.getpid()
    done = [0]

    def dies_after_two_chunks(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            done[0] += 1
            if done[0] > 2:
                os._exit(9)  # no result sent, tokens taken
        return squares(items)

    parts = parallel.map_chunks(dies_after_two_chunks, ITEMS, minimum=1, chunk=10,
                                meanwhile=lambda: time.sleep(0.1))
    assert flat(parts) == squares(ITEMS)
    assert no_children_left()
    assert children()


def test_a_failure_here_is_raised_and_the_child_is_reaped(
    children: Callable[[], set[int]]
) -> None:
    parent = os.getpid()

    def fails_here(items: Sequence[int]) -> list[int]:
        if os.getpid() == parent:
            raise ValueError("this process fails")
        time.sleep(0.01)
        return squares(items)

    with pytest.raises(ValueError, match="this process fails"):
        parallel.map_chunks(fails_here, ITEMS, minimum=1, chunk=10)
    assert no_children_left()
    assert children()


def test_pending_output_is_not_printed_twice(
    capfd: pytest.CaptureFixture[str], children: Callable[[], set[int]]
) -> None:
    print("printed once", end="", flush=False)
    parallel.map_chunks(squares, ITEMS, minimum=1, chunk=10)
    print("", flush=True)
    assert capfd.readouterr().out.count("printed once") == 1
    assert children()


def test_a_process_with_other_threads_works_alone() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        parts = parallel.map_chunks(lambda items: [os.getpid()] * len(items), ITEMS,
                                    minimum=1, chunk=10)
    finally:
        stop.set()
        other.join()
    assert parts == [[os.getpid()] * len(ITEMS)]  # one part, made here


def test_one_usable_core_means_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A container or taskset may allow one core on a bigger machine: no fork then."""
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)
    assert not parallel.can_fork()
    parts = parallel.map_chunks(lambda items: [os.getpid()] * len(items), ITEMS,
                                minimum=1, chunk=10)
    assert parts == [[os.getpid()] * len(ITEMS)]


def test_children_reaped_by_the_system_still_deliver(children: Callable[[], set[int]]) -> None:
    """A process that ignores SIGCHLD never gets to wait for its children."""
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        parts = parallel.map_chunks(squares, ITEMS, minimum=1, chunk=10)
    finally:
        signal.signal(signal.SIGCHLD, previous)
    assert flat(parts) == squares(ITEMS)
    assert children()
