"""Apply a :class:`~medtui.curation.store.Curation` to an extracted corpus, in place.

Why after extraction rather than in it: every curation (merge, rename, split off a
name, not an institution) is about institutions extraction already found, so it can
be applied to the corpus in well under a second, without re-reading a document; the
per-document cache and the saved search index stay valid. The corpus as extracted is
kept (the institutions, each story's institution ids, the events), so a changed
curation (or an undo) is re-applied from it, never on top of an earlier one.

Rules, in this order:

1. Each curated institution, in file order: every institution whose name has the
   same :func:`~medtui.extract.names.name_key` as the entry's name or one of its
   aliases becomes one institution, shown under the entry's name (the id kept is
   that of the institution already called so, else the first found). Stories and
   event parties follow.
2. An entry with ``split_from`` takes its name away from that institution's
   aliases: a story (or an event's evidence) that uses the name and none of the
   institution's other names moves to the new institution; one that uses both has both.
3. Institutions named in ``not_institutions`` are removed from the lists, the
   stories and the events; an event left without parties is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from medtui.corpus.model import Corpus, Event, Institution
from medtui.curation.store import CuratedInstitution, Curation
from medtui.extract.names import name_key

RAW = "_curation_raw"
APPLIED = "_curation_applied"
"""Keys in ``corpus.__dict__`` (leading ``_``: never saved with a snapshot)."""
SPLIT_PREFIX = "c:"
"""Ids of institutions made by splitting a name off: ``c:<entry id>``."""


@dataclass
class RawState:
    """The corpus's curable parts as extracted: institutions, story institution ids, events."""

    institutions: list[Institution]
    story_institutions: dict[str, list[str]]
    events: list[Event]


@dataclass
class Applied:
    """What applying did: which extracted ids each institution now stands for, which went."""

    curation: Curation
    origins: dict[str, list[str]] = field(default_factory=dict)
    """Institution id -> the extracted institution ids merged into it (itself first)."""
    hidden: set[str] = field(default_factory=set)
    """Extracted institution ids marked 'not an institution'."""
    merged: int = 0
    """How many extracted institutions were merged into another."""
    names: dict[str, list[str]] | None = None
    """Institution id -> every name it answers to (made when first asked for)."""


def _copy_inst(inst: Institution) -> Institution:
    return replace(inst, aliases=list(inst.aliases), stories=list(inst.stories))


def raw_state(corpus: Corpus) -> RawState:
    """The corpus as extracted (captured the first time a curation is applied)."""
    state = corpus.__dict__.get(RAW)
    if state is None:
        state = RawState(
            [_copy_inst(i) for i in corpus.institutions],
            {s.id: list(s.institutions) for s in corpus.stories},
            [replace(e, parties=list(e.parties)) for e in corpus.events],
        )
        corpus.__dict__[RAW] = state
    return state


def uncurated(corpus: Corpus) -> Corpus:
    """The corpus as extracted (a new Corpus sharing documents and texts), or ``corpus``
    itself when no curation was applied. What a snapshot saves, so the cache stays raw."""
    state = corpus.__dict__.get(RAW)
    if state is None:
        return corpus
    stories = [replace(s, institutions=list(state.story_institutions.get(s.id, s.institutions)))
               for s in corpus.stories]
    return Corpus(corpus.documents, stories, [_copy_inst(i) for i in state.institutions],
                  [replace(e, parties=list(e.parties)) for e in state.events], corpus.warnings)


class _Work:
    """The corpus being curated, with the lookups the rules need."""

    def __init__(self, corpus: Corpus, state: RawState) -> None:
        self.corpus = corpus
        self.insts = [_copy_inst(i) for i in state.institutions]
        self.events = [replace(e, parties=list(e.parties)) for e in state.events]
        self.origins = {i.id: [i.id] for i in self.insts}
        self.merged = 0
        for story in corpus.stories:
            story.institutions = list(state.story_institutions.get(story.id, story.institutions))

    def merge(self, entry: CuratedInstitution, survivor: Institution | None = None) -> None:
        keys = entry.keys()
        found = [i for i in self.insts if name_key(i.name) in keys and i is not survivor]
        if survivor is None:
            if not found:
                return
            own = name_key(entry.name)
            survivor = next((i for i in found if name_key(i.name) == own), found[0])
            found.remove(survivor)
        for other in found:
            self._absorb(survivor, other)
        if survivor.name != entry.name:
            survivor.aliases.append(survivor.name)
            survivor.name = entry.name
        survivor.aliases += entry.aliases  # names the user gave, found in the text or not
        own = name_key(survivor.name)
        survivor.aliases = list(dict.fromkeys(a for a in survivor.aliases if name_key(a) != own))

    def _absorb(self, survivor: Institution, other: Institution) -> None:
        self.merged += 1
        self.insts.remove(other)
        survivor.aliases += [other.name, *other.aliases]
        self.origins[survivor.id] = self.origins.get(survivor.id, []) + self.origins.pop(other.id, [])
        stories = set(survivor.stories)
        survivor.stories += [s for s in other.stories if s not in stories]
        for story_id in other.stories:
            story = self.corpus.story(story_id)
            if story is not None:
                story.institutions = _swap(story.institutions, other.id, survivor.id)
        for event in self.events:
            if other.id in event.parties:
                event.parties = _swap(event.parties, other.id, survivor.id)

    def split(self, entry: CuratedInstitution) -> bool:
        """Rule 2; False when no institution has one of the entry's names as an alias."""
        keys, source_key = entry.keys(), name_key(entry.split_from or "")
        holders = [i for i in self.insts if keys & {name_key(a) for a in i.aliases}]
        source = next((i for i in holders if name_key(i.name) == source_key),
                      holders[0] if holders else None)
        if source is None:
            return False
        taken = [a for a in source.aliases if name_key(a) in keys]
        own = name_key(entry.name)
        new = Institution(id=SPLIT_PREFIX + entry.id, name=entry.name, kind=source.kind,
                          aliases=[a for a in taken if name_key(a) != own], source="curated")
        source.aliases = [a for a in source.aliases if name_key(a) not in keys]
        self.insts.insert(self.insts.index(source) + 1, new)
        self.origins[new.id] = []
        mine, theirs = _pattern(taken), _pattern([source.name, *source.aliases])
        moved: set[str] = set()
        both: set[str] = set()
        for story_id in source.stories:
            story = self.corpus.story(story_id)
            if story is None or not mine.search(f"{story.title}\n{story.text}"):
                continue
            if theirs.search(f"{story.title}\n{story.text}"):
                both.add(story_id)
                story.institutions = _add_after(story.institutions, source.id, new.id)
            else:
                moved.add(story_id)
                story.institutions = _swap(story.institutions, source.id, new.id)
        source.stories = [s for s in source.stories if s not in moved]
        new.stories = [s for s in self.corpus_order(moved | both)]
        for event in self.events:
            if source.id not in event.parties or event.story not in moved | both:
                continue
            names_mine, names_theirs = mine.search(event.evidence), theirs.search(event.evidence)
            if event.story in moved or (names_mine and not names_theirs):
                event.parties = _swap(event.parties, source.id, new.id)
            elif names_mine:
                event.parties = _add_after(event.parties, source.id, new.id)
        self.merge(entry, survivor=new)  # names later merged into the split-off institution
        return True

    def corpus_order(self, story_ids: set[str]) -> list[str]:
        return [s.id for s in self.corpus.stories if s.id in story_ids]

    def hide(self, names: tuple[str, ...]) -> set[str]:
        keys = {name_key(n) for n in names}
        gone = {i.id for i in self.insts if name_key(i.name) in keys}
        if not gone:
            return set()
        self.insts = [i for i in self.insts if i.id not in gone]
        for story in self.corpus.stories:
            if any(i in gone for i in story.institutions):
                story.institutions = [i for i in story.institutions if i not in gone]
        for event in self.events:
            event.parties = [p for p in event.parties if p not in gone]
        self.events = [e for e in self.events if e.parties]
        return {raw for i in gone for raw in self.origins.pop(i, [i])}


def _swap(ids: list[str], old: str, new: str) -> list[str]:
    """``ids`` with ``old`` replaced by ``new``, each id once, order kept."""
    return list(dict.fromkeys(new if i == old else i for i in ids))


def _add_after(ids: list[str], after: str, new: str) -> list[str]:
    out: list[str] = []
    for i in ids:
        out.append(i)
        if i == after:
            out.append(new)
    return list(dict.fromkeys(out))


def _pattern(names: list[str]) -> re.Pattern[str]:
    """Any of ``names`` as whole words (case ignored except for one-word names)."""
    parts = []
    for n in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        body = re.escape(n.strip()).replace(r"\ ", r"\s+")
        parts.append(body if " " in n.strip() else f"(?-i:{body})")
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def apply_curation(corpus: Corpus, curation: Curation) -> Applied:
    """Apply ``curation`` to ``corpus`` in place (from the corpus as extracted).

    Changes ``corpus.institutions``, ``corpus.events`` and each story's
    ``institutions``; Story objects stay the same objects (a search index holding
    them sees the change). An empty curation restores the corpus as extracted.
    """
    work = _Work(corpus, raw_state(corpus))
    for entry in curation.institutions:
        if not (entry.split_from and work.split(entry)):
            work.merge(entry)
    hidden = work.hide(curation.not_institutions)
    corpus.institutions = work.insts
    corpus.events = work.events
    corpus.__dict__.pop("_inst_map", None)  # ids changed at the same count: rebuild lookups
    applied = Applied(curation, work.origins, hidden, work.merged)
    corpus.__dict__[APPLIED] = applied
    return applied


def applied_curation(corpus: Corpus) -> Applied | None:
    """What the last :func:`apply_curation` on ``corpus`` did, or None."""
    found = corpus.__dict__.get(APPLIED)
    return found if isinstance(found, Applied) else None
