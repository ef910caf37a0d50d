"""How text is cut into index terms: one analysis for the index, queries, snippets and words.

The index, the query parser, the snippet highlighter and the word list (prefixes,
"did you mean") all call :func:`analyze`, so a word is found, highlighted and
suggested exactly as it was indexed. What it does, and why:

- **Words** are runs of letters and digits (``\\w`` outside the CJK scripts).
  Invisible characters inside a word (soft hyphen, zero-width space/joiners, word
  joiner, BOM) do not split it: ``tele<ZWSP>medicine`` is ``telemedicine``.
- **Symbols inside words** are kept as typed: ``AT&T``, ``R&D``, ``U.S.``,
  ``node.js`` and ``.NET`` (a leading dot before letters) are one term each, and
  ``C++``/``C#`` keep their suffix. Their pieces are indexed too (``at``, ``node``),
  at the same position.
- **Hyphens** join: ``non-invasive`` is indexed as ``noninvasive`` and as ``non``
  and ``invasive`` (all at one position, so phrases still line up); a query's
  hyphenated word means the joined form, so ``non-invasive`` and ``noninvasive``
  find each other, and so do ``COVID-19``/``covid19`` and ``Wi-Fi``/``wifi``.
- **Accents fold** both ways (``Zürich`` -> ``zurich``, ``São`` -> ``sao``): the
  combining marks U+0300-U+036F are dropped after NFKD, as Lucene's
  ASCIIFoldingFilter does for Latin text; a few letters with no decomposition
  (ø, ł, đ, æ, œ, ß...) are mapped by hand. Other scripts keep their marks.
- **Han, Kana and Hangul** runs are cut into overlapping character bigrams (a
  one-character run is a unigram), as Lucene's CJKAnalyzer and Elasticsearch's
  ``cjk_bigram`` do: ``浙江大學`` is ``浙江 江大 大學``, and a query's run is matched as
  the phrase of its bigrams, so any word inside a longer run is found. Han
  characters fold to their simplified form (:mod:`medtui.hanfold`, OpenCC's
  tables), so ``大學`` and ``大学`` find each other.
- Stop words (whoosh's English list) are left out of title/text, and positions
  are renumbered without them (as whoosh's StopFilter does); terms shorter than
  two characters are left out, except CJK unigrams. Plain words are stemmed with
  the Porter stemmer (as whoosh's StemmingAnalyzer does).

No whoosh import here (the Porter stemmer is loaded on first use): the snippet and
vocabulary modules use this module when medtui starts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from medtui.hanfold import fold_han

VERSION = 3
"""Bumped whenever the terms this module makes change: saved indexes are rebuilt."""

STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
    "is", "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we",
    "when", "will", "with", "yet", "you", "your",
))
"""whoosh's ``STOP_WORDS`` (whoosh.analysis.filters), the list the index always used."""

MIN_LENGTH = 2
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""Soft hyphen, zero-width space, ZWNJ, ZWJ, word joiner, BOM: never split a word."""
_CJK = (
    "\u1100-\u11ff\u3040-\u309f\u30a0-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
"""Hangul jamo, Hiragana, Katakana, Hangul compatibility jamo, Katakana extensions, CJK
ideographs (ext. A, unified, compatibility, ext. B-G), Hangul syllables, half-width Katakana."""
_W = rf"[^\W{_CJK}]"  # a letter or digit outside the CJK scripts
_INV = f"[{INVISIBLE}]"
_PART = rf"{_W}(?:{_W}|{_INV}+(?={_W}))*"
_HYPHENS = "-\u2010\u2011"
_TOKEN = re.compile(
    rf"(?P<cjk>[{_CJK}](?:[{_CJK}]|{_INV}+(?=[{_CJK}]))*)"
    rf"|(?P<word>(?:(?<![\w.])\.(?={_W}))?{_PART}(?:[.&{_HYPHENS}]{_PART})*(?:(?:\+\+|#)(?![\w+#]))?)"
)
_INVISIBLE_RE = re.compile(_INV)
_SPLIT_HYPHEN = re.compile(f"[{_HYPHENS}]")
_SPLIT_SYMBOL = re.compile(r"[.&]")
_SYMBOL_CHARS = frozenset(".&+#")
_LETTERS = str.maketrans({
    "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
    "ħ": "h", "ŧ": "t", "ŀ": "l", "ŋ": "n", "ʼ": "",
})

Term = tuple[str, int, int, int]
"""(term, position, start char, end char) in the analysed text."""


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without Latin accents: ``Zürich`` -> ``zurich``, ``ＡＢＣ`` -> ``abc``."""
    if word.isascii():
        return word.lower()
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(ch for ch in text if not "\u0300" <= ch <= "\u036f")
    return unicodedata.normalize("NFC", text).translate(_LETTERS)


@lru_cache(maxsize=1)
def _porter() -> Callable[[str], str]:
    from whoosh.lang.porter import stem

    return lru_cache(maxsize=200_000)(stem)


def stem(word: str) -> str:
    """The Porter stem of a folded word (whoosh's stemmer, cached)."""
    return _porter()(word)


def _word_terms(raw: str, query: bool) -> list[str]:
    """The terms of one word token, already folded (before stemming and stop words).

    The first is the whole word (hyphens dropped); in index mode its pieces follow.
    """
    if any(ch in raw for ch in INVISIBLE):
        raw = _INVISIBLE_RE.sub("", raw)
    word = fold(raw)
    if word.isalnum():
        return [word]
    pieces = _SPLIT_HYPHEN.split(word)
    whole = "".join(pieces)
    if query:
        return [whole]
    terms = [whole]
    for piece in pieces:
        if len(pieces) > 1 and piece not in terms:
            terms.append(piece)
        if any(ch in _SYMBOL_CHARS for ch in piece):
            bare = piece.strip(".+#")
            if bare and bare != piece and bare not in terms:
                terms.append(bare)
            for part in _SPLIT_SYMBOL.split(bare):
                if part and part not in terms:
                    terms.append(part)
    return terms


def analyze(
    text: str,
    *,
    query: bool = False,
    stemmed: bool = True,
    stops: bool = True,
    limit: int | None = None,
    start: int = 0,
) -> Iterator[Term]:
    """Every term of ``text`` with its position and the characters it came from.

    ``query``: a query's words give only their whole form (``non-invasive`` ->
    ``noninvasive``; ``AT&T`` -> ``at&t``), an indexed text's words also their
    pieces, at the same position. ``stemmed``/``stops``: Porter stems and stop words
    out (title and text), or neither (institution names, the word list).
    ``limit``: only the first ``limit`` characters are read; ``start``: from this
    character on (a word boundary: a word it cuts is read from there). Positions
    then count from ``start``.
    """
    pos = 0
    stem_word = _porter() if stemmed else None
    stop_words = STOP_WORDS if stops else frozenset()
    for m in _TOKEN.finditer(text, start, len(text) if limit is None else limit):
        raw = m.group(2)
        if raw is not None and raw.isalnum():  # the common case: a plain word
            word = raw.lower() if raw.isascii() else fold(raw)
            if len(word) >= MIN_LENGTH and word not in stop_words:
                yield (stem_word(word) if stem_word else word), pos, m.start(), m.end()
                pos += 1
            continue
        start, end = m.span()
        if raw is None:
            run = m.group(1)
            yield from _bigrams(run, pos, start)
            chars = len(run) - sum(run.count(ch) for ch in INVISIBLE)
            pos += max(chars - 1, 1)
            continue
        emitted = False
        for term in _word_terms(raw, query):
            if len(term) < MIN_LENGTH or term in stop_words:
                continue
            yield (stem_word(term) if stem_word and term.isalnum() else term), pos, start, end
            emitted = True
        if emitted:
            pos += 1


def _bigrams(run: str, pos: int, start: int) -> Iterator[Term]:
    """The overlapping character bigrams of a CJK run (a lone character: itself)."""
    if any(ch in run for ch in INVISIBLE):
        chars = [(i, ch) for i, ch in enumerate(run, start) if ch not in INVISIBLE]
    else:
        chars = list(enumerate(run, start))
    chars = [(i, fold_han(unicodedata.normalize("NFKC", ch))) for i, ch in chars]
    if len(chars) == 1:
        yield chars[0][1], pos, start, start + len(run)
        return
    for (a, first), (b, second) in zip(chars, chars[1:], strict=False):
        yield first + second, pos, a, b + 1
        pos += 1


def surface_words(*texts: str) -> set[str]:
    """The distinct unstemmed (folded) terms of ``texts``, stop words included.

    What the word list counts: prefixes expand over these and "did you mean" picks
    among them, so they are cut exactly as the index cuts words.
    """
    words: set[str] = set()
    for text in texts:
        words.update(term for term, _p, _s, _e in analyze(text, stemmed=False, stops=False))
    return {w for w in words if len(w) >= MIN_LENGTH}


def query_terms(word: str, stemmed: bool = True) -> list[str]:
    """The index terms a typed word means (a query's analysis of it)."""
    return [term for term, _p, _s, _e in analyze(word, query=True, stemmed=stemmed)]


def is_cjk(char: str) -> bool:
    """True for a Han, Kana or Hangul character (cut into bigrams, not words)."""
    return bool(_CJK_CHAR.match(char))


_CJK_CHAR = re.compile(f"[{_CJK}]")
