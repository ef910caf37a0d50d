"""HTML pages to stories: the article by trafilatura, the page's date by htmldate.

How a page is read (issue 9; figures measured on the article-extraction benchmark of
real news pages, see the README):

1. The page is parsed once, by lxml as trafilatura parses it; what medtui reads from the
   markup (the page's facts, its ``<h1>``, the items of a possible listing: articles,
   linked headlines, dated elements, :mod:`medtui.corpus.html_listing`) is read from that
   tree before trafilatura runs on it. Only when those items could share the page's text
   does medtui's own cleaner (:mod:`medtui.corpus.html_fallback`, lexbor via selectolax)
   parse the page again and mark the listing's items; a page whose marked items share its
   text (no item holds most of it) is a listing: it is split by
   :func:`medtui.corpus.stories.split_stories`, one story per item, each with its own
   headline and date.
2. Any other page is one article. Its text, title, site name and canonical URL come
   from trafilatura (``favor_precision``, no comments, tables kept), one line per
   paragraph. What trafilatura keeps but a reader does not want (cookie notices,
   "Related:" and "Read more:" teasers, share and newsletter prompts, reporter
   credits and contact lines, photo credits, "Updated at" stamps) is dropped by kind,
   then the text goes through the same line cleaner as plain text. A standfirst the
   page holds as bare text in a ``<div>`` between headline and body, which trafilatura
   leaves out, is put back (:mod:`medtui.corpus.html_lead`).
3. The publication date is the one the page's own metadata states, found by htmldate
   with ``original_date=True`` (published wins over updated): JSON-LD
   ``datePublished``, ``article:published_time`` and similar meta tags, ``<time>``
   elements, a full date in the URL. htmldate's ``extensive_search`` is off: it would
   guess from free text and fall back to a copyright year as 1 January, an invented
   date. A date after today or before 1995 is refused by htmldate; the file's time
   and the clock are never used as a date.
4. If trafilatura fails or finds no article text on a page that has text, the page
   is read by medtui's own cleaner instead, with a warning on the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from medtui.corpus import html_meta
from medtui.corpus.bulletins import split_separated
from medtui.corpus.clean import ARTICLE_BREAK, CleanDoc, clean_lines
from medtui.corpus.dates import date_line
from medtui.corpus.html_extract import article_text
from medtui.corpus.html_fallback import HtmlPage, listing_signs, parse
from medtui.corpus.html_fallback import html_to_page as fallback_page
from medtui.corpus.html_fallback import page_meta as fallback_meta
from medtui.corpus.html_furniture import drop_furniture
from medtui.corpus.html_lead import lead_paragraphs
from medtui.corpus.html_listing import items_are_the_article, listing_items, may_be_listing
from medtui.corpus.html_meta import MIN_DATE, PageMeta, load_tree
from medtui.corpus.html_page import h1_texts, page_facts, walk
from medtui.corpus.model import PartialDate
from medtui.corpus.normalise import normalise_chars
from medtui.corpus.stories import RawStory, shorten, split_stories

LISTING_DOMINANCE = 2.0
LISTING_ARTICLE_RATIO = 1.5
LISTING_MIN_ITEMS = 2
SHORT_ARTICLE_WORDS = 100
"""Below this many words, trafilatura's balanced mode is asked too (see :func:`read_html`)."""
RETRY_GAIN = 2.0
MIN_ARTICLE_WORDS = 12
"""trafilatura's text must have this many words (after furniture is dropped), else the
page is read by the fallback cleaner."""

FALLBACK_WARNING = "trafilatura found no article text: the page was read by medtui's own HTML cleaner"


@dataclass
class HtmlRead:
    """What an HTML page gives: its cleaned lines and metadata, its stories, warnings."""

    clean: CleanDoc
    stories: list[RawStory]
    warnings: list[str] = field(default_factory=list)
    reader: str = "trafilatura"
    """Which reader gave the text: "trafilatura", "listing", "entries" (a live blog) or "fallback"."""


def read_html(html: str, controls_removed: bool = False) -> HtmlRead:
    """Read one HTML page into stories; never raises on a bad page (see the module docstring).

    ``controls_removed``: ``html`` has no C0 control characters left (it went through
    :func:`medtui.corpus.reader.read_document_text`); lxml's parse then skips removing them
    again (:func:`medtui.corpus.html_meta.load_tree`).

    The page is parsed once, by lxml as trafilatura parses it, and everything medtui reads
    from the markup (the page's facts, metadata, headlines, a listing's items) is read
    before trafilatura runs on that tree, which it changes
    (:mod:`medtui.corpus.html_extract`). medtui's own cleaner parses the page again only
    when it may be a listing (:mod:`medtui.corpus.html_listing`) or trafilatura finds no
    article."""
    tree = load_tree(html, controls_removed)
    lexbor: Any = None
    if tree is None:
        lexbor = parse(html)
        page, heads = fallback_meta(lexbor), [" ".join(h.text().split()) for h in lexbor.css("h1")]
        items: list[list[int]] | None = None
    else:
        elements = walk(tree)
        page, heads, items = page_facts(tree, elements), h1_texts(elements), listing_items(tree, html, elements)
    own_date = _iso_date((page.published or "")[:10])
    meta = html_meta.page_meta(tree, html, dated=own_date is not None) if tree is not None else PageMeta()
    found = _trafilatura(tree if tree is not None else html)
    lines: list[str] = []
    if found is not None:
        lines = drop_furniture(found.split("\n"), title=meta.title)
    words = sum(len(ln.split()) for ln in lines)
    if words < SHORT_ARTICLE_WORDS:
        # Precision mode can keep too little of a short page: trafilatura's balanced
        # mode (which itself retries with recall) is asked, and wins if it finds far more.
        # It is asked in fast mode: the precision pass has already compared its text
        # with readability's and justext's, and on the 10 short pages of the news-page
        # benchmark and the dev set fast mode gives the same text at half the cost.
        # The first pass changed the tree: a short page is parsed again for it.
        again = _trafilatura(load_tree(html, controls_removed) if tree is not None else html,
                             precision=False, fast=True)
        more = drop_furniture(again.split("\n")) if again is not None else []
        if sum(len(ln.split()) for ln in more) >= RETRY_GAIN * max(words, 1):
            lines = more
            words = sum(len(ln.split()) for ln in lines)
    stated = own_date or _iso_date(meta.date)
    own: HtmlPage | None = None
    if items is None or may_be_listing(items, words):
        lexbor = lexbor or parse(html)
        if listing_signs(lexbor, html):
            own = fallback_page(html, lexbor)
            own_clean = _clean(own.text, own)
            own_stories = split_stories(own_clean)
            if is_listing([len(s.text.split()) for s in own_stories], words) and not (
                    items_are_the_article([(s.title, s.text) for s in own_stories], "\n".join(lines))):
                return HtmlRead(own_clean, own_stories, reader="listing")
    headline = _headline(heads, _site_suffix_dropped(normalise_chars(meta.title or "") or None, meta.sitename),
                         (meta.sitename, page.publisher))
    if words >= MIN_ARTICLE_WORDS:
        entries = split_separated(found.split("\n"), headline) if found else []
        if entries:
            return _entries_read(entries, headline, stated, page)
        # trafilatura has taken comment sections, infinite-scroll containers and share
        # bars out of the tree (html_extract): a standfirst is never in those.
        lines = lead_paragraphs(tree, lines, headline)
        page = HtmlPage(
            text="\n\n".join(lines),
            title=headline or page.title,
            publisher=meta.sitename or page.publisher,
            url=page.url or meta.url,
            date_hint=page.date_hint,
        )
        clean = _clean(page.text, page)
        story = _article_story(clean, page.title, stated)
        return HtmlRead(clean, [story] if story.text or story.title else [])
    if own is None:
        own = fallback_page(html, lexbor or parse(html))
    own_clean = _clean("\n\n".join(drop_furniture(own.text.split("\n"))), own)
    own_stories = split_stories(own_clean)
    if len(own_stories) == 1 and stated is not None:
        own_stories[0].date = stated
    warnings = [FALLBACK_WARNING] if own_stories else []
    return HtmlRead(own_clean, own_stories, warnings, reader="fallback")


def _entries_read(entries: list[list[str]], headline: str | None, stated: PartialDate | None,
                  page: HtmlPage) -> HtmlRead:
    """A live blog or digest of separated entries (:func:`medtui.corpus.bulletins.split_separated`):
    one story per entry, the lead entry under the page's headline, each dated by a date
    line of its own or else by the page."""
    stories: list[RawStory] = []
    all_lines: list[str] = []
    for n, entry in enumerate(entries):
        kept = drop_furniture(entry)
        clean = _clean("\n\n".join(kept), page)
        lines = [ln for ln in clean.lines if ln.strip() and ln != ARTICLE_BREAK]
        own = date_line(lines[0]) if lines else None
        text = "\n".join(lines[1:] if own is not None else lines).strip()
        title = headline if n == 0 and headline else shorten(text)
        stories.append(RawStory(title=title, text=text, date=own or stated))
        all_lines += [*lines, ARTICLE_BREAK]
    doc = _clean("\n\n".join(ln for ln in all_lines if ln != ARTICLE_BREAK), page)
    return HtmlRead(doc, [s for s in stories if s.text], reader="entries")


_MIN_HEADLINE_WORDS = 3


def _headline(heads: list[str], title: str | None, sites: tuple[str | None, ...] = ()) -> str | None:
    """The headline a reader sees: the page's only ``<h1>`` (``heads``: the text of each)
    when it differs from the title its metadata states (a page republished under a new
    headline keeps the old ``og:title``), else that title. An ``<h1>`` that is the site's
    name (one of ``sites``, as the metadata states it) is the site's masthead, not the
    article's headline (blog themes that print the blog's name in the only ``<h1>``)."""
    if len(heads) != 1:
        return title
    seen = normalise_chars(heads[0])
    if any(site and _norm(seen) == _norm(site) for site in sites):
        return title or seen or None
    if len(seen.split()) < _MIN_HEADLINE_WORDS or (title and _norm(seen) in _norm(title)):
        return title or seen or None
    return seen


def _clean(text: str, page: HtmlPage) -> CleanDoc:
    return clean_lines(text, title_hint=page.title, publisher=page.publisher, url=page.url,
                       date_hint=page.date_hint)


def is_listing(item_words: list[int], article_words: int) -> bool:
    """Whether stories of ``item_words`` words each (medtui's own split of the page) are
    a listing's items rather than one article and its teasers.

    A listing has two or more items and none dominates (the largest has less than
    LISTING_DOMINANCE times the words of the next); and trafilatura's single article
    (``article_words``) is no larger than LISTING_ARTICLE_RATIO times all the items
    together (else our cleaner lost the article and kept only its teasers).
    """
    if len(item_words) < LISTING_MIN_ITEMS:
        return False
    largest, second = sorted(item_words, reverse=True)[:2]
    total = sum(item_words)
    return largest < LISTING_DOMINANCE * second and article_words <= LISTING_ARTICLE_RATIO * total


def _trafilatura(html: Any, precision: bool = True, fast: bool = False) -> str | None:
    """trafilatura's article text (one line per paragraph) of ``html`` (a string or an
    lxml tree, which trafilatura changes: :mod:`medtui.corpus.html_extract`), or None
    when it fails or finds nothing.

    Its metadata step is skipped (:mod:`medtui.corpus.html_meta` reads only what medtui
    uses, from the same tree). ``fast``: trafilatura's fast mode (its text is not compared
    with readability's and justext's)."""
    html_meta.quiet()
    try:
        text = article_text(html, precision=precision, fast=fast)
    except Exception:  # noqa: BLE001 - a library failure means: read the page another way
        return None
    return None if text is None else normalise_chars(text)


def _iso_date(value: object) -> PartialDate | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value or ""))
    if m is None:
        return None
    try:
        found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if not MIN_DATE <= found <= date.today():  # placeholders ("0001-01-01") and future dates
        return None
    return PartialDate(int(m.group(1)), int(m.group(2)), int(m.group(3)))


_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.,'\u2019-]+(?:\s+[\w.,'\u2019&-]+){0,8}\s*$")
_HEAD_LINES = 6


def _article_story(clean: CleanDoc, title: str | None, stated: PartialDate | None) -> RawStory:
    """One article: its lines minus the headline, date lines and byline at the top; the
    date the metadata states, else a date line at the top, else the text's dateline."""
    lines = [ln for ln in clean.lines if ln != ARTICLE_BREAK]
    want = _norm(title)
    found = stated
    head = 0
    while head < len(lines) and head < _HEAD_LINES:
        line = lines[head]
        on_line = date_line(line) if line.strip() else None
        if line.strip() and not (want and _norm(line) == want) and on_line is None and not _BYLINE.match(line):
            break
        found = found or on_line
        head += 1
    lines = lines[head:]
    text = "\n".join(lines).strip()
    if found is None:
        from_text = split_stories(CleanDoc(lines=list(lines), date_hint=clean.date_hint))
        found = from_text[0].date if len(from_text) == 1 else None
    return RawStory(title=(title or "").strip() or shorten(text), text=text, date=found)


_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014:-]\s+")


def _site_suffix_dropped(title: str | None, sitename: str | None) -> str | None:
    """"Headline - The Site Blog" -> "Headline" when the last part names the site."""
    if not title or not sitename:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    site = _norm(sitename).replace(" ", "")
    last = _norm(parts[-1]).replace(" ", "")
    if len(parts) > 1 and last and (site in last or last in site):
        return title[: title.rfind(parts[-1])].rstrip(" |-:\u2013\u2014")
    return title


def _norm(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()
