"""Keys typed in one burst act in the order typed, on the pane they were typed at.

A terminal delivers a quick burst (``tmux send-keys Enter 4``) as key events
queued one after another, with no pause between them. These tests post such a
burst straight into the app's queue, the way the terminal driver does, instead
of ``pilot.press`` (which waits for each key to be handled before the next).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from medtui.ui.app import MedtuiApp
from test_ui_fixtures import FakeIndex, isolate, make_app, option_ids, settle


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


CHARACTERS = {"enter": "\r", "escape": "\x1b", "slash": "/", "backspace": "\x7f"}


async def burst_only(pilot: Pilot[Any], *keys: str) -> None:
    """Queue every key at once, as a terminal delivers a fast burst."""
    app = pilot.app
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Queue every key at once, then let them be handled."""
    await burst_only(pilot, *keys)
    await settle(pilot)


def focused_id(app: MedtuiApp) -> str | None:
    """The id of the focused widget."""
    return app.focused.id if app.focused is not None else None


async def test_enter_then_a_pane_key_selects_in_the_pane_it_was_typed_at() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        first = option_ids(app, "#inst-list")[0]
        await burst(pilot, "enter", "4")
        assert app.model.filters.institutions == [first]  # Enter acted in Institutions
        assert focused_id(app) == "timeline-list"  # then 4 went to the timeline
        assert app.query_one("#article").story is None  # and opened nothing there


async def test_a_burst_walks_the_panes_in_order() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "1", "j", "enter", "2", "j", "enter")
        # j in Institutions (Alpha, then Beta by count), Enter selects Beta;
        # stories narrow to Beta's (s1, s3, s4); j then Enter opens the second.
        assert app.model.filters.institutions == ["i2"]
        assert option_ids(app, "#story-list") == ["s1", "s3", "s4"]
        assert app.query_one("#article").story.id == "s3"
        assert focused_id(app) == "article"


async def test_letters_typed_right_after_f_land_in_the_filter_box() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await burst(pilot, "f", "g", "a", "m")
        assert app.query_one("#inst-filter").value == "gam"
        assert option_ids(app, "#inst-list") == ["i3"]
        assert app.model.filters.institutions == []


async def test_enter_in_the_filter_box_then_a_pane_key() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1", "f", *"gam")
        await burst(pilot, "enter", "enter", "2")
        # Enter leaves the box, Enter selects Gamma, 2 goes to Stories: nothing typed.
        assert app.query_one("#inst-filter").value == "gam"
        assert app.model.filters.institutions == ["i3"]
        assert focused_id(app) == "story-list"


async def test_slash_then_a_query_then_enter_reaches_the_results() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "2", "slash", *"gamma", "enter")
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.query_one("#search-input").value == "gamma"
        assert focused_id(app) == "story-list"
        assert option_ids(app, "#story-list") == ["s3"]


async def test_enter_typed_ahead_of_the_results_opens_the_first_hit() -> None:
    index = FakeIndex()
    gate = threading.Event()
    index.hold["centre"] = gate  # the search answers only when the test says so
    app = make_app(index=index)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Before the search, the stories list starts with s3; the one hit is s2.
        await burst_only(pilot, "2", "slash", *"centre", "enter", "enter")
        for _ in range(20):
            if index.calls:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        assert app.query_one("#article").story is None  # the second Enter waits...
        gate.set()
        await settle(pilot)
        assert option_ids(app, "#story-list") == ["s2"]
        assert app.query_one("#article").story.id == "s2"  # ...for the results it was for
        assert focused_id(app) == "article"


async def test_keys_typed_right_after_f1_act_in_the_help() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        start = app.query_one("#story-list").highlighted
        await burst(pilot, "f1", "j", "j")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.pause()
        assert app.screen.query_one("#help-table").scroll_offset.y == 2  # scrolled 2 down
        assert app.query_one("#story-list").highlighted == start  # the list did not move
        await burst(pilot, "escape", "j")
        assert type(app.screen).__name__ == "MainScreen"
        assert app.query_one("#story-list").highlighted == start + 1


async def test_words_typed_right_after_ctrl_p_land_in_the_palette() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "ctrl+p", *"starred")
        await pilot.pause(0.3)
        assert app.screen.query_one("Input").value == "starred"
        await burst(pilot, "escape")
        assert type(app.screen).__name__ == "MainScreen"
        assert not app.model.filters.starred_only
