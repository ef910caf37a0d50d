"""Reader state (stars and read marks) kept in SQLite so it survives crashes.

The database is ``state.sqlite3`` in :func:`medtui.paths.data_dir`. Design goals:

* An acknowledged change survives ``kill -9`` and power loss: WAL journal,
  ``synchronous=FULL`` and one short transaction per change.
* Two medtui processes can share the file: ``busy_timeout`` and an atomic
  read-modify-write (``BEGIN IMMEDIATE``) for :meth:`ReaderState.toggle_star`.
* The user's data is never deleted: a damaged file is renamed
  ``state.sqlite3.corrupt-<timestamp>`` and a fresh one started, with a warning.
* medtui keeps working when the data directory cannot be written: the state then
  lives in memory for the session, ``read_only`` is true and ``warning`` says why.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from medtui.paths import data_dir, ensure_dir

if TYPE_CHECKING:  # only for annotations: keeps this module's imports light
    from medtui.corpus.model import Story

STATE_FILE = "state.sqlite3"
SCHEMA_VERSION = 2
"""1: keys held absolute paths as launched; 2: :func:`document_key` (migrated on open)."""
BUSY_TIMEOUT_S = 10.0
_SIDE_FILES = ("-wal", "-shm", "-journal")
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS stars (key TEXT PRIMARY KEY, at REAL NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS reads (key TEXT PRIMARY KEY, at REAL NOT NULL) WITHOUT ROWID",
)
_T = TypeVar("_T")


def story_key(story: Story) -> str:
    """A stable key for a story that does not depend on load order, story ids, or the
    folder medtui is launched from.

    ``<document key>#<index in document>:<8 hex digits of the title's hash>``, where the
    document key is :func:`document_key`: the same article in the same file gets the same
    key in every session, and a file whose stories change (new title at that position)
    does not inherit stars.
    """
    digest = hashlib.sha1(_clean(story.title).encode("utf-8")).hexdigest()[:8]
    return _clean(f"{document_key(story.document)}#{story.index_in_document}:{digest}")


SEEDS_PREFIX = "seeds:"
"""Document keys of the bundled seeds: ``seeds:<path inside the seeds folder>``."""


@functools.lru_cache(maxsize=1)  # asked once per document: resolving it each time cost ~0.4 s per 6,000
def seeds_dir() -> Path:
    """The bundled seeds folder (as :func:`medtui.pipeline.bundled_seeds`, without importing
    the pipeline when the state opens): in the package when installed, else the repo's."""
    here = Path(__file__).resolve().parents[1]
    packaged = here / "seeds"
    return packaged if packaged.is_dir() else here.parents[1] / "seeds"


def document_key(document: str) -> str:
    """Where a story's document is, independent of the working directory.

    A bundled seed (shown as ``seeds/…``) by its place in the package (``seeds:…``); any
    other file by its resolved path (symlinks and ``..`` resolved, relative to the
    working directory); URLs and ``<…>`` pseudo-paths as they are.
    """
    if "://" in document or document.startswith("<"):
        return document
    return _document_key(document, os.getcwd())


@functools.lru_cache(maxsize=65536)  # one look at the disk per document, not per story
def _document_key(document: str, cwd: str) -> str:
    seeds = Path(os.path.realpath(seeds_dir()))
    real = Path(os.path.realpath(os.path.join(cwd, document)))
    if real.is_relative_to(seeds):
        return SEEDS_PREFIX + real.relative_to(seeds).as_posix()
    rest = document[len("seeds/"):] if document.startswith("seeds/") else None
    if rest and not real.exists() and (seeds / rest).exists():  # the display name of a seed
        return SEEDS_PREFIX + rest
    return str(real)


def migrated_key(key: str) -> str:
    """A key written by schema 1 (absolute path as launched) as schema 2 writes it.

    Schema 1 keyed a seed by ``<launch folder>/seeds/…``: a path ending in ``/seeds/<name>``
    whose ``<name>`` is a bundled seed, and which is not some other existing file, becomes
    ``seeds:<name>``; an existing file's path is resolved; anything else stays.
    """
    document, sep, rest = key.rpartition("#")
    if not sep or "://" in document or document.startswith("<") or not os.path.isabs(document):
        return key
    head, marker, name = document.rpartition("/seeds/")
    seeds = Path(os.path.realpath(seeds_dir()))
    if marker and (seeds / name).is_file() and (
        not os.path.exists(document) or Path(os.path.realpath(document)) == seeds / name
    ):
        return f"{SEEDS_PREFIX}{name}#{rest}"
    if os.path.exists(document):
        return f"{os.path.realpath(document)}#{rest}"
    return key


def _clean(text: str) -> str:
    """Make ``text`` storable as SQLite TEXT: undecodable file-name bytes become ``\\xNN``."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "backslashreplace")


def _is_corruption(exc: sqlite3.Error) -> bool:
    """True when SQLite says the file is damaged or not a database (not merely busy)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message


class ReaderState:
    """Stars and read marks keyed by :func:`story_key`; safe to call from any thread."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        """Open (creating if needed) the state database at ``path`` or the default location."""
        self._lock = threading.RLock()
        self.read_only = False
        self.warning: str | None = None
        self.path = Path(path) if path is not None else data_dir() / STATE_FILE
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = self._open_file()
        except _Unavailable as exc:
            self._go_in_memory(str(exc), copy_from=None)

    # ----------------------------------------------------------------- opening

    def _open_file(self) -> sqlite3.Connection:
        """Open the file, moving it aside if it is damaged; raise _Unavailable if impossible."""
        if ensure_dir(self.path.parent) is None:
            raise _Unavailable(f"cannot write to {self.path.parent}")
        try:
            return self._connect_busy_retrying()
        except _Corrupt:
            moved = self._move_aside()
            self.warning = (
                f"The reader state file was damaged; it was moved to {moved} "
                "and a fresh one was started."
            )
            try:
                return self._connect_checked()
            except (_Corrupt, sqlite3.Error) as exc:
                raise _Unavailable(f"cannot use {self.path}: {exc}") from exc
        except sqlite3.Error as exc:
            raise _Unavailable(f"cannot use {self.path}: {exc}") from exc

    def _connect_busy_retrying(self) -> sqlite3.Connection:
        """`_connect_checked`, retried while another process holds the file (up to BUSY_TIMEOUT_S).

        SQLite's busy handler is not consulted for every lock met while opening (a journal
        mode switch, a WAL recovery in another process): those fail at once with "database
        is locked", so opening waits and tries again instead of giving up on the file.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                return self._connect_checked()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    def _connect_checked(self) -> sqlite3.Connection:
        """Connect, check integrity, set durability pragmas and create/upgrade the schema."""
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                raise _Corrupt("; ".join(str(r[0]) for r in rows[:3]))
            # Switching the journal mode needs the file to itself and does not wait on
            # busy_timeout: ask first, so a second process opening the file does not fail.
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            version = self._ensure_schema(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if _is_corruption(exc):
                raise _Corrupt(str(exc)) from exc
            raise
        except BaseException:
            conn.close()
            raise
        if version > SCHEMA_VERSION:
            # Written by a newer medtui: read what we understand, never write to it.
            self._go_in_memory(
                f"{self.path} was written by a newer medtui (schema {version})", copy_from=conn
            )
            conn.close()
            assert self._conn is not None
            return self._conn
        return conn

    @staticmethod
    def _ensure_schema(conn: sqlite3.Connection) -> int:
        """Create the tables in a fresh file, migrate an older one; return its schema version."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version == 0:
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                version = SCHEMA_VERSION
            elif version == 1:  # re-key the stars and read marks (see migrated_key)
                for table in ("stars", "reads"):
                    for key, at in conn.execute(f"SELECT key, at FROM {table}").fetchall():
                        new = migrated_key(key)
                        if new != key:
                            conn.execute(f"DELETE FROM {table} WHERE key = ?", (key,))
                            conn.execute(f"INSERT OR IGNORE INTO {table} VALUES (?, ?)",
                                         (new, at))
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                version = SCHEMA_VERSION
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        return version

    def _move_aside(self) -> Path:
        """Rename the damaged file (and its WAL/SHM companions) out of the way; never delete."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(self.path, target)
            for suffix in _SIDE_FILES:
                side = Path(f"{self.path}{suffix}")
                if side.exists():
                    os.replace(side, Path(f"{target}{suffix}"))
        except OSError as exc:
            raise _Unavailable(f"{self.path} is damaged and could not be moved aside") from exc
        return target

    def _go_in_memory(self, reason: str, copy_from: sqlite3.Connection | None) -> None:
        """Switch to an in-memory database (copying readable rows), mark read-only, warn."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        for statement in _SCHEMA:
            memory.execute(statement)
        if copy_from is not None:
            for table in ("stars", "reads"):
                with contextlib.suppress(sqlite3.Error):
                    rows = copy_from.execute(f"SELECT key, at FROM {table}").fetchall()
                    memory.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", rows)
        old, self._conn = self._conn, memory
        if old is not None and old is not copy_from:
            with contextlib.suppress(sqlite3.Error):
                old.close()
        self.read_only = True
        self.warning = f"Stars and read marks will not be saved this session ({reason})."

    # ----------------------------------------------------------------- access

    def _run(self, action: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``action`` under the lock; if the file fails, continue in memory and retry."""
        with self._lock:
            if self._conn is None:
                raise RuntimeError("ReaderState is closed")
            try:
                return action(self._conn)
            except sqlite3.Error as exc:
                if self.read_only:
                    raise
                self._go_in_memory(f"could not use {self.path}: {exc}", copy_from=self._conn)
                return action(self._conn)

    @contextlib.contextmanager
    def _transaction(self, conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """One short write transaction that takes the write lock up front."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _has(self, table: str, key: str) -> bool:
        key = _clean(key)
        return self._run(
            lambda c: c.execute(f"SELECT 1 FROM {table} WHERE key = ?", (key,)).fetchone()
            is not None
        )

    def _set(self, table: str, key: str, on: bool) -> None:
        key = _clean(key)

        def write(conn: sqlite3.Connection) -> None:
            if on:
                conn.execute(f"INSERT OR IGNORE INTO {table} VALUES (?, ?)", (key, time.time()))
            else:
                conn.execute(f"DELETE FROM {table} WHERE key = ?", (key,))

        self._run(write)

    def _all(self, table: str) -> set[str]:
        return self._run(lambda c: {r[0] for r in c.execute(f"SELECT key FROM {table}")})

    def is_starred(self, key: str) -> bool:
        """Whether the story with this :func:`story_key` is starred."""
        return self._has("stars", key)

    def set_starred(self, key: str, starred: bool) -> None:
        """Star or unstar a story; when this returns the change is on disk (unless read_only)."""
        self._set("stars", key, starred)

    def toggle_star(self, key: str) -> bool:
        """Flip a story's star atomically (even against another process); return the new state."""
        key = _clean(key)

        def toggle(conn: sqlite3.Connection) -> bool:
            with self._transaction(conn):
                gone = conn.execute("DELETE FROM stars WHERE key = ?", (key,)).rowcount
                if gone:
                    return False
                conn.execute("INSERT INTO stars VALUES (?, ?)", (key, time.time()))
                return True

        return self._run(toggle)

    def mark_read(self, key: str, read: bool = True) -> None:
        """Mark a story read (or unread with ``read=False``); durable when this returns."""
        self._set("reads", key, read)

    def is_read(self, key: str) -> bool:
        """Whether the story with this :func:`story_key` has been read."""
        return self._has("reads", key)

    def starred(self) -> set[str]:
        """Every starred story key (including ones for documents not loaded now)."""
        return self._all("stars")

    def read(self) -> set[str]:
        """Every story key marked read."""
        return self._all("reads")

    def close(self) -> None:
        """Close the database; safe to call twice. Further calls raise RuntimeError."""
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()

    def __enter__(self) -> ReaderState:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Unavailable(Exception):
    """The state file cannot be used; the message completes 'will not be saved (...)'."""


class _Corrupt(Exception):
    """The state file failed its integrity check."""
