"""medtui.state.store: stars and read marks, durability settings, degraded modes."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, cast

import pytest

from medtui.corpus.model import Story
from medtui.state.store import SCHEMA_VERSION, ReaderState, story_key


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "state.sqlite3"


def make_story(document: str = "/news/a.html", index: int = 0, title: str = "MoU signed") -> Story:
    return Story(id="s1", document=document, title=title, text="", index_in_document=index)


def test_story_key_is_stable_and_distinguishes_stories() -> None:
    key = story_key(make_story())
    assert key == story_key(make_story())
    assert key.startswith("/news/a.html#0:")
    assert story_key(make_story(index=1)) != key
    assert story_key(make_story(title="Another title")) != key
    assert story_key(make_story(document="/news/b.html")) != key
    # Story ids depend on load order and must not matter.
    other_id = make_story()
    other_id.id = "s99"
    assert story_key(other_id) == key


def test_story_key_makes_relative_paths_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    key = story_key(make_story(document="news/a.html"))
    assert key.startswith(str(tmp_path / "news" / "a.html") + "#0:")


def test_story_key_of_undecodable_file_name_can_be_stored(db: Path) -> None:
    key = story_key(make_story(document="/news/caf\udce9.html", title="x\ud800"))
    with ReaderState(db) as state:
        state.set_starred(key, True)
        assert state.is_starred(key)
        assert state.starred() == {key}


def test_star_survives_reopen(db: Path) -> None:
    state = ReaderState(db)
    assert not state.read_only and state.warning is None
    state.set_starred("doc#0:abc", True)
    state.close()
    with ReaderState(db) as again:
        assert again.is_starred("doc#0:abc")
        assert again.starred() == {"doc#0:abc"}


def test_set_starred_false_removes_and_is_idempotent(db: Path) -> None:
    with ReaderState(db) as state:
        state.set_starred("k", True)
        state.set_starred("k", True)
        assert state.starred() == {"k"}
        state.set_starred("k", False)
        state.set_starred("k", False)
        assert not state.is_starred("k") and state.starred() == set()


def test_toggle_star_flips_and_returns_new_state(db: Path) -> None:
    with ReaderState(db) as state:
        assert state.toggle_star("k") is True
        assert state.is_starred("k")
        assert state.toggle_star("k") is False
        assert not state.is_starred("k")


def test_read_marks(db: Path) -> None:
    with ReaderState(db) as state:
        assert not state.is_read("a")
        state.mark_read("a")
        state.mark_read("b")
        assert state.is_read("a") and state.read() == {"a", "b"}
        state.mark_read("a", read=False)
        assert state.read() == {"b"}
        assert state.starred() == set()  # reads and stars are separate
    with ReaderState(db) as again:
        assert again.read() == {"b"}


def test_two_states_on_one_file_see_each_others_changes(db: Path) -> None:
    first, second = ReaderState(db), ReaderState(db)
    try:
        first.set_starred("x", True)
        assert second.is_starred("x")
        second.mark_read("y")
        assert first.is_read("y")
        assert second.toggle_star("x") is False
        assert not first.is_starred("x")
    finally:
        first.close()
        second.close()


def test_durability_settings(db: Path) -> None:
    with ReaderState(db) as state:
        assert state._conn is not None
        assert state._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert state._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert state._conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def test_default_path_is_in_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MEDTUI_DATA_DIR", str(tmp_path / "d"))
    with ReaderState() as state:
        state.set_starred("k", True)
    assert (tmp_path / "d" / "state.sqlite3").is_file()


def test_unwritable_location_works_in_memory_with_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("a regular file, so nothing can be created below it")
    with ReaderState(blocker / "state.sqlite3") as state:
        assert state.read_only
        assert state.warning is not None and state.warning.endswith(".")
        assert str(blocker) in state.warning
        state.set_starred("k", True)
        assert state.toggle_star("j") is True
        state.mark_read("k")
        assert state.starred() == {"k", "j"} and state.is_read("k")
    assert blocker.read_text().startswith("a regular file")


def test_directory_in_place_of_database_file_works_in_memory(db: Path) -> None:
    db.mkdir(parents=True)
    with ReaderState(db) as state:
        assert state.read_only and state.warning
        state.set_starred("k", True)
        assert state.is_starred("k")
    assert db.is_dir()


def _corrupt_files(db: Path) -> list[Path]:
    return sorted(db.parent.glob(db.name + ".corrupt-*"))


def test_garbage_file_is_moved_aside_and_fresh_state_works(db: Path) -> None:
    db.parent.mkdir(parents=True)
    garbage = os.urandom(8192)
    db.write_bytes(garbage)
    with ReaderState(db) as state:
        assert not state.read_only
        moved = _corrupt_files(db)
        assert len(moved) == 1
        assert moved[0].read_bytes() == garbage  # the user's file is kept, untouched
        assert state.warning is not None and str(moved[0]) in state.warning
        state.set_starred("k", True)
    with ReaderState(db) as again:
        assert again.warning is None and again.starred() == {"k"}


def test_truncated_database_is_moved_aside(db: Path) -> None:
    with ReaderState(db) as state:
        for n in range(3000):
            state.set_starred(f"/a/rather/long/document/path/number/{n}.html#0:abcdef12", True)
    size = db.stat().st_size
    assert size > 3 * 4096
    with open(db, "r+b") as handle:
        handle.truncate(size // 2)
    with ReaderState(db) as state:
        assert state.warning is not None and "damaged" in state.warning
        assert len(_corrupt_files(db)) == 1
        assert state.starred() == set()


def test_newer_schema_is_read_but_never_written(db: Path) -> None:
    with ReaderState(db) as state:
        state.set_starred("old", True)
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    with ReaderState(db) as state:
        assert state.read_only and state.warning and "newer" in state.warning
        assert state.starred() == {"old"}
        state.set_starred("new", True)
        assert state.starred() == {"old", "new"}
    raw = sqlite3.connect(db)
    assert [r[0] for r in raw.execute("SELECT key FROM stars")] == ["old"]
    raw.close()


def test_concurrent_threads_on_one_state(db: Path) -> None:
    state = ReaderState(db)
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for n in range(50):
                state.set_starred(f"w{worker}-{n}", True)
                state.toggle_star("shared")
                state.is_read(f"w{worker}-{n}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert state.starred() == {f"w{w}-{n}" for w in range(4) for n in range(50)}  # 200 toggles
    state.close()


def test_closed_state_refuses_calls(db: Path) -> None:
    state = ReaderState(db)
    state.close()
    state.close()  # twice is fine
    with pytest.raises(RuntimeError):
        state.is_starred("k")


class _FailingWrites:
    """Wraps a connection so that writes fail as on a full or vanished disk."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith(("INSERT", "DELETE", "BEGIN")):
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def close(self) -> None:
        self._conn.close()


def test_write_failure_mid_session_continues_in_memory(db: Path) -> None:
    state = ReaderState(db)
    state.set_starred("saved", True)
    cast(Any, state)._conn = _FailingWrites(cast(Any, state)._conn)
    state.set_starred("unsaved", True)
    assert state.read_only
    assert state.warning is not None and "disk I/O error" in state.warning
    assert state.starred() == {"saved", "unsaved"}
    assert state.toggle_star("saved") is False
    state.close()
    with ReaderState(db) as again:
        assert again.starred() == {"saved"}


def test_a_seed_is_keyed_by_its_place_in_the_package_wherever_medtui_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from medtui.state.store import seeds_dir

    seed = sorted(p.name for p in seeds_dir().iterdir() if p.is_file())[0]
    keys = set()
    for folder in (tmp_path, seeds_dir().parent):
        monkeypatch.chdir(folder)
        keys.add(story_key(make_story(document=f"seeds/{seed}")))
    assert len(keys) == 1 and keys.pop().startswith(f"seeds:{seed}#")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real.txt").write_text("x")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert story_key(make_story(document="link.txt")) == story_key(
        make_story(document=str(tmp_path / "real.txt"))
    )  # other files by their resolved path


def test_a_schema_1_database_is_migrated_to_the_new_keys(tmp_path: Path) -> None:
    import sqlite3

    from medtui.state.store import seeds_dir

    seed = sorted(p.name for p in seeds_dir().iterdir() if p.is_file())[0]
    (tmp_path / "real.txt").write_text("x")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    path = tmp_path / "state.sqlite3"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE stars (key TEXT PRIMARY KEY, at REAL NOT NULL) WITHOUT ROWID")
    old.execute("CREATE TABLE reads (key TEXT PRIMARY KEY, at REAL NOT NULL) WITHOUT ROWID")
    old.executemany("INSERT INTO stars VALUES (?, 1.0)", [
        (f"/home/someone/seeds/{seed}#0:abcdef12",),  # launched from /home/someone
        (f"{tmp_path}/link.txt#1:12345678",),
        ("/gone/away.txt#0:00000000",),
    ])
    old.execute("INSERT INTO reads VALUES (?, 2.0)", (f"/elsewhere/seeds/{seed}#0:abcdef12",))
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    with ReaderState(path) as state:
        assert state.starred() == {
            f"seeds:{seed}#0:abcdef12", f"{tmp_path}/real.txt#1:12345678",
            "/gone/away.txt#0:00000000",
        }
        assert state.read() == {f"seeds:{seed}#0:abcdef12"}
        assert not state.read_only
    again = sqlite3.connect(path)
    assert again.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    again.close()
