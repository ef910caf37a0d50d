"""Curation of institutions (headless): the file form, applying it, each operation, undo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from medtui.corpus.model import Corpus, Event, Institution, PartialDate, Story
from medtui.curation import curate_loaded, institution_names, uncurated
from medtui.curation.store import read_curation, render_file
from medtui.search.index import StoryIndex


def make_corpus() -> Corpus:
    """Three institutions, one with a name that belongs to another (Northgate Clinic)."""
    stories = [
        Story("s1", "a.txt", "Riverside University and Northgate Hospital sign MoU",
              "Riverside University signed an MoU with Northgate Hospital.", PartialDate(2024, 5, 2),
              ["i1", "i2"]),
        Story("s2", "b.txt", "Riverside Univ opens lab", "Riverside Univ opened a lab with "
              "Northgate Clinic.", PartialDate(2024, 6), ["i3", "i2"]),
        Story("s3", "c.txt", "Annual Report out", "The Annual Report of Riverside University.",
              None, ["i4", "i1"]),
    ]
    institutions = [
        Institution("i1", "Riverside University", [], "university", stories=["s1", "s3"]),
        Institution("i2", "Northgate Hospital", ["Northgate Clinic"], "hospital",
                    stories=["s1", "s2"]),
        Institution("i3", "Riverside Univ", [], "university", stories=["s2"], source="discovered"),
        Institution("i4", "Annual Report", [], "other", stories=["s3"], source="discovered"),
    ]
    events = [
        Event("e1", "s1", "mou", PartialDate(2024, 5, 2), ["i1", "i2"], stories[0].text),
        Event("e2", "s2", "launch", PartialDate(2024, 6), ["i3", "i2"], stories[1].text),
        Event("e3", "s3", "other", None, ["i4"], stories[2].text),
    ]
    return Corpus(stories=stories, institutions=institutions, events=events)


def names(corpus: Corpus) -> list[str]:
    return [i.name for i in corpus.institutions]


@pytest.fixture
def gaz(tmp_path: Path) -> Path:
    return tmp_path / "config" / "gazetteer.yaml"


def test_merge_saves_and_applies(gaz: Path) -> None:
    corpus = make_corpus()
    curator = curate_loaded(corpus, gaz)
    out = curator.merge("i3", "i1")
    assert out.warning is None and out.changed
    assert names(corpus) == ["Riverside University", "Northgate Hospital", "Annual Report"]
    assert corpus.story("s2").institutions == ["i1", "i2"]
    assert corpus.institution("i1").stories == ["s1", "s3", "s2"]
    assert "Riverside Univ" in corpus.institution("i1").aliases
    assert [e.parties for e in corpus.events][:2] == [["i1", "i2"], ["i1", "i2"]]
    data = yaml.safe_load(gaz.read_text())
    assert data["curation"]["institutions"] == [
        {"id": "riverside-university", "name": "Riverside University", "aliases": ["Riverside Univ"]}
    ]


def test_rename_then_undo(gaz: Path) -> None:
    corpus = make_corpus()
    curator = curate_loaded(corpus, gaz)
    curator.rename("i2", "Northgate General Hospital")
    assert corpus.institution("i2").name == "Northgate General Hospital"
    assert "Northgate Hospital" in corpus.institution("i2").aliases
    assert "Northgate General Hospital" in gaz.read_text()
    assert curator.undo().changed
    assert corpus.institution("i2").name == "Northgate Hospital"
    assert "curation" not in (yaml.safe_load(gaz.read_text()) or {})
    assert not curator.undo().changed


def test_split_moves_the_stories_that_use_the_name(gaz: Path) -> None:
    corpus = make_corpus()
    curator = curate_loaded(corpus, gaz)
    curator.split("i2", "Northgate Clinic")
    clinic = next(i for i in corpus.institutions if i.name == "Northgate Clinic")
    assert clinic.stories == ["s2"]
    assert corpus.institution("i2").stories == ["s1"]
    assert "Northgate Clinic" not in corpus.institution("i2").aliases
    assert corpus.story("s2").institutions == ["i3", clinic.id]
    assert corpus.events[1].parties == ["i3", clinic.id]
    entry = yaml.safe_load(gaz.read_text())["curation"]["institutions"][0]
    assert entry == {"id": "northgate-clinic", "name": "Northgate Clinic",
                     "split_from": "Northgate Hospital"}


def test_not_an_institution_hides_it_and_its_lone_events(gaz: Path) -> None:
    corpus = make_corpus()
    curator = curate_loaded(corpus, gaz)
    curator.not_institution("i4")
    assert "Annual Report" not in names(corpus)
    assert corpus.story("s3").institutions == ["i1"]
    assert [e.id for e in corpus.events] == ["e1", "e2"]
    assert yaml.safe_load(gaz.read_text())["curation"]["not_institutions"] == ["Annual Report"]


def test_relaunch_applies_the_saved_curation(gaz: Path) -> None:
    curator = curate_loaded(make_corpus(), gaz)
    curator.merge("i3", "i1")
    curator.not_institution("i4")
    fresh = make_corpus()
    curate_loaded(fresh, gaz)
    assert names(fresh) == ["Riverside University", "Northgate Hospital"]
    assert fresh.story("s2").institutions == ["i1", "i2"]


def test_hand_written_file_in_the_documented_form(gaz: Path) -> None:
    gaz.parent.mkdir(parents=True)
    gaz.write_text(
        "# my notes\ninstitutions:\n  - name: Eastbrook Institute\n"
        "curation:\n  institutions:\n    - name: Riverside University\n"
        "      aliases: [Riverside Univ]\n  not_institutions: [Annual Report]\n"
    )
    corpus = make_corpus()
    curator = curate_loaded(corpus, gaz)
    assert names(corpus) == ["Riverside University", "Northgate Hospital"]
    curator.rename("i2", "Northgate General")
    text = gaz.read_text()
    assert text.startswith("# my notes\ninstitutions:\n  - name: Eastbrook Institute\n")
    assert "Northgate General" in text and "Annual Report" in text


def test_a_rename_to_another_institutions_name_is_refused(gaz: Path) -> None:
    """Renaming to a name another institution goes by would silently merge the two: it is
    refused with a pointer to m (merge), and nothing is saved."""
    corpus = make_corpus()
    curator = curate_loaded(corpus, gaz)
    for name in ("Riverside University", "northgate  clinic"):
        out = curator.rename("i3" if name.startswith("Riverside") else "i1", name)
        assert not out.changed and "m merges" in out.message, out
    assert names(corpus) == ["Riverside University", "Northgate Hospital", "Riverside Univ", "Annual Report"]
    assert not gaz.exists() or "curation" not in (yaml.safe_load(gaz.read_text()) or {})


def test_merged_chain_and_merge_of_a_renamed_institution(gaz: Path) -> None:
    corpus = make_corpus()
    curator = curate_loaded(corpus, gaz)
    curator.rename("i3", "RU Lab")
    curator.merge("i3", "i1")
    assert names(corpus)[0] == "Riverside University"
    assert {"RU Lab", "Riverside Univ"} <= set(corpus.institution("i1").aliases)
    fresh = make_corpus()
    curate_loaded(fresh, gaz)
    assert names(fresh) == names(corpus)


def test_malformed_file_one_warning_and_nothing_lost(gaz: Path) -> None:
    gaz.parent.mkdir(parents=True)
    bad = "curation:\n  institutions: [\n"
    gaz.write_text(bad)
    corpus = make_corpus()
    corpus.warnings.append(f"Gazetteer: {gaz}: line 3: bad; this file was ignored.")
    curator = curate_loaded(corpus, gaz)
    assert len([w for w in corpus.warnings if str(gaz) in w]) == 1
    out = curator.merge("i3", "i1")
    assert out.warning is not None and "not saved" in out.warning
    assert names(corpus)[:2] == ["Riverside University", "Northgate Hospital"]
    assert gaz.read_text() == bad


def test_unwritable_file_warns_and_keeps_the_curation(
    gaz: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gaz.parent.mkdir(parents=True)
    gaz.write_text("institutions: []\n")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # as a read-only folder would
    corpus = make_corpus()
    out = curate_loaded(corpus, gaz).not_institution("i4")
    assert out.warning is not None and "cannot write" in out.warning
    assert "Annual Report" not in names(corpus)
    assert gaz.read_text() == "institutions: []\n"
    assert [p.name for p in gaz.parent.iterdir()] == ["gazetteer.yaml"]  # no temp file left


def test_uncurated_gives_the_corpus_as_extracted(gaz: Path) -> None:
    corpus = make_corpus()
    curate_loaded(corpus, gaz).merge("i3", "i1")
    raw = uncurated(corpus)
    assert [i.name for i in raw.institutions] == names(make_corpus())
    assert raw.story("s2").institutions == ["i3", "i2"]


def searchable(corpus: Corpus) -> StoryIndex:
    """An index of the corpus as extracted, following its curation (as the CLI and app do)."""
    index = StoryIndex()
    index.add(corpus, corpus.stories)
    index.curated_names = lambda: institution_names(corpus)
    return index


def found(index: StoryIndex, query: str, institutions: tuple[str, ...] = ()) -> list[str]:
    result = index.search(query, institutions=institutions)
    assert result.error is None
    return sorted(h.story for h in result.hits)


def test_institution_query_follows_merged_names(gaz: Path) -> None:
    corpus = make_corpus()
    index = searchable(corpus)
    assert found(index, 'institution:"Riverside University"') == ["s1", "s3"]
    curate_loaded(corpus, gaz).merge("i3", "i1")
    assert found(index, 'institution:"Riverside University"') == ["s1", "s2", "s3"]
    assert found(index, "institution:riverside", ("i1",)) == ["s1", "s2", "s3"]
    assert found(index, 'lab institution:"Riverside Univ"') == ["s2"]


def test_search_after_a_split_finds_only_the_moved_stories(gaz: Path) -> None:
    corpus = make_corpus()
    index = searchable(corpus)
    assert found(index, 'institution:"Northgate Clinic"') == ["s1", "s2"]  # an alias of i2
    curator = curate_loaded(corpus, gaz)
    curator.split("i2", "Northgate Clinic")
    clinic = next(i.id for i in corpus.institutions if i.name == "Northgate Clinic")
    assert found(index, 'institution:"Northgate Clinic"') == ["s2"]
    assert found(index, 'institution:"Northgate Hospital"') == ["s1"]
    assert found(index, "institution:northgate") == ["s1", "s2"]
    assert found(index, "riverside", (clinic,)) == ["s2"]
    assert found(index, "riverside", ("i2",)) == ["s1"]
    assert found(index, 'NOT institution:"Northgate Clinic"') == ["s1", "s3"]
    curator.undo()
    assert found(index, 'institution:"Northgate Clinic"') == ["s1", "s2"]
    assert found(index, "riverside", (clinic,)) == []


def test_search_drops_what_is_not_an_institution(gaz: Path) -> None:
    corpus = make_corpus()
    index = searchable(corpus)
    curate_loaded(corpus, gaz).not_institution("i4")
    assert found(index, 'institution:"Annual Report"') == []
    assert found(index, "institution:annual*") == []
    assert found(index, "report", ("i4",)) == []
    assert found(index, "institution:riverside") == ["s1", "s2", "s3"]


def test_render_file_replaces_only_its_block() -> None:
    old = "a: 1\ncuration:\n  not_institutions:\n  - X\n# tail\nb: 2\n"
    read = render_file(old, read_curation(Path("/nonexistent")).curation)
    assert read == "a: 1\n# tail\nb: 2\n"
