"""Whole index segments built in worker processes, then added to the index as they are.

whoosh writes in pure Python: at 25,000 stories one process spends minutes
analysing, and its default merge policy re-reads and re-writes the same postings
again and again as small commits pile up (half the build time at 10,000). Here
the stories are cut into segments of growing size (the first one small, so search
answers early); each is built in a worker process into a private RAM storage, its
files come back as bytes, and the parent adds them to the index as they are
(whoosh reads an index of several segments as one), with no merge at all.

This leans on three of whoosh's private writer methods (``_finalize_segment``,
``_commit_toc``, ``_finish``, as whoosh's own multi-process writer uses them):
whoosh-reloaded is pinned, and the tests build, reopen and search such indexes.
Imports whoosh at import time; loaded by :mod:`medtui.search.index` when needed.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from medtui.search.schema import TEXT, TITLE, PrivateRamStorage, build_schema
from medtui.search.vocabulary import story_words
from medtui.workpool import kill, track, untrack

FIRST_SEGMENT = 250
"""Stories in the first segment: searchable after about a second of work."""
MAX_SEGMENT = 2500
"""Stories in the largest segments (25,000 stories make about 14 segments)."""


@dataclass
class BuiltSegment:
    """One finished segment: whoosh's segment record, its files, and its words."""

    segment: Any
    files: dict[str, bytes]
    words: dict[str, int]
    """Word -> how many of the segment's stories hold it (for the vocabulary)."""


def segment_sizes(total: int) -> list[int]:
    """Sizes of the segments ``total`` stories are cut into: doubling up to MAX_SEGMENT."""
    sizes: list[int] = []
    size = FIRST_SEGMENT
    left = total
    while left > 0:
        take = min(size, left)
        if left - take <= FIRST_SEGMENT // 2:  # no tiny segment at the end
            take = left
        sizes.append(take)
        left -= take
        size = min(size * 2, MAX_SEGMENT)
    return sizes


def build_segment(docs: Sequence[dict[str, Any]]) -> BuiltSegment:
    """Index ``docs`` (whoosh documents) into a new segment of their own (runs in a worker)."""
    storage = PrivateRamStorage()
    try:
        ix = storage.create_index(build_schema())
        writer = ix.writer()
        try:
            for doc in docs:
                writer.add_document(**doc)
            segment = writer._finalize_segment()
        except BaseException:
            writer.cancel()
            raise
        writer._finish()
        prefix = f"{segment.segment_id()}."
        files = {name: bytes(storage.files[name]) for name in storage.list() if name.startswith(prefix)}
    finally:
        storage.remove_tempdir()
    words: Counter[str] = Counter()
    for doc in docs:
        words.update(story_words(doc.get(TITLE, ""), doc.get(TEXT, "")))
    return BuiltSegment(segment, files, dict(words))


_MAKERS: dict[int, Callable[[int], Sequence[dict[str, Any]]]] = {}
"""Chunk makers of the :func:`iter_built` calls under way, by call: the forked workers
inherit them, so a task is two numbers rather than a chunk's stories pickled."""


def _build_at(call: int, number: int) -> BuiltSegment:
    """In a forked worker: build chunk ``number`` of call ``call`` (see :data:`_MAKERS`)."""
    return build_segment(_MAKERS[call](number))


def iter_built(
    count: int,
    make: Callable[[int], Sequence[dict[str, Any]]],
    workers: int,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[BuiltSegment]:
    """Build the segments of chunks ``make(0)`` .. ``make(count - 1)`` (whoosh documents),
    in forked worker processes when there are cores to spare.

    The workers make their chunks themselves from what they inherit (the corpus):
    made and pickled here, 25,000 stories' fields were seconds of the app's process
    holding the GIL, each chunk's pickle one C call during which no key echoed (issue 12).
    Yields the segments in order; stops early (dropping the rest) once ``cancelled()``.
    """
    if workers <= 1 or count <= 1 or not _can_fork():
        for number in range(count):
            if cancelled():
                return
            yield build_segment(make(number))
        return
    call = id(make)
    _MAKERS[call] = make  # before the pool forks its workers (all at the first submit)
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(min(workers, count), mp_context=context, initializer=freeze_inherited)
    track(pool)
    finished = False
    try:
        pending: list[Future[BuiltSegment]] = []
        queued = iter(range(count))
        for number in queued:  # keep every worker busy, and one more in the queue
            pending.append(pool.submit(_build_at, call, number))
            if len(pending) > workers:
                break
        while pending:
            built = pending.pop(0).result()
            if cancelled():
                return
            following = next(queued, None)
            if following is not None:
                pending.append(pool.submit(_build_at, call, following))
            yield built
        finished = True
    finally:
        _MAKERS.pop(call, None)
        untrack(pool)
        if finished:
            pool.shutdown(wait=True)
        else:  # cancelled or closed early: the segments under way are not waited for
            kill(pool)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def add_segment(ix: Any, storage: Any, built: BuiltSegment, publish: Callable[[Callable[[], None]], None]) -> None:
    """Copy a built segment's files into ``storage`` and add the segment to index ``ix``.

    ``publish(write_toc)`` calls ``write_toc()`` when no search is running (under
    the index's lock): the new table of contents makes the segment searchable.
    """
    for name, data in built.files.items():
        with storage.create_file(name) as handle:
            handle.write(data)
    writer = ix.writer()
    try:
        writer._close_segment()  # this writer added nothing of its own
        segments = [*writer.segments, built.segment]
        publish(lambda: writer._commit_toc(segments))
    except BaseException:
        writer.cancel()
        raise
    writer._finish()


WORKER_NICE = 0
"""Niceness added to the segment workers; the app sets it (:mod:`medtui.ui.offload`) so
that its UI process wins the CPU from its own indexing."""


def freeze_inherited() -> None:
    """In a forked worker: keep the parent's objects out of garbage collection.

    A forked child shares the parent's heap (25,000 stories and more) page by page;
    a full collection would walk every inherited object, copying each page it
    touches and spending seconds on objects the worker never uses.
    """
    gc.freeze()
    if WORKER_NICE > 0:
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICE)


def default_workers() -> int:
    """Worker processes for building segments: one per core."""
    return os.cpu_count() or 1
