"""Quitting while a folder is read: the app stops reading at once.

Before: q while 2,000 files were read left a blank screen until every one was read
(16-22 s): the reading thread went on, and Python waited for it and its worker
processes at exit. Now q cancels the reading, kills the worker processes, and the
document cache keeps only whole documents (it commits per batch).

Asserts completion state, not timing: after q the reading ends without reading
every document, no worker process is left alive, and the cache is consistent.
"""

from __future__ import annotations

import multiprocessing
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from medtui import pipeline
from medtui.ui.app import MedtuiApp
from test_ui_fixtures import isolate

DOCUMENTS = 240  # above pipeline.PARALLEL_THRESHOLD: read in worker processes
_ORIGINAL = pipeline._work_for_cache
_ITER_LOAD = pipeline.iter_load
READING_ENDED = threading.Event()


def tracked_iter_load(*args: Any, **kwargs: Any) -> Iterator[Any]:
    """The app's reading loop, saying when it has ended (however it ends)."""
    try:
        yield from _ITER_LOAD(*args, **kwargs)
    finally:
        READING_ENDED.set()


def slow_work_for_cache(item: Any) -> Any:
    """The real work on one file, slowed down (runs in the forked worker processes), so
    that reading all of them takes far longer than pressing q does."""
    time.sleep(0.05)
    return _ORIGINAL(item)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)
    monkeypatch.delenv("MEDTUI_NO_CACHE", raising=False)
    monkeypatch.setattr(pipeline, "_work_for_cache", slow_work_for_cache)
    monkeypatch.setattr(pipeline, "iter_load", tracked_iter_load)
    READING_ENDED.clear()


def write_documents(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"note-{n:03d}.txt").write_text(
            f"Riverside University and Northgate Hospital sign agreement {n}\n\n"
            f"Riverside University signed an agreement with Northgate Hospital on clinical "
            f"training, the {n}th note of the series, on 3 March 2025.\n")
    return folder


def reading(app: MedtuiApp) -> tuple[int, int] | None:
    found = re.search(r"Reading (\d+)/(\d+)", str(getattr(app, "phase", "")))
    return (int(found.group(1)), int(found.group(2))) if found else None


async def test_q_while_reading_stops_the_reading_and_its_workers(tmp_path: Path) -> None:
    folder = write_documents(tmp_path / "docs", DOCUMENTS)
    app = MedtuiApp([str(folder)])
    processes: list[multiprocessing.process.BaseProcess] = []
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 60
        while (reading(app) or (0, 0))[0] == 0 or not multiprocessing.active_children():
            assert time.monotonic() < deadline, "the reading never started"
            await pilot.pause(0.02)
        done, total = reading(app) or (0, 0)
        assert 0 < done < total == DOCUMENTS
        processes += multiprocessing.active_children()  # the reading's worker processes
        assert processes and not READING_ENDED.is_set()
        await pilot.press("q")
    assert app.return_code == 0
    assert READING_ENDED.wait(60)  # a bound for a broken build, not a timing assertion
    for process in processes:
        process.join(10)
        assert not process.is_alive()
    database = tmp_path / "cache" / "documents.sqlite3"
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        cached = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
    assert cached < DOCUMENTS // 2  # stopped: not every document was read and cached


async def test_q_kills_a_side_job_running_in_a_forked_child(tmp_path: Path) -> None:
    # The index snapshot's save and the search for copies run in forked children
    # (medtui.ui.offload): quitting must not wait for them.
    from medtui.ui import offload
    from test_ui_fixtures import make_app

    if not offload.can_fork():
        pytest.skip("needs fork")
    ended: list[str] = []

    def side_job() -> None:
        try:
            offload.call_in_child(lambda: time.sleep(60))
            ended.append("answered")
        except offload.ChildFailed:
            ended.append("killed")

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        runner = threading.Thread(target=side_job)
        runner.start()
        for _ in range(100):  # until the child runs
            if offload._LIVE:
                break
            await pilot.pause(0.05)
        assert offload._LIVE
        await pilot.press("q")
    runner.join(timeout=10)
    assert ended == ["killed"]
