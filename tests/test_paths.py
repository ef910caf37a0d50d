"""medtui.paths: platformdirs defaults, environment overrides, ensure_dir."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import medtui.paths as paths

ENV = {
    "MEDTUI_CONFIG_DIR": paths.config_dir,
    "MEDTUI_DATA_DIR": paths.data_dir,
    "MEDTUI_CACHE_DIR": paths.cache_dir,
}


@pytest.mark.parametrize("variable", sorted(ENV))
def test_env_override_is_honoured(variable: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(variable, str(tmp_path / "custom"))
    assert ENV[variable]() == tmp_path / "custom"


@pytest.mark.parametrize("variable", sorted(ENV))
def test_unset_or_empty_env_falls_back_to_platformdirs(variable: str, monkeypatch) -> None:
    monkeypatch.setenv(variable, "")
    default = ENV[variable]()
    assert default.name == "medtui"
    assert default.is_absolute()
    monkeypatch.delenv(variable)
    assert ENV[variable]() == default


def test_the_three_defaults_are_distinct(monkeypatch) -> None:
    for variable in ENV:
        monkeypatch.delenv(variable, raising=False)
    assert len({paths.config_dir(), paths.data_dir(), paths.cache_dir()}) == 3


def test_tilde_is_expanded(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("MEDTUI_DATA_DIR", "~/state")
    assert paths.data_dir() == tmp_path / "state"


def test_nothing_is_created_at_import_or_lookup(monkeypatch, tmp_path: Path) -> None:
    for n, variable in enumerate(ENV):
        monkeypatch.setenv(variable, str(tmp_path / f"d{n}"))
    importlib.reload(paths)
    paths.config_dir(), paths.data_dir(), paths.cache_dir()
    assert list(tmp_path.iterdir()) == []


def test_ensure_dir_creates_nested_directories(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c"
    assert paths.ensure_dir(target) == target
    assert target.is_dir()
    assert paths.ensure_dir(target) == target  # already there: still fine


def test_ensure_dir_returns_none_below_a_regular_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a directory")
    assert paths.ensure_dir(blocker / "sub") is None
    assert paths.ensure_dir(blocker) is None
    assert blocker.read_text() == "not a directory"
