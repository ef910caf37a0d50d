"""The files table (:mod:`medtui.cache.quick`) and the index opened without its corpus:
``medtui search`` answers from the saved index only while no file changed, and then
answers exactly what the saved corpus would."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import medtui.cli as cli
from medtui.cache import searchable

DOCS = {
    "a/north.md": "# Northgate Hospital signs MoU\n\nNorthgate Hospital and Riverside University "
                  "signed a memorandum of understanding on telemedicine.\n",
    "a/b/south.md": "# Südhafen Klinik opens lab\n\nThe Südhafen Klinik opened a robotics lab "
                    "with Riverside University.\n",
    "zh.md": "# 合作\n\n河畔大學與北門醫院簽署合作備忘錄。\n",
    "notes.txt": "Westbrook College and Northgate Hospital agree on R&D.\n",
}
QUERIES = ("riverside", "hospital", '"memorandum of understanding"', "sudhafen", "北門醫院",
           "R&D", "robot*", "north* OR westbrook")


def age(root: Path) -> None:
    """Date the folders an hour back: a folder changed in the last 2 s is not trusted."""
    then = time.time_ns() - 3600 * 10**9
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        os.utime(folder, ns=(then, then))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    for name, text in DOCS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    age(root)
    return root


def run(capsys: pytest.CaptureFixture[str], query: str, folder: Path) -> dict:
    cli.main(["search", query, str(folder), "--json"])
    out = capsys.readouterr().out
    return json.loads(out) if out else {}


def fast_index(folder: Path) -> object:
    index = searchable.open_search_index([str(folder)])
    if index is not None:
        index.close()
    return index


def test_the_saved_index_alone_answers_what_the_whole_corpus_answers(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "riverside", folder)  # builds and saves
    assert fast_index(folder) is not None
    fast = [run(capsys, q, folder) for q in QUERIES]
    monkeypatch.setattr(searchable, "open_search_index", lambda paths: None)
    usual = [run(capsys, q, folder) for q in QUERIES]
    assert fast == usual
    assert [r["total"] for r in fast] == [2, 2, 1, 1, 1, 1, 1, 2]


@pytest.mark.parametrize("change", ["add", "remove", "edit", "edit-same-size-and-mtime",
                                    "add-hidden-folder", "touch"])
def test_any_change_to_the_files_means_the_usual_way(
    capsys: pytest.CaptureFixture[str], folder: Path, change: str
) -> None:
    run(capsys, "riverside", folder)
    assert fast_index(folder) is not None
    target = folder / "a" / "b" / "south.md"
    if change == "add":
        (folder / "a" / "b" / "new.md").write_text("# Riverside again\n\nRiverside news.\n")
    elif change == "remove":
        target.unlink()
    elif change == "edit":
        target.write_text("# Südhafen Klinik opens lab\n\nNo partner named here.\n")
    elif change == "edit-same-size-and-mtime":
        before = target.stat()
        text = target.read_text(encoding="utf-8").replace("Riverside", "Riverwide")
        target.write_text(text, encoding="utf-8")
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert target.stat().st_size == before.st_size
    elif change == "add-hidden-folder":
        (folder / ".hidden").mkdir()
        (folder / ".hidden" / "x.md").write_text("Riverside\n")
    else:
        os.utime(target)
    assert fast_index(folder) is None
    expected = {"add": 3, "remove": 1, "edit": 1, "edit-same-size-and-mtime": 1}.get(change, 2)
    assert run(capsys, "riverside", folder)["total"] == expected
    age(folder)
    run(capsys, "riverside", folder)
    assert fast_index(folder) is not None  # the new snapshot's table is saved


def test_a_folder_changed_just_now_is_not_trusted(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    (folder / "a" / "late.md").write_text("# Late\n\nRiverside news.\n")
    assert run(capsys, "riverside", folder)["total"] == 3
    assert fast_index(folder) is None  # "a" changed in the last 2 s: no table saved
    age(folder)
    assert run(capsys, "riverside", folder)["total"] == 3
    assert fast_index(folder) is not None


def test_curation_or_no_cache_means_the_usual_way(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "riverside", folder)
    assert fast_index(folder) is not None
    monkeypatch.setattr(searchable, "_curating", lambda: True)
    assert fast_index(folder) is None
    monkeypatch.undo()
    monkeypatch.setenv("MEDTUI_NO_CACHE", "1")
    assert fast_index(folder) is None


def test_a_damaged_story_table_is_not_trusted(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    run(capsys, "riverside", folder)
    from medtui.cache.snapshot import snapshot_root

    (table,) = snapshot_root().glob("build-*/stories.bin")
    data = bytearray(table.read_bytes())
    data[-3] ^= 0xFF  # same size, wrong CRC
    table.write_bytes(bytes(data))
    assert fast_index(folder) is None
    assert run(capsys, "riverside", folder)["total"] == 2  # the usual way still answers


def test_the_config_file_names_are_medtui_configs() -> None:
    from medtui import config
    from medtui.cache import quick

    assert (quick.USER_GAZETTEER, quick.USER_CONFIG) == (config.USER_GAZETTEER_FILE,
                                                         config.CONFIG_FILE)


def test_a_user_gazetteer_edit_changes_the_quick_fingerprint(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from medtui.cache.quick import quick_fingerprint

    monkeypatch.setenv("MEDTUI_CONFIG_DIR", str(tmp_path))
    before = quick_fingerprint()
    (tmp_path / "gazetteer.yaml").write_text("institutions: []\n")
    assert quick_fingerprint() != before
