"""Loading through the document cache: reuse what is unchanged, process the rest.

The files are first sorted into cached and to-be-processed (a ``stat`` each, and a
hash only for files whose stamp changed); the ones to process go to the worker
processes at once, and the results are then handed out in the files' order (so
ids stay the same from one launch to the next), the cached ones unpickled in
batches as they are reached.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from medtui.cache.docs import DocCache, Stamp, cache_key, content_hash, stamp_of
from medtui.corpus.reader import InputFile

Outcome = tuple[Stamp | None, bytes | None, bytes]
"""What a worker returns for a processed file: stamp (None: do not store), hash, pickle."""
Runner = Callable[[Sequence[InputFile]], Iterator[Outcome]]
"""Starts processing the files at once; the outcomes come back in the files' order."""

BATCH = 256
"""Cached results fetched and unpickled per batch."""


@dataclass
class Loaded:
    """One document's result and the hash of the bytes it came from (None if unknown)."""

    item: InputFile
    result: Any
    digest: bytes | None


def iter_cached(
    files: Sequence[InputFile],
    cache: DocCache,
    run: Runner,
    process_here: Callable[[InputFile], Outcome],
) -> Iterator[Loaded]:
    """Every file's result in order: from ``cache`` when unchanged, else processed.

    ``run`` processes the changed files (in worker processes); ``process_here``
    processes one file in this process (for a cached row found damaged late).
    """
    keys = [cache_key(item.path) for item in files]
    stored = cache.stored(keys)
    digests: list[bytes | None] = [None] * len(files)
    misses: list[int] = []
    for i, (item, key) in enumerate(zip(files, keys, strict=True)):
        row = stored.get(key)
        stamp = stamp_of(item.path) if row is not None else None
        if row is not None and stamp == row.stamp:
            digests[i] = row.digest
            cache.stats.hits += 1
        elif row is not None and stamp is not None and content_hash(item.path) == row.digest:
            digests[i] = row.digest
            cache.restamp(key, stamp)
            cache.stats.rehashed += 1
        else:
            misses.append(i)
    todo = set(misses)
    outcomes = run([files[i] for i in misses])
    try:  # closed early (a cancelled load): close the runner too, now (it kills its workers)
        for begin in range(0, len(files), BATCH):
            span = range(begin, min(begin + BATCH, len(files)))
            results = cache.results([keys[i] for i in span if i not in todo])
            for i in span:
                item = files[i]
                result = None if i in todo else results.get(keys[i])
                if result is not None:
                    result.document.path = item.display
                    yield Loaded(item, result, digests[i])
                    continue
                # Not cached, changed, or a damaged row: process it.
                if i in todo:
                    stamp, digest, blob = next(outcomes)
                else:
                    stamp, digest, blob = process_here(item)
                cache.stats.processed += 1
                if stamp is not None and digest is not None:
                    cache.put(keys[i], stamp, digest, blob)
                yield Loaded(item, pickle.loads(blob), digest)
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()


def process_for_cache(item: InputFile, process: Callable[[InputFile], Any]) -> Outcome:
    """Process one file and say whether its result may be stored.

    The stamp is taken before and after: a file written to while it was being read
    is not stored (its hash might not match the text that was processed).
    """
    from medtui.cache.docs import dump_result

    before = stamp_of(item.path)
    digest = content_hash(item.path)
    blob = dump_result(process(item))
    stable = before is not None and digest is not None and stamp_of(item.path) == before
    return (before if stable else None), digest, blob
