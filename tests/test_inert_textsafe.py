"""textsafe.sanitize turns every hostile sequence into harmless text, and keeps the rest.

(Basic cases are in tests/test_cli_textsafe.py; these are the attacks of issue 5, one by
one, and properties over any text.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzz import FUZZ, HOSTILE, prose
from medtui.textsafe import is_unsafe_char, sanitize, sanitize_line

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("attack", "shown"),
    [
        ("copy \x1b]52;c;ZXZpbA==\x07me", "copy me"),  # OSC 52 clipboard write, BEL-terminated
        ("copy \x1b]52;c;ZXZpbA==\x1b\\me", "copy me"),  # ... ST-terminated
        ("a \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ b", "a link b"),  # OSC 8 hyperlink
        ("x\x1b]0;PWNED\x07y", "xy"),  # OSC 0 window title
        ("x\x1b]2;PWNED\x1b\\y", "xy"),  # OSC 2 title, ST
        ("clear\x1b[2J\x1b[Hscreen", "clearscreen"),  # CSI erase display, cursor home
        ("red\x1b[31;1mtext\x1b[0m", "redtext"),  # SGR colours
        ("up\x1b[10Aup", "upup"),  # cursor movement
        ("alt\x1b[?1049hscreen", "altscreen"),  # private mode: alternate screen
        ("reset\x1bcall", "resetall"),  # RIS full reset
        ("c1\x9b2Jcsi", "c1csi"),  # 8-bit CSI
        ("c1\x9d0;PWNED\x9cosc", "c1osc"),  # 8-bit OSC ... ST
        ("dcs\x1bPq#0;2;0;0;0\x1b\\end", "dcsend"),  # DCS (sixel)
        ("apc\x1b_payload\x1b\\end", "apcend"),  # APC
        ("bell\x07\x08\x08back", "bellback"),  # BEL, backspaces
        ("over\rwrite", "over\nwrite"),  # a lone CR would overwrite the line
        ("admin\u202e\u2066txt.exe\u2069", "admintxt.exe"),  # bidi override and isolate
        ("\u202aembed\u202c \u202bembed\u202c", "embed embed"),  # bidi embeddings
        ("[bold]x[/bold] [link=http://e]y[/link] [@click=app.quit]z[/]",
         "[bold]x[/bold] [link=http://e]y[/link] [@click=app.quit]z[/]"),  # markup: text, kept
        ("中文 العربية emoji \U0001f600 tab\there", "中文 العربية emoji \U0001f600 tab\there"),
    ],
)
def test_each_attack_becomes_harmless_text(attack: str, shown: str) -> None:
    assert sanitize(attack) == shown
    assert not UNSAFE.search(sanitize(attack))
    assert "\n" not in sanitize_line(attack)


def test_unterminated_sequence_cannot_swallow_a_terminal() -> None:
    # A title change that never ends: what follows is dropped rather than sent raw.
    assert "\x1b" not in sanitize("before \x1b]0;never ends")
    assert sanitize("before \x1b]0;never ends").startswith("before ")
    assert sanitize("trailing escape \x1b") == "trailing escape "


def test_is_unsafe_char_agrees_with_sanitize_on_every_bmp_character() -> None:
    disagree = [hex(c) for c in range(0x10000)
                if not 0xD800 <= c < 0xE000
                and is_unsafe_char(chr(c)) != (sanitize(chr(c)) != chr(c))]
    assert disagree == []


@FUZZ
@given(st.one_of(prose, st.text(), st.lists(st.sampled_from(HOSTILE)).map("".join)))
def test_sanitize_is_idempotent_and_leaves_nothing_unsafe(text: str) -> None:
    once = sanitize(text)
    assert not UNSAFE.search(once)
    assert sanitize(once) == once
    line = sanitize_line(text)
    assert "\n" not in line and "\t" not in line and not UNSAFE.search(line)


@FUZZ
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"),
                             blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")))
def test_text_without_controls_is_unchanged(text: str) -> None:
    assert sanitize(text) == text
