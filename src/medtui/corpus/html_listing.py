"""Whether an HTML page may be a listing, read from the lxml tree trafilatura reads too.

medtui's own cleaner (:mod:`medtui.corpus.html_fallback`) tells a listing from an
article by splitting the page into items and comparing their sizes
(:func:`medtui.corpus.html.is_listing`); it costs a second parse (lexbor) and a tenth
of trafilatura's time per page. It is run only on a page this module calls a possible
listing, which it finds from the same kinds of items:

- the signs of :func:`medtui.corpus.html_fallback.listing_signs`, on this tree: two or
  more ``<article>`` elements, three or more linked headlines of one level, or three or
  more elements that hold only a date (each item's date line); articles and headlines
  the cleaner surely drops (inside navigation, asides, forms, widgets or furniture
  containers that do not hold the article) do not count;
- and items of those kinds that share the page's text as a listing's items do: each
  item is the largest element (at most :data:`ITEM_DEPTH` levels up) that holds its
  article, headline or date and no other's; there are two or more, no item has
  :data:`DOMINANCE` times the words of the next, and together they hold at least
  1/:data:`ARTICLE_SHARE` of the words of trafilatura's article. An article that ends
  in a list of teasers fails the last test: its teasers are small beside it.

Both thresholds are looser than the cleaner's own (2 and 1.5): the items here are
counted from the raw markup, which holds more and other text than the cleaner keeps,
and the cleaner still decides. On the article-extraction benchmark's 119 news pages and
the dev set's 15 HTML pages, the cleaner ran on 37 pages, 2 of them listings, when the
signs alone sent a page to it; it now runs on 11 (the 2 listings among them).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from typing import Any

from medtui.corpus.html_fallback import (
    _ALWAYS_DROP_TAGS,
    _BOILERPLATE_ATTR,
    _DATED_ELEMENT,
    _DROP_ROLE_NAMES,
    _HOLDER_SHARE,
    _MIN_LISTING_ITEMS,
    _SOMETIMES_DROP_TAGS,
)
from medtui.corpus.html_page import walk

ITEM_DEPTH = 8
"""How far above its article, headline or date an item's element may be (as the cleaner's)."""
DOMINANCE = 4.0
ARTICLE_SHARE = 3.0
_DATE_TEXT = re.compile(_DATED_ELEMENT.pattern[1:].replace(r"\s*<)", r"\s*$)"))
"""The text of an element that holds only a date (:data:`_DATED_ELEMENT` without its ``>`` and ``<``)."""


def listing_items(tree: Any, html: str, elements: dict[str, list[Any]] | None = None) -> list[list[int]]:
    """The words of each item of each kind of item (articles, linked headlines of one
    level, dated elements) that the page ``html``, parsed as ``tree`` (lxml, not changed;
    ``elements``: its :func:`medtui.corpus.html_page.walk`, if the caller has it), shows
    enough of to be a listing; empty for a page without the signs of one."""
    body = tree.find("body")
    if body is None:
        body = tree.body if hasattr(tree, "body") else None
    if body is None:
        return []
    if elements is None:
        elements = walk(tree)
    found = {tag: [el for el in elements[tag] if _linked(el)] if len(elements[tag]) >= _MIN_LISTING_ITEMS else []
             for tag in ("h2", "h3", "h4")}
    dropped = _DroppedTest(body, elements["h1"][0] if elements["h1"] else None)
    kinds: list[list[Any]] = []
    articles = elements["article"]
    if len(articles) >= 2:  # counted first: the drop test is the costly part
        articles = [a for a in articles if not dropped(a)]
        if len(articles) >= 2:
            kinds.append([a for a in articles if not any(p.tag == "article" for p in a.iterancestors())])
    for heads in (found["h2"], found["h3"], found["h4"]):
        if len(heads) >= _MIN_LISTING_ITEMS:
            heads = [h for h in heads if not dropped(h)]
            if len(heads) >= _MIN_LISTING_ITEMS:
                kinds.append(heads)
    start = html.find("<body")
    dated = _DATED_ELEMENT.finditer(html, start if start >= 0 else max(html.find("<BODY"), 0))  # not the <head>
    if sum(1 for _ in islice(dated, _MIN_LISTING_ITEMS)) >= _MIN_LISTING_ITEMS:
        kinds.append(_dated_elements(body))
    return [[_words(item) for item in _items(marks)] for marks in kinds]


def may_be_listing(items: list[list[int]], article_words: int) -> bool:
    """Whether items of one kind (:func:`listing_items`) share the page's text as a
    listing's do (see the module docstring); ``article_words``: the words of
    trafilatura's article."""
    for item_words in items:
        if len(item_words) < 2:
            continue
        largest, second = sorted(item_words, reverse=True)[:2]
        if largest < DOMINANCE * second and article_words <= ARTICLE_SHARE * sum(item_words):
            return True
    return False


def _linked(head: Any) -> bool:
    """A headline that is a link: its first link holds at least 60% of its words."""
    link = next(head.iter("a"), None)
    words = len(head.text_content().split())
    return link is not None and words > 0 and len(link.text_content().split()) >= 0.6 * words


def _dated_elements(body: Any) -> list[Any]:
    """Elements whose own text (or the text after them, held by their parent) is only a date."""
    found = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        if el.text and _DATE_TEXT.match(el.text) and len(el) == 0:
            found.append(el)
        elif el.tail and _DATE_TEXT.match(el.tail) and el.getparent() is not None:
            found.append(el.getparent())
    return found


def _items(marks: list[Any]) -> list[Any]:
    """Each mark's item: its largest ancestor (up to ITEM_DEPTH up) that holds no other mark."""
    held: Counter[Any] = Counter()
    for mark in marks:
        for node in islice(mark.iterancestors(), ITEM_DEPTH):
            held[node] += 1
    items = []
    for mark in marks:
        item = mark
        for node in islice(mark.iterancestors(), ITEM_DEPTH):
            if held[node] != 1:
                break
            item = node
        items.append(item)
    return list(dict.fromkeys(items))


def _words(el: Any) -> int:
    return len(el.text_content().split())


class _DroppedTest:
    """:class:`medtui.corpus.html_fallback._DroppedTest` on an lxml tree: whether the cleaner
    surely drops a node before it marks items (an always-dropped element, or furniture by
    tag, role or class that holds neither the first ``<h1>`` nor half of the body's words)."""

    def __init__(self, body: Any, head: Any) -> None:
        """``head``: the body's first ``<h1>``, if it has one."""
        self.body = body
        self.h1_line: set[Any] = set() if head is None else {head, *head.iterancestors()}
        self.verdicts: dict[Any, bool] = {}
        self.total: int | None = None

    def __call__(self, node: Any) -> bool:
        while node is not None and node.tag not in ("body", "html"):
            verdict = self.verdicts.get(node)
            if verdict is None:
                verdict = self.verdicts[node] = self._drops(node)
            if verdict:
                return True
            node = node.getparent()
        return False

    def _drops(self, node: Any) -> bool:
        tag = node.tag
        if tag in _ALWAYS_DROP_TAGS:
            return True
        attrs = " ".join(filter(None, (node.get("class"), node.get("id"))))
        furniture = (tag in _SOMETIMES_DROP_TAGS or node.get("role") in _DROP_ROLE_NAMES
                     or (tag not in ("article", "main") and bool(_BOILERPLATE_ATTR.search(attrs))))
        if not furniture or node in self.h1_line:
            return False
        if self.total is None:
            gone = sum(_words(n) for n in self.body.iter(*_ALWAYS_DROP_TAGS))
            self.total = _words(self.body) - gone
        return _words(node) < _HOLDER_SHARE * self.total


ARTICLE_PARAGRAPH_WORDS = 8
"""Paragraphs of at least this many words are compared by :func:`items_are_the_article`."""
ARTICLE_HELD = 0.5


def items_are_the_article(items: list[tuple[str, str]], article: str) -> bool:
    """Whether the cleaner's listing items (``(title, text)`` each) are trafilatura's one
    article cut up by the related-story lists a site sets between its paragraphs: at
    least :data:`ARTICLE_HELD` of the words of the items' paragraphs (of
    :data:`ARTICLE_PARAGRAPH_WORDS`+ words) stand verbatim in that article, and most
    items have no headline of their own (their title has no letters: the list's bullet
    "•" was taken for it).

    A real listing's items each have a headline, whether trafilatura's article lacks
    their summaries (its precision pass took one item or the lead) or holds them all
    (its balanced pass took the whole list). On a benchmark news article split into 9
    items by inline teaser lists, 62% of the items' paragraph words stood in the article
    and 8 of the 9 titles were "•"; the dev set's listing page keeps a headline per item.
    """
    flat = " ".join(article.split())
    if not flat or not items:
        return False
    held = total = 0
    for _title, text in items:
        for para in text.split("\n"):
            words = para.split()
            if len(words) >= ARTICLE_PARAGRAPH_WORDS:
                total += len(words)
                held += len(words) if " ".join(words) in flat else 0
    headed = sum(any(ch.isalpha() for ch in title) for title, _text in items)
    return total > 0 and held >= ARTICLE_HELD * total and headed < 0.5 * len(items)
