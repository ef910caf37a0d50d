"""Snapshot tests: each main view of the real app on the bundled seeds, at 80x24 and 120x40.

The views (institutions with one selected, a search with its hits and the first
hit open, the timeline, F1 help) are driven by keys in :mod:`helpers.scenes`,
which waits for the corpus to be indexed and for each step to land. The SVGs
live in tests/__snapshots__/test_snapshots/. After an intended UI change:
``.venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update``, then
look at the new SVGs (pytest's snapshot report shows the differences).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers.scenes import SCENES, SIZES, private_dirs
from medtui.ui.app import MedtuiApp
from medtui.ui.colours import ANSI16_CLASS


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty data/config/cache folders: defaults, no stars or read marks, a cold cache."""
    for name, value in private_dirs(tmp_path).items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("scene", list(SCENES))
def test_main_view(scene: str, size: str, snap_compare: Callable[..., bool]) -> None:
    """The view looks as approved (a frozen frame: no blinking cursor when headless)."""
    app = MedtuiApp([])  # no paths: the bundled seeds
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCENES[scene])



def test_readme_shows_a_screenshot_of_every_view_at_both_sizes() -> None:
    """scripts/screenshots.py wrote every view at every size, and README.md links each one."""
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    for scene in SCENES:
        for size in SIZES:
            name = f"screenshots/{scene}-{size}.svg"
            assert f"]({name})" in readme, f"README.md does not show {name}"
            svg = (root / name).read_text(encoding="utf-8")
            assert svg.lstrip().startswith("<svg") and "medtui" in svg, name


@pytest.mark.parametrize("colours", ["no-color", "16-colours"])
def test_search_view_in_few_colours(
    colours: str, snap_compare: Callable[..., bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search view under NO_COLOR (no colour at all: bold, reverse and underline carry
    the emphasis) and on a 16-colour terminal (matches on yellow, not an error's red)."""
    if colours == "no-color":
        monkeypatch.setenv("NO_COLOR", "1")  # read when the app is made
    app = MedtuiApp([])

    async def scene(pilot: Any) -> None:
        if colours == "16-colours":  # what a real 16-colour terminal sets when mounting
            pilot.app.add_class(ANSI16_CLASS)
        await SCENES["search"](pilot)

    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=scene)
