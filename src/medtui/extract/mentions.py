"""Which institutions a document names, where, and under which key.

Sources, strongest first: names the document itself defines ("Full Name (ABBR)" makes
ABBR an alias here), gazetteer names (Aho-Corasick over the whole gazetteer, in
:mod:`medtui.extract.gazetteer_match`), and discovered names: institution-shaped ones, ones
the text describes as organisations or lists beside known ones
(:mod:`medtui.extract.appositives`), and the parties of acts.
Overlaps keep the longest span. A short name that the same document also gives in full
("First Affiliated Hospital" ... "First Affiliated Hospital of X"), or with its legal form
("Acme" ... "Acme Inc."), is the full one. Headlines are matched only against names already
known from the gazetteer or the body, their acts' parties, and names the body abbreviates by
their initials (:mod:`medtui.extract.headlines`), since Title Case makes everything look
like a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from medtui.extract.acts import act_names
from medtui.extract.aliases import alias_fits
from medtui.extract.appositives import KindWord, described, described_kinds, listed
from medtui.extract.boundaries import Candidate
from medtui.extract.cjk import cjk_definitions, cjk_kind
from medtui.extract.discover import GENERIC, HEADS, STOP_LEADING, definitions, discover, is_head
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.gazetteer_match import GazetteerMatcher, Span, _ideograph
from medtui.extract.headlines import initialled, named_in_body
from medtui.extract.names import guess_kind, name_key, phrase_kind
from medtui.extract.persons import is_person, people, person_shaped, title_alone
from medtui.extract.tidy import tidy
from medtui.extract.vocabulary import is_generic_name

_GENERIC_SHORT = re.compile(r"^(?:the\s+)?(?:[A-Z][a-z]+)$")


@dataclass
class Entity:
    """An institution as one document knows it: key, best name, names used, kind."""

    key: str
    name: str
    kind: str
    names: set[str] = field(default_factory=set)
    discovered: bool = False


def _longest(spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    last_end = -1
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= last_end:
            chosen.append(span)
            last_end = span.end
    return chosen


def _is_generic(short: str) -> bool:
    words = short.replace("the ", "").split()
    return all(w in GENERIC or w in HEADS for w in words)


@dataclass
class DocumentMentions:
    """Every mention in each part of a document, and the entities behind them."""

    spans: list[list[Span]]
    entities: dict[str, Entity]


def find_mentions(
    matcher: GazetteerMatcher, bodies: list[str], titles: list[str]
) -> DocumentMentions:
    """Mentions in each story body and title of one document (see the module docstring)."""
    gaz = matcher.gazetteer
    entities: dict[str, Entity] = {}

    def entity_for(name: str, key: str | None = None, discovered: bool = False) -> str:
        if key is None:
            gid = gaz.lookup(name)
            key = f"g:{gid}" if gid else f"d:{name_key(name)}"
        ent = entities.get(key)
        if ent is None:
            if key.startswith("g:"):
                entry = gaz.entries[key[2:]]
                ent = Entity(key, entry.name, entry.kind)
            else:
                ent = Entity(key, name, cjk_kind(name) or guess_kind(name), discovered=discovered)
            entities[key] = ent
        elif ent.discovered and len(name) > len(ent.name):
            ent.name = name
        ent.names.add(name)
        return key

    # 1. Body texts: gazetteer + discovery + the parties of acts, longest first.
    body_spans: list[list[Span]] = []
    body_kinds: list[list[KindWord]] = []
    act_surfaces: dict[str, str] = {}
    for text in bodies:
        spans, kinds = matcher.find_all(text)
        body_kinds.append(kinds)
        shaped, acted = [*discover(text), *described(text, kinds)], act_names(text)
        shaped, acted = [c for c in shaped if not title_alone(c.name)], _no_people(text, acted, gaz)
        names = {c.name for c in shaped} | {c.name for c in acted} | {s.surface for s in spans}
        for cand in tidy(text, shaped, names):
            spans.append(Span(cand.start, cand.end, entity_for(cand.name, discovered=True), cand.name))
        for cand in tidy(text, acted, names):
            key = entity_for(cand.name, discovered=True)
            act_surfaces.setdefault(cand.name, key)
            spans.append(Span(cand.start, cand.end, key, cand.name))
        body_spans.append(_longest(spans))
    # Headlines: only the parties of the act a headline reports, not every Title Case word,
    # and names the body abbreviates by their initials.
    title_acts: list[list[Span]] = []
    initials: dict[str, str] = {}
    for title, body in zip(titles, bodies, strict=False):
        found = []
        for named in initialled(title, body, is_head):
            key = entity_for(named.candidate.name, discovered=True)
            initials.setdefault(named.acronym, key)
            found.append(Span(named.candidate.start, named.candidate.end, key, named.candidate.name))
        title_named = [c for c in _no_people(body, act_names(title, title=True), gaz)
                       if _shaped(c.name) or named_in_body(c.name, body) or gaz.lookup(c.name) is not None]
        for cand in tidy(title, title_named):
            key = entity_for(cand.name, discovered=True)
            act_surfaces.setdefault(cand.name, key)
            found.append(Span(cand.start, cand.end, key, cand.name))
        title_acts.append(found)
    if act_surfaces:
        # A party named once in an act is the same name wherever else the document uses it.
        body_spans = [_longest(spans + _occurrences(text, act_surfaces))
                      for text, spans in zip(bodies, body_spans, strict=True)]
    body_spans = _purposes_cut(body_spans, entity_for)
    shorts = _legal_short_names(body_spans)
    if shorts:
        # "Acme Robotics Inc." ... "Acme Robotics will ...": the name without its legal form.
        body_spans = [_longest(spans + _occurrences(text, shorts))
                      for text, spans in zip(bodies, body_spans, strict=True)]
    # 2. Definitions made in this document: "(ABBR)" right after a mention.
    local: dict[str, str] = {}
    for text, spans in zip(bodies, body_spans, strict=True):
        ends = {s.end: s for s in spans}
        cjk = [Candidate(s.start, s.end, s.surface) for s in spans if _ideograph(s.surface[-1])]
        for d in [*definitions(text), *cjk_definitions(text, cjk)]:
            full = ends.get(d.full_end)
            if full is None or _is_generic(d.short) and not d.short.startswith("the "):
                continue
            if not _ideograph(d.short[-1]) and not alias_fits(d.short, full.surface):
                continue  # "(March 2021)", "(Jane Doe)", "(R01 AB123456)": no name of it
            short = d.short[4:] if d.short.startswith("the ") else d.short
            local.setdefault(short, full.key)
    for short, key in initials.items():
        local.setdefault(short, key)
    # 3. A short name that this document also gives as "Short of ...": the long one.
    names_by_key = {s.key: s.surface for spans in body_spans for s in spans}
    redirect: dict[str, str] = {}
    names_by_key.update({key: surface for surface, key in act_surfaces.items() if key not in names_by_key})
    act_keys = set(act_surfaces.values())
    keyed = {key: name_key(surface) for key, surface in names_by_key.items()}
    for key, short in keyed.items():
        for other_key, other in keyed.items():
            if other_key != key and (other.startswith(short + " of ")
                                     or key.startswith("d:") and _company_long_form(short, other)):
                redirect[key] = other_key
                break
        else:
            if key in act_keys and key.startswith("d:") and " " not in short:
                # A party named by one word of a fuller name the document gives ("partners with
                # Riverside" and "Kowloon Riverside Hospital"): the fuller name, the shortest such.
                fuller = [(len(names_by_key[k]), k) for k, o in keyed.items()
                          if k != key and f" {short} " in f" {o} "]
                if fuller:
                    redirect[key] = min(fuller)[1]
    # 4. Re-scan with the local aliases, which win over everything they overlap.
    alias_re = _alternation(local, r"(?<![\w.])") if local else None
    known_surfaces = {
        s.surface: s.key for spans in body_spans for s in spans if s.key.startswith("d:")
    }
    known_surfaces.update({k: v for k, v in act_surfaces.items() if k not in known_surfaces})
    result: list[list[Span]] = []
    for text, spans in zip(bodies, body_spans, strict=True):
        spans = _finish(text, spans, alias_re, local, redirect)
        # Lists of names most of which are known by now (aliases included): the rest too.
        extra = [Span(c.start, c.end, entity_for(c.name, discovered=True), c.name)
                 for c in _no_people(text, listed(text, [(s.start, s.end) for s in spans]), gaz)]
        result.append(_longest(spans + extra) if extra else spans)
    for title, acts in zip(titles, title_acts, strict=True):
        spans = matcher.find(title) + acts
        spans += _occurrences(title, known_surfaces)
        result.append(_finish(title, _longest(spans), alias_re, local, redirect))
    for spans in result:
        for s in spans:
            if s.key in entities:
                entities[s.key].names.add(s.surface)
            else:
                entity_for(s.surface, s.key)
    for short, key in local.items():
        if key in entities:
            entities[key].names.add(short)
    for text, spans, kinds in zip(bodies, result, body_kinds, strict=False):
        # "Acme, a robotics company": the kind the text gives a name whose words give none.
        for key, kind in described_kinds(text, kinds, {s.end: s.key for s in spans}).items():
            ent = entities.get(key)
            if ent is not None and ent.discovered and (ent.kind == "other" and phrase_kind(ent.name) is None
                                                       or ent.kind == "research" and kind == "company"):
                ent.kind = kind
    used = {s.key for spans in result for s in spans}
    return DocumentMentions(result, {k: e for k, e in entities.items() if k in used})


def _shaped(name: str) -> bool:
    """Whether ``name`` has an institution's shape: a head word or a kind its words imply."""
    return guess_kind(name) != "other" or any(is_head(w) for w in name.split())


def _no_people(text: str, found: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """``found`` without the names ``text`` uses as people's (:mod:`medtui.extract.persons`):
    only names with no institution's head word and unknown to the gazetteer are asked. A
    title, role or post-nominal alone ("Rector", "FACP") is no name either."""
    found = [c for c in found if not title_alone(c.name)]
    suspects = {c.name for c in found if person_shaped(c.name) and not _shaped(c.name)}
    if not suspects:
        return found
    # A person's shapes stand next to the first or last word of the name (or of its fuller form).
    named = people(text, around={w for n in suspects for w in (n.split()[0], n.split()[-1]) if len(w) > 1})
    drop = {n for n in suspects if is_person(n, named) and gaz.lookup(n) is None}
    return [c for c in found if c.name not in drop] if drop else found


def _purposes_cut(body_spans: list[list[Span]], entity_for: Callable[..., str]) -> list[list[Span]]:
    """A found name that runs on through "for" into what a grant was for ("funding from the
    Lindqvist Foundation for Data Skills") is cut before "for" where the document also names
    the part before it alone."""
    alone = {s.surface for spans in body_spans for s in spans}
    out = []
    for spans in body_spans:
        cut = []
        for s in spans:
            head, sep, _ = s.surface.partition(" for ")
            if sep and head in alone and s.key.startswith("d:"):
                s = Span(s.start, s.start + len(head), entity_for(head, discovered=True), head)
            cut.append(s)
        out.append(cut)
    return out


_LEGAL_FORM = re.compile(r"^(?P<short>[A-Z0-9][\w&'\u2019. -]*?),?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|"
                         r"PLC|plc|AG|GmbH|Co|S\.A|N\.V)\.?(?:,?\s+(?:Ltd|Inc|Limited)\.?)?$")


def _legal_short_names(body_spans: list[list[Span]]) -> dict[str, str]:
    """Names found with a legal form ("Acme Robotics Inc."), by the name without it ("Acme
    Robotics"), where that is a name on its own: not generic, a place or a lone head word."""
    out: dict[str, str] = {}
    for spans in body_spans:
        for s in spans:
            m = _LEGAL_FORM.match(s.surface) if s.key.startswith("d:") else None
            if m is None:
                continue
            short = m.group("short").rstrip(" ,")
            words = short.split()
            if len(short) < 3 or _is_generic(short) or is_generic_name(short) or words[0] in STOP_LEADING:
                continue
            out.setdefault(short, s.key)
    return out


def _occurrences(text: str, surfaces: dict[str, str]) -> list[Span]:
    """Every whole-word occurrence in ``text`` of the names ``surfaces`` maps to keys.

    A plain search per name: documents hold a few such names, and compiling one regex of
    them costs about 1 ms a document, more than the searches."""
    found: list[Span] = []
    for name, key in surfaces.items():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not (
                    text[end].isalnum() or text[end] == "_")):
                found.append(Span(at, end, key, name))
            at = text.find(name, at + 1)
    return found


_LEGAL_TAIL = re.compile(
    r"^(?:[\w&'-]+ ){0,3}(?:inc|corp|corporation|ltd|limited|llc|plc|ag|gmbh|co|company|holdings?|"
    r"group|sa|nv|se)$")


def _company_long_form(short: str, other: str) -> bool:
    """Whether ``other`` is ``short`` with a company's legal tail ("Q-Spin" and "Q-Spin
    Quantum Inc"; name keys), so the two are one company."""
    return other.startswith(short + " ") and _LEGAL_TAIL.match(other[len(short) + 1 :]) is not None


def _alternation(names: Iterable[str], before: str) -> re.Pattern[str]:
    """One regex matching any of ``names`` as whole words, longest first."""
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(before + "(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")


def _finish(
    text: str,
    spans: list[Span],
    alias_re: re.Pattern[str] | None,
    local: dict[str, str],
    redirect: dict[str, str],
) -> list[Span]:
    if alias_re is not None:
        extra = [Span(m.start(), m.end(), local[m.group(1)], m.group(1)) for m in alias_re.finditer(text)]
        if extra:
            kept = [s for s in spans if not any(e.start < s.end and s.start < e.end and
                                                 (e.end - e.start) >= (s.end - s.start) for e in extra)]
            spans = _longest(kept + extra)
    return [Span(s.start, s.end, redirect.get(s.key, s.key), s.surface) for s in spans]
