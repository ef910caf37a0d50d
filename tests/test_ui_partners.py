"""'Who signed with HKUST?' answered on screen: short names, partners first, partner first in rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.corpus.model import Corpus, Document, Event, Institution, PartialDate, Story
from medtui.ui.model import BrowserModel
from medtui.ui.prepare import is_acronym, short_name, short_names
from medtui.ui.widgets.article import ArticleView
from test_ui_fixtures import isolate, make_app, option_ids, screen_text, settle

HKUST = "The Hong Kong University of Science and Technology"
FAH = "The First Affiliated Hospital of Zhejiang University School of Medicine"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def partners_corpus() -> Corpus:
    """HKUST signs with HKSH, the FAH and MSRA; PolyU shares a story with it, no event;
    PKUHSC signs only with PolyU."""
    institutions = [
        Institution("u1", HKUST, ["HKUST", "Hong Kong University of Science and Technology"],
                    "university"),
        Institution("h1", "HKSH Medical Group", ["HKSH", "Hong Kong Sanatorium & Hospital"],
                    "hospital"),
        Institution("u2", "The Hong Kong Polytechnic University", ["PolyU", "HK PolyU"],
                    "university"),
        Institution("u3", "Peking University Health Science Center", ["PKUHSC"], "university"),
        Institution("h2", FAH, ["First Affiliated Hospital"], "hospital"),
        Institution("m1", "Microsoft Research Asia", ["MSRA"], "company"),
    ]
    plan = [  # story, parties, event kind, date
        ("t1", ["u1", "h1"], "mou", PartialDate(2025, 3, 11)),
        ("t2", ["u1", "h2"], "mou", None),
        ("t3", ["u2", "u3"], "mou", PartialDate(2025, 2, 24)),
        ("t4", ["u1", "m1"], "mou", PartialDate(2025)),
        ("t5", ["u1", "u2"], None, PartialDate(2024)),
        ("t6", ["u1"], "grant", PartialDate(2025)),
    ]
    by_id = {inst.id: inst for inst in institutions}
    docs, stories, events = [], [], []
    for story_id, parties, kind, date in plan:
        names = " and ".join(by_id[p].name for p in parties)
        sentence = f"{names} signed a memorandum of understanding."
        docs.append(Document(path=f"/docs/{story_id}.txt"))
        stories.append(Story(story_id, f"/docs/{story_id}.txt", f"Story {story_id}",
                             sentence + " More text follows.", date, parties))
        for party in parties:
            by_id[party].stories.append(story_id)
        if kind is not None:
            events.append(Event(f"e{story_id}", story_id, kind, date, parties, sentence))
    return Corpus(documents=docs, stories=stories, institutions=institutions, events=events)


def test_short_names_prefer_acronyms_then_short_aliases() -> None:
    names = short_names(partners_corpus().institutions)
    assert names == {"u1": "HKUST", "h1": "HKSH", "u2": "PolyU", "u3": "PKUHSC",
                     "h2": "First Affiliated Hospital", "m1": "MSRA"}
    assert is_acronym("ZJU-SoM") and is_acronym("CSU.CAS")
    assert not is_acronym("Government") and not is_acronym("HK PolyU")
    plain = Institution("x", "The Gamma Institute", ["Gamma"])
    assert short_name(plain) == "Gamma Institute"  # no acronym, no shorter phrase


def test_two_institutions_with_the_same_short_name_keep_their_full_names() -> None:
    a = Institution("a", "Alpha Medical University", ["AMU"])
    b = Institution("b", "Amsterdam Music Union", ["AMU"])
    c = Institution("c", "Central Hospital", ["CH"])
    assert short_names([a, b, c]) == {"a": a.name, "b": b.name, "c": "CH"}


def test_partners_of_the_selection_and_their_counts() -> None:
    model = BrowserModel(partners_corpus())
    model.toggle_institution("u1")
    assert model.partner_counts() == {"h1": (1, 1), "h2": (1, 1), "m1": (1, 1), "u2": (0, 1)}
    rows = [inst.id for inst in model.institution_rows()]
    assert rows == ["u1", "h2", "h1", "m1", "u2", "u3"]  # partners by name within a tie
    event = next(e for e in model.corpus.events if e.id == "et1")
    assert model.parties_for_display(event) == ["HKSH", "HKUST"]


async def test_selecting_hkust_shows_its_partners_first_with_what_they_share() -> None:
    app = make_app(corpus=partners_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        assert option_ids(app, "#inst-list")[0] == "u1"
        before = screen_text(app)
        assert "HKUST" in before and "PolyU" in before
        await pilot.press("enter")
        await settle(pilot)
        assert app.model.filters.institutions == ["u1"]
        assert option_ids(app, "#inst-list") == ["u1", "h2", "h1", "m1", "u2", "u3"]
        lines = screen_text(app).split("\n")
        row = {name: next(line for line in lines if f" {name} " in line)
               for name in ("HKUST", "HKSH", "MSRA", "PolyU", "PKUHSC")}
        assert "✓" in row["HKUST"]
        for partner in ("HKSH", "MSRA"):
            assert "↔" in row[partner] and "1 ev   1 st" in row[partner]
        assert "↔" not in row["PolyU"] and "0 ev   1 st" in row["PolyU"]
        assert "0 ev   0 st" in row["PKUHSC"]
        assert "3 partners" in screen_text(app)  # the pane's subtitle
        assert "Selected HKUST" in lines[-2]  # the status line, in short


async def test_timeline_rows_show_the_partner_first_at_80_columns() -> None:
    app = make_app(corpus=partners_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        text = screen_text(app)
        assert "HKUST ↔ HKSH" in text  # short names, in the event's own order
        await pilot.press("1", "enter", "4")
        await settle(pilot)
        text = screen_text(app)
        for partner in ("HKSH", "MSRA", "First Affiliated Hospital"):
            assert f"{partner} ↔ HKUST" in text, partner
        assert "PolyU" not in text  # not a party to any of HKUST's events


async def test_the_article_names_institutions_in_full_with_their_short_name() -> None:
    app = make_app(corpus=partners_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_story("t1")
        await pilot.pause()
        text = " ".join(app.query_one(ArticleView).plain_lines)
        assert f"Institutions: {HKUST} (HKUST); HKSH Medical Group (HKSH)" in text


def test_during_a_search_institutions_with_hits_come_first() -> None:
    from test_ui_fixtures import FakeIndex

    model = BrowserModel(partners_corpus())
    index = FakeIndex()
    index.add(model.corpus, model.corpus.stories)
    model.search = index.search("Polytechnic")  # t3 and t5: PolyU twice, PKUHSC and HKUST once
    rows = [inst.id for inst in model.institution_rows()]
    assert rows[:3] == ["u2", "u1", "u3"]
