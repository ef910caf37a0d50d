"""Pane 1's type-to-filter box: Enter or Down goes to the list's first match."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.ui.widgets.institutions import InstitutionList
from test_ui_fixtures import isolate, make_app, settle


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


@pytest.mark.parametrize("key", ["enter", "down"])
async def test_leaving_the_filter_puts_the_cursor_on_the_first_match(key: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        items = app.query_one("#inst-list", InstitutionList)
        await pilot.press("1", "down", "down")
        assert items.highlighted == 2
        await pilot.press("f", "a")  # every name has an "a": the same rows, filtered
        await settle(pilot)
        await pilot.press(key)
        assert app.focused is items
        assert items.highlighted == 0 and items.highlighted_id() == items.row_ids[0]
        await pilot.press("f", "backspace", "escape")  # an empty filter keeps the cursor
        await pilot.press("down")
        assert items.highlighted == 1
