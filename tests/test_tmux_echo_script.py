"""scripts/echo_latency.py, the real-terminal measure of first rows and key echo, runs
end to end on the bundled seeds through its one tmux control-mode client (figures are
not judged here: machines are shared; only that every phase was measured)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

ROOT = Path(__file__).resolve().parents[1]


def test_echo_script_measures_every_phase_on_the_seeds() -> None:
    medtui = Path(sys.executable).with_name("medtui")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "echo_latency.py"), str(ROOT / "seeds"),
         "--medtui", str(medtui), "--size", "120x40", "--keys", "2", "--idle-keys", "2",
         "--every", "0.05", "--timeout", "120", "--ready-timeout", "60"],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["first_rows_s"] > 0 and result["ready_s"] is not None
    assert result["first_answer_hint"].endswith(("hit", "hits"))
    idle = result["echo_idle"]
    assert idle["n"] == len("university") + 2 * 2  # the query, then each letter typed and erased
    assert 0 < idle["median_ms"] <= idle["max_ms"]
