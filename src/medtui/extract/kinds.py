"""Who is who in grants, meetings and launches done by several: roles, not just names.

A grant has a funder and a recipient; the funder's co-funders and the recipients of one
funder are no partners of each other. So a grant sentence gives one event per (funder,
recipient) pair (the convention of ``../shared/gold``: "one party leading several
signings: its pairs"), its roles read from the words before each name:

- after "from" or "by" that follow a word of money ("a grant from X", "$2M from X",
  "awarded by X", "funded by X", "with support from X"): a funder;
- after "to" that follows a word of giving ("awarded $500,000 to X", "grants to X"): a
  recipient;
- before any such word, the subject: a recipient of "receives", "secures", "wins", or of
  a passive ("X was awarded"); a funder of "awards", "donates", "grants", "pledges";
- a side the sentence leaves unnamed is the story's: the funder or recipient named
  earlier ("new grants from X ... The grants were awarded to A and B"), the headline's
  ("X Receives Grant from Y"), and "we"/"our" as the recipient are the story's issuer.

Grant sentences found in the 25k press releases: "X received a $N grant from Y", "Y
awarded grants to A, B and C", "a grant of $N has been awarded to X by Y", "thanks to a
grant awarded by Y to X", "we have received funding from Y and Z".

Meetings: "the session/meeting/workshop brought together (researchers from) A, B and C"
is a meeting of its host (the party of the story's last meeting, else its issuer) with
each of them. Passive launches: "launched/founded/initiated by A, B and C" name the
launchers after the verb, where an active launch names them before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from medtui.extract.mentions import Span

_MONEY = (r"(?i:grants?|funding|funds?|awards?|donations?|gifts?|support|investments?|backing|"
          r"financing|endowment|sponsorship|\$[\d.,]+\s*(?:million|billion|[MmKkBb]n?)?|"
          r"(?:million|billion))")
# Funder marks: "a grant from", "$2M from", "awarded by", "funded by", "made possible by".
_FROM = re.compile(
    r"\b" + _MONEY + r"\b[^.;:]{0,40}?\bfrom\s+(?:the\s+)?(?=[A-Z0-9])"
    r"|\b(?:awarded|granted|funded|co-funded|supported|sponsored|donated|provided|financed|backed|"
    r"made possible)\s+(?:\w+\s+)?by\s+(?:the\s+)?(?=[A-Z0-9])"
    # "awarded to X by (a company,) Y"
    r"|\b(?:awarded|granted|donated|given)\s+to\b[^.;:]{0,80}?\bby\s+(?:the\s+|an?\s+[^,.;]{0,40},\s+)?"
    r"(?=[A-Z0-9])")
# Recipient marks: "awarded $500,000 to", "grants to", "donated to".
_TO = re.compile(
    r"\b(?:award(?:s|ed|ing)?|grant(?:s|ed|ing)?|donat(?:es|ed|ing)|given|gave|gives|provid(?:es|ed|ing)|"
    r"present(?:s|ed)|funding|"
    r"\$[\d.,]+\s*(?:million|billion|[MmKkBb]n?)?)\b(?:\s+[\w$.,'\u2019-]+){0,4}?\s+to\s+(?:the\s+)?(?=[A-Z])"
    # "awarded by X (X) to Y": the recipient after the funder
    r"|\b(?:awarded|granted|donated|given|made)\s+by\s+[^.;:]{1,80}?\s+to\s+(?:the\s+)?(?=[A-Z])")
_RECEIVE = re.compile(
    r"\b(?:receiv(?:es?|ed|ing)|secur(?:es?|ed|ing)|w[io]n|wins|gets?|got|earn(?:s|ed)|land(?:s|ed)|"
    r"(?:was|were|is|are|been|be)\s+(?:\w+ly\s+)?(?:awarded|granted|given|selected))\b", re.I)
_GIVE = re.compile(
    r"\b(?:award(?:s|ed|ing)?|grant(?:s|ed|ing)?|donat(?:es|ed|ing)|pledg(?:es|ed|ing)|gives?|gave|"
    r"provid(?:es|ed|ing)|commit(?:s|ted)|invest(?:s|ed)|fund(?:s|ed)|announc(?:es|ed))\b", re.I)
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
# A grant reported without a verb the event triggers know: "A grant of $2 million has been
# awarded to X", "The grants were awarded to A and B".
PASSIVE_GRANT = re.compile(
    r"\b(?:grants?|funding|award|donation|gift)\b(?:[^.;:]|\.(?=\d)){0,60}?\b(?:was|were|has been|have been|is|are)\s+"
    r"(?:\w+ly\s+)?(?:awarded|granted|given|made|donated)\b", re.I)
# A grant the sentence refers back to: its sides may be named before.
_BACK = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hat|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:[\w$.,-]+\s+){0,3}?"
                   r"(?:grants?|funding|award|donation|gift)\b")
# A clause after a name list (", highlighting", ", which"): a mark's role ends there.
# So does "through"/"via" ("awarded to X through the Y Fund": Y is the channel, no recipient).
_CLAUSE_BREAK = re.compile(r",\s+(?:[a-z]+ing|which|who|whose|where|while|whereas|that|said)\b|\s(?:through|via)\s")
MAX_PAIRS = 12


@dataclass
class StoryRoles:
    """The funder and recipient a story has named so far, and its meetings' host."""

    funders: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    host: str | None = None

    def read_title(self, title: str, title_spans: list[Span]) -> None:
        """Roles of a headline about a grant ("X Receives Grant from Y", "X Awards Grants")."""
        if not re.search(r"\b(?:grants?|funding|award|donation|gift)\b", title, re.I):
            return
        funders, recipients, _ = _roles(title, title_spans, 0, len(title))
        self.funders = self.funders or funders
        self.recipients = self.recipients or recipients


def _roles(text: str, spans: list[Span], start: int, end: int) -> tuple[list[str], list[str], bool]:
    """(funders, recipients, marked) of text[start:end]; ``marked``: a role word was seen."""
    marks: list[tuple[int, str]] = [(m.end(), "f") for m in _FROM.finditer(text, start, end)]
    marks += [(m.end(), "r") for m in _TO.finditer(text, start, end)]
    marks.sort()
    funders: list[str] = []
    recipients: list[str] = []
    inside = [s for s in spans if s.start >= start and s.end <= end]
    for s in inside:
        role, since = None, start
        for at, which in marks:
            if at <= s.start:
                role, since = which, at
        if role is not None and _CLAUSE_BREAK.search(text, since, s.start):
            continue  # "a grant from X, highlighting Y's work": Y is no side of the grant
        if role is None:
            role = _subject_role(text, s.end, min(end, s.end + 120))
        if role == "f" and s.key not in funders:
            funders.append(s.key)
        elif role == "r" and s.key not in recipients:
            recipients.append(s.key)
    both = set(funders) & set(recipients)
    funders = [k for k in funders if k not in both]
    recipients = [k for k in recipients if k not in both]
    return funders, recipients, bool(marks)


_NOUN_FROM = re.compile(r"\s+from\b")


def _subject_role(text: str, start: int, end: int) -> str | None:
    """The role of a name before any role word: by the first verb that follows it."""
    receive = _RECEIVE.search(text, start, end)
    give = _GIVE.search(text, start, end)
    if give is not None and _NOUN_FROM.match(text, give.end()):
        give = None  # "X Innovation Grant from Y": a noun, X no funder
    if receive is not None and (give is None or receive.start() <= give.start()):
        return "r"
    if give is not None:
        return "f"
    return None


def grant_pairs(text: str, spans: list[Span], start: int, end: int, roles: StoryRoles,
                issuer: str | None) -> list[list[str]] | None:
    """The (funder, recipient) pairs a grant sentence text[start:end] reports.

    None when the sentence gives no roles (the caller then reads it as any other act); an
    empty list when it names only one side, several times over (co-funders, co-recipients:
    no pair of partners). Updates ``roles`` with the sides it names.
    """
    funders, recipients, _ = _roles(text, spans, start, end)
    if not funders and not recipients:
        return None
    if funders:
        roles.funders = funders
    if recipients:
        roles.recipients = recipients
    sentence = text[start:end]
    if not recipients and issuer is not None and issuer not in funders and _WE.search(sentence):
        recipients = [issuer]
    if _BACK.search(sentence):  # "The grants were awarded to ...": the story's grant
        if not funders:
            funders = [k for k in roles.funders if k not in recipients]
        if not recipients:
            recipients = [k for k in roles.recipients if k not in funders]
    if funders and recipients:
        # Each pair in the order the text names them (a side named earlier first).
        first = {s.key: s.start for s in reversed(spans) if start <= s.start < end}
        return [sorted((f, r), key=lambda k: first.get(k, -1))
                for f in funders for r in recipients][:MAX_PAIRS]
    if len(funders) + len(recipients) >= 2:
        return []
    return None


def observe_funding(text: str, spans: list[Span], start: int, end: int, roles: StoryRoles) -> None:
    """Note the funder a sentence without a grant act names ("thanks to new grants from X")."""
    funders, recipients, _ = _roles(text, spans, start, end)
    if funders:
        roles.funders = funders
    if recipients:
        roles.recipients = recipients


_GATHERING = re.compile(
    r"\b(?:the|this|that|a)\s+(?:[\w-]+\s+){0,2}?(?:session|meeting|workshop|summit|forum|roundtable|"
    r"talks|visit|delegation|gathering)s?\s+(?:also\s+)?(?:brings?|brought|bringing)\s+together\b", re.I)


def gathering_guests(text: str, spans: list[Span], start: int, end: int) -> list[str] | None:
    """The institutions a "the session brought together A, B and C" sentence names, or None
    when the sentence is no such report."""
    m = _GATHERING.search(text, start, end)
    if m is None:
        return None
    return list(dict.fromkeys(s.key for s in spans if s.start >= m.end() and s.end <= end))


_PASSIVE_LAUNCH = re.compile(
    r"\b(?:(?:jointly|officially|formally)\s+)?(?:launched|co-launched|founded|co-founded|initiated|"
    r"spearheaded|established|inaugurated)\s+by\s+(?:the\s+)?"
    r"(?=[A-Z])")


def passive_launchers(text: str, spans: list[Span], start: int, end: int) -> list[str] | None:
    """The launchers a passive launch names after its verb ("was launched by A and B"), or
    None when the sentence has no passive launch."""
    m = _PASSIVE_LAUNCH.search(text, start, end)
    if m is None:
        return None
    return list(dict.fromkeys(s.key for s in spans if s.start >= m.end() and s.end <= end))



# "strengthening its collaboration with X through a working session": the act is the meeting.
_THROUGH_MEETING = re.compile(
    r"\bthrough\s+an?\s+(?:[\w-]+\s+){0,2}(?:working session|meeting|workshop|visit)\b", re.I)


# A giver picking several: "X announced the selection of A, B and C", "X selected A and B",
# "X awarded the contracts ..., awarding missions to companies A, B and C". Read in the 25k
# press releases and the dev set: one agreement of the giver with each one picked, never
# among those picked (the gold's "one party leading several signings: its pairs").
_PICKED = re.compile(r"\bselection\s+of\s+|\b(?:selected|selects|picked|picks)\s+(?=(?-i:[A-Z]))", re.I)
_AWARDED_TO = re.compile(r"\b(?:awarding|awarded|awards)\b[^.;:]{0,60}?\bto\s+(?:(?:the\s+)?[a-z]+\s+)?(?=[A-Z])")
# Between the giver and the verb: "X selected", "X (ABC) has selected", "X announced the selection of".
_GIVER_GAP = re.compile(r"\W*(?:\([^)]{0,30}\)\s*)?(?:(?:has|have|had|also|today|recently|officially)\s+)*"
                        r"(?:announc(?:es|ed)\s+(?:the\s+)?)?$")


def picked_pairs(text: str, spans: list[Span], start: int, end: int, kind: str) -> list[list[str]] | None:
    """The (giver, picked) pairs of a selection or an award of contracts to several in
    text[start:end] (see ``_PICKED``): [] for a selection whose giver is not named right before
    its verb ("offering selected startups"), None when the sentence is no such act."""
    m = (_PICKED if kind == "selection" else _AWARDED_TO).search(text, start, end)
    if m is None:
        return [] if kind == "selection" else None
    inside = [s for s in spans if s.start >= start and s.end <= end]
    givers = [s for s in inside if s.end <= m.start()]
    if kind == "selection" and (not givers or not _GIVER_GAP.fullmatch(text, givers[-1].end, m.start())):
        return []
    stop = _CLAUSE_BREAK.search(text, m.end(), end)
    until = stop.start() if stop else end
    picked = list(dict.fromkeys(s.key for s in inside if s.start >= m.end() and s.end <= until))
    if not givers or not picked:
        return [] if kind == "selection" else None
    giver = givers[-1].key if kind == "selection" else givers[0].key
    return [[giver, k] for k in picked if k != giver][:MAX_PAIRS]


class Shapes:
    """The roles of one story's grants, meetings and launches, read sentence by sentence
    (see the module docstring). ``issuer``: a function giving the institution the story
    mentions most before a character offset (None if none)."""

    def __init__(self, text: str, spans: list[Span], title: str, title_spans: list[Span],
                 issuer: Callable[[int], str | None]) -> None:
        self.text, self.spans, self.issuer = text, spans, issuer
        self.roles = StoryRoles()
        self.roles.read_title(title, title_spans)

    def kind(self, start: int, end: int, found: tuple[str, int, int] | None,
             present: frozenset[str] | None) -> tuple[str, int, int] | None:
        """The act of text[start:end], where the triggers miss a grant or a meeting."""
        may_grant = present is None or "grant" in present
        if found is None and may_grant:
            m = PASSIVE_GRANT.search(self.text, start, end)
            if m is not None:
                return "grant", m.start() - start, m.end() - start
            observe_funding(self.text, self.spans, start, end, self.roles)
        if found is not None and found[0] == "partnership" and (present is None or "meeting" in present):
            m = _THROUGH_MEETING.search(self.text, start, end)
            if m is not None:
                return "meeting", m.start() - start, m.end() - start
        if (found is None or found[0] in ("meeting", "partnership")) and self.text.find(" together", start, end) >= 0:
            m = _GATHERING.search(self.text, start, end)
            if m is not None:
                return "gathering", m.start() - start, m.end() - start
        return found

    def parties(self, kind: str, start: int, end: int, named: list[str]) -> list[list[str]] | None:
        """The party lists of the events text[start:end] reports, when roles decide them
        (None: read the sentence as any other act)."""
        if kind in ("selection", "agreement"):
            return picked_pairs(self.text, self.spans, start, end, kind)
        if kind == "grant":
            return grant_pairs(self.text, self.spans, start, end, self.roles, self.issuer(start))
        if kind == "gathering":
            guests = gathering_guests(self.text, self.spans, start, end) or []
            host = self.roles.host or self.issuer(start)
            return [[host, g] for g in guests if g != host][:MAX_PAIRS] if host else []
        if kind == "meeting" and named:
            self.roles.host = named[0]
        if kind == "launch":
            launchers = passive_launchers(self.text, self.spans, start, end)
            if launchers:
                return [launchers]
        return None
