"""w: every warning from loading, configuration and reader state, readable in the app."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from medtui.ui.render import safe
from medtui.ui.widgets.navlist import NavList


class WarningsScreen(ModalScreen[None]):
    """A scrollable list of warnings (escaped: file names and text are data)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,w", "close", "Close warnings", id="warnings.close"),
    ]

    def __init__(self, warnings: Sequence[str]) -> None:
        super().__init__()
        self.warnings = list(warnings)

    def compose(self) -> ComposeResult:
        """A title and the list."""
        with Vertical(id="warnings-box"):
            count = len(self.warnings)
            title = f"{count} warning{'s' if count != 1 else ''} — Escape, q or w closes"
            yield Static(Text(title, style="bold"), id="warnings-title")
            options = [Option(Text(f"! {safe(w)}"), id=f"w{n}") for n, w in
                       enumerate(self.warnings)]
            if not options:
                options = [Option(Text("No warnings."), id="none")]
            yield NavList(*options, id="warnings-list")

    def on_mount(self) -> None:
        """Focus the list so j/k scroll it."""
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        """Close the screen."""
        self.dismiss(None)
