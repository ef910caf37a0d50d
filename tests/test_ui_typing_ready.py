"""After Ready too, a search's hit count shows at once and its lists follow a typing pause
(or Enter / Down): each key echoes before the three lists are redrawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from medtui.ui import searching
from test_ui_fixtures import isolate, make_app, option_ids, screen_text, settle
from test_ui_typing_indexing import wait_for


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def hint(app: Any) -> str:
    return screen_text(app).split("\n")[0]


async def type_while_the_lists_wait(pilot: Any, app: Any, query: str) -> list[str]:
    """Type ``query`` once everything is indexed; wait for its count; the rows still shown."""
    await settle(pilot)
    assert app.index_complete and app.phase == "Ready"
    everything = sorted(option_ids(app, "#story-list"))
    await pilot.press("slash", *query)
    await wait_for(pilot, lambda: app.model.search is not None)
    await pilot.pause()
    return everything


async def test_after_ready_the_count_shows_at_once_the_lists_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(searching, "TYPING_PAUSE_S", 30.0)  # the typing never pauses here
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        everything = await type_while_the_lists_wait(pilot, app, "beta")
        assert "3 hits" in hint(app) and "so far" not in hint(app)
        assert sorted(option_ids(app, "#story-list")) == everything  # not redrawn yet
        assert app.focused is not None and app.focused.id == "search-input"


@pytest.mark.parametrize("key", ["enter", "down"])
async def test_after_ready_enter_or_down_draws_the_held_lists(
    monkeypatch: pytest.MonkeyPatch, key: str,
) -> None:
    monkeypatch.setattr(searching, "TYPING_PAUSE_S", 30.0)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        everything = await type_while_the_lists_wait(pilot, app, "gamma")
        assert option_ids(app, "#story-list") != ["s3"] and len(everything) == 4
        await pilot.press(key)
        await pilot.pause()
        assert option_ids(app, "#story-list") == ["s3"]
        assert app.focused is not None and app.focused.id == "story-list"


async def test_after_ready_the_lists_follow_once_the_typing_pauses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(searching, "TYPING_PAUSE_S", 0.6)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_while_the_lists_wait(pilot, app, "gamma")
        await wait_for(pilot, lambda: option_ids(app, "#story-list") == ["s3"])
        assert app.focused is not None and app.focused.id == "search-input"  # still typing


async def test_after_ready_a_held_redraw_keeps_the_newest_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(searching, "TYPING_PAUSE_S", 0.8)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_while_the_lists_wait(pilot, app, "alpha")
        await pilot.press(*" meets")  # typed on before alpha's lists were drawn
        await wait_for(pilot, lambda: option_ids(app, "#story-list") == ["s4"])
        assert app.model.search is not None and app.model.search.query == "alpha meets"


async def test_a_search_without_hits_says_so_under_the_empty_list() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_while_the_lists_wait(pilot, app, "zzqx")
        await pilot.press("enter")  # the results, drawn now
        await pilot.pause()
        assert option_ids(app, "#story-list") == []
        assert app.query_one("#pane-stories").border_subtitle == "no hits"
        assert "No match" in hint(app)
