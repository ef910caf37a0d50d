"""Scans of a page's whole markup written for speed give what their plain form gives
(issue 9, HTML CPU): the dated-element scan of listings, with its spaces taken possessively."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzz import FUZZ
from medtui.corpus.html_fallback import _DATED_ELEMENT

_PLAIN = re.compile(_DATED_ELEMENT.pattern.replace(r"(?=\s*+[^\W_])", r"(?=\s*[^\W_])", 1))
_PIECES = [">", "<", " ", "\n    ", "\t", "_", "Tuesday, ", "March 4, 2025", "4 Mar. 2025", "04/03/2025",
           "2025-03-04", "2025", "Riverside University", "</span>", "<time>", "\u00a0", "\u3000"]


def test_the_plain_form_is_the_one_replaced() -> None:
    assert _PLAIN.pattern != _DATED_ELEMENT.pattern


@FUZZ
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_dated_elements_are_found_where_the_plain_scan_finds_them(markup: str) -> None:
    assert [m.span() for m in _DATED_ELEMENT.finditer(markup)] == [m.span() for m in _PLAIN.finditer(markup)]


def test_a_date_after_indentation_is_found() -> None:
    """The kind the change is for: indentation between a tag's end and its text."""
    markup = "<li>\n      <span>\n        March 4, 2025\n      </span></li><p>\n   Riverside University</p>"
    assert [m.group().split() for m in _DATED_ELEMENT.finditer(markup)] == [[">", "March", "4,", "2025", "<"]]
