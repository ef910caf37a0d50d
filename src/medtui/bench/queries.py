"""The fixed query mix of ``medtui bench``, drawn deterministically from the corpus.

Same corpus, same queries: words are ranked by how many stories hold them (ties by
the word itself) and taken at evenly spaced ranks, so common and rare words both
appear. The mix (for 200 queries): 40 single words, 40 two-word ANDs, 40 phrases,
40 prefixes (4-6 letters, as typed), 20 ``institution:`` and 20 date queries.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from medtui.corpus.model import Corpus

STOP = frozenset("""
about above after again against also among an and any are around as at be because been before
being below between both but by can could did does doing down during each few for from further
had has have having here how however into its itself just many more most much must near new
next not now of off on once only other our out over own same said says should since some such
than that the their them then there these they this those through to under until upon very was
we were what when where which while who whom why will with within without would year years you
your it is in or if so no nor a i he she his her him us my me do
""".split())
_WORD = re.compile(r"(?<!\w)[a-z]{4,14}(?!\w)")
_PAIR = re.compile(r"(?<!\w)([a-z]{4,14})(?= ([a-z]{4,14})(?!\w))")  # overlapping pairs
PHRASE_CHARS = 2000
"""Characters of each story's opening read for phrases."""
VOCABULARY_CHARS = 6000
"""Characters of each story read for the vocabulary (the start says what it is about)."""
TEXT_KINDS = ("word", "and", "phrase", "prefix")
"""Kinds a plain full-text engine can answer too (the peers run these)."""


@dataclass(frozen=True)
class BenchQuery:
    """One query: its kind, the medtui syntax, and the plain words (for peers and rg)."""

    kind: str
    text: str
    words: tuple[str, ...]
    plain: str
    """The same query for a plain engine (whoosh/tantivy syntax), "" if it has none."""


def _spread(items: list[str], count: int, skip: int = 10) -> list[str]:
    """``count`` items at evenly spaced positions, after the ``skip`` most common ones."""
    pool = items[skip:] or items
    if not pool or count <= 0:
        return []
    step = max(len(pool) // count, 1)
    picked = pool[::step][:count]
    while len(picked) < count:  # a small corpus: repeat rather than come up short
        picked.append(pool[len(picked) % len(pool)])
    return picked


def _vocabulary(corpus: Corpus) -> tuple[list[str], list[str]]:
    """Words and adjacent word pairs by story frequency (most frequent first)."""
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for story in corpus.stories:
        text = f"{story.title}\n{story.text[:VOCABULARY_CHARS]}".lower()
        # Whole words only: "leadershipinstitute" must not give "leadershipinst".
        words.update(set(_WORD.findall(text)) - STOP)
        pairs.update({
            f"{a} {b}" for a, b in _PAIR.findall(text[:PHRASE_CHARS])
            if a not in STOP and b not in STOP and a != b
        })
    ranked = [w for w, n in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]
    ranked_pairs = [p for p, n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]
    return ranked or sorted(words), ranked_pairs or sorted(pairs)


def make_queries(corpus: Corpus, count: int = 200) -> list[BenchQuery]:
    """``count`` queries (at least 10) in the fixed mix, the same for the same corpus."""
    count = max(count, 10)
    unit = count // 10
    ranked, pairs = _vocabulary(corpus)
    out: list[BenchQuery] = []
    for w in _spread(ranked, 2 * unit):
        out.append(BenchQuery("word", w, (w,), w))
    for a, b in _title_pairs(corpus, 2 * unit):
        out.append(BenchQuery("and", f"{a} {b}", (a, b), f"{a} {b}"))
    for p in _spread(pairs, 2 * unit, skip=3):
        out.append(BenchQuery("phrase", f'"{p}"', tuple(p.split()), f'"{p}"'))
    for n, w in enumerate(_spread(ranked, 2 * unit, skip=3)):
        prefix = w[: 4 + n % 3]
        out.append(BenchQuery("prefix", f"{prefix}*", (prefix,), f"{prefix}*"))
    out.extend(_institution_queries(corpus, unit))
    out.extend(_date_queries(corpus, count - len(out)))
    return out[:count]


def _title_pairs(corpus: Corpus, count: int) -> list[tuple[str, str]]:
    """Two words of one headline (as a reader remembers them), from stories across the corpus."""
    pairs: list[tuple[str, str]] = []
    stories = corpus.stories
    step = max(len(stories) // max(count, 1), 1)
    for n in range(len(stories)):
        story = stories[(n * step + n // len(stories)) % len(stories)]
        found = [w for w in _WORD.findall(story.title.lower()) if w not in STOP]
        if len(found) >= 2 and found[0] != found[-1]:
            pairs.append((found[0], found[-1]))
        if len(pairs) == count:
            break
    while pairs and len(pairs) < count:
        pairs.append(pairs[len(pairs) % len(pairs)])
    return pairs


def _institution_queries(corpus: Corpus, count: int) -> list[BenchQuery]:
    insts = sorted(corpus.institutions, key=lambda i: (-len(i.stories), i.id))
    names = [i.name for i in insts if i.stories and '"' not in i.name]
    return [
        BenchQuery("institution", f'institution:"{name}"', (), "")
        for name in _spread(names, count, skip=0)
    ]


def _date_queries(corpus: Corpus, count: int) -> list[BenchQuery]:
    months = sorted({s.date.iso()[:7] for s in corpus.stories if s.date and s.date.month})
    if not months:
        months = ["2025-01"]
    out: list[BenchQuery] = []
    picks = _spread(months, count, skip=0)
    for n, month in enumerate(picks):
        if n % 2:
            out.append(BenchQuery("date", f"date:{month}", (), ""))
        else:
            end = months[min(months.index(month) + 2, len(months) - 1)]
            out.append(BenchQuery("date", f"date:[{month} to {end}]", (), ""))
    return out
