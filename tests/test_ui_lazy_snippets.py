"""Snippets left for when a row is drawn (the app's searches): the same as made at once."""

from __future__ import annotations

import pytest

from medtui.search.index import StoryIndex
from test_search_index import make_corpus


@pytest.fixture(scope="module")
def index() -> StoryIndex:
    built = StoryIndex()
    corpus = make_corpus()
    built.add(corpus, corpus.stories)
    return built


@pytest.mark.parametrize("query", ["medical school", "harbour", "medic*", "agreement OR signed"])
def test_a_snippet_made_later_is_the_one_made_at_once(index: StoryIndex, query: str) -> None:
    now = index.search(query, limit=50)
    later = index.search(query, limit=50, snippets=0)
    assert [h.story for h in later.hits] == [h.story for h in now.hits]
    assert later.total == now.total and later.facets == now.facets
    left = later.hits
    assert left and all(h.later is not None and h.snippet == "" for h in left)
    for hit, same in zip(later.hits, now.hits, strict=True):
        assert (hit.fill().snippet, hit.highlights) == (same.snippet, same.highlights)
        assert hit.later is None
    assert later.terms == now.terms  # every snippet made: the words they highlight, all in


def test_without_snippets_given_every_hit_has_its_snippet(index: StoryIndex) -> None:
    result = index.search("harbour", limit=50)
    assert result.hits and all(h.later is None and h.snippet for h in result.hits)
