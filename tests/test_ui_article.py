"""The article pane lands on a timeline event's evidence at every terminal size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from medtui.corpus.model import Event, Story
from medtui.ui.widgets.article import ArticleView
from test_ui_fixtures import (
    EVIDENCE,
    FILLER,
    isolate,
    make_app,
    make_corpus,
    search_for,
    settle,
)

FIRST = "Delta College and Alpha University signed a pact on nursing education today."


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def corpus_with_early_evidence() -> Any:
    """The test corpus plus an undated story whose first sentence is its event's evidence."""
    corpus = make_corpus()
    text = FIRST + " " + " ".join([FILLER] * 3) + "\n\n" + "\n\n".join([FILLER] * 40)
    corpus.stories.append(Story("s5", "/docs/d.txt", "Delta and Alpha form pact", text,
                                None, ["i1"]))
    corpus.events.append(Event("e6", "s5", "mou", None, ["i1"], FIRST))
    corpus.institutions[0].stories.append("s5")
    return corpus


def evidence_rows(article: ArticleView, words: str) -> list[int]:
    """The screen lines of the article that hold the start of the sentence ``words``."""
    return [n for n, line in enumerate(article.plain_lines) if words in line]


def visible(article: ArticleView, row: int) -> bool:
    """Whether line ``row`` of the article is inside the pane's view."""
    top = article.scroll_offset.y
    return top <= row < top + article.scrollable_content_region.height


async def open_event(pilot: Pilot[Any], event_id: str) -> ArticleView:
    """Go to the timeline, put the cursor on ``event_id`` and press Enter."""
    app = pilot.app
    await pilot.press("4")
    timeline = app.query_one("#timeline-list")
    assert timeline.highlight_id(event_id)
    await pilot.press("enter")
    await settle(pilot)
    article = app.query_one(ArticleView)
    assert article.story is not None and app.focused is article
    return article


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_event_deep_in_the_text_opens_at_its_evidence(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article = await open_event(pilot, "e1")
        rows = evidence_rows(article, EVIDENCE.split(" signed")[0])
        assert rows and visible(article, rows[0]), (article.scroll_offset.y, rows)
        assert article.scroll_offset.y > 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_evidence_in_the_first_sentence_shows_the_top_of_the_story(
    size: tuple[int, int],
) -> None:
    app = make_app(corpus=corpus_with_early_evidence())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article = await open_event(pilot, "e6")
        rows = evidence_rows(article, "Delta College")
        assert rows and visible(article, rows[0]), (article.scroll_offset.y, rows)
        assert article.plain_lines[0] == "Delta and Alpha form pact"
        assert visible(article, 0)  # the title too: the story starts on screen


async def test_a_resize_keeps_the_evidence_in_view() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article = await open_event(pilot, "e1")
        for size in ((80, 24), (200, 50), (90, 30)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            rows = evidence_rows(article, EVIDENCE.split(" signed")[0])
            assert rows and visible(article, rows[0]), (size, article.scroll_offset.y, rows)


async def test_a_resize_after_scrolling_keeps_the_text_at_the_top() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article = await open_event(pilot, "e1")
        await pilot.press("g", *["j"] * 12)
        offset = article.top_offset
        assert offset is not None and offset > 0
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert article.scroll_offset.y == article.line_of_offset(offset)  # same text on top


async def test_the_match_count_speaks_english() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, "funding")  # once, in s3
        await pilot.press("enter", "enter")
        await settle(pilot)
        pane = app.query_one("#pane-article")
        assert app.query_one(ArticleView).story.id == "s3"
        assert pane.border_subtitle == "1 match (n/N)"
        await pilot.press("slash", *"partnership", "enter")  # "/" selects the old query

        await pilot.pause(0.35)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one(ArticleView).story.id == "s1"
        assert pane.border_subtitle == "3 matches (n/N)"
