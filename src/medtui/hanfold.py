"""Traditional and simplified Chinese characters folded to one form for search.

A reader in Hong Kong writes ``香港大學`` where a mainland release prints ``香港大学``;
both must find each other, as a reader expects of any search box. Every Han
character of an index term is folded to its simplified form, one character for
one (so the character offsets of snippets and highlights stay where they were).

The table comes from OpenCC (the ``opencc`` package, Apache-2.0), the conversion
library Chinese Wikipedia and most input methods use: its ``t2s``, ``hk2s`` and
``tw2s`` conversions (standard, Hong Kong and Taiwan traditional forms) applied to
every character of the CJK Unified Ideographs blocks (U+3400-U+4DBF,
U+4E00-U+9FFF) and the compatibility block (U+F900-U+FAFF), keeping each
character whose conversion is a single different character (about 4,200). Phrase
conversions that change a word's length (a few regional word choices) are not
used: they would move offsets, and a bigram index would not need them.

Built on first use (about 0.1 s; English-only corpora never pay it) and only
from the installed package's own data: nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache

_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_CONFIGS = ("t2s", "hk2s", "tw2s")


@lru_cache(maxsize=1)
def table() -> dict[int, str]:
    """``str.translate`` table: code point of a traditional form -> its simplified form.

    Returns an empty table when OpenCC cannot be loaded (search then matches
    each script only as written, as before).
    """
    try:
        import opencc
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    chars = [chr(c) for lo, hi in _BLOCKS for c in range(lo, hi + 1)]
    joined = "\n".join(chars)
    folded: dict[int, str] = {}
    for config in _CONFIGS:
        out = opencc.OpenCC(config).convert(joined).split("\n")
        if len(out) != len(chars):  # a conversion that joined or split lines: skip it
            continue
        for char, simple in zip(chars, out, strict=True):
            if simple != char and len(simple) == 1:
                folded.setdefault(ord(char), simple)
    return folded


def fold_han(text: str) -> str:
    """``text`` with each traditional Han character replaced by its simplified form.

    Same length as ``text``; characters outside the table are kept.
    """
    return text.translate(table())
