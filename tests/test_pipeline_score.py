"""The seed documents scored against the shared gold file, strictly.

`medtui export --format json` is piped into ../shared/tools/score_extraction.py with
--strict, as the project's outside checks do; and again with an empty gazetteer, since
the extraction must find the seeds' institutions and events from the text alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from medtui import inputs, pipeline
from medtui.export import export_corpus
from medtui.extract.gazetteer import load_gazetteer
from medtui.extract.mentions import GazetteerMatcher

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
GOLD = SHARED / "gold" / "seeds.yaml"

pytestmark = pytest.mark.skipif(
    not (SCORER.is_file() and GOLD.is_file()),
    reason=f"the shared scorer and gold file are not beside the repository ({SHARED} is absent)",
)


def _isolated_env(tmp_path: Path) -> dict[str, str]:
    """The environment with empty user folders: no user's gazetteer or config counts."""
    env = dict(os.environ)
    for name in ("CONFIG", "DATA", "CACHE"):
        folder = tmp_path / name.lower()
        folder.mkdir(exist_ok=True)
        env[f"MEDTUI_{name}_DIR"] = str(folder)
    env.pop("NO_COLOR", None)
    return env


def _score(export_json: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), "-", "--strict"],
        input=export_json, capture_output=True, text=True, env=env, timeout=120, check=False,
    )


def test_cli_export_scores_perfectly(tmp_path: Path) -> None:
    env = _isolated_env(tmp_path)
    export = subprocess.run(
        [sys.executable, "-m", "medtui", "export", "--format", "json"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    assert export.returncode == 0, export.stderr
    data = json.loads(export.stdout)
    assert data["version"] == 1 and len(data["documents"]) == 5
    result = _score(export.stdout, env)
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary.startswith("OK | stories 12/12, inst F1 1.00, events 9/9 prec 1.00, dates 12/12+9/9, leaks 0")


def test_seeds_score_perfectly_without_any_gazetteer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = _isolated_env(tmp_path)
    for key in ("MEDTUI_CONFIG_DIR", "MEDTUI_DATA_DIR", "MEDTUI_CACHE_DIR"):
        monkeypatch.setenv(key, env[key])
    gazetteer = load_gazetteer()
    gazetteer.entries.clear()
    matcher = GazetteerMatcher(gazetteer)
    # Every matcher the pipeline builds (for the main process and for workers) comes from here.
    monkeypatch.setattr(inputs, "matcher_for", lambda files: matcher)
    corpus = pipeline.load_corpus(workers=1, cache=False)  # cached results would hold the gazetteer's
    assert all(i.source == "discovered" for i in corpus.institutions)
    result = _score(json.dumps(export_corpus(corpus)), env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("OK | stories 12/12")
