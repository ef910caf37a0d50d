"""Turn what the user typed into a whoosh query, or into one sentence saying what is wrong.

Syntax: words (all must match: the default operator is AND), ``"phrases"``,
``AND``/``OR``/``NOT`` (or ``-word``), brackets, ``medic*`` prefixes (at least 3 letters),
``field:value`` for title, text, institution, kind, id (a colon after any other
word is text: ``Heart: Rhythm``, ``Note:``), several kinds at once with
``kind:mou,agreement`` (the same as ``kind:(mou OR agreement)``), and dates:
``date:2025``, ``date:2025-03``, ``date:2024-06-18``, ``date:[2025-01-01 to 2025-03-31]``,
``date:>2025-02``, ``date:<=2024``.
A date query means "the story's date lies within this period", so a story dated
only "2025" is found by ``date:2025`` but not by ``date:2025-03``.

Imports whoosh at import time; loaded lazily by :mod:`medtui.search.index`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from whoosh import qparser, query
from whoosh.qparser.dateparse import (
    DateParseError,
    DateParserPlugin,
    DateRangeNode,
    DateTimeNode,
)
from whoosh.util.times import long_to_datetime, timespan

from medtui.corpus.model import EVENT_KINDS, PartialDate
from medtui.search.analysis import fold
from medtui.search.matching import DaySpanQuery, SegmentTables, WordSetQuery
from medtui.search.schema import (
    DATE,
    DEFAULT_FIELDS,
    INST_ID,
    KIND,
    PUBLIC_FIELDS,
    TEXT,
    TITLE,
    period,
)
from medtui.search.vocabulary import Vocabulary

_TICK = timedelta(microseconds=1)
_LAST_ORDINAL = date.max.toordinal()
MIN_PREFIX = 3
"""Letters required before ``*``: a 1-2 letter prefix expands to a large part of the lexicon."""
MAX_EXPANSION = 64
"""A prefix expands to at most this many words (the most frequent ones)."""

_ISO_LIKE = re.compile(r"^\s*\d{4}(?:[-/.]\d+)*\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")
_FIELD_NAME = re.compile(r"(?<![\w.])([A-Za-z_]\w*):(?!//)")
_QUOTED = re.compile(r'"[^"]*"')
_KIND_LIST = re.compile(r'"[^"]*"|(?<![\w.])kind:([\w-]+(?:\s*,\s*[\w-]+)+)', re.IGNORECASE)
_MINUS = re.compile(r'"[^"]*"|(?<![^\s(])-(?=[\w"(])')  # quoted text is skipped whole
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
_DATE_HELP = "use YYYY, YYYY-MM, YYYY-MM-DD or a range like [2025-01 to 2025-03]"


class QueryError(Exception):
    """The query cannot be run; the message is one sentence for the user."""


def parse_partial_date(text: str) -> PartialDate | None:
    """``2025``, ``2025-03`` or ``2024-06-18`` (or with ``/`` or ``.``) -> PartialDate or None."""
    m = _ISO_DATE.match(text)
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return PartialDate(year, month, day)


class ISODatePlugin(DateParserPlugin):
    """whoosh's date plugin, reading ISO dates as the periods they name.

    whoosh's English date parser misreads ``2025-03`` and turns
    ``[2025-01-01 to 2025-03-31]`` into the whole of 2025; ISO forms are handled
    here first and anything else ("march 2025") goes to whoosh's parser.
    """

    def __init__(self, on_error: Callable[[str], None]) -> None:
        super().__init__(callback=on_error)

    def text_to_dt(self, node: Any) -> Any:
        """A single ``date:VALUE``: the period VALUE names."""
        value = parse_partial_date(node.text)
        if value is None:
            if _ISO_LIKE.match(node.text):
                return self.errorize(node.text, node)
            return super().text_to_dt(node)
        start, end = period(value)
        new = DateTimeNode(node.fieldname, timespan(start, end), node.boost)
        new.startchar, new.endchar = node.startchar, node.endchar
        return new

    def range_to_dt(self, node: Any) -> Any:
        """``date:[A to B]``: from the start of A's period to the end of B's."""
        bounds: list[datetime | None] = [None, None]
        for i, text in enumerate((node.start, node.end)):
            if not text:
                continue
            value = parse_partial_date(text)
            if value is None:
                if _ISO_LIKE.match(text):
                    return self.errorize(text, node)
                return super().range_to_dt(node)
            first, last = period(value)
            if i == 0:  # date:>2025-02 starts after February; date:>=2025-02 with it
                bounds[0] = last + _TICK if node.startexcl else first
            else:
                bounds[1] = first - _TICK if node.endexcl else last
        new = DateRangeNode(node.fieldname, bounds[0], bounds[1], boost=node.boost)
        new.startchar, new.endchar = node.startchar, node.endchar
        return new


def check_syntax(text: str) -> None:
    """Raise :class:`QueryError` for unbalanced quotes or brackets."""
    if text.count('"') % 2:
        raise QueryError('The query has an unclosed quote (").')
    bare = _QUOTED.sub(" ", text)
    depth = 0
    for char in bare:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError("The query closes a bracket that was never opened.")
    if depth:
        raise QueryError("The query has an unclosed bracket.")
    if bare.count("[") != bare.count("]"):
        raise QueryError("The query has an unclosed date range bracket.")
    for m in _EMPTY_FIELD.finditer(_QUOTED.sub("q", text)):  # a quoted value is a value
        if m.group(1).lower() in PUBLIC_FIELDS:  # else it is text ("Note:")
            name = m.group(1).lower()
            example = FIELD_EXAMPLES.get(name, f"{name}:word")
            raise QueryError(f"'{name}:' needs a value after the colon, e.g. {example}.")


_EMPTY_FIELD = re.compile(r"(?<![\w.])([^\W\d]\w*):(?=\s|\)|$)")
FIELD_EXAMPLES = {"title": "title:hospital", "kind": "kind:mou", "date": "date:2025",
                  "institution": 'institution:"Riverside University"'}
"""What the error for a field without a value shows for each field."""


def _fields_or_text(text: str) -> str:
    """Lower-case the field names; a colon after any other word becomes a space (text).

    ``Heart: Rhythm`` (a pasted headline), ``Note:`` and ``http:`` are words, not
    fields; a field name is case-insensitive (``Title:x``). Same length: offsets stay.
    """
    out: list[str] = []
    last = 0
    for m in _QUOTED_OR_FIELD.finditer(text):
        name = m.group(1)
        if name is None:  # quoted text is left as it is
            continue
        out.append(text[last : m.start()])
        out.append(f"{name.lower()}:" if name.lower() in PUBLIC_FIELDS else f"{name} ")
        last = m.end()
    out.append(text[last:])
    return "".join(out)


_QUOTED_OR_FIELD = re.compile(r'"[^"]*"|(?<![\w.])([^\W\d]\w*):')


def _kind_lists(text: str) -> str:
    """``kind:mou,agreement`` -> ``kind:(mou OR agreement)``: stories with either kind."""

    def expand(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return m.group(0)
        kinds = [k.strip() for k in m.group(1).split(",") if k.strip()]
        return "kind:(" + " OR ".join(kinds) + ")"

    return _KIND_LIST.sub(expand, text)


def _minus_to_not(text: str) -> str:
    """``-word`` (a minus at the start of a word) means ``NOT word``; ``co-operation`` is kept."""
    return _MINUS.sub(lambda m: m.group(0) if m.group(0).startswith('"') else "NOT ", text)


def _has_real_words(text: str, analyzer: Any) -> bool:
    """True when the text has a word that is not an operator, field name or stop word."""
    bare = _FIELD_NAME.sub(" ", text)
    words = [w for w in re.findall(r"\w+", bare) if w not in _OPERATORS]
    return any(True for w in words for _ in analyzer(w))


def _raw_prefix(text: str, end: int | None) -> str | None:
    """The letters the user typed before the ``*`` that ends at ``end`` (unstemmed)."""
    if end is None:
        return None
    m = re.search(r'([^\s:()"\[\]*?]+)\*$', text[:end])
    return fold(m.group(1)) if m else None


def _expand_prefix(q: Any, text: str, vocabulary: Vocabulary, analyzer: Any) -> Any:
    """Expand a title/text prefix over the UNSTEMMED words, then match their stems.

    whoosh stems the prefix itself ("medica*" -> "medica"), which misses the stem
    "medic" of "medical"; expanding the typed letters over real words is exact.
    """
    raw = _raw_prefix(text, getattr(q, "endchar", None)) or q.text
    words = vocabulary.with_prefix(raw, MAX_EXPANSION)
    stems = sorted({tok.text for w in words for tok in analyzer(w)})
    if not stems:
        return query.NullQuery
    return WordSetQuery(q.fieldname, stems, boost=q.boost)  # one score for every match


def _first_day(start: datetime, exclusive: bool) -> int:
    """The first whole day that begins at or after ``start`` (after it, if ``exclusive``)."""
    midnight = start == datetime.combine(start.date(), datetime.min.time())
    return start.toordinal() if midnight and not exclusive else start.toordinal() + 1


def _last_day(end: datetime, exclusive: bool) -> int:
    """The last whole day that ends at or before ``end`` (before it, if ``exclusive``)."""
    day_end = end == datetime.combine(end.date(), datetime.max.time())
    return end.toordinal() if day_end and not exclusive else end.toordinal() - 1


def _within_period(q: Any, tables: SegmentTables) -> Any:
    """``date`` range -> stories whose date's period lies inside it (first day >= from, last <= to)."""
    # whoosh has turned the bounds into its DATETIME numbers by now.
    first = _first_day(long_to_datetime(q.start), q.startexcl) if q.start is not None else 1
    last = _last_day(long_to_datetime(q.end), q.endexcl) if q.end is not None else _LAST_ORDINAL
    return DaySpanQuery(first, last, tables, boost=q.boost)


def rewrite(q: Any, text: str, vocabulary: Vocabulary, analyzer: Any, tables: SegmentTables) -> Any:
    """Check prefixes/wildcards, expand title/text prefixes and give date ranges their meaning."""

    def visit(node: Any) -> Any:
        if isinstance(node, query.Prefix):
            if len(node.text) < MIN_PREFIX:
                raise QueryError(
                    f"Type at least {MIN_PREFIX} letters before '*' ('{node.text}*' matches "
                    "too many words)."
                )
            if node.fieldname in (TITLE, TEXT):
                return _expand_prefix(node, text, vocabulary, analyzer)
        elif isinstance(node, query.Wildcard):
            literal = re.split(r"[*?]", node.text, maxsplit=1)[0]
            if len(literal) < MIN_PREFIX:
                raise QueryError(
                    f"Type at least {MIN_PREFIX} letters before a wildcard "
                    f"('{node.text}' matches too many words)."
                )
        elif isinstance(node, query.NumericRange) and node.fieldname == DATE:
            return _within_period(node, tables)
        return node

    return q.accept(visit)


def parse(text: str, schema: Any, vocabulary: Vocabulary, tables: SegmentTables) -> Any:
    """Parse ``text`` into a ready-to-run whoosh query; raise :class:`QueryError` if malformed.

    ``vocabulary``: the index's words, over which ``word*`` prefixes expand.
    ``tables``: the index's segment tables, over which dates are matched.

    Returns ``None`` for a query with nothing to search for (empty, or stop words only).
    """
    check_syntax(text)
    text = _kind_lists(_fields_or_text(text))
    text = _minus_to_not(text)
    errors: list[str] = []
    parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(ISODatePlugin(lambda message: errors.append(str(message))))
    try:
        q = parser.parse(text)
    except Exception as exc:  # whoosh raises assorted errors on odd input
        if isinstance(exc, DateParseError) or "date" in str(exc).lower():
            raise QueryError(f"Could not read a date in the query: {_DATE_HELP}.") from exc
        raise QueryError(
            "Could not understand the query: check its quotes, brackets and operators."
        ) from exc
    if errors:
        raise QueryError(f"Could not read the date '{errors[0]}': {_DATE_HELP}.")
    analyzer = schema[TEXT].analyzer
    if q is query.NullQuery:
        if _has_real_words(text, analyzer):
            raise QueryError(
                "Could not understand the query: check its AND, OR, NOT and brackets."
            )
        return None
    return rewrite(q, text, vocabulary, analyzer, tables)


def highlight_terms(q: Any, reader: Any, fieldnames: tuple[str, ...] = DEFAULT_FIELDS) -> set[str]:
    """The index terms of ``q`` in ``fieldnames`` that exist, leaving out negated parts.

    (whoosh's own ``existing_terms`` skips every field after the first one.)
    """
    return set().union(*highlight_groups(q, reader, fieldnames))


def highlight_groups(
    q: Any, reader: Any, fieldnames: tuple[str, ...] = DEFAULT_FIELDS
) -> list[frozenset[str]]:
    """:func:`highlight_terms` by query word: the existing terms of each leaf, one group
    per word (a word searched in title and text is one group; a phrase gives one per
    word; an expanded prefix, all its words, is one group). A snippet has found "every
    word of the query" once each group matched (see :func:`medtui.search.snippets.build_snippet`)."""
    groups: dict[frozenset[str], None] = {}

    def walk(node: Any) -> None:
        if isinstance(node, query.Not):
            return
        if isinstance(node, query.AndNot):
            walk(node.a)
            return
        if not node.is_leaf():
            for child in node.children():
                walk(child)
            return
        if node.field() not in fieldnames:
            return
        found: set[str] = set()
        for fieldname, text in node.expanded_terms(reader, phrases=True):
            word = text.decode("utf-8") if isinstance(text, bytes) else text
            if (fieldname, word.encode("utf-8")) in reader:
                found.add(word)
        if not found:
            return
        if isinstance(node, (WordSetQuery, query.Prefix, query.Wildcard, query.FuzzyTerm)):
            groups[frozenset(found)] = None  # any one of its words is the query's word
        else:  # a phrase needs all its words: each is one
            groups.update((frozenset([word]), None) for word in sorted(found))

    walk(q)
    return list(groups)


SHOWN_IDS = 5
"""Institution ids named as examples when an unknown one is given."""


def unknown_values(
    q: Any, institutions: tuple[str, ...], reader: Any, curated: Callable[[], Any] | None = None
) -> list[str]:
    """One sentence per unknown value in ``q``'s ``kind:`` terms and in ``institutions``
    (ids of the filter): they match nothing, which the user would otherwise take for
    "no such stories". Kinds are checked against the contract's event kinds
    (:data:`medtui.corpus.model.EVENT_KINDS`); ids against the index (or the curated ids,
    ``curated()``: id -> names, when the user curates institutions)."""
    notes: list[str] = []
    kinds = sorted({str(leaf.text) for leaf in q.leaves()
                    if isinstance(leaf, query.Term) and leaf.fieldname == KIND} - set(EVENT_KINDS))
    if kinds:
        which = ", ".join(repr(k) for k in kinds)
        notes.append(f"unknown event kind {which}: the kinds are {', '.join(EVENT_KINDS)}.")
    if institutions:
        names = curated() if curated is not None else None
        known = (lambda i: i in names) if names is not None else (lambda i: (INST_ID, i) in reader)
        missing = [i for i in dict.fromkeys(institutions) if not known(i)]
        if missing:
            ids = sorted(names) if names is not None else [
                t.decode() if isinstance(t, bytes) else str(t) for t in reader.lexicon(INST_ID)]
            examples = sorted(ids, key=lambda i: (len(i), i))[:SHOWN_IDS]
            which = ", ".join(repr(i) for i in missing)
            hint = f" (e.g. {', '.join(examples)})" if examples else ""
            notes.append(f"unknown institution id {which}: 'medtui institutions --json' lists "
                         f"the ids{hint}.")
    return notes
