"""Property tests of reading: any bytes decode without raising; normalising loses nothing.

Profiles (examples per property) are in tests/helpers/fuzz.py: HYPOTHESIS_PROFILE=ci|long.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzz import FUZZ, document_text, html_text, raw_bytes
from medtui.corpus import deep_html, normalise
from medtui.corpus.decode import decode
from medtui.corpus.normalise import limit_lines, normalise_text
from medtui.corpus.reader import read_document_text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TAG = re.compile(r"<[^<>]*>")


def _words(text: str) -> str:
    return "".join(text.split())


def _untagged(html: str) -> str:
    """``html`` without anything tag-like, also tags left whole by removing the tags
    inside them (``<![CDATA[<div>>`` is one construct, whichever tag is cut first)."""
    while (stripped := _TAG.sub("", html)) != html:
        html = stripped
    return html


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-reader")


@FUZZ
@given(raw_bytes)
def test_decode_never_raises_and_gives_text_or_a_reason(data: bytes) -> None:
    text, encoding, warnings = decode(data)
    assert all(isinstance(w, str) and w for w in warnings)
    if text is None:
        assert encoding is None and len(warnings) == 1
    else:
        text.encode("utf-8")  # no lone surrogates: printable and storable anywhere
        assert encoding


@FUZZ
@given(raw_bytes, st.sampled_from(("a.txt", "b.md", "c.html", "d.dat")))
def test_reading_any_file_never_raises(scratch: Path, data: bytes, name: str) -> None:
    path = scratch / name
    path.write_bytes(data)
    decoded = read_document_text(path)
    assert all(isinstance(w, str) and w for w in decoded.warnings)
    if decoded.text is None:
        assert decoded.warnings
        return
    assert decoded.text.strip()
    assert not _CONTROL.search(decoded.text) and "\r" not in decoded.text
    assert max(map(len, decoded.text.split("\n"))) <= normalise.MAX_LINE_CHARS
    assert len(decoded.warnings) == len(set(decoded.warnings))  # each problem said once


@FUZZ
@given(document_text, st.integers(5, 40))
def test_normalising_keeps_every_visible_character(text: str, limit: int) -> None:
    with mock.patch.object(normalise, "MAX_LINE_CHARS", limit):
        out, warnings = normalise_text(text)
        assert max(map(len, out.split("\n"))) <= limit
    assert not _CONTROL.search(out) and "\r" not in out
    # Visible: all but controls and the invisible word-breakers (soft hyphen, zero-width
    # space, word joiner, BOM; joiners are kept only beside non-Latin text, so not compared),
    # after mojibake is repaired (UTF-8 read as Latin-1 is the characters it encodes).
    repaired = normalise.repair_mojibake(text)
    visible = "".join(ch for ch in repaired if (unicodedata.category(ch) != "Cc" or ch in "\t\n\r")
                      and ch not in "\u00ad\u180e\u200b\u2060\u2061\u2062\u2063\u2064\ufeff")
    visible = "".join(unicodedata.normalize("NFKC", ch) if "\ufb00" <= ch <= "\ufb06" or ch in
                      "\u0132\u0133\u01c4\u01c5\u01c6\u01c7\u01c8\u01c9\u01ca\u01cb\u01cc\u01f1\u01f2\u01f3"
                      else ch for ch in visible)

    def compared(t: str) -> str:
        return _words(t).replace("\u200c", "").replace("\u200d", "")

    assert compared(out) == compared(unicodedata.normalize("NFC", visible))
    assert bool(warnings) == any(len(line) > limit for line in
                                 normalise_text(text)[0].split("\n"))


@FUZZ
@given(st.text(max_size=300), st.integers(3, 30))
def test_breaking_long_lines_only_turns_spaces_into_line_ends(text: str, limit: int) -> None:
    text = text.replace("\r", " ")
    with mock.patch.object(normalise, "MAX_LINE_CHARS", limit):
        out, _ = limit_lines(text)
    assert max(map(len, out.split("\n"))) <= limit
    # Every character is kept, in order: some spaces became line ends, and a line with
    # no space near the limit was split with nothing removed.
    assert out.replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert out.count(" ") <= text.count(" ")


@FUZZ
@given(st.lists(st.sampled_from(["a", " ", "\n", "\n\n", "bb"]), max_size=60).map("".join), st.integers(0, 12))
def test_a_long_line_is_found_as_splitting_the_lines_finds_it(text: str, limit: int) -> None:
    """:func:`medtui.corpus.normalise.has_long_line` jumps from line to line; it agrees
    with measuring every line (newlines at the start, the end and next to each other
    included)."""
    assert normalise.has_long_line(text, limit) == (max(map(len, text.split("\n"))) > limit)


@FUZZ
@given(html_text, st.integers(1, 6))
def test_html_depth_limit_keeps_the_text_and_bounds_the_depth(html: str, depth: int) -> None:
    with mock.patch.object(deep_html, "MAX_HTML_DEPTH", depth):
        out, warnings = deep_html.limit_html_depth(html)
        again, more = deep_html.limit_html_depth(out)
    assert _words(_untagged(out)) == _words(_untagged(html))
    assert (out != html) == bool(warnings)
    assert not more and again == out  # what is left is within the limit
