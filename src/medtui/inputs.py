"""Where the documents and the gazetteer come from: the bundled seeds when no path is
given, the user's gazetteer files, and the matcher built from them (once per process).

Used by :mod:`medtui.pipeline` (and the worker processes it starts), the CLI and the app.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from medtui.corpus.reader import InputFile, discover_files
from medtui.extract.gazetteer import load_gazetteer
from medtui.extract.mentions import GazetteerMatcher


def bundled_seeds() -> Path:
    """The folder of seed documents shipped with medtui (the default corpus)."""
    here = Path(__file__).resolve().parent
    packaged = here / "seeds"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "seeds"


def gazetteer_files() -> list[Path]:
    """The user's gazetteer files: gazetteer.yaml in the config folder, plus config's list."""
    try:
        from medtui.config import load_config
        from medtui.paths import config_dir
    except ImportError:  # pragma: no cover - during development only
        return []
    files = [config_dir() / "gazetteer.yaml"]
    with contextlib.suppress(Exception):  # config problems are reported by the config loader
        files = list(dict.fromkeys([*files, *load_config().gazetteer_paths]))
    return files


@lru_cache(maxsize=4)
def matcher_for(files: tuple[Path, ...]) -> GazetteerMatcher:
    """The gazetteer matcher for the shipped gazetteer plus ``files`` (built once per set)."""
    return GazetteerMatcher(load_gazetteer(files))


def default_matcher() -> GazetteerMatcher:
    """The gazetteer matcher for the shipped gazetteer plus the user's files (built once)."""
    return matcher_for(tuple(gazetteer_files()))


def discover_inputs(paths: Sequence[str | Path] | None) -> tuple[list[Path | str], list[InputFile], list[str]]:
    """The roots to read (the bundled seeds when ``paths`` is empty), their files, warnings."""
    seeds = bundled_seeds()
    roots: list[Path | str] = list(paths) if paths else [seeds]
    files, warnings = discover_files(roots, seeds_root=None if paths else seeds)
    return roots, files, warnings
