"""What an HTML page states about itself: its title, site name, canonical URL and
publication date, read from one lxml tree (see :mod:`medtui.corpus.html`).

trafilatura's own metadata step also reads authors, categories, tags and the licence,
which medtui does not use and which cost about a third of trafilatura's time on the
article-extraction benchmark's pages; so only the pieces medtui uses are called here,
in the order trafilatura calls them (:func:`trafilatura.metadata.extract_metadata`),
and they give the same values.

The publication date is htmldate's (``original_date=True``, ``extensive_search`` off),
unless the date htmldate found is one the page labels as an update ("Last updated:
10/03/2017", "Modified 2 May 2025"): a page that states only when it was updated does
not state when it was published, and gets no date.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

MIN_DATE = date(1995, 1, 1)
"""No web page states an earlier publication date (htmldate's own floor)."""


@dataclass
class PageMeta:
    """A page's title, site name, canonical URL (as written) and ISO publication date."""

    title: str | None = None
    sitename: str | None = None
    url: str | None = None
    date: str | None = None


def quiet() -> None:
    """Silence trafilatura's and htmldate's per-page logging (medtui reports per document).

    A level already set is not set again: ``setLevel`` clears every logger's cache, which
    cost more than htmldate's own work on some pages when done four times a page. The
    loggers are looked up once (``getLogger`` takes the logging module's lock)."""
    if not _LOGGERS:
        _LOGGERS.extend(logging.getLogger(name) for name in ("trafilatura", "htmldate", "courlan"))
    for logger in _LOGGERS:
        if logger.level != logging.CRITICAL:
            logger.setLevel(logging.CRITICAL)


_LOGGERS: list[logging.Logger] = []


def date_params(url: str | None = None) -> dict[str, Any]:
    """htmldate's settings (see the module docstring)."""
    return {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d",
            "min_date": MIN_DATE.isoformat(), "max_date": date.today().isoformat(),
            "deferred_url_extractor": True, "url": url}


def load_tree(html: str, controls_removed: bool = False) -> Any:
    """``html`` parsed by lxml the way trafilatura and htmldate parse it, or None.

    ``controls_removed``: the caller has removed the C0 control characters already
    (:func:`medtui.corpus.normalise.normalise_markup` does, for every page medtui reads),
    so trafilatura's own removal of the characters XML refuses, a regex pass over the
    whole markup that cost a third of the parse, is skipped (:func:`_load_clean`); the
    same tree comes out, from a parser that finds the elements' classes in C
    (:func:`html_parser`)."""
    quiet()
    try:
        from trafilatura.utils import load_html

        if controls_removed and "\ufffe" not in html and "\uffff" not in html:
            return _load_clean(html)
        return load_html(html)
    except Exception:  # noqa: BLE001 - no tree means: read the page another way
        return None


def html_parser() -> Any:
    """trafilatura's lxml parser (:data:`trafilatura.utils.HTML_PARSER`: the same options),
    giving each element the same class, found by lxml in C.

    lxml.html's parser asks a Python method (``HtmlElementClassLookup.lookup``) for the
    class of every element each time Python first touches it: about 400,000 calls on the
    article-extraction benchmark's 119 news pages, most of them from trafilatura's own
    walks of the tree. Here the same classes (``FormElement``, ``InputElement``,
    ``LabelElement``, ``SelectElement``, ``TextareaElement`` by tag name, ``HtmlElement``
    for any other element, ``HtmlComment``, ``HtmlProcessingInstruction``, ``HtmlEntity``)
    come from lxml's own lookups: tag names from lxml's HTML parser are lower case, so
    the exact name is the lower-cased one the Python method uses. A test compares the
    trees and classes."""
    if _PARSER:
        return _PARSER[0]
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    default = etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity)
    lookup = etree.ElementNamespaceClassLookup(default)
    by_name = lookup.get_namespace(None)
    for name, cls in lxml_html.HtmlElementClassLookup._default_element_classes.items():
        by_name[name] = cls
    parser.set_element_class_lookup(lookup)
    _PARSER.append(parser)
    return parser


_PARSER: list[Any] = []


def _load_clean(html: str) -> Any:
    """:func:`trafilatura.utils.load_html` of a string without the characters its
    ``INVALID_XML_CHARS`` removes (C0 controls but tab, newline and carriage return,
    U+FFFE, U+FFFF), step by step as trafilatura 2 does it, minus that removal (a test
    compares the two). The doctype repair rebuilds the markup only when it changes the
    first line."""
    from lxml.html import fromstring
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, is_dubious_html

    parser = html_parser()

    beginning = html[:50].lower()
    check_flag = is_dubious_html(beginning)
    if "doctype" in beginning:
        end = html.find("\n")
        first = html if end < 0 else html[:end]  # the rest is not copied unless the line changes
        repaired = DOCTYPE_TAG.sub("", first, count=1)
        if repaired != first or end < 0:
            html = repaired + "\n" + ("" if end < 0 else html[end + 1 :])
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    tree = None
    fallback_parse = False
    try:
        tree = fromstring(html, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _from_bytes(html, parser)
        fallback_parse = True
    except Exception:  # noqa: BLE001, S110 - as trafilatura: the bytes are tried next
        pass
    if (tree is None or len(tree) < 1) and not fallback_parse:
        tree = _from_bytes(html, parser)
    if tree is not None and check_flag and len(tree) < 2:
        tree = None
    return tree


def _from_bytes(html: str, parser: Any) -> Any:
    """:func:`trafilatura.utils.fromstring_bytes` with ``parser``: the page as UTF-8 bytes."""
    from lxml.html import fromstring

    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=parser)
    except Exception:  # noqa: BLE001 - as trafilatura: no tree
        return None


def page_meta(tree: Any, html: str, dated: bool = False) -> PageMeta:
    """Title, site name, URL and date of the page ``html``, parsed as ``tree`` (an lxml
    tree; not changed). ``dated``: the caller has the date from the page's meta tags
    already, and htmldate is not asked."""
    quiet()
    try:
        from trafilatura.metadata import (
            examine_meta,
            extract_sitename,
            extract_title,
            extract_url,
        )

        meta = examine_meta(tree)
        with contextlib.suppress(Exception):  # broken JSON-LD: the meta tags still count
            meta = meta_json(tree, meta)
        title = meta.title or extract_title(tree)
        url = meta.url or extract_url(tree)
        sitename = meta.sitename or extract_sitename(tree)
    except Exception:  # noqa: BLE001 - no metadata rather than no document
        return PageMeta(date=None if dated else publication_date(tree, html))
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    return PageMeta(title, sitename, url, None if dated else publication_date(tree, html, url))


_JSON_SCRIPTS = './/script[@type="application/ld+json" or @type="application/settings+json"]'
_JSON_MINIFY = re.compile(r'("(?:[^"\\]++|\\.)*+")|\s+')
"""trafilatura's ``JSON_MINIFY`` (a JSON string is kept, a space outside one removed) with
the same result: a run of spaces is removed at once, not space by space, and a string's
characters are taken in runs without backtracking (a string ends at its first unescaped
quote either way; a test compares the two)."""


def meta_json(tree: Any, meta: Any) -> Any:
    """:func:`trafilatura.metadata.extract_meta_json`: ``meta`` (a trafilatura ``Document``)
    completed from the page's JSON-LD, by the same steps, with :data:`_JSON_MINIFY` for
    its whitespace removal (half of the step's time on the news pages). Raises what
    those steps raise."""
    from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json

    for elem in tree.xpath(_JSON_SCRIPTS):
        if not elem.text:
            continue
        element_text = normalize_json(_JSON_MINIFY.sub(r"\1", elem.text))
        try:
            meta = extract_json(json.loads(element_text, strict=False), meta)
        except json.JSONDecodeError:
            meta = extract_json_parse_error(element_text, meta)
    return meta


def publication_date(tree: Any, html: str, url: str | None = None) -> str | None:
    """The ISO date htmldate finds on the page, None if it finds none or the page labels
    that date as an update (see the module docstring)."""
    quiet()
    try:
        from htmldate import find_date

        found = find_date(tree, **date_params(url))
    except Exception:  # noqa: BLE001 - no date rather than no document
        return None
    if not found or _labelled_update(html, str(found)):
        return None
    return str(found)


_UPDATE_LABEL = re.compile(r"(?<=[>\s])(?:last[\s_-]*)?(?:updated|modified|revised|reviewed)\b(?:\s+on)?", re.I)
_PUBLISH_LABEL = re.compile(r"(?<=[>\s])(?:(?:first|originally)\s+)?(?:published|posted|released|issued)\b(?:\s+on)?",
                            re.I)
"""Labels as the page shows them: after a tag or a space (not inside a JSON key or an
attribute name such as ``dateModified``)."""
_UPDATE_WORD = re.compile(r"[uUmMrR](?i:pdated|odified|evised|eviewed)")
_PUBLISH_WORD = re.compile("[pPrRiI\u0130\u0131](?i:ublished|osted|eleased|ssued)")
"""Where a label's keyword may start: a first letter spelt out in both cases (and the
letters ``re.I`` also folds to "i") lets the regex engine skip the text fast, where the
labels' own patterns try every position (4 ms a page, more than htmldate)."""
_TAGS = re.compile(r"<[^<>]{0,2000}>")
_DATE_TOKEN = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|"
                         r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}")
_LABEL_REACH = 80
"""Characters of text after a label in which its date is looked for."""
_MARKUP_REACH = 1000
"""Characters of markup after a label (tags included) that are read for its text."""


def _labelled_update(html: str, iso: str) -> bool:
    """Whether the page labels the date ``iso`` as an update (an update label followed
    within a few words by a date htmldate reads as ``iso``) and nowhere as the
    publication date ("Published 3 May 2025 | Updated 3 May 2025" keeps it). Read from
    the markup with regular expressions: a walk over the tree's text costs more than
    all of htmldate."""
    try:
        from htmldate.extractors import try_date_expr
    except ImportError:  # pragma: no cover - htmldate's internals moved
        return False
    low, high = datetime.combine(MIN_DATE, time()), datetime.combine(date.today(), time.max)

    def labels(pattern: re.Pattern[str], words: re.Pattern[str], prefixes: tuple[int, ...]) -> bool:
        for label in _label_matches(html, pattern, words, prefixes):
            after = _TAGS.sub(" ", html[label.end() : label.end() + _MARKUP_REACH])
            token = _DATE_TOKEN.search(" ".join(after.split())[:_LABEL_REACH])
            if token is not None and try_date_expr(token.group(), "%Y-%m-%d", False, low, high) == iso:
                return True
        return False

    return labels(_UPDATE_LABEL, _UPDATE_WORD, (4,)) and not labels(_PUBLISH_LABEL, _PUBLISH_WORD, (5, 10))


_SPELT = {_UPDATE_WORD: ("uUmMrR", ("pdated", "odified", "evised", "eviewed")),
          _PUBLISH_WORD: ("pPrRiI", ("ublished", "osted", "eleased", "ssued"))}
"""Each keyword pattern's first letters and the rest of its keywords, in lower case."""
_FOLDED = ("\u017f", "\u0131", "\u0130", "\u212a")
"""Characters ``re.I`` matches to an ASCII letter that ``str.lower`` does not turn into
one (long s, dotless i, dotted capital I, Kelvin sign); the capital I is also the only
character whose lower case is two characters long."""


def _keyword_starts(html: str, words: re.Pattern[str]) -> list[int]:
    """Where ``words`` (:data:`_UPDATE_WORD` or :data:`_PUBLISH_WORD`) matches in ``html``,
    in order. On a page without :data:`_FOLDED` characters the keywords are found by
    ``str.find`` in the page in lower case (same length, same places), five times faster
    than the regex scan, which starts a match at every "u", "m" and "r" of the page."""
    spelt = _SPELT.get(words)
    if spelt is None or any(c in html for c in _FOLDED):
        return [m.start() for m in words.finditer(html)]
    firsts, rests = spelt
    low = html.lower()
    starts = []
    for rest in rests:
        at = low.find(rest, 1)
        while at >= 0:
            if html[at - 1] in firsts:
                starts.append(at - 1)
            at = low.find(rest, at + 1)
    return sorted(starts)


def _label_matches(html: str, label: re.Pattern[str], words: re.Pattern[str],
                   prefixes: tuple[int, ...]) -> Iterator[re.Match[str]]:
    """The matches of ``label.finditer(html)``, found fast: only where ``words`` finds
    the label's keyword is ``label`` tried, at the keyword and at the start of a prefix
    word of one of the lengths ``prefixes`` ("last", "first", "originally") before the
    spaces, "_" or "-" that precede the keyword. Every match of ``label`` holds exactly
    one keyword, so the same matches come out (a test compares the two)."""
    done = 0
    for start in _keyword_starts(html, words):
        if start < done:
            continue
        gap = start
        while gap > 0 and (html[gap - 1].isspace() or html[gap - 1] in "_-"):
            gap -= 1
        for at in sorted({gap - n for n in prefixes if gap - n >= done} | {start}):
            found = label.match(html, at)
            if found is not None and found.end() > start:
                done = found.end()
                yield found
                break
