"""Matching helpers on top of whoosh: per-segment story tables, date spans, one-pass search.

whoosh answers a date range by OR-ing the numeric terms inside it, which costs
about 100 ms per query at 25,000 stories (an array per segment per range); a
story's date is already in memory, so :class:`DaySpanQuery` matches it from a
table per segment instead. The same tables turn matched document numbers into
stories for the institution counts without reading a stored field per hit.

:func:`top_and_all` finds the top hits and every match in one pass when the
query cannot skip blocks anyway (phrases, wildcards): whoosh would otherwise run
such a query twice, once for the count and once for the ranking.

Imports whoosh at import time; loaded by :mod:`medtui.search.index` when needed.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import Any

from whoosh import collectors, matching, query

from medtui.corpus.model import Story
from medtui.search.schema import DATE, ID, period

MAX_SKIPPING_TERMS = 8
"""Above this many terms (an expanded prefix), skipping blocks saves less than a second pass costs."""
DaySpan = tuple[int, int] | None
"""A story's date as (first day, last day) ordinals, or None when undated."""


class SegmentTables:
    """For each index segment: the story and the day span of every document number.

    A segment never changes its documents (only marks some deleted), so each table
    is built once, when first needed, from the segment's stored ids.
    """

    def __init__(self, stories: Callable[[str], Story | None]) -> None:
        """``stories``: story id -> the story (None if unknown)."""
        self._lookup = stories
        self._stories: dict[str, list[Story | None]] = {}
        self._days: dict[str, list[DaySpan]] = {}

    def stories(self, reader: Any) -> list[Story | None]:
        """The story of each document number of an atomic (one-segment) reader.

        An index with no segment yet (nothing added: whoosh's empty reader has no
        segment) has no document numbers: an empty table.
        """
        if reader.segment() is None:
            return []
        key = reader.segment().segment_id()
        table = self._stories.get(key)
        if table is None:
            ids = reader.column_reader(ID)
            table = [self._lookup(ids[n]) for n in range(reader.doc_count_all())]
            self._stories[key] = table
        return table

    def days(self, reader: Any) -> list[DaySpan]:
        """The day span of each document number of an atomic reader (none without a segment)."""
        if reader.segment() is None:
            return []
        key = reader.segment().segment_id()
        table = self._days.get(key)
        if table is None:
            table = [_day_span(story) for story in self.stories(reader)]
            self._days[key] = table
        return table

    def global_stories(self, reader: Any) -> list[Story | None]:
        """The story of each top-level document number of a (multi-segment) reader."""
        if reader.is_atomic():
            return self.stories(reader)
        table: list[Story | None] = []
        for leaf, offset in reader.leaf_readers():
            table.extend([None] * (offset - len(table)))
            table.extend(self.stories(leaf))
        return table

    def keep_only(self, reader: Any) -> None:
        """Forget the tables of segments ``reader`` no longer has (merged or replaced)."""
        leaves = [reader] if reader.is_atomic() else [leaf for leaf, _ in reader.leaf_readers()]
        live = {leaf.segment().segment_id() for leaf in leaves if leaf.segment() is not None}
        for table in (self._stories, self._days):
            for key in set(table) - live:
                del table[key]


def _day_span(story: Story | None) -> DaySpan:
    if story is None or story.date is None:
        return None
    first, last = period(story.date)
    return first.toordinal(), last.toordinal()


class TableQuery(query.Query):
    """A leaf query answered from per-segment tables in memory, not from index terms.

    Subclasses give :meth:`_docnums`, the matching document numbers of one segment; every
    match scores the query's boost.
    """

    boost: float

    def _docnums(self, reader: Any) -> list[int]:
        raise NotImplementedError

    def estimate_size(self, ixreader: Any) -> int:
        """An upper bound: every document (used only to order the parts of a query)."""
        return int(ixreader.doc_count_all())

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        """A matcher over the matching document numbers of ``searcher``'s segment."""
        reader = searcher.reader()
        if not reader.is_atomic():  # whoosh matches segment by segment; this is a fallback
            docnums = [n + offset for leaf, offset in reader.leaf_readers() for n in self._docnums(leaf)]
        else:
            docnums = self._docnums(reader)
        if not docnums:
            return matching.NullMatcher()
        return matching.ListMatcher(docnums, all_weights=self.boost)


class DaySpanQuery(TableQuery):
    """Stories whose date lies within days ``first``..``last`` (ordinals, inclusive)."""

    def __init__(self, first: int, last: int, tables: SegmentTables, boost: float = 1.0) -> None:
        """Match dated stories with first >= ``first`` and last <= ``last``."""
        self.first, self.last, self.tables, self.boost = first, last, tables, boost
        self.fieldname = DATE  # what whoosh asks a leaf query; no terms of it are indexed

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.first}, {self.last})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, DaySpanQuery) and (self.first, self.last, self.boost)
                == (other.first, other.last, other.boost))

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.first, self.last, self.boost))

    def _docnums(self, reader: Any) -> list[int]:
        first, last = self.first, self.last
        days = self.tables.days(reader)
        found = [n for n, span in enumerate(days) if span is not None and first <= span[0] and span[1] <= last]
        if reader.has_deletions():
            found = [n for n in found if not reader.is_deleted(n)]
        return found


class WordSetQuery(query.Query):
    """Stories holding any of ``words`` (index terms) in ``fieldname``, all at one score.

    What a typed prefix expands to (``medic*``: medic, medicin, medicaid, ...). Scored
    word by word (whoosh's ``Or``), a prefix of a common start was the slowest kind
    of query: up to 64 words scored for each of thousands of stories (200 ms at
    25,000). As Lucene does by default for prefix and wildcard queries (its
    "constant score" rewrite), every story matched scores the same: the query's
    boost times the field's (so a title match still ranks above a text one).
    """

    def __init__(self, fieldname: str, words: list[str], boost: float = 1.0) -> None:
        """Match ``words`` (index terms, e.g. stems) in field ``fieldname``."""
        self.fieldname, self.words, self.boost = fieldname, sorted(set(words)), boost

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.fieldname!r}, {self.words!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, WordSetQuery) and (self.fieldname, self.words, self.boost)
                == (other.fieldname, other.words, other.boost))

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.fieldname, tuple(self.words), self.boost))

    def has_terms(self) -> bool:
        """True: its words are terms (for highlighting)."""
        return True

    def terms(self, phrases: bool = False) -> Any:
        """The (field, word) pairs it matches."""
        return ((self.fieldname, word) for word in self.words)

    def estimate_size(self, ixreader: Any) -> int:
        """An upper bound: the sum of the words' document frequencies."""
        return sum(int(ixreader.doc_frequency(self.fieldname, w)) for w in self.words)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        """A matcher over the documents of ``searcher``'s reader holding any of the words."""
        reader = searcher.reader()
        leaves = [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())
        ids: set[int] = set()
        for leaf, offset in leaves:
            for word in self.words:
                ids.update(offset + n for n in term_ids(leaf, self.fieldname, word))
        if not ids:
            return matching.NullMatcher()
        weight = self.boost * searcher.schema[self.fieldname].format.field_boost
        return matching.ListMatcher(sorted(ids), all_weights=weight)


class _AllMatchesCollector(collectors.TopCollector):
    """whoosh's top-N collector that also keeps every matched document number."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False, replace=0)  # see every match: no pruning
        self.matched: list[int] = []

    def _collect(self, global_docnum: int, score: float) -> Any:
        self.matched.append(global_docnum)
        return super()._collect(global_docnum, score)


def can_skip_blocks(q: Any) -> bool:
    """True when whoosh can rank ``q`` by skipping postings: plain terms and their AND/OR/NOT.

    Such a query is cheaper run twice (every match, then the top hits by skipping
    blocks) than once with every match scored; anything else runs once.
    """
    leaves = list(q.leaves())
    return len(leaves) <= MAX_SKIPPING_TERMS and all(isinstance(leaf, query.Term) for leaf in leaves)


def top_and_all(
    searcher: Any, q: Any, limit: int, allow: Any = None
) -> tuple[list[tuple[int, float]], list[int]]:
    """The top ``limit`` (docnum, score) pairs and every matched docnum, in one pass.

    ``allow``: only documents this query matches too (a filter: it adds no score).
    """
    inner = _AllMatchesCollector(max(limit, 1))
    collector = collectors.FilterCollector(inner, allow=allow) if allow is not None else inner
    searcher.search_with_collector(q, collector)
    top = sorted(((score, -negdoc) for score, negdoc in inner.items), key=lambda p: (-p[0], p[1]))
    return [(docnum, float(score)) for score, docnum in top][:limit], inner.matched


def term_ids(reader: Any, fieldname: str, text: str) -> list[int]:
    """The live document numbers holding one term in an atomic ``reader``, in order.

    Read a posting block at a time (whoosh's ``all_ids`` steps through every posting
    in Python: ten times slower for a common word); deleted documents left out.
    """
    if (fieldname, text) not in reader:
        return []
    postings = reader.postings(fieldname, text)  # deletions: a FilterMatcher, walked as is
    if not (hasattr(postings, "_read_ids") and hasattr(postings, "_next_block")):
        return list(postings.all_ids())
    ids: list[int] = []
    while postings.is_active():  # whoosh3's leaf matcher: at the start of each block here
        postings._read_ids()  # noqa: SLF001 - the block's ids, decoded at once
        ids.extend(postings._ids)  # noqa: SLF001
        postings._next_block()  # noqa: SLF001
    return ids


def _leaves(reader: Any) -> list[tuple[Any, int]]:
    return [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())


def matched_docs(searcher: Any, q: Any) -> set[int]:
    """Every document number (top-level) ``q`` matches, as whoosh would count them.

    Terms, expanded prefixes and table queries are read as whole posting lists and
    combined as sets (And: intersection, Or: union, Not: difference); anything else
    (phrases, wildcards) is asked of whoosh. The count of a common word no longer
    steps through a matcher per posting in Python.
    """
    reader = searcher.reader()
    if isinstance(q, query.Term):
        return {offset + n for leaf, offset in _leaves(reader) for n in term_ids(leaf, q.fieldname, q.text)}
    if isinstance(q, WordSetQuery):
        return {offset + n for leaf, offset in _leaves(reader) for w in q.words
                for n in term_ids(leaf, q.fieldname, w)}
    if isinstance(q, TableQuery):
        return {offset + n for leaf, offset in _leaves(reader) for n in q._docnums(leaf)}  # noqa: SLF001
    if isinstance(q, type(query.NullQuery)):
        return set()
    if type(q) is query.And:
        wanted = [c for c in q.subqueries if not isinstance(c, query.Not)]
        unwanted = [c.query for c in q.subqueries if isinstance(c, query.Not)]
        found: set[int] | None = None
        for child in wanted:
            docs = matched_docs(searcher, child)
            found = docs if found is None else found & docs
            if not found:
                return set()
        if found is None:
            return set(searcher.docs_for_query(q))
        for child in unwanted:
            found -= matched_docs(searcher, child)
        return found
    if type(q) is query.Or:
        union: set[int] = set()
        for child in q.subqueries:
            union |= matched_docs(searcher, child)
        return union
    if type(q) is query.AndNot:
        return matched_docs(searcher, q.a) - matched_docs(searcher, q.b)
    if type(q) is query.AndMaybe:
        return matched_docs(searcher, q.a)
    return set(searcher.docs_for_query(q))


def constant_scores(searcher: Any, q: Any) -> dict[int, float] | None:
    """Document number -> score of a query made only of constant-score parts (expanded
    prefixes, table queries) under plain And/Or, scored as whoosh scores them (a part
    scores its weight, And/Or add their parts' scores); None for any other query."""
    if isinstance(q, WordSetQuery):
        weight = q.boost * searcher.schema[q.fieldname].format.field_boost
        return dict.fromkeys(matched_docs(searcher, q), weight)
    if isinstance(q, TableQuery):
        return dict.fromkeys(matched_docs(searcher, q), q.boost)
    if type(q) not in (query.And, query.Or) or q.boost != 1.0 or getattr(q, "scale", None):
        return None
    parts = [constant_scores(searcher, child) for child in q.subqueries]
    if any(part is None for part in parts) or not parts:
        return None
    scores: dict[int, float] = {}
    if type(q) is query.Or:
        for part in parts:
            assert part is not None
            for docnum, score in part.items():
                scores[docnum] = scores.get(docnum, 0.0) + score
        return scores
    common = set.intersection(*(set(part) for part in parts if part is not None))
    return {docnum: sum(part[docnum] for part in parts if part is not None) for docnum in common}


def top_and_matched(
    searcher: Any, q: Any, limit: int, allow: Any = None
) -> tuple[list[tuple[int, float]], list[int]]:
    """The top ``limit`` (docnum, score) pairs and every matched docnum (in order).

    Plain terms and their And/Or/Not: the matches as sets of posting lists
    (:func:`matched_docs`), the top hits by whoosh skipping blocks. Constant-score
    queries (a prefix, a date): scored from the same sets, no matcher at all. Anything
    else (phrases): one whoosh pass for both (:func:`top_and_all`). Same answers, same
    order as whoosh's (score, then document number). ``allow``: a filter query.
    """
    if can_skip_blocks(q):
        matched = sorted(matched_docs(searcher, query.And([q, allow]) if allow is not None else q))
        if limit <= 0 or not matched:
            return [], matched
        hits = searcher.search(q, limit=limit, filter=allow)
        return [(hit.docnum, float(hit.score)) for hit in hits], matched
    scores = constant_scores(searcher, q)
    if scores is None:
        return top_and_all(searcher, q, limit, allow)
    if allow is not None:
        allowed = matched_docs(searcher, allow)
        scores = {docnum: score for docnum, score in scores.items() if docnum in allowed}
    top = heapq.nsmallest(max(limit, 0), scores.items(), key=lambda pair: (-pair[1], pair[0]))
    return [(docnum, float(score)) for docnum, score in top], sorted(scores)
