"""Many stories at once: whole segments built in worker processes, added as they are.

The answers must be the same as from the one-process path (the small-corpus path
every other test uses), on a RAM index and on one reopened from disk.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from medtui.corpus.model import Corpus, PartialDate, Story
from medtui.search import index as index_module
from medtui.search import segments
from medtui.search.index import StoryIndex
from test_search_index import make_corpus

QUERIES = ("medical school", "harbour", "medic*", '"memorandum of understanding"', "date:2025-03",
           "date:[2024-10 to 2025-02]", "institution:HKUST", "kind:mou", "govrnment", "title:note")


def bigger_corpus(copies: int) -> Corpus:
    """The hand-built corpus, its stories repeated under new ids (``s1-7``)."""
    base = make_corpus()
    stories = [replace(s, id=f"{s.id}-{n}", title=f"{s.title} {n}", institutions=list(s.institutions))
               for n in range(copies) for s in base.stories]
    events = [replace(e, id=f"{e.id}-{n}", story=f"{e.story}-{n}") for n in range(copies) for e in base.events]
    return Corpus(documents=[], stories=stories, institutions=base.institutions, events=events)


def answers(index: StoryIndex) -> list[tuple[int, list[str], str | None]]:
    out = []
    for query in QUERIES:
        result = index.search(query, limit=500)
        assert result.error is None, result.error
        out.append((result.total, sorted(h.story for h in result.hits), result.suggestion))
    return out


@pytest.fixture
def small_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "PARALLEL_MIN", 40)
    monkeypatch.setattr(segments, "FIRST_SEGMENT", 20)
    monkeypatch.setattr(segments, "MAX_SEGMENT", 40)


def test_segment_sizes_double_and_leave_no_tiny_tail() -> None:
    assert segments.segment_sizes(0) == []
    assert segments.segment_sizes(100) == [100]
    sizes = segments.segment_sizes(25_000)
    assert sum(sizes) == 25_000 and sizes[:4] == [250, 500, 1000, 2000]
    assert max(sizes) == segments.MAX_SEGMENT and min(sizes) >= segments.FIRST_SEGMENT // 2


@pytest.mark.usefixtures("small_segments")
@pytest.mark.parametrize("workers", [1, 2])
def test_segments_answer_as_the_one_process_path_does(workers: int, tmp_path: Path) -> None:
    corpus = bigger_corpus(30)  # 150 stories: segments of 20, 40, 40, 50
    plain = StoryIndex()
    for begin in range(0, len(corpus.stories), 30):  # below PARALLEL_MIN: the plain writer
        plain.add(corpus, corpus.stories[begin : begin + 30])
    seen: list[tuple[int, int]] = []
    built = StoryIndex(FileStorage(str(tmp_path)).create())
    built.add(corpus, corpus.stories, workers=workers, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(20, 150), (60, 150), (100, 150), (150, 150)]
    assert len(built._index()._segments()) == 4
    expected = answers(plain)
    assert expected[0][0] == 30 and expected[-2][2] == "government"
    assert answers(built) == expected
    built.save_vocabulary()
    reopened = StoryIndex(FileStorage(str(tmp_path)))
    reopened.adopt(corpus.stories)
    assert answers(reopened) == expected


@pytest.mark.usefixtures("small_segments")
def test_cancelled_stops_after_the_segment_under_way_and_replacing_still_works() -> None:
    corpus = bigger_corpus(30)
    index = StoryIndex()
    calls: list[int] = []
    index.add(corpus, corpus.stories, workers=1, progress=lambda d, t: calls.append(d),
              cancelled=lambda: len(calls) >= 2)
    assert index.size == 60 and calls == [20, 60]
    seen: list[tuple[int, int]] = []
    index.add(corpus, corpus.stories, workers=1, progress=lambda d, t: seen.append((d, t)))
    assert index.size == 150  # the 90 new ones as segments, then the first 60 replaced
    assert seen[-1] == (150, 150) and all(t == 150 for _, t in seen)
    assert index.search("harbour", limit=0).total == 30  # no story twice
    changed = Story("s5-0", "e.txt", "Renamed", "Nothing but pelicans here.", PartialDate(2024), [])
    index.add(corpus, [changed])
    assert index.search("pelicans").total == 1 and index.search("library").total == 29


def test_workers_make_their_own_chunks_nothing_is_made_here() -> None:
    # The chunks' fields are made in the forked workers (issue 12: made and pickled in the
    # app's process they held the GIL for seconds at 25,000 stories).
    made_here: list[int] = []
    docs = [[{"id": f"s{n}-{k}", "title": f"Riverside note {n}", "text": "a harbour walk"}
             for k in range(3)] for n in range(4)]

    def make(number: int) -> list[dict[str, str]]:
        made_here.append(number)  # a worker appends to its own copy of the list
        return docs[number]

    built = list(segments.iter_built(4, make, workers=2))
    assert [sum(b.words.values()) > 0 for b in built] == [True] * 4
    assert [sorted(b.files) != [] for b in built] == [True] * 4
    assert made_here == []
    assert segments._MAKERS == {}  # nothing kept once done
    one = list(segments.iter_built(2, make, workers=1))
    assert len(one) == 2 and made_here == [0, 1]
