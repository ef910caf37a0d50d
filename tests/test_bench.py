"""``medtui bench``: the query mix, and smoke runs on the seeds (no timing is asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from medtui.bench import sample_order
from medtui.bench.queries import make_queries
from medtui.corpus.reader import discover_files
from medtui.pipeline import bundled_seeds, load_corpus
from medtui.search.index import StoryIndex

CONTRACT_KEYS = {"documents", "stories", "load_s", "index_s", "query_p50_ms", "query_p95_ms",
                 "peak_rss_mb", "queries", "relaunch_s"}


def bench(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEDTUI_CACHE_DIR": str(tmp / "user-cache")}
    return subprocess.run([sys.executable, "-m", "medtui", "bench", *args], capture_output=True,
                          text=True, env=env, timeout=600, check=False)


def test_the_query_mix_is_fixed_and_every_query_runs() -> None:
    corpus = load_corpus(None, cache=False, workers=1)
    queries = make_queries(corpus, 200)
    assert queries == make_queries(corpus, 200)
    assert len(queries) == 200
    assert Counter(q.kind for q in queries) == {
        "word": 40, "and": 40, "phrase": 40, "prefix": 40, "institution": 20, "date": 20}
    index = StoryIndex()
    index.add(corpus, corpus.stories)
    results = [index.search(q.text, limit=10) for q in queries]
    assert [r.error for r in results if r.error] == []
    assert sum(r.total > 0 for r in results) > 150  # drawn from the corpus: most find something


def test_the_sample_order_is_fixed_and_nested() -> None:
    files, _ = discover_files([bundled_seeds()])
    order = [f.display for f in sample_order(files)]
    assert order == [f.display for f in sample_order(list(reversed(files)))]
    assert sorted(order) == sorted(f.display for f in files)


def test_bench_json_on_the_seeds_has_the_contract_keys(tmp_path: Path) -> None:
    done = bench("--json", "--queries", "20", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) >= CONTRACT_KEYS
    assert report["documents"] == 5 and report["stories"] >= 5
    assert report["queries"] == 20 and report["query_errors"] == 0
    assert report["relaunch_from_snapshot"] is True
    assert report["processed"] == 5
    for key in ("load_s", "index_s", "query_p50_ms", "query_p95_ms", "peak_rss_mb", "relaunch_s",
                "first_frame_s"):
        assert isinstance(report[key], (int, float)) and report[key] >= 0, key
    assert set(report["peers"]) == {"whoosh", "tantivy", "rg"}
    for peer in report["peers"].values():
        assert "skipped" in peer or peer["queries"] > 0
    assert not (tmp_path / "user-cache").exists(), "bench never touches the user's cache"


def test_bench_sizes_give_a_curve_and_a_table(tmp_path: Path) -> None:
    done = bench("--sizes", "2,5", "--queries", "10", "--no-peers", "--no-app", "--json",
                 str(bundled_seeds()), tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [s["size"] for s in report["sizes"]] == [2, 5]
    assert [s["documents"] for s in report["sizes"]] == [2, 5]
    table = bench("--queries", "10", "--no-peers", "--no-app", tmp=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "query p95" in table.stdout and "relaunch" in table.stdout


@pytest.mark.parametrize("args", [["--sizes", "x"], ["--runs", "0"], ["/no/such/folder"]])
def test_bench_bad_usage_is_one_sentence_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    done = bench(*args, tmp=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary\x00" * 64], ids=["empty-folder", "binary-only"])
def test_bench_with_nothing_readable_stops_at_once_with_exit_2(tmp_path: Path, content: bytes) -> None:
    """A folder holding only an unreadable file is like an empty folder: nothing to measure
    (before: every probe ran on an empty index and the app probe waited out its timeout)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    if content:
        (folder / "blob.txt").write_bytes(content)
    done = bench(str(folder), "--json", "--no-peers", tmp=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1
    assert "No documents to measure" in done.stderr and "Traceback" not in done.stderr
