"""Measure a real terminal session of medtui on a big folder: first rows, key echo, first answer.

Runs ``medtui FOLDER`` in a private tmux server (private cache, data and config folders,
so nothing saved earlier is reused) and reads the screen with ``tmux capture-pane``:

* time to first rows: launch -> the status line counts more than 0 stories;
* key echo while documents are read: ``/`` then one letter every ``--every`` seconds
  (then as many Backspaces), each timed from ``send-keys`` to the first capture showing
  the search box with that value (captures every ~10 ms: figures are upper bounds);
* time to first answer: once reading is done (indexing under way) a query is typed;
  launch -> the search box shows its hit count ("N hits so far" while indexing);
* key echo while indexing: the query's letters, then a letter typed and erased again
  and again until the status says Ready (at most ``--keys`` times);
* key echo once all is done (the same query typed again, then letters typed and erased):
  the idle control, what the machine alone costs.

Prints one JSON object (seconds, echo milliseconds: median, p95, max) with the load
averages before and after: the machine may be shared, say so with the figures.

Usage: python scripts/echo_latency.py FOLDER [--medtui PATH] [--size 120x40] [--keys 60]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

SOCKET = f"medtui-echo-{os.getpid()}"
STORIES = re.compile(r"([\d,]+) stor(?:y|ies)\b")
HITS = re.compile(r"\b([\d,]+) hits?\b")
WORDS = "hospital university agreement signed"


class _Control:
    """One tmux control-mode client (``tmux -C``) that runs every command of the session.

    Polling the screen every 10 ms with a new ``tmux`` process per capture costs a
    process start each time (on a 2-core machine a good part of a core, taken from the
    program measured, and a floor of its own under every echo); one client kept open
    sends each command down a pipe instead. Its pane output is turned off (``no-output``).
    """

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["tmux", "-L", SOCKET, "-C", "attach-session", "-f", "no-output,ignore-size", "-t", "echo"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        assert self.proc.stdout is not None
        for line in self.proc.stdout:  # the attach command's own (empty) reply comes first
            if line.startswith(("%end", "%error")):
                break

    def run(self, *args: str) -> str | None:
        """The command's output, or None when no client is open."""
        proc = self.proc
        if proc is None or proc.stdin is None or proc.stdout is None or proc.poll() is not None:
            return None
        proc.stdin.write(" ".join(_quoted(a) for a in args) + "\n")
        proc.stdin.flush()
        out: list[str] = []
        inside = False
        for line in proc.stdout:
            line = line.rstrip("\n")
            if line.startswith("%begin"):
                inside = True
            elif inside and line.startswith(("%end", "%error")):
                return "\n".join(out) + ("\n" if out else "")
            elif inside:
                out.append(line)
        return None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc = None


CONTROL = _Control()


def _quoted(arg: str) -> str:
    """``arg`` for tmux's command parser (its quoting is a shell's; ``#`` opens a comment)."""
    if arg and all(c.isalnum() or c in "-_./:" for c in arg):
        return arg
    return "'" + arg.replace("'", "'\\''") + "'"


def tmux(*args: str) -> str:
    """Run a tmux command on the private server (through the control client once it is
    open); its stdout."""
    if args and args[0] not in ("new-session", "kill-server"):
        out = CONTROL.run(*args)
        if out is not None:
            return out
    done = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                          check=False)
    return done.stdout


def screen() -> list[str]:
    """The pane's lines now."""
    return tmux("capture-pane", "-p", "-t", "echo").splitlines()


def status(lines: list[str]) -> str:
    """The status line (above the key footer; blank rows below the app are skipped)."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines[-2] if len(lines) >= 2 else ""


def story_count(lines: list[str]) -> int:
    found = STORIES.search(status(lines))
    return int(found.group(1).replace(",", "")) if found else 0


def wait(check, timeout: float, poll: float = 0.01) -> tuple[float, list[str]]:  # type: ignore[no-untyped-def]
    """Capture until ``check(lines)``; (monotonic time it held, lines). Raises on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        lines = screen()
        if check(lines):
            return time.monotonic(), lines
        if time.monotonic() > deadline:
            raise TimeoutError("\n".join(lines))
        time.sleep(poll)


def box_shows(value: str):  # type: ignore[no-untyped-def]
    """A check: the search box (first line, after the '/ ' prompt) holds exactly ``value``."""

    def check(lines: list[str]) -> bool:
        if not lines:
            return False
        shown = lines[0][2:] if lines[0].startswith("/ ") else lines[0]
        if not value:  # an empty box shows its placeholder
            return shown.startswith("search:") or not shown.strip()
        return shown.startswith(value) and (len(shown) == len(value) or shown[len(value)] == " ")

    return check


def echo(key: str, value: str, timeout: float = 30.0) -> float:
    """Send one key; milliseconds until the box shows ``value``."""
    sent = time.monotonic()
    if key == "BSpace":
        tmux("send-keys", "-t", "echo", "BSpace")
    else:
        tmux("send-keys", "-t", "echo", "-l", key)
    seen, _ = wait(box_shows(value), timeout)
    return (seen - sent) * 1000


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    return {"n": len(ordered), "median_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
            "max_ms": round(ordered[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--medtui", default=str(Path(__file__).resolve().parents[1]
                                                / ".venv" / "bin" / "medtui"))
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--keys", type=int, default=60, help="most letters typed while reading")
    parser.add_argument("--every", type=float, default=0.25, help="seconds between keys")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--idle-keys", type=int, default=20,
                        help="letters typed and erased in the idle control (after the query)")
    parser.add_argument("--ready-timeout", type=float, default=300.0,
                        help="seconds to wait for Ready once the typing is done")
    args = parser.parse_args()
    width, height = args.size.split("x")
    dirs = [tempfile.mkdtemp(prefix="medtui-echo-") for _ in range(3)]
    env = " ".join(f"{name}={d}" for name, d in zip(
        ("MEDTUI_CACHE_DIR", "MEDTUI_DATA_DIR", "MEDTUI_CONFIG_DIR"), dirs, strict=True))
    result: dict[str, object] = {"folder": args.folder, "size": args.size,
                                 "load_before": os.getloadavg()}
    started = time.monotonic()
    tmux("new-session", "-d", "-s", "echo", "-x", width, "-y", height,
         f"env {env} {args.medtui} {args.folder}")
    CONTROL.start()
    try:
        seen, _ = wait(lambda lines: story_count(lines) > 0, args.timeout, poll=0.05)
        result["first_rows_s"] = round(seen - started, 2)
        tmux("send-keys", "-t", "echo", "/")
        wait(lambda lines: bool(lines) and lines[0].startswith("/"), 30)
        reading, typed, value = [], 0, ""
        letters = WORDS.replace(" ", "")
        while typed < args.keys and "Reading" in status(screen()):
            if len(value) >= 30:  # keep the value short: erase, timing each Backspace
                while value:
                    value = value[:-1]
                    reading.append(echo("BSpace", value))
                    time.sleep(args.every)
            value += letters[typed % len(letters)]
            reading.append(echo(value[-1], value))
            typed += 1
            time.sleep(args.every)
        result["echo_while_reading"] = summary(reading)
        result["load_during"] = os.getloadavg()
        done, _ = wait(lambda lines: "Reading" not in status(lines), args.timeout, poll=0.05)
        result["read_s"] = round(done - started, 2)
        if value:  # "/" in a box holding a query selects it (typing replaces it); in an
            tmux("send-keys", "-t", "echo", "/")  # empty box it would type a "/"
            time.sleep(0.3)
        query = "university"
        indexing = [echo(query[0], query[0])]
        for n in range(2, len(query) + 1):
            indexing.append(echo(query[n - 1], query[:n]))
        answered, lines = wait(lambda lines: bool(HITS.search(lines[0] if lines else "")),
                               args.timeout, poll=0.05)
        result["first_answer_s"] = round(answered - started, 2)
        result["first_answer_after_typing_s"] = round(answered - done, 2)
        result["first_answer_hint"] = HITS.search(lines[0]).group(0) + (  # type: ignore[union-attr]
            " so far" if "so far" in lines[0] else "")
        result["still_indexing"] = "Indexing" in status(lines)
        # Go on typing (a letter, then erasing it) while the index is built and copies
        # are searched: the second half of the load, measured like the first.
        typed = 0
        while typed < args.keys and "Ready" not in status(screen()):
            letter = letters[typed % len(letters)]
            indexing.append(echo(letter, query + letter))
            time.sleep(args.every)
            indexing.append(echo("BSpace", query))
            time.sleep(args.every)
            typed += 1
        result["echo_while_indexing"] = summary(indexing)
        try:
            ready, _ = wait(lambda lines: "Ready" in status(lines), args.ready_timeout, poll=0.2)
            result["ready_s"] = round(ready - started, 2)
        except TimeoutError:  # e.g. a hang after indexing (the control below runs anyway)
            result["ready_s"] = None
            result["never_ready_status"] = status(screen()).strip()
        tmux("send-keys", "-t", "echo", "/")  # control: the same keys with no work running
        time.sleep(0.5)
        idle = [echo(query[0], query[0])]
        for n in range(2, len(query) + 1):
            idle.append(echo(query[n - 1], query[:n]))
            time.sleep(args.every)
        for typed in range(args.idle_keys):  # as while indexing: a letter, then erasing it
            letter = letters[typed % len(letters)]
            idle.append(echo(letter, query + letter))
            time.sleep(args.every)
            idle.append(echo("BSpace", query))
            time.sleep(args.every)
        result["echo_idle"] = summary(idle)
        result["load_after"] = os.getloadavg()
    finally:
        CONTROL.stop()
        tmux("kill-server")
        for folder in dirs:
            shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
