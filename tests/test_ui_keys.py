"""Keys: F1 help generated from the bindings, keymap from the config, palette, quit."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import DataTable, Static

from medtui.config import Config
from medtui.ui.app import MainScreen, MedtuiApp
from medtui.ui.screens.help import HelpScreen
from medtui.ui.widgets.article import ArticleView
from medtui.ui.widgets.institutions import InstitutionFilter, InstitutionList
from medtui.ui.widgets.navlist import NavList
from medtui.ui.widgets.searchbar import SearchInput
from medtui.ui.widgets.stories import StoryList
from medtui.ui.widgets.timeline import TimelineList
from test_ui_fixtures import (
    isolate,
    make_app,
    screen_text,
    settle,
)

OUR_CLASSES = (MedtuiApp, MainScreen, NavList, InstitutionList, InstitutionFilter, StoryList,
               TimelineList, ArticleView, SearchInput, HelpScreen)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def help_rows(app: MedtuiApp) -> list[tuple[str, str, str, str]]:
    """(where, keys, action, binding id) for each key row of the help table.

    'Where' is the section header row above it.
    """
    table = app.screen.query_one(DataTable)
    rows = []
    where = ""
    for row_key in table.rows:
        keys, action = (str(cell) for cell in table.get_row(row_key))
        if str(row_key.value).startswith("section:"):
            where = str(row_key.value).removeprefix("section:")
            continue
        description, _, binding_id = action.partition("  ")
        rows.append((where, keys, description, binding_id))
    return rows


def test_every_binding_of_ours_has_an_id() -> None:
    for cls in OUR_CLASSES:
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding) and binding.id, (cls.__name__, binding)


async def test_f1_lists_every_binding() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app)
        ids = {binding_id for row in rows for binding_id in row[3].split(", ")}
        for cls in OUR_CLASSES[:-1]:
            for binding in cls.BINDINGS:
                assert isinstance(binding, Binding)
                assert binding.id in ids, binding.id
        star = next(row for row in rows if row[3] == "story.star")
        assert star[1] == "s" and star[0] == "Global"
        assert any(row[0] == "Article" and row[2] == "Next match" for row in rows)
        # The search fields are on F1 too (a user over SSH has no README open), and where
        # config.yaml is.
        syntax = {row[1] for row in rows if row[0] == "Search syntax"}
        assert {"kind:mou", "date:2025", "title:word", '"a phrase"'} <= syntax
        foot = str(app.screen.query_one("#help-foot", Static).render())
        assert "$MEDTUI_CONFIG_DIR/config.yaml" in foot  # the tests' private folder
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_keymap_from_config_rebinds_and_help_follows() -> None:
    config = Config(keymap={"story.star": "ctrl+s", "no.such.action": "z", "help.close": "c"})
    app = make_app(config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")
        assert not app.model.is_starred("s1")
        await pilot.press("ctrl+s")
        assert app.model.is_starred("s1")
        assert any("no.such.action" in warning for warning in app.warnings)
        assert not any("help.close" in warning for warning in app.warnings)
        await pilot.press("f1")
        star = next(row for row in help_rows(app) if row[3] == "story.star")
        assert star[1] == "^s"
        await pilot.press("c")  # the rebound help.close
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_runs_an_action() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"starred only")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.model.filters.starred_only


async def test_palette_lists_pane_actions_too() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = {f"{e.section}: {e.description}" for e in app.key_entries()}
        assert {"Timeline: Event kind", "Article: Next match", "Global: Quit"} <= titles


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_q_types_into_the_search_box_instead_of_quitting() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")
        assert app.is_running
        assert "/ q" in screen_text(app).split("\n")[0]
