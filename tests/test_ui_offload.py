"""Side jobs of the app in a forked, lower-priority child process (medtui.ui.offload)."""

from __future__ import annotations

import os
import threading
import time

import pytest

from medtui.corpus.copies import copy_groups
from medtui.corpus.model import Story
from medtui.ui.offload import WORK_NICE, ChildFailed, call_in_child, can_fork, terminate_children

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork")


def test_the_child_sees_the_parents_objects_and_answers() -> None:
    inherited = {f"s{i}": i for i in range(10_000)}  # never pickled on the way in
    assert call_in_child(lambda: sum(inherited.values())) == sum(range(10_000))


def test_the_child_runs_at_a_lower_priority() -> None:
    assert call_in_child(lambda: os.nice(0)) == os.nice(0) + WORK_NICE


def test_an_error_in_the_child_is_raised_here() -> None:
    def broken() -> int:
        raise ValueError("no such story")

    with pytest.raises(ChildFailed, match="ValueError: no such story"):
        call_in_child(broken)


def test_a_cancelled_job_is_dropped() -> None:
    started = time.monotonic()
    assert call_in_child(lambda: time.sleep(30), cancelled=lambda: True) is None
    assert time.monotonic() - started < 10


def test_copies_found_in_the_child_are_the_same() -> None:
    body = ("Riverside University and Northgate Hospital signed a memorandum of "
            "understanding on joint training for nurses and doctors in the region. ") * 3
    stories = [Story("s1", "/a.md", "Riverside and Northgate sign MoU", body, None, []),
               Story("s2", "/b.md", "Riverside and Northgate sign MoU", body, None, []),
               Story("s3", "/c.md", "Westbrook opens a lab", "A new lab opened in Westbrook.",
                     None, [])]
    here = copy_groups(stories)
    assert here == {"s1": ["s2"]}
    assert call_in_child(lambda: copy_groups(stories)) == here


def test_an_answer_that_cannot_travel_is_a_failure_not_a_hang() -> None:
    with pytest.raises(ChildFailed, match="without an answer"):
        call_in_child(lambda: (lambda: None))  # a lambda cannot be pickled


def _held_elsewhere(lock: threading.RLock, released: threading.Event) -> threading.Thread:
    """A thread (a search, say) holding ``lock`` until ``released`` is set."""
    taken = threading.Event()

    def hold() -> None:
        with lock:
            taken.set()
            released.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(5)
    return thread


def test_a_lock_held_by_another_thread_at_the_fork_is_never_released_in_the_child() -> None:
    # What hung the index snapshot's save (issue 12): why ``hold`` exists.
    lock, released = threading.RLock(), threading.Event()
    thread = _held_elsewhere(lock, released)
    try:
        assert call_in_child(lambda: lock.acquire(timeout=0.5)) is False
    finally:
        released.set()
        thread.join()


def test_held_locks_are_taken_around_the_fork_and_free_in_the_child() -> None:
    lock, released = threading.RLock(), threading.Event()
    thread = _held_elsewhere(lock, released)
    threading.Timer(0.3, released.set).start()  # the search ends; then the fork happens
    try:
        answer = call_in_child(lambda: lock.acquire(timeout=2) and lock._is_owned(),  # type: ignore[attr-defined]
                               hold=(lock,))
    finally:
        released.set()
        thread.join()
    assert answer is True
    assert lock.acquire(timeout=1)  # and free here again
    lock.release()


def test_terminate_children_ends_a_running_job_at_once() -> None:
    answers: list[object] = []

    def run() -> None:
        try:
            answers.append(call_in_child(lambda: time.sleep(60)))
        except ChildFailed:
            answers.append("ended")

    runner = threading.Thread(target=run)
    runner.start()
    killed, deadline = 0, time.monotonic() + 10
    while not killed and time.monotonic() < deadline:  # once the child has started
        time.sleep(0.05)
        killed = terminate_children()
    runner.join(timeout=10)
    assert killed == 1
    assert not runner.is_alive()  # not the minute the job would take
    assert answers == ["ended"]
