"""The data model shared by every layer: documents, stories, institutions, events.

Plain dataclasses, no behaviour beyond formatting, so that the core can be
pickled between processes, cached, and rendered by the CLI or the UI alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

INSTITUTION_KINDS = ("university", "hospital", "government", "company", "research", "other")
EVENT_KINDS = ("mou", "agreement", "approval", "partnership", "grant", "launch", "meeting", "other")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as the text allows: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """Return ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year'."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def sort_key(self) -> tuple[int, int, int]:
        """Order so that a partial date follows the full dates it contains.

        2024-06-18 < 2024-06 < 2024-07-02 < 2024, as the contract says.
        """
        return (self.year, self.month if self.month else 13, self.day if self.day else 32)

    @classmethod
    def parse_iso(cls, value: str | None) -> PartialDate | None:
        """Inverse of :meth:`iso`; ``None`` for ``None`` or an empty string."""
        if not value:
            return None
        parts = [int(p) for p in value.split("-")]
        return cls(*parts)


def date_sort_key(value: PartialDate | None) -> tuple[int, int, int, int]:
    """Sort key for optional dates: dated first (by :meth:`PartialDate.sort_key`), undated last."""
    if value is None:
        return (1, 0, 0, 0)
    return (0, *value.sort_key())


@dataclass
class Document:
    """One input file."""

    path: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    author: str | None = None
    """As the document's own metadata (front matter) states it; None when unknown."""
    unreadable: str | None = None
    """Why the file could not be read as text at all: one of :data:`UNREADABLE_KINDS` (the
    last of ``warnings`` says it in words), set by the reader; None when it was read (an
    empty file was read, it just holds nothing)."""


UNREADABLE_KINDS = {
    "binary": "binary data (a known file format, NUL bytes, or mostly control codes or "
              "undecodable bytes)",
    "permission": "permission denied",
    "not-regular": "not a regular file (a FIFO, device or socket)",
    "vanished": "the file vanished before it could be read",
    "os-error": "the system refused to read it (another error)",
}
"""The kinds of :attr:`Document.unreadable`, with what each means."""


@dataclass
class Mention:
    """An institution named in a story: which one, and the name the text used."""

    key: str
    surface: str
    start: int
    end: int


@dataclass
class Story:
    """One article: a document holds one story, or several when it is a listing page."""

    id: str
    document: str
    title: str
    text: str
    date: PartialDate | None = None
    institutions: list[str] = field(default_factory=list)
    index_in_document: int = 0


@dataclass
class Institution:
    """An institution, under its canonical name, with every other name it goes by."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "other"
    parent: str | None = None
    stories: list[str] = field(default_factory=list)
    source: str = "gazetteer"  # or "discovered"


@dataclass
class Event:
    """A partnership event between institutions, with the sentence that says so."""

    id: str
    story: str
    kind: str
    date: PartialDate | None
    parties: list[str]
    evidence: str


@dataclass
class Corpus:
    """Everything extracted from a set of documents."""

    documents: list[Document] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Problems that belong to no one document (a folder that cannot be listed, a bad gazetteer)."""

    def story(self, story_id: str) -> Story | None:
        """Look a story up by id (linear scan is avoided by the cached map)."""
        return self._stories_by_id().get(story_id)

    def institution(self, inst_id: str) -> Institution | None:
        """Look an institution up by id."""
        return self._institutions_by_id().get(inst_id)

    def _stories_by_id(self) -> dict[str, Story]:
        cache = self.__dict__.get("_story_map")
        if cache is None or len(cache) != len(self.stories):
            cache = {s.id: s for s in self.stories}
            self.__dict__["_story_map"] = cache
        return cache

    def _institutions_by_id(self) -> dict[str, Institution]:
        cache = self.__dict__.get("_inst_map")
        if cache is None or len(cache) != len(self.institutions):
            cache = {i.id: i for i in self.institutions}
            self.__dict__["_inst_map"] = cache
        return cache
