"""The per-document result cache: hits, misses, damage, invalidation, no cache folder."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

import medtui
from medtui.cache import code_fingerprint
from medtui.cache.docs import DB_NAME, CacheStats, load_result
from medtui.corpus.model import Corpus
from medtui.export import export_corpus
from medtui.pipeline import CorpusBuilder, bundled_seeds, iter_load

SEEDS = sorted(bundled_seeds().glob("*.txt"))


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the seed documents that tests may change."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MEDTUI_CACHE_DIR", str(folder))
    monkeypatch.setenv("MEDTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("MEDTUI_NO_CACHE", raising=False)
    return folder


def load(folder: Path, cache: bool | None = None) -> tuple[Corpus, CacheStats]:
    builder = CorpusBuilder()
    for _ in iter_load([folder], builder, workers=1, cache=cache):
        pass
    return builder.corpus, builder.stats


def exported(corpus: Corpus) -> dict:
    data = export_corpus(corpus)
    data.pop("warnings", None)
    return data


def cache_warnings(corpus: Corpus) -> list[str]:
    return [w for w in corpus.warnings if "cache" in w.lower()]


def test_second_load_processes_no_file_and_gives_the_same_corpus(docs: Path, cache_dir: Path) -> None:
    first, stats = load(docs)
    assert stats.processed == len(SEEDS) and stats.hits == 0
    assert (cache_dir / DB_NAME).is_file()
    second, stats = load(docs)
    assert stats.processed == 0 and stats.hits == len(SEEDS)
    assert exported(second) == exported(first)
    assert not cache_warnings(second)


def test_a_changed_file_alone_is_processed_again(docs: Path, cache_dir: Path) -> None:
    load(docs)
    target = sorted(docs.iterdir())[2]
    target.write_text(target.read_text("utf-8") + "\nA new closing sentence about zebrafish.\n", "utf-8")
    corpus, stats = load(docs)
    assert stats.processed == 1 and stats.hits == len(SEEDS) - 1
    assert any("zebrafish" in s.text for s in corpus.stories)
    assert exported(corpus) == exported(load(docs, cache=False)[0])


def test_a_touched_but_unchanged_file_is_hashed_not_processed(docs: Path, cache_dir: Path) -> None:
    load(docs)
    target = sorted(docs.iterdir())[0]
    st = target.stat()
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    _, stats = load(docs)
    assert stats.rehashed == 1 and stats.processed == 0
    _, stats = load(docs)  # the new stamp was remembered
    assert stats.rehashed == 0 and stats.hits == len(SEEDS)


def test_an_edit_keeping_size_and_mtime_is_still_seen(docs: Path, cache_dir: Path) -> None:
    """ctime cannot be set back: a same-size edit with the old mtime restored is caught."""
    load(docs)
    target = sorted(docs.iterdir())[1]
    st = target.stat()
    text = target.read_bytes()
    changed = text.replace(b"the", b"THE", 1)
    assert changed != text and len(changed) == len(text)
    target.write_bytes(changed)
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    _, stats = load(docs)
    assert stats.processed == 1


def test_an_added_file_is_processed_and_a_removed_one_forgotten(docs: Path, cache_dir: Path) -> None:
    load(docs)
    shutil.copy(SEEDS[0], docs / "zzz_added.txt")
    corpus, stats = load(docs)
    assert stats.processed == 1 and stats.hits == len(SEEDS)
    assert any(d.path.endswith("zzz_added.txt") for d in corpus.documents)
    (docs / "zzz_added.txt").unlink()
    removed = sorted(docs.iterdir())[0]
    removed.unlink()
    corpus, stats = load(docs)
    assert stats.processed == 0 and stats.pruned == 2
    assert not any(d.path.endswith(removed.name) for d in corpus.documents)
    with sqlite3.connect(cache_dir / DB_NAME) as conn:
        assert conn.execute("SELECT count(*) FROM docs").fetchone()[0] == len(SEEDS) - 1


@pytest.mark.parametrize("damage", ["garble", "truncate", "empty"])
def test_a_damaged_cache_file_is_rebuilt_with_a_warning(docs: Path, cache_dir: Path, damage: str) -> None:
    first, _ = load(docs)
    db = cache_dir / DB_NAME
    data = db.read_bytes()
    if damage == "garble":
        db.write_bytes(b"\x5a" * 4096 + data[4096:])
    elif damage == "truncate":
        db.write_bytes(data[: len(data) // 3])
    else:
        db.write_bytes(b"")
    corpus, stats = load(docs)
    assert exported(corpus) == exported(first)
    if damage != "empty":  # an empty file is a valid empty database
        assert any("damaged" in w for w in cache_warnings(corpus)), corpus.warnings
        assert len(cache_warnings(corpus)) == 1
    assert stats.processed == len(SEEDS)
    _, stats = load(docs)  # and the rebuilt cache works
    assert stats.hits == len(SEEDS)


def test_a_damaged_row_is_recomputed_not_trusted(docs: Path, cache_dir: Path) -> None:
    first, _ = load(docs)
    with sqlite3.connect(cache_dir / DB_NAME) as conn:
        path, blob = conn.execute("SELECT path, result FROM docs ORDER BY path LIMIT 1").fetchone()
        flipped = blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:]
        conn.execute("UPDATE docs SET result=? WHERE path=?", (flipped, path))
    corpus, stats = load(docs)
    assert stats.damaged == 1 and stats.processed == 1
    assert exported(corpus) == exported(first)
    assert len(cache_warnings(corpus)) == 1


class _Evil:
    def __reduce__(self) -> tuple:
        return (os.system, ("echo pwned",))


def test_only_medtui_classes_are_unpickled(docs: Path, cache_dir: Path) -> None:
    with pytest.raises(pickle.UnpicklingError):
        load_result(pickle.dumps(_Evil()))
    first, _ = load(docs)
    evil = pickle.dumps(_Evil())
    with sqlite3.connect(cache_dir / DB_NAME) as conn:
        conn.execute("UPDATE docs SET result=?, crc=?", (evil, zlib.crc32(evil)))
    corpus, stats = load(docs)
    assert stats.damaged == len(SEEDS)
    assert exported(corpus) == exported(first)


def test_a_new_version_invalidates_everything(docs: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(docs)
    monkeypatch.setattr(medtui, "__version__", "999.0")
    code_fingerprint.cache_clear()
    try:
        _, stats = load(docs)
    finally:
        code_fingerprint.cache_clear()
    assert stats.processed == len(SEEDS) and stats.hits == 0


def test_a_changed_gazetteer_invalidates_everything(
    docs: Path, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(docs)
    config = tmp_path / "config2"
    config.mkdir()
    (config / "gazetteer.yaml").write_text(
        "institutions:\n  - name: Zebrafish Institute of Testing\n    kind: research\n", "utf-8"
    )
    monkeypatch.setenv("MEDTUI_CONFIG_DIR", str(config))
    _, stats = load(docs)
    assert stats.processed == len(SEEDS) and stats.hits == 0


def test_an_unwritable_cache_folder_means_no_cache_and_one_warning(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MEDTUI_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("MEDTUI_NO_CACHE", raising=False)
    corpus, stats = load(docs)
    assert stats.processed == len(SEEDS)
    assert len(cache_warnings(corpus)) == 1
    assert exported(corpus) == exported(load(docs, cache=False)[0])


def test_no_cache_env_leaves_no_file(docs: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDTUI_NO_CACHE", "1")
    _, stats = load(docs)
    assert stats.processed == len(SEEDS)
    assert not cache_dir.exists()


def test_the_worker_process_path_caches_too(tmp_path: Path, cache_dir: Path) -> None:
    """Enough files for worker processes: results come back in order and are stored."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(70):
        source = SEEDS[n % len(SEEDS)].read_text("utf-8")
        (folder / f"doc{n:03d}.txt").write_text(f"{source}\nDocument number {n}.\n", "utf-8")
    builder = CorpusBuilder()
    for _ in iter_load([folder], builder, workers=2):
        pass
    assert builder.stats.processed == 70
    assert [d.path for d in builder.corpus.documents] == sorted(d.path for d in builder.corpus.documents)
    again = CorpusBuilder()
    for _ in iter_load([folder], again, workers=2):
        pass
    assert again.stats.hits == 70 and again.stats.processed == 0
    assert exported(again.corpus) == exported(builder.corpus)
    assert again.corpus_key == builder.corpus_key is not None


def test_the_vocabulary_data_is_part_of_the_code_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules read their words from data/*.yaml: a changed word list must invalidate cached
    results like changed code (an upgrade that only edits vocabulary.yaml re-reads)."""
    root = tmp_path / "medtui"
    (root / "data").mkdir(parents=True)
    (root / "__init__.py").write_text("", "utf-8")
    vocabulary = root / "data" / "vocabulary.yaml"
    vocabulary.write_text("roles: [Dean]\n", "utf-8")
    monkeypatch.setattr(medtui, "__file__", str(root / "__init__.py"))
    code_fingerprint.cache_clear()
    try:
        before = code_fingerprint("data")
        vocabulary.write_text("roles: [Dean, Provost]\n", "utf-8")
        code_fingerprint.cache_clear()
        after = code_fingerprint("data")
    finally:
        code_fingerprint.cache_clear()
    assert before != after
