"""The key map as the user sees it, generated from the live bindings.

The help screen (F1) and the command palette both read :func:`collect_bindings`,
so they list exactly what is bound — including keys changed by the user's
keymap — and never drift from the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input


@dataclass(frozen=True)
class KeyEntry:
    """One action and every key bound to it, in one part of the screen."""

    section: str
    keys: tuple[str, ...]
    description: str
    action: str
    binding_ids: tuple[str, ...]
    node: DOMNode = field(compare=False, repr=False)

    @property
    def binding_id(self) -> str | None:
        """The first binding id (what the palette and tests key on), or None."""
        return self.binding_ids[0] if self.binding_ids else None

    @property
    def keys_display(self) -> str:
        """The keys joined for display, e.g. 'j, ↓'."""
        return ", ".join(self.keys)


SIDEWAYS = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})
"""Horizontal scrolling: nothing in medtui is wider than its pane."""


def _wanted(node: DOMNode, binding: Binding) -> bool:
    if binding.system or binding.action in SIDEWAYS:
        return False
    if binding.id is not None:
        return True
    # Input's dozens of cursor/editing keys are standard; list only our own there.
    return bool(binding.description) and not isinstance(node, Input)


def collect_bindings(app: App[Any], sections: Sequence[tuple[str, DOMNode]]) -> list[KeyEntry]:
    """Every binding of every (section name, node) pair, keymap applied, grouped by action."""
    keymap = getattr(app, "_keymap", {})
    entries: list[KeyEntry] = []
    for section, node in sections:
        bindings_map = node._bindings.copy()
        if keymap:
            bindings_map.apply_keymap(keymap)
        grouped: dict[str, list[Binding]] = {}
        for _key, binding in bindings_map:
            if _wanted(node, binding):
                grouped.setdefault(binding.action, []).append(binding)
        for action, bindings in grouped.items():  # keys in the order they were declared
            keys = tuple(dict.fromkeys(app.get_key_display(b) for b in bindings))
            ids = tuple(dict.fromkeys(b.id for b in bindings if b.id))
            description = next((b.description for b in bindings if b.description), action)
            entries.append(KeyEntry(section, keys, description, action, ids, node))
    return entries
