"""The app as a daily tool: resizing, a new search's cursor, help keys, citations, fades.

Pilot tests on the hand-built corpus of :mod:`test_ui_fixtures` (issue 12).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from medtui.config import Config
from medtui.corpus.model import Story
from medtui.ui import loading as loading_module
from medtui.ui import view as view_module
from medtui.ui.app import MedtuiApp
from medtui.ui.render import count
from medtui.ui.screens.help import HelpScreen
from medtui.ui.widgets.article import ArticleView
from medtui.ui.widgets.navlist import NavList
from test_ui_fixtures import PANES, FakeIndex, isolate, make_app, option_ids, screen_text, search_for, settle, shown


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


async def test_the_layout_follows_each_resize_at_once_both_ways() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app) == ["#pane-stories"]
        for (width, height), panes in (
            ((120, 40), list(PANES)),
            ((80, 24), ["#pane-stories"]),
            ((100, 30), list(PANES)),  # the boundary: 100 columns fit four panes
            ((99, 30), ["#pane-stories"]),
            ((100, 30), list(PANES)),
        ):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert app.size.width == width
            assert shown(app) == panes, (width, height)
            assert ("[2 Stories]" in screen_text(app)) == (len(panes) == 1)


async def test_a_new_search_puts_the_cursor_on_its_top_hit() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        stories = app.query_one("#story-list", NavList)
        assert stories.highlight_id("s3")  # another story among the coming hits is selected
        await search_for(pilot, "beta")
        rows = option_ids(app, "#story-list")
        assert "s3" in rows and rows[0] != "s3"
        assert stories.highlighted_id() == rows[0]
        await pilot.press("enter", "enter")  # to the hits, then open the top one
        await settle(pilot)
        assert app.query_one(ArticleView).story is not None
        assert app.query_one(ArticleView).story.id == rows[0]
        # The same query over more stories (indexing went on) keeps the cursor where it is.
        await pilot.press("2", "j")
        moved = stories.highlighted_id()
        assert moved == rows[1]
        app.start_search("beta")
        await settle(pilot)
        assert stories.highlighted_id() == moved


async def test_help_scrolls_with_the_keys_of_every_pane() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        assert table.max_scroll_y > 10  # more keys than fit: there is something to scroll

        async def offset_after(*keys: str) -> int:
            await pilot.press(*keys)
            await pilot.pause()
            return round(table.scroll_offset.y)

        assert await offset_after("j") == 1
        assert await offset_after("down", "down") == 3
        assert await offset_after("k") == 2
        assert await offset_after("up") == 1
        page = await offset_after("space")
        assert page > 5
        assert await offset_after("b") == 1
        assert await offset_after("pagedown") == page
        assert await offset_after("pageup") == 1
        assert await offset_after("G") == table.max_scroll_y
        assert await offset_after("g") == 0
        assert await offset_after("end") == table.max_scroll_y
        assert await offset_after("home") == 0
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_status_messages_fade_and_counts_say_one_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(view_module, "MESSAGE_SECONDS", 0.3)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")
        assert "Starred Alpha and Beta sign MoU" in screen_text(app)
        await wait_for(pilot, lambda: "Starred" not in screen_text(app))
        assert app.message == ""
        await pilot.press("1", "f", *"gam", "enter", "enter")  # Gamma: one story, one event
        text = screen_text(app)
        assert "1 event · all kinds" in text  # the timeline's subtitle
        assert "1 events" not in text and "1 stories" not in text
    assert count(1, "event") == "1 event"
    assert count(0, "story", "stories") == "0 stories"
    assert count(2, "institution") == "2 institutions"


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    """Let the app run until ``condition()`` holds (fails after 10 s)."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await pilot.pause(0.05)


async def test_stories_show_while_the_documents_are_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import medtui.pipeline

    folder = tmp_path / "docs"
    folder.mkdir()
    for n, name in enumerate(("Riverside University", "Northgate Hospital", "Lakeside College")):
        (folder / f"{n}.txt").write_text(f"{name} opens a library\n\n{name} opened a library.\n")
    gate = threading.Event()
    real = medtui.pipeline.iter_load

    def held_after_two(*args: Any, on_read: Any = None, **kwargs: Any) -> Iterator[list[Story]]:
        reads = 0

        def read(result: Any) -> None:
            nonlocal reads
            reads += 1
            if reads == 3:
                gate.wait(10)  # the third document is being read
            on_read(result)

        yield from real(*args, on_read=read, **kwargs)

    monkeypatch.setattr(medtui.pipeline, "iter_load", held_after_two)
    monkeypatch.setattr(loading_module, "GROW_EVERY_S", 0.0)
    monkeypatch.setattr(loading_module, "GROW_SHARE", 0)  # a snapshot after every document
    app = MedtuiApp([str(folder)], index=FakeIndex(), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: len(option_ids(app, "#story-list")) == 2)
        assert "Reading" in screen_text(app) and "2 stories" in screen_text(app)
        assert not gate.is_set() and app.index is None
        gate.set()
        await wait_for(pilot, lambda: app.phase == "Ready")
        assert len(option_ids(app, "#story-list")) == 3
