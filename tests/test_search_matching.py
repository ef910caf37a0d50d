"""One-pass search and date spans give what whoosh's own two passes give."""

from __future__ import annotations

import pytest

from medtui.search import matching
from medtui.search import query as parsing
from medtui.search.index import StoryIndex
from test_search_segments import bigger_corpus


@pytest.fixture(scope="module")
def index() -> StoryIndex:
    corpus = bigger_corpus(60)  # 300 stories: enough for whoosh to prune matchers
    ix = StoryIndex()
    ix.add(corpus, corpus.stories)
    return ix


@pytest.mark.parametrize("text", ["school", "government", "harbour OR medical", "medic* OR school",
                                  '"along the harbour"', "harbour date:2025", "harbour OR date:2024",
                                  "govern* -budget"])
def test_one_pass_finds_every_match_and_the_same_top_hits(index: StoryIndex, text: str) -> None:
    index.search("warm up")
    searcher = index._get_searcher()
    q = parsing.parse(text, index._index().schema, index._vocabulary, index._tables)
    every = sorted(searcher.docs_for_query(q))
    assert len(every) > 10
    top, matched = matching.top_and_all(searcher, q, 10)
    assert sorted(matched) == every
    assert [docnum for docnum, _ in top] == [hit.docnum for hit in searcher.search(q, limit=10)]


def test_only_a_few_plain_terms_rank_by_skipping_blocks(index: StoryIndex) -> None:
    def parsed(text: str) -> object:
        return parsing.parse(text, index._index().schema, index._vocabulary, index._tables)

    assert matching.can_skip_blocks(parsed("harbour medical"))
    assert not matching.can_skip_blocks(parsed('"medical education"'))
    assert not matching.can_skip_blocks(parsed("harbour date:2025"))
    assert not matching.can_skip_blocks(parsed("har* OR med* OR sch* OR gov* OR not*"))  # many terms
