"""Pane 1's order during a search, taken from the prepared order rather than sorted anew."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from medtui.corpus.model import Corpus, Institution, Story
from medtui.search.index import SearchResult
from medtui.ui.model import BrowserModel

NAMES = ("Riverside University", "Northgate Hospital", "RU", "Lakeside College", "NGH",
         "Hillcrest Institute", "Eastbrook Clinic")


def corpus_of(story_counts: list[int]) -> Corpus:
    """Institutions with the given story counts (names repeat: ties on names too)."""
    stories = [Story(f"s{n}", "doc.md", f"Story {n}", "text") for n in range(max(story_counts, default=0))]
    institutions = [
        Institution(id=f"i{n}", name=NAMES[n % len(NAMES)], kind="university",
                    stories=[s.id for s in stories[:count]])
        for n, count in enumerate(story_counts)
    ]
    return Corpus(stories=stories, institutions=institutions)


def sorted_by_key(model: BrowserModel, hits: dict[str, int]) -> list[str]:
    """The order the rule states: most hits, then most stories, then short name, then id."""
    rows = sorted(model.corpus.institutions, key=lambda i: (
        -hits.get(i.id, 0), -len(i.stories), model.short_name(i.id).casefold(), i.id))
    return [i.id for i in rows]


@settings(max_examples=60, deadline=None)
@given(counts=st.lists(st.integers(0, 4), min_size=0, max_size=25), data=st.data())
def test_search_order_is_hits_then_stories_then_name(counts: list[int], data: st.DataObject) -> None:
    model = BrowserModel()
    model.set_corpus(corpus_of(counts), lambda story: story.id)
    ids = [f"i{n}" for n in range(len(counts))]
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([]))
    hits = {i: data.draw(st.integers(1, 3)) for i in chosen}
    hits["i-unknown"] = 2  # a facet for an institution no longer listed: ignored
    model.search = SearchResult(query="q", total=3, facets=hits)
    assert [i.id for i in model.institution_rows()] == sorted_by_key(model, hits)


def test_no_hits_keeps_the_order_by_count() -> None:
    model = BrowserModel()
    model.set_corpus(corpus_of([1, 3, 2]), lambda story: story.id)
    model.search = SearchResult(query="q", total=0, facets={})
    assert [i.id for i in model.institution_rows()] == ["i1", "i2", "i0"]
