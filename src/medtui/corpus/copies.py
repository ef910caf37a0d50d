"""Copies of one story: the same release on two wires, found by near-identical text.

Each story's text becomes a set of word 5-grams (shingles); two stories are copies
when the estimated Jaccard similarity of those sets is at least
:data:`MIN_SIMILARITY`. The estimate is a bottom-k MinHash sketch (Broder 1997,
"On the resemblance and containment of documents"; bottom-k as in Cohen & Kaplan
2007): the :data:`SKETCH` smallest shingle hashes of each story, so the work is one
hash per shingle and memory is :data:`SKETCH` numbers per story. Candidate pairs are
stories sharing sketch values (values shared by more than :data:`MAX_POSTING` stories,
a wire's boilerplate, are skipped); copies group transitively. Hashes are CRC-32 of
the shingle, so the groups are the same from run to run.

Text alone is not enough: on a 4,000-file sample of the 25k press releases, most
pairs above 0.8 were templated releases (a monthly report, a class-action notice,
one author's book series), so copies must also have alike titles and dates at most
a week apart (:func:`same_release`).
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from medtui.corpus.model import Story, date_sort_key

SHINGLE = 5
"""Words per shingle."""
SKETCH = 64
"""Hashes kept per story (the estimate's standard error is about 0.05 at this size)."""
MIN_SIMILARITY = 0.8
"""Estimated Jaccard similarity from which two stories are copies."""
MIN_WORDS = 30
"""Shorter stories are never grouped (a headline-only story says too little)."""
MIN_TITLE = 80
"""Least rapidfuzz token-set ratio (0-100) of two copies' titles."""
MAX_DAYS = 7
"""Most days between two copies' dates (when both are known to the day)."""
MAX_POSTING = 200
"""Sketch values held by more stories than this are boilerplate: not used for candidates."""

_WORD = re.compile(r"\w+")
T = TypeVar("T")


def sketch(text: str) -> list[int]:
    """The bottom-:data:`SKETCH` CRC-32 hashes of the text's word 5-grams, ascending.

    Empty when the text has fewer than :data:`MIN_WORDS` words.
    """
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return []
    crc = zlib.crc32
    hashes = {crc(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}
    return heapq.nsmallest(SKETCH, hashes)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two sketches (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = heapq.nsmallest(SKETCH, sa | sb)
    return sum(1 for h in union if h in sa and h in sb) / len(union)


def copy_groups(
    stories: Sequence[Story], cancelled: Callable[[], bool] = lambda: False
) -> dict[str, list[str]]:
    """Groups of copies: the first story's id (the oldest, then in corpus order) -> the others'.

    Only groups of two or more are returned. ``cancelled`` is polled now and then (a
    worker that is no longer wanted); it returns what was found so far (nothing).
    """
    sketches: list[list[int]] = []
    postings: dict[int, list[int]] = defaultdict(list)
    for n, story in enumerate(stories):
        if n % 500 == 0 and cancelled():
            return {}
        sk = sketch(story.text)
        sketches.append(sk)
        for h in sk:
            postings[h].append(n)
    parent = list(range(len(stories)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    need = SKETCH * MIN_SIMILARITY / 2  # copies share at least ~this many sketch values
    for n, sk in enumerate(sketches):
        if n % 500 == 0 and cancelled():
            return {}
        shared: dict[int, int] = defaultdict(int)
        for h in sk:
            posting = postings[h]
            if len(posting) <= MAX_POSTING:
                for other in posting:
                    if other > n:
                        shared[other] += 1
        for other, count in shared.items():
            if count >= min(need, len(sk) / 2) and root(other) != root(n) \
                    and similarity(sk, sketches[other]) >= MIN_SIMILARITY \
                    and same_release(stories[n], stories[other]):
                parent[root(other)] = root(n)
    members: dict[int, list[int]] = defaultdict(list)
    for n in range(len(stories)):
        members[root(n)].append(n)
    groups: dict[str, list[str]] = {}
    for group in members.values():
        if len(group) > 1:
            group.sort(key=lambda i: (_oldest_first(stories[i]), i))
            groups[stories[group[0]].id] = [stories[i].id for i in group[1:]]
    return groups


def same_release(a: Story, b: Story) -> bool:
    """Beyond similar text: titles alike and dates at most :data:`MAX_DAYS` apart (when both
    are known). Templated releases (a monthly report, a class-action notice, an author's
    book series) share most of their text but not their title or week."""
    from rapidfuzz import fuzz

    if fuzz.token_set_ratio(a.title.casefold(), b.title.casefold()) < MIN_TITLE:
        return False
    if a.date is None or b.date is None or a.date.day is None or b.date.day is None:
        return True
    from datetime import date

    try:
        days = abs((date(a.date.year, a.date.month or 1, a.date.day)
                    - date(b.date.year, b.date.month or 1, b.date.day)).days)
    except ValueError:
        return True
    return days <= MAX_DAYS


def _oldest_first(story: Story) -> tuple[int, int, int, int]:
    return date_sort_key(story.date)


def fold_copies(
    rows: Sequence[tuple[Story, T]], copies: dict[str, list[str]], expanded: set[str]
) -> list[tuple[Story, T]]:
    """``rows`` with each group of copies shown once: where a group's first story is
    listed, its copies are left out (or, when it is in ``expanded``, moved right under it).

    A copy listed without its first story (a search that found only the copy) stays.
    """
    if not copies:
        return list(rows)
    listed = {story.id for story, _ in rows}
    first_of = {c: first for first, group in copies.items() if first in listed for c in group}
    by_id = {story.id: (story, extra) for story, extra in rows}
    out: list[tuple[Story, T]] = []
    for story, extra in rows:
        if story.id in first_of:
            continue
        out.append((story, extra))
        if story.id in expanded:
            out += [by_id[c] for c in copies.get(story.id, []) if c in by_id]
    return out
