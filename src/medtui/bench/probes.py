"""The measurements ``bench`` runs, each in a fresh process of its own.

``python -m medtui.bench.probes MODE [--queries N] [--workers N] PATH...`` with
``MEDTUI_CACHE_DIR`` pointing at the run's private cache folder. Each mode prints
JSON lines on stdout (the parent times them as they arrive):

- ``measure``: load (read, clean, extract), index, then time the query mix;
- ``relaunch``: warm cache to the first answered query;
- ``frame``: the app, headless, to its first frame, then to searchable;
- ``peer``: whoosh-plain, tantivy or rg on the same stories and words;
- ``html``: CPU of reading the HTML pages against trafilatura alone (:mod:`medtui.bench.html_cost`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from typing import Any

from medtui.bench.queries import make_queries
from medtui.bench.stats import percentile

READY_TIMEOUT_S = 120.0
"""How long the ``frame`` probe waits for the app to become searchable."""


def emit(record: dict[str, Any]) -> None:
    """One JSON line on stdout, flushed at once (the parent times its arrival)."""
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child (workers), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def measure(paths: list[str], count: int, workers: int | None) -> dict[str, Any]:
    """Cold load and index, then the query mix with snippets of the top 10: on the index
    as built (``segmented_*``), then on the saved index merged into one segment (what
    every later launch opens: the ``query_*`` figures; see :mod:`medtui.cache.merge`)."""
    from medtui.cache.merge import merge_saved
    from medtui.cache.searchable import cpu_seconds, load_searchable
    from medtui.cache.snapshot import open_saved

    found = load_searchable(paths, workers=workers, merge=False)
    corpus, index = found.corpus, found.index
    queries = make_queries(corpus, count)
    figures: dict[str, Any] = {"segments": index.segment_count()}
    segmented = time_queries(index, queries)
    figures.update({f"segmented_{k}": v for k, v in segmented.items() if k.startswith("query_p")})
    merged = None
    if found.saved_as is not None:
        start, cpu = time.perf_counter(), cpu_seconds()
        if merge_saved(found.saved_as):
            figures["merge_s"] = round(time.perf_counter() - start, 3)
            figures["merge_cpu_s"] = round(cpu_seconds() - cpu, 3)
            merged, _warnings = open_saved(found.saved_as)
    if merged is not None:
        figures.update(time_queries(merged.index, queries))
    else:
        figures.update(segmented)
    own, children = peak_rss_mb()
    return {
        "documents": len(corpus.documents),
        "stories": len(corpus.stories),
        "institutions": len(corpus.institutions),
        "events": len(corpus.events),
        "load_s": round(found.load_s, 3),
        "index_s": round(found.index_s, 3),
        "load_cpu_s": round(found.load_cpu_s, 3),
        "index_cpu_s": round(found.index_cpu_s, 3),
        **figures,
        "relaunch_query": next((q.text for q in queries if q.kind == "and"), queries[0].text),
        "peak_rss_mb": own,
        "workers_peak_rss_mb": children or None,  # None: no worker processes were used
        "processed": found.stats.processed,
    }


def time_queries(index: Any, queries: list[Any]) -> dict[str, Any]:
    """The query mix on ``index``: wall-time percentiles in ms, overall and by kind."""
    by_kind: dict[str, list[float]] = {}
    errors = 0
    for q in queries[:3]:  # warm-up: first-use imports, not counted
        index.search(q.text, limit=10)
    times: list[float] = []
    failed: list[str] = []
    slowest: list[tuple[float, str]] = []
    for q in queries:
        start = time.perf_counter()
        result = index.search(q.text, limit=10)
        elapsed = (time.perf_counter() - start) * 1000
        if result.error is not None:
            errors += 1
            failed.append(f"{q.text} -> {result.error}")
        slowest = sorted([*slowest, (elapsed, q.text)], reverse=True)[:5]
        times.append(elapsed)
        by_kind.setdefault(q.kind, []).append(elapsed)
    return {
        "queries": len(times),
        "query_errors": errors,
        "query_p50_ms": percentile(times, 50),
        "query_p95_ms": percentile(times, 95),
        "query_p95_ms_by_kind": {k: percentile(v, 95) for k, v in sorted(by_kind.items())},
        "query_p50_ms_by_kind": {k: percentile(v, 50) for k, v in sorted(by_kind.items())},
        "slowest_queries": [f"{ms:.0f} ms {text}" for ms, text in slowest],
        "failed_queries": failed[:5],
    }


def relaunch(paths: list[str], query: str) -> dict[str, Any]:
    """Warm cache to fully searchable: the saved corpus and index, one query answered."""
    from medtui.cache.searchable import load_searchable

    found = load_searchable(paths)
    result = found.index.search(query, limit=10)
    own, _ = peak_rss_mb()
    from medtui.cache.searchable import cpu_seconds

    return {"from_snapshot": found.from_snapshot, "processed": found.stats.processed,
            "cpu_s": round(cpu_seconds(), 3),
            "stories": len(found.corpus.stories), "hits": result.total, "peak_rss_mb": own}


def frame(paths: list[str]) -> None:
    """Start the app headless: a line at its first frame, another once it can search."""
    import asyncio

    from medtui.ui.app import MedtuiApp

    async def run() -> None:
        app = MedtuiApp(paths)
        async with app.run_test(size=(120, 40)) as pilot:
            emit({"event": "frame"})
            deadline = time.perf_counter() + READY_TIMEOUT_S

            def complete() -> bool:  # every story indexed (not just the first batch)
                index, stories = getattr(app, "index", None), len(app.model.corpus.stories)
                return index is not None and stories > 0 and index.size >= stories

            while not complete() and time.perf_counter() < deadline:
                await pilot.pause(0.05)
            emit({"event": "searchable", "ready": complete()})
            os._exit(0)  # now: the app would wait for a loading thread that may still run

    asyncio.run(run())


def peer(paths: list[str], count: int, engine: str) -> dict[str, Any]:
    """One plain engine over this corpus's stories (loaded from the warm cache, untimed)."""
    from medtui.bench.peers import ripgrep_peer, tantivy_peer, whoosh_plain
    from medtui.pipeline import load_corpus

    corpus = load_corpus(paths)
    queries = make_queries(corpus, count)
    if engine == "rg":
        return ripgrep_peer(paths, queries)
    stories = [(s.id, f"{s.title}\n{s.text}") for s in corpus.stories]
    del corpus
    figures = (tantivy_peer if engine == "tantivy" else whoosh_plain)(stories, queries)
    figures["peak_rss_mb"] = peak_rss_mb()[0]
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run one probe (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="medtui.bench.probes")
    parser.add_argument("mode", choices=("measure", "relaunch", "frame", "peer", "html"))
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--engine", choices=("whoosh", "tantivy", "rg"), default="whoosh")
    parser.add_argument("--query", default="hospital", help="the query a relaunch answers")
    args = parser.parse_args(argv)
    if args.mode == "measure":
        emit(measure(args.paths, args.queries, args.workers))
    elif args.mode == "relaunch":
        emit(relaunch(args.paths, args.query))
    elif args.mode == "peer":
        emit(peer(args.paths, args.queries, args.engine))
    elif args.mode == "html":
        from medtui.bench.html_cost import html_cost

        emit(html_cost(args.paths) or {})
    else:
        frame(args.paths)
        sys.stdout.flush()
        os._exit(0)  # a loading thread may still be reading: do not wait for it
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
