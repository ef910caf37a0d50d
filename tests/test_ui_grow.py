"""A corpus still being read: rows prepared off the UI thread, keys first, curation applied."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

import medtui.ui.app as app_module
from medtui.config import Config
from medtui.corpus.model import Corpus, Institution, PartialDate, Story
from medtui.curation.store import CuratedInstitution, Curation
from medtui.ui.app import MedtuiApp
from medtui.ui.loading import LoadingMixin, snapshot, story_key_function
from medtui.ui.messages import CorpusGrew
from medtui.ui.model import BrowserModel
from medtui.ui.prepare import prepare
from test_ui_fixtures import FakeIndex, isolate, make_corpus, option_ids, screen_text


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch)


def read_so_far(stories: int) -> Corpus:
    """The first ``stories`` stories of a folder being read, by Riverside University."""
    return Corpus(
        stories=[Story(f"s{n}", f"/docs/{n}.txt", f"Riverside note {n}", "Riverside University "
                       "opened a library.", PartialDate(2025, 1, n), ["i1"])
                 for n in range(1, stories + 1)],
        institutions=[Institution("i1", "Riverside University",
                                  stories=[f"s{n}" for n in range(1, stories + 1)])],
    )


def grew(corpus: Corpus) -> CorpusGrew:
    return CorpusGrew(corpus, len(corpus.stories), 100, prepare(corpus, story_key_function()))


async def wait_until(pilot: Pilot[Any], check: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


async def test_a_key_typed_during_a_grow_is_echoed_before_the_redraw(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "TYPING_PAUSE_S", 2.0)
    monkeypatch.setattr(app_module, "GROW_PAUSE_S", 0.0)  # redraws as soon as they may
    monkeypatch.setattr(MedtuiApp, "load_documents", lambda self, paths: None)  # test posts
    app = MedtuiApp(["/docs"], index=FakeIndex(), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        app.post_message(grew(read_so_far(2)))
        await wait_until(pilot, lambda: len(option_ids(app, "#story-list")) == 2)
        await pilot.press("slash", "r")
        app.post_message(grew(read_so_far(5)))
        await pilot.pause(0.3)
        assert screen_text(app).splitlines()[0].startswith("/ r")  # the key is echoed...
        assert len(option_ids(app, "#story-list")) == 2  # ...and the redraw waits
        await wait_until(pilot, lambda: len(option_ids(app, "#story-list")) == 5)
        assert app.query_one("#search-input").value == "r"  # type: ignore[attr-defined]


def test_prepared_rows_are_the_rows_the_model_computes() -> None:
    corpus = make_corpus()
    derived, given = BrowserModel(), BrowserModel()
    derived.set_corpus(corpus, lambda s: s.id)
    given.set_corpus(corpus, lambda s: s.id, prepared=prepare(corpus, lambda s: s.id))
    assert given.institution_rows() == derived.institution_rows()
    assert given.visible_stories() == derived.visible_stories()
    assert given.short_width(corpus.institutions) == derived.short_width(corpus.institutions)
    assert given.event_count("i1") == derived.event_count("i1") > 0
    assert given.timeline_groups() == derived.timeline_groups()
    assert given.sources == derived.sources
    everything = sum(len(events) for _, events in given.timeline_groups())
    kind = given.event_kind_counts()[0][0]
    for model in (given, derived):  # not the default view: computed, not prepared
        model.set_event_kinds([kind])
    assert given.timeline_groups() == derived.timeline_groups()
    assert sum(len(events) for _, events in given.timeline_groups()) < everything
    given.filters.institutions = ["i2"]
    derived.filters.institutions = ["i2"]
    assert given.institution_rows() == derived.institution_rows()
    assert given.institution_rows()[0].id == "i2"  # the selection first: not the prepared order


def test_prepare_keys_only_the_stories_it_does_not_know() -> None:
    keyed: list[str] = []

    def key_of(story: Story) -> str:
        keyed.append(story.id)
        return f"k:{story.id}"

    first = prepare(read_so_far(2), key_of)
    second = prepare(read_so_far(4), key_of, first.keys)
    assert keyed == ["s1", "s2", "s3", "s4"]
    assert second.keys["s4"] == "k:s4" and [s.id for s in second.newest][0] == "s4"


def test_a_grown_snapshot_is_curated_and_the_readers_stories_are_not() -> None:
    reading = read_so_far(3)
    reading.institutions.append(Institution("i2", "Riverside Univ", stories=["s3"]))
    reading.stories[2].institutions = ["i2"]
    reading.institutions[0].stories = ["s1", "s2"]
    curation = Curation(institutions=(
        CuratedInstitution("riverside", "Riverside University", ("Riverside Univ",)),))
    grown = LoadingMixin._grown_snapshot(reading, curation, lambda s: s.id, {})
    assert [i.name for i in grown.corpus.institutions] == ["Riverside University"]
    assert grown.by_count[0].stories == ["s1", "s2", "s3"]
    assert {tuple(s.institutions) for s in grown.corpus.stories} == {("i1",)}
    assert reading.stories[2].institutions == ["i2"]  # the reader's own corpus as extracted
    assert len(reading.institutions) == 2
    plain = snapshot(reading)
    assert plain.stories[0] is reading.stories[0]  # no curation: the stories are shared


def two_institutions(northgate_id: str, riverside_id: str) -> Corpus:
    """Two stories, one per institution, numbered as the caller says."""
    stories = [Story("s1", "/docs/1.txt", "Riverside opens a library", "Riverside University.",
                     PartialDate(2025, 1, 2), [riverside_id]),
               Story("s2", "/docs/2.txt", "Northgate opens a ward", "Northgate Hospital.",
                     PartialDate(2025, 1, 1), [northgate_id])]
    institutions = [Institution(riverside_id, "Riverside University", stories=["s1"]),
                    Institution(northgate_id, "Northgate Hospital", stories=["s2"])]
    institutions.sort(key=lambda inst: inst.id)
    return Corpus(stories=stories, institutions=institutions)


async def test_a_selection_made_while_reading_survives_the_final_numbering(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from medtui.ui.messages import CorpusReady
    from medtui.ui.widgets.navlist import NavList

    monkeypatch.setattr(app_module, "GROW_PAUSE_S", 0.0)
    monkeypatch.setattr(MedtuiApp, "load_documents", lambda self, paths: None)  # test posts
    app = MedtuiApp(["/docs"], index=FakeIndex(), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        app.post_message(grew(two_institutions(northgate_id="i2", riverside_id="i1")))
        await wait_until(pilot, lambda: len(option_ids(app, "#story-list")) == 2)
        await pilot.press("1")
        assert app.query_one("#inst-list", NavList).highlight_id("i2")
        await pilot.press("enter")  # select Northgate Hospital (i2 while reading)
        await wait_until(pilot, lambda: option_ids(app, "#story-list") == ["s2"])
        final = two_institutions(northgate_id="i1", riverside_id="i2")  # numbered otherwise
        app.post_message(CorpusReady(final, prepare(final, story_key_function())))
        await wait_until(pilot, lambda: app.model.corpus is final)
        assert app.model.filters.institutions == ["i1"]
        assert app.model.institution_name("i1") == "Northgate Hospital"
        await wait_until(pilot, lambda: option_ids(app, "#story-list") == ["s2"])


async def test_a_big_folder_shows_its_first_files_before_the_loading_is_set_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil
    import threading

    import medtui.pipeline as pipeline
    import medtui.ui.loading as loading

    folder = tmp_path / "docs"
    folder.mkdir()
    for path in sorted(pipeline.bundled_seeds().glob("*.txt")):
        shutil.copy(path, folder / path.name)
    monkeypatch.setattr(loading, "EARLY_FROM", 2)  # a "big" folder, for the test
    monkeypatch.setattr(loading, "EARLY_DOCUMENTS", 2)
    gate = threading.Event()
    real = pipeline.iter_load

    def held(*args: Any, **kwargs: Any) -> Any:  # the rest of the loading waits for the test
        gate.wait(20)
        yield from real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "iter_load", held)
    app = MedtuiApp([str(folder)], index=FakeIndex(), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(option_ids(app, "#story-list")))
        assert len({s.document for s in app.model.corpus.stories}) == 2  # the first two files
        first_ids = [s.id for s in app.model.corpus.stories]
        gate.set()
        await wait_until(pilot, lambda: app.index_complete)  # read, then indexed
        final = app.model.corpus
        assert len({s.document for s in final.stories}) == len(list(folder.iterdir()))
        assert [s.id for s in final.stories[: len(first_ids)]] == first_ids  # the same ids
