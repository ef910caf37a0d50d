"""Answering a query over :class:`~medtui.search.index.StoryIndex`: the best hits, the
total, the institutions' facets, snippets (now or when a row is drawn), a "did you mean"
suggestion, and the user's curation followed.

Part of ``StoryIndex`` (a base class of it); the index's building side (adding stories,
commits, segments) is in :mod:`medtui.search.index`. whoosh is imported on first use.
"""

from __future__ import annotations

import threading
from bisect import insort
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from medtui.corpus.model import Story
from medtui.search.results import Hit, SearchResult
from medtui.search.snippets import build_snippet, find_matches
from medtui.search.vocabulary import Vocabulary

FEW_HITS = 2
"""At or below this many hits, look for a "did you mean" correction."""

_institutions_of = attrgetter("institutions")


class Searching:
    """The searching half of :class:`~medtui.search.index.StoryIndex` (see the module)."""

    _lock: threading.RLock
    _vocabulary: Vocabulary
    _tables: Any
    _curated: tuple[Any, Any]
    _text_of: Callable[[Story], str]
    curated_names: Callable[[], Mapping[str, Sequence[str]] | None] | None

    if TYPE_CHECKING:  # StoryIndex's
        def _index(self) -> Any: ...
        def _get_searcher(self) -> Any: ...

    def search(
        self, query: str, *, limit: int = 50, institutions: Sequence[str] = (),
        snippets: int | None = None,
    ) -> SearchResult:
        """Run ``query``: the best ``limit`` hits, the total, facets, a suggestion if few hit.

        ``institutions`` (ids) narrows the search to stories that involve ALL of them,
        so the facet counts shown for a search are the totals a click would give.
        ``snippets``: how many hits get their snippet now (default: all); the others
        make theirs when :meth:`Hit.fill` is called (a list draws only the rows shown:
        snippets were 90% of a search's time, py-spy on the app, issue 12), adding the
        words they highlight to the result's ``terms`` then.
        Never raises: a malformed query comes back with ``error`` set.
        """
        result = SearchResult(query=query)
        if not query.strip():
            return result
        try:
            return self._search(query, result, limit, tuple(institutions), snippets)
        except Exception as exc:  # a bug or whoosh oddity must not crash the caller
            result.error = f"The search failed: {exc}."
            result.hits, result.total = [], 0
            return result

    def _search(
        self, text: str, result: SearchResult, limit: int, institutions: tuple[str, ...],
        snippets: int | None = None,
    ) -> SearchResult:
        from whoosh import query as wq

        from medtui.search import matching
        from medtui.search import query as parsing
        from medtui.search.schema import INST_ID
        from medtui.search.suggest import suggest_query

        ix = self._index()
        with self._lock:
            searcher = self._get_searcher()
            reader = searcher.reader()
            try:
                q = parsing.parse(text, ix.schema, self._vocabulary, self._tables)
            except parsing.QueryError as exc:
                result.error = str(exc)
                return result
            if q is None:
                return result
            result.notes = parsing.unknown_values(q, institutions, reader, self.curated_names)
            filt = wq.And([wq.Term(INST_ID, i) for i in institutions]) if institutions else None
            names = self.curated_names() if self.curated_names is not None else None
            if names is not None:
                q, filt = self._follow_curation(names, q, institutions)
            top, matched = matching.top_and_matched(searcher, q, limit, filt)
            result.total = len(matched)
            stories = self._tables.global_stories(reader) if matched else []
            # Each matched story's institutions once (in its own order: ties keep it), counted
            # in C (a Python loop with a set per story was a tenth of a common word's query).
            found = filter(None, map(stories.__getitem__, matched))
            facets = Counter(chain.from_iterable(map(dict.fromkeys, map(_institutions_of, found))))
            result.facets = dict(facets.most_common())
            scored = [(stories[docnum], score) for docnum, score in top if stories[docnum] is not None]
            groups = parsing.highlight_groups(q, reader)
            terms = set().union(*groups)
            if result.total <= FEW_HITS:
                suggestion = suggest_query(text, self._vocabulary)
                if suggestion and self._count(suggestion, filt) > 2 * result.total:
                    result.suggestion = suggestion
        words: set[str] = set()
        for number, (story, score) in enumerate(scored):
            hit = Hit(story.id, story.title, story.date, score, "")
            if snippets is None or number < snippets:
                words |= self._make_snippet(hit, story, terms, groups)
            else:
                hit.later = partial(self._snippet_later, hit, story, terms, groups, result)
            in_title = find_matches(story.title, terms)
            words |= {story.title[s:e].lower() for s, e, _ in in_title}
            result.hits.append(hit)
        result.terms = sorted(words)
        return result

    def _make_snippet(self, hit: Hit, story: Story, terms: set[str], groups: Any) -> set[str]:
        """Give ``hit`` its snippet; the words it highlights."""
        snippet = build_snippet(self._text_of(story), terms, groups)
        hit.snippet, hit.highlights = snippet.text, snippet.highlights
        return snippet.words

    def _snippet_later(self, hit: Hit, story: Story, terms: set[str], groups: Any,
                       result: SearchResult) -> None:
        """A snippet left for later (:meth:`Hit.fill`): made, its words added to the terms."""
        known = set(result.terms)
        for word in sorted(self._make_snippet(hit, story, terms, groups) - known):
            insort(result.terms, word)  # in place: whoever holds the list sees them

    def _follow_curation(
        self, names: Mapping[str, Sequence[str]], q: Any, institutions: tuple[str, ...]
    ) -> tuple[Any, Any]:
        """``q`` and the institutions filter answered from the curated stories (in memory)."""
        from medtui.search import curated
        from medtui.search.schema import INSTITUTION

        if self._curated[0] is not names:
            self._curated = (names, curated.CuratedNames(names, self._index().schema[INSTITUTION].analyzer))
        q = curated.follow_curation(q, self._curated[1], self._tables)
        return q, curated.institutions_filter(institutions, self._tables) if institutions else None

    def _count(self, text: str, filt: Any) -> int:
        """How many stories a (suggested) query finds; 0 if it does not parse."""
        from whoosh import query as wq

        from medtui.search import query as parsing

        searcher = self._get_searcher()
        try:
            q = parsing.parse(text, self._index().schema, self._vocabulary, self._tables)
        except parsing.QueryError:
            return 0
        if q is None:
            return 0
        return sum(1 for _ in searcher.docs_for_query(wq.And([q, filt]) if filt else q))
