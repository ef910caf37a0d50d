"""The app's CPU-heavy side jobs in a child process, so the UI process is free to echo keys.

Why: the app's workers are threads, and a thread running Python holds the GIL the UI
thread needs to echo a key. Sampling the app's process with py-spy (``--gil``) while
6,000 press releases loaded (issue 12): of 20 s of GIL time, 6.5 s went to finding
copies of stories (MinHash shingles, :mod:`medtui.corpus.copies`) and ~0.3 s to one
``pickle.dumps`` of the whole corpus when its index was saved, a single C call during
which no key can echo (about four times longer at 25,000 stories). On a loaded machine
it is worse: a thread holding the GIL can be preempted by other processes, and the UI
thread then waits for it too.

How: :func:`call_in_child` forks (the child inherits the corpus, nothing is pickled on
the way in), lowers the child's priority (:data:`WORK_NICE`, so the terminal's process
wins the CPU when both want it), runs the job there and sends its result back pickled
over a pipe; the calling worker thread waits without holding the GIL. Small jobs are
not worth a fork (:data:`CHILD_FROM`): callers run those in their thread.

Locks: a fork copies every lock as it is, held or not, but only the forking thread goes
on in the child. A lock another thread held at that moment (a search holding the
index's lock, issue 12: the index snapshot's save then waited forever in the child and
the app never said "Ready") is never released there. :func:`call_in_child` takes the
locks it is given (``hold``) before forking and the child releases them.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
import weakref
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")

WORK_NICE = 5
"""Niceness added to child processes doing the app's background work (see
``os.nice``): the UI process at the default priority gets the CPU first."""
CHILD_FROM = 2000
"""Stories from which a side job runs in a child process (below: a fork costs more)."""
POLL_S = 0.1
"""How often the waiting thread checks whether the job is still wanted."""


_LIVE: weakref.WeakSet[Any] = weakref.WeakSet()
"""The children of :func:`call_in_child` still running: what :func:`terminate_children` ends."""
_LIVE_LOCK = threading.Lock()


def terminate_children() -> int:
    """Kill every child of :func:`call_in_child` still running (quitting the app); how many.

    Their callers see the job as failed (:class:`ChildFailed`) or cancelled.
    """
    with _LIVE_LOCK:
        children = list(_LIVE)
        _LIVE.clear()
    killed = 0
    for child in children:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if child.is_alive():
                child.kill()
                killed += 1
    return killed


class ChildFailed(RuntimeError):
    """The job raised in the child, or the child died without an answer."""


def can_fork() -> bool:
    """Whether this platform can fork (POSIX); elsewhere jobs run in the calling thread."""
    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


def call_in_child(
    job: Callable[[], T], *, cancelled: Callable[[], bool] = lambda: False,
    nice: int = WORK_NICE, hold: Sequence[Any] = (),
) -> T | None:
    """``job()`` run in a forked, lower-priority child process; its (picklable) result.

    Returns None when ``cancelled()`` said so while waiting (the child is killed).
    Raises :class:`ChildFailed` when the job raised (its type and message) or the child
    ended without an answer. Where fork is unavailable, runs ``job()`` here.
    ``hold``: locks (``threading.Lock``/``RLock``) the job takes in the child that other
    threads of this process may hold; taken here around the fork, released in the child
    (see the module doc). :func:`terminate_children` kills the child.
    """
    if not can_fork():
        return job()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run_child, args=(job, send, nice, hold), daemon=True)
    with contextlib.ExitStack() as held:
        for lock in hold:
            held.enter_context(lock)
        child.start()
    with _LIVE_LOCK:
        _LIVE.add(child)
    send.close()  # the child holds the sending end now: EOF once it is gone
    try:
        while not receive.poll(POLL_S):
            if cancelled():
                child.kill()
                return None
        try:
            ok, value = receive.recv()
        except EOFError:
            if cancelled():  # killed on purpose (terminate_children)
                return None
            raise ChildFailed(f"the child process ended without an answer "
                              f"(exit code {child.exitcode})") from None
    finally:
        receive.close()
        child.join(timeout=5)
        with _LIVE_LOCK:
            _LIVE.discard(child)
    if not ok:
        raise ChildFailed(str(value))
    result: T = value
    return result


def _run_child(job: Callable[[], Any], send: Connection, nice: int, hold: Sequence[Any]) -> None:
    """In the child: never walk the inherited heap for garbage, step aside, run, answer."""
    for lock in reversed(hold):  # taken by the forking thread, which this one is now
        with contextlib.suppress(RuntimeError):
            lock.release()
    gc.freeze()  # the parent's objects stay put: no page of the corpus copied for the collector
    if nice > 0:
        with contextlib.suppress(OSError):
            os.nice(nice)
    try:
        answer: tuple[bool, Any] = (True, job())
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which raises
        answer = (False, f"{type(error).__name__}: {error}")
    try:
        send.send(answer)  # an answer that cannot be pickled: the parent sees no answer
        send.close()
    finally:
        # Straight out: multiprocessing's own exit would flush the inherited stdout and
        # stderr buffers (the parent's terminal output, written twice) and run finalizers.
        os._exit(0)
