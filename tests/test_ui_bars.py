"""The filter bar, the status line, F1 and the pane sizes, at 80 and 120 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from medtui.ui.app import MedtuiApp
from medtui.ui.screens.help import HelpScreen
from test_ui_fixtures import isolate, make_app, option_ids, screen_text, search_for, settle
from test_ui_partners import partners_corpus


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def events_listed(app: MedtuiApp) -> list[str]:
    """The event rows of the timeline (no group headers)."""
    return [i for i in option_ids(app, "#timeline-list") if not i.startswith("group:")]


async def test_a_search_narrows_the_timeline_and_the_filter_bar_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search_for(pilot, "gamma")
        assert option_ids(app, "#story-list") == ["s3"]
        assert events_listed(app) == ["e2"]  # only the events of the hit story
        filter_bar = screen_text(app).split("\n")[1]
        assert "“gamma” → 1 story, 1 event" in filter_bar and "x clear" in filter_bar
        await pilot.press("enter", "x")  # to the results, then clear everything
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.model.search is None and app.query_one("#search-input").value == ""
        assert events_listed(app) == ["e3", "e1", "e5", "e2", "e4"]
        assert "No filters" in screen_text(app).split("\n")[1]


async def test_x_says_the_filters_are_cleared() -> None:
    app = make_app(corpus=partners_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        status = screen_text(app).split("\n")[-2]
        assert status.lstrip().startswith("Selected HKUST")
        await pilot.press("x")
        status = screen_text(app).split("\n")[-2]
        assert "Selected" not in status and "Filters cleared" in status
        await pilot.press("enter", "backspace")
        assert "Dropped HKUST" in screen_text(app).split("\n")[-2]


async def test_at_80_columns_the_filter_keys_always_show() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "j", "enter", "j", "enter")  # all three selected
        assert len(app.model.filters.institutions) == 3
        filter_bar = screen_text(app).split("\n")[1]
        assert filter_bar.rstrip().endswith("⌫ drop · x clear")
        assert "…" in filter_bar  # the filters are cut, not the keys


async def test_f1_fits_80_columns() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar
        text = ""
        for _ in range(table.row_count):  # walk the table; every binding id shows whole
            text += screen_text(app)
            await pilot.press("j")
        for binding_id in ("filter.drop_last", "institutions.filter_submit", "article.page_down"):
            assert binding_id in text


async def test_the_timeline_gets_the_room_until_a_story_is_open() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        timeline = app.query_one("#pane-timeline")
        article = app.query_one("#pane-article")
        assert timeline.region.height > 20
        assert article.region.height <= 6
        assert "No story open" in screen_text(app)
        await pilot.press("2", "enter")
        await settle(pilot)
        assert article.region.height > timeline.region.height
