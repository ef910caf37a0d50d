"""The readable form of ``medtui bench``: rich tables of the figures, one column per size."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

ROWS = (
    ("documents", "documents", ""),
    ("stories", "stories", ""),
    ("load_s", "load (read, clean, extract)", "s"),
    ("load_cpu_s", "  CPU time (all processes)", "s"),
    ("index_s", "index", "s"),
    ("index_cpu_s", "  CPU time", "s"),
    ("queries", "queries timed", ""),
    ("query_p50_ms", "query p50", "ms"),
    ("query_p95_ms", "query p95", "ms"),
    ("whoosh_plain_p95_ms", "  whoosh-plain p95 (same run)", "ms"),
    ("p95_vs_whoosh_plain", "  ratio medtui / whoosh-plain", "x"),
    ("segmented_query_p95_ms", "  p95 on the index as built", "ms"),
    ("segments", "  its segments (merged after: 1)", ""),
    ("merge_s", "  merging them (background)", "s"),
    ("peak_rss_mb", "peak RSS (main process)", "MB"),
    ("workers_peak_rss_mb", "peak RSS (a worker)", "MB"),
    ("relaunch_s", "relaunch to searchable", "s"),
    ("relaunch_cpu_s", "  CPU time", "s"),
    ("cli_search_s", "second 'medtui search' (CLI)", "s"),
    ("cli_search_cpu_s", "  CPU time", "s"),
    ("first_frame_s", "app first frame", "s"),
    ("app_searchable_s", "app searchable", "s"),
    ("html_pages", "HTML pages", ""),
    ("html_cpu_s", "  read+clean+extract CPU", "s"),
    ("trafilatura_cpu_s", "  trafilatura alone CPU", "s"),
    ("html_cpu_ratio", "  ratio (target <= 1.5)", "x"),
)
PEER_ROWS = (("index_s", "index", "s"), ("queries", "queries", ""),
             ("query_p50_ms", "query p50", "ms"), ("query_p95_ms", "query p95", "ms"),
             ("peak_rss_mb", "peak RSS", "MB"))


def _cell(value: Any, unit: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        text = f"{value:,.3f}" if value < 10 else f"{value:,.1f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{text} {unit}".strip()


def render(report: dict[str, Any], results: list[dict[str, Any]], out: TextIO) -> None:
    """Print the figures for each size, then the peers of each size."""
    console = Console(file=out, highlight=False)
    runs = report.get("runs", 1)
    table = Table(title=f"medtui bench (median of {runs} run{'s' if runs != 1 else ''})")
    table.add_column("figure")
    for r in results:
        table.add_column(f"{r['size']:,} files", justify="right")
    for key, label, unit in ROWS:
        table.add_row(label, *(_cell(r.get(key), unit) for r in results))
    console.print(table)
    for r in results:
        peers = r.get("peers") or {}
        if not peers:
            continue
        ptable = Table(title=f"Peers on the same {r['size']:,} files")
        ptable.add_column("figure")
        names = list(peers)
        for name in names:
            ptable.add_column(str(peers[name].get("engine", name)), justify="right")
        for key, label, unit in PEER_ROWS:
            ptable.add_row(label, *(_cell(peers[n].get(key), unit) for n in names))
        console.print(ptable)
        for name in names:
            if peers[name].get("skipped"):
                console.print(f"{name}: skipped ({peers[name]['skipped']})")
