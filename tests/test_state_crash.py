"""Reader state under SIGKILL and concurrent writers (subprocesses: tests/helpers/state_writer.py).

Every key the writer printed had been acknowledged by ``set_starred``; it must be in
the database after the writer is killed at an arbitrary moment, and the database
must pass SQLite's full integrity check.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from medtui.state.store import ReaderState

WRITER = Path(__file__).parent / "helpers" / "state_writer.py"
KILLS = 100


def start_writer(db: Path, prefix: str, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), prefix, str(count), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def test_acknowledged_stars_survive_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    acknowledged: set[str] = set()
    for run in range(KILLS):
        proc = start_writer(db, f"r{run}", 0)
        assert proc.stdout is not None
        if run % 2:
            # Kill at any moment, including while the database is being opened/created.
            time.sleep(rng.uniform(0.0, 0.25))
        else:
            # Kill in the middle of the write loop.
            first = proc.stdout.readline()
            if first.endswith("\n"):
                acknowledged.add(first.strip())
            time.sleep(rng.uniform(0.0, 0.02))
        proc.send_signal(signal.SIGKILL)
        rest, errors = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, f"seed {seed}, run {run}: {errors.strip()}"
        acknowledged.update(line for line in rest.split("\n")[:-1] if line)

    assert integrity(db) == ["ok"], f"seed {seed}"
    assert not list(tmp_path.glob("*.corrupt-*")), f"seed {seed}: a crash damaged the file"
    with ReaderState(db) as state:
        assert state.warning is None
        stored = state.starred()
    assert len(acknowledged) > KILLS // 2, "the writer was killed before doing anything"
    missing = acknowledged - stored
    assert not missing, f"seed {seed}: {len(missing)} acknowledged keys lost, e.g. {min(missing)}"


def test_two_writer_processes_at_once(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    counts = {"a": 400, "b": 401}
    procs = {p: start_writer(db, p, n, "--toggle", "shared") for p, n in counts.items()}
    outputs = {p: proc.communicate(timeout=120) for p, proc in procs.items()}
    for prefix, proc in procs.items():
        assert proc.returncode == 0, outputs[prefix][1]
        assert outputs[prefix][0].split() == [f"{prefix}-{i}" for i in range(counts[prefix])]

    assert integrity(db) == ["ok"]
    with ReaderState(db) as state:
        stored = state.starred()
    expected = {f"{p}-{i}" for p, n in counts.items() for i in range(n)}
    assert expected <= stored
    # 801 toggles in total: only if every toggle was atomic is the shared key starred.
    assert ("shared" in stored) is (sum(counts.values()) % 2 == 1)
