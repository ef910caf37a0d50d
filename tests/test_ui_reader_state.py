"""Stars and read marks: s stars, opening marks read, filters, and both survive a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.state.store import ReaderState
from medtui.ui.screens.citation import CitationScreen
from test_ui_fixtures import (
    isolate,
    make_app,
    option_ids,
    screen_text,
    settle,
)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


async def test_starring_survives_an_app_restart(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")  # the first story, s1
        assert app.model.is_starred("s1")
        assert "Starred Alpha and Beta sign MoU" in screen_text(app)
        await pilot.press("q")
    assert app.return_code == 0
    assert list((tmp_path / "data").iterdir()), "the reader state is kept in MEDTUI_DATA_DIR"

    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.model.is_starred("s1")
        assert not again.model.is_starred("s3")
        assert "★" in screen_text(again)
        await pilot.press("S")  # starred only
        assert option_ids(again, "#story-list") == ["s1"]
        await pilot.press("2", "s")  # unstar it
        assert not again.model.is_starred("s1")
        assert option_ids(again, "#story-list") == []


async def test_opening_marks_read_and_the_unread_filter_hides_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.model.is_read("s1")
        await pilot.press("2", "enter")  # open s1, the first (newest) story
        assert app.model.is_read("s1")
        await pilot.press("u")
        assert option_ids(app, "#story-list") == ["s3", "s2", "s4"]
        assert "unread only" in screen_text(app)
        await pilot.press("u")
        assert option_ids(app, "#story-list") == ["s1", "s3", "s2", "s4"]
    state = ReaderState()
    try:
        assert len(state.read()) == 1
    finally:
        state.close()


async def test_star_key_acts_on_the_open_story_from_the_article() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_story("s2")
        await pilot.pause()
        await pilot.press("3", "s")
        assert app.model.is_starred("s2")


async def test_y_copies_the_citation() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        assert app.clipboard == (
            "“Alpha and Beta sign MoU”. Alpha News. 2025-03-11. https://alpha.example/mou"  # nothing after the URL
        )
        # OSC 52 may be ignored (tmux's default): the citation shows, to copy by hand.
        assert isinstance(app.screen, CitationScreen)
        text = " ".join(screen_text(app).split())
        assert "“Alpha and Beta sign MoU”. Alpha News. 2025-03-11." in text
        assert "set-clipboard on" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, CitationScreen)
        assert "Citation sent to the clipboard (OSC 52)" in screen_text(app)
