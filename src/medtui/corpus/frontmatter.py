"""Front matter: the metadata block at the top of a static-site post.

Jekyll, Hugo, Eleventy and most static-site generators start a post with YAML between
``---`` lines, Hugo also with TOML between ``+++`` lines (gohugo.io/content-management/
front-matter). It states the post's title, date, author and address: the document's own
metadata, read from it and never left in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_FRONT_MATTER_CHARS = 20_000
"""A block longer than this is not front matter (and is not parsed)."""

_OPEN = re.compile(r"\A\ufeff?\s*?(---|\+\+\+)[ \t]*\n")
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*$", re.M)
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")

# Keys in order of preference: the publication date wins over a modification date, which
# front matter states under its own keys ("lastmod", "updated") and is never read here.
TITLE_KEYS = ("title", "headline", "name")
DATE_KEYS = ("date", "publishdate", "publish_date", "published", "pubdate", "date_published",
             "datepublished", "created")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
URL_KEYS = ("canonical", "canonical_url", "canonicalurl", "source_url", "original_url",
            "source", "link", "permalink", "url")
PUBLISHER_KEYS = ("publisher", "site", "source_name")


@dataclass
class FrontMatter:
    """What a document's front matter states (None: not stated)."""

    title: str | None = None
    date: str | None = None
    """As ``YYYY-MM-DD`` when the value is a date, else the value as written."""
    author: str | None = None
    url: str | None = None
    """Only an absolute http(s) address: a site-relative path says nothing on its own."""
    publisher: str | None = None


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """(front matter, the text after it); (None, ``text``) when there is none.

    A block counts when it opens the text with ``---`` (YAML) or ``+++`` (TOML), is closed
    within MAX_FRONT_MATTER_CHARS and reads as a mapping of keys: a Markdown document that
    opens with a ``---`` rule is left as it is. A mapping YAML cannot parse (a tab, an
    unquoted colon) is read line by line as ``key: value``.
    """
    m = _OPEN.match(text)
    if m is None:
        return None, text
    close = (_YAML_CLOSE if m.group(1) == "---" else _TOML_CLOSE).search(
        text, m.end(), m.end() + MAX_FRONT_MATTER_CHARS)
    if close is None:
        return None, text
    block = text[m.end() : close.start()]
    data = _parse(block, toml=m.group(1) == "+++")
    if data is None:
        return None, text
    rest = text[close.end() :].lstrip("\n")
    return _front_matter(data), rest


def _parse(block: str, *, toml: bool) -> Mapping[str, Any] | None:
    if toml:
        import tomllib

        try:
            return tomllib.loads(block)
        except (tomllib.TOMLDecodeError, ValueError):
            return _key_lines(block)
    import yaml

    try:
        data = yaml.safe_load(block)
    except (yaml.YAMLError, ValueError, RecursionError):
        return _key_lines(block)
    if isinstance(data, Mapping):
        return data
    return None if block.strip() else {}


def _key_lines(block: str) -> dict[str, Any] | None:
    """``key: value`` lines, when most non-blank, unindented lines are such."""
    lines = [ln for ln in block.split("\n") if ln.strip() and not ln[0].isspace() and not ln.startswith("#")]
    data: dict[str, Any] = {}
    for line in lines:
        m = _KEY_LINE.match(line)
        if m:
            data.setdefault(m.group(1), m.group(2).strip().strip("\"'"))
    return data if lines and len(data) >= 0.8 * len(lines) else None


def _front_matter(data: Mapping[str, Any]) -> FrontMatter:
    keys = {str(k).casefold(): v for k, v in data.items()}
    params = keys.get("params")
    if isinstance(params, Mapping):  # Hugo keeps the page's own keys under "params" too
        for k, v in params.items():
            keys.setdefault(str(k).casefold(), v)
    fm = FrontMatter()
    fm.title = _first_text(keys, TITLE_KEYS)
    fm.date = _first_date(keys)
    fm.author = _first_text(keys, AUTHOR_KEYS)
    url = _first_text(keys, URL_KEYS)
    fm.url = url if url and re.match(r"https?://\S+$", url) else None
    fm.publisher = _first_text(keys, PUBLISHER_KEYS)
    return fm


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    if isinstance(value, list | tuple):
        parts = [p for p in (_text(v) for v in value) if p]
        return ", ".join(parts) or None
    if isinstance(value, Mapping):
        return _text(value.get("name") or value.get("title"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _first_text(keys: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        found = _text(keys.get(name))
        if found:
            return found
    return None


def _first_date(keys: Mapping[str, Any]) -> str | None:
    for name in DATE_KEYS:
        value = keys.get(name)
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()[:10]
        text = _text(value)
        if text:
            return text
    return None
