"""The app at scale: searchable while indexing is under way, instant on relaunch.

Loading and indexing run in workers; once the first batch of stories is indexed a
search answers over what is indexed so far, and the query is run again when all
are. A second launch on unchanged files opens the corpus and index saved by the
first one instead of indexing again.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from medtui.cache.snapshot import snapshot_root
from medtui.config import Config
from medtui.corpus.model import Corpus, Document, PartialDate, Story
from medtui.pipeline import bundled_seeds
from medtui.search import index as index_module
from medtui.search.index import StoryIndex
from medtui.ui.app import MedtuiApp
from test_ui_fixtures import isolate, screen_text, settle

STORIES = 150  # three indexing commits of 50


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)
    monkeypatch.delenv("MEDTUI_NO_CACHE", raising=False)
    monkeypatch.setattr(index_module, "COMMIT_EVERY", 50)


def big_corpus() -> Corpus:
    """Many small stories that all mention 'harbour'."""
    docs = [Document(path=f"/docs/{n:03d}.txt") for n in range(STORIES)]
    stories = [
        Story(f"s{n + 1}", f"/docs/{n:03d}.txt", f"Harbour note {n}",
              f"The harbour board met on day {n} to discuss berths.", PartialDate(2025, 1 + n % 12))
        for n in range(STORIES)
    ]
    return Corpus(documents=docs, stories=stories)


class GatedIndex(StoryIndex):
    """The real index, but its second commit waits until the test lets it go on."""

    def __init__(self) -> None:
        super().__init__()
        self.batches = 0
        self.gate = threading.Event()

    def _commit(self, *args: Any) -> None:
        self.batches += 1
        if self.batches == 2:
            self.gate.wait(30)
        super()._commit(*args)


async def wait_until(pilot: Pilot[Any], check: Any, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


async def type_query(pilot: Pilot[Any], query: str) -> None:
    app = pilot.app
    before = app.search_generation
    await pilot.press("slash", *query)
    await wait_until(pilot, lambda: app.search_generation > before)
    await wait_until(pilot, lambda: app.model.search is not None and app.model.search.query == query)


async def test_a_search_during_indexing_answers_over_what_is_indexed_so_far() -> None:
    index = GatedIndex()
    app = MedtuiApp(corpus=big_corpus(), index=index, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.index is not None)  # first batch in
        await type_query(pilot, "harbour")
        assert app.model.search is not None
        assert app.model.search.total == 50  # the first batch only
        assert index.batches == 2 and not index.gate.is_set()  # indexing still under way
        assert "Indexing" in screen_text(app)
        await wait_until(pilot, lambda: "50 hits so far" in screen_text(app))  # partial: says so
        index.gate.set()
        await settle(pilot)
        await wait_until(pilot, lambda: app.model.search.total == STORIES)
        assert app.phase == "Ready"
        await wait_until(pilot, lambda: f"{STORIES} hits" in screen_text(app))
        assert "so far" not in screen_text(app)


def copy_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in sorted(bundled_seeds().glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


async def run_until_searchable(app: MedtuiApp, query: str) -> int:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.phase == "Ready")
        await type_query(pilot, query)
        assert app.model.search is not None
        return app.model.search.total


async def test_a_relaunch_opens_the_saved_index_instead_of_indexing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = copy_seeds(tmp_path)
    first = await run_until_searchable(MedtuiApp([str(docs)], config=Config()), "medical")
    assert first > 0
    assert list(snapshot_root(tmp_path / "cache").glob("*.json")), "the first launch saved it"

    def no_indexing(self: StoryIndex, corpus: Corpus, stories: Sequence[Story], **_: Any) -> None:
        raise AssertionError("a relaunch on unchanged files must not index again")

    monkeypatch.setattr(StoryIndex, "add", no_indexing)
    app = MedtuiApp([str(docs)], config=Config())
    assert await run_until_searchable(app, "medical") == first
    assert not app.warnings


async def test_a_changed_file_is_indexed_again_on_relaunch(tmp_path: Path) -> None:
    docs = copy_seeds(tmp_path)
    await run_until_searchable(MedtuiApp([str(docs)], config=Config()), "medical")
    target = sorted(docs.iterdir())[2]
    target.write_text(target.read_text("utf-8") + "\nA closing sentence about narwhals.\n", "utf-8")
    assert await run_until_searchable(MedtuiApp([str(docs)], config=Config()), "narwhals") == 1


async def test_medtui_search_opens_the_index_the_app_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json
    import os

    import medtui.cli as cli
    from medtui.cache import searchable

    docs = copy_seeds(tmp_path)
    then = time.time_ns() - 3600 * 10**9  # a folder changed in the last 2 s is not trusted
    os.utime(docs, ns=(then, then))
    first = await run_until_searchable(MedtuiApp([str(docs)], config=Config()), "medical")
    opened: list[bool] = []
    real = searchable.open_search_index

    def spy(*args: Any) -> Any:
        index = real(*args)
        opened.append(index is not None)
        return index

    def no_indexing(self: StoryIndex, corpus: Corpus, stories: Sequence[Story], **_: Any) -> None:
        raise AssertionError("the CLI must open the index the app saved, not build one")

    monkeypatch.setattr(searchable, "open_search_index", spy)
    monkeypatch.setattr(StoryIndex, "add", no_indexing)
    assert cli.main(["search", "medical", str(docs), "--json"]) == 0
    assert (opened, json.loads(capsys.readouterr().out)["total"]) == ([True], first)
