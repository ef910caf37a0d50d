"""Keys act one after another, in the order typed, even in a fast burst.

Textual hands a key to the focused widget's queue and carries on with the next
key at once. The widget's own bindings are only looked up when the key comes
back up to the app, against whatever is focused *then*; and a priority key
(``1``-``4``, ``/``) typed right after is handled before that. So
``Enter 4`` in Institutions moved the focus to the timeline first, and the
Enter then opened an event there instead of selecting the institution.

Here the app routes one key at a time: after handing a key to a widget it
sends a :class:`KeyDone` after it, along the same way up (widget, its parents,
the screen, the app). Every queue on that way is first-in first-out, so when
``KeyDone`` reaches the app, the key has been handled and its binding run.
The next key is routed only then. A few such laps (:data:`LAPS`) also let the
messages the key caused (a list's ``Selected``, then the pane's ``Chosen``,
which may move the focus) arrive first, so ``Enter j`` in Stories opens the
story and then scrolls it.
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.timer import Timer

LAPS = 3
"""How many times KeyDone goes up the way: one per generation of messages a key causes
(key -> list Selected -> pane Chosen)."""

STUCK_S = 1.0
"""If a KeyDone never comes back (its widget was removed), the held keys go on after this."""

PAUSE_S = 5.0
"""Longest :meth:`KeyOrderMixin.pause_keys` holds the keys (a search that never answers)."""
TYPING_PAUSE_S = 0.5
"""No redraw of a growing corpus or of a search's lists (indexing or not), and no search
asked again for its growing counts, while a key was typed less than this long ago: a redraw of
the lists takes the UI thread 0.1-0.2 s at 6,000 stories (more at 25,000) and a key
arriving meanwhile waits for it. At 0.15 s, keys typed every 0.25 s let a redraw in
between each two."""



class KeyDone(Message, bubble=True):
    """Follows a key up from the widget it was given to; at the app, that key is done."""

    def __init__(self, ticket: int, target: MessagePump, laps: int) -> None:
        super().__init__()
        self.ticket = ticket
        self.target = target
        self.laps = laps


class KeyOrderMixin(App[int]):
    """Routes keys to widgets one at a time (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.held_keys: deque[events.Key] = deque()
        """Keys that arrived while an earlier one was still being handled."""
        self._key_ticket = 0
        self._key_busy = False
        self._key_timer: Timer | None = None
        self._keys_paused = False
        self._pause_timer: Timer | None = None
        self.last_key_at = 0.0
        """When the last key arrived (``time.monotonic()``): redraws that can wait, wait
        while the user types (see ``MedtuiApp._show_grown``)."""

    async def on_event(self, event: events.Event) -> None:
        """Hold a new key while an earlier one is on its way; route it when that one is done."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.last_key_at = time.monotonic()
            if self._key_busy or self._keys_paused:
                self.held_keys.append(event)
                if self._key_timer is None:
                    self._key_timer = self.set_timer(STUCK_S, self._key_stuck)
                return
            await self._route_key(event)
            return
        await super().on_event(event)

    async def _route_key(self, event: events.Key) -> None:
        target: MessagePump = self.focused or self.screen
        await super().on_event(event)  # a priority binding, or handed to ``target``
        if event.is_forwarded:
            self._key_ticket += 1
            self._key_busy = True
            target.post_message(KeyDone(self._key_ticket, target, LAPS))

    async def on_key_done(self, message: KeyDone) -> None:
        """The key ``message`` followed has been handled: another lap, or the next key."""
        message.stop()
        if message.ticket != self._key_ticket or not self._key_busy:
            return
        if message.laps > 1 and message.target.is_attached:
            message.target.post_message(KeyDone(message.ticket, message.target, message.laps - 1))
            return
        await self._release_keys()

    async def _key_stuck(self) -> None:
        self._key_timer = None
        if self._key_busy:
            await self._release_keys()

    async def _release_keys(self) -> None:
        self._key_busy = False
        if self._key_timer is not None:
            self._key_timer.stop()
            self._key_timer = None
        held = self.held_keys
        while held and not self._key_busy and not self._keys_paused:
            await self._route_key(held.popleft())

    def pause_keys(self) -> None:
        """Hold the keys typed from now on until :meth:`resume_keys` (at most PAUSE_S).

        For a wait the user typed ahead of: after Enter on a new query, the next
        Enter is meant for its results, not for the list the results will replace.
        """
        self._keys_paused = True
        if self._pause_timer is not None:
            self._pause_timer.stop()
        self._pause_timer = self.set_timer(PAUSE_S, self.resume_keys)

    def resume_keys(self) -> None:
        """Route the keys held by :meth:`pause_keys`, in order, once this message is handled."""
        if self._pause_timer is not None:
            self._pause_timer.stop()
            self._pause_timer = None
        if not self._keys_paused:
            return
        self._keys_paused = False
        if not self._key_busy:
            self.call_next(self._release_keys)
