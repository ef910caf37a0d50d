""""Did you mean": correct misspelt words of a query against the unstemmed word list.

whoosh's own corrector works on the parsed (stemmed) terms, so it "corrects"
goverment to "gover", and ranks candidates by frequency alone. Here each plain
word of the query string is checked against the index's unstemmed vocabulary and
replaced by the closest known word (edit distance 1 before 2, then the most
frequent), keeping the rest of the query (fields, operators, quotes) untouched.
"""

from __future__ import annotations

import re

from medtui.search.schema import TEXT, TITLE
from medtui.search.vocabulary import Vocabulary, story_words

_TOKEN = re.compile(r'(?P<field>[A-Za-z_]\w*:)?(?P<word>[^\s"():\[\]^~*?]+)(?P<tail>[*?~^]?)')
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
_CORRECTABLE_FIELDS = {None, f"{TITLE}:", f"{TEXT}:"}


def best_correction(word: str, vocabulary: Vocabulary) -> str | None:
    """The closest known word to ``word`` (lower case), or None when none is near enough."""
    from rapidfuzz.distance import Levenshtein

    max_dist = 1 if len(word) <= 4 else 2
    near = vocabulary.within(word, max_dist)  # one pass over the word list, not one per distance
    near.discard(word)
    for dist in range(1, max_dist + 1):
        found = {w for w in near if Levenshtein.distance(word, w, score_cutoff=dist) <= dist}
        if found:
            return max(found, key=lambda w: (w[0] == word[0], vocabulary.frequency(w), w))
    return None


def _match_case(original: str, corrected: str) -> str:
    if original.isupper() and len(original) > 1:
        return corrected.upper()
    if original[:1].isupper():
        return corrected[:1].upper() + corrected[1:]
    return corrected


def suggest_query(text: str, vocabulary: Vocabulary) -> str | None:
    """The query with each unknown word replaced by its best correction; None if unchanged."""
    pieces: list[str] = []
    last = 0
    changed = False
    for m in _TOKEN.finditer(text):
        word, fieldname = m.group("word"), m.group("field")
        start = m.start("word")
        pieces.append(text[last:start])
        last = m.end("word")
        replacement = word
        if (
            fieldname in _CORRECTABLE_FIELDS
            and not m.group("tail")
            and word not in _OPERATORS
            and word.isalpha()
        ):
            analysed = sorted(story_words(word))
            if len(analysed) == 1 and vocabulary.frequency(analysed[0]) == 0:
                fix = best_correction(analysed[0], vocabulary)
                if fix is not None:
                    replacement = _match_case(word, fix)
                    changed = True
        pieces.append(replacement)
    pieces.append(text[last:])
    return "".join(pieces) if changed else None
