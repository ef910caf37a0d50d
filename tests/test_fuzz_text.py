"""Property tests of cleaning, story splitting and dates on arbitrary and hostile text.

Cleaning and splitting never raise, and a story never holds a word its cleaned page does
not; dates are real calendar dates (or none), never an exception.
Profiles (examples per property): tests/helpers/fuzz.py, HYPOTHESIS_PROFILE=ci|long.
"""

from __future__ import annotations

import datetime
import re

from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzz import FUZZ, document_text, html_text, prose
from medtui.corpus.clean import ARTICLE_BREAK, CleanDoc, clean_lines
from medtui.corpus.dates import MONTHS, date_line, find_dates, first_date, year_heading
from medtui.corpus.html_fallback import html_to_page
from medtui.corpus.model import PartialDate
from medtui.corpus.stories import split_stories

ELLIPSIS = "\u2026"


def assert_valid(date: PartialDate | None) -> None:
    """``date`` is None or a real calendar date as precise as it says."""
    if date is None:
        return
    assert 1900 <= date.year <= 2100
    if date.month is None:
        assert date.day is None
        return
    datetime.date(date.year, date.month, date.day or 1)  # raises if not a real date
    assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", date.iso())


def check_stories(doc: CleanDoc) -> None:
    """Split ``doc``: no exception, and every story word is a word of the cleaned page."""
    page_words = {w for line in doc.lines for w in line.split()}
    stories = split_stories(doc)
    if any(ln.strip() and ln != ARTICLE_BREAK for ln in doc.lines):
        assert stories, "a page with text must give at least one story"
    for story in stories:
        assert ARTICLE_BREAK not in story.text
        assert_valid(story.date)
        missing = [w for w in story.text.split() if w not in page_words]
        assert not missing, f"story text words not on the page: {missing[:5]}"
        title = story.title.split()
        if title and title[-1].endswith(ELLIPSIS):  # a title shortened from the text
            title[-1] = title[-1][: -len(ELLIPSIS)]
        hint = set((doc.title_hint or "").split())
        missing = [w for w in title if w and w not in page_words and w not in hint
                   and not any(w in p for p in page_words)]
        assert not missing, f"title words not on the page: {missing[:5]}"


def visible_text(html: str) -> str:
    """What a browser shows of ``html``: the parsed tree without scripts and styles.

    (``<![CDATA[<style>a{}`` in HTML is a bogus comment up to the first ``>``: there
    ``a{}`` is text, not a style sheet.)
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, template, noscript"):
        node.decompose()
    return tree.root.text() if tree.root is not None else ""


def check_clean(doc: CleanDoc) -> None:
    assert all("\n" not in line for line in doc.lines)
    if doc.lines:
        assert doc.lines[0] != "" and doc.lines[-1] != ""
    assert all(not (a == "" and b == "") for a, b in zip(doc.lines, doc.lines[1:], strict=False))


@FUZZ
@given(document_text)
def test_cleaning_and_splitting_plain_text(text: str) -> None:
    doc = clean_lines(text)
    check_clean(doc)
    check_stories(doc)


@FUZZ
@given(html_text)
def test_cleaning_and_splitting_html(html: str) -> None:
    page = html_to_page(html)
    shown = visible_text(html)
    for payload in ("x<y", "a{}"):  # script and style bodies never become text
        assert payload not in page.text or payload in shown
    doc = clean_lines(page.text, title_hint=page.title, publisher=page.publisher, url=page.url,
                      date_hint=page.date_hint)
    check_clean(doc)
    check_stories(doc)


_MONTH_NAMES = sorted(MONTHS)


@st.composite
def date_like(draw: st.DrawFn) -> str:
    """Strings shaped like dates, many of them impossible (31 February, month 13, year 0)."""
    d, m, y = draw(st.integers(0, 40)), draw(st.integers(0, 15)), draw(st.integers(0, 2300))
    name = draw(st.sampled_from(_MONTH_NAMES))
    name = draw(st.sampled_from((name, name.title(), name.upper(), name + ".")))
    shape = draw(st.sampled_from((
        f"{d} {name} {y}", f"{name} {d}, {y}", f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}",
        f"{d}/{m}/{y}", f"{d}.{m}.{y}", f"{name} {y}", f"{y}年{m}月{d}日", f"{y}年{m}月",
        f"{d}th of {name} {y}", f"{d} de {name} de {y}", f"{y}", f"{y}-{m}-{d}T10:00:00",
    )))
    return draw(st.sampled_from(("", "On ", "(", "\u2014 ", "x"))) + shape + draw(
        st.sampled_from(("", ".", ", Hong Kong", ")", "0", "/1")))


@FUZZ
@given(st.one_of(date_like(), prose, st.lists(date_like(), max_size=5).map(" and ".join)))
def test_dates_are_real_or_none_and_never_raise(text: str) -> None:
    found = find_dates(text)
    last_end = 0
    for match in found:
        assert_valid(match.date)
        assert last_end <= match.start < match.end <= len(text)
        assert str(match.date.year) in text[match.start:match.end]
        last_end = match.end
    assert_valid(first_date(text))
    assert first_date(text) == (found[0].date if found else None)
    assert_valid(date_line(text))
    year = year_heading(text)
    assert year is None or str(year) in text
