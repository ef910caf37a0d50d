"""The installed ``medtui`` command run as a separate process on the bundled seeds.

Only what any real pipeline gives is assumed (at least one story mentioning
"medical"); exact contents are tested in-process in test_cli.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medtui.pipeline import bundled_seeds

MEDTUI = [sys.executable, "-m", "medtui"]
ENV: dict[str, str] = {}


@pytest.fixture(autouse=True, scope="module")
def private_dirs(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the user's cache, data and config folders out of these runs."""
    base = tmp_path_factory.mktemp("medtui-home")
    ENV.clear()
    ENV.update(os.environ)
    ENV.pop("MEDTUI_DEBUG", None)
    ENV.update(NO_COLOR="1", MEDTUI_CACHE_DIR=str(base / "cache"),
               MEDTUI_DATA_DIR=str(base / "data"), MEDTUI_CONFIG_DIR=str(base / "config"))


def medtui(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MEDTUI, *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=ENV,
        stdin=subprocess.DEVNULL,
    )


def test_export_seeds(tmp_path: Path) -> None:
    proc = medtui("export", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no progress bar when stderr is not a terminal
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    assert len(data["stories"]) >= 1
    assert all(d["path"].startswith("seeds/") for d in data["documents"])


def test_search_seeds() -> None:
    proc = medtui("search", "medical", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["total"] >= 1 and data["hits"][0]["snippet"]


def test_search_nothing_exits_1() -> None:
    proc = medtui("search", "qqqzzzxxx")
    assert proc.returncode == 1
    assert proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1


def test_bad_path_exits_2_with_one_line(tmp_path: Path) -> None:
    proc = medtui("export", str(tmp_path / "missing"))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"medtui: No such file or folder: {tmp_path / 'missing'}."
    ]


def test_timeline_formats_on_seeds() -> None:
    csv_out = medtui("timeline", "--format", "csv")
    assert csv_out.returncode == 0
    assert csv_out.stdout.splitlines()[0].startswith("id,date,kind,parties")
    ics = subprocess.run([*MEDTUI, "timeline", "--format", "ics"], capture_output=True,
                         timeout=120, stdin=subprocess.DEVNULL, env=ENV)
    assert ics.returncode == 0 and ics.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert ics.stdout.endswith(b"END:VCALENDAR\r\n")
    assert json.loads(medtui("timeline", "--format", "json").stdout).keys() == {"events"}
    assert medtui("institutions", "--json").returncode == 0


def test_paths_relative_to_cwd(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    seed = next(p for p in sorted(bundled_seeds().iterdir()) if p.is_file())
    shutil.copy(seed, folder / seed.name)
    proc = medtui("export", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["documents"][0]["path"] == f"docs/{seed.name}"


def test_broken_pipe_has_no_traceback(tmp_path: Path) -> None:
    # Enough output to overflow the pipe buffer, so that writing fails after `head` quits.
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = [p for p in sorted(bundled_seeds().iterdir()) if p.is_file()]
    for n in range(6):
        for seed in seeds:
            shutil.copy(seed, folder / f"{n}_{seed.name}")
    proc = subprocess.Popen(
        [*MEDTUI, "export", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, env=ENV,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize("argv", [["--version"], ["export", "--help"]])
def test_help_exits_0(argv: list[str]) -> None:
    proc = medtui(*argv)
    assert proc.returncode == 0 and proc.stdout
