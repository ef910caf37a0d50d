"""The per-document result cache: one SQLite file, one row per input file.

A row holds the file's absolute path, its *stamp* (size, mtime_ns, ctime_ns), a
BLAKE2b hash of its bytes, and the pickled :class:`~medtui.pipeline.DocResult` with
a CRC-32 of the pickle. A file is looked up like this:

1. Same stamp as stored: the result is reused without reading the file. Reading and
   hashing 25,000 files (180 MB) at every launch would cost more than the whole
   3-second budget of a relaunch, while any write to a file changes its ctime (which
   no tool can set back, unlike mtime), so an unchanged stamp is a safe shortcut.
2. Different stamp (a touch, a copy, a checkout, an edit): the file is read and
   hashed; the same hash means the same content, so the result is reused and only
   the stamp is updated; a different hash means the file is processed again.

Everything in the file is tied to a fingerprint of medtui's version, its extraction
code and the gazetteer: when that changes, every row is dropped. A database SQLite
cannot read is deleted and created again; a row whose pickle fails its CRC is
recomputed. Either way one warning says so. Pickles are only read back from this
file, after the CRC check, and only medtui's own classes may be unpickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medtui.cache import gc_paused

FORMAT = "1"
DB_NAME = "documents.sqlite3"
PIPELINE_CODE = ("corpus", "extract", "pipeline", "data")
"""The parts of medtui whose output is cached (see :func:`medtui.cache.code_fingerprint`): the
code, and the vocabulary, event words, bundled gazetteer and boilerplate lines it reads."""
COMMIT_EVERY = 500
"""Rows written per transaction while loading."""
_LOOKUP_BATCH = 400

Stamp = tuple[int, int, int]
"""(size, mtime_ns, ctime_ns) of a file."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
    hash BLOB NOT NULL, result BLOB NOT NULL, crc INTEGER NOT NULL
);
"""


def stamp_of(path: str | os.PathLike[str]) -> Stamp | None:
    """The file's (size, mtime_ns, ctime_ns), or None when it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def content_hash(path: str | os.PathLike[str]) -> bytes | None:
    """BLAKE2b-128 of the bytes the reader reads (the first MAX_FILE_BYTES), or None when
    the file cannot be read or is not a regular file (a FIFO must never block loading)."""
    from medtui.corpus.reader import read_bytes

    data, _ = read_bytes(Path(os.fsdecode(path)))
    return None if data is None else hashlib.blake2b(data, digest_size=16).digest()


def cache_key(path: str | os.PathLike[str]) -> str:
    """The row key of a file: its absolute path (not resolved: links are their own files)."""
    key = os.path.abspath(os.fsdecode(path))
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8: SQLite needs valid text
        key = os.fsencode(key).decode("utf-8", "backslashreplace")
    return key


def dump_result(result: Any) -> bytes:
    """Pickle a result for the cache (done in the worker that computed it)."""
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


class _OwnClassesUnpickler(pickle.Unpickler):
    """Unpickles medtui's own classes and plain containers, nothing else."""

    _BUILTINS = frozenset({"set", "frozenset", "list", "dict", "tuple", "bytes", "bytearray"})

    def find_class(self, module: str, name: str) -> Any:
        """Refuse any class that is not medtui's or a plain builtin container."""
        if module.startswith("medtui.") or (module == "builtins" and name in self._BUILTINS):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def load_result(blob: bytes) -> Any:
    """Unpickle a result written by :func:`dump_result` (medtui classes only)."""
    return _OwnClassesUnpickler(io.BytesIO(blob)).load()


class CorpusKey:
    """A hash of a corpus's files, in order: display path and content hash of each.

    The same key (with the same fingerprint) means the same corpus comes out, ids and all.
    Unknown (None) as soon as one file's content hash is unknown.
    """

    def __init__(self, fingerprint: str) -> None:
        """Start a key for results made by code and gazetteer ``fingerprint``."""
        self._hash = hashlib.blake2b(fingerprint.encode(), digest_size=16)
        self.known = True

    def add(self, display: str, digest: bytes | None) -> None:
        """Add the next file."""
        if digest is None:
            self.known = False
            return
        self._hash.update(display.encode("utf-8", "surrogateescape") + b"\0" + digest)

    def value(self) -> str | None:
        """The key, or None when a file's hash was unknown."""
        return self._hash.hexdigest() if self.known else None


@dataclass
class CacheStats:
    """What one load did with the cache (tests and ``bench`` read these)."""

    hits: int = 0
    """Results reused without reading the file (same stamp)."""
    rehashed: int = 0
    """Files whose stamp changed but whose bytes did not: hashed, result reused."""
    processed: int = 0
    """Files read and processed (not in the cache, or changed)."""
    damaged: int = 0
    """Stored results that failed their integrity check and were recomputed."""
    pruned: int = 0
    """Rows dropped for files that are gone from the folders loaded."""


@dataclass
class Cached:
    """A stored row, without its result."""

    stamp: Stamp
    digest: bytes


@dataclass
class DocCache:
    """The open cache file; every method degrades to "no cache" instead of raising."""

    path: Path
    fingerprint: str
    conn: sqlite3.Connection | None = None
    stats: CacheStats = field(default_factory=CacheStats)
    warnings: list[str] = field(default_factory=list)
    _pending: int = 0

    @classmethod
    def open(cls, directory: Path | None, fingerprint: str) -> DocCache:
        """Open (or create) the cache in ``directory``; ``conn`` is None if that fails."""
        from medtui.paths import cache_dir, ensure_dir

        where = directory if directory is not None else cache_dir()
        cache = cls(where / DB_NAME, fingerprint)
        if ensure_dir(where) is None:
            cache.warnings.append(
                f"The cache folder {where} cannot be written: loading without a cache."
            )
            return cache
        cache._connect(retry=True)
        return cache

    @property
    def active(self) -> bool:
        """True while the cache can be used."""
        return self.conn is not None

    # -- opening, and starting again when the file is damaged --------------------------

    def _connect(self, retry: bool) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=10, check_same_thread=False,
                                   isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("format") != FORMAT or meta.get("fingerprint") != self.fingerprint:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("DELETE FROM docs")
                conn.executemany(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [("format", FORMAT), ("fingerprint", self.fingerprint)],
                )
                conn.execute("COMMIT")
            self.conn = conn
        except sqlite3.DatabaseError as exc:
            self._give_up(exc, retry)

    def _give_up(self, exc: BaseException, retry: bool) -> None:
        """A database error: delete a damaged file and start afresh once, else go on without."""
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
        self.conn = None
        self._pending = 0
        message = str(exc)
        damaged = (
            not isinstance(exc, sqlite3.OperationalError)
            or "malformed" in message
            or "not a database" in message
        )
        if retry and damaged:
            self.warnings.append(f"The document cache was damaged ({exc}); it was rebuilt.")
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.unlink(f"{self.path}{suffix}")
                except FileNotFoundError:
                    pass
                except OSError:
                    break
            self._connect(retry=False)
            return
        self.warnings.append(f"The document cache cannot be used ({exc}): loading without it.")

    # -- reading ------------------------------------------------------------------------

    def warm_key(self, files: Sequence[Any]) -> str | None:
        """The corpus key of ``files`` if every one is cached with its stamp unchanged.

        A few milliseconds per thousand files (a ``stat`` each, no reading): lets a
        relaunch find the saved corpus and index before loading anything.
        """
        found = self.warm_stamps(files)
        return found[0] if found is not None else None

    def warm_stamps(self, files: Sequence[Any]) -> tuple[str, list[tuple[str, Stamp]]] | None:
        """:meth:`warm_key`, with each file's path (as given) and the stamp stored for it."""
        keys = [cache_key(item.path) for item in files]
        stored = self.stored(keys)
        key = CorpusKey(self.fingerprint)
        stamps: list[tuple[str, Stamp]] = []
        for item, path in zip(files, keys, strict=True):
            row = stored.get(path)
            if row is None or stamp_of(item.path) != row.stamp:
                return None
            key.add(item.display, row.digest)
            stamps.append((os.fspath(item.path), row.stamp))
        value = key.value() if self.active else None
        return (value, stamps) if value is not None else None

    def stored(self, keys: Sequence[str]) -> dict[str, Cached]:
        """The stored stamp and hash of each of ``keys`` that has a row."""
        found: dict[str, Cached] = {}
        if self.conn is None:
            return found
        try:
            for begin in range(0, len(keys), _LOOKUP_BATCH):
                chunk = keys[begin : begin + _LOOKUP_BATCH]
                marks = ",".join("?" * len(chunk))
                for row in self.conn.execute(
                    f"SELECT path, size, mtime_ns, ctime_ns, hash FROM docs WHERE path IN ({marks})",
                    chunk,
                ):
                    found[row[0]] = Cached((row[1], row[2], row[3]), row[4])
        except sqlite3.DatabaseError as exc:
            self._give_up(exc, retry=True)
            return {}
        return found

    def results(self, keys: Sequence[str]) -> dict[str, Any]:
        """The stored results of ``keys``; a row failing its check is left out (and counted)."""
        found: dict[str, Any] = {}
        if self.conn is None:
            return found
        try:
            with gc_paused():
                for begin in range(0, len(keys), _LOOKUP_BATCH):
                    chunk = keys[begin : begin + _LOOKUP_BATCH]
                    marks = ",".join("?" * len(chunk))
                    for key, blob, crc in self.conn.execute(
                        f"SELECT path, result, crc FROM docs WHERE path IN ({marks})", chunk
                    ):
                        result = self._check(blob, crc)
                        if result is not None:
                            found[key] = result
        except sqlite3.DatabaseError as exc:
            self._give_up(exc, retry=True)
            return {}
        return found

    def _check(self, blob: Any, crc: Any) -> Any:
        if isinstance(blob, bytes) and zlib.crc32(blob) == crc:
            try:
                return load_result(blob)
            except Exception:  # noqa: BLE001 - a damaged pickle is a cache miss
                pass
        self.stats.damaged += 1
        if self.stats.damaged == 1:
            self.warnings.append(
                "Some cached results were damaged; those documents were processed again."
            )
        return None

    # -- writing ------------------------------------------------------------------------

    def put(self, key: str, stamp: Stamp, digest: bytes, blob: bytes) -> None:
        """Store one result (committed in batches; call :meth:`close` at the end)."""
        self._write(
            "INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, *stamp, digest, blob, zlib.crc32(blob)),
        )

    def restamp(self, key: str, stamp: Stamp) -> None:
        """The file was touched but its bytes are the same: remember its new stamp."""
        self._write("UPDATE docs SET size=?, mtime_ns=?, ctime_ns=? WHERE path=?", (*stamp, key))

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        if self.conn is None:
            return
        try:
            if self._pending == 0:
                self.conn.execute("BEGIN")
            self.conn.execute(sql, params)
            self._pending += 1
            if self._pending >= COMMIT_EVERY:
                self.commit()
        except sqlite3.DatabaseError as exc:
            self._give_up(exc, retry=False)

    def commit(self) -> None:
        """Make the rows written so far durable."""
        if self.conn is None or self._pending == 0:
            return
        try:
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self._give_up(exc, retry=False)
        self._pending = 0

    def prune(self, roots: Iterable[str | os.PathLike[str]], seen: set[str]) -> None:
        """Drop the rows of files under the folders ``roots`` that were not found this time."""
        if self.conn is None:
            return
        gone: list[str] = []
        try:
            for root in roots:
                base = cache_key(root).rstrip(os.sep) + os.sep
                upper = base[:-1] + chr(ord(os.sep) + 1)
                for (key,) in self.conn.execute(
                    "SELECT path FROM docs WHERE path >= ? AND path < ?", (base, upper)
                ):
                    if key not in seen:
                        gone.append(key)
        except sqlite3.DatabaseError as exc:
            self._give_up(exc, retry=False)
            return
        for key in gone:
            self._write("DELETE FROM docs WHERE path=?", (key,))
        self.stats.pruned += len(gone)

    def close(self) -> None:
        """Commit and close; the cache is inactive afterwards."""
        self.commit()
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
            self.conn = None
