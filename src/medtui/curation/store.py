"""The user's curation: read from and written to the ``curation:`` block of gazetteer.yaml.

The user's ``gazetteer.yaml`` (in the config folder) may hold two things: the
``institutions:`` list that extraction matches in the text (see
:mod:`medtui.extract.gazetteer`), and a ``curation:`` block that medtui writes when
the user fixes institutions from the keyboard. The curation is applied to the
extracted corpus after extraction (see :mod:`medtui.curation.apply`), so changing it
re-reads no document and keeps the per-document cache valid. The documented form::

    curation:
      institutions:                 # one entry per curated institution
        - id: riverside-university  # any unique id (medtui makes one from the name)
          name: Riverside University    # the name shown
          aliases:                  # other institutions, by name, merged into this one
            - Riverside Univ
        - id: northgate-clinic
          name: Northgate Clinic    # a name split off from the institution below
          split_from: Northgate Hospital
      not_institutions:             # names that are not institutions (hidden everywhere)
        - Annual Report

Only this block is written: the rest of the file (comments included) is kept as it
is, and the file is replaced atomically (written beside it, then renamed).
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from medtui.extract.names import name_key

BLOCK = "curation"
HEADER = (
    "# Written by medtui when you curate institutions (Institutions pane: m merge,\n"
    "# r rename, d split off a name, n not an institution, z undo). Edit it by hand if\n"
    "# you like: medtui applies it at launch without re-reading the documents.\n"
)


@dataclass(frozen=True)
class CuratedInstitution:
    """One curated institution: the name to show and the names (institutions) it absorbs.

    ``split_from``: set when ``name`` was split off that institution's names; the
    stories that use ``name`` (and not the other names) move to this institution.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    split_from: str | None = None

    def names(self) -> list[str]:
        """The name, then the aliases."""
        return [self.name, *self.aliases]

    def keys(self) -> set[str]:
        """:func:`name_key` of every name."""
        return {name_key(n) for n in self.names()}


@dataclass(frozen=True)
class Curation:
    """Every curated institution (in file order) and the names that are not institutions."""

    institutions: tuple[CuratedInstitution, ...] = ()
    not_institutions: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        """True when there is nothing to apply."""
        return not self.institutions and not self.not_institutions

    def entry_for(self, name: str) -> CuratedInstitution | None:
        """The entry whose name (not alias) has the same :func:`name_key` as ``name``."""
        key = name_key(name)
        return next((e for e in self.institutions if name_key(e.name) == key), None)

    def new_id(self, name: str) -> str:
        """An unused entry id made from ``name`` ('Riverside University' -> 'riverside-university')."""
        base = re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-") or "institution"
        taken = {e.id for e in self.institutions}
        found, n = base, 1
        while found in taken:
            n += 1
            found = f"{base}-{n}"
        return found

    def with_entry(self, entry: CuratedInstitution, *, drop: tuple[str, ...] = ()) -> Curation:
        """A copy with ``entry`` replacing the entry of the same id (or added last),
        and the entries whose ids are in ``drop`` removed."""
        kept = [e for e in self.institutions if e.id not in drop]
        at = next((i for i, e in enumerate(kept) if e.id == entry.id), None)
        if at is None:
            kept.append(entry)
        else:
            kept[at] = entry
        return replace(self, institutions=tuple(kept))


@dataclass
class CurationFile:
    """What was read from the file: the curation, warnings, and whether it may be written.

    ``writable`` is False when the file exists but could not be read or parsed:
    writing would then lose what the user wrote, so curation stays in memory only.
    """

    path: Path
    curation: Curation = field(default_factory=Curation)
    warnings: list[str] = field(default_factory=list)
    writable: bool = True


def _str_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return []


def parse_curation(data: Any, where: str) -> tuple[Curation, list[str]]:
    """The :class:`Curation` in a parsed YAML document (the whole file); warnings for bad parts.

    A file without a ``curation:`` block gives an empty curation and no warning.
    """
    warnings: list[str] = []
    block = data.get(BLOCK) if isinstance(data, dict) else None
    if block is None:
        return Curation(), warnings
    if not isinstance(block, dict):
        return Curation(), [f"{where}: 'curation' should hold 'institutions' and "
                            "'not_institutions'; it was ignored."]
    entries: list[CuratedInstitution] = []
    raw = block.get("institutions") or []
    if not isinstance(raw, list):
        warnings.append(f"{where}: 'curation: institutions' should be a list; ignored.")
        raw = []
    probe = Curation()
    for n, item in enumerate(raw, 1):
        name = str(item.get("name") or "").strip() if isinstance(item, dict) else ""
        if not name:
            warnings.append(f"{where}: curated institution {n} has no name; skipped.")
            continue
        entry_id = str(item.get("id") or "").strip() or probe.new_id(name)
        if any(e.id == entry_id for e in entries):
            entry_id = probe.new_id(entry_id)
        aliases = tuple(a for a in _str_list(item.get("aliases")) if name_key(a) != name_key(name))
        split = str(item["split_from"]).strip() if item.get("split_from") else None
        entries.append(CuratedInstitution(entry_id, name, aliases, split or None))
        probe = Curation(tuple(entries))
    return Curation(tuple(entries), tuple(_str_list(block.get("not_institutions")))), warnings


def read_curation(path: Path) -> CurationFile:
    """Read the curation in ``path``; a missing file is an empty curation.

    Never raises: an unreadable or malformed file gives one warning (naming the file
    and line) and ``writable=False``, so nothing the user wrote is overwritten.
    """
    from medtui.config import load_yaml_file

    found = CurationFile(path)
    try:
        if not path.exists():
            return found
    except OSError:
        pass
    data, warning = load_yaml_file(path)
    if warning:
        found.writable = False
        found.warnings.append(
            f"{warning} Institution curation is not applied, and new curation is kept "
            "for this session only, until the file is fixed."
        )
        return found
    if data is not None and not isinstance(data, (dict, list)):
        found.writable = False
        found.warnings.append(f"{path}: expected 'institutions:' and/or 'curation:'; "
                              "curation is kept for this session only.")
        return found
    if isinstance(data, list):  # the gazetteer's older form: a bare list of institutions
        found.writable = False
        found.warnings.append(f"{path} is a bare list of institutions: curation cannot be "
                              "added to it and is kept for this session only (put the list "
                              "under 'institutions:' to enable it).")
        return found
    found.curation, found.warnings = parse_curation(data, str(path))
    return found


def curation_data(curation: Curation) -> dict[str, Any]:
    """The ``curation:`` block as plain data, in the documented form (empty parts left out)."""
    items: list[dict[str, Any]] = []
    for e in curation.institutions:
        item: dict[str, Any] = {"id": e.id, "name": e.name}
        if e.aliases:
            item["aliases"] = list(e.aliases)
        if e.split_from:
            item["split_from"] = e.split_from
        items.append(item)
    block: dict[str, Any] = {}
    if items:
        block["institutions"] = items
    if curation.not_institutions:
        block["not_institutions"] = list(curation.not_institutions)
    return block


def _block_span(lines: list[str]) -> tuple[int, int] | None:
    """Where the top-level ``curation:`` block (with the header comment before it) is."""
    start = next((i for i, line in enumerate(lines) if re.match(rf"{BLOCK}\s*:", line)), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "\t", "-")
                                or lines[end].startswith("#") and not _next_is_top(lines, end)):
        end += 1
    head = start
    header = HEADER.splitlines(keepends=True)
    if lines[max(0, start - len(header)):start] == header:
        head = start - len(header)
    return head, end


def _next_is_top(lines: list[str], at: int) -> bool:
    """True when the first non-comment, non-blank line from ``at`` starts a top-level key."""
    for line in lines[at:]:
        if line.strip() and not line.startswith("#"):
            return not line[:1].isspace() and not line.startswith("-")
    return True


def render_file(old_text: str, curation: Curation) -> str:
    """``old_text`` with its ``curation:`` block replaced by ``curation``'s (or added last)."""
    lines = old_text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    block = curation_data(curation)
    new: list[str] = []
    if block:
        dumped = yaml.safe_dump({BLOCK: block}, sort_keys=False, allow_unicode=True,
                                default_flow_style=False, width=4096)
        new = [HEADER, dumped]
    span = _block_span(lines)
    if span is None:
        sep = ["\n"] if lines and new and lines[-1].strip() else []
        return "".join(lines + sep + new)
    head, end = span
    return "".join(lines[:head] + new + lines[end:])


def write_curation(path: Path, curation: Curation) -> None:
    """Save ``curation`` in ``path``'s ``curation:`` block, atomically; the rest is kept.

    Raises :class:`OSError` when the folder or file cannot be written.
    """
    try:
        old = path.read_text("utf-8")
    except FileNotFoundError:
        old = ""
    text = render_file(old, curation)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
