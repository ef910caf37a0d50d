"""What an HTML page says about itself in its markup, read from the lxml tree trafilatura
reads too (one parse per page, see :mod:`medtui.corpus.html`).

The same facts, with the same selectors, as medtui's own cleaner reads from its lexbor
tree (:func:`medtui.corpus.html_fallback.page_meta`): the title (``og:title``,
``twitter:title``, else the first ``<title>``), the publisher (``og:site_name``,
``application-name``, ``publisher``, ``author``), the canonical URL, a date hint and the
publication date that meta tags or JSON-LD ``datePublished`` state. A test compares
the two readers. As in lexbor's selectors, ``rel`` and ``type`` values are compared
without case (the HTML standard's list of case-insensitive attribute values), the others
exactly; a selector's first match in document order wins.
"""

from __future__ import annotations

from typing import Any

from medtui.corpus.html_fallback import HtmlPage, json_ld_published
from medtui.corpus.normalise import normalise_chars

Selector = tuple[str, str, str]
"""(tag, attribute, value): ``tag[attribute="value"]``; an empty value: the attribute is present."""

_TITLE = (("meta", "property", "og:title"), ("meta", "name", "twitter:title"))
_PUBLISHER = (("meta", "property", "og:site_name"), ("meta", "name", "application-name"),
              ("meta", "name", "publisher"), ("meta", "name", "author"))
_URL = (("link", "rel", "canonical"), ("meta", "property", "og:url"))
_DATE_HINT = (("meta", "property", "article:published_time"), ("meta", "name", "date"),
              ("meta", "name", "pubdate"), ("meta", "itemprop", "datePublished"), ("time", "datetime", ""))
_PUBLISHED = (("meta", "property", "article:published_time"), ("meta", "itemprop", "datePublished"),
              ("meta", "name", "parsely-pub-date"), ("meta", "name", "pubdate"))
_NO_CASE = frozenset({"rel", "type"})


WALKED = ("meta", "link", "time", "title", "script", "h1", "h2", "h3", "h4", "article")
"""The elements medtui reads from a page's markup (its facts here, its headline and a
listing's items in :mod:`medtui.corpus.html_listing`), gathered in one walk."""


def walk(tree: Any) -> dict[str, list[Any]]:
    """The elements of ``tree`` (an lxml tree) named in :data:`WALKED`, by tag, in document
    order: one walk over the tree for everything medtui reads from it."""
    elements: dict[str, list[Any]] = {tag: [] for tag in WALKED}
    for el in tree.iter(*WALKED):
        elements[el.tag].append(el)
    return elements


def page_facts(tree: Any, elements: dict[str, list[Any]] | None = None) -> HtmlPage:
    """Title, publisher, URL, date hint and stated publication date of the page parsed as
    ``tree`` (an lxml tree, not changed; ``elements``: its :func:`walk`, if the caller has
    it), without its text (``text`` is empty)."""
    if elements is None:
        elements = walk(tree)
    titles = elements["title"]
    title = _first(elements, _TITLE)
    if title is None and titles:
        title = " ".join(titles[0].text_content().split())
    publisher = _first(elements, _PUBLISHER)
    scripts = (el.text or "" for el in elements["script"] if (el.get("type") or "").lower() == "application/ld+json")
    return HtmlPage(
        text="",
        title=normalise_chars(title) if title else None,
        publisher=normalise_chars(publisher) if publisher else None,
        url=_first(elements, _URL),
        date_hint=_first(elements, _DATE_HINT),
        published=_first(elements, _PUBLISHED) or json_ld_published(scripts),
    )


def _first(elements: dict[str, list[Any]], selectors: tuple[Selector, ...]) -> str | None:
    """The value of the first element that a selector matches, tried in order (as
    :func:`medtui.corpus.html_fallback._meta` reads it: ``content``, ``href``, ``value``,
    else ``datetime``), spaces collapsed; None when none holds a value."""
    for tag, attr, want in selectors:
        for el in elements[tag]:
            got = el.get(attr)
            if got is None or (want and (got.lower() if attr in _NO_CASE else got) != want):
                continue
            value = el.get("content") or el.get("href") or el.get("value")
            if value is None:
                value = el.get("datetime")
            if value and value.strip():
                return " ".join(value.split())
            break  # lexbor's css_first: only the first match counts
    return None


def h1_texts(elements: dict[str, list[Any]]) -> list[str]:
    """The text of every ``<h1>`` of the page (``elements``: its :func:`walk`), spaces collapsed."""
    return [" ".join(h.text_content().split()) for h in elements["h1"]]
