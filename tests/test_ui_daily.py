"""The app as a daily tool: resizing, a new search's cursor, help keys, citations, fades.

Pilot tests on the hand-built corpus of :mod:`test_ui_fixtures` (issue 12).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.ui.app import MedtuiApp
from medtui.ui.widgets.article import ArticleView
from medtui.ui.widgets.navlist import NavList
from test_ui_fixtures import isolate, make_app, option_ids, screen_text, search_for, settle

PANES = ("#pane-institutions", "#pane-stories", "#pane-article", "#pane-timeline")


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def shown(app: MedtuiApp) -> list[str]:
    """The panes that take up room on the screen."""
    return [p for p in PANES if app.query_one(p).region.area > 0]


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
