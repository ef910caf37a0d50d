"""The medtui browser: four panes (institutions, stories, article, timeline) and a search box.

``run(paths)`` is what ``medtui [PATH ...]`` calls. The first frame shows at once;
documents are read and indexed in workers (:mod:`medtui.ui.loading`) and the panes
fill when the corpus arrives. All state rules live in :class:`BrowserModel`; this
module wires keys and messages to it and redraws.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input

from medtui.corpus.model import Corpus
from medtui.errors import NOTHING_READ
from medtui.ui.colours import ANSI16_CLASS, few_colours, use_no_colour
from medtui.ui.curating import CurationMixin
from medtui.ui.keyorder import TYPING_PAUSE_S
from medtui.ui.loading import story_key_function
from medtui.ui.messages import (
    CorpusGrew,
    CorpusReady,
    IndexProgress,
    IndexReady,
    LoadFailed,
    LoadProgress,
)
from medtui.ui.model import INSTITUTION_SORTS, STORY_SORTS, BrowserModel
from medtui.ui.render import one_line
from medtui.ui.searching import SearchMixin
from medtui.ui.settings import THEMES, SettingsMixin
from medtui.ui.widgets.article import ArticleView
from medtui.ui.widgets.bars import PANES, FilterBar, PaneTabs, StatusBar
from medtui.ui.widgets.institutions import InstitutionsPane
from medtui.ui.widgets.searchbar import SearchBar
from medtui.ui.widgets.stories import StoriesPane
from medtui.ui.widgets.timeline import TimelinePane

if TYPE_CHECKING:
    from textual.command import Provider


def styles_dir() -> Path:
    """The Textual CSS folder: inside the package when installed, at the repo root otherwise."""
    here = Path(__file__).resolve().parents[1]
    packaged = here / "styles"
    return packaged if packaged.is_dir() else here.parents[1] / "styles"


GROW_PAUSE_S = 0.5
"""Least time between two redraws of a corpus still being read."""
UI_SWITCH_S = 0.001
"""The interpreter's thread switch interval while the app runs (:func:`sys.setswitchinterval`;
CPython's default is 0.005). The workers (reading, indexing) are Python threads holding
the GIL; each time the UI thread wakes for a key it may wait a whole interval for it, and
echoing a key takes several wake-ups. On the 3,000-document sample, load ~12 on 2 cores:
key echo while reading, median 231 -> 165 ms, max 1.47 -> 1.10 s (one run each)."""
RESEARCH_S = 2.0
"""While indexing, the query shown is asked again at most this often (its hits grow)."""


def action_commands() -> type[Provider]:
    """The palette's provider of medtui actions (imported when the palette first opens)."""
    from medtui.ui.commands import ActionCommands

    return ActionCommands


class MainScreen(Screen[None]):
    """The browser screen; Tab and Shift+Tab move between panes rather than widgets."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.next_pane", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "app.prev_pane", "Previous pane", show=False, id="pane.prev"),
    ]


class MedtuiApp(CurationMixin, SearchMixin, SettingsMixin):
    """The browser. ``corpus``/``index``/``config``/``state`` may be given (tests); else loaded."""

    CSS_PATH = str(styles_dir() / "medtui.tcss")
    TITLE = "medtui"
    COMMANDS = SearchMixin.COMMANDS | {action_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: handled as soon as the key arrives, so the keys typed right after
        # land in the new pane (a focused text box still types these characters).
        Binding("1", "focus_pane('institutions')", "Institutions", show=False,
                priority=True, id="pane.institutions"),
        Binding("2", "focus_pane('stories')", "Stories", show=False, priority=True,
                id="pane.stories"),
        Binding("3", "focus_pane('article')", "Article", show=False, priority=True,
                id="pane.article"),
        Binding("4", "focus_pane('timeline')", "Timeline", show=False, priority=True,
                id="pane.timeline"),
        Binding("h", "prev_pane", "Previous pane", show=False, id="pane.left"),
        Binding("l", "next_pane", "Next pane", show=False, id="pane.right"),
        Binding("slash", "focus_search", "Search", priority=True, id="search.focus"),
        Binding("s", "star", "Star", id="story.star"),
        Binding("y", "cite", "Copy citation (Institutions: names)", show=False, id="story.cite"),
        Binding("S", "toggle_starred", "Starred only", show=False, id="filter.starred"),
        Binding("u", "toggle_unread", "Unread only", show=False, id="filter.unread"),
        Binding("backspace", "drop_institution", "Drop last institution", show=False,
                id="filter.drop_last"),
        Binding("x", "clear_filters", "Clear filters and search", show=False,
                id="filter.clear"),
        Binding("w", "warnings", "Warnings", show=False, id="app.warnings"),
        Binding("t", "toggle_theme", "Light/dark", show=False, id="app.theme"),
        Binding("f1,question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        paths: Sequence[str] = (),
        *,
        corpus: Corpus | None = None,
        index: Any = None,
        config: Any = None,
        state: Any = None,
    ) -> None:
        super().__init__()
        if self.no_color:  # no colour at all, not Textual's greys
            use_no_colour(self._filters)
        self.paths = list(paths)
        self._given_corpus = corpus
        self._index_override = index
        self._config = config
        self._state = state
        self.model = BrowserModel()
        self.warnings: list[str] = []
        self.active_pane = "stories"
        self.phase = "Reading documents…"
        self.message = ""
        self.search_generation = 0
        self.stale_searches = 0
        self._shown_query = ""
        self._main: MainScreen | None = None
        self._grown: CorpusGrew | None = None  # the newest snapshot not drawn yet
        self._grow_timer: Timer | None = None
        self._grow_pause = GROW_PAUSE_S
        self._corpus_complete = False
        self.toggle_themes = dict(THEMES)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands, but "Keys" opens medtui's help (F1): Textual's own
        keys panel repeated F1 in another form and Escape did not close it."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command
        yield SystemCommand("Keys", "Every key, pane by pane (F1)", self.action_help)

    def get_default_screen(self) -> Screen[Any]:
        """The browser screen (keeps Tab for pane cycling)."""
        self._main = MainScreen()
        return self._main

    def compose(self) -> ComposeResult:
        """Search box, filter bar, the four panes, status line and key footer."""
        yield SearchBar(id="searchbar")
        yield FilterBar(id="filterbar")
        yield PaneTabs(id="panetabs")
        with Horizontal(id="main"):
            with Vertical(id="left", classes="column"):
                yield InstitutionsPane(id="pane-institutions", classes="pane")
                yield StoriesPane(id="pane-stories", classes="pane")
            with Vertical(id="right", classes="column"):
                with Vertical(id="pane-article", classes="pane"):
                    yield ArticleView(id="article")
                yield TimelinePane(id="pane-timeline", classes="pane")
        yield StatusBar(id="status")
        yield Footer()

    # ---------------------------------------------------------------- startup
    def on_mount(self) -> None:
        """Apply config and reader state, draw the empty panes, start reading."""
        for number, (name, label) in enumerate(PANES, 1):
            self.query_one(f"#pane-{name}").border_title = f"{number} {label}"
        if few_colours(self.console.color_system) and not self.is_headless:
            self.add_class(ANSI16_CLASS)  # search matches get a plain yellow (styles)
        self._apply_config()
        self._open_state()
        self.query_one(StatusBar).progress(0, 1)
        self.query_one(ArticleView).show(None)
        if self.is_headless:  # tests and snapshots: no blinking cursor, same frame every time
            for box in self.query(Input):
                box.cursor_blink = False
        self._layout()
        self.refresh_all()
        self.action_focus_pane("stories")
        if self._given_corpus is not None:
            self.post_message(CorpusReady(self._given_corpus))
        else:
            self.load_documents(self.paths)

    def on_unmount(self) -> None:
        """Stop the background work (however the app is left), close the reader state."""
        self._drop_held_redraw()  # its timer would draw on panes being taken down
        self.stop_background_work()
        close = getattr(self._state, "close", None)
        if close is not None:
            close()

    # --------------------------------------------------------------- messages
    def on_load_progress(self, message: LoadProgress) -> None:
        """Move the progress bar while documents are read."""
        if not self.is_running:  # a worker's news arriving while the app shuts down
            return
        self.phase = f"Reading {message.done}/{message.total} documents…"
        self.query_one(StatusBar).progress(message.done, message.total)
        self.refresh_status()

    def on_corpus_grew(self, message: CorpusGrew) -> None:
        """Show what is read so far (progressive first open).

        The worker prepared the rows (:mod:`medtui.ui.prepare`), so a redraw here is a few
        O(stories) list copies. Still, snapshots that arrive faster than
        :meth:`_show_grown` draws them are coalesced (at most one redraw per ``4 x`` the
        last one's cost, the newest snapshot winning), and none is drawn while the user
        types (a key in the last :data:`TYPING_PAUSE_S`): each key echoes first.
        """
        if not self.is_running:  # a worker's news arriving while the app shuts down
            return
        first = self._grown is None and not self.model.corpus.stories
        self._grown = message
        if first:
            self._show_grown()
        elif self._grow_timer is None:
            self._grow_timer = self.set_timer(self._grow_pause, self._show_grown)

    def _show_grown(self) -> None:
        self._grow_timer = None
        if self._grown is None or self._corpus_complete:
            return
        typed = time.monotonic() - self.last_key_at
        if typed < TYPING_PAUSE_S and self.model.corpus.stories:
            self._grow_timer = self.set_timer(TYPING_PAUSE_S - typed, self._show_grown)
            return
        grown, self._grown = self._grown, None
        started = time.perf_counter()
        self.model.set_corpus(grown.corpus, story_key_function(), keep_keys=True,
                              prepared=grown.prepared)
        self.refresh_all(top=self.last_key_at == 0.0)  # untouched: the newest stories stay on top
        self._grow_pause = max(GROW_PAUSE_S, 4 * (time.perf_counter() - started))

    def on_corpus_ready(self, message: CorpusReady) -> None:
        """Show the corpus, collect its warnings, start indexing."""
        if not self.is_running:  # a worker's news arriving while the app shuts down
            return
        self._corpus_complete = True
        if self._grow_timer is not None:
            self._grow_timer.stop()
            self._grow_timer = None
        corpus = message.corpus
        self.curation_ready(corpus)  # the user's curation; copies of stories in a worker
        self.model.set_corpus(corpus, story_key_function(), keep_keys=True,
                              prepared=message.prepared)
        self.warnings.extend(getattr(corpus, "warnings", []))
        for doc in corpus.documents:
            self.warnings.extend(f"{doc.path}: {w}" for w in doc.warnings)
        if not corpus.stories:  # an empty folder, or only other file types: say so, as the CLI does
            nothing = NOTHING_READ[0].upper() + NOTHING_READ[1:]
            self.warnings.append(nothing)
            self.message = nothing
        self.phase = f"Indexing {len(corpus.stories)} stories…"
        self.index_complete = False
        self.refresh_all(top=self.last_key_at == 0.0)  # untouched since launch: the newest on top
        self.build_index(corpus)

    def on_load_failed(self, message: LoadFailed) -> None:
        """Keep the failure as a warning and say so in the status line."""
        if not self.is_running:  # a worker's news arriving while the app shuts down
            return
        self.warnings.append(message.reason)
        self.phase = one_line(message.reason, 300)
        self.query_one(StatusBar).idle()
        self.refresh_status()

    def on_index_progress(self, message: IndexProgress) -> None:
        """Move the progress bar while stories are indexed."""
        if not self.is_running:  # a worker's news arriving while the app shuts down
            return
        self.phase = f"Indexing {message.done}/{message.total} stories…"
        self.query_one(StatusBar).progress(message.done, message.total)
        self.refresh_status()
        if self.waiting_query is not None and self.index is not None:
            self.start_search(self.waiting_query)  # over what is indexed so far
        elif (self._shown_query.strip() and time.monotonic() - self._searched_at >= RESEARCH_S
              and time.monotonic() - self.last_key_at >= TYPING_PAUSE_S):
            self.start_search(self._shown_query)  # the counts "so far" grow with the index

    def on_index_ready(self, message: IndexReady) -> None:
        """Searching is possible now; run whatever was typed meanwhile."""
        if not self.is_running:  # a worker's news arriving while the app shuts down
            return
        self.index = message.index
        from medtui.curation import institution_names

        corpus = self.model.corpus  # institution: queries follow the curated corpus
        self.index.curated_names = lambda: institution_names(corpus)
        self.index_complete = True
        self.phase = "Ready"
        self.query_one(StatusBar).idle()
        self.refresh_status()
        query = self.query_one(SearchBar).value
        if query.strip():
            self.start_search(query)

    # ------------------------------------------------------------ pane events
    @on(InstitutionsPane.Chosen)
    def _institution_chosen(self, message: InstitutionsPane.Chosen) -> None:
        selected = self.model.toggle_institution(message.inst_id)
        name = one_line(self.model.short_name(message.inst_id), 40)
        self.message = f"{'Selected' if selected else 'Dropped'} {name}"
        self.refresh_all()

    @on(InstitutionsPane.FilterChanged)
    def _institution_filter(self, message: InstitutionsPane.FilterChanged) -> None:
        self.model.institution_text = message.text
        self.refresh_institutions()

    @on(InstitutionsPane.SortToggled)
    def _institution_sort(self) -> None:
        order = INSTITUTION_SORTS
        self.model.institution_sort = order[(order.index(self.model.institution_sort) + 1) % 2]
        self.refresh_institutions()

    @on(StoriesPane.Chosen)
    def _story_chosen(self, message: StoriesPane.Chosen) -> None:
        self.open_story(message.story_id)

    @on(StoriesPane.SortToggled)
    def _story_sort(self) -> None:
        if self.model.search is None:  # only hits have a relevance: say so, not nothing
            self.message = "Stories are newest first; o orders search hits by relevance or date."
            self.refresh_status()
            return
        self.model.story_sort = STORY_SORTS[(STORY_SORTS.index(self.model.story_sort) + 1) % 2]
        self.refresh_stories()

    @on(TimelinePane.Chosen)
    def _event_chosen(self, message: TimelinePane.Chosen) -> None:
        event = next((e for e in self.model.corpus.events if e.id == message.event_id), None)
        if event is not None and not self.show_sources(event.id):
            self.open_story(event.story, evidence=event.evidence)

    @on(TimelinePane.KindCycled)
    def _kind_cycled(self) -> None:
        self.model.cycle_event_kind()
        self.refresh_timeline()
        self.refresh_filters()

    @on(TimelinePane.KindsPicking)
    def _kinds_picking(self) -> None:
        from medtui.ui.screens.kinds import KindPickerScreen

        filters = self.model.filters
        chosen = filters.event_kinds or ([filters.event_kind] if filters.event_kind else [])

        def picked(kinds: list[str] | None) -> None:
            if kinds is not None:
                self.model.set_event_kinds(kinds)
                self.refresh_timeline()
                self.refresh_filters()

        self.push_screen(KindPickerScreen(self.model.event_kind_counts(), chosen), picked)

def run(paths: list[str]) -> int:
    """Open the browser on ``paths`` (the bundled seeds when empty); the exit status."""
    for path in paths:
        if not Path(path).exists():
            print(f"medtui: {path}: no such file or folder.", file=sys.stderr)
            return 2
    sys.setswitchinterval(UI_SWITCH_S)
    app = MedtuiApp(paths)
    try:
        app.run()
    except KeyboardInterrupt:
        return 130
    return app.return_code or 0
