"""Small things a new user hit (issue 12, fresh-eyes trial): each checked by pressing keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.ui.screens.kinds import KindPickerScreen
from test_ui_fixtures import isolate, make_app, screen_text, search_for, settle


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def line_with(app: object, word: str) -> str:
    """The first screen line holding ``word``."""
    return next(line for line in screen_text(app).splitlines() if word in line)  # type: ignore[arg-type]


async def test_kind_picker_ticks_differ_by_glyph_not_colour() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4", "E")
        await pilot.pause()
        assert isinstance(app.screen, KindPickerScreen)
        # Nothing picked yet: no kind is ticked (none is shown as ticked in colour either).
        assert "[ ] mou" in line_with(app, "mou") and "[x]" not in screen_text(app)
        await pilot.press("space")  # tick the first kind
        await pilot.pause()
        assert "[x] mou" in line_with(app, "mou")
        assert "[ ] agreement" in line_with(app, "agreement")


async def test_error_hint_wraps_at_80_columns() -> None:
    app = make_app(index=None)  # the real index: its own error for a malformed date
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search_for(pilot, "date:2025-13")
        error = app.model.search.error if app.model.search else None
        assert error and len(error) > 60  # longer than the hint's room on one line
        shown = " ".join(line.strip() for line in screen_text(app).splitlines()[:4])
        assert error in shown  # all of it, wrapped under itself


async def test_palette_keys_opens_the_help_and_escape_closes_it() -> None:
    from textual.command import CommandPalette

    from medtui.ui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"keys")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert not app.screen.query("HelpPanel") and not app.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen | CommandPalette)
        assert not app.screen.query("HelpPanel")


def corpus_with_aliases() -> object:
    """The UI fixture corpus; Beta Hospital also answers to three names, one inside another."""
    from test_ui_fixtures import make_corpus

    corpus = make_corpus()
    corpus.institutions[1].aliases = ["Beta Clinic Annex", "Beta Clinic", "BH"]
    return corpus


async def on_institution(pilot: object, inst_id: str) -> None:
    from medtui.ui.widgets.navlist import NavList

    await pilot.press("1")  # type: ignore[attr-defined]
    assert pilot.app.query_one("#inst-list", NavList).highlight_id(inst_id)  # type: ignore[attr-defined]


async def test_split_filter_puts_the_exact_name_first(tmp_path: Path) -> None:
    app = make_app(corpus=corpus_with_aliases())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await on_institution(pilot, "i2")
        # "Beta Clinic Annex" comes first among the names and also holds what is typed.
        await pilot.press("d", *"beta clinic", "enter")
        await settle(pilot)
        assert "Split Beta Clinic off Beta Hospital" in screen_text(app)


async def test_rename_to_nothing_says_so(tmp_path: Path) -> None:
    from medtui.ui.screens.curate import NameDialog

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await on_institution(pilot, "i2")
        await pilot.press("r", "ctrl+u", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)  # still asking, and saying why
        assert "A name cannot be empty" in screen_text(app)
        await pilot.press(*"Beta General", "enter")
        await settle(pilot)
        assert app.model.institution_name("i2") == "Beta General"


async def test_y_on_institutions_copies_the_names() -> None:
    from medtui.ui.screens.citation import CitationScreen

    app = make_app(corpus=corpus_with_aliases())
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await on_institution(pilot, "i2")
        await pilot.press("y")
        await pilot.pause()
        assert copied == ["Beta Hospital (also: Beta Clinic Annex; Beta Clinic; BH)"]
        assert isinstance(app.screen, CitationScreen)
        assert "Beta Clinic" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "names sent to the clipboard" in screen_text(app)


async def test_y_with_no_story_says_why() -> None:
    from medtui.corpus.model import Corpus

    app = make_app(corpus=Corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert "No story to cite" in screen_text(app)
