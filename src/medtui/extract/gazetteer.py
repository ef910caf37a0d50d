"""The gazetteer: known institutions and their names, from YAML data users can extend.

The shipped file is ``medtui/data/gazetteer.yaml``; a user adds ``gazetteer.yaml`` in
their config folder (or files named in config). Entries with a known id add names to
it; new ids add institutions. Problems in a user's file become warnings, not crashes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from medtui.corpus.model import INSTITUTION_KINDS
from medtui.extract.names import name_key

_ENTRY_KEYS = {"id", "name", "kind", "aliases", "former_names", "parent", "context"}


@dataclass
class GazetteerEntry:
    """One known institution."""

    id: str
    name: str
    kind: str = "other"
    aliases: list[str] = field(default_factory=list)
    former_names: list[str] = field(default_factory=list)
    parent: str | None = None
    context: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        """Canonical name, aliases and former names, each once, in that order."""
        out: list[str] = []
        for n in [self.name, *self.aliases, *self.former_names]:
            if n and n not in out:
                out.append(n)
        return out

    def needs_context(self, name: str) -> bool:
        """A bare alias ("First Affiliated Hospital") counts only where a context name appears."""
        return bool(self.context) and not any(c.casefold() in name.casefold() for c in self.context)


@dataclass
class Gazetteer:
    """All entries, with lookups by id and by name key."""

    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    fingerprint: str = ""

    def by_key(self) -> dict[str, str]:
        """Map name_key(name) -> entry id for every name of every entry (first entry wins)."""
        cache = self.__dict__.get("_by_key")
        if cache is None:
            cache = {}
            for entry in self.entries.values():
                for n in entry.names():
                    cache.setdefault(name_key(n), entry.id)
            self.__dict__["_by_key"] = cache
        return cache

    def lookup(self, name: str) -> str | None:
        """The id of the entry that has this name, or None."""
        return self.by_key().get(name_key(name))


def _str_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return []


def _merge(gaz: Gazetteer, raw: object, source: str) -> None:
    if isinstance(raw, dict) and "institutions" not in raw and "curation" in raw:
        return  # only the user's curation (medtui.curation), applied after extraction
    items = raw.get("institutions") if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        gaz.warnings.append(f"{source}: expected a list under 'institutions'; file ignored.")
        return
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not item.get("name") and not item.get("id"):
            gaz.warnings.append(f"{source}: entry {n} has no name; skipped.")
            continue
        unknown = set(item) - _ENTRY_KEYS
        if unknown:
            gaz.warnings.append(f"{source}: entry {n} has unknown keys {sorted(unknown)}; ignored.")
        entry_id = str(item.get("id") or name_key(str(item["name"])).replace(" ", "_"))
        kind = str(item.get("kind") or "other")
        if kind not in INSTITUTION_KINDS:
            gaz.warnings.append(f"{source}: entry {entry_id} has unknown kind {kind!r}; using 'other'.")
            kind = "other"
        existing = gaz.entries.get(entry_id)
        if existing is None:
            gaz.entries[entry_id] = GazetteerEntry(
                id=entry_id,
                name=str(item.get("name") or entry_id),
                kind=kind,
                aliases=_str_list(item.get("aliases")),
                former_names=_str_list(item.get("former_names")),
                parent=str(item["parent"]) if item.get("parent") else None,
                context=_str_list(item.get("context")),
            )
            continue
        if item.get("name"):
            existing.name = str(item["name"])
        if item.get("kind"):
            existing.kind = kind
        existing.aliases += [a for a in _str_list(item.get("aliases")) if a not in existing.aliases]
        existing.former_names += [
            a for a in _str_list(item.get("former_names")) if a not in existing.former_names
        ]
        if item.get("parent"):
            existing.parent = str(item["parent"])


def safe_load(text: str) -> Any:
    """Plain YAML data only (as ``yaml.safe_load``), with libyaml's C parser when present.

    The C parser reads the shipped gazetteer in ~30 ms instead of ~300 ms: it is read
    on every launch, to fingerprint the cache.
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, C or Python


def _extraction_part(text: str, data: Any) -> bytes:
    """What of a user's file extraction depends on: all of it but the ``curation:`` block
    (applied after extraction, so curating keeps cached results valid)."""
    if not isinstance(data, dict) or "curation" not in data:
        return text.encode()
    rest = {k: v for k, v in data.items() if k != "curation"}
    return json.dumps(rest, sort_keys=True, default=str).encode()


def load_gazetteer(extra_files: Iterable[Path] = ()) -> Gazetteer:
    """The shipped gazetteer plus the user's files; bad user files become warnings."""
    gaz = Gazetteer()
    digest = hashlib.sha256()
    shipped = resources.files("medtui").joinpath("data/gazetteer.yaml").read_text("utf-8")
    digest.update(shipped.encode())
    _merge(gaz, safe_load(shipped), "gazetteer.yaml (shipped)")
    for path in extra_files:
        with contextlib.suppress(OSError):  # errors are reported by the read below
            if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block for ever
                gaz.warnings.append(f"{path}: not a regular file; using the shipped gazetteer.")
                continue
        try:
            text = Path(path).read_text("utf-8")
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as exc:
            gaz.warnings.append(f"{path}: cannot be read ({exc}); using the shipped gazetteer.")
            continue
        try:
            data = safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or "not valid YAML"
            gaz.warnings.append(f"{path}:{where}: {problem}; this file was ignored.")
            continue
        if data is None:
            continue
        digest.update(_extraction_part(text, data))
        _merge(gaz, data, str(path))
    gaz.fingerprint = digest.hexdigest()[:16]
    return gaz
