"""What a partnership act looks like in text, for reading its parties' names (:mod:`medtui.extract.acts`).

``ACT`` has one named branch per shape of act: a verb with "with" ("partners with"), a
signing of a pact with someone ("signed an MoU with"), nominal triggers ("partnership
between"), "in partnership with", funders after "by"/"from", recipients after "to",
selections ("selected X", "the selection of X"), launches. ``acts`` finds its matches
quickly: only where a word starts with one of the branches' first words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

_VERBS_WITH = (r"partner(?:s|ed|ing)?|sign(?:s|ed)?|team(?:s|ed|ing)?\s+up|collaborat(?:es?|ed|ing)|"
               r"join(?:s|ed)?\s+(?:forces|hands)|cooperat(?:es?|ed)|work(?:s|ed)?\s+together|"
               r"allie[sd]|ally")
# The plain form too ("Acme and Northgate Announce Partnership", "A and B Enter Into
# Agreement": a headline's plural subject; 82 such headlines in the 25k releases), except
# "form", which is also a noun ("a form of partnership with").
_SIGNING = (r"sign(?:s|ed)?|ink(?:s|ed)?|renew(?:s|ed)?|expand(?:s|ed)?|extend(?:s|ed)?|"
            r"enter(?:s|ed)?\s+into|announc(?:es|ed|e)|establish(?:es|ed)?|form(?:s|ed)|forg(?:es|ed|e)|"
            r"seal(?:s|ed)?|conclud(?:es|ed|e)|strengthen(?:s|ed)?|deepen(?:s|ed)?|launch(?:es|ed)?|"
            r"reach(?:es|ed)?|clos(?:es|ed|ing|e)|struck|strikes(?=\s+(?:a|an|the|its)\b)")
_PACTS = (r"mous?|memorand(?:um|a)(?:\s+of\s+(?:understanding|agreement))?|agreements?|contracts?|"
          r"partnerships?|collaborations?|alliances?|deals?|pacts?|letters?\s+of\s+intent|cooperation")
ACT = re.compile(
    r"(?P<sv>\b(?:" + _VERBS_WITH + r")\s+with\b)"
    r"|(?P<so>\b(?:" + _SIGNING + r")[ \t]+(?:[\w'\u2019$.\-]+[ \t]+){0,5}?(?:" + _PACTS
    + r")(?:\s*\([^)]{1,12}\))?\s+with\b)"
    r"|(?P<nom>\b(?:partnership|collaboration|alliance|cooperation|agreement|mou)\s+with\b)"
    r"|(?P<inp>\bin\s+(?:partnership|collaboration|cooperation)\s+with\b)"
    r"|(?P<between>\b(?:" + _PACTS + r")(?:\s+(?:is|was|are|were))?\s+between\b)"
    r"|(?P<sp>\b(?:" + _SIGNING + r"|beg[ia]n|start(?:s|ed)?)[ \t]+(?:(?:an?|the|their|a\s+new)[ \t]+)?"
    r"(?:[\w'\u2019\-]+[ \t]+){0,2}?(?:" + _PACTS + r")\b(?![ \t]+with\b))"
    r"|(?P<s>\b(?:launch(?:es|ed)?|unveil(?:s|ed)?|demonstrat(?:es?|ed)|co-found(?:s|ed)?)\b)"
    r"|(?P<sv0>\b(?:team(?:s|ed)?\s+up|partner(?:s|ed)?|join(?:s|ed)?\s+forces|collaborate)\b"
    r"(?=\s+(?:to|on|for|in)\b))"
    r"|(?P<by>\b(?:awarded|granted|funded|supported|sponsored|signed)\s+by\b)"
    r"|(?P<recv>\b(?:receiv(?:es|ed)|w[io]ns?|secur(?:es|ed)|announc(?:es|ed)|gets?|got)[ \t]+"
    r"(?:[\w$.,'\u2019\-]+[ \t]+){0,4}?(?:grants?|awards?|funding|investment|donation|gift)[ \t]+from\b)"
    r"|(?P<from>\b(?:grants?|awards?|funding|investment|donation|gift|approval|contract|endowment)"
    r"\s+from\b)"
    r"|(?P<to>\b(?:awarded|granted|donated|presented|awarding)\s+(?:[\w$.,'\u2019\-]+\s+){0,3}?to\b)"
    r"|(?P<sel>\bselection\s+of\b)"
    # "funds" is also a noun ("Donorwise-directed funds more ..."): a name must follow it.
    r"|(?P<svo>\b(?:(?:funds|funded)\s+(?=(?-i:[A-Z0-9]|[a-z]+[A-Z]))|(?:selects|selected|picks|picked|"
    r"authori[sz]es|authori[sz]ed)\s+(?=[A-Z0-9])))",
    re.I,
)
# Kinds whose subject is the name before the act; the others take only what follows it.
WITH_SUBJECT = frozenset({"sv", "so", "svo", "nom", "sv0", "s", "recv", "sp", "inp"})
NEEDS = re.compile(
    r"with|between|\bby\b|from|\bto\b|funds|funded|select|pick|authori|launch|unveil|demonstrat|found|"
    r"sign|ink|renew|expand|extend|enter|announc|establish|form|forg|seal|conclud|strengthen|deepen|"
    r"reach|beg[ia]n|start|strike|struck",
    re.I)

# The first word of every branch of ``ACT`` (case-folded stems): an act can only start
# where one of them starts a word, so ``acts`` tries the pattern at those places only.
_ACT_STARTS = (
    "partner", "sign", "team", "collaborat", "join", "cooperat", "work", "allie", "ally", "ink",
    "renew", "expand", "extend", "enter", "announc", "establish", "form", "forg", "seal", "conclud",
    "strengthen", "deepen", "launch", "reach", "mou", "memorand", "agreement", "contract", "alliance",
    "deal", "pact", "letter", "cooperation", "unveil", "demonstrat", "co-found", "award", "grant",
    "fund", "support", "sponsor", "investment", "donat", "gift", "approval", "endowment", "present",
    "select", "pick", "authori", "receiv", "win", "won", "secur",
    "get", "got", "beg", "start", "clos", "strike", "struck")
_STEMS = ahocorasick.Automaton()
for _stem in _ACT_STARTS:
    _STEMS.add_word(_stem, _stem)
_STEMS.make_automaton()
_WORD_AT = re.compile(r"[\w\-]+")
_FIRST_WORDS = frozenset("""
partner partners partnered partnering partnership partnerships sign signs signed team teams teamed
teaming collaborate collaborates collaborated collaborating collaboration collaborations join joins
joined cooperate cooperates cooperated cooperation work works worked allies allied ally ink inks
inked renew renews renewed expand expands expanded extend extends extended enter enters entered
announces announced establishes established forms formed forges forged seal seals sealed concludes
concluded strengthen strengthens strengthened deepen deepens deepened launch launches launched
reaches reached alliance alliances agreement agreements mou mous memorandum memoranda contract
contracts deal deals pact pacts letter letters in began begin begun start starts started unveil
unveils unveiled demonstrate demonstrates demonstrated co-found co-founds co-founded awarded granted
funded supported sponsored receives received win wins won secures secured get gets got grant grants
award awards funding investment donation gift approval endowment donated presented funds selects
selected picks picked authorises authorizes authorised authorized closes closed closing awarding selection
strike strikes struck announce establish forge conclude reach close
""".split())
"""Every word a branch of ``ACT`` can start with (case-folded): a cheap test before the pattern."""
_IN_BEFORE = re.compile(r"\bin\s+$", re.I)


def acts(text: str) -> Iterator[re.Match[str]]:
    """What ``ACT.finditer(text)`` finds, trying the pattern only where a word starts with
    one of ``_ACT_STARTS`` (found by plain search of the case-folded text): the same
    matches at a fraction of the cost of running the 11-way pattern over every character."""
    lowered = text.lower()
    if len(lowered) != len(text):
        yield from ACT.finditer(text)  # case folding moved characters: read it all
        return
    starts: set[int] = set()
    for end, stem in _STEMS.iter(lowered):  # one pass for all stems (Aho-Corasick)
        at = end - len(stem) + 1
        if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] in "_-"):  # "NIH-funded": no act
            starts.add(at)
            if stem in ("partner", "collaborat", "cooperat"):
                before = _IN_BEFORE.search(lowered, max(0, at - 12), at)
                if before is not None:
                    starts.add(before.start())  # "in partnership with"
    last_end = 0
    for at in sorted(starts):
        if at < last_end:
            continue
        word = _WORD_AT.match(lowered, at)
        if word is None or (word.group() not in _FIRST_WORDS
                            and word.group().split("-", 1)[0] not in _FIRST_WORDS):
            continue  # "security", "teamwork", "forming": no branch starts with this word
        m = ACT.match(text, at)
        if m is not None:
            last_end = m.end()
            yield m
