"""StoryIndex on a hand-built corpus: query syntax, dates, snippets, facets, suggestions,
errors, thread-safety and independence of two indexes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from medtui.corpus.model import Corpus, Event, Institution, PartialDate, Story
from medtui.search.index import SearchResult, StoryIndex
from medtui.search.snippets import match_spans


def make_corpus() -> Corpus:
    insts = [
        Institution("i1", "The Hong Kong University of Science and Technology", ["HKUST"],
                    "university"),
        Institution("i2", "Zhejiang University", ["ZJU"], "university"),
        Institution("i3", "HKSAR Government", [], "government"),
        Institution("i4", "HKSH Medical Group", ["HKSH"], "hospital"),
    ]
    filler = "The weather in the city was mild and many people walked along the harbour. " * 4
    stories = [
        Story("s1", "a.txt", "HKSH and HKUST sign MOU",
              filler + "HKSH Medical Group and HKUST signed a memorandum of understanding on "
              "medical education and clinical training. " + filler,
              PartialDate(2025, 3, 11), ["i1", "i4"]),
        Story("s2", "b.txt", "Zhejiang partnership",
              "HKUST and Zhejiang University agreed a partnership in medicine and research.",
              PartialDate(2025, 3), ["i1", "i2"]),
        Story("s3", "c.txt", "Government approves third medical school",
              "The government approved the third medical school at HKUST.",
              PartialDate(2025), ["i1", "i3"]),
        Story("s4", "d.txt", "Budget note",
              "A note about the budget of the government, with nothing on schools.",
              None, ["i3"]),
        Story("s5", "e.txt", "Earlier school news",
              "The school opened a new library for its students.",
              PartialDate(2024, 11, 2), []),
    ]
    events = [
        Event("e1", "s1", "mou", PartialDate(2025, 3, 11), ["i4", "i1"], "signed a memorandum"),
        Event("e2", "s3", "approval", PartialDate(2025), ["i3", "i1"], "approved"),
    ]
    for inst in insts:
        inst.stories = [s.id for s in stories if inst.id in s.institutions]
    return Corpus(documents=[], stories=stories, institutions=insts, events=events)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus()


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> StoryIndex:
    ix = StoryIndex()
    ix.add(corpus, corpus.stories)
    return ix


def ids(result: SearchResult) -> set[str]:
    assert result.error is None, result.error
    return {h.story for h in result.hits}


def test_size(index: StoryIndex) -> None:
    assert index.size == 5


def test_default_operator_is_and(index: StoryIndex) -> None:
    assert ids(index.search("medical school")) == {"s3"}
    assert ids(index.search("medical")) == {"s1", "s3"}


def test_stemming_matches_word_forms(index: StoryIndex) -> None:
    assert ids(index.search("schools")) == {"s3", "s4", "s5"}


def test_phrase(index: StoryIndex) -> None:
    assert ids(index.search('"medical school"')) == {"s3"}
    assert ids(index.search('"school medical"')) == set()


def test_or_not_and_minus(index: StoryIndex) -> None:
    assert ids(index.search("zhejiang OR budget")) == {"s2", "s4"}
    assert ids(index.search("government NOT budget")) == {"s3"}
    assert ids(index.search("government -budget")) == {"s3"}
    assert ids(index.search("(zhejiang OR budget) AND hkust")) == {"s2"}


def test_trailing_operator_is_forgiven(index: StoryIndex) -> None:
    assert ids(index.search("zhejiang AND")) == {"s2"}


def test_hyphenated_word_is_not_negation(index: StoryIndex) -> None:
    result = index.search("long-term")
    assert result.error is None


def test_prefix_expands_unstemmed_words(index: StoryIndex) -> None:
    # "medica*" must find "medical" although its stem is "medic".
    assert ids(index.search("medica*")) == {"s1", "s3"}
    assert ids(index.search("medic*")) == {"s1", "s2", "s3"}
    assert index.search("medic*").terms == ["medical", "medicine"]


def test_short_prefix_is_refused(index: StoryIndex) -> None:
    for query in ("m*", "me*", "*ical", "a?c*"):
        result = index.search(query)
        assert result.error is not None and "3 letters" in result.error
        assert result.hits == [] and result.total == 0


def test_fields(index: StoryIndex) -> None:
    assert ids(index.search("title:zhejiang")) == {"s2"}
    assert ids(index.search("Title:zhejiang")) == {"s2"}
    assert ids(index.search("institution:hkust")) == {"s1", "s2", "s3"}
    assert ids(index.search('institution:"Zhejiang University"')) == {"s2"}
    assert ids(index.search("institution:i3")) == {"s3", "s4"}
    assert ids(index.search("kind:mou")) == {"s1"}
    assert ids(index.search("kind:approval OR kind:mou")) == {"s1", "s3"}


def test_dates_mean_within_the_period(index: StoryIndex) -> None:
    assert ids(index.search("date:2025")) == {"s1", "s2", "s3"}
    assert ids(index.search("date:2025-03")) == {"s1", "s2"}
    assert ids(index.search("date:2025-03-11")) == {"s1"}
    assert ids(index.search("date:[2025-01-01 to 2025-03-31]")) == {"s1", "s2"}
    assert ids(index.search("date:[2024 to 2025-03]")) == {"s1", "s2", "s5"}
    assert ids(index.search("date:[2025 to]")) == {"s1", "s2", "s3"}
    assert ids(index.search("school date:2024")) == {"s5"}
    assert ids(index.search("date:>2025-03")) == set()
    assert ids(index.search("date:>=2025-03")) == {"s1", "s2"}
    assert ids(index.search("date:>2024")) == {"s1", "s2", "s3"}
    assert ids(index.search("date:<2025")) == {"s5"}
    assert ids(index.search("date:<=2025-03")) == {"s1", "s2", "s5"}


def test_bad_date_is_an_error(index: StoryIndex) -> None:
    for query in ("date:foo", "date:2025-13", "date:[2025-02-30 to 2025-04]"):
        result = index.search(query)
        assert result.error is not None, query
        assert result.error.count(".") >= 1 and "\n" not in result.error


@pytest.mark.parametrize(
    "query",
    ['"unclosed', "a OR (b", "b)", "nofield:x", "date:[2025 to 2026", "^^^", "((("],
)
def test_malformed_queries_never_raise(index: StoryIndex, query: str) -> None:
    result = index.search(query)
    assert isinstance(result, SearchResult)
    assert result.hits == [] and result.total == 0


def test_malformed_queries_say_why(index: StoryIndex) -> None:
    assert "quote" in (index.search('"medical school').error or "")
    assert "bracket" in (index.search("(hkust OR zju").error or "")
    assert index.search("nofield:x").error is None  # a colon after a non-field is text
    assert "date" in (index.search("date:>foo").error or "")
    assert "understand" in (index.search("<b>medical</b>").error or "")
    # A field with nothing after its colon says so (it was taken for text: "did you mean time:").
    for query, example in (("title:", "title:hospital"), ("kind: mou", "kind:mou"),
                           ("(date:)", "date:2025"), ("Institution:", "institution:")):
        assert example in (index.search(query).error or ""), query
    assert index.search("Note: medical").error is None  # not a field: text, as before


def test_empty_and_stopword_queries(index: StoryIndex) -> None:
    for query in ("", "   ", "the", "and of"):
        result = index.search(query)
        assert result.error is None and result.total == 0 and result.hits == []


def test_snippet_highlights_matched_words(index: StoryIndex) -> None:
    result = index.search("memorandum training")
    (hit,) = result.hits
    marked = [hit.snippet[a:b] for a, b in hit.highlights]
    assert marked == ["memorandum", "training"]
    assert "\n" not in hit.snippet
    assert 100 <= len(hit.snippet) <= 240
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert result.terms == ["memorandum", "training"]


def test_snippet_highlights_word_forms(index: StoryIndex) -> None:
    (hit,) = index.search("approve").hits
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["approved"]


def test_snippet_without_body_match_is_the_start(index: StoryIndex) -> None:
    (hit,) = index.search("kind:mou").hits
    assert hit.snippet.startswith("The weather")
    assert hit.highlights == []


def test_hit_fields(index: StoryIndex) -> None:
    (hit,) = index.search("zhejiang").hits
    assert hit.story == "s2"
    assert hit.title == "Zhejiang partnership"
    assert hit.date == PartialDate(2025, 3)
    assert hit.score > 0


def test_title_matches_rank_first(index: StoryIndex) -> None:
    hits = index.search("school").hits
    assert hits[0].story in {"s3", "s5"}  # "school" in the title (boosted)


def test_facets_count_all_hits_not_just_the_page(index: StoryIndex) -> None:
    result = index.search("hkust", limit=1)
    assert result.total == 3 and len(result.hits) == 1
    assert result.facets == {"i1": 3, "i2": 1, "i3": 1, "i4": 1}


def test_institution_filter_needs_all(index: StoryIndex) -> None:
    assert ids(index.search("hkust", institutions=["i2"])) == {"s2"}
    assert ids(index.search("government", institutions=["i1", "i3"])) == {"s3"}
    result = index.search("government", institutions=["i3"])
    assert result.total == 2 and result.facets == {"i3": 2, "i1": 1}


def test_suggestion_when_nothing_found(index: StoryIndex) -> None:
    result = index.search("goverment")
    assert result.total == 0 and result.suggestion == "government"
    assert index.search("Goverment aproved").suggestion == "Government approved"
    # Operators, fields and unknown-but-uncorrectable words are kept as typed.
    assert index.search("title:zhejaing OR budgett").suggestion == "title:zhejiang OR budget"
    assert index.search("medical").suggestion is None
    assert index.search("qqqqqqqq").suggestion is None


def test_limit(index: StoryIndex) -> None:
    result = index.search("the OR school OR hkust", limit=2)
    assert len(result.hits) == 2 and result.total >= 4


def test_adding_again_replaces(corpus: Corpus) -> None:
    ix = StoryIndex()
    ix.add(corpus, corpus.stories)
    changed = Story("s2", "b.txt", "Zhejiang partnership", "Now about astronomy.",
                    PartialDate(2025, 3), ["i1", "i2"])
    ix.add(corpus, [changed])
    assert ix.size == 5
    assert ids(ix.search("astronomy")) == {"s2"}
    assert ids(ix.search("medicine")) == set()
    ix.close()


def test_progressive_adds_are_searchable(corpus: Corpus) -> None:
    ix = StoryIndex()
    assert ix.search("school").total == 0
    ix.add(corpus, corpus.stories[:2])
    assert ix.size == 2
    assert ids(ix.search("hkust")) == {"s1", "s2"}
    ix.add(corpus, corpus.stories[2:])
    assert ids(ix.search("hkust")) == {"s1", "s2", "s3"}
    assert ix.search("hkust").facets == {"i1": 3, "i2": 1, "i3": 1, "i4": 1}


def test_duplicate_ids_in_one_call(corpus: Corpus) -> None:
    ix = StoryIndex()
    old, new = corpus.stories[0], Story("s1", "a.txt", "Replaced", "Only astronomy.", None, [])
    ix.add(corpus, [old, new])
    assert ix.size == 1
    assert ids(ix.search("astronomy")) == {"s1"} and ids(ix.search("memorandum")) == set()


def test_search_while_adding_in_another_thread(corpus: Corpus) -> None:
    many = [
        Story(f"x{n}", "x.txt", f"Story {n}", f"HKUST news number {n} about medical training.",
              PartialDate(2025, 1 + n % 12), ["i1"])
        for n in range(300)
    ]
    ix = StoryIndex()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for start in range(0, len(many), 25):
                ix.add(corpus, many[start : start + 25])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    totals = []
    while thread.is_alive() or not totals:
        result = ix.search("hkust medical", limit=5)
        assert result.error is None
        totals.append(result.total)
    thread.join()
    assert not errors
    assert totals == sorted(totals)  # never goes back: only committed, consistent states
    assert ix.search("hkust medical").total == 300
    assert ix.search("number", limit=1000).total == 300
    assert ix.search("number", limit=1000).facets == {"i1": 300}


def test_two_indexes_are_independent(corpus: Corpus) -> None:
    a, b = StoryIndex(), StoryIndex()
    a.add(corpus, corpus.stories[:1])
    b.add(corpus, corpus.stories[1:2])
    assert ids(a.search("hkust")) == {"s1"}
    assert ids(b.search("hkust")) == {"s2"}
    assert a._storage.tempdir is None  # the temp folder only exists while adding
    spill_a, spill_b = a._storage.temp_storage(), b._storage.temp_storage()
    assert a._storage.tempdir != b._storage.tempdir
    assert os.path.dirname(spill_a.folder) == a._storage.tempdir
    assert os.path.dirname(spill_b.folder) == b._storage.tempdir
    tempdir = a._storage.tempdir
    a.close()
    assert not os.path.exists(tempdir)
    b.close()


BUILD_SCRIPT = """
import sys
from medtui.corpus.model import Corpus, Story
from medtui.search.index import StoryIndex
stories = [Story(f"x{n}", "x.txt", f"T{n}", f"word{n} shared text {n}") for n in range(200)]
ix = StoryIndex()
for start in range(0, 200, 20):
    ix.add(Corpus(stories=stories), stories[start : start + 20])
assert ix.search("shared").total == 200
print("ok")
"""


def test_several_processes_build_at_once(tmp_path: Path) -> None:
    # whoosh's RamStorage spills to a fixed $TMPDIR/MAIN.tmp: processes would collide.
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    procs = [
        subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT], env=env, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0 and out.strip() == "ok", err
    assert list(tmp_path.iterdir()) == []  # every private temp folder was removed


def test_match_spans_for_article_bodies() -> None:
    text = "Medical news: the MEDICAL school, premedical and medicine."
    spans = match_spans(text, ["medical", "school"])
    assert [text[a:b] for a, b in spans] == ["Medical", "MEDICAL", "school"]
    assert match_spans(text, []) == []


def test_importing_the_index_does_not_import_whoosh() -> None:
    code = (
        "import sys, medtui.search.index, medtui.timeline, medtui.export, medtui.textsafe, "
        "medtui.cli; print(sorted(m for m in sys.modules if m.startswith('whoosh')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


EMPTY_INDEX_QUERIES = ["date:2025", "date:2025-03", "date:>2024", "date:[2024 to 2025]", "institution:i1",
                       "kind:mou", "medic*", '"medical school"', "hospital", "hospitl", "hospital date:2025",
                       "title:riverside", "-hospital", "hospital OR clinic"]


@pytest.mark.parametrize("query", EMPTY_INDEX_QUERIES)
@pytest.mark.parametrize("filled", [False, True], ids=["nothing-added", "empty-corpus-added"])
def test_every_query_kind_on_an_empty_index(query: str, filled: bool) -> None:
    """An empty folder gives an index with no segment: every query path answers 'nothing',
    never an internal error (whoosh's empty reader has no segment id)."""
    ix = StoryIndex()
    if filled:
        empty = Corpus()
        ix.add(empty, empty.stories)
    result = ix.search(query)
    assert result.error is None, result.error
    assert result.total == 0 and result.hits == [] and result.suggestion is None
    assert ix.search(query, institutions=["i1"]).error is None
    assert "date" in (ix.search("date:>foo").error or "")  # a malformed query still says why
