"""The search box wired to the index: debounced queries, stale answers dropped.

Part of :class:`medtui.ui.app.MedtuiApp` (a mixin). Every query gets a new
generation number; the worker's answer carries it, and an answer for an older
generation is dropped (counted in ``stale_searches``), so a slow search can
never overwrite a newer one. An empty query shows all stories again.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.timer import Timer

from medtui.ui.actions import ActionsMixin
from medtui.ui.keyorder import TYPING_PAUSE_S, KeyOrderMixin
from medtui.ui.messages import SearchDone
from medtui.ui.render import count, one_line, safe
from medtui.ui.widgets.article import ArticleView
from medtui.ui.widgets.searchbar import SearchBar


class SearchMixin(KeyOrderMixin, ActionsMixin):
    """Search handling for the app."""

    search_generation: int
    stale_searches: int
    _shown_query: str
    waiting_query: str | None = None
    """A query typed before anything was indexed; run as soon as something is."""
    index_complete: bool = False
    """Whether every story is indexed (else hit counts are 'so far')."""
    _searched_at: float = 0.0
    """When the last search was asked (time.monotonic)."""
    _held_redraw: tuple[Sequence[str], bool] | None = None
    """A search's lists not redrawn yet: (terms, top), see :meth:`_redraw_when_typing_pauses`."""
    _held_timer: Timer | None = None

    def start_search(self, query: str) -> None:
        """Ask for ``query``'s hits; an empty query shows all stories again."""
        self.search_generation += 1
        bar = self.query_one(SearchBar)
        if not query.strip():
            self._drop_held_redraw()
            self.waiting_query = None
            self.model.search = None
            self._shown_query = ""
            bar.set_hint("")
            self._after_search([])
            return
        if self.index is None:
            self.waiting_query = query
            bar.set_hint(Text("searching once stories are indexed…", style="italic"))
            return
        self.waiting_query = None
        self._searched_at = time.monotonic()
        self.run_search(self.search_generation, query)

    def on_search_done(self, message: SearchDone) -> None:
        """Show a search's hits, unless a newer search was started meanwhile."""
        if not self.is_running:  # a worker's news arriving while the app shuts down
            return
        if message.generation != self.search_generation:
            self.stale_searches += 1
            return
        awaited = self._keys_paused  # Enter was pressed for these results (_go_to_results)
        self.resume_keys()  # keys typed ahead of these results act on them
        bar = self.query_one(SearchBar)
        result = message.result
        if result is None:
            bar.set_hint(Text(f"! {safe(message.error or '')}", style="bold"))
            return
        self.model.search = result
        new_query = message.query != self._shown_query  # not the same query over more stories
        self._shown_query = message.query
        if result.error:
            bar.set_hint(Text(f"! {safe(result.error)}", style="bold"))
        elif result.total == 0 and result.notes:  # why nothing matched: an unknown kind
            bar.set_hint(Text(f"No match: {safe(result.notes[0])}", style="bold"))
        elif result.total == 0 and result.suggestion:
            hint = Text("No match. Did you mean ")
            hint.append(one_line(result.suggestion, 60), style="bold underline")
            hint.append("? Enter accepts")
            bar.set_hint(hint)
        elif result.total == 0:
            bar.set_hint(Text("No match" if self.index_complete else "No match so far",
                              style="bold"))
        else:
            hits = count(result.total, "hit")
            bar.set_hint(Text(hits) if self.index_complete else
                         Text(f"{hits} so far", style="italic"))  # the index is still growing
        if awaited:  # drawn now, before the keys typed ahead of them act
            top = new_query or (self._held_redraw is not None and self._held_redraw[1])
            self._drop_held_redraw()  # this answer is newer
            self._after_search(result.terms, top=top)
        else:
            self._redraw_when_typing_pauses(result.terms, top=new_query)

    def _redraw_when_typing_pauses(self, terms: Sequence[str], *, top: bool) -> None:
        """Redraw the lists for a search's answer once no key was typed for TYPING_PAUSE_S
        (at once if none was); the hit count in the box shows already. Enter or Down in the
        box draws them at once (:meth:`_go_to_results`).

        Each key typed gives a search and each answer a redraw of the three lists: the UI
        thread's largest share of the GIL (py-spy, issue 12), so a key typed during it
        waited. While indexing that gave key echo p95 ~150-700 ms at 25,000 stories; after
        Ready, when the answers were drawn at once, p95 147-179 ms (session 5, tmux). Keys
        echo first; the lists follow when the typing pauses, indexing or not.
        """
        held = self._held_redraw
        self._held_redraw = (terms, top or (held is not None and held[1]))
        if self._held_timer is None:
            self._flush_search_redraw(wait=True)

    def _flush_search_redraw(self, *, wait: bool = False) -> None:
        """Draw the held search result now (``wait``: unless a key came too recently)."""
        self._held_timer = None
        if self._held_redraw is None or not self.is_running:
            return
        typed = time.monotonic() - self.last_key_at
        if wait and typed < TYPING_PAUSE_S:
            self._held_timer = self.set_timer(TYPING_PAUSE_S - typed,
                                              lambda: self._flush_search_redraw(wait=True))
            return
        (terms, top), self._held_redraw = self._held_redraw, None
        self._after_search(terms, top=top)

    def _drop_held_redraw(self) -> None:
        if self._held_timer is not None:
            self._held_timer.stop()
            self._held_timer = None
        self._held_redraw = None

    def _after_search(self, terms: Sequence[str], *, top: bool = False) -> None:
        """Redraw for a search's result; ``top``: a new query, so its top hit gets the cursor."""
        self.refresh_institutions()
        self.refresh_stories(top=top)
        self.refresh_timeline()  # the events of the hit stories only
        self.refresh_filters()
        article = self.query_one(ArticleView)
        if article.story is not None:
            article.set_terms(terms)

    @on(SearchBar.QueryChanged)
    def _query_changed(self, message: SearchBar.QueryChanged) -> None:
        self.start_search(message.query)

    @on(SearchBar.Submitted)
    def _query_submitted(self, message: SearchBar.Submitted) -> None:
        result = self.model.search
        if (
            result is not None
            and message.query == self._shown_query
            and result.total == 0
            and result.suggestion
        ):
            self.query_one(SearchBar).set_query(result.suggestion)
            return
        self._go_to_results(message.query)

    def _go_to_results(self, query: str) -> None:
        """Focus the results; if they are not in yet, hold the keys typed ahead until they are."""
        if self._held_timer is not None:
            self._held_timer.stop()
        self._flush_search_redraw()  # the results shown are this query's
        if query != self._shown_query:
            self.start_search(query)
            if self.waiting_query is None and query.strip():  # a search is running
                self.pause_keys()
        self.action_focus_pane("stories")

    @on(SearchBar.Cleared)
    def _query_cleared(self) -> None:
        self.start_search("")
        self.action_focus_pane(self.active_pane)

    @on(SearchBar.ToResults)
    def _to_results(self) -> None:
        self._go_to_results(self.query_one(SearchBar).value)
