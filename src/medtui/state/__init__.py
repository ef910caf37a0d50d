"""Per-user reader state (stars, read marks) kept durably in SQLite."""

from medtui.state.store import ReaderState, story_key

__all__ = ["ReaderState", "story_key"]
