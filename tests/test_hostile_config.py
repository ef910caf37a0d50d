"""Hostile configuration files: a FIFO, a folder or binary junk where YAML should be.

(tests/test_config.py covers malformed YAML; these are the files that are not files.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.hang import within
from medtui.config import load_config
from medtui.extract.gazetteer import load_gazetteer


@pytest.fixture
def cfg_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("MEDTUI_CONFIG_DIR", str(folder))
    return folder


@pytest.mark.parametrize("make", [os.mkfifo, os.mkdir], ids=["fifo", "folder"])
def test_config_file_that_is_not_a_file_is_a_warning(cfg_dir: Path, make) -> None:
    make(cfg_dir / "config.yaml")
    config = within(20, load_config)
    assert config.keymap == {} and config.theme is None
    assert any("config.yaml" in w and "not a regular file" in w for w in config.warnings)


@pytest.mark.parametrize("make", [os.mkfifo, os.mkdir], ids=["fifo", "folder"])
def test_gazetteer_file_that_is_not_a_file_is_a_warning(tmp_path: Path, make) -> None:
    make(tmp_path / "gazetteer.yaml")
    gazetteer = within(20, lambda: load_gazetteer([tmp_path / "gazetteer.yaml"]))
    assert gazetteer.entries  # the shipped gazetteer is still there
    assert [w for w in gazetteer.warnings if "not a regular file" in w]


def test_binary_gazetteer_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "gazetteer.yaml").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    gazetteer = within(20, lambda: load_gazetteer([tmp_path / "gazetteer.yaml"]))
    assert gazetteer.entries and len(gazetteer.warnings) == 1
