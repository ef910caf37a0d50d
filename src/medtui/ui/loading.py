"""Background work for the app: reading documents, indexing stories, running searches.

Each runs in a thread worker and only posts messages (see :mod:`medtui.ui.messages`),
so the first frame shows at once and typing never waits for the disk or whoosh.
The heavy modules (the pipeline, whoosh) are imported inside the workers, never
when the app module is imported.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from textual import work
from textual.app import App
from textual.worker import get_current_worker

from medtui.cache import spare_the_collector
from medtui.corpus.model import Corpus, Story
from medtui.ui.messages import (
    CorpusGrew,
    CorpusReady,
    IndexProgress,
    IndexReady,
    LoadFailed,
    LoadProgress,
    SearchDone,
)
from medtui.ui.offload import WORK_NICE
from medtui.ui.prepare import Prepared, prepare

SEARCH_LIMIT = 200
"""Hits asked of the index per query (filters then narrow them in the UI)."""
SNIPPETS_NOW = 30
"""Hits whose snippet a search makes at once (more rows than a tall terminal shows);
the others make theirs when their row is first drawn (:meth:`Hit.fill`): 200 snippets
were 90% of a search's time, holding the GIL a key's echo waits for (py-spy, issue 12)."""

GROW_EVERY_S = 0.5
"""Least time between two snapshots of the corpus posted while reading (the app redraws
at most as often as its redraws allow, see ``MedtuiApp.on_corpus_grew``)."""
GROW_SHARE = 10
"""A snapshot (copy, curation, :func:`~medtui.ui.prepare.prepare`) costs the reading
thread at most 1/GROW_SHARE of its time: the next one waits GROW_SHARE x the last one's
cost when that is longer than :data:`GROW_EVERY_S`. It runs in the UI's process, holding
the GIL: at 1/4 (until issue 12's second round) preparing snapshots was the largest
share of that process's GIL time while 6,000 documents were read (py-spy); at 25,000
stories a snapshot costs about a second, so one comes every ten seconds or so."""


EARLY_FROM = 500
"""Files from which the first few are read at once, before the rest of the loading is set up
(the saved-snapshot check, the document cache, the worker processes: about a second at
24,675 files on a loaded machine, measured while looking into issue 12's first rows)."""
EARLY_DOCUMENTS = 8
"""How many files are read that way (a few milliseconds each)."""


def snapshot(corpus: Corpus, *, own_stories: bool = False) -> Corpus:
    """A corpus sharing ``corpus``'s stories and institutions in lists of its own, so the
    reader can go on appending while the app shows this one. O(n) list copies only.

    ``own_stories``: copies of the stories too (their institution lists of their own), so
    a curation can be applied to the snapshot without touching the reader's stories.
    """
    stories = corpus.stories
    if own_stories:
        stories = [replace(s, institutions=list(s.institutions)) for s in stories]
    return Corpus(documents=list(corpus.documents), stories=list(stories),
                  institutions=list(corpus.institutions), events=list(corpus.events))


def story_key_function() -> Callable[[Story], str]:
    """How stories get their reader-state keys (:func:`medtui.state.store.story_key`), or
    their ids when the reader state cannot be imported."""
    try:
        from medtui.state.store import story_key
    except ImportError:  # reader state unavailable: ids still tell stories apart

        def story_key(story: Story) -> str:
            return story.id

    return story_key


def user_curation() -> Any:
    """The user's curation (:class:`medtui.curation.store.Curation`) to apply to the
    snapshots shown while reading, or None when it is empty or unreadable."""
    try:
        from medtui.curation import user_gazetteer_path
        from medtui.curation.store import read_curation

        curation = read_curation(user_gazetteer_path()).curation
    except Exception:  # the final corpus says what went wrong (curate_loaded warns)
        return None
    return None if curation.is_empty() else curation


class LoadingMixin(App[int]):
    """Worker methods shared by the app; ``self.index`` is set once the first stories are
    indexed (searches then answer over what is indexed so far) and again when all are."""

    index: Any = None
    _index_override: Any = None
    _saved_index: Any = None  # the index saved with this very corpus (a relaunch)
    _corpus_key: str | None = None  # identifies the corpus, to save its index for next time
    _inputs: tuple[Any, Any] = (None, ())  # (paths, files) read: the files table saved with it

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_documents(self, paths: Sequence[str]) -> None:
        """Read ``paths`` (the bundled seeds when empty), posting progress, then the corpus."""
        from medtui.cache.searchable import try_snapshot
        from medtui.errors import MedtuiError
        from medtui.pipeline import (
            CorpusBuilder,
            DocResult,
            default_matcher,
            discover_inputs,
            iter_load,
            process_document,
        )

        last = -1
        worker = get_current_worker()

        def progress(done: int, total: int, path: str) -> None:
            nonlocal last
            step = max(total // 100, 1)  # at most ~100 progress messages
            if done == total or done - last >= step:
                last = done
                self.post_message(LoadProgress(done, total, path))

        try:
            key_of = story_key_function()
            inputs = discover_inputs(list(paths) or None)
            # Stories show as documents are read: a provisional corpus of the documents as
            # read (the corpus step, boilerplate, runs once all are), shown every
            # GROW_EVERY_S at most. The final corpus then replaces it (same story ids).
            shown = CorpusBuilder()
            curation = user_curation()
            early = inputs[1][:EARLY_DOCUMENTS] if len(inputs[1]) >= EARLY_FROM else []
            for item in early:  # first rows at once, before the saved snapshot and cache
                shown.add(process_document(item, default_matcher()))
            if early and shown.corpus.stories and not worker.is_cancelled:
                grown = self._grown_snapshot(shown.corpus, curation, key_of, {})
                self.post_message(CorpusGrew(grown.corpus, len(early), len(inputs[1]), grown))
            found, warnings = try_snapshot(list(paths) or None, inputs)
            if found is not None:  # nothing changed since last time: corpus and index saved
                from medtui.curation import curate_loaded

                curate_loaded(found.corpus)  # the user's curation, off the UI thread
                self._saved_index = found.index
                found.corpus.warnings.extend(warnings)
                prepared = prepare(found.corpus, key_of)
                spare_the_collector(found.corpus)
                self.post_message(CorpusReady(found.corpus, prepared))
                return
            builder = CorpusBuilder()
            total = len(inputs[1])
            keys: dict[str, str] = {}
            pace = {"posted": time.monotonic(), "every": GROW_EVERY_S, "read": 0}

            def read(result: DocResult) -> None:
                pace["read"] += 1
                if pace["read"] <= len(early):  # shown already (the same result, read early)
                    return
                if not shown.add(result) or time.monotonic() - pace["posted"] < pace["every"]:
                    return
                if pace["read"] >= total or worker.is_cancelled:
                    return
                nonlocal keys
                started = time.monotonic()
                grown = self._grown_snapshot(shown.corpus, curation, key_of, keys)
                keys = grown.keys
                spare_the_collector(grown.corpus)
                self.post_message(CorpusGrew(grown.corpus, int(pace["read"]), total, grown))
                pace["posted"] = time.monotonic()
                pace["every"] = max(GROW_EVERY_S, GROW_SHARE * (pace["posted"] - started))

            for _added in iter_load(list(paths) or None, builder, progress=progress,
                                    inputs=inputs, on_read=read, nice=WORK_NICE,
                                    cancelled=lambda: worker.is_cancelled):
                if worker.is_cancelled:
                    return
            corpus = builder.corpus
            corpus.warnings.extend(warnings)
            self._corpus_key = builder.corpus_key
            self._inputs = (list(paths) or None, inputs[1])
            from medtui.curation import curate_loaded

            curate_loaded(corpus)  # the user's curation, off the UI thread
            # Same documents in the same order: the provisional stories had the same ids
            # (the corpus step changes texts, never how many stories a document has).
            same = len(shown.corpus.stories) == len(corpus.stories)
            prepared = prepare(corpus, key_of, keys if same else None)
            spare_the_collector(corpus)
        except MedtuiError as error:
            self.post_message(LoadFailed(str(error)))
            return
        except Exception as error:  # never a traceback in the terminal: show it as a warning
            self.post_message(LoadFailed(f"Reading the documents failed: {error}."))
            return
        self.post_message(CorpusReady(corpus, prepared))

    @staticmethod
    def _grown_snapshot(corpus: Corpus, curation: Any, key_of: Callable[[Story], str],
                        keys: dict[str, str]) -> Prepared:
        """A snapshot of the corpus being read, curated as the user asked, with its rows
        prepared (all in the worker: the UI thread only shows it)."""
        grown = snapshot(corpus, own_stories=curation is not None)
        if curation is not None:
            from medtui.curation.apply import apply_curation

            apply_curation(grown, curation)
        return prepare(grown, key_of, keys)

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
                from medtui.search import segments
                from medtui.search.index import StoryIndex

                segments.WORKER_NICE = WORK_NICE  # the UI process wins the CPU from them
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
            if writer is not None and self._save_snapshot(writer, corpus,
                                                          lambda: worker.is_cancelled):
                from medtui.cache.merge import spawn_merge
                from medtui.cache.searchable import remember_files
                from medtui.cache.snapshot import snapshot_key

                remember_files(*self._inputs, self._corpus_key)  # `medtui search` opens it too

                # The next launch opens one merged segment (a process of its own).
                spawn_merge(snapshot_key(self._corpus_key or ""), index.size, index.segment_count())
        except Exception as error:
            self.post_message(LoadFailed(f"Indexing the stories failed: {error}."))
            return
        self.post_message(IndexReady(index))

    def _save_snapshot(self, writer: Any, corpus: Corpus,
                       cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Save the index's corpus beside it for the next launch (``SnapshotWriter.save``).

        At :data:`~medtui.ui.offload.CHILD_FROM` stories and more, in a child process: the
        save pickles the whole corpus in one C call that holds the GIL (about a second at
        25,000 stories), during which no key would echo.
        """
        from medtui.ui.offload import CHILD_FROM, call_in_child

        key = self._corpus_key
        if len(corpus.stories) < CHILD_FROM:
            return bool(writer.save(key, corpus))

        def save() -> tuple[bool, list[str]]:
            return bool(writer.save(key, corpus)), list(writer.warnings)

        # A search may hold the index's lock at the fork: taken around it (else the child
        # waits for it forever and the app never says Ready).
        saved = call_in_child(save, cancelled=cancelled, hold=(writer.index.lock,))
        if saved is None:
            return False
        writer.warnings[:] = saved[1]
        return saved[0]

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, generation: int, query: str) -> None:
        """Search in a thread; the answer carries ``generation`` so stale ones can be dropped."""
        index = self.index
        if index is None:
            return
        try:
            result = index.search(query, limit=SEARCH_LIMIT, snippets=SNIPPETS_NOW)
        except Exception as error:
            self.post_message(SearchDone(generation, query, None, f"Search failed: {error}."))
            return
        self.post_message(SearchDone(generation, query, result))
