"""Contract JSON shapes: export (version 1), timeline, search, institutions; display paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medtui.corpus.model import Corpus, Document, Event, Institution, PartialDate, Story
from medtui.export import (
    display_path,
    export_corpus,
    institutions_dict,
    search_dict,
    timeline_dict,
)
from medtui.pipeline import bundled_seeds
from medtui.search.index import Hit, SearchResult


def make_corpus(doc_path: str = "docs/a.txt") -> Corpus:
    return Corpus(
        documents=[Document(doc_path, "A title", None, "https://x.org/a", warnings=["odd"])],
        stories=[
            Story("s1", doc_path, "First", "Text one.", PartialDate(2025, 3, 11), ["i1", "i2"]),
            Story("s2", doc_path, "Second", "Text two.", None, ["i1"], index_in_document=1),
        ],
        institutions=[
            Institution("i1", "Alpha University", ["AU"], "university", stories=["s1"]),
            Institution("i2", "Beta Hospital", [], "hospital", stories=["s1"]),
            Institution("i3", "Gamma Agency", ["GA", "Gamma"], "government"),
        ],
        events=[
            Event("e1", "s2", "meeting", None, ["i1"], "They met."),
            Event("e2", "s1", "mou", PartialDate(2025, 3, 11), ["i1", "i2"], "They signed."),
            Event("e3", "s1", "grant", PartialDate(2025), ["i1", "i9"], "A grant."),
        ],
    )


def test_export_schema() -> None:
    data = export_corpus(make_corpus())
    json.dumps(data)  # serialisable as is
    assert data["version"] == 1
    assert set(data) == {"version", "documents", "stories", "institutions", "events"}
    (doc,) = data["documents"]
    assert doc == {"path": "docs/a.txt", "title": "A title", "publisher": None,
                   "url": "https://x.org/a", "warnings": ["odd"]}
    s1, s2 = data["stories"]
    assert set(s1) == {"id", "document", "title", "date", "text", "institutions"}
    assert s1["date"] == "2025-03-11" and s2["date"] is None
    assert s1["document"] == "docs/a.txt" and s1["institutions"] == ["i1", "i2"]
    inst = data["institutions"][0]
    assert set(inst) == {"id", "name", "aliases", "kind", "stories"}
    assert isinstance(inst["aliases"], list)
    event = data["events"][1]
    assert event == {"id": "e2", "story": "s1", "kind": "mou", "date": "2025-03-11",
                     "parties": ["i1", "i2"], "evidence": "They signed."}


def test_institution_stories_join_both_sides() -> None:
    data = export_corpus(make_corpus())
    by_id = {i["id"]: i for i in data["institutions"]}
    assert by_id["i1"]["stories"] == ["s1", "s2"]  # s2 only lists i1 on the story side
    assert by_id["i3"]["stories"] == []


def test_timeline_json() -> None:
    data = timeline_dict(make_corpus())
    assert [e["id"] for e in data["events"]] == ["e2", "e3", "e1"]
    first = data["events"][0]
    assert first["story_title"] == "First"
    assert first["party_names"] == ["Alpha University", "Beta Hospital"]
    assert data["events"][1]["party_names"] == ["Alpha University", "i9"]  # unknown: the id
    assert set(first) == {"id", "story", "kind", "date", "parties", "evidence",
                          "story_title", "party_names"}


def test_search_json() -> None:
    result = SearchResult(
        query="alpha", total=3, suggestion=None,
        hits=[Hit("s1", "First", PartialDate(2025), 4.23456789, "… alpha …", [(2, 7)])],
    )
    data = search_dict(result)
    assert data == {
        "query": "alpha", "total": 3, "suggestion": None,
        "hits": [{"story": "s1", "title": "First", "date": "2025", "score": 4.2346,
                  "snippet": "… alpha …"}],
    }


def test_institutions_json_sorted_by_story_count() -> None:
    rows = institutions_dict(make_corpus())["institutions"]
    assert [(r["id"], r["story_count"]) for r in rows] == [("i1", 2), ("i2", 1), ("i3", 0)]
    assert rows[2] == {"id": "i3", "name": "Gamma Agency", "kind": "government",
                       "story_count": 0, "aliases": ["GA", "Gamma"]}


def test_display_path_relative_to_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    target = tmp_path / "sub" / "a.txt"
    target.write_text("x")
    monkeypatch.chdir(tmp_path)
    assert display_path(str(target)) == "sub/a.txt"
    assert display_path("sub/a.txt") == "sub/a.txt"
    monkeypatch.chdir(tmp_path / "sub")
    assert display_path(str(target)) == "a.txt"


def test_display_path_outside_cwd_is_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    other = str(tmp_path / "elsewhere" / "b.txt")
    assert display_path(other) == other


def test_display_path_of_bundled_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    seed = next(p for p in sorted(bundled_seeds().iterdir()) if p.is_file())
    assert display_path(str(seed)) == f"seeds/{seed.name}"
