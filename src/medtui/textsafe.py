"""Make document text safe to put on a terminal.

Document text is data: it may hold escape sequences that would recolour, move
the cursor or retitle the terminal, control characters, and bidirectional
overrides that make text read differently from what it is ("Trojan Source").
:func:`sanitize` removes all of those and keeps ordinary text, newlines and tabs.
"""

from __future__ import annotations

import re

# ESC-introduced sequences (7-bit) and their 8-bit C1 equivalents:
#   CSI  ESC [ ... final      / 0x9b ... final
#   OSC, DCS, SOS, PM, APC    ESC ] P X ^ _ ... terminated by BEL or ST (ESC \ or 0x9c)
#   any other two-character ESC sequence (ESC followed by one char)
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?                  # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])          # OSC, DCS, SOS, PM, APC ...
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?            # ... up to BEL or ST
    | \x1b[\x20-\x7e]?                                 # other ESC x
    """,
    re.VERBOSE,
)
# C0 controls except \t and \n, DEL, C1 controls, and bidi embedding/override/isolate marks.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")


def sanitize(text: str) -> str:
    """Remove escape sequences, control characters and bidi overrides from ``text``.

    Newlines and tabs are kept; ``\\r\\n`` and a lone ``\\r`` become ``\\n`` (a lone
    carriage return would let text overwrite the start of its line). Everything
    else printable, including non-Latin scripts and emoji, is kept as is.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def sanitize_line(text: str) -> str:
    """:func:`sanitize` and fold every run of whitespace (newlines too) into one space.

    For table cells and one-line labels, where a newline in a title would break the layout.
    """
    return _SPACES.sub(" ", sanitize(text)).strip()


def is_unsafe_char(char: str) -> bool:
    """True for a single character that :func:`sanitize` would remove (not ``\\n``/``\\t``).

    Lets code that must keep character offsets (snippet highlights) skip the same
    characters without shifting positions after the fact.
    """
    return char == "\x1b" or bool(_CONTROLS.match(char)) or char == "\r"
