"""The timeline's kind picker (E: several kinds at once) and the search box finding
what people type (a colon, AT&T, accents, a CJK run) with the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.corpus.model import Corpus, Document, Story
from medtui.ui.screens.kinds import KindPickerScreen
from test_ui_fixtures import isolate, make_app, option_ids, screen_text, search_for, settle


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def shown_kinds(app: object) -> list[str]:
    events = {e.id: e for e in app.model.corpus.events}  # type: ignore[attr-defined]
    return sorted({events[i].kind for i in option_ids(app, "#timeline-list")  # type: ignore[arg-type]
                   if not i.startswith("group:")})


async def test_picker_shows_several_kinds_at_once_and_escape_keeps_the_filter() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("4", "E")
        await pilot.pause()
        assert isinstance(app.screen, KindPickerScreen)
        # Kinds in order: mou, agreement, ... ; tick the first two.
        await pilot.press("space", "j", "x", "enter")
        await settle(pilot)
        assert shown_kinds(app) == ["agreement", "mou"]
        assert "kind: mou, agreement" in screen_text(app)
        await pilot.press("E", "j", "j", "space", "escape")  # cancelled: unchanged
        await settle(pilot)
        assert shown_kinds(app) == ["agreement", "mou"]
        await pilot.press("E", "a", "enter")  # a ticks every kind: the same as no filter
        await settle(pilot)
        assert app.model.filters.event_kinds == []
        assert shown_kinds(app) == ["agreement", "grant", "launch", "meeting", "mou"]
        await pilot.press("e")  # cycling a single kind drops the picked ones
        await settle(pilot)
        assert app.model.filters.event_kinds == [] and len(shown_kinds(app)) == 1


TYPED = {
    "t1": ("Heart: Rhythm and Risk in Older Adults", "Riverside University studied risk."),
    "t2": ("New lab", "Westbrook University and AT&T opened a lab."),
    "t3": ("Lab news", "The Universität Zürich opened a lab."),
    "t4": ("合作", "香港科技大學（科大）與浙江大學於2025年3月11日簽署合作備忘錄"),
}


@pytest.mark.parametrize(("query", "story"), [
    ("Heart: Rhythm", "t1"), ("AT&T", "t2"), ("zurich", "t3"), ("浙江大學", "t4")])
async def test_search_box_finds_what_people_type(query: str, story: str) -> None:
    stories = [Story(i, f"/docs/{i}.md", t, x, None, []) for i, (t, x) in TYPED.items()]
    corpus = Corpus(documents=[Document(path=s.document) for s in stories], stories=stories,
                    institutions=[], events=[])
    app = make_app(corpus=corpus, index=None)  # the real whoosh index
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_for(pilot, query)
        assert app.model.search is not None and app.model.search.error is None
        assert app.model.search.total == 1
        assert option_ids(app, "#story-list") == [story]
