"""What the browser derives from a corpus alone, computed off the UI thread.

While a big folder is read the app shows a new snapshot of the corpus every half
second or so. Deriving the rows from it (reader-state keys, newest-first order, short
names, institutions by count, the timeline) costs O(stories log stories) of Python:
about 0.2 s at 3,000 stories and over a second at 25,000 (measured in this project on
the press-release archive, see the issue 12 notes). Done on the event loop, every key
typed meanwhile waited that long. :func:`prepare` does it in the loading worker and the
model (:meth:`medtui.ui.model.BrowserModel.set_corpus`) only takes the result, so a
redraw on the UI thread is a few O(n) list copies.

Only what depends on the corpus alone is prepared: rows for the default view (no
filter, no search, institutions by count). Any other view is computed by the model
as before, on demand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len

from medtui.corpus.model import Corpus, Document, Event, Institution, Story


def newest_first_key(story: Story) -> tuple[int, tuple[int, ...], str]:
    """Sort key putting the newest story first and undated stories last.

    The timeline's rule (:meth:`PartialDate.sort_key`, from the contract) holds here
    too: a partial date comes after the full dates it contains, so newest first is
    2024-06-15, 2024-06, 2024-01-02, then 2024.
    A missing month or day counts as 0, below every real one, once negated.
    """
    if story.date is None:
        return (1, (), story.id)
    date = story.date
    return (0, (-date.year, -(date.month or 0), -(date.day or 0)), story.id)


SHORT_MAX = 12
"""Longest alias taken as an institution's short name (an acronym like RU or NorthU)."""


def is_acronym(alias: str) -> bool:
    """An acronym-like alias: one word, at most SHORT_MAX characters, two or more capitals.

    'RU', 'NorthU', 'RU-SoM' and 'ABC.XYZ' are; 'Hospital' and 'Riverside' are not.
    """
    return (
        0 < len(alias) <= SHORT_MAX
        and not any(ch.isspace() for ch in alias)
        and sum(ch.isupper() for ch in alias) >= 2
    )


def drop_article(name: str) -> str:
    """The name without a leading 'The ' ('The Riverside University' -> 'Riverside…')."""
    return name[4:] if name[:4].casefold() == "the " and len(name) > 4 else name


def short_name(inst: Institution) -> str:
    """A short name to show where room is tight (lists, timeline rows, the filter bar).

    The shortest acronym-like alias (RU, NorthU, NGH); failing that the shortest
    alias of two or more words that is shorter than the name (e.g. 'Northgate Teaching
    Hospital'); failing that the name without a leading 'The '.
    """
    return _short_of(inst.name, tuple(inst.aliases))


@lru_cache(maxsize=1 << 16)  # snapshots of a corpus being read ask again for the same names
def _short_of(full: str, aliases: tuple[str, ...]) -> str:
    name = drop_article(full)
    acronyms = [a for a in aliases if is_acronym(a) and len(a) < len(name)]
    if acronyms:
        return min(acronyms, key=lambda a: (len(a), a))
    phrases = [a for a in aliases if len(a.split()) >= 2 and len(a) < len(name)]
    if phrases:
        return min(phrases, key=lambda a: (len(a), a))
    return name


def short_names(institutions: Sequence[Institution]) -> dict[str, str]:
    """Each institution id's :func:`short_name`; where two would look alike, the full names."""
    chosen = {inst.id: short_name(inst) for inst in institutions}
    owners: dict[str, int] = {}
    for name in chosen.values():
        owners[name.casefold()] = owners.get(name.casefold(), 0) + 1
    return {
        inst.id: chosen[inst.id] if owners[chosen[inst.id].casefold()] == 1 else inst.name
        for inst in institutions
    }


@dataclass
class Prepared:
    """The corpus-only parts of the browser model for ``corpus`` (see the module doc)."""

    corpus: Corpus
    keys: dict[str, str]
    """Story id -> reader-state key (:func:`medtui.state.store.story_key`)."""
    documents: dict[str, Document]
    """Document path -> document."""
    newest: list[Story]
    """Stories newest first, undated last (:func:`newest_first_key`)."""
    short: dict[str, str]
    """Institution id -> short name (:func:`short_names`)."""
    event_counts: dict[str, int]
    """Institution id -> how many events it is a party to."""
    by_count: list[Institution]
    """Institutions as pane 1 lists them with no filter, no selection and no search."""
    short_width: int
    """Widest short name in cells (pane 1's column with every institution listed)."""
    timeline: list[tuple[str, list[Event]]] = field(default_factory=list)
    """Pane 4's groups with no filter and no search (one event per signing)."""
    sources: dict[str, list[Event]] = field(default_factory=dict)
    """Row event id -> the events reporting that signing (itself first)."""
    _rank: dict[str, int] | None = field(default=None, repr=False)

    def rank(self) -> dict[str, int]:
        """Institution id -> its place in :attr:`by_count` (made on first use, then kept)."""
        if self._rank is None:
            self._rank = {inst.id: n for n, inst in enumerate(self.by_count)}
        return self._rank


def event_counts(events: list[Event]) -> dict[str, int]:
    """How many events each institution id is a party to (each event counted once)."""
    counts: dict[str, int] = {}
    for event in events:
        for party in set(event.parties):
            counts[party] = counts.get(party, 0) + 1
    return counts


def prepare(
    corpus: Corpus, key_of: Callable[[Story], str], known: Mapping[str, str] | None = None
) -> Prepared:
    """Derive the default view of ``corpus``; ``known`` holds keys already made (story id ->
    key, from an earlier snapshot of the same corpus), so only new stories are keyed.

    Pure Python, no Textual: safe in a worker thread as long as nobody changes ``corpus``
    meanwhile (snapshots have lists of their own).
    """
    from medtui.timeline import grouped_events, one_per_signing

    known = known or {}
    keys = {s.id: known.get(s.id) or key_of(s) for s in corpus.stories}
    short = short_names(corpus.institutions)
    by_count = sorted(corpus.institutions,
                      key=lambda i: (-len(i.stories), short[i.id].casefold(), i.id))
    width = max((cell_len(name) for name in short.values()), default=0)
    events, sources = one_per_signing(corpus, corpus.events)
    corpus.story(""), corpus.institution("")  # build the corpus's id maps here, not on the UI
    return Prepared(
        corpus=corpus,
        keys=keys,
        documents={doc.path: doc for doc in corpus.documents},
        newest=sorted(corpus.stories, key=newest_first_key),
        short=short,
        event_counts=event_counts(corpus.events),
        by_count=by_count,
        short_width=width,
        timeline=grouped_events(corpus, events),
        sources=sources,
    )
