"""While indexing, a search's lists are redrawn once the typing pauses; keys echo first."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from medtui.corpus.model import Corpus, Story
from medtui.ui import searching
from test_ui_fixtures import FakeIndex, isolate, make_app, option_ids, screen_text


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


class HalfwayIndex(FakeIndex):
    """Searchable after the first half of the stories; the rest wait for ``rest``."""

    def __init__(self) -> None:
        super().__init__()
        self.rest = threading.Event()

    def add(self, corpus: Corpus, stories: Sequence[Story], *, progress: Any = None,
            cancelled: Any = None, workers: int | None = None) -> None:
        half = len(stories) // 2 or 1
        self.stories.extend(stories)  # every story findable: the hits do not change meanwhile
        if progress is not None:
            progress(half, len(stories))
        self.rest.wait(10)
        if progress is not None:
            progress(len(stories), len(stories))


async def wait_for(pilot: Any, check: Any, rounds: int = 100) -> None:
    for _ in range(rounds):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("never happened")


async def test_lists_wait_for_a_pause_in_typing_the_count_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(searching, "TYPING_PAUSE_S", 30.0)  # the typing never pauses here
    index = HalfwayIndex()
    app = make_app(index=index)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: app.index is not None)
            everything = sorted(option_ids(app, "#story-list"))
            await pilot.press("slash", *"beta")
            await wait_for(pilot, lambda: "hits so far" in screen_text(app).split("\n")[0])
            assert app.model.search is not None and app.model.search.total == 3
            assert sorted(option_ids(app, "#story-list")) == everything  # not redrawn yet
            await pilot.press("enter")  # to the results: drawn now, whatever the typing
            await pilot.pause()
            assert sorted(option_ids(app, "#story-list")) == ["s1", "s3", "s4"]
            assert app.focused is not None and app.focused.id == "story-list"
    finally:
        index.rest.set()


async def test_the_lists_follow_once_the_typing_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(searching, "TYPING_PAUSE_S", 0.6)
    index = HalfwayIndex()
    app = make_app(index=index)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: app.index is not None)
            await pilot.press("slash", *"gamma")
            await wait_for(pilot, lambda: option_ids(app, "#story-list") == ["s3"])
            assert not app.index_complete  # still indexing: the answer came "so far"
            assert app.focused is not None and app.focused.id == "search-input"
    finally:
        index.rest.set()


class GateIndex(FakeIndex):
    """Indexes nothing until ``go`` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.go = threading.Event()

    def add(self, corpus: Corpus, stories: Sequence[Story], *, progress: Any = None,
            cancelled: Any = None, workers: int | None = None) -> None:
        self.go.wait(10)
        super().add(corpus, stories, progress=progress, cancelled=cancelled, workers=workers)


async def test_the_bar_counts_indexing_from_none_not_from_readings_end() -> None:
    from textual.widgets import ProgressBar

    index = GateIndex()
    app = make_app(index=index)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "Indexing" in screen_text(app))
            bar = app.query_one(ProgressBar)
            assert bar.display and bar.progress == 0 and bar.total == len(app.model.corpus.stories)
    finally:
        index.go.set()
