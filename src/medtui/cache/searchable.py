"""Files in, a searchable corpus out: from the saved snapshot when nothing changed.

:func:`load_searchable` is what a command that needs both the corpus and the
index calls (``medtui search``, ``medtui bench``, the app): a relaunch on
unchanged files opens the saved corpus and index (a couple of seconds for
25,000 documents); otherwise the corpus is loaded through the document cache,
indexed into a new on-disk index, and the pair is saved for next time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medtui.cache.docs import CacheStats
from medtui.corpus.model import Corpus

IndexProgress = Callable[[int, int], None]
"""Called as ``index_progress(done, total)`` while stories are indexed."""


@dataclass
class Searchable:
    """A corpus, its index, and how they were obtained."""

    corpus: Corpus
    index: Any  # medtui.search.index.StoryIndex
    stats: CacheStats = field(default_factory=CacheStats)
    from_snapshot: bool = False
    load_s: float = 0.0
    index_s: float = 0.0
    load_cpu_s: float = 0.0
    """CPU seconds of this process and its workers while loading (wall time on a busy
    machine says little; this says what the work costs)."""
    index_cpu_s: float = 0.0
    saved_as: str | None = None
    """The snapshot key the corpus and index were saved under (None: not saved)."""


def try_snapshot(
    paths: Sequence[str | Path] | None, inputs: Any = None, *, recall: bool = True
) -> tuple[Searchable | None, list[str]]:
    """The saved corpus and index of ``paths`` if every file is unchanged, else None.

    Costs a ``stat`` per file when there is no snapshot: cheap enough to try first.
    The files table saved with a snapshot is tried first (``recall``: see :func:`_recalled`).
    Raises :class:`medtui.errors.InputError` for a path that does not exist.
    """
    from medtui.cache import cache_enabled
    from medtui.cache.snapshot import open_snapshot
    from medtui.pipeline import discover_inputs

    if not cache_enabled():
        return None, []
    recalled = _recalled(paths) if recall else None  # by the files table: nothing listed
    if recalled is not None:
        return recalled, []
    _roots, files, _warnings = inputs if inputs is not None else discover_inputs(paths)
    warm = _warm_stamps(files)
    if warm is None:
        return None, []
    key, stamps = warm
    snapshot, warnings = open_snapshot(key)
    if snapshot is None:
        return None, warnings
    _remember(paths, snapshot.key, stamps)
    stats = CacheStats(hits=len(files))
    return Searchable(snapshot.corpus, snapshot.index, stats, from_snapshot=True), warnings


def _recalled(paths: Sequence[str | Path] | None) -> Searchable | None:
    """The saved corpus and index of ``paths`` found by their files table (one ``stat`` per
    folder and file, as ``medtui search`` finds its index: :func:`open_search_index`),
    else None. Skips listing the folders, looking every file up in the document cache
    and hashing the corpus key: most of a relaunch's time besides unpickling the corpus."""
    from medtui.cache.quick import inputs_name, recall
    from medtui.cache.snapshot import open_saved, snapshot_root

    try:
        key = recall(snapshot_root(), inputs_name(paths))
    except Exception:  # noqa: BLE001 - the usual way will say what is wrong
        return None
    if key is None:
        return None
    snapshot, _warnings = open_saved(key)  # a damaged one is dropped: the usual way rebuilds it
    if snapshot is None:
        return None
    stats = CacheStats(hits=len(snapshot.corpus.documents))
    return Searchable(snapshot.corpus, snapshot.index, stats, from_snapshot=True)


def load_searchable(
    paths: Sequence[str | Path] | None,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    index_progress: IndexProgress | None = None,
    workers: int | None = None,
    cache: bool | None = None,
    merge: bool = True,
) -> Searchable:
    """The corpus of ``paths`` and a search index over it, reusing every cache it can.

    ``cache=False`` (or ``MEDTUI_NO_CACHE=1``) loads and indexes everything afresh, in RAM.
    A new index saved for next time is merged into one segment in a background
    process (see :mod:`medtui.cache.merge`) unless ``merge`` is False.
    """
    import time

    from medtui.cache import cache_enabled, spare_the_collector
    from medtui.cache.snapshot import SnapshotWriter
    from medtui.pipeline import CorpusBuilder, discover_inputs, iter_load
    from medtui.search.index import StoryIndex

    use_cache = cache if cache is not None else cache_enabled()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    warnings: list[str] = []
    found = _recalled(paths) if use_cache else None  # by the files table: nothing listed
    if found is None:
        inputs = discover_inputs(paths)
        if use_cache:
            found, warnings = try_snapshot(paths, inputs, recall=False)
    if found is not None:
        found.corpus.warnings.extend(warnings)
        _curate(found.corpus, found.index)
        spare_the_collector(found.corpus)  # as the app does: no full collection per search
        found.load_s = time.perf_counter() - started
        return found
    builder = CorpusBuilder()
    for _ in iter_load(paths, builder, progress=progress, workers=workers, cache=use_cache,
                       inputs=inputs):
        pass
    corpus = builder.corpus
    corpus.warnings.extend(warnings)
    loaded, cpu_loaded = time.perf_counter(), cpu_seconds()
    writer = SnapshotWriter.create() if use_cache and builder.corpus_key else None
    saved_as = None
    index = writer.index if writer is not None else StoryIndex()
    index.add(corpus, corpus.stories, progress=index_progress, workers=workers)
    if writer is not None:
        if writer.save(builder.corpus_key, corpus):
            from medtui.cache.snapshot import snapshot_key

            remember_files(paths, inputs[1], builder.corpus_key)
            saved_as = snapshot_key(builder.corpus_key or "")
            if merge:
                from medtui.cache.merge import spawn_merge

                spawn_merge(saved_as, len(corpus.stories), index.segment_count())
        corpus.warnings.extend(writer.warnings)
    _curate(corpus, index)  # after saving: the snapshot keeps the corpus as extracted
    spare_the_collector(corpus)
    done, cpu_done = time.perf_counter(), cpu_seconds()
    return Searchable(corpus, index, builder.stats, False, loaded - started, done - loaded,
                      cpu_loaded - cpu_started, cpu_done - cpu_loaded, saved_as)


def open_search_index(paths: Sequence[str | Path] | None) -> Any:
    """The saved index of ``paths`` (a StoryIndex, no corpus) when nothing changed, else None.

    The fast way of ``medtui search``: one walk of the folders compared with the
    files table saved with the snapshot (:mod:`medtui.cache.quick`), then only the
    index and its story table are opened (:func:`medtui.cache.snapshot.open_index`).
    None (take the usual way: :func:`load_searchable`) when the cache is off, the
    user curates institutions (``institution:`` queries then need the corpus), or
    anything differs. Raises nothing.
    """
    from medtui.cache import cache_enabled
    from medtui.cache.quick import inputs_name, recall
    from medtui.cache.snapshot import open_index, snapshot_root

    if not cache_enabled() or _curating():
        return None
    try:
        key = recall(snapshot_root(), inputs_name(paths))
    except Exception:  # noqa: BLE001 - the usual way will say what is wrong
        return None
    return open_index(key) if key is not None else None


def _curating() -> bool:
    """True when the user's gazetteer holds institution curation (or cannot be read)."""
    from medtui.cache.quick import USER_GAZETTEER
    from medtui.paths import config_dir

    path = config_dir() / USER_GAZETTEER  # where curation is saved
    try:
        if not path.exists():
            return False
    except OSError:
        return True
    from medtui.curation.store import read_curation

    found = read_curation(path)
    return bool(found.warnings) or not found.curation.is_empty()


def _remember(paths: Sequence[str | Path] | None, key: str, stamps: list[tuple[str, Any]]) -> None:
    """Save the files table of ``paths`` for snapshot ``key`` (see :mod:`medtui.cache.quick`)."""
    from medtui.cache.quick import inputs_name, recall, remember
    from medtui.cache.snapshot import snapshot_root

    name = inputs_name(paths)
    if recall(snapshot_root(), name) == key:  # saved already (institutions, timeline, ...)
        return
    if paths:
        roots = list(paths)
    else:
        from medtui.pipeline import bundled_seeds

        roots = [bundled_seeds()]
    remember(snapshot_root(), name, key, stamps, roots)


def _warm_stamps(files: Sequence[Any]) -> tuple[str, list[tuple[str, Any]]] | None:
    """(corpus key, file stamps) when the document cache holds every one of ``files`` as it
    is now, else None (see :meth:`DocCache.warm_stamps`)."""
    from medtui.cache.docs import DocCache
    from medtui.pipeline import cache_fingerprint

    doc_cache = DocCache.open(None, cache_fingerprint())
    try:
        return doc_cache.warm_stamps(files) if doc_cache.active else None
    finally:
        doc_cache.close()


def remember_files(paths: Sequence[str | Path] | None, files: Sequence[Any], corpus_key: str | None) -> None:
    """After a snapshot of ``corpus_key`` was saved: its files table, with the stamps the
    document cache holds (only if they still give the same key: nothing changed since).

    Whoever saves a snapshot calls it (``medtui search``, the app), so that the next
    ``medtui search`` on the same paths opens the saved index at once
    (:func:`open_search_index`) instead of building a new one. Raises nothing.
    """
    try:
        _remember_files(paths, files, corpus_key)
    except Exception:  # noqa: BLE001 - a table not saved only costs the next search time
        return


def _remember_files(paths: Sequence[str | Path] | None, files: Sequence[Any], corpus_key: str | None) -> None:
    from medtui.cache.snapshot import snapshot_key

    warm = _warm_stamps(files)
    if warm is not None and corpus_key is not None and warm[0] == corpus_key:
        _remember(paths, snapshot_key(corpus_key), warm[1])


def _curate(corpus: Corpus, index: Any) -> None:
    """Apply the user's curation; ``institution:`` queries then follow the curated corpus."""
    from medtui.curation import curate_loaded, institution_names

    curate_loaded(corpus)
    index.curated_names = lambda: institution_names(corpus)


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished child processes."""
    import os

    t = os.times()
    return t.user + t.system + t.children_user + t.children_system
