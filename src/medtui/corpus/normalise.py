"""Text normalised before anything else reads it.

Every later step (cleaning, splitting, dates, the institution matcher, the search index)
sees one form of the text: Unix line ends; no control characters; no invisible
characters that split words without showing (soft hyphens, zero-width spaces, word
joiners, stray byte-order marks); one plain space for the no-break and typographic
spaces; compatibility ligatures ("ﬁ") as their letters; NFC. "Uni&shy;versity" and
"agree\u200bment" otherwise hide the word from the gazetteer, the event rules and search.

In plain text and Markdown, character references (``&shy;``, ``&#8203;``, ``&amp;``)
are what Markdown renders them as; :func:`unescape_entities` decodes them (HTML pages
are decoded by their parser instead).
"""

from __future__ import annotations

import html
import re
import unicodedata

MAX_LINE_CHARS = 200_000
"""Longer lines are broken into lines of at most this length (at a space when there is
one near the limit), with a warning: no text is lost, and no later step sees a huge line."""

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls but tab and newline, DEL and the C1 controls (one regex scan: fast)."""

_INVISIBLE = re.compile("[\u00ad\u180e\u200b\u2060-\u2064\ufeff]")
"""Soft hyphen, Mongolian vowel separator, zero-width space, word joiner and the invisible
operators, byte-order marks inside the text: Unicode's default-ignorable characters that
only ever hide a word break (Unicode Standard, ch. 23.2 "Layout Controls")."""

_JOINERS = re.compile("(?<=[\x00-\u024f])[\u200c\u200d]+|[\u200c\u200d]+(?=[\x00-\u024f])")
"""Zero-width (non-)joiners next to Latin text, where they are stray: in Arabic, Indic
scripts and emoji sequences they shape the text and are kept."""

_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
"""No-break, en/em, thin, hair, figure and ideographic spaces: one plain space each."""

_LIGATURES = re.compile("[\u0132\u0133\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06]")
"""Latin compatibility ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ, Ĳ, Ǆ ...): NFKC only for these, since
NFKC on the whole text would also rewrite superscripts, fractions and full-width forms."""

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference with its semicolon (``&notice`` and ``AT&T`` are left alone)."""

_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019" \
    "\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
"""What cp1252 shows for the bytes 0x80-0x9f."""
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf]{1,3}"
    f"|[\u00e2-\u00ef][\u00a0-\u00bf{_CP1252_HIGH}\u0080-\u009f][\u00a0-\u00bf{_CP1252_HIGH}\u0080-\u009f]"
)
"""UTF-8 bytes read as Latin-1 or cp1252 ("Didn\u00e2\u0080\u0099t", "Didn\u00e2\u20ac\u2122t"): a
lead byte's character and its continuation bytes' characters."""
_MOJIBAKE_SIGN = re.compile(f"[\u0080-\u009f]|\u00e2[\u20ac\u0080][{_CP1252_HIGH}\u0080-\u009f\u00a0-\u00bf]")
"""C1 controls (never text) or "\u00e2\u20ac" + one more (the start of a curly quote or dash read as
cp1252): only then is the text searched for mojibake."""


def repair_mojibake(text: str) -> str:
    """Characters that are UTF-8 bytes read as Latin-1 or cp1252 (a page encoded twice),
    as the characters they encode. A run is only replaced when its bytes are valid UTF-8,
    so "Ã©" in real Latin-1 text around other letters is left alone unless it decodes."""
    if not ("\u00e2" in text or "\u00c2" in text or "\u00c3" in text) or _MOJIBAKE_SIGN.search(text) is None:
        return text  # the lead characters of nearly all mojibake: plain scans, fast

    def fix(m: re.Match[str]) -> str:
        run = m.group()
        for codec in ("latin-1", "cp1252"):
            try:
                fixed = run.encode(codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if len(fixed) == 1 and fixed.isprintable():  # never a control character
                return fixed
        return run

    return _MOJIBAKE.sub(fix, text)


_NEEDS_WORK = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u0132\u0133\u01c4-\u01cc\u01f1-\u01f3\u1680\u180e"
    "\u2000-\u200d\u2028\u2029\u202f\u205f-\u2064\u3000\ufb00-\ufb06\ufeff]"
)


def normalise_text(text: str) -> tuple[str, list[str]]:
    """Unify line ends, drop control and invisible characters, NFC-normalise and break
    over-long lines; returns (text, warnings)."""
    return limit_lines(normalise_chars(text))


def normalise_chars(text: str) -> str:
    """``text`` in the one form every later step reads (see the module docstring)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = repair_mojibake(text)
    if _NEEDS_WORK.search(text) is not None:  # most documents need nothing: one scan
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
        text = _CONTROLS.sub("", text)
        text = _INVISIBLE.sub("", text)
        if "\u200c" in text or "\u200d" in text:  # the look-behind scan is slow: only when needed
            text = _JOINERS.sub("", text)
        text = _SPACES.sub(" ", text)
        text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return unicodedata.normalize("NFC", text)


def normalise_markup(html: str, controls: bool = True) -> str:
    """An HTML page before it is parsed: unified line ends and no control characters
    (which lxml refuses). The rest of :func:`normalise_chars` runs on the text the parser
    gives (see :mod:`medtui.corpus.html`), where it must run anyway, since the parser
    turns ``&shy;`` and ``&#8203;`` into the very characters it removes; running it on
    the whole markup as well cost a third of trafilatura's time.

    ``controls=False``: the caller knows ``html`` holds none of the control characters
    (:func:`utf8_controls` on its bytes, a scan in C), and the regex scan for them, a
    tenth of reading a page, is skipped (mojibake repair never makes one)."""
    if "\r" in html:
        html = html.replace("\r\n", "\n").replace("\r", "\n")
    html = repair_mojibake(html)
    return _CONTROLS.sub("", html) if controls else html


_C0_BYTES = bytes(b for b in range(0x80) if b < 0x20 and b not in b"\t\n\r" or b == 0x7F)
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def utf8_controls(data: bytes) -> bool:
    """Whether UTF-8 ``data`` decodes to text with a character :data:`_CONTROLS` removes
    (a carriage return aside: line ends are unified first). In UTF-8 a C0 control or DEL
    is its own byte and never part of another character's bytes, and a C1 control is
    0xC2 followed by 0x80-0x9F."""
    return len(data.translate(None, _C0_BYTES)) != len(data) or (b"\xc2" in data and _C1_UTF8.search(data) is not None)


def unescape_entities(text: str) -> str:
    """Decode the character references of a plain-text or Markdown document, then
    normalise what they gave (``&shy;`` is a soft hyphen, removed like one)."""
    if "&" not in text:
        return text
    decoded = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return normalise_chars(decoded) if decoded != text else text


def has_long_line(text: str, limit: int = MAX_LINE_CHARS) -> bool:
    """Whether a line of ``text`` is longer than ``limit`` characters.

    Found by jumps rather than by splitting the text into lines (a copy of every line of
    every page): from a line's start, the last newline within ``limit`` characters starts
    the next stretch to look at, and a line longer than the limit is one with no newline
    within ``limit`` characters of its start."""
    start, size = 0, len(text)
    while size - start > limit:
        newline = text.rfind("\n", start, start + limit + 1)
        if newline < 0:
            return True
        start = newline + 1
    return False


def limit_lines(text: str) -> tuple[str, list[str]]:
    """Break lines longer than MAX_LINE_CHARS: at a space near the limit, else after a '>'
    (minified HTML), else at the limit.

    Every character is kept; the warning says that lines were broken. This bounds the
    work of every later per-line step (cleaning, splitting) on pathological input.
    """
    if not has_long_line(text, MAX_LINE_CHARS):
        return text, []
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        while len(line) > MAX_LINE_CHARS:
            cut = line.rfind(" ", MAX_LINE_CHARS * 9 // 10, MAX_LINE_CHARS + 1)
            if cut > 0:
                out.append(line[:cut])
                line = line[cut + 1 :]
                continue
            cut = line.rfind(">", MAX_LINE_CHARS * 9 // 10, MAX_LINE_CHARS) + 1
            cut = cut or MAX_LINE_CHARS
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out), [f"lines longer than {MAX_LINE_CHARS:,} characters were broken "
                            "into shorter lines"]
