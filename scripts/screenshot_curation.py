"""Make the README's curation screenshot and show the gazetteer.yaml it writes.

Usage (from the repository root, after ``./dev test``)::

    .venv/bin/python scripts/screenshot_curation.py

On the bundled seeds, with private data/config/cache folders: highlights the
second institution, presses ``m`` and types part of the first one's name in the
merge dialog (the screenshot), merges with Enter, then prints the gazetteer.yaml
medtui wrote. Writes ``screenshots/curation-merge-120x40.svg``.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from helpers.scenes import private_dirs, wait_until  # noqa: E402


async def shoot() -> str:
    """The SVG of the merge dialog; the merge is then done, so gazetteer.yaml is written."""
    from medtui.ui.app import MedtuiApp
    from medtui.ui.widgets.navlist import NavList

    app = MedtuiApp([])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.index is not None, "the seeds to be indexed")
        await pilot.press("1")
        rows = app.query_one("#inst-list", NavList).row_ids
        target = app.model.corpus.institution(rows[0])
        assert target is not None
        await pilot.press("down", "m", *target.name.split()[-1][:8])
        await pilot.pause()
        svg = app.export_screenshot(title="medtui — merge an institution (m)", simplify=True)
        await pilot.press("enter")
        await pilot.pause()
        return svg


def main() -> int:
    """Write the screenshot and print the gazetteer.yaml; the exit status."""
    with tempfile.TemporaryDirectory(prefix="medtui-shots-") as tmp:
        os.environ.update(private_dirs(Path(tmp)))
        svg = asyncio.run(shoot())
        path = ROOT / "screenshots" / "curation-merge-120x40.svg"
        path.write_text(svg, encoding="utf-8")
        print(path.relative_to(ROOT))
        print((Path(os.environ["MEDTUI_CONFIG_DIR"]) / "gazetteer.yaml").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
