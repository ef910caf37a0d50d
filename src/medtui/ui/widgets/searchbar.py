"""The search box: results follow the typing after a short pause (debounce).

The bar only reports what the user typed; the app runs the search in a worker
and shows the outcome (hits, "did you mean", or the parse error) with
:meth:`SearchBar.set_hint`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static

PLACEHOLDER = 'search: words, "a phrase", OR, NOT, prefix*, title:, kind:, date: (F1)'


class SearchInput(Input):
    """The query field: Escape clears it and goes back, Down goes to the results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Go to results / accept suggestion", id="search.submit"),
        Binding("escape", "clear_search", "Clear search", id="search.clear"),
        Binding("down", "to_results", "To results", show=False, id="search.results"),
    ]

    def action_clear_search(self) -> None:
        """Empty the query and tell the app to return focus to the panes."""
        self.value = ""
        self.post_message(SearchBar.Cleared())

    def action_to_results(self) -> None:
        """Tell the app to focus the stories list."""
        self.post_message(SearchBar.ToResults())


class SearchBar(Horizontal):
    """``/`` focuses it from anywhere (an app binding). Posts the messages below."""

    DEBOUNCE_S = 0.15
    """Pause in typing after which the query is sent."""

    class QueryChanged(Message):
        """The query settled after typing (debounced)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        """Enter was pressed in the query field."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Cleared(Message):
        """Escape: the query was emptied."""

    class ToResults(Message):
        """The user wants to move from the query to the results."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """A '/' label, the query field and a hint line."""
        yield Label("/ ", id="search-label")
        yield SearchInput(placeholder=PLACEHOLDER, compact=True, id="search-input")
        yield Static(id="search-hint")

    @property
    def input(self) -> SearchInput:
        """The query field."""
        return self.query_one(SearchInput)

    @property
    def value(self) -> str:
        """The current query text."""
        return self.input.value

    def set_query(self, query: str) -> None:
        """Replace the query text (e.g. accepting a suggestion); it is sent at once."""
        self._cancel()
        with self.input.prevent(Input.Changed):
            self.input.value = query
        self.input.cursor_position = len(query)
        self.post_message(self.QueryChanged(query))

    def set_hint(self, hint: Text | str) -> None:
        """Show a short note after the query (hit count, suggestion, error)."""
        self.query_one("#search-hint", Static).update(
            hint if isinstance(hint, Text) else Text(hint)
        )

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._cancel()
        query = event.value
        self._timer = self.set_timer(
            self.DEBOUNCE_S, lambda: self.post_message(self.QueryChanged(query))
        )

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._cancel()
        self.post_message(self.Submitted(event.value))
