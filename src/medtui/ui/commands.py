"""Command palette (ctrl+p): every bound action, searchable by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.widget import Widget

from medtui.ui.keys import KeyEntry


def _runner(entry: KeyEntry, app: Any) -> Callable[[], Any]:
    """A callback that focuses the entry's pane (if it is a widget) and runs its action."""

    async def run() -> None:
        node = entry.node
        if isinstance(node, Widget) and node.focusable:
            if hasattr(app, "focus_widget"):
                app.focus_widget(node)
            else:
                node.focus()
        await app.run_action(entry.action, node)

    return run


def _title(entry: KeyEntry) -> str:
    return f"{entry.section}: {entry.description}"


class ActionCommands(Provider):
    """Lists every action from the app's key map, with its keys as help text."""

    def _entries(self) -> list[KeyEntry]:
        collect = getattr(self.app, "key_entries", None)
        entries = list(collect()) if collect is not None else []
        # Plain cursor movement (no binding id) is left to the keys themselves.
        return [e for e in entries if e.binding_id is not None or e.section == "Global"]

    async def discover(self) -> Hits:
        """All actions, before anything is typed."""
        for entry in self._entries():
            yield DiscoveryHit(
                _title(entry), _runner(entry, self.app), help=entry.keys_display
            )

    async def search(self, query: str) -> Hits:
        """Actions whose name matches the typed text."""
        matcher = self.matcher(query)
        for entry in self._entries():
            title = _title(entry)
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    _runner(entry, self.app),
                    help=entry.keys_display,
                )
