"""The main views of the real medtui app on the bundled seeds, driven by keys like a user.

Shared by the snapshot tests (tests/test_snapshots.py) and the screenshot script
(scripts/screenshots.py), so the README's pictures are the views the tests check.
Every scene waits for conditions (corpus loaded and indexed, search answered,
article open), never for a fixed time, so the frames are the same on every run.
No Textual import at module level: the app is imported by the caller.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

SIZES: dict[str, tuple[int, int]] = {"80x24": (80, 24), "120x40": (120, 40)}
"""Terminal sizes (columns, lines) every scene is shown at."""

QUERY = "clinical training"
"""The search of the search scene: three hits, the first (the HKSH MoU) with many matches."""

INSTITUTION = "The Hong Kong University of Science and Technology"
"""The institution the institutions scene selects."""

TIMEOUT_S = 60.0
"""Longest wait for any condition (loading the seeds takes about a second)."""

ENV_DIRS = ("DATA", "CONFIG", "CACHE")


def private_dirs(root: Path) -> dict[str, str]:
    """Make data, config and cache folders in ``root``; the MEDTUI_*_DIR variables naming them.

    With these set, no user state, configuration or cache leaks into a run.
    """
    values = {}
    for name in ENV_DIRS:
        folder = root / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        values[f"MEDTUI_{name}_DIR"] = str(folder)
    return values


async def wait_until(pilot: Any, condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition()`` holds; fail naming ``what`` after TIMEOUT_S."""
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"medtui never got to: {what}")
        await pilot.pause(0.02)


async def ready(pilot: Any) -> None:
    """Wait until the seeds are read and indexed ("Ready" in the status line)."""
    app = pilot.app
    await wait_until(
        pilot,
        lambda: app.phase == "Ready" and app.index is not None and bool(app.model.corpus.stories),
        "the corpus loaded and indexed",
    )
    await settle(pilot)


async def settle(pilot: Any) -> None:
    """Let running workers finish and the messages they posted be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def institutions_scene(pilot: Any) -> None:
    """Pane 1 with one institution selected (the filter bar and the ✓ show it)."""
    app = pilot.app
    await ready(pilot)
    await pilot.press("1")
    await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "inst-list",
                     "the institutions list focused")
    rows = [app.model.institution_name(i) for i in app.query_one("#inst-list").row_ids]
    await pilot.press(*["j"] * rows.index(INSTITUTION), "enter")
    await wait_until(pilot, lambda: [app.model.institution_name(i)
                                     for i in app.model.filters.institutions] == [INSTITUTION],
                     f"{INSTITUTION} selected")
    await settle(pilot)


async def search_scene(pilot: Any) -> None:
    """A query typed, its hits listed, the first hit open with the terms highlighted."""
    app = pilot.app
    await ready(pilot)
    await pilot.press("slash", *QUERY)

    def answered() -> bool:
        result = app.model.search
        return result is not None and result.query == QUERY and result.total > 0

    await wait_until(pilot, answered, f"hits for {QUERY!r}")
    await pilot.press("enter")  # to the hits
    await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "story-list",
                     "the hits focused")
    await pilot.press("enter")  # open the first
    article = app.query_one("#article")

    def open_with_matches() -> bool:
        story = article.story
        words = QUERY.casefold().split()
        return story is not None and all(w in story.text.casefold() for w in words) and (
            article.match_count >= len(words)
        )

    await wait_until(pilot, open_with_matches, "the hit open with highlighted terms")
    await settle(pilot)


async def timeline_scene(pilot: Any) -> None:
    """Pane 4: the events by date, year-only ones after their year's dates, undated last."""
    app = pilot.app
    await ready(pilot)
    await pilot.press("4")
    await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "timeline-list",
                     "the timeline focused")
    await settle(pilot)


async def help_scene(pilot: Any) -> None:
    """F1: the table of every key."""
    app = pilot.app
    await ready(pilot)
    await pilot.press("f1")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "HelpScreen",
                     "the help screen shown")
    await settle(pilot)


SCENES: dict[str, Callable[[Any], Awaitable[None]]] = {
    "institutions": institutions_scene,
    "search": search_scene,
    "timeline": timeline_scene,
    "help": help_scene,
}
"""Scene name -> the coroutine that drives a fresh app there."""
