"""Curating while medtui runs: each operation is saved at once, applied at once, undoable.

:class:`Curator` turns the user's acts on institutions (as shown, after earlier
curation) into changes of the :class:`~medtui.curation.store.Curation`, writes the
user's gazetteer.yaml, and re-applies the curation to the corpus. No Textual here:
the UI calls these methods and redraws; tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from medtui.corpus.model import Corpus, Institution
from medtui.curation.apply import Applied, apply_curation
from medtui.curation.store import (
    CuratedInstitution,
    Curation,
    CurationFile,
    read_curation,
    write_curation,
)
from medtui.extract.names import name_key


@dataclass
class Outcome:
    """What one operation did: a sentence for the status line, and a warning if not saved."""

    message: str
    warning: str | None = None
    changed: bool = True


def _without(names: tuple[str, ...], *drop: str) -> tuple[str, ...]:
    gone = {name_key(d) for d in drop}
    return tuple(dict.fromkeys(n for n in names if name_key(n) not in gone))


def merged(curation: Curation, inst: Institution, target: Institution) -> Curation:
    """``inst`` (as shown) becomes one with ``target``: target's entry gains inst's names.

    The target's entry moves to the end of the list, so it is applied after whatever
    earlier entry made ``inst`` what it is now.
    """
    source_entry = curation.entry_for(inst.name)
    base = curation.entry_for(target.name) or CuratedInstitution(curation.new_id(target.name),
                                                                 target.name)
    extra: tuple[str, ...] = (inst.name,)
    drop: tuple[str, ...] = (base.id,)
    if source_entry is not None and not source_entry.split_from:
        extra += source_entry.aliases
        drop += (source_entry.id,)
    entry = replace(base, aliases=_without(base.aliases + extra, base.name))
    kept = tuple(e for e in curation.institutions if e.id not in drop)
    return replace(curation, institutions=(*kept, entry))


def renamed(curation: Curation, inst: Institution, name: str) -> Curation:
    """``inst`` is shown as ``name`` (its old name kept as an alias, so it still matches)."""
    entry = curation.entry_for(inst.name)
    if entry is None:
        entry = CuratedInstitution(curation.new_id(name), name, (inst.name,))
    else:
        entry = replace(entry, name=name, aliases=_without(entry.aliases + (entry.name,), name))
    return curation.with_entry(entry)


def split_off(curation: Curation, inst: Institution, name: str) -> Curation:
    """``name`` (one of ``inst``'s aliases) becomes an institution of its own."""
    entry = CuratedInstitution(curation.new_id(name), name, split_from=inst.name)
    return curation.with_entry(entry)


def not_an_institution(curation: Curation, inst: Institution) -> Curation:
    """``inst`` is hidden everywhere (its name joins ``not_institutions``)."""
    names = _without(curation.not_institutions, inst.name) + (inst.name,)
    return replace(curation, not_institutions=names)


class Curator:
    """The user's curation for one corpus: read at launch, changed, saved, undone."""

    def __init__(self, corpus: Corpus, found: CurationFile) -> None:
        self.corpus = corpus
        self.path = found.path
        self.curation = found.curation
        self.writable = found.writable
        self.history: list[Curation] = []
        self.applied: Applied = apply_curation(corpus, self.curation)

    @classmethod
    def open(cls, corpus: Corpus, path: Path) -> Curator:
        """Read ``path`` and apply its curation to ``corpus``."""
        return cls(corpus, read_curation(path))

    def _inst(self, inst_id: str) -> Institution:
        inst = self.corpus.institution(inst_id)
        if inst is None:
            raise KeyError(f"no institution {inst_id}")
        return inst

    def _commit(self, new: Curation, message: str) -> Outcome:
        if new == self.curation:
            return Outcome("Nothing to change.", changed=False)
        self.history.append(self.curation)
        return self._use(new, message)

    def _use(self, new: Curation, message: str) -> Outcome:
        self.curation = new
        self.applied = apply_curation(self.corpus, new)
        return Outcome(message, self.save())

    def save(self) -> str | None:
        """Write the curation; a warning sentence when it could not be (it stays applied)."""
        if not self.writable:
            again = read_curation(self.path)  # fixed by hand since launch?
            if not again.writable:
                return (f"Curation not saved: {self.path} has a problem (press w); "
                        "it is kept for this session.")
            self.writable = True
        try:
            write_curation(self.path, self.curation)
        except OSError as exc:
            return (f"Curation not saved: cannot write {self.path} "
                    f"({exc.strerror or exc}); it is kept for this session.")
        return None

    def merge(self, inst_id: str, target_id: str) -> Outcome:
        """Merge institution ``inst_id`` into ``target_id`` (ids as shown now)."""
        inst, target = self._inst(inst_id), self._inst(target_id)
        if inst.id == target.id:
            return Outcome("An institution cannot be merged into itself.", changed=False)
        return self._commit(merged(self.curation, inst, target),
                            f"Merged {inst.name} into {target.name}.")

    def rename(self, inst_id: str, name: str) -> Outcome:
        """Show ``inst_id`` under ``name``."""
        inst, name = self._inst(inst_id), " ".join(name.split())
        if not name or name == inst.name:
            return Outcome("Nothing to change.", changed=False)
        key = name_key(name)
        other = next((i for i in self.corpus.institutions if i.id != inst.id and key in
                      {name_key(n) for n in (i.name, *i.aliases)}), None)
        if other is not None:  # the same name is the same institution: that is a merge
            return Outcome(f"{name} is already a name of {other.name}: m merges the two.", changed=False)
        return self._commit(renamed(self.curation, inst, name), f"Renamed {inst.name} to {name}.")

    def split(self, inst_id: str, name: str) -> Outcome:
        """Make ``name``, one of ``inst_id``'s aliases, an institution of its own."""
        inst = self._inst(inst_id)
        if name_key(name) not in {name_key(a) for a in inst.aliases}:
            return Outcome(f"{name} is not one of {inst.name}'s other names.", changed=False)
        return self._commit(split_off(self.curation, inst, name),
                            f"Split {name} off {inst.name}.")

    def not_institution(self, inst_id: str) -> Outcome:
        """Hide ``inst_id`` everywhere: it is not an institution."""
        inst = self._inst(inst_id)
        return self._commit(not_an_institution(self.curation, inst),
                            f"{inst.name} is not an institution: hidden.")

    def undo(self) -> Outcome:
        """Go back to the curation before the last operation of this session."""
        if not self.history:
            return Outcome("Nothing to undo.", changed=False)
        return self._use(self.history.pop(), "Undone.")
