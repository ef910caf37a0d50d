"""The in-memory full-text index over stories: adding them (in segments, in commits),
saving and adopting it; searching it is :mod:`medtui.search.searching`'s.

This module is imported when medtui starts, so it must not import whoosh at
import time (whoosh's modules take 0.3 s to import): the whoosh parts live in
:mod:`.schema`, :mod:`.query` and :mod:`.suggest` and are loaded on first use.

Thread-safety: ``add()`` may run in a loading thread while ``search()`` runs in
another. Documents are analysed outside the search lock; only the commit (and
the searcher swap after it) holds it, so searches keep answering during a load
and always see a consistent, fully committed index.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from medtui.corpus.model import Corpus, Story
from medtui.search.results import Hit, SearchResult
from medtui.search.searching import Searching
from medtui.search.vocabulary import Vocabulary, story_words

__all__ = ["Hit", "SearchResult", "StoryIndex"]  # the result types' home is search/results.py

COMMIT_EVERY = 250
"""Stories analysed per commit: a search waits for at most one commit."""
PARALLEL_MIN = 1000
"""From this many new stories in one :meth:`StoryIndex.add`, build whole segments in workers."""
VOCABULARY_FILE = "medtui-vocabulary.bin"
"""The index's word list, saved in the index's own storage by :meth:`StoryIndex.save_vocabulary`."""


def _own_text(story: Story) -> str:
    return story.text


class StoryIndex(Searching):
    """A whoosh index in RAM over the stories of a corpus, searchable while it grows."""

    def __init__(self, storage: Any = None) -> None:
        """Create an empty index; whoosh is only imported when something is added or searched.

        ``storage``: a whoosh storage to keep the index in (by default a private one in
        RAM); one that holds an index already is opened (see :meth:`adopt`).
        """
        self._given_storage = storage
        self._lock = threading.RLock()  # search, commit, searcher swap
        self._write_lock = threading.Lock()  # one add() at a time
        self._ix: Any = None
        self._storage: Any = None
        self._searcher: Any = None
        self._stories: dict[str, Story] = {}
        self._vocabulary = Vocabulary()
        self._tables: Any = None  # matching.SegmentTables, made with the index (imports whoosh)
        self.curated_names: Callable[[], Mapping[str, Sequence[str]] | None] | None = None
        """While the user's curation is applied: institution id -> every name it answers
        to now (the same mapping until the curation changes). ``institution:`` queries
        and the ``institutions`` filter then follow the stories' institutions in memory
        (:mod:`medtui.search.curated`); the index keeps the corpus as extracted."""
        self._curated: tuple[Any, Any] = (None, None)  # (names given, their CuratedNames)
        self._text_of: Callable[[Story], str] = _own_text

    @property
    def lock(self) -> Any:
        """The lock a search or a commit holds while it reads or changes the index: to
        take before forking a process that uses the index (:mod:`medtui.ui.offload`)."""
        return self._lock

    @property
    def size(self) -> int:
        """How many stories are searchable now."""
        return len(self._stories)

    def _index(self) -> Any:
        with self._lock:
            if self._ix is None:
                from medtui.search.schema import PrivateRamStorage, build_schema

                if self._given_storage is None:
                    self._storage = PrivateRamStorage()
                    self._ix = self._storage.create_index(build_schema())
                else:
                    self._storage = self._given_storage
                    exists = self._storage.index_exists()
                    self._ix = (self._storage.open_index() if exists
                                else self._storage.create_index(build_schema()))
                from medtui.search.matching import SegmentTables

                self._tables = SegmentTables(self._stories.get)
            return self._ix

    def add(
        self,
        corpus: Corpus,
        stories: Sequence[Story],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> None:
        """Index ``stories`` (of ``corpus``); adding a story id again replaces that story.

        What is committed is searchable at once: a few hundred stories at a time, so
        a search answers over what is indexed so far. Many new stories are built into
        whole segments in ``workers`` processes (default: one per core; see
        :mod:`medtui.search.segments`). ``progress(done, total)`` is called after each
        commit; once ``cancelled()`` says so, the rest is left out.
        """
        unique = list({s.id: s for s in stories}.values())  # one document per id
        kinds: dict[str, set[str]] = defaultdict(set)
        wanted = {s.id for s in unique}
        for event in corpus.events:
            if event.story in wanted:
                kinds[event.story].add(event.kind)
        ix = self._index()
        stop = cancelled or (lambda: False)
        done, total = 0, len(unique)

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done, total)

        with self._write_lock:
            try:
                fresh = [s for s in unique if s.id not in self._stories]
                if len(fresh) >= PARALLEL_MIN:
                    self._add_segments(ix, corpus, fresh, kinds, workers, stop, advance)
                    indexed = {story.id for story in fresh}  # once: not per story (25k x 25k)
                    unique = [s for s in unique if s.id not in indexed]
                for begin in range(0, len(unique), COMMIT_EVERY):
                    if stop():
                        return
                    chunk = unique[begin : begin + COMMIT_EVERY]
                    self._commit(ix, corpus, chunk, kinds)
                    advance(len(chunk))
            finally:
                # The private temp folder only exists while adding: a process killed
                # between loads leaves nothing behind in $TMPDIR.
                remove = getattr(self._storage, "remove_tempdir", None)
                if remove is not None:
                    remove()

    def _add_segments(
        self,
        ix: Any,
        corpus: Corpus,
        fresh: list[Story],
        kinds: dict[str, set[str]],
        workers: int | None,
        stop: Callable[[], bool],
        advance: Callable[[int], None],
    ) -> None:
        """Index new stories as whole segments built in worker processes."""
        from medtui.search import segments
        from medtui.search.schema import story_fields

        parts: list[list[Story]] = []
        begin = 0
        for size in segments.segment_sizes(len(fresh)):
            parts.append(fresh[begin : begin + size])
            begin += size
        def make(number: int) -> list[dict[str, Any]]:  # in a worker process, mostly
            return [story_fields(corpus, s, kinds.get(s.id, ())) for s in parts[number]]

        count = workers if workers is not None else segments.default_workers()
        built_all = segments.iter_built(len(parts), make, count, stop)
        for part, built in zip(parts, built_all, strict=False):

            def publish(write_toc: Callable[[], None], part: list[Story] = part,
                        words: dict[str, int] = built.words) -> None:
                with self._lock:
                    write_toc()
                    self._stories.update((story.id, story) for story in part)
                    self._vocabulary.merge(words)
                    self._drop_searcher()

            segments.add_segment(ix, self._storage, built, publish)
            advance(len(part))

    def _commit(
        self, ix: Any, corpus: Corpus, chunk: list[Story], kinds: dict[str, set[str]]
    ) -> None:
        """Analyse ``chunk`` (searches go on meanwhile), then commit it under the lock."""
        from medtui.search.schema import story_fields

        writer = ix.writer()
        try:
            for story in chunk:
                doc = story_fields(corpus, story, kinds.get(story.id, ()))
                if story.id in self._stories:
                    writer.update_document(**doc)
                else:
                    writer.add_document(**doc)
            words = [story_words(story.title, story.text) for story in chunk]
            with self._lock:
                writer.commit()
                for story in chunk:
                    old = self._stories.get(story.id)
                    if old is not None:
                        self._vocabulary.remove(story_words(old.title, old.text))
                    self._stories[story.id] = story
                self._vocabulary.add(words)
                self._drop_searcher()
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise

    def adopt(
        self,
        stories: Sequence[Story],
        *,
        text_of: Callable[[Story], str] | None = None,
        need_vocabulary: bool = False,
    ) -> None:
        """Make ``stories`` searchable that the given storage's index holds already.

        For an index saved with its corpus and opened again: nothing is re-indexed.
        Its word list is read back too (see :meth:`save_vocabulary`), or counted again
        when it was never saved. ``text_of(story)``: where a hit's text is read for its
        snippet, for stories whose ``text`` was left empty (a saved story table, see
        :mod:`medtui.cache.stories`). Raises ValueError when the saved word list is
        damaged, or missing while ``need_vocabulary`` (the texts are not at hand).
        """
        self._index()
        with self._lock:
            self._stories.update((story.id, story) for story in stories)
            if text_of is not None:
                self._text_of = text_of
            if self._storage.file_exists(VOCABULARY_FILE):
                storage = self._storage

                def read() -> bytes:
                    with storage.open_file(VOCABULARY_FILE) as handle:
                        return bytes(handle.read())

                if need_vocabulary:  # read when a query first needs it (a prefix, a spelling)
                    self._vocabulary = Vocabulary.deferred(read)
                else:
                    self._vocabulary = Vocabulary.from_bytes(read())
            elif need_vocabulary:
                raise ValueError("the index has no saved word list")
            else:
                self._vocabulary.add(story_words(s.title, s.text) for s in stories)
            self._drop_searcher()

    def save_vocabulary(self) -> None:
        """Write the word list into the index's storage, to be read back by :meth:`adopt`."""
        self._index()
        with self._lock:
            data = self._vocabulary.to_bytes()
            if self._storage.file_exists(VOCABULARY_FILE):
                self._storage.delete_file(VOCABULARY_FILE)
            with self._storage.create_file(VOCABULARY_FILE) as handle:
                handle.write(data)

    def segment_count(self) -> int:
        """How many segments the index is made of (a merged index: 1)."""
        with self._lock:
            return len(self._index()._segments())

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def _get_searcher(self) -> Any:
        if self._searcher is None:
            self._searcher = self._index().searcher()
            self._tables.keep_only(self._searcher.reader())
        return self._searcher

    def close(self) -> None:
        """Free the index and its temporary folder (also done when it is garbage collected)."""
        with self._lock:
            self._drop_searcher()
            if self._storage is not None and hasattr(self._storage, "remove_tempdir"):
                self._storage.remove_tempdir()
            self._ix = self._storage = None
            self._stories = {}
