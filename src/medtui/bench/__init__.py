"""``medtui bench [PATH ...] [--json] [--sizes N,N] [--runs N]``: performance figures.

Every figure comes from a fresh process (see :mod:`medtui.bench.probes`) with a
private, initially empty cache folder, so runs do not help each other and the
user's own cache is never touched:

1. ``measure``: cold load (read, clean, extract: ``load_s``), index (``index_s``,
   including saving it for next time), then the query mix (``queries``, with
   snippets of the top 10: ``query_p50_ms``/``query_p95_ms``), ``peak_rss_mb``;
2. ``relaunch``: the same files again, warm cache to the first answered query
   (``relaunch_s``, timed from the moment the process is started), then
   ``medtui search`` on them as a user runs it (``cli_search_s``: the second search
   on these files, the first having been the ``measure`` probe, which saved them);
3. ``frame``: the app headless, to its first frame (``first_frame_s``) and until
   it can search (``app_searchable_s``);
4. HTML pages among them: CPU of reading them (``html_cpu_s``) against trafilatura
   alone on the same pages (``trafilatura_cpu_s``, ``html_cpu_ratio``; issue 9: <= 1.5);
5. peers on the same stories and words: whoosh with its plainest schema, tantivy
   (if installed) and ``rg -c`` over the raw files.

With ``--runs N`` each figure is the median of N runs. ``--sizes`` measures the
first N files of a fixed, path-hash order (the same sample every time).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from medtui.bench.stats import median
from medtui.errors import InputError, MedtuiError, UsageError

PROBE_TIMEOUT_S = 3 * 3600


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise UsageError(f"{message} (see 'medtui bench --help').")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="medtui bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders (default: the bundled seed documents)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--sizes", default="", help="comma-separated document counts, e.g. 1000,5000")
    parser.add_argument("--runs", type=int, default=1, help="runs per figure; medians are shown")
    parser.add_argument("--queries", type=int, default=200, help="queries in the mix (default 200)")
    parser.add_argument("--workers", type=int, default=None, help="worker processes for loading")
    parser.add_argument("--no-peers", action="store_true", help="skip whoosh-plain, tantivy and rg")
    parser.add_argument("--no-app", action="store_true", help="skip the app's first-frame probe")
    return parser


def sample_order(files: list[Any]) -> list[Any]:
    """Files in a fixed pseudo-random order (by a hash of the shown path): the sample order."""
    return sorted(files, key=lambda f: hashlib.blake2b(f.display.encode(), digest_size=8).digest())


def make_sample(work: Path, files: list[Any], count: int) -> Path:
    """A folder of links to the first ``count`` files of :func:`sample_order`."""
    chosen = sample_order(files)[:count]
    base = os.path.commonpath([str(Path(f.path).resolve().parent) for f in chosen])
    folder = work / f"sample-{count}"
    for item in chosen:
        real = Path(item.path).resolve()
        link = folder / os.path.relpath(real, base)
        link.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            link.symlink_to(real)
    return folder


def _probe(mode: str, paths: list[str], cache: Path, *extra: str) -> list[tuple[float, dict[str, Any]]]:
    """Run one probe in a fresh process; each JSON line it prints, with seconds since start."""
    env = {**os.environ, "MEDTUI_CACHE_DIR": str(cache)}
    env.pop("MEDTUI_NO_CACHE", None)
    command = [sys.executable, "-m", "medtui.bench.probes", *extra, mode, *paths]  # absolute paths
    lines: list[tuple[float, dict[str, Any]]] = []
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, env=env, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            with contextlib.suppress(ValueError):
                lines.append((time.perf_counter() - start, json.loads(line)))
        code = proc.wait(timeout=PROBE_TIMEOUT_S)
        if code != 0 and not lines:
            errors.seek(0)
            last = (errors.read().strip().splitlines() or ["no message"])[-1]
            raise MedtuiError(f"The bench probe '{mode}' failed: {last}")
    return lines


def _last(lines: list[tuple[float, dict[str, Any]]], mode: str) -> tuple[float, dict[str, Any]]:
    if not lines:
        raise MedtuiError(f"The bench probe '{mode}' printed no figures.")
    return lines[-1]


def one_run(paths: list[str], work: Path, tag: str, args: argparse.Namespace) -> dict[str, Any]:
    """Every figure once, in fresh processes sharing one new cache folder."""
    cache = Path(tempfile.mkdtemp(prefix=f"cache-{tag}-", dir=work))
    extra = ["--queries", str(args.queries)]
    if args.workers is not None:
        extra += ["--workers", str(args.workers)]
    record = dict(_last(_probe("measure", paths, cache, *extra), "measure")[1])
    query = str(record.get("relaunch_query") or "hospital")
    elapsed, relaunch = _last(_probe("relaunch", paths, cache, "--query", query), "relaunch")
    record["relaunch_s"] = round(elapsed, 3)
    record["relaunch_cpu_s"] = relaunch.get("cpu_s")
    record["relaunch_from_snapshot"] = relaunch.get("from_snapshot")
    record["relaunch_peak_rss_mb"] = relaunch.get("peak_rss_mb")
    record["cli_search_s"], record["cli_search_cpu_s"] = cli_search_seconds(paths, cache, CLI_QUERY)
    if not args.no_app:
        for elapsed, line in _probe("frame", paths, cache):
            if line.get("event") == "frame":
                record["first_frame_s"] = round(elapsed, 3)
            elif line.get("event") == "searchable" and line.get("ready"):
                record["app_searchable_s"] = round(elapsed, 3)
    record.update(_last(_probe("html", paths, cache), "html")[1])  # HTML pages: CPU against trafilatura
    if not args.no_peers:
        record["peers"] = {
            engine: _last(_probe("peer", paths, cache, "--engine", engine, *extra), "peer")[1]
            for engine in ("whoosh", "tantivy", "rg")
        }
        plain = record["peers"].get("whoosh", {}).get("query_p95_ms")
        record["whoosh_plain_p95_ms"] = plain
        ours = record.get("query_p95_ms")
        if isinstance(plain, (int, float)) and isinstance(ours, (int, float)) and plain > 0:
            record["p95_vs_whoosh_plain"] = round(ours / plain, 3)
    return record


CLI_QUERY = "memorandum of understanding"
"""The query of the ``cli_search_s`` figure (the one of the issue that asked for it)."""


def cli_search_seconds(paths: list[str], cache: Path, query: str) -> tuple[float | None, float | None]:
    """Wall and CPU seconds of ``medtui search QUERY PATHS --json`` in a fresh process
    (None, None: it failed). CPU (user + system) says what it costs on a busy machine."""
    import resource

    env = {**os.environ, "MEDTUI_CACHE_DIR": str(cache)}
    env.pop("MEDTUI_NO_CACHE", None)
    command = [sys.executable, "-m", "medtui", "search", query, *paths, "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          timeout=PROBE_TIMEOUT_S, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (round(elapsed, 3), round(cpu, 3)) if proc.returncode in (0, 1) else (None, None)


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of every number over the runs (non-numbers from the first run)."""
    out: dict[str, Any] = {}
    for key, value in runs[0].items():
        values = [r.get(key) for r in runs]
        if isinstance(value, bool) or not isinstance(value, (int, float, dict)):
            out[key] = value
        elif isinstance(value, dict):
            out[key] = summarise([v for v in values if isinstance(v, dict)])
        else:
            out[key] = median([v for v in values if isinstance(v, (int, float))])
    return out


def main(argv: list[str]) -> int:
    """Measure and print the figures (JSON with ``--json``, else a table)."""
    from medtui.pipeline import discover_inputs

    args = _parser().parse_args(argv)
    if args.runs < 1 or args.queries < 10:
        raise UsageError("--runs must be at least 1 and --queries at least 10.")
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        raise UsageError(f"--sizes takes numbers separated by commas, not {args.sizes!r}.") from None
    if any(n < 1 for n in sizes):
        raise UsageError("Every --sizes number must be at least 1.")
    for raw in args.paths:
        if not Path(raw).exists():
            raise InputError(f"No such file or folder: {raw}.")
    paths = [str(Path(p).resolve()) for p in args.paths] or [str(_seeds())]
    _roots, files, _warnings = discover_inputs(paths)
    if not files:
        raise InputError("No documents to measure under the given paths.")
    if not any_readable(files):
        found = "the one file found" if len(files) == 1 else f"none of the {len(files)} files found"
        verb = "could not" if len(files) == 1 else "could"
        raise InputError(f"No documents to measure under the given paths: {found} {verb} be read "
                         "(binary or undecodable).")
    sizes = sorted(set(min(n, len(files)) for n in sizes)) or [len(files)]
    results = []
    with tempfile.TemporaryDirectory(prefix="medtui-bench-") as tmp:
        work = Path(tmp)
        for n in sizes:
            targets = paths if n >= len(files) else [str(make_sample(work, files, n))]
            runs = [one_run(targets, work, f"{n}-{r}", args) for r in range(args.runs)]
            results.append({"size": n, **summarise(runs)})
            if not args.json:
                print(f"measured {n} documents", file=sys.stderr)
    report = {**results[-1], "runs": args.runs, "machine": _machine()}
    report.pop("size", None)
    if len(results) > 1:
        report["sizes"] = results
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        from medtui.bench.report import render

        render(report, results, sys.stdout)
    return 0


def any_readable(files: list[Any]) -> bool:
    """True when at least one of ``files`` (InputFile) decodes to text; stops at the first.

    Without a readable file every probe would wait for stories that never come (the
    app's probe out to its timeout), then report an empty index's figures.
    """
    from medtui.corpus.reader import read_document_text

    return any(read_document_text(f.path).text is not None for f in files)


def _seeds() -> Path:
    from medtui.pipeline import bundled_seeds

    return bundled_seeds()


def _machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(terse=True)}
