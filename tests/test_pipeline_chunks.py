"""Files go to the reading workers in small tasks first, then in chunks, a few ahead."""

from __future__ import annotations

import os
from pathlib import Path

from medtui import pipeline, workpool
from medtui.corpus.reader import InputFile


def files(count: int) -> list[InputFile]:
    return [InputFile(Path(f"/docs/{n:04d}.md"), f"docs/{n:04d}.md") for n in range(count)]


def name_of(item: InputFile) -> str:
    """A job for the workers (module level: it is pickled by reference)."""
    return item.display


def test_chunks_cover_every_file_in_order_small_ones_first() -> None:
    chunks = list(workpool.chunks(files(100)))
    sizes = [len(c) for c in chunks]
    assert sizes[: len(workpool.FIRST_CHUNKS)] == list(workpool.FIRST_CHUNKS)
    assert set(sizes[len(workpool.FIRST_CHUNKS) : -1]) == {workpool.CHUNK}
    assert [item for chunk in chunks for item in chunk] == files(100)
    assert [len(c) for c in workpool.chunks(files(3))] == [2, 1]


def test_workers_give_the_results_back_in_the_files_order() -> None:
    many = files(pipeline.PARALLEL_THRESHOLD * 6)  # more tasks than are sent ahead
    assert list(pipeline._start(name_of, many, 2)) == [item.display for item in many]


def niceness(item: InputFile) -> int:
    """The worker's niceness when it processed ``item``."""
    return os.nice(0)


def test_readers_step_aside_after_the_first_tasks() -> None:
    base = os.nice(0)
    many = files(pipeline.PARALLEL_THRESHOLD * 4)
    seen = list(pipeline._start(niceness, many, 2, nice=3))
    first = sum(workpool.FIRST_CHUNKS)
    assert set(seen[:first]) == {base}  # the first rows come at the usual priority
    assert set(seen[-workpool.CHUNK:]) == {base + 3}
