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

import pytest

from helpers.scenes import SCENES, SIZES, private_dirs
from medtui.ui.app import MedtuiApp


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
