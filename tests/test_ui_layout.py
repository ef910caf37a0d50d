"""Terminal sizes, escaping document text, warnings, themes, loading from disk."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from medtui.config import Config
from medtui.corpus.model import Corpus, Story
from medtui.ui import app as app_module
from medtui.ui.app import MedtuiApp, run
from medtui.ui.screens.warnings import WarningsScreen
from medtui.ui.widgets.article import ArticleView
from test_ui_fixtures import PANES, FakeIndex, isolate, make_app, option_ids, screen_text, settle, shown


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


async def test_80x24_shows_one_pane_at_a_time() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app) == ["#pane-stories"]
        assert app.query_one("#pane-stories").region.width == 80
        assert "[2 Stories]" in screen_text(app)
        await pilot.press("3")
        assert shown(app) == ["#pane-article"]
        assert "[3 Article]" in screen_text(app)
        await pilot.press("tab")
        assert shown(app) == ["#pane-timeline"]
        await pilot.press("1")
        assert shown(app) == ["#pane-institutions"]
        assert app.focused is not None and app.focused.id == "inst-list"


async def test_200x60_shows_all_four_panes() -> None:
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        assert shown(app) == list(PANES)
        assert "[2 Stories]" not in screen_text(app)  # no pane tabs when all panes fit


async def test_markup_and_escape_sequences_in_documents_show_literally() -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert "Undated note [bold]markup[/bold]" in screen_text(app)
        app.open_story("s4")
        await pilot.pause()
        article = app.query_one(ArticleView)
        assert "Text with [red]not red[/red] and escape inside." in " ".join(article.plain_lines)
        assert not any("\x1b" in line for line in article.plain_lines)
        assert "[red]not red[/red]" in screen_text(app)


async def test_document_warnings_are_counted_and_readable() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "⚠ 1 warning (w)" in screen_text(app)
        await pilot.press("w")
        assert isinstance(app.screen, WarningsScreen)
        assert "/docs/a.html: odd encoding, guessed cp1252" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, WarningsScreen)


async def test_theme_from_config_and_toggle() -> None:
    app = make_app(config=Config(theme="light"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "textual-dark"


async def test_a_configured_dark_theme_is_what_t_returns_to() -> None:
    app = make_app(config=Config(theme="nord"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        await pilot.press("t")
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "nord"


async def test_unknown_theme_is_a_warning_not_a_crash() -> None:
    app = make_app(config=Config(theme="no-such-theme"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("no-such-theme" in w for w in app.warnings)


async def test_documents_on_disk_load_in_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "one.txt").write_text("First headline\n\nSome text about [b]things[/b].\n")
    (folder / "two.txt").write_text("Second headline\n\nMore text.\n")
    gate = threading.Event()
    import medtui.pipeline

    real = medtui.pipeline.iter_load

    def slow_load(*args: object, **kwargs: object) -> Iterator[list[Story]]:
        gate.wait(10)
        yield from real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(medtui.pipeline, "iter_load", slow_load)
    app = MedtuiApp([str(folder)], index=FakeIndex(), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # The first frame is up while reading still runs: panes are there, empty.
        assert "Reading documents" in screen_text(app)
        assert option_ids(app, "#story-list") == []
        await pilot.press("4")
        assert app.focused is not None and app.focused.id == "timeline-list"
        gate.set()
        await settle(pilot)
        assert len(app.model.corpus.stories) == 2
        assert len(option_ids(app, "#story-list")) == 2
        assert "Ready" in screen_text(app)


async def test_a_failing_load_is_a_warning_in_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import medtui.pipeline

    def broken(*args: object, **kwargs: object) -> Iterator[list[Story]]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(medtui.pipeline, "iter_load", broken)
    app = MedtuiApp(["."], index=FakeIndex(), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("disk on fire" in w for w in app.warnings)
        assert "disk on fire" in screen_text(app)


def test_run_with_a_missing_path_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing" in err


def test_styles_are_found() -> None:
    assert (app_module.styles_dir() / "medtui.tcss").is_file()


async def test_80x24_filter_bar_shows_what_two_institutions_share() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "j", "enter")
        filter_bar = screen_text(app).split("\n")[1]
        assert "shared: 2 stories, 2 events" in filter_bar


async def test_every_key_is_harmless_on_an_empty_corpus() -> None:
    app = make_app(corpus=Corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # An empty folder is not a silent empty app: it says what medtui reads, as the CLI does.
        assert "No story could be read" in screen_text(app)
        for key in ("1", "enter", "o", "j", "2", "enter", "s", "y", "o", "3", "n", "N", "G",
                    "4", "e", "enter", "S", "u", "x", "backspace", "tab", "shift+tab", "h", "l"):
            await pilot.press(key)
        assert app.is_running
        assert "0 stories" in screen_text(app)
        await pilot.press("f1")
        await pilot.press("escape", "w")
        assert isinstance(app.screen, WarningsScreen)
        assert ".txt, .md" in screen_text(app) and "No warnings." not in screen_text(app)
