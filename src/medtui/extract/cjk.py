"""Institution names in Chinese, Japanese and Korean text, found by their endings.

Chinese has no spaces and no capitals: a name is a run of Han characters ending in an
institution's suffix (大學 university, 醫院 hospital, 政府 government, 研究院 research
institute; ``cjk_suffixes`` in ``data/vocabulary.yaml``). The run is bounded by
punctuation, digits and Latin letters; a conjunction (與, 和, 及, 同) right after a name
ends it, and leading words that are not the name (由 "by", 今日 "today", 與 "with";
``cjk_leading``) are cut from its start, unless the cut would leave a one-character name
(同濟大學 and 日本大學 keep their first character). A second ending within a few
characters extends the name (香港大學經濟學院, a faculty of the university). A name in
brackets right after one (香港科技大學（科大）) is its short name in the document.
"""

from __future__ import annotations

import re

from medtui.extract.boundaries import Candidate, Definition
from medtui.extract.vocabulary import vocabulary

_HAN_RUN = re.compile(r"[\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
_ANY_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_CONJUNCTIONS = frozenset("與和及同与跟、")
MIN_PREFIX = 2
"""Characters a name needs before its ending (科技大學, not 本大學 "this university")."""
MAX_PREFIX = 16
"""Longer stretches before an ending are a sentence, not a name."""
EXTEND_GAP = 3
"""A second ending at most this many characters after a name belongs to it (大學經濟學院)."""
_SHORT = re.compile(r"[（(]([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,8}|[A-Z][A-Za-z&.]{1,11})[）)]")


def _suffix_at(run: str, pos: int, suffixes: tuple[str, ...]) -> str | None:
    for suffix in suffixes:  # longest first
        if run.startswith(suffix, pos):
            return suffix
    return None


def _name_start(run: str, begin: int, end: int, leading: tuple[str, ...]) -> int:
    """Where a name ending at ``end`` starts: after the last leading word in run[begin:end]
    that leaves at least MIN_PREFIX characters of name before its ending at ``end``."""
    best = begin
    for word in leading:
        at = run.find(word, begin, end)
        while at >= 0:
            cut = at + len(word)
            if cut > best and end - cut >= MIN_PREFIX:
                best = cut
            at = run.find(word, at + 1, end)
    return best


def cjk_names(text: str) -> list[Candidate]:
    """Chinese, Japanese and Korean institution names in ``text`` (see the module docstring)."""
    if _ANY_HAN.search(text) is None:
        return []
    vocab = vocabulary()
    suffixes, leading, generic = vocab.cjk_suffixes, vocab.cjk_leading, vocab.cjk_generic
    found: list[Candidate] = []
    for m in _HAN_RUN.finditer(text):
        run, base = m.group(), m.start()
        pos, seg_start = 0, 0
        last: Candidate | None = None
        while pos < len(run):
            suffix = _suffix_at(run, pos, suffixes)
            if suffix is None:
                pos += 1
                continue
            end = pos + len(suffix)
            if last is not None and last.end - base == seg_start and pos - seg_start <= EXTEND_GAP:
                # 香港大學 + 經濟學院: one name, the faculty of the university.
                found[-1] = last = Candidate(last.start, base + end, text[last.start : base + end])
            else:
                start = _name_start(run, seg_start, pos, leading)
                name = run[start:end]
                # A one-character leading word right before the ending (可於醫院 "may, at
                # the hospital"): the ending is an ordinary noun there, not a name's.
                before = run[pos - 1] if pos else ""
                if MIN_PREFIX <= pos - start <= MAX_PREFIX and name not in generic and before not in leading:
                    last = Candidate(base + start, base + end, name)
                    found.append(last)
                else:
                    last = None
            pos = seg_start = end
            if pos < len(run) and run[pos] in _CONJUNCTIONS:
                pos = seg_start = pos + 1
                last = None
    return found


def cjk_definitions(text: str, names: list[Candidate]) -> list[Definition]:
    """Short names in brackets right after a CJK name: 香港科技大學（科大）."""
    out: list[Definition] = []
    for cand in names:
        m = _SHORT.match(text, cand.end)
        if m is not None:
            out.append(Definition(cand.end, m.group(1), m.start(1), m.end(1)))
    return out


def cjk_kind(name: str) -> str | None:
    """The institution kind a CJK name's ending makes, or None if it has none."""
    vocab = vocabulary()
    for suffix in vocab.cjk_suffixes:
        if name.endswith(suffix):
            return vocab.cjk_kinds[suffix]
    return None
