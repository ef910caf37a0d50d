"""Make the README's screenshots: every main view of the real app, at 80x24 and 120x40.

Usage (from the repository root, after ``./dev test`` or ``./dev run`` set up .venv)::

    .venv/bin/python scripts/screenshots.py [OUTPUT_FOLDER]

Writes ``screenshots/<view>-<columns>x<lines>.svg`` (or into OUTPUT_FOLDER). The
views are driven by keys exactly as the snapshot tests drive them
(tests/helpers/scenes.py), on the bundled seeds, with empty private
data/config/cache folders, so no user state shows and the files come out the
same on every run.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from helpers.scenes import SCENES, SIZES, help_scene, private_dirs  # noqa: E402

TITLES = {
    "institutions": "medtui — an institution selected",
    "search": "medtui — search with highlights",
    "timeline": "medtui — timeline",
    "help": "medtui — F1 help",
    "help-curation": "medtui — F1 help, the Institutions pane's keys (curation)",
}


async def help_curation_scene(pilot: Any) -> None:
    """F1, then j (one line down) until the Institutions section, with the curation keys
    (m merge, r rename, d split off a name, n not an institution, z undo), is at the top."""
    from medtui.ui.screens.help import SECTION

    await help_scene(pilot)
    table = pilot.app.screen.table
    row = table.get_row_index(f"{SECTION}Institutions")
    while table.scroll_y < min(row, table.max_scroll_y):
        await pilot.press("j")
    await pilot.pause()


SHOTS: dict[str, Callable[[Any], Awaitable[None]]] = {**SCENES, "help-curation": help_curation_scene}


async def shoot(scene: str, size: tuple[int, int]) -> str:
    """The SVG of a fresh app driven to ``scene`` in a terminal of ``size``."""
    from medtui.ui.app import MedtuiApp

    app = MedtuiApp([])
    async with app.run_test(size=size) as pilot:
        await SHOTS[scene](pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        return app.export_screenshot(title=TITLES[scene], simplify=True)


def main(argv: list[str]) -> int:
    """Write every scene at every size; the exit status."""
    if len(argv) > 1:
        print("usage: scripts/screenshots.py [OUTPUT_FOLDER]", file=sys.stderr)
        return 2
    out = Path(argv[0]) if argv else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for scene in SHOTS:
        for label, size in SIZES.items():
            with tempfile.TemporaryDirectory(prefix="medtui-shots-") as tmp:
                os.environ.update(private_dirs(Path(tmp)))  # a cold start, no user state
                svg = asyncio.run(shoot(scene, size))
            path = out / f"{scene}-{label}.svg"
            path.write_text(svg, encoding="utf-8")
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
