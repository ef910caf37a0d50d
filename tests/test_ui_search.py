"""The search box: hits as you type, stale results dropped, Escape, "did you mean", n/N."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from medtui.ui.widgets.article import ArticleView
from medtui.ui.widgets.searchbar import SearchBar
from medtui.ui.widgets.timeline import TimelinePane
from test_ui_fixtures import (
    FakeIndex,
    isolate,
    make_app,
    option_ids,
    screen_text,
    search_for,
    settle,
)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


async def test_slash_and_typing_gives_hits_from_the_real_index() -> None:
    app = make_app(index=None)  # the real whoosh StoryIndex
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await search_for(pilot, "memorandum")
        assert app.focused is not None and app.focused.id == "search-input"
        assert app.model.search is not None and app.model.search.total == 1
        assert option_ids(app, "#story-list") == ["s1"]
        assert "1 hit" in screen_text(app).split("\n")[0]


async def test_results_follow_typing_and_enter_goes_to_them() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "beta")
        assert sorted(option_ids(app, "#story-list")) == ["s1", "s3", "s4"]
        text = screen_text(app)
        assert re.search(r"3 hits +\d+ ev +\d+ st +Beta Hospital", text)
        assert re.search(r"1 hit  +\d+ ev +\d+ st +Gamma Government", text)
        await search_for(pilot, " gamma")  # the box now holds "beta gamma"
        assert option_ids(app, "#story-list") == ["s3"]
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "story-list"


async def test_a_slow_stale_search_never_replaces_a_newer_one() -> None:
    index = FakeIndex()
    gate = threading.Event()
    index.hold["beta"] = gate  # the first search ("beta") hangs until released
    app = make_app(index=index)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"beta")
        await pilot.pause(0.35)  # debounce over: "beta" is being searched, and hangs
        assert index.calls == ["beta"]
        await pilot.press(*" gamma")
        await pilot.pause(0.35)
        for _ in range(40):  # the lists follow once the typing pauses (TYPING_PAUSE_S)
            if option_ids(app, "#story-list") == ["s3"]:
                break
            await pilot.pause(0.05)
        assert app.model.search is not None and app.model.search.query == "beta gamma"
        assert option_ids(app, "#story-list") == ["s3"]
        gate.set()  # now the stale "beta" answer arrives...
        await settle(pilot)
        assert app.stale_searches == 1  # ...and is dropped
        assert app.model.search.query == "beta gamma"
        assert option_ids(app, "#story-list") == ["s3"]


async def test_escape_clears_the_search_and_returns_focus() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await search_for(pilot, "gamma")
        assert option_ids(app, "#story-list") == ["s3"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.query_one(SearchBar).value == ""
        assert app.model.search is None
        assert option_ids(app, "#story-list") == ["s1", "s3", "s2", "s4"]
        assert app.focused is not None and app.focused.id == "timeline-list"


async def test_did_you_mean_is_shown_and_enter_accepts_it() -> None:
    app = make_app(index=FakeIndex(suggestions={"gamma hospitl": "gamma hospital"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "gamma hospitl")
        assert option_ids(app, "#story-list") == []
        assert "Did you mean gamma hospital?" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause(0.35)
        await settle(pilot)
        assert app.query_one(SearchBar).value == "gamma hospital"
        assert option_ids(app, "#story-list") == ["s3"]


async def test_n_and_shift_n_move_between_highlighted_matches() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "partnership")
        assert option_ids(app, "#story-list") == ["s1"]
        await pilot.press("enter", "enter")  # to the results, then open s1
        article = app.query_one(ArticleView)
        assert app.focused is article and article.match_count == 3
        assert "3 matches (n/N)" in screen_text(app)
        await pilot.press("n")
        assert article.current_match == 0
        await pilot.press("n")
        assert article.current_match == 1
        line = next(n for n, text in enumerate(article.plain_lines) if "second partnership" in text)
        top = article.scroll_offset.y
        assert top <= line < top + article.scrollable_content_region.height
        assert "match 2/3 (n/N)" in screen_text(app)
        await pilot.press("N", "N")
        assert article.current_match == 2  # wrapped around to the last
        assert article.scroll_offset.y > top


async def test_highlight_styles_do_not_rely_on_colour() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "partnership")
        await pilot.press("enter", "enter", "n")
        article = app.query_one(ArticleView)
        current = article.get_component_rich_style("article--current", partial=True)
        match = article.get_component_rich_style("article--match", partial=True)
        assert current.reverse and current.bold
        assert match.bold and match.underline


async def test_digits_inside_the_search_box_are_typed() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ab 2025 1")
        assert app.query_one(SearchBar).value == "ab 2025 1"
        assert app.focused is not None and app.focused.id == "search-input"


async def test_slash_again_selects_the_query_so_typing_replaces_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "beta")
        await pilot.press("enter")  # to the results
        await pilot.press("slash", *"gamma")  # from a pane
        assert app.query_one(SearchBar).value == "gamma"
        await pilot.press("slash", *"alpha")  # in the box itself
        assert app.query_one(SearchBar).value == "alpha"
        await pilot.press("enter", "1", "f", *"be", "slash", *"beta")  # from the names filter
        assert app.query_one("#inst-filter").value == "be"
        assert app.query_one(SearchBar).value == "beta"
        await pilot.press("slash", "slash", *"x")  # a second / types one
        assert app.query_one(SearchBar).value == "/x"


async def test_a_query_typed_while_indexing_runs_when_the_index_is_ready() -> None:
    index = FakeIndex()
    index.adding = threading.Event()
    app = make_app(index=index)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"gamma")
        await pilot.pause(0.35)
        assert "searching once stories are indexed" in screen_text(app)
        assert index.calls == []
        index.adding.set()
        await settle(pilot)
        assert index.calls[-1] == "gamma"  # after the first batch, and again when all are in
        assert option_ids(app, "#story-list") == ["s3"]


async def test_a_kind_search_shows_only_events_of_that_kind_in_the_timeline() -> None:
    app = make_app(index=None)  # the real index: s1 holds a MoU (e1) and a grant (e5)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "kind:mou")
        await settle(pilot)
        assert "s1" in option_ids(app, "#story-list")
        assert [e.id for e in app.model.visible_events()] == ["e1"]
        assert "mou (search)" in str(app.query_one(TimelinePane).border_subtitle)
        await search_for(pilot, " OR kind:grant")
        await settle(pilot)
        assert sorted(e.id for e in app.model.visible_events()) == ["e1", "e5"]


async def test_an_unknown_kind_says_why_nothing_matched() -> None:
    app = make_app(index=None)  # the real index, which names the known kinds
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "kind:merger")
        assert app.model.search is not None and app.model.search.total == 0
        first = screen_text(app).split("\n")[0]
        assert "unknown event kind 'merger'" in first and "mou" in first


async def test_a_date_search_shows_only_events_dated_then_in_the_timeline() -> None:
    """date: finds stories by their date; the timeline keeps their events dated in that
    period (or undated), not a 2023 signing a 2025 story recalls (the second trial)."""
    from medtui.corpus.model import PartialDate
    from test_ui_fixtures import make_corpus

    corpus = make_corpus()
    recalled = next(e for e in corpus.events if e.id == "e5")
    recalled.date = PartialDate(2023, 11)  # s1 (dated 2025-03-11) recalls an older grant
    app = make_app(corpus=corpus, index=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "date:2025")
        await settle(pilot)
        assert "s1" in option_ids(app, "#story-list")
        assert sorted(e.id for e in app.model.visible_events()) == ["e1", "e2"]
