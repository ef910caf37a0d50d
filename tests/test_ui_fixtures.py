"""Shared pieces for the UI tests: a hand-built corpus, a fake index, screen helpers.

(Named test_ui_* so it sits with the UI tests; it holds no tests itself.)
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from medtui.config import Config
from medtui.corpus.model import Corpus, Document, Event, Institution, PartialDate, Story
from medtui.search.index import Hit, SearchResult
from medtui.ui.app import MedtuiApp

EVIDENCE = "Alpha University and Beta Hospital signed a memorandum of understanding today."
FILLER = "Routine paragraph about campus life with nothing to find in it at all."


def long_text() -> str:
    """Story s1's text: long enough to scroll, three 'partnership' mentions far apart."""
    paragraphs = ["The partnership begins with a ceremony."]
    paragraphs += [FILLER] * 30
    paragraphs.append(EVIDENCE)
    paragraphs += [FILLER] * 30
    paragraphs.append("A second partnership phase follows.")
    paragraphs += [FILLER] * 30
    paragraphs.append("The partnership ends in 2030.")
    return "\n\n".join(paragraphs)


def make_corpus() -> Corpus:
    """Three institutions, four stories, five events with known dates and parties."""
    docs = [
        Document(path="/docs/a.html", title="A", publisher="Alpha News",
                 url="https://alpha.example/mou", warnings=["odd encoding, guessed cp1252"]),
        Document(path="/docs/b.txt"),
        Document(path="/docs/c.txt"),
        Document(path="/docs/d.txt"),
    ]
    stories = [
        Story("s1", "/docs/a.html", "Alpha and Beta sign MoU", long_text(),
              PartialDate(2025, 3, 11), ["i1", "i2"]),
        Story("s2", "/docs/b.txt", "Alpha launches centre", "Alpha opens a research centre.",
              PartialDate(2024, 5), ["i1"]),
        Story("s3", "/docs/c.txt", "Beta and Gamma agree", "Beta Hospital and Gamma Government "
              "agree on funding.", PartialDate(2025), ["i2", "i3"]),
        Story("s4", "/docs/d.txt", "Undated note [bold]markup[/bold]",
              "Text with [red]not red[/red] and \x1b[31mescape\x1b[0m inside. Beta meets Alpha.",
              None, ["i1", "i2"]),
    ]
    institutions = [
        Institution("i1", "Alpha University", kind="university", stories=["s1", "s2", "s4"]),
        Institution("i2", "Beta Hospital", kind="hospital", stories=["s1", "s3", "s4"]),
        Institution("i3", "Gamma Government", kind="government", stories=["s3"]),
    ]
    events = [
        Event("e1", "s1", "mou", PartialDate(2025, 3, 11), ["i1", "i2"], EVIDENCE),
        Event("e2", "s3", "agreement", PartialDate(2025), ["i2", "i3"], "agree on funding"),
        Event("e3", "s2", "launch", PartialDate(2024, 5), ["i1"], "opens a research centre"),
        Event("e4", "s4", "meeting", None, ["i1", "i2"], "Beta meets Alpha."),
        Event("e5", "s1", "grant", PartialDate(2025, 3), ["i1"], "The partnership ends in 2030."),
    ]
    return Corpus(documents=docs, stories=stories, institutions=institutions, events=events)


class FakeIndex:
    """StoryIndex look-alike: every query word must appear; some queries can be held back."""

    def __init__(self, suggestions: dict[str, str] | None = None) -> None:
        self.stories: list[Story] = []
        self.suggestions = suggestions or {}
        self.hold: dict[str, threading.Event] = {}
        self.calls: list[str] = []
        self.adding: threading.Event | None = None  # when set, add() waits for it

    @property
    def size(self) -> int:
        return len(self.stories)

    def add(self, corpus: Corpus, stories: Sequence[Story], *, progress: Any = None,
            cancelled: Any = None, workers: int | None = None) -> None:
        if self.adding is not None:
            self.adding.wait(10)
        self.stories.extend(stories)
        if progress is not None:
            progress(len(stories), len(stories))

    def search(self, query: str, *, limit: int = 50, institutions: Sequence[str] = (),
               snippets: int | None = None) -> Any:
        self.calls.append(query)
        gate = self.hold.get(query)
        if gate is not None:
            gate.wait(10)
        words = query.lower().split()
        hits = [
            Hit(s.id, s.title, s.date, 1.0, s.text[:60], [])
            for s in self.stories
            if all(w in (s.title + " " + s.text).lower() for w in words)
        ]
        suggestion = self.suggestions.get(query) if not hits else None
        facets: dict[str, int] = {}
        for story in self.stories:
            if any(hit.story == story.id for hit in hits):
                for inst in story.institutions:
                    facets[inst] = facets.get(inst, 0) + 1
        return SearchResult(query=query, total=len(hits), hits=hits[:limit],
                            suggestion=suggestion, terms=words, facets=facets)


def make_app(**kwargs: Any) -> MedtuiApp:
    """An app on the hand-built corpus with the fake index and default settings."""
    kwargs.setdefault("corpus", make_corpus())
    kwargs.setdefault("index", FakeIndex())
    kwargs.setdefault("config", Config())
    return MedtuiApp(**kwargs)


async def settle(pilot: Pilot[Any], rounds: int = 3) -> None:
    """Let workers finish and their messages be handled."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def search_for(pilot: Pilot[Any], query: str) -> None:
    """Type a query in the search box and wait past the debounce for the hit count, then
    past the typing pause for the lists (:data:`medtui.ui.searching.TYPING_PAUSE_S`)."""
    from medtui.ui import searching

    focused = pilot.app.focused
    if focused is None or focused.id != "search-input":
        await pilot.press("slash")
    await pilot.press(*query)
    await pilot.pause(max(0.35, searching.TYPING_PAUSE_S + 0.05))
    await settle(pilot)


def screen_text(app: MedtuiApp) -> str:
    """What the terminal shows, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def option_ids(app: MedtuiApp, selector: str) -> list[str]:
    """The row ids of a pane's list, in display order."""
    from medtui.ui.widgets.navlist import NavList

    return app.query_one(selector, NavList).row_ids


def isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point medtui's data/config/cache folders into tmp_path (reader state goes there).

    Each UI test module calls this from an autouse fixture.
    """
    for name in ("DATA", "CONFIG", "CACHE"):
        folder = tmp_path / name.lower()
        folder.mkdir(exist_ok=True)
        monkeypatch.setenv(f"MEDTUI_{name}_DIR", str(folder))
    return tmp_path


PANES = ("#pane-institutions", "#pane-stories", "#pane-article", "#pane-timeline")


def shown(app: MedtuiApp) -> list[str]:
    """The panes that take up room on the screen."""
    return [p for p in PANES if app.query_one(p).region.area > 0]
