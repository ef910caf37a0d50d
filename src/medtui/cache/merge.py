"""One segment instead of many: a saved index merged once indexing is done.

An index is built as a dozen segments (see :mod:`medtui.search.segments`) so that
it is searchable early and built in parallel; but every query then looks every
term up in every segment, and phrases and expanded prefixes pay that a dozen
times over. Once a snapshot is saved, :func:`spawn_merge` starts a process of its
own (it takes whoosh a minute or more of pure-Python work at 25,000 stories, which
must not hold the terminal nor the app's interpreter) that runs :func:`merge_saved`:

1. a new build folder gets the snapshot's corpus and story files (hard links) and
   a copy of its index, merged there into one segment (``optimize``);
2. the snapshot's pointer file is replaced (atomically) by one naming the new
   folder: the next launch, CLI or app, opens the merged index. A process that has
   the old folder open keeps it (its lock keeps :func:`medtui.cache.snapshot.prune`
   away) until it exits.

Nothing changes what a query finds: the tests compare the answers of both.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MERGE_MIN_STORIES = 2000
"""Below this many stories a merge saves too little to be worth a process."""
STALE_MERGE_S = 3 * 3600
"""A merge marker older than this was left by a merge that died: ignored."""
NO_MERGE_ENV = "MEDTUI_NO_MERGE"
"""Set to 1 to never start a background merge (tests, scripted runs)."""


class _Holder:
    """Stands for the merge while it runs: the new folder is held as long as it lives."""


def spawn_merge(key: str, stories: int, segments: int) -> bool:
    """Start merging snapshot ``key`` in a detached process; False when not worth it.

    ``stories``/``segments``: the saved index's size and segment count.
    """
    if segments <= 1 or stories < MERGE_MIN_STORIES:
        return False
    if os.environ.get(NO_MERGE_ENV, "").strip() in ("1", "true", "yes"):
        return False
    from medtui.paths import CACHE_ENV, cache_dir

    env = {**os.environ, CACHE_ENV: str(cache_dir())}
    try:
        subprocess.Popen(  # noqa: S603 - our own module, by the running interpreter
            [sys.executable, "-m", "medtui.cache.merge", key],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, env=env, close_fds=True,
        )
    except OSError:
        return False
    return True


def merge_saved(key: str, directory: Path | None = None) -> bool:
    """Merge the index of snapshot ``key`` into one segment and point the key at it.

    Returns True when a merged snapshot was published; False when there was nothing
    to merge, another merge of it runs, or anything failed (the snapshot as it was
    stays in use: nothing is half-published).
    """
    from whoosh.filedb.filestore import FileStorage

    from medtui.cache.snapshot import (
        _pointer,
        hold,
        prune,
        snapshot_root,
        write_atomic,
    )
    from medtui.cache.stories import STORIES_FILE, TEXTS_FILE

    root = snapshot_root(directory)
    marker = root / f"merging-{key}"
    try:
        found = _pointer(root, key)
        if found is None:
            return False
        _path, old, pointer = found
        if len(FileStorage(str(old / "index")).open_index()._segments()) <= 1:
            return False
        with contextlib.suppress(OSError):  # left by a merge that was killed
            if time.time() - marker.stat().st_mtime > STALE_MERGE_S:
                marker.unlink()
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)  # one merge per snapshot
        os.close(fd)
    except (OSError, ValueError, KeyError, TypeError):
        return False
    holder = _Holder()
    new = Path(tempfile.mkdtemp(prefix="build-", dir=root))
    try:
        hold(new, holder)
        for name in ("corpus.bin", STORIES_FILE, TEXTS_FILE):
            try:
                os.link(old / name, new / name)
            except OSError:
                shutil.copy2(old / name, new / name)
        shutil.copytree(old / "index", new / "index")
        ix = FileStorage(str(new / "index")).open_index()
        before = ix.doc_count_all()
        ix.optimize()
        ix = FileStorage(str(new / "index")).open_index()
        if len(ix._segments()) != 1 or ix.doc_count_all() != before:
            raise ValueError("the merged index does not hold every story once")
        ix.close()
        sizes = {p.name: p.stat().st_size for p in (new / "index").iterdir()}
        merged = {**pointer, "folder": new.name, "index_files": sizes}
        write_atomic(root / f"{key}.json", json.dumps(merged).encode())
    except Exception:  # noqa: BLE001 - the unmerged snapshot stays as it is
        shutil.rmtree(new, ignore_errors=True)
        return False
    finally:
        with contextlib.suppress(OSError):
            marker.unlink()
    del holder
    prune(root)
    return True


def main(argv: list[str] | None = None) -> int:
    """``python -m medtui.cache.merge KEY``: what :func:`spawn_merge` runs."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        return 2
    with contextlib.suppress(Exception):  # detached: nobody would see an error
        os.nice(10)
    return 0 if merge_saved(args[0]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
