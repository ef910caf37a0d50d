"""The user's settings applied when the browser starts: the configuration (keymap, theme)
and the reader state (stars and read marks).

Part of :class:`medtui.ui.app.MedtuiApp` (a mixin). A configuration or state that cannot
be read becomes a warning (``w``), never a failure to start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

if TYPE_CHECKING:
    from medtui.ui.keys import KeyEntry

THEMES = {"dark": "textual-dark", "light": "textual-light"}
"""medtui's names for Textual's themes (the configuration's ``theme``: dark or light)."""


class SettingsMixin(App[int]):
    """Configuration and reader state for the app (see the module docstring)."""

    _config: Any
    _state: Any
    warnings: list[str]
    toggle_themes: dict[str, str]
    model: Any

    if TYPE_CHECKING:
        def key_entries(self) -> list[KeyEntry]: ...  # the app's (ActionsMixin)

    def _apply_config(self) -> None:
        """Apply the configuration (given, else read): its warnings, keymap and theme."""
        config = self._config
        if config is None:
            try:
                from medtui.config import load_config

                config = self._config = load_config()
            except Exception as error:
                self.warnings.append(f"Could not read the configuration: {error}.")
                return
        self.warnings.extend(getattr(config, "warnings", []) or [])
        keymap = dict(getattr(config, "keymap", {}) or {})
        if keymap:
            known = {i for entry in self.key_entries() for i in entry.binding_ids}
            from medtui.ui.screens.citation import CitationScreen
            from medtui.ui.screens.help import HelpScreen
            from medtui.ui.screens.kinds import KindPickerScreen
            from medtui.ui.screens.warnings import WarningsScreen

            for screen in (HelpScreen, WarningsScreen, KindPickerScreen, CitationScreen):  # rebindable too
                known |= {b.id for b in screen.BINDINGS if isinstance(b, Binding) and b.id}
            check = getattr(config, "check_keymap", None)
            if check is not None:
                self.warnings.extend(check(known))
            self.set_keymap({k: v for k, v in keymap.items() if k in known})
        theme = getattr(config, "theme", None)
        if theme:
            name = THEMES.get(theme, theme)
            if name in self.available_themes:
                self.theme = name
                self.toggle_themes["dark" if self.current_theme.dark else "light"] = name
            else:
                self.warnings.append(f"Unknown theme {theme!r} in the configuration.")

    def _open_state(self) -> None:
        """Open the reader state (given, else the user's): the starred and read stories."""
        if self._state is None:
            try:
                from medtui.state.store import ReaderState

                self._state = ReaderState()
            except Exception as error:
                self.warnings.append(f"Stars and read marks are off: {error}.")
                return
        if getattr(self._state, "warning", None):
            self.warnings.append(self._state.warning)
        self.model.starred = set(self._state.starred())
        self.model.read = set(self._state.read())
