"""Many small jobs in worker processes, their results in order, a few tasks ahead.

Used to read documents (:mod:`medtui.pipeline`). Why not ``ProcessPoolExecutor.map``:
it sends every task up front (1,500 futures for 25,000 files: 0.3 s before the first
result, measured on the press-release archive) and in equal chunks, so the first
results wait for a whole chunk per worker. Here the first tasks are small
(:data:`FIRST_CHUNKS`), the rest are :data:`CHUNK` items each, and only
:data:`IN_FLIGHT` per worker are queued ahead of the results read so far.
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
I = TypeVar("I")  # noqa: E741 - an item

CHUNK = 16
"""Items per task once work is under way."""
FIRST_CHUNKS = (2, 2, 4, 4, 8, 8)
"""The first tasks are smaller, so the first documents come back (and the app shows its
first rows) after a few files rather than after a whole chunk per worker."""
IN_FLIGHT = 8
"""Tasks queued per worker process ahead of the results read so far."""

_NICE = 0  # in a worker: the niceness it has added to itself so far

_LIVE: weakref.WeakSet[ProcessPoolExecutor] = weakref.WeakSet()
"""The process pools still running (:func:`in_order`'s, the index segments'): what
:func:`terminate_all` ends."""
_LIVE_LOCK = threading.Lock()


def terminate_all() -> int:
    """End every running pool of :func:`in_order` now: its worker processes are killed,
    not waited for, and queued tasks dropped; the iterator reading from a pool then
    raises (``BrokenProcessPool``). Returns how many worker processes were killed.

    For quitting the app while documents are read: waiting for the workers to finish
    their tasks (and, at the interpreter's exit, ``concurrent.futures`` joining them)
    kept the shell from returning for 16-22 s at 2,000 files. The document cache
    stays consistent: each of its rows is a whole document, committed by its reader.
    """
    with _LIVE_LOCK:
        pools = list(_LIVE)
        _LIVE.clear()
    return sum(kill(pool) for pool in pools)


def track(pool: ProcessPoolExecutor) -> None:
    """Count ``pool`` among the running pools :func:`terminate_all` ends (until :func:`untrack`)."""
    with _LIVE_LOCK:
        _LIVE.add(pool)


def untrack(pool: ProcessPoolExecutor) -> None:
    """``pool`` is done (or being shut down by its owner)."""
    with _LIVE_LOCK:
        _LIVE.discard(pool)


def kill(pool: ProcessPoolExecutor) -> int:
    """Kill ``pool``'s worker processes and drop its queued tasks, without waiting;
    how many processes were killed."""
    killed = 0
    # ProcessPoolExecutor has no public way to stop its workers before Python 3.14
    # (terminate_workers); its process table is what that method walks.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if process.is_alive():
                process.kill()
                killed += 1
    pool.shutdown(wait=False, cancel_futures=True)
    return killed


def chunks(items: Sequence[I]) -> Iterator[Sequence[I]]:
    """``items`` cut into tasks: :data:`FIRST_CHUNKS`, then :data:`CHUNK` items each."""
    begin = 0
    for size in (*FIRST_CHUNKS, *([CHUNK] * ((len(items) + CHUNK - 1) // CHUNK))):
        if begin >= len(items):
            return
        yield items[begin : begin + size]
        begin += size


def _step_aside(nice: int) -> None:
    """Add to this worker's niceness up to ``nice`` (it can only go up)."""
    global _NICE
    if nice > _NICE:
        with contextlib.suppress(OSError):
            os.nice(nice - _NICE)
        _NICE = nice


def _run_chunk(func: Callable[[I], T], chunk: Sequence[I], nice: int) -> list[T]:
    _step_aside(nice)
    return [func(item) for item in chunk]


def in_order(
    func: Callable[[I], T], items: Sequence[I], workers: int,
    initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (), nice: int = 0,
) -> Iterator[T]:
    """Start ``func`` on ``items`` in ``workers`` processes; the results, in order, from the
    iterator returned (the pool is shut down when it is exhausted or closed).

    The first tasks are sent at once, the rest as results are read. They run at the
    usual priority, so the first results come back as fast as they can; ``nice`` is
    added to the workers' niceness from the next tasks on (the app's UI process then
    wins the CPU from its own readers, :data:`medtui.ui.offload.WORK_NICE`).
    ``func`` must be picklable (a module-level function). Closing the iterator before
    its end kills the workers rather than waiting for the tasks they run.
    """
    pool = ProcessPoolExecutor(workers, initializer=initializer, initargs=initargs)
    track(pool)
    tasks = ((chunk, 0 if n < len(FIRST_CHUNKS) else nice) for n, chunk in enumerate(chunks(items)))
    pending: deque[Future[list[T]]] = deque(
        pool.submit(_run_chunk, func, chunk, step) for chunk, step in islice(tasks, workers * IN_FLIGHT))

    def drain() -> Iterator[T]:
        finished = False
        try:
            while pending:
                results = pending.popleft().result()
                following = next(tasks, None)
                if following is not None:
                    pending.append(pool.submit(_run_chunk, func, following[0], following[1]))
                yield from results
            finished = True
        finally:
            untrack(pool)
            if finished:
                pool.shutdown(wait=True)
            else:  # closed early (cancelled) or failed: the tasks under way are not waited for
                kill(pool)

    return drain()
