"""A saved index merged into one segment (:mod:`medtui.cache.merge`): the next launch
opens the merged one, and it answers exactly what the segmented one answered."""

from __future__ import annotations

import pytest

from medtui.cache import merge, snapshot
from medtui.cache.docs import CorpusKey
from medtui.cache.snapshot import SnapshotWriter, open_index, open_snapshot, snapshot_key
from medtui.search import index as index_module
from medtui.search import segments
from test_search_segments import QUERIES, answers, bigger_corpus


@pytest.fixture
def small_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "PARALLEL_MIN", 40)
    monkeypatch.setattr(segments, "FIRST_SEGMENT", 20)
    monkeypatch.setattr(segments, "MAX_SEGMENT", 40)


def corpus_key() -> str:
    key = CorpusKey("test")
    key.add("doc.md", b"0" * 16)
    value = key.value()
    assert value is not None
    return value


@pytest.mark.usefixtures("small_segments")
def test_the_merged_index_answers_as_the_segmented_one_and_is_what_opens_next() -> None:
    corpus = bigger_corpus(30)
    writer = SnapshotWriter.create()
    assert writer is not None
    writer.index.add(corpus, corpus.stories, workers=1)
    assert writer.index.segment_count() == 4
    assert writer.save(corpus_key(), corpus)
    expected = answers(writer.index)
    key = snapshot_key(corpus_key())
    assert merge.merge_saved(key)
    reopened, warnings = open_snapshot(corpus_key())
    assert reopened is not None and warnings == []
    assert reopened.index.segment_count() == 1
    assert answers(reopened.index) == expected  # totals, hits and suggestions
    for query in QUERIES:  # and the same order and snippets
        a, b = writer.index.search(query, limit=10), reopened.index.search(query, limit=10)
        assert [(h.story, h.snippet) for h in a.hits] == [(h.story, h.snippet) for h in b.hits]
    light = open_index(key)  # the story table and word list came along
    assert light is not None and answers(light) == expected
    assert not merge.merge_saved(key)  # one segment: nothing more to do
    # The index in use by this process is still there; the next prune may not take it.
    assert (writer.folder / "index").is_dir()
    snapshot.prune(snapshot.snapshot_root())
    assert (writer.folder / "index").is_dir()


def test_no_merge_for_a_small_index_or_when_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []
    monkeypatch.setattr(merge.subprocess, "Popen", lambda *a, **k: started.append(a))
    assert not merge.spawn_merge("k", merge.MERGE_MIN_STORIES - 1, 5)
    assert not merge.spawn_merge("k", merge.MERGE_MIN_STORIES, 1)
    monkeypatch.setenv(merge.NO_MERGE_ENV, "1")
    assert not merge.spawn_merge("k", merge.MERGE_MIN_STORIES, 5)
    monkeypatch.delenv(merge.NO_MERGE_ENV)
    assert merge.spawn_merge("k", merge.MERGE_MIN_STORIES, 5) and len(started) == 1
