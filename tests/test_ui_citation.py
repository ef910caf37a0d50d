"""y: the citation dialog shows the URL on a line of its own, unbroken, nothing after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from medtui.ui.screens.citation import CitationScreen
from test_ui_fixtures import isolate, make_app, make_corpus, screen_text, settle

LONG_URL = ("https://news.riverside-university.example/press/2025/03/"
            "riverside-university-and-northgate-hospital-sign-memorandum-of-understanding?ref=home&x=1")


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_citation_url_is_one_unbroken_line_without_trailing_dot(size: tuple[int, int]) -> None:
    corpus = make_corpus()
    corpus.documents[0].url = LONG_URL  # s1's document; longer than the dialog is wide
    app = make_app(corpus=corpus)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("y")  # the first story (s1) is highlighted
        await pilot.pause()
        assert isinstance(app.screen, CitationScreen)
        assert copied and copied[0].endswith(" " + LONG_URL)  # nothing after the URL
        link = app.screen.query_one("#citation-link", Static)
        assert str(link.render()) == LONG_URL
        assert link.size.height == 1 and link.size.width >= len(LONG_URL)  # not wrapped
        text = screen_text(app)
        start = LONG_URL[:40]
        row = next(line for line in text.splitlines() if start in line)
        assert row.split(start)[0].rstrip().endswith("┃"), text  # the dialog's edge, then the URL alone
        head = str(app.screen.query_one("#citation-text", Static).render())
        assert LONG_URL not in head and head.endswith(".")
        row = app.screen.query_one("#citation-link-row")
        title = str(app.screen.query_one("#citation-title", Static).render())
        assert ("scroll it" in title) == (link.size.width > row.size.width)  # the cut is said
        if link.size.width > row.size.width:  # wider than the dialog: it scrolls sideways
            before = row.scroll_x
            await pilot.press("right", "right", "right")
            await pilot.pause()
            assert row.scroll_x > before and isinstance(app.screen, CitationScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CitationScreen)


async def test_a_short_url_gives_no_scroll_hint() -> None:
    corpus = make_corpus()
    corpus.documents[0].url = "https://riverside.example/a"
    app = make_app(corpus=corpus)
    app.copy_to_clipboard = lambda _text: None  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CitationScreen)
        title = str(app.screen.query_one("#citation-title", Static).render())
        assert "scroll" not in title and "Escape closes" in title


async def test_the_browser_keys_wait_while_the_dialog_is_open() -> None:
    """Pane keys, star and search must not act unseen behind an open dialog."""
    app = make_app(corpus=make_corpus())
    app.copy_to_clipboard = lambda _text: None  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CitationScreen)
        await pilot.press("4", "s", "slash")
        await pilot.pause()
        assert isinstance(app.screen, CitationScreen)
        assert app.active_pane == "stories" and not app.model.starred
        await pilot.press("escape", "4")
        await pilot.pause()
        assert not isinstance(app.screen, CitationScreen) and app.active_pane == "timeline"
