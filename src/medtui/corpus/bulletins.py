"""Bulletins, digests and roundups: documents whose items are separate news.

Two shapes, each split into one group of lines per item (the item's headline first, as
:func:`medtui.corpus.stories.split_stories` expects):

- *Run-in headlines*: news digests set each item's headline in capitals at the start of
  its paragraph ("SHOOTING AT CAMPUS LEAVES ONE INJURED: A student was ..."); paragraphs
  without one (bullets, follow-ups) belong to the item above.
- *Digest sections*: a document whose own title names a digest ("Newsletter", "Weekly
  Roundup", "Digest", "Bulletin", "Briefing", "In Brief", "The Latest:", "Live updates") holds its
  items under section headings (Markdown ``##``), or under headline lines: a title-case
  line without a full stop, followed by a paragraph of text.
"""

from __future__ import annotations

import re
from collections import Counter

from medtui.corpus.clean import CleanDoc, is_sentence
from medtui.corpus.dates import read_date_line

MIN_ITEMS = 3
_RUNIN_MIN_WORDS = 10
"""Words of text after a run-in headline: "WHEN: Friday" is a form field, not an item."""
_DIGEST_TITLE = re.compile(
    r"\b(?:news\s*letter|round-?up|digest|bulletin|briefing|in brief|news briefs?|live blog|live updates|"
    r"week in review|this week in)\b|^\W*the latest\b", re.I)
"""Words by which a document names itself a digest. Not "weekly", "highlights", "live" or
"the latest" inside a headline: single releases use them ("... Highlights Its Role")."""
_NOT_ITEM = re.compile(r"^(?:ABOUT|CONTACT|MEDIA|PRESS|FORWARD|SAFE HARBOR|DISCLAIMER|NOTE|SOURCE)\b")
_SMALL_WORDS = frozenset(
    "a an and as at by for from in into its of on or over per the to under via vs with after than that".split())


def split_bulletin(doc: CleanDoc) -> list[list[str]]:
    """The items of a bulletin or digest (see the module docstring), or [] for any other document."""
    groups = _split_runin(doc.lines)
    if groups:
        return groups
    title = doc.stated_title or doc.title_hint or ""
    if not _DIGEST_TITLE.search(title):
        return []
    return _split_sections(doc) or _split_headlines(doc.lines, " ".join(title.split()))


def _runin_head(line: str) -> str | None:
    """The capitalised headline a paragraph opens with, up to its last colon, or None."""
    words = line.split()
    head_end = 0
    for i, word in enumerate(words):
        if any(ch.islower() for ch in word):
            break
        if word.endswith(":"):
            head_end = i + 1
    if head_end == 0:
        return None
    head = " ".join(words[:head_end])[:-1]
    lettered = [w for w in words[:head_end] if sum(ch.isalpha() for ch in w) >= 2]
    if len(lettered) < 3 or len(words) - head_end < _RUNIN_MIN_WORDS or _NOT_ITEM.match(head):
        return None
    return head.strip(" \"'\u201c\u2018")


def _split_runin(lines: list[str]) -> list[list[str]]:
    heads = [(i, _runin_head(ln)) for i, ln in enumerate(lines)]
    starts = [(i, h) for i, h in heads if h]
    if len(starts) < MIN_ITEMS:
        return []
    groups: list[list[str]] = []
    for n, (i, head) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        first = lines[i].split(":", head.count(":") + 1)[-1].strip() if ":" in lines[i] else lines[i]
        groups.append([head, first, *lines[i + 1 : end]])
    return groups


def _split_sections(doc: CleanDoc) -> list[list[str]]:
    """Items under the most frequent section-heading level."""
    levels = Counter(doc.subheadings.values())
    if not levels:
        return []
    level, count = max(levels.items(), key=lambda kv: (kv[1], -kv[0]))
    if count < MIN_ITEMS:
        return []
    starts = [i for i, ln in enumerate(doc.lines) if doc.subheadings.get(" ".join(ln.split())) == level]
    return _cut(doc.lines, starts)


def _headline(lines: list[str], i: int) -> bool:
    """A title-case line without end punctuation, followed by a paragraph of text."""
    line = lines[i].strip()
    words = line.split()
    if not 3 <= len(words) <= 40 or "http" in line or line.rstrip("\"'\u201d\u2019")[-1:] in tuple(".!?:;,"):
        return False
    if read_date_line(line) is not None:
        return False
    big = [w for w in words if w.casefold() not in _SMALL_WORDS and any(ch.isalpha() for ch in w)]
    if not big or sum(w[0].isupper() or w[0].isdigit() or not w[0].isalpha() for w in big) < 0.85 * len(big):
        return False
    following = next((ln for ln in lines[i + 1 : i + 4] if ln.strip()), "")
    # Its text, or the date line an entry of a live blog or roundup opens with.
    return (is_sentence(following) and len(following.split()) >= 12) or read_date_line(following) is not None


def _split_headlines(lines: list[str], title: str) -> list[list[str]]:
    starts = [i for i in range(len(lines)) if " ".join(lines[i].split()) != title and _headline(lines, i)]
    return _cut(lines, starts) if len(starts) >= MIN_ITEMS else []


def _cut(lines: list[str], starts: list[int]) -> list[list[str]]:
    if len(starts) < MIN_ITEMS:
        return []
    return [lines[s : starts[n + 1] if n + 1 < len(starts) else len(lines)] for n, s in enumerate(starts)]


_SEPARATOR = re.compile(r"^\s*(?:[_*=~#-]\s*){2,}$")
"""A rule between a live blog's or roundup's entries ("___", "* * *", "---")."""
_SECTION_LABEL = re.compile(r"^[^a-z]{3,80}:\s*$")
"""An all-capitals label ending in a colon ("HERE'S WHAT ELSE IS HAPPENING:"): no item."""
_ITEM_MIN_WORDS = 12


def is_digest_title(title: str | None) -> bool:
    """Whether a document's own title names it a digest, bulletin or live blog."""
    return bool(title and _DIGEST_TITLE.search(" ".join(title.split())))


def split_separated(lines: list[str], title: str | None) -> list[list[str]]:
    """The entries of a digest or live blog whose entries are set apart by rules
    (*separated entries*: "___" between dated leads, the lead entry under the page's
    headline), or [] for any other document.

    Only a document whose title names a digest (:func:`is_digest_title`) is split, on
    its rule lines. A part without a sentence of its own (a teaser list, "Follow our
    coverage at ...") is furniture, not an entry; an all-capitals label above an entry
    is dropped with it.
    """
    if not is_digest_title(title) or sum(bool(_SEPARATOR.match(ln)) for ln in lines) < MIN_ITEMS - 1:
        return []
    parts: list[list[str]] = [[]]
    for line in lines:
        if _SEPARATOR.match(line):
            parts.append([])
        elif line.strip():
            parts[-1].append(line.strip())
    entries: list[list[str]] = []
    for part in parts:
        while part and _SECTION_LABEL.match(part[0]):
            part = part[1:]
        if any(is_sentence(ln) and len(ln.split()) >= _ITEM_MIN_WORDS for ln in part):
            entries.append(part)
    return entries if len(entries) >= MIN_ITEMS else []
