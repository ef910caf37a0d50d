"""What the keys do to stories and filters: open, star, cite, filter, help, theme.

Part of :class:`medtui.ui.app.MedtuiApp` (a mixin). Reader state (stars, read
marks) is saved through :class:`medtui.state.store.ReaderState`; a failure to
save becomes a warning, never a crash.
"""

from __future__ import annotations

import re
from typing import Any

from medtui.corpus.model import Story
from medtui.ui.keys import KeyEntry, collect_bindings
from medtui.ui.render import date_with_precision, one_line
from medtui.ui.view import ViewMixin
from medtui.ui.widgets.article import ArticleView
from medtui.ui.widgets.institutions import InstitutionFilter, InstitutionList
from medtui.ui.widgets.searchbar import SearchBar, SearchInput
from medtui.ui.widgets.stories import StoriesPane, StoryList
from medtui.ui.widgets.timeline import TimelineList

_FUNCTION_KEY = re.compile(r"f\d{1,2}")
DIALOG_SAFE = frozenset({"quit", "help_quit"})
"""App actions still run while a dialog is open (everything else is the dialog's)."""


class ActionsMixin(ViewMixin):
    """Story and filter actions for the app."""

    _main: Any
    return_pane: str = "stories"
    toggle_themes: dict[str, str]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a dialog is open (citation, help, warnings, curation, kinds), the browser's
        own keys (panes 1-4, /, s, y...) wait: they must not act behind it unseen. The
        dialog's keys are its screen's, and quitting still works."""
        from textual.screen import ModalScreen

        return action in DIALOG_SAFE or not isinstance(self.screen, ModalScreen)

    def get_key_display(self, binding: Any) -> str:
        """Keys as written on keyboards: function keys upper-case (F1, not Textual's f1)."""
        shown: str = super().get_key_display(binding)
        return shown.upper() if _FUNCTION_KEY.fullmatch(shown) else shown

    def open_story(self, story_id: str, evidence: str | None = None) -> None:
        """Show a story in the article pane (at ``evidence`` if given) and mark it read."""
        story = self.model.corpus.story(story_id)
        if story is None:
            return
        doc = self.model.document(story)
        publisher = doc.publisher if doc and doc.publisher else "unknown"
        source = doc.url if doc and doc.url else story.document
        names = "; ".join(self._full_name(i) for i in story.institutions) or "none"
        meta = [
            f"Date: {date_with_precision(story.date)}",
            f"Publisher: {publisher}",
            f"Source: {source}",
            f"Institutions: {names}",
        ]
        search = self.model.search
        for hit in search.hits if search is not None else []:
            if hit.story == story.id:
                hit.fill()  # the words its snippet highlights join the terms
        terms = search.terms if search is not None else []
        self.query_one(ArticleView).show(story, meta, terms, evidence)
        key = self.model.key(story.id)
        if key not in self.model.read:
            self.model.read.add(key)
            self._save(lambda state: state.mark_read(key))
            self._story_changed(story.id, self.model.filters.unread_only)
        if self.active_pane != "article":
            self.return_pane = self.active_pane
        self.action_focus_pane("article")

    def _full_name(self, inst_id: str) -> str:
        """'Full Name (SHORT)', or just the name when it has no shorter one."""
        name, short = self.model.institution_name(inst_id), self.model.short_name(inst_id)
        return name if short == name else f"{name} ({short})"

    def action_leave_article(self) -> None:
        """Leave the article for the pane it was opened from (Escape)."""
        self.action_focus_pane(self.return_pane)

    def _save(self, change: Any) -> Any:
        if self._state is None:
            return None
        try:
            return change(self._state)
        except Exception as error:
            self.warnings.append(f"Could not save the reader state: {error}.")
            self.refresh_status()
            return None

    def current_story(self) -> Story | None:
        """The story meant: highlighted in Stories/Timeline if focused, else the open one."""
        focused = self.focused
        corpus = self.model.corpus
        if isinstance(focused, StoryList) and (story_id := focused.highlighted_id()):
            return corpus.story(story_id)
        if isinstance(focused, TimelineList) and (event_id := focused.highlighted_id()):
            event = next((e for e in corpus.events if e.id == event_id), None)
            return corpus.story(event.story) if event else None
        return self.query_one(ArticleView).story

    def action_star(self) -> None:
        """Star or unstar the focused or open story (s)."""
        story = self.current_story()
        if story is None:
            self.bell()
            return
        key = self.model.key(story.id)
        starred = key not in self.model.starred
        (self.model.starred.add if starred else self.model.starred.discard)(key)
        self._save(lambda state: state.set_starred(key, starred))
        self.message = f"{'Starred' if starred else 'Unstarred'} {one_line(story.title, 50)}"
        self._story_changed(story.id, self.model.filters.starred_only)
        self.refresh_status()

    def _story_changed(self, story_id: str, membership: bool) -> None:
        """Redraw a story's row; the whole list if a filter may now hide or show it."""
        if membership:
            self.refresh_stories()
        else:
            self.query_one(StoriesPane).redraw(story_id)

    def action_cite(self) -> None:
        """Copy the story's citation (title, publisher, date, URL) to the clipboard and show
        it in a dialog, for terminals that ignore OSC 52 (y). On the Institutions pane:
        the highlighted institution's name and its other names."""
        from medtui.ui.screens.citation import CitationScreen

        if isinstance(self.focused, InstitutionList):
            inst_id = self.focused.highlighted_id()
            inst = self.model.corpus.institution(inst_id) if inst_id else None
            if inst is None:
                self.message = "No institution highlighted to copy."
                self.refresh_status()
                return
            names = one_line(inst.name, 500)
            if inst.aliases:
                names += " (also: " + "; ".join(one_line(a, 200) for a in inst.aliases) + ")"
            self.copy_to_clipboard(names)
            self.message = "Institution's names sent to the clipboard (OSC 52)"
            self.refresh_status()
            self.push_screen(CitationScreen(names, title="Institution"))
            return
        story = self.current_story()
        if story is None:
            self.message = "No story to cite: highlight or open one first."
            self.refresh_status()
            return
        head, link = self.model.citation_parts(story)
        head, link = one_line(head, 1000), one_line(link, 2000)
        self.copy_to_clipboard(f"{head} {link}")  # OSC 52: the terminal may ignore it, so show it too
        self.message = "Citation sent to the clipboard (OSC 52)"
        self.refresh_status()
        self.push_screen(CitationScreen(head, link=link))

    def action_toggle_starred(self) -> None:
        """Show only starred stories, or all again (S)."""
        self.model.filters.starred_only = not self.model.filters.starred_only
        self.refresh_stories()
        self.refresh_filters()

    def action_toggle_unread(self) -> None:
        """Show only unread stories, or all again (u)."""
        self.model.filters.unread_only = not self.model.filters.unread_only
        self.refresh_stories()
        self.refresh_filters()

    def action_drop_institution(self) -> None:
        """Drop the last selected institution (Backspace)."""
        dropped = self.model.drop_last_institution()
        if dropped is None:
            self.bell()
        else:
            self.message = f"Dropped {one_line(self.model.short_name(dropped), 40)}"
        self.refresh_all()

    def action_clear_filters(self) -> None:
        """Drop every filter and the search: everything shows again (x)."""
        self.model.clear_filters()
        search = self.query_one(SearchBar)
        if search.value:
            search.set_query("")  # the app clears the search when this arrives
        names = self.query_one(InstitutionFilter)
        if names.value:  # the typed filter of institution names is a filter too
            names.value = ""
            self.model.institution_text = ""
        self.message = "Filters cleared"
        self.refresh_all()

    def action_warnings(self) -> None:
        """Show every warning (w)."""
        from medtui.ui.screens.warnings import WarningsScreen

        self.push_screen(WarningsScreen(self.warnings))

    def action_help(self) -> None:
        """Show every key binding (F1, ?)."""
        from medtui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.key_entries()))

    def action_toggle_theme(self) -> None:
        """Switch between the light and dark theme (t); a configured theme takes its side."""
        self.theme = self.toggle_themes["light" if self.current_theme.dark else "dark"]

    async def action_quit(self) -> None:
        """Leave medtui (q), at once even while documents are read."""
        self.stop_background_work()
        self.exit(0)

    def stop_background_work(self) -> None:
        """Cancel the reading and indexing workers and kill their worker processes.

        Without it, quitting while a big folder loads left a blank screen until every
        document was read (16-22 s at 2,000 files): Python waits for the reading thread
        and its process pool at exit. The document cache keeps whole documents only.
        """
        from medtui.ui.offload import terminate_children
        from medtui.workpool import terminate_all

        for group in ("load", "index", "copies"):
            self.workers.cancel_group(self, group)
        terminate_all()
        terminate_children()  # the snapshot's save, the copies: forked children of their own

    def key_entries(self) -> list[KeyEntry]:
        """Every binding in the app, by where it applies (for F1 and the palette)."""
        main = self._main or self.screen
        sections: list[tuple[str, Any]] = [("Global", self), ("Panes", main)]
        for label, kind in (
            ("Search box", SearchInput),
            ("Institutions", InstitutionList),
            ("Institution filter", InstitutionFilter),
            ("Stories", StoryList),
            ("Article", ArticleView),
            ("Timeline", TimelineList),
        ):
            nodes = main.query(kind)
            if nodes:
                sections.append((label, nodes.first()))
        return collect_bindings(self, sections)
