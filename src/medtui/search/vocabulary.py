"""The unstemmed words of the indexed stories, with how many stories hold each.

Prefix queries (``medic*``) expand over these real words, and "did you mean"
looks for the nearest of them. They used to live in a whoosh field of their own,
which doubled the terms whoosh writes and so the time to build the index (at
25,000 stories: most of it); a word -> story count map in Python does the same
job for a fraction of the cost, and is saved beside the index.

Words are cut, folded and joined by the index's own analysis
(:func:`medtui.search.analysis.surface_words`: ``Zürich`` is counted as ``zurich``,
``non-invasive`` as ``noninvasive``, ``non`` and ``invasive``, a CJK run as its
bigrams), unstemmed and with stop words, so that a word found here is a word the
text field's analyzer sees too. Imports no whoosh; rapidfuzz only for spelling.
"""

from __future__ import annotations

import bisect
import pickle
from collections import Counter
from collections.abc import Callable, Iterable

from medtui.search.analysis import VERSION, surface_words

MAGIC = f"MEDTUI-VOCAB-{VERSION}\n".encode()


def story_words(*texts: str) -> set[str]:
    """The distinct words of ``texts``, as they are counted in a :class:`Vocabulary`."""
    return surface_words(*texts)


class Vocabulary:
    """Word -> number of stories holding it; sorted and bucketed lazily for lookups.

    Not thread-safe by itself: :class:`medtui.search.index.StoryIndex` updates and
    reads it under its own lock.
    """

    def __init__(self, counts: dict[str, int] | None = None) -> None:
        """An empty vocabulary, or one with these counts."""
        self._counts: Counter[str] = Counter(counts or {})
        self._read: Callable[[], bytes] | None = None
        self._sorted: list[str] | None = None
        self._by_length: dict[int, list[str]] | None = None

    @classmethod
    def deferred(cls, read: Callable[[], bytes]) -> Vocabulary:
        """A vocabulary whose saved bytes (:meth:`to_bytes`) are read and decoded only when
        first used: a search that needs no prefix nor spelling never pays for it. Saved
        bytes found damaged then make an empty vocabulary (no expansion, no suggestion)."""
        vocabulary = cls()
        vocabulary._read = read
        return vocabulary

    @property
    def counts(self) -> Counter[str]:
        """Word -> number of stories holding it."""
        if self._read is not None:
            read, self._read = self._read, None
            try:
                self._counts = Vocabulary.from_bytes(read())._counts
            except (OSError, ValueError):
                self._counts = Counter()
        return self._counts

    def __len__(self) -> int:
        return len(self.counts)

    def add(self, story_word_sets: Iterable[set[str]]) -> None:
        """Count the words of more stories (each story's words as a set)."""
        for words in story_word_sets:
            self.counts.update(words)
        self._sorted = self._by_length = None

    def merge(self, counts: dict[str, int]) -> None:
        """Add word -> story counts made elsewhere (by a worker that built a segment)."""
        self.counts.update(counts)
        self._sorted = self._by_length = None

    def remove(self, words: set[str]) -> None:
        """Uncount one story's words (the story was replaced)."""
        self.counts.subtract(words)
        for word in words:
            if self.counts[word] <= 0:
                del self.counts[word]
        self._sorted = self._by_length = None

    def frequency(self, word: str) -> int:
        """In how many stories ``word`` (lower case) occurs."""
        return self.counts.get(word, 0)

    def with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Words starting with ``prefix``: all of them, or the ``limit`` most frequent."""
        if self._sorted is None:
            self._sorted = sorted(self.counts)
        words = self._sorted
        start = bisect.bisect_left(words, prefix)
        end = bisect.bisect_left(words, prefix + "\U0010ffff", start)
        found = words[start:end]
        if len(found) > limit:
            found.sort(key=lambda w: -self.counts[w])
            found = found[:limit]
        return found

    def within(self, word: str, distance: int) -> set[str]:
        """Known words exactly ``distance`` edits or fewer away from ``word``."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        if self._by_length is None:
            buckets: dict[int, list[str]] = {}
            for known in self.counts:
                buckets.setdefault(len(known), []).append(known)
            self._by_length = buckets
        found: set[str] = set()
        for length in range(len(word) - distance, len(word) + distance + 1):
            choices = self._by_length.get(length)
            if choices:
                matches = process.extract(word, choices, scorer=Levenshtein.distance,
                                          score_cutoff=distance, limit=None)
                found.update(match[0] for match in matches)
        return found

    def to_bytes(self) -> bytes:
        """The counts, to save beside the index."""
        # In word order: sorting them again after loading is then one linear pass.
        ordered = dict(sorted(self.counts.items()))
        return MAGIC + pickle.dumps(ordered, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes) -> Vocabulary:
        """Counts saved by :meth:`to_bytes`; ValueError when they are not that."""
        if not data.startswith(MAGIC):
            raise ValueError("the saved word list has no valid header")
        from medtui.cache.docs import load_result  # refuses any class but medtui's own

        try:
            counts = load_result(data[len(MAGIC):])
        except Exception as exc:  # noqa: BLE001 - any damage means: not trusted
            raise ValueError(f"the saved word list is damaged ({exc})") from exc
        if not isinstance(counts, dict):
            raise ValueError("the saved word list is not a word list")
        return cls(counts)
