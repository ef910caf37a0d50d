"""Copies of one story: the same release on two wires, found by near-identical text.

Each story's body becomes a set of word 5-grams (shingles). Two stories are copies
when the Jaccard similarity of those sets is at least :data:`MIN_SIMILARITY` (at
least :data:`MIN_SIMILARITY_UNDATED` when either is not dated to the day), their
titles are alike and their dates at most :data:`MAX_DAYS` apart (:func:`same_release`).

Comparing every pair is quadratic (300 million pairs at 25,000 stories), so candidate
pairs come from MinHash with LSH banding (Broder 1997, "On the resemblance and
containment of documents"; banding as in Leskovec, Rajaraman & Ullman, *Mining of
Massive Datasets*, ch. 3.4): a one-permutation signature of :data:`BINS` minima
(Li, Owen & Zhang 2012, "One permutation hashing"), cut into bands of :data:`ROWS`
values; only stories sharing a band's values are compared, and then on their exact
shingle sets. With 16 bands of 8 rows a pair at 0.9 similarity shares a band with
probability about 1 - (1 - 0.9^8)^16 > 0.999; a pair at 0.5 with about 0.06. The
work is linear: 1.4 s of CPU for 4,001 stories of the 25k press releases, 7.7 s for
all 24,683 (on a shared, loaded machine; the earlier search through shared
bottom-k sketch values took 2.7 s and 15.7 s).

Hashes are deterministic (CRC-32 of each word, Python's tuple hash of five word
hashes, which is not salted per process), so groups are the same from run to run.

Text alone is not enough: on the 25k press releases, many pairs above 0.8 are
templated releases (class-action reminders, one fund's monthly notices, an author's
book series) that share most of their text but not their title or week. Groups are
stars, not chains: every copy matches the group's first story itself, so a series
of weekly reminders, each like the next, does not become one group.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from medtui.corpus.dates import MONTHS
from medtui.corpus.model import PartialDate, Story, date_sort_key

SHINGLE = 5
"""Words per shingle."""
BINS = 128
"""MinHash values per story (one-permutation hashing: one bin per value)."""
ROWS = 8
"""Values per LSH band (so :data:`BINS` / :data:`ROWS` = 16 bands)."""
WINDOW = 16
"""A band bucket held by more stories than this compares each only with its next
:data:`WINDOW` (templated releases fill big buckets; this keeps the work linear)."""
MIN_SIMILARITY = 0.9
"""Least Jaccard similarity of the bodies' shingle sets for two copies."""
MIN_SIMILARITY_UNDATED = 0.95
"""The same when either story is not dated to the day (no week to check)."""
MIN_WORDS = 30
"""Shorter stories are never grouped (a headline-only story says too little)."""
MIN_TITLE = 90
"""Least rapidfuzz ratio (0-100) of two copies' titles (case and punctuation ignored)."""
MAX_DAYS = 7
"""Most days between two copies' dates (when both are known to the day)."""

_WORD = re.compile(r"\w+")
_EMPTY = 1 << 65
T = TypeVar("T")


def shingles(text: str) -> frozenset[int]:
    """Hashes of the text's 5-grams of words (case folded, split at white space); empty
    under :data:`MIN_WORDS` words."""
    words = text.casefold().split()
    if len(words) < MIN_WORDS:
        return frozenset()
    ids = list(map(zlib.crc32, map(str.encode, words)))
    shifted = (ids[k:] for k in range(1, SHINGLE))
    return frozenset(map(hash, zip(ids, *shifted, strict=False)))


def signature(hashes: frozenset[int]) -> list[int]:
    """One-permutation MinHash: the least hash in each of :data:`BINS` bins (``_EMPTY``: none)."""
    empty = 1 << 64  # above any hash (Python's hashes are signed 64-bit integers)
    mins = [empty] * BINS
    for h in hashes:  # tuple hashes are well mixed (xxHash rounds): low bits pick the bin
        b = h & (BINS - 1)
        if h < mins[b]:
            mins[b] = h
    return [_EMPTY if m == empty else m for m in mins]


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity of two shingle sets (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def band_keys(sig: Sequence[int]) -> list[int]:
    """One key per LSH band: the hash of its :data:`ROWS` values (-1, which Python's
    ``hash`` never returns, for a band whose bins are all empty: it says nothing)."""
    return [-1 if all(v == _EMPTY for v in sig[b:b + ROWS]) else hash(tuple(sig[b:b + ROWS]))
            for b in range(0, BINS, ROWS)]


def candidate_pairs(
    stories: Sequence[Story], cancelled: Callable[[], bool] = lambda: False
) -> set[tuple[int, int]] | None:
    """Pairs of story indexes (i < j) sharing an LSH band bucket; None when cancelled.

    Memory is one 8-byte key per band and story; the buckets are built one band at a time.
    """
    bands = BINS // ROWS
    keys = array("q")
    for n, story in enumerate(stories):
        if n % 500 == 0 and cancelled():
            return None
        keys.extend(band_keys(signature(shingles(story.text))))
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        buckets: dict[int, list[int]] = defaultdict(list)
        for n, key in enumerate(keys[band::bands]):
            if key != -1:
                buckets[key].append(n)
        for members in buckets.values():
            for k, i in enumerate(members[:-1]):
                pairs.update((i, j) for j in members[k + 1:k + 1 + WINDOW])
    return pairs


def copy_groups(
    stories: Sequence[Story], cancelled: Callable[[], bool] = lambda: False,
    exhaustive: bool = False,
) -> dict[str, list[str]]:
    """Groups of copies: the first story's id (the oldest, then in corpus order) -> the others'.

    Only groups of two or more are returned. ``cancelled`` is polled now and then (a
    worker that is no longer wanted); when it says so, nothing is returned.
    ``exhaustive`` compares every pair instead of LSH candidates (quadratic: the
    reference the tests hold the LSH path to).
    """
    if exhaustive:
        pairs: set[tuple[int, int]] | None = {
            (i, j) for i in range(len(stories)) for j in range(i + 1, len(stories))}
    else:
        pairs = candidate_pairs(stories, cancelled)
    if pairs is None:
        return {}
    shingled = lru_cache(maxsize=4096)(lambda i: shingles(stories[i].text))
    matches: dict[int, set[int]] = defaultdict(set)
    for n, (i, j) in enumerate(sorted(pairs)):
        if n % 2000 == 0 and cancelled():
            return {}
        if alike(stories[i], stories[j]) \
                and same_release(stories[i], stories[j], similarity(shingled(i), shingled(j))):
            matches[i].add(j)
            matches[j].add(i)
    order = sorted(matches, key=lambda i: (date_sort_key(stories[i].date), i))
    taken: set[int] = set()
    groups: dict[str, list[str]] = {}
    for first in order:  # stars: every copy matches the group's first story itself
        if first in taken:
            continue
        copies = sorted(matches[first] - taken, key=lambda i: (date_sort_key(stories[i].date), i))
        if copies:
            taken.update([first, *copies])
            groups[stories[first].id] = [stories[i].id for i in copies]
    return groups


def same_release(a: Story, b: Story, text_similarity: float) -> bool:
    """Whether two stories whose bodies have ``text_similarity`` are one release.

    Near-identical bodies (:data:`MIN_SIMILARITY`; :data:`MIN_SIMILARITY_UNDATED` when
    either date lacks its day), and :func:`alike` titles and dates.
    """
    if not alike(a, b):
        return False
    dated = a.date is not None and b.date is not None and a.date.day is not None and b.date.day is not None
    return text_similarity >= (MIN_SIMILARITY if dated else MIN_SIMILARITY_UNDATED)


def alike(a: Story, b: Story) -> bool:
    """Titles alike (:data:`MIN_TITLE`, and the same numbers and month names) and dates
    that agree: at most :data:`MAX_DAYS` apart when both have a day, otherwise not
    contradicting each other (a partial date must contain the other). Cheap: checked
    before the texts are compared."""
    if _title_likeness(a.title, b.title) < MIN_TITLE or _title_marks(a.title) != _title_marks(b.title):
        return False
    if a.date is None or b.date is None or a.date.day is None or b.date.day is None:
        return _dates_agree(a.date, b.date)
    days = _days_apart(a.date, b.date)
    return days is not None and days <= MAX_DAYS


def _title_likeness(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(" ".join(_WORD.findall(a.casefold())), " ".join(_WORD.findall(b.casefold())))


def _title_marks(title: str) -> set[str]:
    """The words of a title that tell one release of a series from the next: numbers
    and month names ("April Report" and "May Report" of one index are two releases;
    on the 25k press releases such monthly reports share 95% of their text)."""
    return {w for w in _WORD.findall(title.casefold()) if any(c.isdigit() for c in w) or w in MONTHS}


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Neither date contradicts the other (an unknown date contradicts nothing)."""
    if a is None or b is None:
        return True
    return a.year == b.year and (a.month is None or b.month is None or a.month == b.month)


def _days_apart(a: PartialDate, b: PartialDate) -> int | None:
    from datetime import date

    try:
        return abs((date(a.year, a.month or 1, a.day or 1) - date(b.year, b.month or 1, b.day or 1)).days)
    except ValueError:
        return None


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
