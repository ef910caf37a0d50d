"""Background work for the app: reading documents, indexing stories, running searches.

Each runs in a thread worker and only posts messages (see :mod:`medtui.ui.messages`),
so the first frame shows at once and typing never waits for the disk or whoosh.
The heavy modules (the pipeline, whoosh) are imported inside the workers, never
when the app module is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import work
from textual.app import App
from textual.worker import get_current_worker

from medtui.corpus.model import Corpus
from medtui.ui.messages import (
    CorpusReady,
    IndexProgress,
    IndexReady,
    LoadFailed,
    LoadProgress,
    SearchDone,
)

SEARCH_LIMIT = 200
"""Hits asked of the index per query (filters then narrow them in the UI)."""


class LoadingMixin(App[int]):
    """Worker methods shared by the app; ``self.index`` is set when indexing finishes."""

    index: Any = None
    _index_override: Any = None

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_documents(self, paths: Sequence[str]) -> None:
        """Read ``paths`` (the bundled seeds when empty), posting progress, then the corpus."""
        from medtui.errors import MedtuiError
        from medtui.pipeline import load_corpus

        last = -1

        def progress(done: int, total: int, path: str) -> None:
            nonlocal last
            step = max(total // 100, 1)  # at most ~100 progress messages
            if done == total or done - last >= step:
                last = done
                self.post_message(LoadProgress(done, total, path))

        try:
            corpus = load_corpus(list(paths) or None, progress=progress)
        except MedtuiError as error:
            self.post_message(LoadFailed(str(error)))
            return
        except Exception as error:  # never a traceback in the terminal: show it as a warning
            self.post_message(LoadFailed(f"Reading the documents failed: {error}."))
            return
        self.post_message(CorpusReady(corpus))

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def build_index(self, corpus: Corpus) -> None:
        """Add the stories to the search index in chunks, posting progress, then the index."""
        worker = get_current_worker()
        try:
            if self._index_override is not None:
                index = self._index_override
            else:
                from medtui.search.index import StoryIndex

                index = StoryIndex()
            stories = corpus.stories
            step = max(50, len(stories) // 50)
            for start in range(0, len(stories), step):
                if worker.is_cancelled:
                    return
                index.add(corpus, stories[start : start + step])
                self.post_message(IndexProgress(min(start + step, len(stories)), len(stories)))
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
