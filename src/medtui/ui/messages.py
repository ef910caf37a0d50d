"""Messages the background workers post to the app (``post_message`` is thread-safe).

Loading and indexing run in threads; they never touch widgets, they only post
these, and the app updates the screen when it handles them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

from medtui.corpus.model import Corpus

if TYPE_CHECKING:
    from medtui.search.index import SearchResult
    from medtui.ui.prepare import Prepared


class LoadProgress(Message):
    """``done`` of ``total`` documents read; ``path`` is the one just finished."""

    def __init__(self, done: int, total: int, path: str) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.path = path


class CorpusGrew(Message):
    """Reading goes on: what is read so far, to browse meanwhile (a snapshot: its lists
    are copies, so the reader can go on adding to its own)."""

    def __init__(self, corpus: Corpus, done: int, total: int,
                 prepared: Prepared | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.done = done
        self.total = total
        self.prepared = prepared
        """Its rows for the default view, derived in the worker (:mod:`medtui.ui.prepare`)."""


class CorpusReady(Message):
    """Reading finished: the corpus to show (curated), with its rows prepared if the
    worker did it."""

    def __init__(self, corpus: Corpus, prepared: Prepared | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.prepared = prepared


class LoadFailed(Message):
    """Reading failed; ``reason`` is one sentence for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class IndexProgress(Message):
    """``done`` of ``total`` stories indexed."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class IndexReady(Message):
    """Indexing finished: ``index`` can be searched (an object like StoryIndex)."""

    def __init__(self, index: Any) -> None:
        super().__init__()
        self.index = index


class SearchDone(Message):
    """A search finished; ``generation`` says which request it answers (stale ones are dropped)."""

    def __init__(
        self, generation: int, query: str, result: SearchResult | None, error: str | None = None
    ) -> None:
        super().__init__()
        self.generation = generation
        self.query = query
        self.result = result
        self.error = error
