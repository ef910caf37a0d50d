"""A whole corpus and its search index, saved together so a relaunch is instant.

Layout in the cache folder::

    corpora/<name>/corpus.bin     the pickled Corpus, behind a header with its length and CRC
    corpora/<name>/index/         the whoosh index (built there from the start)
    corpora/<name>/stories.bin    what a search hit shows, and texts.bin: the stories' texts
                                  (see :mod:`medtui.cache.stories`)
    corpora/<key>.json            points a snapshot key at <name>, with the index's file sizes
    corpora/files-<inputs>.<key>.bin   the files a snapshot was made of (:mod:`medtui.cache.quick`)

The index is built on disk in a folder of its own while the corpus loads (so a
25,000-story index does not sit in RAM), and only when everything is written is
the small pointer file put in place (write to a temp file, then ``os.replace``):
a snapshot is complete or absent, never half there. Opening checks the CRC of the
corpus and the size of every index file; anything amiss is deleted, with a
warning, and the corpus is loaded the normal way.

The snapshot key is the corpus key (every file's path and content hash, medtui's
code and the gazetteer: see :class:`medtui.cache.docs.CorpusKey`) plus a hash of
the search code, so a new index format is never read by old code or vice versa.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import shutil
import struct
import tempfile
import time
import weakref
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medtui.cache import code_fingerprint, gc_paused
from medtui.cache.docs import load_result
from medtui.cache.stories import STORIES_FILE, TEXTS_FILE, read_story_table, write_story_table
from medtui.corpus.model import Corpus

MAGIC = b"MEDTUI-CORPUS-1\n"
_HEADER = struct.Struct("<QI")  # payload length, CRC-32
KEEP = 3
"""Snapshots kept (the most recently used); older ones are deleted."""
STALE_BUILD_S = 24 * 3600
"""An unfinished build folder this old belongs to a process that died: removed."""
FRESH_S = 60.0
"""A folder younger than this is never removed (its creator may not have locked it yet)."""


def snapshot_root(directory: Path | None = None) -> Path:
    """The folder of saved corpora."""
    from medtui.paths import cache_dir

    return (directory if directory is not None else cache_dir()) / "corpora"


def snapshot_key(corpus_key: str) -> str:
    """The key of a snapshot: the corpus key, the analysis version and the search code's
    fingerprint (an index made by another analysis is never opened: it is rebuilt)."""
    from medtui.search.analysis import VERSION

    return f"{corpus_key[:24]}-a{VERSION}-{code_fingerprint('search')[:16]}"


def _index_storage(folder: Path) -> Any:
    from whoosh.filedb.filestore import FileStorage

    return FileStorage(str(folder)).create()


@dataclass
class Snapshot:
    """A corpus and its index, searchable at once."""

    corpus: Corpus
    index: Any  # medtui.search.index.StoryIndex
    key: str


@dataclass
class SnapshotWriter:
    """An index being built on disk, to be saved with its corpus by :meth:`save`."""

    root: Path
    folder: Path
    index: Any  # medtui.search.index.StoryIndex
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, directory: Path | None = None) -> SnapshotWriter | None:
        """A new on-disk index in the cache folder, or None when that cannot be written."""
        from medtui.paths import ensure_dir
        from medtui.search.index import StoryIndex

        root = snapshot_root(directory)
        if ensure_dir(root) is None:
            return None
        try:
            folder = Path(tempfile.mkdtemp(prefix="build-", dir=root))
            storage = _index_storage(folder / "index")
        except OSError:
            return None
        index = StoryIndex(storage)
        hold(folder, index)
        return cls(root, folder, index)

    def save(self, corpus_key: str | None, corpus: Corpus) -> bool:
        """Write the corpus beside the index and publish the pair under ``corpus_key``.

        Returns False when there is no key or writing fails; the index stays usable
        either way (an unpublished build folder is removed by a later :func:`prune`).
        """
        if corpus_key is None:
            return False
        key = snapshot_key(corpus_key)
        try:
            from medtui.curation import uncurated

            corpus = uncurated(corpus)  # curation is applied at load, never saved here
            plain = Corpus.__new__(Corpus)  # without the lookup maps: rebuilt when first used
            plain.__dict__.update((k, v) for k, v in vars(corpus).items() if not k.startswith("_"))
            payload = pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(
                self.folder / "corpus.bin",
                MAGIC + _HEADER.pack(len(payload), zlib.crc32(payload)) + payload,
            )
            write_story_table(self.folder, corpus.stories)
            self.index.save_vocabulary()
            sizes = {p.name: p.stat().st_size for p in (self.folder / "index").iterdir()}
            tables = {name: (self.folder / name).stat().st_size for name in (STORIES_FILE, TEXTS_FILE)}
            pointer = {"folder": self.folder.name, "index_files": sizes, "story_files": tables,
                       "stories": len(corpus.stories)}
            write_atomic(self.root / f"{key}.json", json.dumps(pointer).encode())
        except OSError as exc:
            self.warnings.append(f"Could not save the search index for next time ({exc}).")
            return False
        prune(self.root)
        return True

    def discard(self) -> None:
        """Remove the build folder (the index in it must not be used afterwards)."""
        self.index.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temp file, fsync, rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _pointer(root: Path, key: str) -> tuple[Path, Path, dict[str, Any]] | None:
    """The pointer file of ``key``, its folder and its contents; None when there is none.

    Raises ValueError (or OSError, KeyError, TypeError) when it is unreadable.
    """
    pointer_path = root / f"{key}.json"
    try:
        pointer = json.loads(pointer_path.read_bytes())
    except FileNotFoundError:
        return None
    return pointer_path, root / _folder_name(pointer["folder"]), pointer


def _check_sizes(folder: Path, sizes: dict[str, Any]) -> str | None:
    """Why the files of ``folder`` (name -> size, names may hold one ``/``) are not as
    saved, or None when every one has its size."""
    for name, size in sizes.items():
        parts = str(name).split("/")
        if any(p in ("", ".", "..") or os.sep in p for p in parts) or len(parts) > 2:
            return f"file {name} has an unexpected name"
        if folder.joinpath(*parts).stat().st_size != int(size):
            return f"file {name} has the wrong size"
    return None


def open_snapshot(corpus_key: str, directory: Path | None = None) -> tuple[Snapshot | None, list[str]]:
    """The saved corpus and index for ``corpus_key``, if there is one and it is sound."""
    return open_saved(snapshot_key(corpus_key), directory)


def open_saved(key: str, directory: Path | None = None) -> tuple[Snapshot | None, list[str]]:
    """The saved corpus and index of snapshot ``key``, if there is one and it is sound."""
    from medtui.search.index import StoryIndex

    root = snapshot_root(directory)
    pointer_path = root / f"{key}.json"
    try:
        found = _pointer(root, key)
        if found is None:
            return None, []
        pointer_path, folder, pointer = found
        sizes = {f"index/{name}": int(size) for name, size in dict(pointer["index_files"]).items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return _drop(pointer_path, None, f"its description is unreadable ({exc})")
    try:
        wrong = _check_sizes(folder, sizes)
        if wrong is not None:
            return _drop(pointer_path, folder, wrong.replace("file ", "index file ", 1))
        corpus = _read_corpus(folder / "corpus.bin")
        index = StoryIndex(_index_storage(folder / "index"))
        index.adopt(corpus.stories)
        hold(folder, index)
    except Exception as exc:  # noqa: BLE001 - whatever is wrong, the snapshot is not trusted
        return _drop(pointer_path, folder, str(exc) or type(exc).__name__)
    with contextlib.suppress(OSError):
        os.utime(pointer_path)  # most recently used: kept by prune()
    return Snapshot(corpus, index, key), []


def open_index(key: str, directory: Path | None = None) -> Any:
    """Only the index of snapshot ``key`` (a StoryIndex), with its story table: no corpus.

    What ``medtui search`` needs: a fraction of the time :func:`open_saved` takes.
    Returns None when there is no such snapshot, or it has no story table (made by
    an older medtui), or anything is amiss: the caller then opens it the usual way
    (which checks it again and drops it, with a warning, if it is damaged).
    """
    from medtui.search.index import StoryIndex

    root = snapshot_root(directory)
    try:
        found = _pointer(root, key)
        if found is None:
            return None
        pointer_path, folder, pointer = found
        sizes = {f"index/{name}": size for name, size in dict(pointer["index_files"]).items()}
        sizes.update(dict(pointer["story_files"]))
        if _check_sizes(folder, sizes) is not None:
            return None
        stories, texts = read_story_table(folder)
        index = StoryIndex(_index_storage(folder / "index"))
        index.adopt(stories, text_of=texts.text, need_vocabulary=True)
        hold(folder, index)
    except Exception:  # noqa: BLE001 - not trusted here; the usual way decides
        return None
    with contextlib.suppress(OSError):
        os.utime(pointer_path)  # most recently used: kept by prune()
    return index


def _folder_name(value: object) -> str:
    """A build folder's name from a pointer file, refusing anything that is not one."""
    name = str(value)
    if not name.startswith("build-") or "/" in name or os.sep in name or name in (".", ".."):
        raise ValueError(f"{name!r} is not a snapshot folder")
    return name


def _read_corpus(path: Path) -> Corpus:
    data = path.read_bytes()
    head = len(MAGIC) + _HEADER.size
    if not data.startswith(MAGIC) or len(data) < head:
        raise ValueError("the saved corpus has no valid header")
    length, crc = _HEADER.unpack_from(data, len(MAGIC))
    payload = memoryview(data)[head:]
    if len(payload) != length or zlib.crc32(payload) != crc:
        raise ValueError("the saved corpus is truncated or damaged")
    with gc_paused():
        corpus = load_result(payload.tobytes())
    if not isinstance(corpus, Corpus):
        raise ValueError("the saved corpus is not a corpus")
    return corpus


def _drop(pointer: Path, folder: Path | None, why: str) -> tuple[None, list[str]]:
    with contextlib.suppress(OSError):
        pointer.unlink()
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    return None, [f"The saved search index was not usable ({why}); it is being rebuilt."]


try:
    import fcntl  # noqa: F401 - only whether it exists

    _LOCKS = True
except ImportError:  # pragma: no cover - Windows
    _LOCKS = False
_HELD: dict[str, Any] = {}
"""Lock files kept open (shared-locked) while an index in that folder is in use here:
:func:`prune` never removes a folder that any process holds."""


def hold(folder: Path, owner: object) -> None:
    """Mark ``folder`` as in use for as long as ``owner`` (the index) lives (best effort)."""
    key = str(folder)
    if key in _HELD:
        return
    try:
        import fcntl

        handle = open(folder / "lock", "a")  # noqa: SIM115 - kept open on purpose
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except (ImportError, OSError):
        return
    _HELD[key] = handle
    weakref.finalize(owner, _release, key)


def _release(key: str) -> None:
    handle = _HELD.pop(key, None)
    if handle is not None:
        handle.close()


def in_use(folder: Path) -> bool:
    """True when some process (this one included) holds ``folder``."""
    if str(folder) in _HELD:
        return True
    try:
        import fcntl

        with open(folder / "lock", "a") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except BlockingIOError:
        return True
    except (ImportError, OSError):
        return False
    return False


def prune(root: Path, keep: int = KEEP) -> None:
    """Keep the ``keep`` most recently used snapshots; remove the rest and dead builds."""
    try:
        pointers = sorted(root.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    wanted: set[str] = set()
    keys: set[str] = set()
    for n, pointer in enumerate(pointers):
        try:
            name = _folder_name(json.loads(pointer.read_bytes())["folder"])
        except (OSError, ValueError, KeyError, TypeError):
            name = ""
        if n < keep and name:
            wanted.add(name)
            keys.add(pointer.name[: -len(".json")])
        else:
            with contextlib.suppress(OSError):
                pointer.unlink()
    from medtui.cache.quick import drop_unused

    drop_unused(root, keys)
    now = time.time()
    for folder in root.glob("build-*"):
        if folder.name in wanted:
            continue
        try:
            age = now - folder.stat().st_mtime
        except OSError:
            continue
        # Named by no pointer: dropped, or a build that was stopped or died; unless a
        # running medtui still uses it (without file locks: when it is old or finished).
        dead = _LOCKS or age > STALE_BUILD_S or (folder / "corpus.bin").exists()
        if dead and age > FRESH_S and not in_use(folder):
            shutil.rmtree(folder, ignore_errors=True)
