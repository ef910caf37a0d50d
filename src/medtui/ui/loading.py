"""Background work for the app: reading documents, indexing stories, running searches.

Each runs in a thread worker and only posts messages (see :mod:`medtui.ui.messages`),
so the first frame shows at once and typing never waits for the disk or whoosh.
The heavy modules (the pipeline, whoosh) are imported inside the workers, never
when the app module is imported.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from textual import work
from textual.app import App
from textual.worker import get_current_worker

from medtui.corpus.model import Corpus
from medtui.ui.messages import (
    CorpusGrew,
    CorpusReady,
    IndexProgress,
    IndexReady,
    LoadFailed,
    LoadProgress,
    SearchDone,
)

SEARCH_LIMIT = 200
"""Hits asked of the index per query (filters then narrow them in the UI)."""

GROW_EVERY_S = 0.5
"""Least time between two snapshots of the corpus posted while reading (the app redraws
at most as often as its redraws allow, see ``MedtuiApp.on_corpus_grew``)."""


def snapshot(corpus: Corpus) -> Corpus:
    """A corpus sharing ``corpus``'s stories and institutions in lists of its own, so the
    reader can go on appending while the app shows this one. O(n) list copies only."""
    return Corpus(documents=list(corpus.documents), stories=list(corpus.stories),
                  institutions=list(corpus.institutions), events=list(corpus.events))


class LoadingMixin(App[int]):
    """Worker methods shared by the app; ``self.index`` is set once the first stories are
    indexed (searches then answer over what is indexed so far) and again when all are."""

    index: Any = None
    _index_override: Any = None
    _saved_index: Any = None  # the index saved with this very corpus (a relaunch)
    _corpus_key: str | None = None  # identifies the corpus, to save its index for next time

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_documents(self, paths: Sequence[str]) -> None:
        """Read ``paths`` (the bundled seeds when empty), posting progress, then the corpus."""
        from medtui.cache.searchable import try_snapshot
        from medtui.errors import MedtuiError
        from medtui.pipeline import CorpusBuilder, discover_inputs, iter_load

        last = -1
        worker = get_current_worker()

        def progress(done: int, total: int, path: str) -> None:
            nonlocal last
            step = max(total // 100, 1)  # at most ~100 progress messages
            if done == total or done - last >= step:
                last = done
                self.post_message(LoadProgress(done, total, path))

        try:
            inputs = discover_inputs(list(paths) or None)
            found, warnings = try_snapshot(list(paths) or None, inputs)
            if found is not None:  # nothing changed since last time: corpus and index saved
                from medtui.curation import curate_loaded

                curate_loaded(found.corpus)  # the user's curation, off the UI thread
                self._saved_index = found.index
                found.corpus.warnings.extend(warnings)
                self.post_message(CorpusReady(found.corpus))
                return
            builder = CorpusBuilder()
            total = len(inputs[1])
            # Stories show as documents are read: a snapshot every GROW_EVERY_S at most.
            posted = time.monotonic()
            for done, added in enumerate(iter_load(list(paths) or None, builder,
                                                   progress=progress, inputs=inputs), 1):
                if worker.is_cancelled:
                    return
                now = time.monotonic()
                if added and now - posted >= GROW_EVERY_S and done < total:
                    posted = now
                    self.post_message(CorpusGrew(snapshot(builder.corpus), done, total))
            corpus = builder.corpus
            corpus.warnings.extend(warnings)
            self._corpus_key = builder.corpus_key
        except MedtuiError as error:
            self.post_message(LoadFailed(str(error)))
            return
        except Exception as error:  # never a traceback in the terminal: show it as a warning
            self.post_message(LoadFailed(f"Reading the documents failed: {error}."))
            return
        self.post_message(CorpusReady(corpus))

    # A description, or Textual repr()s the arguments: the whole corpus (2 s at 25k stories).
    @work(thread=True, exclusive=True, group="index", exit_on_error=False,
          description="Indexing the stories")
    def build_index(self, corpus: Corpus) -> None:
        """Add the stories to the search index in chunks, posting progress, then the index."""
        from medtui.cache.snapshot import SnapshotWriter

        worker = get_current_worker()
        if self._saved_index is not None and self._index_override is None:
            self.post_message(IndexReady(self._saved_index))
            return
        writer = None
        try:
            if self._index_override is not None:
                index = self._index_override
            else:
                from medtui.search.index import StoryIndex

                # On disk in the cache folder when the corpus can be saved with it.
                writer = SnapshotWriter.create() if self._corpus_key else None
                index = writer.index if writer is not None else StoryIndex()
            searchable = False

            def progress(done: int, total: int) -> None:
                nonlocal searchable
                if not searchable:  # searchable from now on, over what is indexed so far
                    searchable = True
                    self.call_from_thread(setattr, self, "index", index)
                self.post_message(IndexProgress(done, total))

            index.add(corpus, corpus.stories, progress=progress, cancelled=lambda: worker.is_cancelled)
            if worker.is_cancelled:
                return
            if writer is not None and writer.save(self._corpus_key, corpus):
                from medtui.cache.merge import spawn_merge
                from medtui.cache.snapshot import snapshot_key

                # The next launch opens one merged segment (a process of its own).
                spawn_merge(snapshot_key(self._corpus_key or ""), index.size, index.segment_count())
        except Exception as error:
            self.post_message(LoadFailed(f"Indexing the stories failed: {error}."))
            return
        self.post_message(IndexReady(index))

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, generation: int, query: str) -> None:
        """Search in a thread; the answer carries ``generation`` so stale ones can be dropped."""
        index = self.index
        if index is None:
            return
        try:
            result = index.search(query, limit=SEARCH_LIMIT)
        except Exception as error:
            self.post_message(SearchDone(generation, query, None, f"Search failed: {error}."))
            return
        self.post_message(SearchDone(generation, query, result))
