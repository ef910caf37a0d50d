"""Caches that make a second launch on the same files instant.

- :mod:`medtui.cache.docs`: each document's processed result, in one SQLite file,
  reused while the file is unchanged (see :class:`~medtui.cache.docs.DocCache`).
- :mod:`medtui.cache.index`: the search index of a whole corpus, saved on disk and
  reopened when the same corpus is loaded again.

Both live in :func:`medtui.paths.cache_dir` (``MEDTUI_CACHE_DIR`` overrides it), both
are invalidated by a new medtui version, a change to medtui's code, or a change to
the gazetteer, and both are only ever trusted after an integrity check: a damaged
cache is thrown away and rebuilt, with one warning.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import medtui

NO_CACHE_ENV = "MEDTUI_NO_CACHE"
"""Set to 1 to load without reading or writing any cache."""

CACHE_WARNINGS_PATH = "(cache)"
"""The pseudo-document that carries cache warnings in ``corpus.documents``."""


def cache_enabled() -> bool:
    """False when the user switched caching off with ``MEDTUI_NO_CACHE=1``."""
    return os.environ.get(NO_CACHE_ENV, "").strip() not in ("1", "true", "yes")


_FINGERPRINTED = frozenset({".py", ".yaml", ".txt"})
"""Files of a package that its results depend on: code, and the vocabulary read as data."""


@lru_cache(maxsize=8)
def code_fingerprint(*packages: str) -> str:
    """A hash of medtui's version and of the source of the named subpackages/modules
    (their ``.py`` files and, for a folder such as ``data``, its ``.yaml``/``.txt`` files).

    A cached result is only as good as the code that computed it: hashing the
    sources (a few hundred KB, about 2 ms) means that an edited extractor in a
    development checkout invalidates the cache without anyone bumping the version.
    """
    root = Path(medtui.__file__).resolve().parent
    digest = hashlib.blake2b(medtui.__version__.encode(), digest_size=16)
    for name in packages:
        target = root / name
        files = (sorted(f for f in target.rglob("*") if f.suffix in _FINGERPRINTED) if target.is_dir()
                 else [target.with_suffix(".py")])
        for path in files:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(data)
    return digest.hexdigest()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a burst of objects is created.

    Unpickling a 25,000-story corpus makes the collector run again and again over a
    growing heap: 0.6-4 s instead of 0.25 s. Nothing unpickled here is garbage.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


FREEZE_FROM = 2000
"""Stories from which the corpus read so far is kept out of the cyclic garbage collector."""


def spare_the_collector(corpus: Any) -> None:
    """Move every object alive now (the corpus read so far) out of the cyclic garbage
    collector's reach (:func:`gc.freeze`), once the corpus has :data:`FREEZE_FROM` stories.

    Why: while a big folder is read the heap keeps growing, so CPython runs a full
    collection each time it grew by a quarter, and each one walks every story, sentence
    and institution while holding the GIL: 0.3-0.6 s at 24,000 stories here (loaded
    machine, measured with ``gc.callbacks``), during which no key is echoed in the app,
    and a search waits as long (``medtui bench``'s one 0.9 s query at 25k was one of
    these). The corpus lives until the process ends, so the collector has nothing to
    find in it; objects freed by reference counting are still freed. (The technique and
    its trade-off, cyclic garbage among frozen objects is never collected: the
    :mod:`gc` documentation.)
    """
    if len(corpus.stories) >= FREEZE_FROM:
        gc.freeze()
