"""Partnership events: who signed, approved, launched or funded what with whom, and when.

A sentence is an event when it says an act was done (a verb of signing, approving,
launching, funding, meeting), not merely that a partnership exists or is hoped for.
Its parties are the institutions the sentence names (for a launch or a meeting, those
named before the verb: the launcher, not what was launched). The date is the one the
sentence gives, else the story's, and none when the sentence dates the act relatively
("last year"). A headline gives an event only when the body gives none with those parties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medtui.corpus.dates import find_dates
from medtui.corpus.model import PartialDate
from medtui.extract.mentions import Span
from medtui.extract.sentences import split_sentences

EVIDENCE_MAX_CHARS = 600

_SIGN = (r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|enter(?:s|ed)? into|conclud(?:es|ed)|"
         r"renew(?:s|ed)?|execut(?:es|ed)|seal(?:s|ed)?|reach(?:es|ed)|forg(?:es|ed)|"
         r"establish(?:es|ed|ing)|form(?:s|ed|alise[sd]?|alize[sd]?)|finali[sz](?:es|ed)|"
         r"firm(?:s|ed) up|cement(?:s|ed))\b")
_WINDOW = r"[^.;:]{0,120}?"
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("mou", re.compile(
        _SIGN + _WINDOW + r"\b(?:memorand(?:um|a) of understanding|MoUs?|MOUs?|memorand(?:um|a))\b"
        r"|\b(?:memorand(?:um|a) of understanding|MoUs?|MOUs?)\b(?:\s*\([^)]*\))?\s+(?:was|were|has been|have been)\s+"
        r"(?:signed|inked|concluded|renewed)", re.I)),
    ("agreement", re.compile(
        _SIGN + _WINDOW + r"\b(?:agreements?|contracts?|accords?|deals?|charter|letter of intent)\b"
        r"|\b(?:agreements?|contracts?|accords?|deals?)\b\s+(?:was|were|has been|have been)\s+"
        r"(?:signed|inked|concluded|reached|renewed)|\bagreed to\b", re.I)),
    ("approval", re.compile(
        r"\b(?:approved|endorsed|sanctioned|authori[sz]ed|ratified)\b(?!\s+(?:by\s+)?(?:the\s+)?"
        r"(?:supplier|vendor))|\b(?:grant(?:s|ed)?|receiv(?:es|ed)|obtain(?:s|ed)|secur(?:es|ed)|"
        r"gain(?:s|ed)|won)\b[^.;]{0,40}\bapproval\b|\bgave (?:the )?green light\b", re.I)),
    ("grant", re.compile(
        r"\b(?:secur(?:es|ed)|receiv(?:es|ed)|award(?:s|ed)|w[io]n|gets?|got|donat(?:es|ed)|"
        r"pledg(?:es|ed)|grant(?:s|ed))\b[^.;]{0,80}\b(?:grants?|funding|donation|endowment|"
        r"investment|gift|funds?)\b", re.I)),
    ("partnership", re.compile(
        r"\b(?:partner(?:s|ed|ing)? with|team(?:s|ed)? up with|join(?:s|ed)? forces|"
        r"join(?:s|ed) hands)\b|" + _SIGN + _WINDOW +
        r"\b(?:partnerships?|alliances?|collaborations?|pacts?|joint ventures?|consortium|"
        r"cooperation|co-operation|twinning)\b", re.I)),
    ("launch", re.compile(
        r"\b(?:launch(?:es|ed)?|unveil(?:s|ed)|inaugurat(?:es|ed)|open(?:s|ed)|kick(?:s|ed) off)\b"
        r"(?!\s+(?:up|to|with|in\s+\d))", re.I)),
    ("meeting", re.compile(
        r"\b(?:h[eo]lds?|held|host(?:s|ed)|convene[sd]?|attend(?:s|ed))\b[^.;]{0,60}"
        r"\b(?:meeting|summit|forum|conference|symposium|roundtable|talks)\b|\bmet with\b", re.I)),
]
# Words a sentence must hold (case-folded) for a trigger to match: a cheap test that
# spares most sentences the slow "sign ... agreement" patterns.
_NEEDS: dict[str, tuple[str, ...]] = {
    "mou": ("memorand", "mou"),
    "agreement": ("agreement", "contract", "accord", "deal", "charter", "letter of intent",
                  "agreed to"),
    "partnership": ("partner", "team", "join", "alliance", "collaboration", "pact",
                    "joint venture", "consortium", "cooperation", "co-operation", "twinning"),
}
_PRIORITY = {kind: n for n, (kind, _) in enumerate(_TRIGGERS)}
_SUBJECT_ONLY = {"launch", "meeting"}
_RELATIVE = re.compile(
    r"\b(?:last|previous|past|next|coming)\s+(?:year|month|week|decade)\b|\b(?:years?|months?)\s+ago\b|"
    r"\bpreviously\b|\bearlier this\b|\bin the past\b|\bsince\s+(?:19|20)\d\d\b", re.I)
_HYPOTHETICAL = re.compile(
    r"\b(?:subject to|pending|if approved|once approved|would|could|plans? to|planning to|"
    r"intends? to|aims? to|hopes? to|expected to|will seek|seeks?|seeking|proposal|proposed|"
    r"may|might)\b", re.I)


@dataclass
class FoundEvent:
    """An event in one story, parties as entity keys."""

    kind: str
    parties: list[str]
    date: PartialDate | None
    evidence: str
    from_title: bool = False


def _classify(sentence: str) -> tuple[str, int] | None:
    """The strongest event kind in a sentence and where its trigger starts."""
    folded = sentence.casefold().replace("\u0131", "i")  # re.I also takes dotless i for i
    for kind, pattern in _TRIGGERS:
        needs = _NEEDS.get(kind)
        if needs is not None and not any(word in folded for word in needs):
            continue
        m = pattern.search(sentence)
        if m is None:
            continue
        before = sentence[max(0, m.start() - 60) : m.start()]
        if kind in ("approval", "mou", "agreement") and _HYPOTHETICAL.search(before):
            continue
        return kind, m.start()
    return None


def _parties(spans: list[Span], start: int, end: int, trigger_at: int, kind: str) -> list[str]:
    keys: list[str] = []
    for s in spans:
        if s.start < start or s.end > end:
            continue
        if kind in _SUBJECT_ONLY and s.start >= start + trigger_at:
            continue
        if s.key not in keys:
            keys.append(s.key)
    return keys


def _event_date(sentence: str, story_date: PartialDate | None) -> PartialDate | None:
    dates = find_dates(sentence)
    if dates:
        return dates[0].date
    if _RELATIVE.search(sentence):
        return None
    return story_date


def find_events(
    text: str,
    spans: list[Span],
    title: str,
    title_spans: list[Span],
    story_date: PartialDate | None,
) -> list[FoundEvent]:
    """The events one story reports (see the module docstring)."""
    events: list[FoundEvent] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        found = _classify(sentence)
        if found is None:
            continue
        kind, at = found
        parties = _parties(spans, start, end, at, kind)
        if not parties:
            continue
        evidence = sentence if len(sentence) <= EVIDENCE_MAX_CHARS else sentence[:EVIDENCE_MAX_CHARS] + "\u2026"
        events.append(FoundEvent(kind, parties, _event_date(sentence, story_date), evidence))
    if title:
        found = _classify(title)
        if found is not None:
            kind, at = found
            parties = _parties(title_spans, 0, len(title), at, kind)
            covered = any(set(parties) < set(e.parties) for e in events)
            if parties and not covered:
                events.append(FoundEvent(kind, parties, story_date, title, from_title=True))
    return _merge(events)


def _merge(events: list[FoundEvent]) -> list[FoundEvent]:
    """One event per set of parties: the strongest kind, its first evidence."""
    merged: dict[frozenset[str], FoundEvent] = {}
    for ev in events:
        key = frozenset(ev.parties)
        have = merged.get(key)
        if have is None or _PRIORITY[ev.kind] < _PRIORITY[have.kind]:
            merged[key] = ev
    return list(merged.values())
