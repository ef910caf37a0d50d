"""Pane 1's rows by the room they have: the full name is never cut to a stub."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.corpus.model import Corpus, Institution, Story
from medtui.ui.render import FULL_NAME_ROOM, institution_prompt
from test_ui_fixtures import FakeIndex, isolate, make_app, screen_text, settle

LONG = "Riverside University of Science and Technology"
PREFIX = "   0 ev   1 st  "  # marker, counts


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def riverside() -> Institution:
    return Institution(id="i1", name=LONG, kind="university", aliases=["RUST"], stories=["s1"])


def test_with_room_the_short_name_leads_and_the_full_name_follows() -> None:
    row = institution_prompt(riverside(), False, short="RUST", short_width=16, room=120).plain
    assert row.index("RUST") < row.index(LONG)


def test_without_room_the_full_name_leads() -> None:
    row = institution_prompt(riverside(), False, short="RUST", short_width=16, room=44).plain
    assert row.index(LONG) < row.index("RUST")
    assert row.index(LONG) == len(PREFIX)
    wide = institution_prompt(riverside(), False, short="RUST", short_width=16,
                              room=len(PREFIX) + 18 + FULL_NAME_ROOM).plain
    assert wide.index("RUST") < wide.index(LONG)  # just enough room: as before


@pytest.mark.parametrize(("size", "full_first"), [((120, 40), True), ((200, 40), False)])
async def test_the_four_pane_layout_shows_the_full_name(size: tuple[int, int], full_first: bool) -> None:
    story = Story("s1", "doc.md", "Riverside signs a note", "Riverside University of Science "
                  "and Technology signed a note.", institutions=["i1"])
    corpus = Corpus(stories=[story], institutions=[riverside()])
    app = make_app(corpus=corpus, index=FakeIndex())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        row = next(line for line in screen_text(app).split("\n") if " 1 st " in line)
        if full_first:  # the acronym after it may be cut
            assert f"{PREFIX}Riverside University of Sci" in row
        else:
            assert row.index("RUST") < row.index("Riverside University of Science and Technology")


def test_in_a_very_narrow_row_the_short_name_leads_whole() -> None:
    row = institution_prompt(riverside(), False, 2, short="RUST", short_width=16, room=40).plain
    assert row.index("RUST") < row.index("Riverside")
