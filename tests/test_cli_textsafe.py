"""medtui.textsafe: document text made safe for a terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from medtui.textsafe import is_unsafe_char, sanitize, sanitize_line


def test_escape_sequences_are_removed() -> None:
    assert sanitize("a\x1b[31mred\x1b[0m b") == "ared b"
    assert sanitize("x\x1b]0;evil title\x07y") == "xy"
    assert sanitize("x\x1b]8;;http://e.vil\x1b\\link\x1b]8;;\x1b\\y") == "xlinky"
    assert sanitize("c1\x9b2Jz") == "c1z"
    assert sanitize("k\x1bcz") == "kz"


def test_controls_and_bidi_overrides_are_removed() -> None:
    assert sanitize("bell\x07 nul\x00 del\x7f") == "bell nul del"
    assert sanitize("a\u202eevil\u202c b\u2066c\u2069") == "aevil bc"


def test_newlines_tabs_and_text_are_kept() -> None:
    assert sanitize("tab\there\nline") == "tab\there\nline"
    assert sanitize("ab\r\ncd\ref") == "ab\ncd\nef"
    text = "中文 émoji 🙂 Zürich — “quotes” ‏"
    assert sanitize(text) == text


def test_sanitize_line_folds_whitespace() -> None:
    assert sanitize_line("  a\n\nb\t c \x1b[1m ") == "a b c"


def test_is_unsafe_char() -> None:
    assert is_unsafe_char("\x1b") and is_unsafe_char("\x00") and is_unsafe_char("\u202e")
    assert not is_unsafe_char("a") and not is_unsafe_char("\n") and not is_unsafe_char("\t")


@given(st.text())
def test_no_control_survives(text: str) -> None:
    out = sanitize(text)
    assert "\x1b" not in out and "\r" not in out
    assert all(not is_unsafe_char(c) for c in out)
    assert sanitize(out) == out  # idempotent
