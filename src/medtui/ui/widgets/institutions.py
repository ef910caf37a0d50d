"""Pane 1: institutions with their kind and story count, a type-to-filter box and a sort key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from medtui.corpus.model import Institution
from medtui.ui.model import BrowserModel
from medtui.ui.render import count, institution_prompt, one_line
from medtui.ui.widgets.navlist import NavList, focus_now

SHORT_COLUMN = 16
"""Widest the short-name column is padded to (longer short names push the rest right)."""


class InstitutionFilter(Input):
    """The type-to-filter box: Enter or Down goes to the list's first match, Escape clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "To the first match", id="institutions.filter_submit"),
        Binding("escape", "clear_filter", "Clear filter", id="institutions.filter_clear"),
        Binding("down", "to_list", "To list", show=False, id="institutions.filter_done"),
    ]

    def action_clear_filter(self) -> None:
        """Empty the box and go back to the list."""
        self.value = ""
        self.action_to_list()

    def action_to_list(self) -> None:
        """Move focus to the institutions list, on its first row when a filter is typed
        (the best match, not the row the cursor had before the list was filtered)."""
        items = self.screen.query_one("#inst-list", InstitutionList)
        focus_now(items)
        if self.value.strip():
            items.action_first()


class InstitutionList(NavList):
    """The institutions; Enter selects (again to drop), o changes the sort, f filters."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "toggle_sort", "Sort", id="institutions.sort"),
        Binding("f", "filter", "Filter names", id="institutions.filter"),
        # Curation (medtui.ui.curating): saved to the user's gazetteer.yaml at once.
        Binding("m", "app.curate('merge')", "Merge into…", show=False, id="institutions.merge"),
        Binding("r", "app.curate('rename')", "Rename", show=False, id="institutions.rename"),
        Binding("d", "app.curate('split')", "Split off a name", show=False, id="institutions.split"),
        Binding("n", "app.curate('not')", "Not an institution", show=False, id="institutions.not"),
        Binding("z", "app.curate('undo')", "Undo curation", show=False, id="institutions.undo"),
    ]

    def action_toggle_sort(self) -> None:
        """Ask the app to switch between sorting by story count and by name."""
        self.post_message(InstitutionsPane.SortToggled())

    def action_filter(self) -> None:
        """Focus the type-to-filter box."""
        focus_now(self.screen.query_one("#inst-filter", InstitutionFilter))


class InstitutionsPane(Vertical):
    """Pane 1. Posts :class:`Chosen`, :class:`FilterChanged` and :class:`SortToggled`."""

    class Chosen(Message):
        """An institution was selected with Enter."""

        def __init__(self, inst_id: str) -> None:
            super().__init__()
            self.inst_id = inst_id

    class FilterChanged(Message):
        """The type-to-filter text changed."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class SortToggled(Message):
        """The user asked for the other sort order."""

    def compose(self) -> ComposeResult:
        """A filter box over the list."""
        yield InstitutionFilter(placeholder="f: type to filter", compact=True, id="inst-filter")
        yield InstitutionList(id="inst-list")

    @property
    def items(self) -> InstitutionList:
        """The list widget (what pane key 1 focuses)."""
        return self.query_one(InstitutionList)

    def show(self, rows: Sequence[Institution], model: BrowserModel) -> None:
        """Display ``rows``: selected ones get a ✓; with a selection, the others show what
        they share with it (partners, marked ↔, come first); during a search, hit counts."""
        corpus = model.corpus  # its own id map: no O(n) one here, for the rows drawn only
        selected = model.filters.institutions
        shared = model.partner_counts() if selected else None
        facets = model.search.facets if model.search is not None else None
        width = min(model.short_width(rows), SHORT_COLUMN)

        def render(inst_id: str) -> Text:
            inst = corpus.institution(inst_id)
            if inst is None:
                return Text(inst_id)
            return institution_prompt(
                inst,
                inst_id in selected,
                None if facets is None else facets.get(inst_id, 0),
                short=model.short_name(inst_id),
                events=model.event_count(inst_id),
                shared=None if shared is None or inst_id in selected
                else shared.get(inst_id, (0, 0)),
                short_width=width,
                room=self.items.scrollable_content_region.width or None,  # when drawn
            )

        self.items.replace([inst.id for inst in rows], render)
        total = len(model.corpus.institutions)
        shown = f"{len(rows)}" if len(rows) == total else f"{len(rows)} of {total}"
        if selected:
            partners = sum(1 for inst in rows if shared and shared.get(inst.id, (0, 0))[0])
            names = "+".join(one_line(model.short_name(i), 12) for i in selected)
            self.border_subtitle = Text(
                f"↔ {count(partners, 'partner')} of {names} · shared ev/st"
            )
        else:
            self.border_subtitle = Text(f"{shown} · ev/st · by {model.institution_sort} (o)")

    @on(NavList.Selected, "#inst-list")
    def _chosen(self, event: NavList.Selected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.row_id))

    @on(Input.Changed, "#inst-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FilterChanged(event.value))

    @on(Input.Submitted, "#inst-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(InstitutionFilter).action_to_list()
