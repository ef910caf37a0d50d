"""Which sentences report a partnership act, and of which kind: the trigger patterns.

A sentence is an event when it says an act was done (a verb of signing, approving,
launching, funding, meeting), not merely that a partnership exists or is hoped for
("plans to sign", "subject to approval", "has not yet received funding" are no acts).
Each kind has a cheap pre-check (words the sentence must hold) found for a whole story in
one Aho-Corasick pass, so that the slow patterns run only on sentences that may match.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import ahocorasick

_SIGN = (r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|enter(?:s|ed)? into|conclud(?:es|ed)|"
         r"renew(?:s|ed)?|execut(?:es|ed)|seal(?:s|ed)?|reach(?:es|ed)|forg(?:es|ed)|"
         r"establish(?:es|ed|ing)|form(?:s|ed|alise[sd]?|alize[sd]?)|finali[sz](?:es|ed)|"
         r"firm(?:s|ed) up|cement(?:s|ed)|clos(?:es|ed|ing)|beg[ia]n|start(?:s|ed)|"
         r"struck|strikes(?=\s+(?:a|an|the|its)\b))\b")
_WINDOW = r"[^.;:]{0,120}?"
# "The grants were awarded to A and B": the funder is named before (the previous sentence).
_PASSIVE_GRANT = (r"\b(?:grants?|funding|funds|awards?|donations?)\s+(?:was|were|has\s+been|have\s+been)\s+"
                  r"(?:awarded|given|made|granted|provided)\s+to\b")
PASSIVE_GRANT_RE = re.compile(_PASSIVE_GRANT, re.I)
# "The grant awarded to X (by Y) supports ...", "a $2M grant given by Y": a grant named with
# the participle of its giving (a reduced relative), no finite verb of its own.
_GRANT_GIVEN = (r"\b(?:grants?|funding|awards?|donations?|gifts?)\s+(?:[\w$.,-]+\s+){0,3}?"
                r"(?:awarded|granted|given|donated|provided)\s+(?:to|by)\s+(?:the\s+)?(?-i:[A-Z])")
# Chinese: 簽署/签署 (sign) ... 備忘錄/备忘录 (memorandum), 協議/协议 (agreement); 批准 (approve).
_SIGN_ZH = r"(?:簽署|签署|簽訂|签订|簽|签)[^。；]{0,30}?"
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("mou", re.compile(
        _SIGN + _WINDOW + r"\b(?:memorand(?:um|a)s? of understanding|MoUs?|MOUs?|memorand(?:um|a)s?(?! of agreement))\b"
        r"|\b(?:memorand(?:um|a)s? of understanding|MoUs?|MOUs?)\b(?:\s*\([^)]*\))?\s+"
        r"(?:was|were|has been|have been)\s+"
        r"(?:signed|inked|concluded|renewed)|" + _SIGN_ZH + r"(?:備忘錄|备忘录)", re.I)),
    ("agreement", re.compile(
        _SIGN + _WINDOW + r"\b(?:agreements?|contracts?|accords?|deals?|charter|letter of intent)\b"
        r"|\bsign(?:s|ed)\s+with\b|\baward(?:s|ed|ing)?\b[^.;]{0,40}\bcontracts?\b|\bcontracts?\b[^.;]{0,20}\bawarded\b"
        r"|\b(?:agreements?|contracts?|accords?|deals?)\b\s+(?:was|were|has been|have been)\s+"
        r"(?:signed|inked|concluded|reached|renewed)|\bagreed to\b|" + _SIGN_ZH
        + r"(?:協議|协议|協定|协定|合約|合约|合同)", re.I)),
    ("approval", re.compile(
        r"\b(?:approv(?:ed|es)|endors(?:ed|es)|sanction(?:ed|s)|authori[sz](?:ed|es)|ratifi(?:ed|es))\b"
        r"(?!\s+(?:by\s+)?(?:the\s+)?"
        r"(?:supplier|vendor))|\b(?:grant(?:s|ed)?|receiv(?:es|ed)|obtain(?:s|ed)|secur(?:es|ed)|"
        r"gain(?:s|ed)|won)\b[^.;]{0,40}\bapproval\b|\bgave (?:the )?green light\b|批准|獲批|获批", re.I)),
    ("grant", re.compile(
        r"\b(?:secur(?:es|ed)|receiv(?:es|ed)|award(?:s|ed)|w[io]n|gets?|got|donat(?:es|ed)|"
        r"pledg(?:es|ed)|grant(?:s|ed))\b(?:[^.;]|\.(?=\d)){0,80}\b(?:grants?|funding|donation|endowment|"
        r"investment|gift|funds?)\b|" + _PASSIVE_GRANT + r"|" + _GRANT_GIVEN
        # "X Announces $2.9M Award from Y": money from a funder, whatever the verb
        + r"|\$[\d.,]+\s*(?:[mb]n?|million|billion|k)?\s+(?:[\w-]+\s+){0,2}?(?:awards?|grants?|gifts?|donations?|"
        r"funding|investment)\s+from\b", re.I)),
    ("partnership", re.compile(
        r"\b(?:partner(?:s|ed|ing)? (?:with|to|on)|team(?:s|ed)? up|join(?:s|ed)? forces|"
        r"join(?:s|ed) hands|collaborat(?:es|ed) (?:with|on)|"
        r"(?:partnership|collaboration|alliance|cooperation)s? (?:with|between|among)|"
        r"in (?:partnership|collaboration) with)\b|"
        r"\bannounc(?:es|ed|ing)\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}?(?:partnership|collaboration|"
        r"alliance)s?\s+(?:with|between)\b|"
        # A plural subject's plain verb: "Acme and Northgate Announce Strategic Partnership".
        r"\b(?:announce|launch|forge|establish|enter into)\s+(?:(?:a|an|the|their)\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:partnership|collaboration|alliance|joint venture)s?\b|" + _SIGN + _WINDOW +
        r"\b(?:partnerships?|alliances?|collaborations?|pacts?|joint ventures?|consortium|"
        r"cooperation|co-operation|twinning)\b", re.I)),
    # A launch that was done: "launched", "announced the launch of", "X and Y launch a ...";
    # not "the launch of" in passing, nor "plans to launch".
    ("launch", re.compile(
        r"\b(?:launch(?:es|ed)|unveil(?:s|ed)|inaugurat(?:es|ed)|open(?:s|ed)|kick(?:s|ed) off)\b"
        r"(?!\s+(?:up|to|with|in\s+\d))"
        r"|\bannounc(?:es|ed|ing)\s+(?:today\s+)?(?:the\s+)?(?:\w+\s+)?launch\b"
        r"|(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )\blaunch\b(?=\s+(?:a|an|the|its|their|new|joint)\b)",
        re.I)),
    ("meeting", re.compile(
        r"\b(?:h[eo]lds?|held|host(?:s|ed)|convene[sd]?|attend(?:s|ed))\b[^.;]{0,60}"
        r"\b(?:meeting|summit|forum|conference|symposium|roundtable|talks)\b|\bmet with\b"
        r"|\bthrough an? (?:[\w-]+ ){0,2}(?:working session|meeting|workshop)\b", re.I)),
    # A merger completed ("the closing of its previously announced merger with X"): an act
    # between two institutions of no partnership kind (the gold's "other"; 9 in the 25k).
    ("other", re.compile(
        r"\b(?:clos(?:es|ed|ing)|complet(?:es|ed|ion)|consummat(?:es|ed|ion))\b[^.;]{0,60}\bmergers?\s+"
        r"(?:with|between)\b", re.I)),
    # One picking several ("X announced the selection of A, B and C", "X selected A to ..."):
    # an agreement of X with each (see medtui.extract.kinds); the weakest trigger, so that
    # an adjective ("offering selected startups") never hides another act.
    ("selection", re.compile(
        r"\bselection\s+of\s+(?=(?:the\s+)?(?-i:[A-Z]))|\b(?:selected|selects|picked|picks)\s+(?=(?-i:[A-Z]))",
        re.I)),
]
# Words a sentence must hold (case-folded) for a trigger to match: a cheap test that
# spares most sentences the slow "sign ... agreement" patterns.
_NEEDS: dict[str, tuple[str, ...]] = {
    "mou": ("memorand", "mou", "備忘錄", "备忘录"),
    "agreement": ("agreement", "contract", "accord", "deal", "charter", "letter of intent", "signed with",
                  "signs with",
                  "agreed to", "協議", "协议", "協定", "协定", "合約", "合约", "合同"),
    "partnership": ("partner", "team", "join", "alliance", "collaborat", "pact",
                    "joint venture", "consortium", "cooperation", "co-operation", "twinning"),
    "approval": ("approv", "endors", "sanction", "authori", "ratifi", "green light", "批准",
                 "獲批", "获批"),
    "grant": ("grant", "fund", "donation", "endowment", "investment", "gift", "award"),
    "launch": ("launch", "unveil", "inaugurat", "open", "kick"),
    "meeting": ("meeting", "summit", "forum", "conference", "symposium", "roundtable", "talks",
                "met with", "working session", "workshop"),
    "other": ("merger",),
    "selection": ("selection", "selected", "selects", "picked", "picks"),
}
_NEEDS_WORDS = ahocorasick.Automaton()
for _kind, _words in _NEEDS.items():
    for _word in _words:
        _NEEDS_WORDS.add_word(_word, (_kind, _word))
_NEEDS_WORDS.make_automaton()
_NEEDS_RE = {kind: re.compile("|".join(map(re.escape, words))) for kind, words in _NEEDS.items()}
"""Each kind's cheap pre-check as one pattern (for a sentence read alone, as a headline)."""
PRIORITY = {kind: n for n, (kind, _) in enumerate(_TRIGGERS)}
SUBJECT_ONLY = {"launch", "meeting"}
_HYPOTHETICAL = re.compile(
    r"\b(?:subject to|pending|if approved|once approved|would|could|plans? to|planning to|"
    r"intends? to|aims? to|hopes? to|expected to|set to|(?:is|are) to|will|shall|seeks?|seeking|proposed|"
    r"(?-i:may|might))\b",
    re.I)
# A condition that opens the sentence ("Subject to approval, the MOU will ...") holds for
# all of it, however far the trigger is from it.
_CONDITION_FIRST = re.compile(r"^\W*(?:subject to|pending|if|once|unless|should|upon)\b", re.I)
# After the act, a relative clause speaks of something else: "signed an agreement under
# which students of X will ...": X is no party; nor is one named "in connection with" another
# deal ("approved the listing in connection with its merger with X").
RELATIVE_CLAUSE = re.compile(r"\b(?:under which|in which|by which|whereby|which|who|whose|where|"
                             r"in connection with)\b", re.I)


_NEGATED = re.compile(
    r"\b(?:not|never|no longer|yet to|failed to|fails to|declined to|refused to|without)\b(?:\s+\w+){0,3}\s*$",
    re.I)
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|be|being|has|have|had|got|get|gets)\b(?:\s+\w+ly)?\s*$", re.I)
_AFTER_VERB = frozenset(
    "by the a an its their his her our this that these those for on in to as at with under of".split())


# An approval of money is a grant: "funding approval", "approved $2M in funding for X".
_FUNDING_APPROVED = re.compile(
    r"\b(?:funding|grant|financing)\s+approval\b|\bapprov(?:ed|es)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:\$[\d.,]+\s*(?:[mb]n?|million|billion)?\s+(?:in\s+)?)?(?:funding|grants?|financing)\b", re.I)


def _adjectival(sentence: str, start: int, end: int) -> bool:
    """Whether an 'approved'/'authorized' is an adjective before a noun, not a verb."""
    if " " in sentence[start:end].strip():
        return False  # "received approval", "gave the green light": a phrase, not the participle
    if sentence[start:end].endswith("s"):
        return False  # "Approves", "Authorizes": a verb, also in a Title Case headline
    if start > 0 and sentence[start].isupper():
        return True  # "an Authorized Service Center": part of a name
    if start > 0 and sentence[start - 1] in "-\u2010\u2011":
        return True
    if _AUXILIARY.search(sentence[max(0, start - 30) : start]):
        return False  # "was approved today", "has been formally approved"
    after = sentence[end:].lstrip()
    if not after or not after[0].isalpha():
        return False  # "... was approved." / "approved, ..."
    word = re.match(r"[\w'\u2019]+", after)
    if word is None:
        return False
    return word.group()[0].islower() and word.group().lower() not in _AFTER_VERB


def _fold(text: str) -> str:
    # re.I also takes the dotless and the dotted capital I for i.
    return text.replace("\u0130", "i").casefold().replace("\u0131", "i")


class Needs:
    """Where each kind's pre-check words (``_NEEDS``) occur in a story, found in one pass
    over the whole story, so that a sentence is tested for a kind only when one of its
    words lies inside it (rather than 7 scans of every sentence)."""

    def __init__(self, text: str) -> None:
        folded = _fold(text)
        self.exact = len(folded) == len(text)  # positions of the folded text are the text's
        self.hits: dict[str, list[tuple[int, int]]] = {}
        if self.exact:
            for end, (kind, word) in _NEEDS_WORDS.iter(folded):  # one pass for all words
                self.hits.setdefault(kind, []).append((end + 1 - len(word), end + 1))
            for found in self.hits.values():
                found.sort()

    def kinds(self, text: str, start: int, end: int) -> frozenset[str] | None:
        """The kinds whose words occur inside text[start:end] (None: test every kind)."""
        if not self.exact:
            return None
        present = set()
        for kind, found in self.hits.items():
            i = bisect_left(found, (start, -1))
            while i < len(found) and found[i][0] < end:
                if found[i][1] <= end:
                    present.add(kind)
                    break
                i += 1
        return frozenset(present)


def classify(sentence: str, present: frozenset[str] | None = None) -> tuple[str, int, int] | None:
    """The strongest event kind in a sentence and where its trigger starts and ends.

    ``present``: the kinds whose pre-check words the sentence holds, if already known."""
    folded = _fold(sentence) if present is None else ""
    for kind, pattern in _TRIGGERS:
        if present is not None:
            if kind in _NEEDS and kind not in present:
                continue
        elif (needs := _NEEDS_RE.get(kind)) is not None and needs.search(folded) is None:
            continue
        m = pattern.search(sentence)
        if m is None:
            continue
        before = sentence[max(0, m.start() - 60) : m.start()]
        if _HYPOTHETICAL.search(before) or _CONDITION_FIRST.search(sentence[: m.start()]):
            continue
        if _NEGATED.search(sentence[max(0, m.start() - 40) : m.start()]):
            continue  # "has not yet received funding", "never signed"
        if kind == "approval" and _adjectival(sentence, m.start(), m.end()):
            continue  # "FDA-approved therapies", "authorized training": no act of approving
        if kind == "approval" and _FUNDING_APPROVED.search(sentence, max(0, m.start() - 20), m.end() + 40):
            return "grant", m.start(), m.end()  # "received funding approval from X": money granted
        if kind == "partnership" and m.group().lower().startswith("in "):
            # "X, in partnership with Y, launched Z": the act is the launch, done together.
            other = classify(sentence[m.end():], None)
            if other is not None and other[0] != "partnership":
                return other[0], m.end() + other[1], m.end() + other[2]
        return kind, m.start(), m.end()
    return None
