"""Run a call under a time limit in a test, so that a hang fails the test instead of CI."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

T = TypeVar("T")


def within(seconds: float, fn: Callable[[], T]) -> T:
    """``fn()``, or a test failure if it has not returned after ``seconds`` (a hang).

    The call runs in a daemon thread: a blocked call is left behind, not waited for.
    """
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test thread
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still running after {seconds} s: medtui hangs on this input")
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]
