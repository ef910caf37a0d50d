"""Saved corpus + index snapshots: instant relaunch, never trusted when damaged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from medtui.cache import snapshot
from medtui.cache.searchable import Searchable, load_searchable
from medtui.cache.snapshot import KEEP, snapshot_root
from medtui.pipeline import bundled_seeds

SEEDS = sorted(bundled_seeds().glob("*.txt"))
QUERIES = ("medical school", "universit*", '"third medical school"', "date:2025", "HKUST", "medicl")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(snapshot, "FRESH_S", -1.0)  # prune at once (folders are seconds old)
    folder = tmp_path / "cache"
    monkeypatch.setenv("MEDTUI_CACHE_DIR", str(folder))
    monkeypatch.setenv("MEDTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("MEDTUI_NO_CACHE", raising=False)
    return folder


def answers(found: Searchable) -> list[tuple[int, list[str], str | None]]:
    out = []
    for query in QUERIES:
        result = found.index.search(query, limit=20)
        assert result.error is None, result.error
        out.append((result.total, [h.story for h in result.hits], result.suggestion))
    assert out[-1][2] == "medical"  # the word list came back too
    return out


def test_a_relaunch_opens_the_saved_corpus_and_index(docs: Path, cache_dir: Path) -> None:
    first = load_searchable([docs], workers=1)
    assert not first.from_snapshot and first.stats.processed == len(SEEDS)
    expected = answers(first)
    assert any(total for total, _, _ in expected)
    second = load_searchable([docs], workers=1)
    assert second.from_snapshot and second.stats.processed == 0
    assert [s.id for s in second.corpus.stories] == [s.id for s in first.corpus.stories]
    assert answers(second) == expected
    assert second.index.size == len(first.corpus.stories)


def _snapshot_folder(cache_dir: Path) -> Path:
    pointers = list(snapshot_root(cache_dir).glob("*.json"))
    assert len(pointers) == 1
    return snapshot_root(cache_dir) / json.loads(pointers[0].read_text())["folder"]


@pytest.mark.parametrize(
    "damage", ["corpus-byte", "corpus-truncated", "index-truncated", "vocabulary", "pointer"]
)
def test_a_damaged_snapshot_is_rebuilt_with_a_warning(docs: Path, cache_dir: Path, damage: str) -> None:
    expected = answers(load_searchable([docs], workers=1))
    folder = _snapshot_folder(cache_dir)
    if damage == "corpus-byte":
        data = bytearray((folder / "corpus.bin").read_bytes())
        data[len(data) // 2] ^= 0xFF
        (folder / "corpus.bin").write_bytes(bytes(data))
    elif damage == "corpus-truncated":
        data = (folder / "corpus.bin").read_bytes()
        (folder / "corpus.bin").write_bytes(data[: len(data) // 2])
    elif damage == "index-truncated":
        segment = max((folder / "index").glob("*.seg"), key=lambda p: p.stat().st_size)
        segment.write_bytes(segment.read_bytes()[:100])
    elif damage == "vocabulary":  # same size, so only its header can tell
        words = folder / "index" / "medtui-vocabulary.bin"
        words.write_bytes(b"x" * words.stat().st_size)
    else:
        pointer = next(snapshot_root(cache_dir).glob("*.json"))
        pointer.write_text("{not json")
    again = load_searchable([docs], workers=1)
    assert not again.from_snapshot
    assert any("not usable" in w for w in again.corpus.warnings), again.corpus.warnings
    assert answers(again) == expected
    assert load_searchable([docs], workers=1).from_snapshot  # saved afresh


def test_a_pointer_never_names_a_folder_outside_the_cache(docs: Path, cache_dir: Path, tmp_path: Path) -> None:
    load_searchable([docs], workers=1)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("keep me")
    pointer = next(snapshot_root(cache_dir).glob("*.json"))
    data = json.loads(pointer.read_text())
    data["folder"] = "../../precious"
    pointer.write_text(json.dumps(data))
    again = load_searchable([docs], workers=1)
    assert not again.from_snapshot
    assert (precious / "keep.txt").read_text() == "keep me"


def test_a_changed_file_means_a_new_snapshot_and_old_ones_are_pruned(docs: Path, cache_dir: Path) -> None:
    load_searchable([docs], workers=1)
    target = sorted(docs.iterdir())[2]  # (the first seed ends in a link list: text after it is dropped)
    for n in range(KEEP + 1):
        extra = f"\nA new closing sentence about okapis, edit number {n}.\n"
        target.write_text(target.read_text("utf-8") + extra, "utf-8")
        found = load_searchable([docs], workers=1)
        assert not found.from_snapshot and found.stats.processed == 1
        assert found.index.search("okapis").total == 1
    assert load_searchable([docs], workers=1).from_snapshot
    root = snapshot_root(cache_dir)
    assert len(list(root.glob("*.json"))) == KEEP
    assert len([p for p in root.iterdir() if p.is_dir()]) == KEEP


def test_without_the_cache_nothing_is_saved(docs: Path, cache_dir: Path) -> None:
    found = load_searchable([docs], workers=1, cache=False)
    assert found.index.search("medical").total > 0
    assert not found.from_snapshot
    assert not snapshot_root(cache_dir).exists()


def test_a_snapshot_in_use_is_never_pruned(docs: Path, cache_dir: Path) -> None:
    """An older index some medtui still searches keeps its folder until it is let go."""
    import gc

    first = load_searchable([docs], workers=1)
    held = _snapshot_folder(cache_dir)
    target = sorted(docs.iterdir())[2]
    for n in range(KEEP + 1):
        target.write_text(target.read_text("utf-8") + f"\nA closing sentence about ibexes {n}.\n", "utf-8")
        load_searchable([docs], workers=1)
    assert held.is_dir(), "pruned while in use"
    assert first.index.search("medical").total > 0
    del first
    gc.collect()
    target.write_text(target.read_text("utf-8") + "\nOne more sentence about ibexes.\n", "utf-8")
    load_searchable([docs], workers=1)
    assert not held.exists()
