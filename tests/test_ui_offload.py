"""Side jobs of the app in a forked, lower-priority child process (medtui.ui.offload)."""

from __future__ import annotations

import os
import time

import pytest

from medtui.corpus.copies import copy_groups
from medtui.corpus.model import Story
from medtui.ui.offload import WORK_NICE, ChildFailed, call_in_child, can_fork

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
