"""The fast scans over raw HTML (issue 9's speed criterion) find exactly what the plain
patterns they stand for find: the update and publication labels of
:mod:`medtui.corpus.html_meta`, the dated elements of the listing signs; and the cheap
depth bound of :mod:`medtui.corpus.deep_html` is never below the depth it stands for."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzz import FUZZ, html_text
from medtui.corpus import deep_html, html_meta
from medtui.corpus.html_fallback import _DATED_ELEMENT, _MONTH

# Pieces that make labels, near-labels and their surroundings, including the letters that
# re.IGNORECASE folds to "s" and "i" (long s, dotted and dotless I).
_PIECES = ["last", "LAST", "la\u017ft", "Last", "_", "-", " ", "\n", "\t", ">", "<", "x", "9", "on", " on", "ON",
           "updated", "Updated", "modified", "MODIFIED", "revised", "reviewed", "uodified", "rpdated",
           "first", "fir\u017ft", "originally", "published", "Posted", "released", "issued", "\u0130ssued",
           "\u0131ssued", "pssued", "dateModified", "Published on 3 May 2025"]
label_soup = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@FUZZ
@given(st.one_of(label_soup, st.text(max_size=60)))
def test_label_scan_finds_what_the_label_patterns_find(text: str) -> None:
    for label, words, prefixes in ((html_meta._UPDATE_LABEL, html_meta._UPDATE_WORD, (4,)),
                                   (html_meta._PUBLISH_LABEL, html_meta._PUBLISH_WORD, (5, 10))):
        fast = html_meta._label_matches(text, label, words, prefixes)
        assert _spans(fast) == _spans(label.finditer(text))


def test_label_scan_on_labels_as_pages_show_them() -> None:
    text = ('<span>Last updated on</span> 3 May <p>originally  published 2 May</p> "dateModified": '
            '<i>LAST_UPDATED</i> revised\nfirst posted on')
    ends = [m.group() for m in html_meta._label_matches(text, html_meta._UPDATE_LABEL,
                                                          html_meta._UPDATE_WORD, (4,))]
    assert ends == ["Last updated on", "LAST_UPDATED", "revised"]
    found = [m.group() for m in html_meta._label_matches(text, html_meta._PUBLISH_LABEL,
                                                           html_meta._PUBLISH_WORD, (5, 10))]
    assert found == ["originally  published", "first posted on"]


_PLAIN_DATED = re.compile(
    r">\s*(?:[a-z]{3,6}day,?\s+)?(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH + r",?\s+\d{4}|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})\s*<", re.I)
"""The dated-element pattern without its look-ahead."""
_DATE_PIECES = ["<td>", "</td>", "<", ">", " ", "\n", "Monday, ", "3 May 2025", "May 3, 2025", "sept 30 2024",
                "15/4/2025", "2025-05-02", "\u0663/4/2025", "\u017fept 3, 2025", "\u212aday 3/4/2025", "x", "9"]
date_soup = st.lists(st.sampled_from(_DATE_PIECES), max_size=14).map("".join)


@FUZZ
@given(st.one_of(date_soup, st.text(max_size=60)))
def test_dated_element_scan_finds_what_the_plain_pattern_finds(text: str) -> None:
    assert _DATED_ELEMENT.findall(text) == _PLAIN_DATED.findall(text)


def _exact_depth(html: str) -> int:
    """The deepest nesting as limit_html_depth's own loop counts it."""
    depth = deepest = 0
    for m in deep_html._TAG.finditer(html):
        if m.group(2).lower() in deep_html._FLAT or m.group(3):
            continue
        depth = max(depth - 1, 0) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


_TAG_PIECES = ["<div>", "</div>", "</DIV >", "<P>", "</p>", "<br/>", "<div class='x'/>", "<img src=a>", "<span>",
               "</span x>", "<li>", "</li>", "<x-y>", "</x-y>", "<p-x>", "</p-x>", "< div>", "</div", "</div/>",
               "<a title='<b>'>", "</a>", "text", "</html>", "<!-- c -->", "<" + "n" * 70 + ">", "</" + "n" * 70 + ">"]
tag_soup = st.lists(st.sampled_from(_TAG_PIECES), max_size=80).map("".join)


@FUZZ
@given(st.one_of(tag_soup, html_text))
def test_depth_bound_is_never_below_the_counted_depth(html: str) -> None:
    assert deep_html.depth_bound(html) >= _exact_depth(html)


def test_a_page_nested_10000_deep_is_still_cut_to_the_limit() -> None:
    page = "<html><body>" + "<div><span>x " * 5_000 + "Riverside University" + "</span></div>" * 5_000
    out, warnings = deep_html.limit_html_depth(page)
    assert warnings and "nested more than" in warnings[0]
    assert _exact_depth(out) == deep_html.MAX_HTML_DEPTH
    assert out.count("x ") == 5_000 and "Riverside University" in out  # the text stays


def test_a_real_shaped_page_within_the_limit_is_left_alone() -> None:
    page = "<html><body>" + "<div><p>Northgate Hospital news</p><img src=a.png><br></div>\n" * 400
    assert deep_html.depth_bound(page) <= 2
    assert deep_html.limit_html_depth(page) == (page, [])


@FUZZ
@given(st.one_of(label_soup, label_soup.map(lambda s: s.replace("\u017f", "s").replace("\u0130", "I")
                                                 .replace("\u0131", "i")), st.text(max_size=60)))
def test_keyword_starts_are_the_keyword_patterns(text: str) -> None:
    for words in (html_meta._UPDATE_WORD, html_meta._PUBLISH_WORD):
        assert html_meta._keyword_starts(text, words) == [m.start() for m in words.finditer(text)]
