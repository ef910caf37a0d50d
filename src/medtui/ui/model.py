"""What the browser shows, computed from the corpus, the filters and the last search.

No Textual here: the widgets only draw what this model computes, so the rules
(ordering, what two institutions share, which filters apply) are plain Python
that tests can check without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from medtui.corpus.model import EVENT_KINDS, Corpus, Document, Event, Institution, Story

if TYPE_CHECKING:  # importing the search module loads whoosh: keep it out of start-up
    from medtui.search.index import Hit, SearchResult

INSTITUTION_SORTS = ("count", "name")
STORY_SORTS = ("date", "relevance")


@dataclass
class Filters:
    """The filters the user has switched on (shown in the filter bar)."""

    institutions: list[str] = field(default_factory=list)
    starred_only: bool = False
    unread_only: bool = False
    event_kind: str | None = None

    def active(self) -> bool:
        """True when any filter narrows what is shown."""
        return bool(
            self.institutions or self.starred_only or self.unread_only or self.event_kind
        )


def newest_first_key(story: Story) -> tuple[int, tuple[int, ...], str]:
    """Sort key putting the newest story first and undated stories last.

    A year-only date counts as the end of its year (PartialDate.sort_key), so
    "2025" lists before "2025-03-11" when newest comes first.
    """
    if story.date is None:
        return (1, (), story.id)
    return (0, tuple(-part for part in story.date.sort_key()), story.id)


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
        if corpus is not None:
            self.set_corpus(corpus, lambda story: story.id)

    # ----------------------------------------------------------------- corpus
    def set_corpus(self, corpus: Corpus, key_of: Callable[[Story], str]) -> None:
        """Replace the corpus; ``key_of`` gives each story its stable reader-state key."""
        self.corpus = corpus
        self._keys = {story.id: key_of(story) for story in corpus.stories}
        self._documents = {doc.path: doc for doc in corpus.documents}
        self._newest = sorted(corpus.stories, key=newest_first_key)
        known = {inst.id for inst in corpus.institutions}
        self.filters.institutions = [i for i in self.filters.institutions if i in known]

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
        """The display name of an institution id (the id itself if unknown)."""
        inst = self.corpus.institution(inst_id)
        return inst.name if inst else inst_id

    # ----------------------------------------------------------- institutions
    def institution_rows(self) -> list[Institution]:
        """Institutions matching the typed filter, sorted by story count or by name."""
        needle = self.institution_text.strip().casefold()
        rows = [
            inst
            for inst in self.corpus.institutions
            if not needle
            or needle in inst.name.casefold()
            or any(needle in alias.casefold() for alias in inst.aliases)
        ]
        if self.institution_sort == "name":
            rows.sort(key=lambda i: (i.name.casefold(), i.id))
        else:
            rows.sort(key=lambda i: (-len(i.stories), i.name.casefold(), i.id))
        return rows

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
        present = {event.kind for event in self.corpus.events}
        kinds: list[str | None] = [None]
        kinds += [k for k in EVENT_KINDS if k in present]
        kinds += sorted(present - set(EVENT_KINDS))
        current = self.filters.event_kind
        position = kinds.index(current) if current in kinds else 0
        self.filters.event_kind = kinds[(position + 1) % len(kinds)]
        return self.filters.event_kind

    # ---------------------------------------------------------------- stories
    def _story_filter(self) -> Callable[[Story], bool] | None:
        """A test for the active story filters (institutions, starred, unread); None if none."""
        chosen = set(self.filters.institutions)
        starred_only, unread_only = self.filters.starred_only, self.filters.unread_only
        if not (chosen or starred_only or unread_only):
            return None
        starred, read, keys = self.starred, self.read, self._keys

        def passes(story: Story) -> bool:
            if chosen and not chosen.issubset(story.institutions):
                return False
            key = keys.get(story.id, story.id)
            if starred_only and key not in starred:
                return False
            return not (unread_only and key in read)

        return passes

    def visible_stories(self) -> list[tuple[Story, Hit | None]]:
        """Stories to list: search hits (or all), narrowed by the filters, in the chosen order.

        By date means newest first with undated last; by relevance keeps the
        search engine's ranking (only meaningful while a search is active).
        """
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
        """Events involving every selected institution, of the chosen kind, unordered."""
        chosen = set(self.filters.institutions)
        kind = self.filters.event_kind
        return [
            event
            for event in self.corpus.events
            if chosen.issubset(event.parties) and (kind is None or event.kind == kind)
        ]

    def timeline_groups(self) -> list[tuple[str, list[Event]]]:
        """Visible events grouped and ordered as :mod:`medtui.timeline` says."""
        from medtui.timeline import grouped_events

        return grouped_events(self.corpus, self.visible_events())

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
        """One line citing a story: title, publisher, date, URL (what `y` copies)."""
        doc = self.document(story)
        parts = [f"“{story.title}”"]
        if doc is not None and doc.publisher:
            parts.append(doc.publisher)
        parts.append(story.date.iso() if story.date else "n.d.")
        if doc is not None and doc.url:
            parts.append(doc.url)
        else:
            parts.append(story.document)
        return ". ".join(parts) + "."


def story_ids(rows: Sequence[tuple[Story, object]]) -> list[str]:
    """The story ids of :meth:`BrowserModel.visible_stories` rows, in order."""
    return [story.id for story, _ in rows]
