"""Search over the curated corpus: ``institution:`` and the institutions filter, from memory.

The index is built from the corpus as extracted (so a curation, or undoing one, never
re-indexes). The user's curation (:mod:`medtui.curation`) then changes each story's
institutions in memory. While a curation is applied, an ``institution:`` query part
and the ``institutions`` filter are answered from those in-memory lists instead of the
index: the query part's words are looked up among every name each institution answers
to now (:class:`CuratedNames`), and the stories holding one of those institutions now
match (:class:`InstitutionsQuery`). So a name split off an institution finds only the
stories it was moved to, a merged name finds the merged stories, and a name marked
"not an institution" finds nothing.

Imports whoosh at import time; loaded by :mod:`medtui.search.index` when needed.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from typing import Any

from whoosh import query

from medtui.search.matching import SegmentTables, TableQuery
from medtui.search.schema import INSTITUTION


class CuratedNames:
    """Each institution's names (id, name, aliases, extracted ids merged into it) as
    token sequences of the ``institution`` field's analyzer, for looking query words up."""

    def __init__(self, names: Mapping[str, Sequence[str]], analyzer: Any) -> None:
        """``names``: institution id -> every name it answers to now."""
        self.tokens: dict[str, list[tuple[str, ...]]] = {
            inst_id: [tuple(t.text for t in analyzer(name)) for name in inst_names]
            for inst_id, inst_names in names.items()
        }

    def ids_for(self, node: Any) -> frozenset[str] | None:
        """The institutions an ``institution`` leaf query names now; None for a kind of
        leaf this does not answer (it is left to the index)."""
        if isinstance(node, query.Phrase):
            words = tuple(node.words)
            return self._matching(lambda name: _contains(name, words))
        if isinstance(node, query.Prefix):
            prefix = node.text.lower()
            return self._matching(lambda name: any(t.startswith(prefix) for t in name))
        if isinstance(node, query.Wildcard):
            pattern = node.text.lower()
            return self._matching(lambda name: any(fnmatch.fnmatchcase(t, pattern) for t in name))
        if isinstance(node, query.Term):
            return self._matching(lambda name: node.text in name)
        return None

    def _matching(self, test: Any) -> frozenset[str]:
        return frozenset(i for i, names in self.tokens.items() if any(test(n) for n in names))


def _contains(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(words)
    return any(name[k:k + n] == words for k in range(len(name) - n + 1))


class InstitutionsQuery(TableQuery):
    """Stories that involve one of ``ids`` now (their in-memory institutions)."""

    def __init__(self, ids: frozenset[str], tables: SegmentTables, boost: float = 1.0) -> None:
        self.ids, self.tables, self.boost = ids, tables, boost
        self.fieldname = INSTITUTION  # what whoosh asks a leaf query; no terms are looked up

    def __repr__(self) -> str:
        return f"{type(self).__name__}({sorted(self.ids)})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InstitutionsQuery) and (self.ids, self.boost) == (other.ids, other.boost)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.ids, self.boost))

    def _docnums(self, reader: Any) -> list[int]:
        ids = self.ids
        if not ids:
            return []
        found = [n for n, story in enumerate(self.tables.stories(reader))
                 if story is not None and not ids.isdisjoint(story.institutions)]
        if reader.has_deletions():
            found = [n for n in found if not reader.is_deleted(n)]
        return found


def follow_curation(q: Any, names: CuratedNames, tables: SegmentTables) -> Any:
    """``q`` with each ``institution`` leaf answered from the stories' institutions now."""

    def visit(node: Any) -> Any:
        if node.is_leaf() and getattr(node, "fieldname", None) == INSTITUTION \
                and not isinstance(node, InstitutionsQuery):
            ids = names.ids_for(node)
            if ids is not None:
                return InstitutionsQuery(ids, tables, boost=node.boost)
        return node

    return q.accept(visit)


def institutions_filter(ids: Sequence[str], tables: SegmentTables) -> Any:
    """Stories involving ALL of ``ids`` now (the ``institutions`` argument of a search)."""
    return query.And([InstitutionsQuery(frozenset([i]), tables) for i in ids])
