"""w: every warning from loading, configuration and reader state, readable in the app."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from medtui.ui.render import safe


class WarningsScreen(ModalScreen[None]):
    """The warnings, one paragraph each, wrapped and scrollable (j/k, arrows, PgUp/PgDn)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,w", "close", "Close warnings", id="warnings.close"),
        Binding("j", "scroll(1)", "Down", show=False, id="warnings.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="warnings.up"),
    ]

    def __init__(self, warnings: Sequence[str]) -> None:
        super().__init__()
        self.warnings = list(warnings)

    def compose(self) -> ComposeResult:
        """A title and the list (file names and messages are data: escaped)."""
        count = len(self.warnings)
        title = f"{count} warning{'s' if count != 1 else ''} — Escape, q or w closes"
        body = Text()
        for n, warning in enumerate(self.warnings):
            if n:
                body.append("\n")
            body.append("! ", style="bold")
            body.append(safe(warning))
        if not self.warnings:
            body.append("No warnings.")
        with Vertical(id="warnings-box"):
            yield Static(Text(title, style="bold"), id="warnings-title")
            with VerticalScroll(id="warnings-list"):
                yield Static(body)

    def on_mount(self) -> None:
        """Focus the scroller so the keys scroll it."""
        self.query_one("#warnings-list").focus()

    def action_scroll(self, step: int) -> None:
        """Scroll down (1) or up (-1) a line."""
        self.query_one("#warnings-list").scroll_relative(y=step, animate=False)

    def action_close(self) -> None:
        """Close the screen."""
        self.dismiss(None)
