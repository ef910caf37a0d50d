"""The four panes driven by keys: focus, institution filters, shared view, timeline, article."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.ui.widgets.article import ArticleView
from test_ui_fixtures import (
    EVIDENCE,
    isolate,
    make_app,
    option_ids,
    screen_text,
    settle,
)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


async def test_number_keys_and_tab_move_focus_between_panes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        expected = {"1": "inst-list", "2": "story-list", "3": "article", "4": "timeline-list"}
        for key, widget_id in expected.items():
            await pilot.press(key)
            assert app.focused is not None and app.focused.id == widget_id
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "inst-list"
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "timeline-list"
        assert app.query_one("#pane-timeline").has_class("-active")


async def test_stories_are_newest_first_with_undated_last() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # s1 is 2025-03-11, s3 is year-only 2025 (after the 2025 dates, as on the
        # timeline), s2 is 2024-05, s4 undated.
        assert option_ids(app, "#story-list") == ["s1", "s3", "s2", "s4"]


async def test_choosing_an_institution_narrows_stories_and_timeline() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1", "f", *"gam", "enter")  # type-to-filter, then back to the list
        assert option_ids(app, "#inst-list") == ["i3"]
        await pilot.press("enter")
        assert app.model.filters.institutions == ["i3"]
        assert option_ids(app, "#story-list") == ["s3"]
        assert [i for i in option_ids(app, "#timeline-list") if not i.startswith("group:")] == [
            "e2"
        ]
        assert "Gamma Government" in screen_text(app).split("\n")[1]  # the filter bar
        await pilot.press("x")
        assert option_ids(app, "#story-list") == ["s1", "s3", "s2", "s4"]


async def test_second_institution_shows_what_the_two_share() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1", "o")  # sort by name: Alpha, Beta, Gamma
        assert option_ids(app, "#inst-list") == ["i1", "i2", "i3"]
        await pilot.press("enter", "j", "enter")
        assert app.model.filters.institutions == ["i1", "i2"]
        assert option_ids(app, "#story-list") == ["s1", "s4"]
        events = [i for i in option_ids(app, "#timeline-list") if not i.startswith("group:")]
        assert events == ["e1", "e4"]
        assert "shared: 2 stories, 2 events" in screen_text(app)
        await pilot.press("backspace")  # drop the last one: Alpha only
        assert app.model.filters.institutions == ["i1"]
        assert option_ids(app, "#story-list") == ["s1", "s2", "s4"]


async def test_timeline_order_groups_and_kind_filter() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert option_ids(app, "#timeline-list") == [
            "group:2024-05", "e3",
            "group:2025-03", "e1", "e5",
            "group:2025", "e2",
            "group:Undated", "e4",
        ]
        text = screen_text(app)
        assert "── 2025 (year only) ──" in text and "── Undated ──" in text
        await pilot.press("4", "e")  # first kind present, in EVENT_KINDS order: mou
        assert app.model.filters.event_kind == "mou"
        assert option_ids(app, "#timeline-list") == ["group:2025-03", "e1"]


async def test_timeline_enter_opens_story_at_its_evidence() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4", "down", "enter")  # the highlight starts on e3; down: e1
        article = app.query_one(ArticleView)
        assert article.story is not None and article.story.id == "s1"
        assert app.focused is article
        lines = article.plain_lines
        evidence_line = next(n for n, line in enumerate(lines) if "memorandum" in line)
        top = article.scroll_offset.y
        assert top > 0
        assert top <= evidence_line < top + article.scrollable_content_region.height
        assert EVIDENCE.split()[0] in screen_text(app)
        await pilot.press("escape")  # back where the story was opened from
        assert app.focused is not None and app.focused.id == "timeline-list"


async def test_article_keys_scroll() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_story("s1")
        await pilot.pause()
        article = app.query_one(ArticleView)
        assert article.scroll_offset.y == 0
        await pilot.press("j", "j")
        assert article.scroll_offset.y == 2
        await pilot.press("k")
        assert article.scroll_offset.y == 1
        await pilot.press("G")
        assert article.scroll_offset.y == article.max_scroll_y > 10
        await pilot.press("g")
        assert article.scroll_offset.y == 0
        await pilot.press("space")
        assert article.scroll_offset.y > 5
        await pilot.press("pageup")
        assert article.scroll_offset.y == 0


async def test_article_shows_date_precision_publisher_and_source() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_story("s1")
        await pilot.pause()
        lines = app.query_one(ArticleView).plain_lines
        assert lines[0] == "Alpha and Beta sign MoU"
        assert "Date: 2025-03-11 (exact day)" in lines
        assert "Publisher: Alpha News" in lines
        assert "Source: https://alpha.example/mou" in lines
        assert "Institutions: Alpha University; Beta Hospital" in lines


async def test_x_clears_the_typed_institution_filter_too() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1", "f", *"gamma")
        await settle(pilot)
        assert option_ids(app, "#inst-list") == ["i3"]
        await pilot.press("down", "x")  # to the list (the box keeps its text), then x
        await settle(pilot)
        assert sorted(option_ids(app, "#inst-list")) == ["i1", "i2", "i3"]
        assert app.query_one("#inst-filter").value == ""


async def test_o_without_a_search_says_why_the_order_stays() -> None:
    from test_ui_fixtures import search_for

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "o")
        await settle(pilot)
        assert "o orders search hits" in screen_text(app)
        await search_for(pilot, "beta")
        await pilot.press("enter", "o")
        await settle(pilot)
        first = app.model.story_sort
        await pilot.press("o")
        await settle(pilot)
        assert app.model.story_sort != first  # with hits, o switches relevance and date
