"""Partnership events: who signed, approved, launched or funded what with whom, and when.

A sentence is an event when it says an act was done (a verb of signing, approving,
launching, funding, meeting), not merely that a partnership exists or is hoped for.
Its parties are the institutions the sentence names (for a launch or a meeting, those
named before the verb: the launcher, not what was launched). The date is the one the
sentence gives, else the story's, and none when the sentence dates the act relatively
("last year"). A headline gives an event only when the body gives none with those parties.
Which sentences report an act, and of which kind: :mod:`medtui.extract.triggers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from medtui.corpus.model import PartialDate
from medtui.extract.bystanders import describes, in_slot, owner_slots
from medtui.extract.doubles import once_each, one_company_links, surfaces_by_key, unlinked
from medtui.extract.kinds import Shapes, picked_pairs
from medtui.extract.mentions import Span
from medtui.extract.occasion import story_occasion
from medtui.extract.parties import Piece, counted_partners, mention_counts, pieces, unnamed_parties
from medtui.extract.subjects import first_named, lone_subject, named_after, not_an_act, objects_only, subject_pairs
from medtui.extract.triggers import (
    PASSIVE_GRANT_RE,
    PRIORITY,
    RELATIVE_CLAUSE,
    SUBJECT_ONLY,
    Needs,
    classify,
)
from medtui.extract.when import event_date

EVIDENCE_MAX_CHARS = 600

@dataclass
class FoundEvent:
    """An event in one story, parties as entity keys."""

    kind: str
    parties: list[str]
    date: PartialDate | None
    evidence: str
    from_title: bool = False


def _parties(text: str, spans: list[Span], start: int, end: int, trigger: tuple[int, int],
             kind: str, owners_seen: set[str] | None = None) -> list[str]:
    """The institutions a sentence (text[start:end]) names as parties of its act;
    ``owners_seen`` gets those it names only as a party's owner."""
    at, trigger_end = start + trigger[0], start + trigger[1]
    clause = RELATIVE_CLAUSE.search(text, trigger_end, end)
    limit = clause.start() if clause else end
    if kind == "approval":  # "X announces that Nasdaq approves ...": X only reports it
        reports = [m.end() for m in _REPORTED.finditer(text, start, at)]
        start = reports[-1] if reports else start
    keys: list[str] = []
    owners: list[str] = []  # named only as a party's owner ("a division of Y"): no party
    slots = owner_slots(text, start, limit, at)
    # Spans are sorted by start: look only at those starting inside the sentence.
    first = bisect_left(spans, start, key=lambda s: s.start)
    last = bisect_left(spans, limit, lo=first, key=lambda s: s.start)
    name_end = -1
    for s in spans[first:last]:
        if s.start < start or s.end > limit:
            continue
        described, name_end = describes(text, name_end, s.start), s.end
        if kind in SUBJECT_ONLY and s.start >= at or described:
            continue
        if slots and in_slot(slots, s.start, s.end):
            owners.append(s.key)
        elif s.key not in keys:
            keys.append(s.key)
    if owners and not keys:
        return [k for k in dict.fromkeys(owners)]  # nothing else named: the owners are all there is
    if owners_seen is not None:
        owners_seen.update(owners)
    return keys


def find_events(
    text: str,
    spans: list[Span],
    title: str,
    title_spans: list[Span],
    story_date: PartialDate | None,
    kinds: dict[str, str] | None = None,
) -> list[FoundEvent]:
    """The events one story reports (see the module docstring).

    ``kinds``: the institution kind of each entity key, to resolve "the University",
    "the Company" (see :mod:`medtui.extract.parties`); without it those stay unresolved.
    """
    events: list[FoundEvent] = []
    spans = sorted(spans, key=lambda s: s.start)
    title_spans = sorted(title_spans, key=lambda s: s.start)
    title_event = classify(title) if title else None
    title_spans = _as_in_body(title_spans, spans)
    title_parties = (_parties(title, title_spans, 0, len(title), title_event[1:], title_event[0])
                     if title_event else [])
    lead_kind: str | None = None
    needs = Needs(text)
    before_piece = (0, 0)
    carry: tuple[str, str] | None = None  # the kind and funder of a passive grant, for its "; and ..."
    shapes = Shapes(text, spans, title, title_spans, lambda at: _issuer(spans, title_spans, at))
    owners: set[str] = set()  # named in the body as a party's owner: no party of a headline's act
    gathering: list[PartialDate | None] = []  # the story's occasion, read once when first asked

    def occasion() -> PartialDate | None:
        if not gathering:
            gathering.append(story_occasion(text, story_date))
        return gathering[0]

    all_pieces = pieces(text)
    for n, piece in enumerate(all_pieces):
        start, end = piece.start, piece.end
        sentence = text[start:end]
        present = needs.kinds(text, start, end)
        found = shapes.kind(start, end, classify(sentence, present), present)
        listed = found is None and piece.item and lead_kind is not None
        if listed and lead_kind is not None:
            found = (lead_kind, 0, 0)  # "* A and B": an item of a list of signings
        elif found is not None and piece.item and lead_kind is not None and _BARE_SIGNING.fullmatch(
                sentence, found[1], found[2]):
            found = (lead_kind, found[1], found[2])  # "* A, signed with B" under "MoUs were signed:"
        if piece.lead_in:
            lead_kind = found[0] if found else None
        elif not piece.item:
            lead_kind = None
        named = _parties(text, spans, start, end, found[1:], found[0], owners) if found else []
        if found is None and carry is not None and sentence.startswith("and "):
            # "... were awarded to A, for X; and B, for Y": the second half's B too.
            for party in _parties(text, spans, start, end, (0, 0), carry[0]):
                if party != carry[1]:
                    when = _date_of(text, start, end, 0, story_date, occasion)
                    events.append(FoundEvent(carry[0], [carry[1], party], when, sentence[:EVIDENCE_MAX_CHARS]))
            continue
        carry = None
        if found is None or piece.lead_in or not_an_act(sentence, found[1]):
            before_piece = (start, end)  # "He also partners with A": no institution's act
            continue
        kind = found[0]
        shaped = shapes.parties(kind, start, end, named)
        if shaped is not None:  # roles decide the parties: funder and recipient, host and guest
            kind = {"gathering": "meeting", "selection": "agreement"}.get(kind, kind)
            when = _date_of(text, start, end, found[1], story_date, occasion)
            events.extend(FoundEvent(kind, p, when, _evidence(sentence))
                          for p in shaped if len(p) > 1)
            before_piece = (start, end)
            continue
        parties = named
        referred = subject_pairs(text, spans, title_spans, start, end, start + found[1], start + found[2], parties,
                                 kinds) if kinds is not None and kind in _PAIRED and not listed else None
        if referred:  # "The company partnered with A and B": the issuer's pact with each
            when = _date_of(text, start, end, found[1], story_date, occasion)
            events.extend(FoundEvent(kind, p, when, _evidence(sentence)) for p in referred)
            before_piece = (start, end)
            continue
        if kind in _PAIRED and not listed and objects_only(text, spans, start, end, start + found[1], parties):
            before_piece = (start, end)
            continue  # "worked in partnership with A, B and C": an unnamed subject's partners
        if kinds is not None and len(parties) < 2 and kind not in SUBJECT_ONLY:
            # Only institutions named before ("the University" refers back), and the headline's.
            before = mention_counts(spans[: bisect_left(spans, start, key=lambda sp: sp.start)], title_spans)
            story = mention_counts(spans, title_spans) if not before else None
            at = next((sp.start - start for sp in spans if sp.key in parties and sp.start >= start), None)
            parties += [k for k in unnamed_parties(sentence, before, kinds, title_parties, len(parties), story,
                                                   tuple(parties), at)
                        if k not in parties]
        funder = (first_named(spans, *before_piece, parties)
                  if kind == "grant" and parties and PASSIVE_GRANT_RE.search(sentence) else None)
        if funder is not None:
            # "The grants were awarded to A, B and C": one grant from the funder the sentence
            # before names to each of them, not a grant among them.
            evidence = sentence[:EVIDENCE_MAX_CHARS]
            for party in parties:
                when = _date_of(text, start, end, found[1], story_date, occasion)
                events.append(FoundEvent(kind, [funder, party], when, evidence))
            before_piece, carry = (start, end), (kind, funder)
            continue
        if len(parties) == 1 and kind not in SUBJECT_ONLY and not _SENTENCE_END.search(text, before_piece[1], start):
            # "A signed with B, while also closing deals with C": the first half's subject; after
            # a whole sentence, only the issuer ("Tallis grew. Developed with Y, its ...").
            subject = first_named(spans, *before_piece, parties)
            if subject is not None and (_SENTENCE_END.search(text, max(0, before_piece[1] - 1), start) is None
                                        or subject == _issuer(spans, title_spans, start)):
                parties = [subject, *parties]
        before_piece = (start, end)
        counted = counted_partners(text, spans, start + found[1], end, parties[0]) if (
            len(parties) == 1 and kind not in SUBJECT_ONLY) else []
        if counted:  # "a partnership with four colleges", the next sentence naming the four
            when = _date_of(text, start, end, found[1], story_date, occasion)
            events.extend(FoundEvent(kind, [parties[0], p], when, _evidence(sentence)) for p in counted)
            continue
        if not parties or len(parties) == 1 and not _one_party_kept(
                kind, parties[0], sentence, found[2], kinds, named_after(spans, parties[0], start + found[2], end)):
            continue
        if kind == "launch" and _PROGRAMME.search(sentence, found[2], found[2] + 120) is None and (
                len(parties) < 2 or _TOGETHER.search(sentence) is None):
            continue  # a product or a website launched, unless institutions launched it together
        when = _date_of(text, start, end, found[1], story_date, occasion)
        if listed:
            lead = next(sp for sp in spans if sp.key == parties[0] and sp.start >= start)
            if lead.start - start > _ITEM_SUBJECT_CHARS:
                continue  # an item that opens with no party: a comment on the list, not a signing
            if len(parties) > 2:  # "* A with B, C and D": A's signing with each
                events.extend(FoundEvent(kind, [parties[0], p], when, _evidence(sentence)) for p in parties[1:])
                continue
        if kind == "partnership":  # the next sentence (or the one after a cut-off fragment)
            kind = next(filter(None, (_named_pact(text, spans, nxt, parties) for nxt in all_pieces[n + 1 : n + 3])),
                        kind)
        subject = lone_subject(text, spans, parties, start, start + found[1]) if len(parties) > 2 else None
        if subject is not None and kind in _PAIRED:  # "X partnered with A, B and C": X with each
            events.extend(FoundEvent(kind, [subject, p], when, _evidence(sentence)) for p in parties if p != subject)
            continue
        events.append(FoundEvent(kind, parties, when, _evidence(sentence)))
    picked = (picked_pairs(title, title_spans, 0, len(title), title_event[0])
              if title_event is not None and title_event[0] in ("selection", "agreement") else None)
    for pair in picked or []:  # "X Picks A, B and More": X with each, as in a body
        if not any(set(pair) <= set(e.parties) for e in events):
            events.append(FoundEvent("agreement", pair, story_date, title, from_title=True))
    if title_event is not None and picked is None:
        # Also "Acme Explores Partnerships with A and B", Acme unknown: no pact of A with B.
        covered = any(set(title_parties) - owners <= set(e.parties) for e in events) or objects_only(
            title, title_spans, 0, len(title), title_event[1], title_parties)
        if title_parties and not covered and (len(title_parties) > 1 or _one_party_kept(
                title_event[0], title_parties[0], title, title_event[2], kinds)):
            events.append(FoundEvent(title_event[0], title_parties, story_date, title, from_title=True))
    links = one_company_links(text, spans) | one_company_links(title, title_spans)
    return _merge(_once_each(events, spans + title_spans, links))


# Where the sentence before a piece ends: a stop, or a blank line
# (not after an initial or a short title: "U.S. Forest", "Dr. Lee").
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][\"\u201d\u2019)]?\s+(?=[A-Z\"\u201c])|\n[ \t]*\n")
_WRAP_LOOKBACK = 400


def _date_of(text: str, start: int, end: int, act_at: int, story_date: PartialDate | None,
             occasion: Callable[[], PartialDate | None]) -> PartialDate | None:
    """The date of the act at text[start + act_at] in the piece text[start:end]. A piece that
    begins on a hard-wrapped line inside a sentence ("On 19 May 2024, the Riverside\n(RU),
    in partnership with ...": the splitter cut at the line break) is read from the
    sentence's real start."""
    head = text[max(0, start - _WRAP_LOOKBACK) : start]
    stripped = head.rstrip(" \t")
    last = stripped[:-1].rstrip(" \t")[-1:] if stripped.endswith("\n") else ""
    if last and last not in ".!?:;" and (last == "," or text[start : start + 1] in "(abcdefghijklmnopqrstuvwxyz"):
        breaks = list(_SENTENCE_BREAK.finditer(head))
        if breaks:
            begin = start - len(head) + breaks[-1].end()
            return event_date(text[begin:end], story_date, act_at + start - begin, occasion)
    return event_date(text[start:end], story_date, act_at, occasion)


# The pact a sentence names: "Under the agreement, ...", "With a $1.5 million contract from X".
_PACT_NOUN = re.compile(r"\b(?:(?P<mou>memorand(?:um|a) of understanding|MoU)|(?P<agreement>agreement|contract))\b",
                        re.I)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _named_pact(text: str, spans: list[Span], after: Piece, parties: list[str]) -> str | None:
    """The kind of the pact the sentence after a partnership names, as the same act's more
    precise kind: one it refers back to at its start ("... announced a renewed partnership.
    Under the agreement, ...") or one with a party of the partnership ("With a $1.5
    million contract from X")."""
    m = _PACT_NOUN.search(text, after.start, min(after.end, after.start + 60))
    if m is None:
        return None
    kind = "mou" if m.group("mou") else "agreement"
    if m.start() - after.start <= 30 and _DEFINITE_BEFORE.search(text, after.start, m.start()):
        return kind
    near = [sp.key for sp in spans if m.end() <= sp.start < m.end() + 40]
    return kind if near and near[0] in parties else None


def _as_in_body(title_spans: list[Span], spans: list[Span]) -> list[Span]:
    """Headline names read as the body names them: a Title Case name that runs on past a
    name of the body ("Eagle Harbor Small-Scale Gas Exports", the body saying "Eagle
    Harbor") is the body's institution."""
    body = {sp.surface: sp.key for sp in spans}
    out = []
    for sp in title_spans:
        if sp.surface not in body:
            words = sp.surface.split()
            known = next((body[" ".join(words[:n])] for n in range(len(words) - 1, 1, -1)
                          if " ".join(words[:n]) in body), None)
            if known is not None:
                sp = replace(sp, key=known)
        out.append(sp)
    return out


def _evidence(sentence: str) -> str:
    return sentence if len(sentence) <= EVIDENCE_MAX_CHARS else sentence[:EVIDENCE_MAX_CHARS] + "\u2026"


def _issuer(spans: list[Span], title_spans: list[Span], at: int) -> str | None:
    """The institution the story mentions most before character ``at`` (its issuer, as
    "we" in :mod:`medtui.extract.parties`)."""
    counts = mention_counts(spans[: bisect_left(spans, at, key=lambda sp: sp.start)], title_spans)
    return counts.most_common(1)[0][0] if counts else None


# After the act, the other party's slot: "with", "between", "from", "by", "to" and what follows.
_OTHER_SLOT = re.compile(r"\b(?:with|between|from|by|to|and)\s+(?:the\s+)?([\w-]+)")
# Words that open a description of a partner the story does not name ("with a leading
# hospital", "with several universities"); a name, or "with potential partners", "with
# certain holders", "partners with agile solutions", is no such description.
_UNNAMED_PARTNER = frozenset(
    "a an one two three four five several multiple various leading major local global "
    "international national regional top".split())
# What a one-party launch must launch to be an institution's act, not a product's release.
# A launch's object that is a count: "opened nearly 100 clinical trials", "has launched over 60
# labs" (some 25 such tallies in the 25k press releases, session 6; no single act).
_TALLY = re.compile(r"\s+(?:(?:over|more\s+than|nearly|almost|about|some|around|upwards\s+of)\s*)?\d")
_PROGRAMME = re.compile(
    r"\b(?:programs?|programmes?|initiatives?|cent(?:er|re)s?|institutes?|schools?|courses?|"
    r"degrees?|scholarships?|fellowships?|funds?|foundations?|consortium|alliances?|networks?|"
    r"partnerships?|collaborations?|labs?|laborator(?:y|ies)|hubs?|academy|clinics?|"
    r"studies|study|trials?|projects?|curricul(?:um|a)|challenges?|grants?)\b", re.I)


_SENTENCE_END = re.compile(r"[.!?\n]")
# A signing that names no pact: in a list of MoUs signed, the list's kind.
_BARE_SIGNING = re.compile(r"sign(?:s|ed)\s+with", re.I)
_ITEM_SUBJECT_CHARS = 80
"""How far into a list item without a verb its first party may stand (an item is "A and B")."""
# A reporting verb and a new subject: "X Announces that Nasdaq Approves ...".
_REPORTED = re.compile(r"\b(?:announc(?:es|ed)|said|says|report(?:s|ed)|confirm(?:s|ed))\s+that\s+"
                       r"(?=(?:the\s+)?(?-i:[A-Z]))(?!(?-i:It|They|We)\b)", re.I)
# A launch done by partners together: what they launched needs no programme's word.
_TOGETHER = re.compile(r"\b(?:in (?:partnership|collaboration|cooperation) with|jointly|co-launch(?:es|ed)?|"
                       r"together with)\b", re.I)


_PAIRED = frozenset({"partnership", "agreement", "mou"})


def _one_party_kept(kind: str, party: str, sentence: str, trigger_end: int,
                    kinds: dict[str, str] | None, object_only: bool = False) -> bool:
    """Whether an event with one known party is worth keeping.

    Users look for partnerships between institutions (issue 10, judged on 20 random
    events of the 25k press releases): a product's launch ("X Launches Y App"), a name
    that is no institution ("Cyber", a person) or an act whose other party the sentence
    names but we did not find are noise. Kept: a party with an institution's shape (a
    gazetteer entry or a name with a head word: its kind is not 'other'), and then a launch
    of a programme, centre or the like; any other act only when the other party is truly
    unnamed ("signed an agreement with a leading hospital", no partner said at all); an
    approval only when the party is named after the verb (``object_only``: it was approved).
    """
    if kinds is not None and kinds.get(party, "other") == "other" and not party.startswith("g:"):
        return False
    after = sentence[trigger_end:]
    if kind == "launch":  # not a tally: "has opened nearly 100 clinical trials" (a track record)
        return _PROGRAMME.search(after[:120]) is not None and _TALLY.match(after) is None
    if kind == "approval":
        # "approved the proposal of X" (X approved by an authority) is X's news; "X's Board
        # approved a capital raise", "X has been authorized to ...": no partner.
        return object_only and re.match(r"\s+by\b", after) is None  # "approved by the FDA": the approver
    slot = _OTHER_SLOT.search(after[:80])
    if slot is None:
        return kind != "partnership"  # "signed an agreement to acquire ...": a partner may be unsaid
    return slot.group(1).lower() in _UNNAMED_PARTNER


def _once_each(events: list[FoundEvent], spans: list[Span], links: set[frozenset[str]]) -> list[FoundEvent]:
    """Events without a party that is another party written shorter or another name of it
    ("d/b/a", "formerly": ``links``, :mod:`medtui.extract.doubles`); an event left with one
    party had no partner and is dropped."""
    surfaces = surfaces_by_key(spans)
    out = []
    for ev in events:
        kept = once_each(unlinked(ev.parties, links), surfaces)
        if len(kept) == len(ev.parties):
            out.append(ev)
        elif len(kept) > 1:
            out.append(replace(ev, parties=kept))
    return out


def _merge(events: list[FoundEvent]) -> list[FoundEvent]:
    """One event per set of parties: the body's wording over the headline's, then the
    strongest kind, its first evidence."""
    merged: dict[frozenset[str], FoundEvent] = {}
    for ev in events:
        key = frozenset(ev.parties)
        have = merged.get(key)
        if have is None or (ev.from_title, PRIORITY[ev.kind]) < (have.from_title, PRIORITY[have.kind]):
            merged[key] = ev
    return list(merged.values())
