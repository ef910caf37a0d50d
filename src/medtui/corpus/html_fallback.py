"""medtui's own HTML cleaner (lexbor via selectolax): the fallback when trafilatura finds nothing,
and the listing detector (see :mod:`medtui.corpus.html`).

Scripts, styles, navigation, headers, footers, sidebars and share widgets are dropped;
the article (``<article>``, ``<main>`` or the body) becomes one line per block, list
items as bullets, so that the same text cleaner can work on it as on plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from medtui.corpus.clean import ARTICLE_BREAK
from medtui.corpus.normalise import normalise_chars

_ALWAYS_DROP = "script, style, noscript, template, svg, iframe, button, select, input, textarea, object, embed, " \
    "canvas, audio, video, map"
_SOMETIMES_DROP = "form, nav, aside"
"""Dropped unless they hold the article (a page wrapped in <form>, an article in <aside>)."""
_HOLDER_SHARE = 0.5
_ALWAYS_DROP_TAGS = frozenset(_ALWAYS_DROP.replace(",", " ").split())
_SOMETIMES_DROP_TAGS = frozenset(_SOMETIMES_DROP.replace(",", " ").split())
_DROP_ROLES = '[role="navigation"], [role="banner"], [role="contentinfo"], [role="search"]'
_DROP_ROLE_NAMES = frozenset(re.findall(r'role="(\w+)"', _DROP_ROLES))
_BOILERPLATE_ATTR = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|footer|sidebar|share|sharing|social|cookie|"
    r"related|comments?|subscribe|newsletter|advert|ads|promo|skip-link|site-header|masthead|"
    r"copyright|colophon|site-info|bottom|topbar|toolbar)"
    r"($|[\s_-])",
    re.I,
)
_BLOCK_TAGS = (
    "p, div, section, h1, h2, h3, h4, h5, h6, br, tr, blockquote, pre, dd, dt, "
    "figcaption, header, footer, article, main, table, ul, ol, hr, address, time"
)


@dataclass
class HtmlPage:
    """The page's text as lines, and what the page says about itself."""

    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date_hint: str | None = None
    published: str | None = None
    """The publication date a meta tag or JSON-LD ``datePublished`` states, as written."""


def _meta(tree: Any, *selectors: str) -> str | None:
    for sel in selectors:
        node = tree.css_first(sel)
        if node is None:
            continue
        value = node.attributes.get("content") or node.attributes.get("href") or node.attributes.get("value")
        if value is None:
            value = node.attributes.get("datetime")
        if value and value.strip():
            return " ".join(value.split())
    return None


def parse(html: str) -> Any:
    """``html`` parsed by lexbor (selectolax): fast, for the page's metadata and listing signs."""
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(html)


def page_meta(tree: Any) -> HtmlPage:
    """What the page says about itself (title, publisher, URL, dates), without its text."""
    title_node = tree.css_first("title")
    page = HtmlPage(
        text="",
        title=_meta(tree, 'meta[property="og:title"]', 'meta[name="twitter:title"]')
        or (" ".join(title_node.text().split()) if title_node else None),
        publisher=_meta(tree, 'meta[property="og:site_name"]', 'meta[name="application-name"]',
                        'meta[name="publisher"]', 'meta[name="author"]'),
        url=_meta(tree, 'link[rel="canonical"]', 'meta[property="og:url"]'),
        date_hint=_meta(tree, 'meta[property="article:published_time"]',
                        'meta[name="date"]', 'meta[name="pubdate"]',
                        'meta[itemprop="datePublished"]', "time[datetime]"),
        published=_meta(tree, 'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]',
                        'meta[name="parsely-pub-date"]', 'meta[name="pubdate"]')
        or json_ld_published(node.text() or "" for node in tree.css('script[type="application/ld+json"]')),
    )
    page.title = normalise_chars(page.title) if page.title else None
    page.publisher = normalise_chars(page.publisher) if page.publisher else None
    return page


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATED_ELEMENT = re.compile(
    r">(?=\s*+[^\W_])(?i:\s*(?:[a-z]{3,6}day,?\s+)?(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH
    + r",?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})\s*<)")
"""An element whose whole text is a date: a listing item's date line. The look-ahead
(the text starts with a letter or a digit) lets the scan skip at once the many ``>`` that
are followed by another tag: without it, this scan of the whole markup cost an eighth
of trafilatura's time on the article-extraction benchmark's pages. Its spaces are taken
possessively (``\\s*+``: a letter or digit is never a space, so the same matches), since
a ``>`` followed by a line end and indentation before the next tag made the scan step back
over every space of the indentation (twice as long on the news pages)."""


def listing_signs(tree: Any, html: str) -> bool:
    """Whether the raw page shows the signs of a listing: two or more ``<article>``
    elements, three or more linked headlines of one level (what :func:`_mark_articles`
    looks for), or three or more elements that hold only a date (each item's date
    line). Only such a page can be a listing, so only then is the full cleaner run (it
    costs about a quarter of trafilatura's time).

    Articles and headlines the cleaner drops before it looks for items do not count:
    those inside navigation, asides, forms, widgets or containers whose class or id says
    furniture (:data:`_BOILERPLATE_ATTR`: related, sidebar, share, ...), unless that
    container holds the article as the cleaner sees it (:func:`_article_holders`). On the
    article-extraction benchmark's pages this spares a third of the articles with
    teaser lists the cleaner's run."""
    dropped = _DroppedTest(tree)
    if sum(not dropped(a) for a in tree.css("article")) >= 2:
        return True
    for level in ("h2", "h3", "h4"):
        linked = 0
        for head in tree.css(level):
            link = head.css_first("a")
            words = len(head.text().split())
            if link is not None and words and len(link.text().split()) >= 0.6 * words and not dropped(head):
                linked += 1
                if linked >= _MIN_LISTING_ITEMS:
                    return True
    dated = _DATED_ELEMENT.finditer(html)  # the costliest test last, stopped at enough items
    return sum(1 for _ in islice(dated, _MIN_LISTING_ITEMS)) >= _MIN_LISTING_ITEMS


class _DroppedTest:
    """Whether :func:`html_to_page` surely drops a node before it marks items: the node
    or an ancestor is always dropped (:data:`_ALWAYS_DROP`), or is furniture by tag,
    role or class (:data:`_SOMETIMES_DROP`, :data:`_DROP_ROLES`, :data:`_BOILERPLATE_ATTR`)
    and is no holder of the article: no ancestor of the first ``<h1>``, and holding
    less than half of the body's words (counted generously: linked words too, and the
    dropped elements' words taken off the body's, so a holder is never missed)."""

    def __init__(self, tree: Any) -> None:
        self.body = tree.body
        head = self.body.css_first("h1") if self.body is not None else None
        self.h1_line: set[int] = set()
        while head is not None:
            self.h1_line.add(head.mem_id)
            head = head.parent
        self.verdicts: dict[int, bool] = {}
        self.total: int | None = None

    def __call__(self, node: Any) -> bool:
        while node is not None and node.tag not in ("body", "html"):
            verdict = self.verdicts.get(node.mem_id)
            if verdict is None:
                verdict = self.verdicts[node.mem_id] = self._drops(node)
            if verdict:
                return True
            node = node.parent
        return False

    def _drops(self, node: Any) -> bool:
        tag = node.tag
        if tag in _ALWAYS_DROP_TAGS:
            return True
        attrs = " ".join(filter(None, (node.attributes.get("class"), node.attributes.get("id"))))
        furniture = (tag in _SOMETIMES_DROP_TAGS or node.attributes.get("role") in _DROP_ROLE_NAMES
                     or (tag not in ("article", "main") and bool(_BOILERPLATE_ATTR.search(attrs))))
        if not furniture or node.mem_id in self.h1_line:
            return False
        if self.total is None:
            body = self.body
            gone = sum(len(n.text(separator=" ").split()) for n in body.css(_ALWAYS_DROP))
            self.total = len(body.text(separator=" ").split()) - gone
        return len(node.text(separator=" ").split()) < _HOLDER_SHARE * self.total


def html_to_page(html: str, tree: Any = None) -> HtmlPage:
    """Parse ``html`` (or take its lexbor ``tree``, which is changed) and return its
    article text as lines, plus metadata."""
    if tree is None:
        tree = parse(html)
    page = page_meta(tree)
    for node in tree.css(_ALWAYS_DROP):
        node.decompose()
    holds = _article_holders(tree)
    for node in tree.css(_SOMETIMES_DROP + ", " + _DROP_ROLES):
        if node.mem_id not in holds:
            node.decompose()
    for node in tree.css("[class], [id]"):
        attrs = " ".join(filter(None, (node.attributes.get("class"), node.attributes.get("id"))))
        if node.tag not in ("body", "html", "article", "main") and _BOILERPLATE_ATTR.search(attrs) \
                and node.mem_id not in holds:
            node.decompose()
    root = _article_root(tree)
    if root is None:
        return page
    stats = _link_stats(root)
    _drop_link_lists(root, stats)
    for node in root.css("header, footer"):
        if node.parent is not None and node.parent.tag in ("body", "html"):
            node.decompose()
    _mark_articles(root, stats)
    for node in root.css("li"):
        node.insert_before("\n\u2022 ")
        node.insert_after("\n")
    for node in root.css(_BLOCK_TAGS):
        node.insert_before("\n\n" if node.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else "\n")
        node.insert_after("\n")
    for node in root.css("td, th"):
        node.insert_after(" \t ")
    raw = root.text(deep=True, separator="")
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    # Character references the parser decoded (&shy; &#8203; &nbsp;) are normalised now.
    page.text = normalise_chars(re.sub(r"\n{3,}", "\n\n", "\n".join(lines))).strip()
    return page


_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def json_ld_published(blocks: Iterable[str]) -> str | None:
    """The first ``datePublished`` of the page's JSON-LD ``blocks`` (their text; a regex:
    no JSON parse of blocks that are often invalid)."""
    for text in blocks:
        m = _JSON_LD_PUBLISHED.search(text)
        if m:
            return m.group(1)
    return None


_LINK_BLOCKS = "div, ul, ol, dl, section, table, p, header, footer, span"
_MIN_LINKS = 3
_LINK_SHARE = 0.7
_MIN_PROSE_WORDS = 50


Stats = dict[int, tuple[int, int, int]]
"""Per element (by ``mem_id``): links, words inside links, words."""


def _link_stats(root: Any) -> Stats:
    """Links and words of every element under ``root``, in one pass (linear even on
    deeply nested pages, where asking each element for its text would be quadratic).

    The nodes are visited in reverse document order, so that every node comes after all
    of its descendants and hands its sums to its parent (one tree walk, a third less
    time than visiting each element's children twice)."""
    stats: Stats = {}
    pending: dict[int, list[int]] = {}  # element -> links, linked words, words so far
    root_id = root.mem_id
    for node in reversed(list(root.traverse(include_text=True))):
        if node.tag == "-text":
            words = len((node.text_content or "").split())
            if words:
                _hand_up(pending, node.parent.mem_id, 0, 0, words)
            continue
        mem_id = node.mem_id
        links, linked, words = pending.pop(mem_id, (0, 0, 0))
        if node.tag == "a":
            links, linked = links + 1, words
        stats[mem_id] = (links, linked, words)
        if mem_id != root_id and (links or words):
            _hand_up(pending, node.parent.mem_id, links, linked, words)
    return stats


def _hand_up(pending: dict[int, list[int]], parent: int, links: int, linked: int, words: int) -> None:
    sums = pending.get(parent)
    if sums is None:
        pending[parent] = [links, linked, words]
    else:
        sums[0] += links
        sums[1] += linked
        sums[2] += words


def _drop_link_lists(root: Any, stats: Stats) -> None:
    """Drop blocks that are mostly links (menus, sidebars, "latest news" lists).

    This works whatever the blocks' class names say, but only on a page with prose of
    its own: a page that is nothing but linked headlines (a listing) keeps them.
    """
    n_links, root_links, root_words = stats.get(root.mem_id, (0, 0, 0))
    prose = root_words - root_links
    if n_links < _MIN_LINKS or prose < _MIN_PROSE_WORDS:
        return
    doomed = []
    for node in root.css(_LINK_BLOCKS):
        count, linked, total = stats.get(node.mem_id, (0, 0, 0))
        if count >= _MIN_LINKS and linked >= _LINK_SHARE * total and total - linked < 0.5 * prose:
            doomed.append(node)
    for node in doomed:
        node.decompose()


_MIN_LISTING_ITEMS = 3
_ITEM_DEPTH = 8
"""How far above its headline a listing item's element may be."""
_ARTICLE_DEPTH = 64


def _mark_articles(root: Any, stats: Stats) -> None:
    """Put a break line before each of several ``<article>`` elements (a listing page), so
    that the story splitter keeps them apart; articles inside articles (comments) are not.

    A listing without ``<article>`` elements shows itself by its linked headlines: three or
    more headings of one level that are links. Each item is then the largest element that
    holds its headline and no other (its date and teaser with it).
    """
    articles = [a for a in root.css("article") if not _has_article_ancestor(a, root)]
    if len(articles) >= 2:
        for node in articles:
            node.insert_before(f"\n{ARTICLE_BREAK}\n")
        return
    for level in ("h2", "h3", "h4"):
        heads = [h for h in root.css(level) if _linked_headline(h, stats)]
        if len(heads) < _MIN_LISTING_ITEMS:
            continue
        held: dict[int, int] = {}  # element -> how many of the headlines it holds
        for head in heads:
            for node in _ancestors(head, root, _ITEM_DEPTH):
                held[node.mem_id] = held.get(node.mem_id, 0) + 1
        for head in heads:
            item = head
            for node in _ancestors(head, root, _ITEM_DEPTH):
                if held[node.mem_id] != 1:
                    break
                item = node
            item.insert_before(f"\n{ARTICLE_BREAK}\n")
        return


def _ancestors(node: Any, root: Any, limit: int) -> list[Any]:
    """Up to ``limit`` ancestors of ``node`` below ``root``, nearest first."""
    out: list[Any] = []
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id and len(out) < limit:
        out.append(parent)
        parent = parent.parent
    return out


def _linked_headline(head: Any, stats: Stats) -> bool:
    _, linked, words = stats.get(head.mem_id, (0, 0, 0))
    return words > 0 and linked >= 0.6 * words


def _has_article_ancestor(node: Any, root: Any) -> bool:
    return any(parent.tag == "article" for parent in _ancestors(node, root, _ARTICLE_DEPTH))


def _article_holders(tree: Any) -> set[int]:
    """Elements (by ``mem_id``) that hold the article, whatever their tag or class says:
    the ancestors of the page's first <h1>, and those holding most of the body's words.
    They are never dropped as furniture."""
    body = tree.body
    if body is None:
        return set()
    stats = _link_stats(body)
    total = stats.get(body.mem_id, (0, 0, 0))[2]
    holders: set[int] = set()
    head = body.css_first("h1")
    node = head
    while node is not None:
        holders.add(node.mem_id)
        node = node.parent
    for mem_id, (_, linked, words) in stats.items():
        if total and words - linked >= _HOLDER_SHARE * total:
            holders.add(mem_id)
    return holders


_MIN_ARTICLE_WORDS = 20


def _article_root(tree: Any) -> Any:
    articles = [a for a in tree.css("article") if len(a.text(deep=True).split()) >= _MIN_ARTICLE_WORDS]
    if len(articles) == 1:
        return articles[0]
    main = tree.css_first('main, [role="main"]')
    if main is not None:
        return main
    return tree.body
