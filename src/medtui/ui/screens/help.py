"""F1: every key binding, generated from the live bindings (keymap applied)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from medtui.paths import config_file_label
from medtui.ui.keys import KeyEntry

KEYS_WIDTH = 12
"""Width of the keys column (longer key lists are cut with …)."""

SECTION = "section:"
"""Row-key prefix of a section header row ('section:Global')."""

SEARCH_SYNTAX = (
    ("words", "stories with every word (case, accents, forms folded)"),
    ('"a phrase"', "the words in this order"),
    ("a OR b", "either word"),
    ("NOT c, -c", "without the word c"),
    ("medic*", "words starting with medic (3 letters at least)"),
    ("title:word", "in the title only"),
    ("institution:", 'by id or "Full Name" (ids: medtui institutions)'),
    ("kind:mou", "events of a kind; several: kind:mou,agreement"),
    ("date:2025", "also date:2025-03, date:[2025-01 to 2025-03]"),
)
"""The search box's syntax, shown under the keys (the README's "Search syntax" in short)."""


class HelpScreen(ModalScreen[None]):
    """A table of keys, actions and binding ids (ids are what a keymap rebinds), by section."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1", "dismiss", "Close help", id="help.close"),
        # The article's scrolling keys, so help reads like every other pane.
        Binding("j,down", "scroll(1)", "Down", show=False, priority=True,
                id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, priority=True,
                id="help.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, priority=True,
                id="help.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, priority=True,
                id="help.page_up"),
        Binding("g,home", "top", "Top", show=False, priority=True,
                id="help.top"),
        Binding("G,end", "bottom", "Bottom", show=False, priority=True,
                id="help.bottom"),
    ]

    def __init__(self, entries: Sequence[KeyEntry]) -> None:
        super().__init__()
        self.entries = list(entries)

    def compose(self) -> ComposeResult:
        """A title, the table and a closing hint."""
        with Vertical(id="help-box"):
            yield Static(Text("Keys — Escape, q or F1 closes", style="bold"), id="help-title")
            yield DataTable(id="help-table", cursor_type="none", zebra_stripes=True)
            yield Static(
                Text(f"Rebind a key in {config_file_label()}: keymap: {{binding id: key}} "
                     "(a row with two ids has one per key, in the keys' order)", style="dim"),
                id="help-foot",
            )

    def on_mount(self) -> None:
        """Fill the table: a header row per section, then its keys (narrow enough for 80 columns)."""
        table = self.query_one(DataTable)
        table.add_column("Keys", width=KEYS_WIDTH)
        table.add_column("Action (binding id)")
        section = None
        for n, entry in enumerate(self.entries):
            if entry.section != section:
                section = entry.section
                table.add_row(Text(""), Text(f"── {section} ──", style="bold"),
                              key=f"{SECTION}{section}")
            action = Text(entry.description)
            if entry.binding_ids:
                action.append(f"  {', '.join(entry.binding_ids)}", style="dim")
            table.add_row(Text(entry.keys_display, style="bold"), action, key=f"entry:{n}")
        table.add_row(Text(""), Text("── Search syntax (after /) ──", style="bold"),
                      key=f"{SECTION}Search syntax")
        for n, (example, meaning) in enumerate(SEARCH_SYNTAX):
            table.add_row(Text(example, style="bold"), Text(meaning), key=f"syntax:{n}")
        table.focus()

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        """Close the help."""
        self.dismiss(None)

    @property
    def table(self) -> DataTable[Text]:
        """The table of keys (what scrolls)."""
        return self.query_one(DataTable)

    def action_scroll(self, step: int) -> None:
        """Scroll a line down (1) or up (-1)."""
        self.table.scroll_relative(y=step, animate=False)

    def action_page(self, direction: int) -> None:
        """Scroll a screenful down (1) or up (-1)."""
        table = self.table  # as the table's own PgDn/PgUp do
        (table.action_page_down if direction > 0 else table.action_page_up)()

    def action_top(self) -> None:
        """Scroll to the first key."""
        self.table.scroll_home(animate=False)

    def action_bottom(self) -> None:
        """Scroll to the last key."""
        self.table.scroll_end(animate=False)
