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
    ``func`` must be picklable (a module-level function).
    """
    pool = ProcessPoolExecutor(workers, initializer=initializer, initargs=initargs)
    tasks = ((chunk, 0 if n < len(FIRST_CHUNKS) else nice) for n, chunk in enumerate(chunks(items)))
    pending: deque[Future[list[T]]] = deque(
        pool.submit(_run_chunk, func, chunk, step) for chunk, step in islice(tasks, workers * IN_FLIGHT))

    def drain() -> Iterator[T]:
        try:
            while pending:
                results = pending.popleft().result()
                following = next(tasks, None)
                if following is not None:
                    pending.append(pool.submit(_run_chunk, func, following[0], following[1]))
                yield from results
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    return drain()
