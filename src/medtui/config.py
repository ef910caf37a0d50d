"""The user's settings: ``config.yaml`` in :func:`medtui.paths.config_dir`.

Config file format
------------------
``config.yaml`` lives in the config directory (``~/.config/medtui`` on Linux, or
``$MEDTUI_CONFIG_DIR``). Every section is optional; a missing file means defaults::

    # Textual theme name (e.g. textual-dark, textual-light, nord, gruvbox).
    theme: textual-dark

    # Rebind keys: binding id -> key, or several keys separated by commas.
    # Key names are Textual's: "ctrl+f", "j", "down", "f1", "question_mark", "shift+tab".
    # Press F1 in medtui to see every binding id.
    keymap:
      search.focus: ctrl+f
      list.down: j,down
      story.star: s

    # Extra gazetteer files (institution names and aliases), in the gazetteer's
    # YAML format. Relative paths are relative to this file's folder; ~ is expanded.
    # A file called gazetteer.yaml next to config.yaml is always picked up too
    # (first, unless it is listed here).
    gazetteer:
      - ~/medtui/hk-institutions.yaml
      - extra-hospitals.yaml

The file is read with ``yaml.safe_load`` only, so object tags such as
``!!python/object`` are refused. Problems never stop medtui: a malformed file
gives one warning naming the file and line and all defaults are used; an unknown
setting or a value of the wrong type gives a warning and that setting keeps its
default. The warnings are collected in :attr:`Config.warnings` for the UI to show.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from medtui.paths import config_dir

CONFIG_FILE = "config.yaml"
USER_GAZETTEER_FILE = "gazetteer.yaml"
KNOWN_SETTINGS = ("theme", "keymap", "gazetteer")


@dataclass
class Config:
    """The settings medtui runs with, plus any warnings met while reading them."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> Textual key string, several keys comma-separated (``"j,down"``)."""
    theme: str | None = None
    gazetteer_paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    path: Path | None = None
    """The config file that was read, or ``None`` when there was none."""

    def check_keymap(self, known_ids: Iterable[str]) -> list[str]:
        """Warnings for keymap entries whose binding id is not in ``known_ids``.

        The config layer cannot know the UI's binding ids (it must not import the
        UI), so the UI calls this once it has built its bindings.
        """
        known = set(known_ids)
        unknown = sorted(bid for bid in self.keymap if bid not in known)
        if not unknown:
            return []
        where = self.path or CONFIG_FILE
        return [f"Unknown binding id(s) in the keymap of {where}: {', '.join(unknown)}."]


def load_yaml_file(path: str | Path) -> tuple[Any | None, str | None]:
    """Read a YAML file safely; return ``(data, None)`` or ``(None, one-sentence warning)``.

    Only plain YAML data is accepted (``yaml.safe_load``). The warning names the
    file and, for syntax errors, the line and column, so the gazetteer loader and
    the config loader report problems the same way. An empty file gives ``(None, None)``.
    """
    path = Path(path)
    with contextlib.suppress(OSError):  # errors are reported by the read below
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block the read for ever
            return None, f"Could not read {path}: it is not a regular file."
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, f"Could not read {path}: {exc.strerror or exc}."
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, f"Could not read {path}: it is not UTF-8 text (byte {exc.start})."
    try:
        return yaml.safe_load(text), None
    except yaml.MarkedYAMLError as exc:
        return None, _marked_error(path, exc)
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "invalid YAML"
        return None, f"Could not parse {path}: {first}."
    except RecursionError:
        return None, f"Could not parse {path}: it is nested too deeply."


def _marked_error(path: Path, exc: yaml.MarkedYAMLError) -> str:
    """One sentence for a YAML error that knows where it happened."""
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    if "constructor for the tag" in problem:
        found = re.search(r"'([^']*)'", problem)
        tag = found.group(1).replace("tag:yaml.org,2002:", "!!") if found else "?"
        problem = f"the tag {tag} is not allowed (only plain YAML data is accepted)"
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return f"Could not parse {path}: {problem}."
    return f"Could not parse {path} at line {mark.line + 1}, column {mark.column + 1}: {problem}."


def load_config(path: str | Path | None = None) -> Config:
    """Read the user's settings; never raises for a bad file, it warns and uses defaults.

    ``path`` defaults to ``config.yaml`` in :func:`config_dir`; a missing default
    file is normal (no warning), a missing explicitly given file is warned about.
    ``gazetteer.yaml`` next to the config file is added to ``gazetteer_paths``.
    """
    explicit = path is not None
    file = Path(path) if path is not None else config_dir() / CONFIG_FILE
    config = Config()
    if _exists(file):
        data, warning = load_yaml_file(file)
        if warning:
            config.warnings.append(f"{warning} Using default settings.")
        else:
            config.path = file
            _apply(config, data, file)
    elif explicit:
        config.warnings.append(f"Config file {file} does not exist; using default settings.")
    _add_user_gazetteer(config, file.parent / USER_GAZETTEER_FILE)
    return config


def _exists(path: Path) -> bool:
    """``path.exists()``, but a permission problem counts as existing (so it gets reported)."""
    try:
        return path.exists()
    except OSError:
        return True


def _is_file(path: Path) -> bool:
    """``path.is_file()`` that answers False instead of raising on a permission problem."""
    try:
        return path.is_file()
    except OSError:
        return False


def _apply(config: Config, data: Any, file: Path) -> None:
    """Copy the settings found in ``data`` into ``config``, warning about anything wrong."""
    if data is None:
        return
    if not isinstance(data, dict):
        config.warnings.append(
            f"{file} should hold settings as 'name: value' lines, not a {_kind(data)}; "
            "using default settings."
        )
        return
    unknown = sorted(str(k) for k in data if k not in KNOWN_SETTINGS)
    if unknown:
        config.warnings.append(
            f"Unknown setting(s) in {file}: {', '.join(unknown)} "
            f"(known settings: {', '.join(KNOWN_SETTINGS)})."
        )
    if "theme" in data:
        config.theme = _parse_theme(data["theme"], file, config.warnings)
    if "keymap" in data:
        config.keymap = _parse_keymap(data["keymap"], file, config.warnings)
    if "gazetteer" in data:
        config.gazetteer_paths = _parse_gazetteer(data["gazetteer"], file, config.warnings)


def _kind(value: Any) -> str:
    """A user-facing name for the YAML type of ``value``."""
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return type(value).__name__


def _parse_theme(value: Any, file: Path, warnings: list[str]) -> str | None:
    """``theme:`` must be a string; empty or null means the default theme."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip()
    warnings.append(f"In {file}, 'theme' should be a theme name, not a {_kind(value)}; ignored.")
    return None


def _parse_keymap(value: Any, file: Path, warnings: list[str]) -> dict[str, str]:
    """``keymap:`` maps binding ids to key strings; bad entries are skipped with a warning."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        warnings.append(
            f"In {file}, 'keymap' should map binding ids to keys, not be a {_kind(value)}; ignored."
        )
        return {}
    keymap: dict[str, str] = {}
    for binding_id, keys in value.items():
        if not isinstance(binding_id, str) or not binding_id.strip():
            warnings.append(f"In {file}, keymap entry {binding_id!r} is not a binding id; ignored.")
            continue
        parsed = _parse_keys(keys)
        if parsed is None:
            warnings.append(
                f"In {file}, keymap entry {binding_id!r} should be a key like 'ctrl+f' "
                f"or keys like 'j,down', not {keys!r}; ignored."
            )
            continue
        keymap[binding_id.strip()] = parsed
    return keymap


def _parse_keys(value: Any) -> str | None:
    """Normalise ``"j, down"`` or ``["j", "down"]`` to ``"j,down"``; ``None`` when invalid."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):  # YAML reads a bare digit key such as 1 as a number
        value = str(value)
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        parts = [str(v) for v in value if not isinstance(v, bool)]
        if len(parts) != len(value):
            return None
    else:
        return None
    keys = [p.strip() for p in parts]
    if not keys or any(not k or not k.isprintable() or any(c.isspace() for c in k) for k in keys):
        return None
    return ",".join(keys)


def _parse_gazetteer(value: Any, file: Path, warnings: list[str]) -> list[Path]:
    """``gazetteer:`` is a list of file paths; missing files are warned about and dropped."""
    if value is None:
        return []
    if not isinstance(value, list):
        warnings.append(
            f"In {file}, 'gazetteer' should be a list of file paths, not a {_kind(value)}; ignored."
        )
        return []
    paths: list[Path] = []
    for entry in value:
        if not isinstance(entry, str) or not entry.strip():
            warnings.append(f"In {file}, gazetteer entry {entry!r} is not a file path; ignored.")
            continue
        candidate = Path(entry.strip()).expanduser()
        if not candidate.is_absolute():
            candidate = file.parent / candidate
        if not _is_file(candidate):
            warnings.append(f"Gazetteer file {candidate} (listed in {file}) does not exist.")
            continue
        if candidate not in paths:
            paths.append(candidate)
    return paths


def _add_user_gazetteer(config: Config, candidate: Path) -> None:
    """Put ``gazetteer.yaml`` from the config folder first, if it exists and is not listed."""
    if _is_file(candidate) and candidate not in config.gazetteer_paths:
        config.gazetteer_paths.insert(0, candidate)
