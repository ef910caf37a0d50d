"""What the browser shows, computed from the corpus, the filters and the last search.

No Textual here: the widgets only draw what this model computes, so the rules
(ordering, what two institutions share, which filters apply) are plain Python
that tests can check without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len

from medtui.corpus.model import EVENT_KINDS, Corpus, Document, Event, Institution, Story
from medtui.ui.filters import Filters, same_institutions, story_filter
from medtui.ui.prepare import Prepared, newest_first_key, short_names

if TYPE_CHECKING:  # importing the search module loads whoosh: keep it out of start-up
    from medtui.search.index import Hit, SearchResult

INSTITUTION_SORTS = ("count", "name")
STORY_SORTS = ("date", "relevance")


class BrowserModel:
    """The corpus plus everything the user chose: filters, search result, stars, read marks."""

    def __init__(self, corpus: Corpus | None = None) -> None:
        self.corpus = corpus or Corpus()
        self.filters = Filters()
        self.search: SearchResult | None = None
        self.institution_sort = "count"
        self.institution_text = ""
        self.story_sort = "date"
        self.starred: set[str] = set()
        self.read: set[str] = set()
        self._keys: dict[str, str] = {}
        self._documents: dict[str, Document] = {}
        self._newest: list[Story] = []
        self._short: dict[str, str] = {}
        self._event_counts: dict[str, int] | None = None
        self._prepared: Prepared | None = None
        self._partners: tuple[tuple[str, ...], dict[str, tuple[int, int]]] | None = None
        self.copies: dict[str, list[str]] = {}
        """Copies of one story (medtui.corpus.copies): first story id -> the copies' ids."""
        self.expanded: set[str] = set()
        """Stories whose copies are listed under them (c toggles)."""
        self.sources: dict[str, list[Event]] = {}
        """One timeline row per signing: row event id -> the events reporting it (itself first)."""
        if corpus is not None:
            self.set_corpus(corpus, lambda story: story.id)

    # ----------------------------------------------------------------- corpus
    def set_corpus(
        self, corpus: Corpus, key_of: Callable[[Story], str], *, keep_keys: bool = False,
        prepared: Prepared | None = None,
    ) -> None:
        """Replace the corpus; ``key_of`` gives each story its stable reader-state key.

        ``keep_keys``: the new corpus extends the old one (a corpus still being read:
        same ids for the same stories), so keys already made are kept, not made again.
        ``prepared``: what :func:`medtui.ui.prepare.prepare` derived from this very
        corpus in a worker; taken as is (O(1)), else derived here.
        """
        from medtui.ui.prepare import prepare

        if prepared is None or prepared.corpus is not corpus:
            prepared = prepare(corpus, key_of, self._keys if keep_keys else None)
        chosen = self.filters.institutions
        self.filters.institutions = same_institutions(self.corpus, corpus, chosen)
        self.corpus = corpus
        self._keys = prepared.keys
        self._documents = prepared.documents
        self._newest = prepared.newest
        self.copies, self.expanded = {}, set()
        self._use_prepared(prepared)

    def _use_prepared(self, prepared: Prepared | None) -> None:
        self._prepared = prepared
        self._short = prepared.short if prepared else short_names(self.corpus.institutions)
        self._event_counts = prepared.event_counts if prepared else None
        self._partners = None
        known = {inst.id for inst in self.corpus.institutions}
        self.filters.institutions = [i for i in self.filters.institutions if i in known]

    def institutions_changed(self) -> None:
        """The corpus's institutions or events changed in place (curation): redo what depends."""
        self._use_prepared(None)

    def key(self, story_id: str) -> str:
        """The reader-state key of a story (its id when the corpus gave none)."""
        return self._keys.get(story_id, story_id)

    def document(self, story: Story) -> Document | None:
        """The document a story came from."""
        return self._documents.get(story.document)

    def is_starred(self, story_id: str) -> bool:
        """Whether the story is starred."""
        return self.key(story_id) in self.starred

    def is_read(self, story_id: str) -> bool:
        """Whether the story has been opened before."""
        return self.key(story_id) in self.read

    def institution_name(self, inst_id: str) -> str:
        """The full name of an institution id (the id itself if unknown)."""
        inst = self.corpus.institution(inst_id)
        return inst.name if inst else inst_id

    def short_width(self, rows: Sequence[Institution]) -> int:
        """Widest short name of ``rows``, in cells (pane 1's name column)."""
        prepared = self._prepared
        if prepared is not None and len(rows) == len(self.corpus.institutions):
            return prepared.short_width
        return max((cell_len(self.short_name(i.id)) for i in rows), default=0)

    def short_name(self, inst_id: str) -> str:
        """The short name of an institution id (HKUST rather than its full name)."""
        return self._short.get(inst_id) or self.institution_name(inst_id)

    # ----------------------------------------------------------- institutions
    def institution_rows(self) -> list[Institution]:
        """Institutions matching the typed filter, sorted by count or by (short) name.

        By count with institutions selected: the selected ones first, then the others
        by how many events, then stories, they share with the selection (partners first).
        By count during a search: by search hits first.
        """
        needle = self.institution_text.strip().casefold()
        prepared = self._prepared
        if (prepared is not None and not needle and self.institution_sort == "count"
                and not self.filters.institutions):
            if self.search is None:
                return list(prepared.by_count)
            return self._by_hits(prepared, self.search.facets)
        rows = [
            inst
            for inst in self.corpus.institutions
            if not needle
            or needle in inst.name.casefold()
            or any(needle in alias.casefold() for alias in inst.aliases)
        ]
        if self.institution_sort == "name":
            rows.sort(key=lambda i: (self.short_name(i.id).casefold(), i.name.casefold(), i.id))
        elif self.filters.institutions:
            chosen = self.filters.institutions
            shared = self.partner_counts()
            rows.sort(key=lambda i: (
                i.id not in chosen,
                chosen.index(i.id) if i.id in chosen else 0,
                *(-n for n in shared.get(i.id, (0, 0))),
                -len(i.stories),
                self.short_name(i.id).casefold(),
                i.id,
            ))
        else:  # during a search, those in the most hits first
            hits = self.search.facets if self.search is not None else {}
            rows.sort(key=lambda i: (
                -hits.get(i.id, 0), -len(i.stories), self.short_name(i.id).casefold(), i.id
            ))
        return rows

    def _by_hits(self, prepared: Prepared, hits: dict[str, int]) -> list[Institution]:
        """Every institution, those in the most search hits first, ties (and the rest) in
        ``prepared.by_count``'s order: the sort below, without a key per institution.

        The sort by (hits, stories, short name) of every institution ran on the UI thread
        after each search: 50 ms at 7,000 institutions, a key typed meanwhile waited
        (py-spy, issue 12). Here only the institutions in hits are sorted.
        """
        rank = prepared.rank()
        found = sorted((rank[i], i) for i in hits if i in rank)
        order = prepared.by_count
        if not found:
            return list(order)
        head = sorted(found, key=lambda pair: -hits[pair[1]])  # stable: ties keep by_count order
        taken = {i for _, i in found}
        return [order[n] for n, _ in head] + [inst for inst in order if inst.id not in taken]

    def partner_counts(self) -> dict[str, tuple[int, int]]:
        """(events, stories) each other institution shares with every selected one.

        Only institutions sharing something are keys; empty without a selection.
        """
        chosen = tuple(self.filters.institutions)
        if self._partners is not None and self._partners[0] == chosen:
            return self._partners[1]
        counts: dict[str, list[int]] = {}
        if chosen:
            wanted = set(chosen)
            for event in self.corpus.events:
                if wanted.issubset(event.parties):
                    for party in set(event.parties) - wanted:
                        counts.setdefault(party, [0, 0])[0] += 1
            for story in self.corpus.stories:
                if wanted.issubset(story.institutions):
                    for inst in set(story.institutions) - wanted:
                        counts.setdefault(inst, [0, 0])[1] += 1
        result = {inst: (pair[0], pair[1]) for inst, pair in counts.items()}
        self._partners = (chosen, result)
        return result

    def event_count(self, inst_id: str) -> int:
        """How many events an institution is a party to."""
        if self._event_counts is None:
            from medtui.ui.prepare import event_counts

            self._event_counts = event_counts(self.corpus.events)
        return self._event_counts.get(inst_id, 0)

    def parties_for_display(self, event: Event) -> list[str]:
        """An event's parties as short names, the selected institutions last.

        So at 80 columns the partner shows first: 'ZJU-SoM ↔ SRRSH ↔ HKUST'.
        """
        chosen = self.filters.institutions
        order = sorted(event.parties, key=lambda p: (p in chosen, chosen.index(p) if p in chosen
                                                     else 0))
        return [self.short_name(p) for p in order]

    def toggle_institution(self, inst_id: str) -> bool:
        """Select an institution, or drop it if already selected; True when now selected."""
        chosen = self.filters.institutions
        if inst_id in chosen:
            chosen.remove(inst_id)
            return False
        chosen.append(inst_id)
        return True

    def drop_last_institution(self) -> str | None:
        """Drop the most recently selected institution; returns its id, or None."""
        return self.filters.institutions.pop() if self.filters.institutions else None

    def clear_filters(self) -> None:
        """Drop every filter (the search query is cleared separately)."""
        self.filters = Filters()

    def cycle_event_kind(self) -> str | None:
        """Step the timeline's kind filter: all, then each kind present, then all again."""
        kinds: list[str | None] = [None, *(kind for kind, _n in self.event_kind_counts())]
        current = self.filters.event_kind
        position = kinds.index(current) if current in kinds else 0
        self.filters.event_kind = kinds[(position + 1) % len(kinds)]
        self.filters.event_kinds = []
        return self.filters.event_kind

    def event_kind_counts(self) -> list[tuple[str, int]]:
        """The kinds of the corpus's events with their counts: known kinds first, in order."""
        from collections import Counter

        counts = Counter(event.kind for event in self.corpus.events)
        order = [k for k in EVENT_KINDS if k in counts] + sorted(set(counts) - set(EVENT_KINDS))
        return [(kind, counts[kind]) for kind in order]

    def set_event_kinds(self, kinds: list[str]) -> None:
        """Show events of these kinds only (an empty list: every kind)."""
        self.filters.event_kinds = list(kinds)
        self.filters.event_kind = None

    # ---------------------------------------------------------------- stories
    def _story_filter(self) -> Callable[[Story], bool] | None:
        """A test for the active story filters (institutions, starred, unread); None if none."""
        return story_filter(self.filters, self.starred, self.read, self._keys)

    def visible_stories(self) -> list[tuple[Story, Hit | None]]:
        """Stories to list: search hits (or all), narrowed by the filters, in the chosen order.

        By date means newest first with undated last; by relevance keeps the
        search engine's ranking (only meaningful while a search is active).
        """
        from medtui.corpus.copies import fold_copies

        return fold_copies(self._visible_stories(), self.copies, self.expanded)

    def _visible_stories(self) -> list[tuple[Story, Hit | None]]:
        passes = self._story_filter()
        if self.search is None:
            if passes is None:
                return [(story, None) for story in self._newest]
            return [(story, None) for story in self._newest if passes(story)]
        rows: list[tuple[Story, Hit | None]] = []
        for hit in self.search.hits:
            story = self.corpus.story(hit.story)
            if story is not None and (passes is None or passes(story)):
                rows.append((story, hit))
        if self.story_sort == "date":
            rows.sort(key=lambda row: newest_first_key(row[0]))
        return rows

    # ----------------------------------------------------------------- events
    def visible_events(self) -> list[Event]:
        """Events involving every selected institution, of the chosen kind, unordered.

        While a search is active, only events of the stories it found, and of the kinds
        its ``kind:`` terms ask for, dated in its ``date:`` terms' periods when dated
        (:mod:`medtui.search.asked`); with the starred or unread filter on, only events of
        the stories it leaves.
        """
        from medtui.search.asked import event_in_periods, kinds_asked, periods_asked

        chosen = set(self.filters.institutions)
        kinds = set(self.filters.event_kinds) or (
            {self.filters.event_kind} if self.filters.event_kind else None)
        found = {hit.story for hit in self.search.hits} if self.search is not None else None
        asked = kinds_asked(self.search.query) if self.search is not None else set()
        periods = periods_asked(self.search.query) if self.search is not None else []
        if asked:
            kinds = asked if kinds is None else kinds & asked
        if self.filters.starred_only or self.filters.unread_only:
            # Only events of the stories the starred/unread filters leave.
            passes = self._story_filter()
            kept = {story.id for story in self.corpus.stories if passes is None or passes(story)}
            found = kept if found is None else found & kept
        return [
            event
            for event in self.corpus.events
            if chosen.issubset(event.parties)
            and (kinds is None or event.kind in kinds)
            and (found is None or event.story in found)
            and event_in_periods(event.date, periods)
        ]

    def timeline_groups(self) -> list[tuple[str, list[Event]]]:
        """Visible events, one per signing (its sources in :attr:`sources`), grouped and
        ordered as :mod:`medtui.timeline` says."""
        from medtui.timeline import grouped_events, one_per_signing

        prepared, filters = self._prepared, self.filters
        if (prepared is not None and self.search is None and not filters.institutions
                and not filters.event_kind and not filters.event_kinds):
            self.sources = prepared.sources
            return prepared.timeline
        events, self.sources = one_per_signing(self.corpus, self.visible_events())
        return grouped_events(self.corpus, events)

    def shared(self) -> tuple[int, int] | None:
        """With two or more institutions selected: (joint stories, joint events), else None."""
        chosen = set(self.filters.institutions)
        if len(chosen) < 2:
            return None
        stories = sum(1 for s in self.corpus.stories if chosen.issubset(s.institutions))
        events = sum(1 for e in self.corpus.events if chosen.issubset(e.parties))
        return stories, events

    # -------------------------------------------------------------- citations
    def citation(self, story: Story) -> str:
        """One line citing a story: title, publisher, date, then the URL (what `y` copies).

        Nothing follows the URL (a "." after it went with it when copied by hand)."""
        head, link = self.citation_parts(story)
        return f"{head} {link}"

    def citation_parts(self, story: Story) -> tuple[str, str]:
        """The citation as (title, publisher and date, each ending in "."; the URL or, when
        the document has none, its path), so a dialog can show the URL on a line of its own."""
        doc = self.document(story)
        parts = [f"“{story.title}”"]
        if doc is not None and doc.publisher:
            parts.append(doc.publisher)
        parts.append(story.date.iso() if story.date else "n.d.")
        link = doc.url if doc is not None and doc.url else story.document
        return ". ".join(parts) + ".", link


def story_ids(rows: Sequence[tuple[Story, object]]) -> list[str]:
    """The story ids of :meth:`BrowserModel.visible_stories` rows, in order."""
    return [story.id for story, _ in rows]
