"""Curation, copies and sources from the keyboard (Pilot): what the panes show, what is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from medtui.corpus.model import Corpus, Event, PartialDate, Story
from medtui.ui.widgets.navlist import NavList
from test_curation import make_corpus
from test_ui_fixtures import isolate, make_app, option_ids, screen_text, settle


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def gazetteer(tmp_path: Path) -> Path:
    return tmp_path / "config" / "gazetteer.yaml"


def saved(tmp_path: Path) -> dict[str, Any]:
    return yaml.safe_load(gazetteer(tmp_path).read_text())["curation"]


async def on_institution(pilot: Any, inst_id: str) -> None:
    await pilot.press("1")
    assert pilot.app.query_one("#inst-list", NavList).highlight_id(inst_id)


async def test_merge_picks_the_target_in_a_filter_box(tmp_path: Path) -> None:
    app = make_app(corpus=make_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await on_institution(pilot, "i3")
        await pilot.press("m", *"versity", "enter")
        await settle(pilot)
        assert option_ids(app, "#inst-list") == ["i1", "i2", "i4"]
        assert app.model.corpus.story("s2").institutions == ["i1", "i2"]
        assert "Merged Riverside Univ into Riverside University" in screen_text(app)
    assert saved(tmp_path)["institutions"] == [
        {"id": "riverside-university", "name": "Riverside University",
         "aliases": ["Riverside Univ"]}]


async def test_rename_and_undo(tmp_path: Path) -> None:
    app = make_app(corpus=make_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await on_institution(pilot, "i2")
        await pilot.press("r", "ctrl+u", *"Northgate General", "enter")
        await settle(pilot)
        assert "Northgate General" in screen_text(app)
        assert saved(tmp_path)["institutions"][0]["name"] == "Northgate General"
        await pilot.press("z")
        await settle(pilot)
        text = screen_text(app)
        assert "Northgate General" not in text and "Undone" in text
        assert app.model.institution_name("i2") == "Northgate Hospital"
    assert "curation" not in (yaml.safe_load(gazetteer(tmp_path).read_text()) or {})


async def test_split_off_a_name(tmp_path: Path) -> None:
    app = make_app(corpus=make_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await on_institution(pilot, "i2")
        await pilot.press("d", "enter")  # its only other name: Northgate Clinic
        await settle(pilot)
        assert "c:northgate-clinic" in option_ids(app, "#inst-list")
        assert app.model.corpus.story("s2").institutions == ["i3", "c:northgate-clinic"]
        assert "Split Northgate Clinic off Northgate Hospital" in screen_text(app)
    assert saved(tmp_path)["institutions"][0]["split_from"] == "Northgate Hospital"


async def test_not_an_institution_then_undo(tmp_path: Path) -> None:
    app = make_app(corpus=make_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await on_institution(pilot, "i4")
        listing = app.query_one("#inst-list", NavList)
        rows, at = option_ids(app, "#inst-list"), listing.highlighted
        assert at is not None and at > 0  # not the top row: where the cursor goes matters
        await pilot.press("n")
        await settle(pilot)
        assert "i4" not in option_ids(app, "#inst-list")
        assert "e3" not in option_ids(app, "#timeline-list")
        assert saved(tmp_path)["not_institutions"] == ["Annual Report"]
        # The row that took its place is under the cursor (not the top row, where the next
        # m would merge the biggest institution), and the hint comes first.
        left = [r for r in rows if r != "i4"]
        assert listing.highlighted_id() == left[min(at, len(left) - 1)]
        assert "z undoes: " in screen_text(app)
        await pilot.press("z")
        await settle(pilot)
        assert "i4" in option_ids(app, "#inst-list")
        assert "e3" in option_ids(app, "#timeline-list")
        assert listing.highlighted_id() == "i4"  # the one that came back
        assert "Undone." in screen_text(app) and "z undoes" not in screen_text(app)


async def test_curation_survives_a_restart(tmp_path: Path) -> None:
    app = make_app(corpus=make_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await on_institution(pilot, "i4")
        await pilot.press("n")
        await settle(pilot)
    again = make_app(corpus=make_corpus())
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert sorted(option_ids(again, "#inst-list")) == ["i1", "i2", "i3"]
        assert again.model.corpus.institution("i4") is None


async def test_hand_edited_gazetteer_is_applied(tmp_path: Path) -> None:
    gazetteer(tmp_path).write_text(
        "curation:\n  institutions:\n    - name: Riverside University\n"
        "      aliases: [Riverside Univ]\n  not_institutions: [Annual Report]\n")
    app = make_app(corpus=make_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert option_ids(app, "#inst-list") == ["i1", "i2"]


async def test_malformed_gazetteer_one_warning_nothing_lost(tmp_path: Path) -> None:
    bad = "curation:\n  institutions: [\n"
    gazetteer(tmp_path).write_text(bad)
    app = make_app(corpus=make_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        about = [w for w in app.warnings if "gazetteer.yaml" in w]
        assert len(about) == 1 and "line" in about[0]
        await on_institution(pilot, "i4")
        await pilot.press("n")
        await settle(pilot)
        assert "i4" not in option_ids(app, "#inst-list")  # applied for this session
        assert "Curation not saved" in screen_text(app)
    assert gazetteer(tmp_path).read_text() == bad


BODY = ("Riverside University and Northgate Hospital signed a memorandum of understanding "
        "on 2 May 2024 to run a joint clinical research programme, share laboratories, "
        "train nurses and doctors together and publish their findings openly every year. "
        "The programme starts with three studies of heart disease in older patients, led "
        "by teams from both sides, and a shared fund for young researchers who want to "
        "spend a year in the other partner's wards and laboratories. The partners will "
        "report on the first results at a public meeting in the spring of next year.")


def wire_corpus() -> Corpus:
    """Two wires carry the same release; a third story reports the same signing differently."""
    corpus = make_corpus()
    corpus.stories += [
        Story("s4", "w1.txt", "Riverside and Northgate sign MoU", BODY + " Contact: wire one.",
              PartialDate(2024, 5, 2), ["i1", "i2"]),
        Story("s5", "w2.txt", "Riverside and Northgate sign MoU", BODY + " Contact: wire two.",
              PartialDate(2024, 5, 3), ["i1", "i2"]),
    ]
    corpus.events += [Event("e4", "s4", "mou", PartialDate(2024, 5, 2), ["i2", "i1"], BODY),
                      Event("e5", "s5", "mou", PartialDate(2024, 5), ["i1", "i2"], BODY)]
    return corpus


async def test_copies_are_one_row_one_key_away() -> None:
    app = make_app(corpus=wire_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = option_ids(app, "#story-list")
        assert "s4" in rows and "s5" not in rows
        assert "+1 copy " in screen_text(app)
        # The pane's count says where the folded copy went (the status bar counts all).
        assert str(app.query_one("StoriesPane").border_subtitle).startswith(f"{len(rows)} (+1 copy, c)")
        await pilot.press("2")
        app.query_one("#story-list", NavList).highlight_id("s4")
        await pilot.press("c")
        rows = option_ids(app, "#story-list")
        assert rows[rows.index("s4") + 1] == "s5"
        assert str(app.query_one("StoriesPane").border_subtitle).startswith(f"{len(rows)} · ")
        await pilot.press("c")
        assert "s5" not in option_ids(app, "#story-list")


async def test_one_timeline_row_per_signing_lists_its_sources() -> None:
    app = make_app(corpus=wire_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        events = [r for r in option_ids(app, "#timeline-list") if not r.startswith("group:")]
        assert "e1" in events and "e4" not in events and "e5" not in events  # one signing
        assert "3 sources" in screen_text(app)
        subtitle = str(app.query_one("TimelinePane").border_subtitle)
        rows = len(events)
        assert subtitle.startswith(f"{rows} signings ({rows + 2} events)")  # e4, e5 in e1's row
        await pilot.press("4")
        app.query_one("#timeline-list", NavList).highlight_id("e1")
        await pilot.press("enter")
        await settle(pilot)
        assert "3 sources report this signing" in screen_text(app)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert app.query_one("#article").story.id == "s5"


def test_the_merge_picker_ranks_word_matches_alike_keeping_the_count_order() -> None:
    """Typed text starting any word of a name ranks with names starting with it: the
    picker's own order (most stories first) decides between them, not the first letter."""
    from medtui.ui.screens.curate import match_rank

    labels = ["Lakeshore University  (4)", "Lakeshore Board of Works  (1)", "Blakeshore Inc  (9)"]
    ranked = sorted(labels, key=lambda label: match_rank("lakeshore", label))
    assert ranked == ["Lakeshore University  (4)", "Lakeshore Board of Works  (1)", "Blakeshore Inc  (9)"]
    labels = ["University of Lakeshore  (4)", "Lakeshore Board of Works  (1)"]
    assert sorted(labels, key=lambda label: match_rank("lakeshore", label)) == labels
    assert match_rank("lakeshore board of works", "Lakeshore Board of Works  (1)") == 0
