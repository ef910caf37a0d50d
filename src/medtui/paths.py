"""Where medtui keeps its files: the user's config, data and cache directories.

The defaults come from :mod:`platformdirs` (``~/.config/medtui``,
``~/.local/share/medtui`` and ``~/.cache/medtui`` on Linux), and each can be
overridden with an environment variable so that tests, portable installs and
read-only homes can point medtui elsewhere:

``MEDTUI_CONFIG_DIR``, ``MEDTUI_DATA_DIR``, ``MEDTUI_CACHE_DIR``.

Nothing here touches the disk at import time; :func:`ensure_dir` creates a
directory on demand and reports failure by returning ``None`` instead of raising,
so callers can fall back (for example, to in-memory state).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "medtui"

CONFIG_ENV = "MEDTUI_CONFIG_DIR"
DATA_ENV = "MEDTUI_DATA_DIR"
CACHE_ENV = "MEDTUI_CACHE_DIR"


def _override(variable: str) -> Path | None:
    """The directory named by an environment variable, or ``None`` when unset or empty."""
    value = os.environ.get(variable, "").strip()
    if not value:
        return None
    return Path(value).expanduser()


def config_dir() -> Path:
    """The directory holding ``config.yaml`` and the user's ``gazetteer.yaml`` (not created)."""
    return _override(CONFIG_ENV) or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file_label() -> str:
    """Where ``config.yaml`` is, as a user would type it: ``$MEDTUI_CONFIG_DIR/config.yaml``
    when that variable is set, else the platform's folder with the home folder as ``~``."""
    if _override(CONFIG_ENV) is not None:
        return f"${CONFIG_ENV}/config.yaml"
    path = config_dir() / "config.yaml"
    try:
        return f"~/{path.relative_to(Path.home())}"
    except (ValueError, RuntimeError):  # not under home, or no home at all
        return str(path)


def data_dir() -> Path:
    """The directory holding the reader state database (not created)."""
    return _override(DATA_ENV) or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The directory holding caches that can be rebuilt at will, e.g. indexes (not created)."""
    return _override(CACHE_ENV) or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def ensure_dir(path: str | os.PathLike[str]) -> Path | None:
    """Create ``path`` (and its parents) if needed; return it, or ``None`` if it is not writable.

    Returns ``None`` rather than raising so that a read-only home directory, a path
    that runs through a regular file, or a permission problem degrades medtui
    gracefully instead of stopping it.
    """
    target = Path(path)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError):
        return None
    if not target.is_dir() or not os.access(target, os.W_OK | os.X_OK):
        return None
    return target
