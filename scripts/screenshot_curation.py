"""Make the README's curation screenshot and show the gazetteer.yaml it writes.

Usage (from the repository root, after ``./dev test``)::

    .venv/bin/python scripts/screenshot_curation.py

On the bundled seeds, with private data/config/cache folders, three fixes a reader
of the seeds would make, all from the keyboard on the Institutions pane:

1. ``m``: the hospital's CPC committee speaks for the hospital, so "CPC Committee of
   the Sir Run Run Shaw Hospital" is merged into "Sir Run Run Shaw Hospital of
   Zhejiang University School of Medicine" (typing "Run Run" in the filter box finds
   it; the screenshot is taken there);
2. ``d``: the bare word "Government" is one of the Hong Kong government's names, but
   any government is called so: it is split off;
3. ``n``: the split-off "Government" is not an institution.

Writes ``screenshots/curation-merge-120x40.svg`` and prints the gazetteer.yaml
medtui wrote (what the README shows).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from helpers.scenes import private_dirs, wait_until  # noqa: E402

COMMITTEE = "CPC Committee of the Sir Run Run Shaw Hospital"
HOSPITAL = "Sir Run Run Shaw Hospital of Zhejiang University School of Medicine"
GOVERNMENT = "The Government of the Hong Kong Special Administrative Region"
GENERIC = "Government"


async def on_institution(pilot: Any, name: str) -> None:
    """Focus the Institutions pane and highlight the institution called ``name``."""
    from medtui.ui.widgets.navlist import NavList

    app = pilot.app
    inst = next(i for i in app.model.corpus.institutions if i.name == name)
    await pilot.press("1")
    app.query_one("#inst-list", NavList).highlight_id(inst.id)
    await pilot.pause()


async def pick(pilot: Any, choice_id: str) -> None:
    """In an open pick dialog, move down to ``choice_id`` and choose it."""
    from textual.widgets import OptionList

    options = pilot.app.screen.query_one(OptionList)
    while options.get_option_at_index(options.highlighted or 0).id != choice_id:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def shoot() -> str:
    """The SVG of the merge dialog; then the three fixes, so gazetteer.yaml is written."""
    from medtui.ui.app import MedtuiApp

    app = MedtuiApp([])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.index is not None, "the seeds to be indexed")
        await on_institution(pilot, COMMITTEE)
        await pilot.press("m", *"Run Run")
        await pilot.pause()
        svg = app.export_screenshot(title="medtui — merge an institution (m)", simplify=True)
        await pilot.press("enter")
        await pilot.pause()
        await on_institution(pilot, GOVERNMENT)
        await pilot.press("d", *GENERIC)
        await pick(pilot, GENERIC)
        await on_institution(pilot, GENERIC)
        await pilot.press("n")
        await pilot.pause()
        names = {i.name for i in app.model.corpus.institutions}
        assert COMMITTEE not in names and HOSPITAL in names and GENERIC not in names, names
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
