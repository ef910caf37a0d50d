"""``medtui search`` as a user runs it: the inputs people type, and the saved corpus and
index reused by the next command (CLI or app) until a file changes."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import medtui.cli as cli
from medtui.cache import searchable, snapshot

DOCS = {
    "heart.md": "# Heart: Rhythm and Risk in Older Adults\n\nRiverside University studied "
                "heart rhythm and risk in older adults.\n",
    "att.md": "# New lab\n\nWestbrook University and AT&T opened a lab.\n",
    "zurich.md": "# Lab news\n\nThe Universität Zürich opened a lab.\n",
    "zh.md": "# 合作\n\n香港科技大學（科大）與浙江大學於2025年3月11日簽署合作備忘錄\n",
    "tools.md": "# Tools\n\nNorthgate Hospital moved its C++ code to .NET and studies "
                "non-invasive tele\u200bmedicine.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    for name, text in DOCS.items():
        (root / name).write_text(text, encoding="utf-8")
    then = time.time_ns() - 3600 * 10**9  # a folder changed in the last 2 s is not trusted
    os.utime(root, ns=(then, then))
    return root


def search(capsys: pytest.CaptureFixture[str], query: str, folder: Path) -> tuple[int, dict, str]:
    code = cli.main(["search", query, str(folder), "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out else {}, err


@pytest.mark.parametrize(("query", "story_file"), [
    ("Heart: Rhythm", "heart.md"),
    ("AT&T", "att.md"),
    ("zurich", "zurich.md"),
    ("浙江大學", "zh.md"),
    ("C++", "tools.md"),
    ("noninvasive", "tools.md"),
    ("telemedicine", "tools.md"),
])
def test_issue_inputs_found_from_the_command_line(
    capsys: pytest.CaptureFixture[str], folder: Path, query: str, story_file: str
) -> None:
    code, data, err = search(capsys, query, folder)
    assert (code, data["total"], err) == (0, 1, "")
    title = DOCS[story_file].split("\n", 1)[0].lstrip("# ")
    assert data["hits"][0]["title"] == title


def test_second_search_opens_the_saved_pair_and_a_changed_file_is_read_again(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert search(capsys, "zurich", folder)[1]["total"] == 1  # builds and saves
    opened: list[bool] = []
    fast: list[bool] = []
    corpus_reads: list[Path] = []
    real, real_fast, real_read = (searchable.try_snapshot, searchable.open_search_index,
                                  snapshot._read_corpus)

    def spy(*args: object, **kwargs: object) -> object:
        found, warnings = real(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(found is not None)
        return found, warnings

    def spy_fast(*args: object) -> object:
        index = real_fast(*args)  # type: ignore[arg-type]
        fast.append(index is not None)
        return index

    def spy_read(path: Path) -> object:
        corpus_reads.append(path)
        return real_read(path)

    monkeypatch.setattr(searchable, "try_snapshot", spy)
    monkeypatch.setattr(searchable, "open_search_index", spy_fast)
    monkeypatch.setattr(snapshot, "_read_corpus", spy_read)
    code, data, _err = search(capsys, "zurich", folder)
    # The index alone, with its story table: the saved corpus is not read at all.
    assert (code, data["total"], fast, opened, corpus_reads) == (0, 1, [True], [], [])
    assert "Zürich" in data["hits"][0]["snippet"]
    # Other commands read the saved corpus, and agree with a fresh read.
    cli.main(["institutions", str(folder), "--json"])
    saved = capsys.readouterr().out
    assert opened == [True] and len(corpus_reads) == 1
    (folder / "zurich.md").write_text("# Lab news\n\nThe Universität Basel opened a lab.\n",
                                      encoding="utf-8")
    code, data, _err = search(capsys, "zurich", folder)
    assert (code, data.get("total", 0), fast[-1], opened[-1]) == (1, 0, False, False)
    code, data, _err = search(capsys, "basel", folder)
    assert (code, data["total"], fast[-1]) == (0, 1, True)
    assert "Basel" in data["hits"][0]["snippet"]
    monkeypatch.setenv("MEDTUI_NO_CACHE", "1")
    (folder / "zurich.md").write_text(DOCS["zurich.md"], encoding="utf-8")
    cli.main(["institutions", str(folder), "--json"])
    assert capsys.readouterr().out == saved  # the saved corpus says what a fresh read says


def test_nothing_extra_on_stdout_or_stderr_when_piped(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code = cli.main(["search", "AT&T", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and "AT&T" in out


def test_a_relaunch_finds_the_snapshot_by_its_files_table_without_listing_folders(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import medtui.pipeline as pipeline

    assert search(capsys, "zurich", folder)[1]["total"] == 1  # builds, saves, files table
    real = pipeline.discover_inputs
    listed: list[object] = []

    def spy(*args: object, **kwargs: object) -> object:
        listed.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "discover_inputs", spy)
    found = searchable.load_searchable([str(folder)])
    assert (found.from_snapshot, listed, found.index.search("zurich").total) == (True, [], 1)
    (folder / "zurich.md").write_text("# Lab news\n\nThe Universität Basel opened a lab.\n",
                                      encoding="utf-8")
    found = searchable.load_searchable([str(folder)])  # a changed file: listed and read again
    assert len(listed) == 1 and found.index.search("basel").total == 1
