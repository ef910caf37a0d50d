"""Shared test set-up: no test reads or writes the user's real cache folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets an empty cache folder of its own (tests may point it elsewhere)."""
    monkeypatch.setenv("MEDTUI_CACHE_DIR", str(tmp_path / "medtui-cache"))
    if "MEDTUI_CONFIG_DIR" not in os.environ:  # nor the user's gazetteer and curation
        monkeypatch.setenv("MEDTUI_CONFIG_DIR", str(tmp_path / "medtui-config"))
