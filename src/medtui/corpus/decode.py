"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a BOM, declared or detected
legacy encodings, and telling binary data from text.

Split from :mod:`medtui.corpus.reader`; every problem is a warning, never an exception.
"""

from __future__ import annotations

import re

BINARY_CONTROL_SHARE = 0.05
"""Data where more than this share of the first bytes / characters are control codes or
undecodable is binary, not text (text with a few terminal escape sequences is still text)."""
_SNIFF_BYTES = 8192

_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\x7fELF", "an ELF executable"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"%PDF", "a PDF file"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3", "an SQLite database"),
)



def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b\x07\x08")
"""Control bytes that text does hold (terminal escapes included: they are shown inert)."""
_BAD_CHARS = re.compile("[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")


_CONTROL_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS)


def _mostly_controls(sample: bytes) -> bool:
    """True when too many bytes of ``sample`` are control codes for it to be text."""
    bad = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # counted in C
    return bad > max(4, BINARY_CONTROL_SHARE * len(sample))


def _binary_text(text: str) -> bool:
    """True when decoded ``text`` is mostly undecodable or control characters."""
    sample = text[: _SNIFF_BYTES * 8]
    return len(_BAD_CHARS.findall(sample)) > max(8, 2 * BINARY_CONTROL_SHARE * len(sample))


def _utf8(data: bytes) -> tuple[str, list[str]] | None:
    """``data`` as UTF-8, if it is UTF-8 but for a few bad bytes (or a cut last character)."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8", "replace"), []  # a character cut at the end
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if multibyte >= 2 * bad:  # legacy encodings make valid UTF-8 sequences only by rare chance
        return text, [f"not valid UTF-8 in {bad} place{'s' if bad > 1 else ''}: "
                      "those bytes were replaced"]
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_COMMON = ("cp1252", "gb18030", "big5", "shift_jis", "euc_kr", "cp1250", "cp1251", "latin_1")
"""Legacy encodings in order of how often web pages use them."""


UTF8 = frozenset({"utf-8", "utf-8-sig"})
"""The encodings :func:`decode` names for text decoded as UTF-8."""


def decode(data: bytes, controls: bool | None = None) -> tuple[str | None, str | None, list[str]]:
    """Bytes to text: BOMs, UTF-8, UTF-16 without BOM, else a detected legacy encoding.

    Returns (text, encoding, warnings); text is None for binary or undecodable data.
    ``controls``: :func:`medtui.corpus.normalise.utf8_controls` of ``data``, if the caller
    has it: UTF-8 text without control characters or replaced bytes is not scanned
    again for them.
    """
    text, encoding, warnings = _decode(data)
    if text is None or (controls is False and encoding in UTF8 and "\ufffd" not in text[: _SNIFF_BYTES * 8]):
        return text, encoding, warnings
    if _binary_text(text):
        return None, None, ["binary data, not text (mostly control codes or undecodable "
                            "bytes), skipped"]
    return text, encoding, warnings


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{2,40})""", re.I)
# What browsers read for these labels (the WHATWG encoding standard): supersets.
_CHARSET_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "iso-8859-1": "cp1252",
                      "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def _declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag (read before guessing)."""
    m = _META_CHARSET.search(head)
    if m is None:
        return None
    label = m.group(1).decode("ascii", "replace").lower()
    return _CHARSET_SUPERSETS.get(label, label)


def _decode(data: bytes) -> tuple[str | None, str | None, list[str]]:
    if not data.strip():
        return None, None, ["empty file, skipped"]
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig", []
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", "replace"), "utf-32", []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16", []
    kind = _binary_kind(data)
    if kind:
        return None, None, [f"binary file ({kind}), skipped"]
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return data.decode(utf16, "replace"), utf16, [f"no byte-order mark: read as {utf16}"]
    if b"\x00" in data[:_SNIFF_BYTES]:
        return None, None, ["binary file (it holds NUL bytes), skipped"]
    if _mostly_controls(data[:_SNIFF_BYTES]):
        return None, None, ["binary data, not text (mostly control codes), skipped"]
    as_utf8 = _utf8(data)
    if as_utf8 is not None:
        return as_utf8[0], "utf-8", as_utf8[1]
    declared = _declared_charset(data[:_SNIFF_BYTES])
    if declared is not None:
        try:
            return data.decode(declared), declared, []
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: guess instead
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:262_144])
    best = matches.best()
    if best is None or best.encoding is None:
        return (
            data.decode("utf-8", "replace"),
            "utf-8",
            ["not valid UTF-8 and no other encoding fits: undecodable bytes were replaced"],
        )
    # Candidates that fit (nearly) as well as the best are told apart by how common they
    # are on the web: a Western page in cp1252 otherwise often comes out as cp1250.
    close = [
        enc for m in matches
        if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05
        for enc in (m.encoding, *m.could_be_from_charset)
    ]
    encoding = min(close, key=lambda e: _COMMON.index(e) if e in _COMMON else len(_COMMON),
                   default=best.encoding)
    return data.decode(encoding, "replace"), encoding, [f"encoding guessed as {encoding}"]
