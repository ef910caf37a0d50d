"""Lines a main-text extractor keeps that a reader of the article does not want.

trafilatura (see :mod:`medtui.corpus.html`) returns a news page's article, but with it
often the site's cookie notice, "Related:" and "Read more:" teasers with their link
lists, share and newsletter prompts, reporter credits and contact lines, photo credits
and "Updated at" stamps. Each kind below is a shape many sites share (found on the
article-extraction benchmark's pages and checked on the dev pages), never a phrase of
one page. Lines are dropped one by one: the article around them stays whole.
"""

from __future__ import annotations

import re

_MAX_WORDS = 40
"""Furniture is short: a longer paragraph is kept whatever it starts with."""

_COOKIES = re.compile(r"\bcookies?\b", re.I)
_CONSENT = re.compile(r"\b(?:accept|agree|consent|continu\w*|privacy|use of|we use|this (?:site|website))\b", re.I)

# A teaser's label, then the teaser's headline on the same line ("Read more: ...").
_TEASER = re.compile(
    r"^\W*(?:related(?: (?:articles?|stories|story|news|posts?|content|coverage|reading))?|"
    r"read (?:more|also|next)|see (?:more|also)|more (?:on|about) (?:this|that)(?: story| topic)?|"
    r"also (?:on|read|see) ?\S*|recommended(?: for you)?|don'?t miss|must read|trending|"
    r"most (?:read|popular)|you may (?:also )?like|watch|video|leggi anche|lesen sie auch|"
    r"lire aussi|voir aussi|leia também|lea también|más información)\b\s*(?:[:|\u2013\u2014>-]|$)",
    re.I,
)
_PROMPT = re.compile(
    r"^\W*(?:(?:like|enjoy(?:ed)?) this (?:story|article)|share (?:this|it|on)\b|"
    r"(?:subscribe|sign up|register) (?:to|for|now|today|here)\b|get (?:the|our) .{0,60}newsletter|"
    r"tell us what you think|click here\b|follow us\b|join the conversation|"
    r"(?:\d+\s+)?comments?\s*$|leave a comment|have your say|advertisement\b|"
    r"(?:this|the) (?:article|story) (?:continues|is continued) below)",
    re.I,
)
# Reporter credits and contact lines: "(Reporting by A; editing by B)", "Email A at a@b or
# follow him @a", "Reach the reporters on Twitter at ...", "Follow her on Twitter".
_CREDIT = re.compile(
    r"^\W*(?:\(?(?:additional )?reporting by\b|\(?writing by\b|\(?edited by\b|\(?editing by\b|"
    r"(?:e-?mail|contact|reach) (?:the )?(?:author|reporters?|writer|\w+ \w+)\b.{0,80}"
    r"(?:@|\bat\b|twitter)|follow (?:him|her|them|the author|us|@)|"
    r"(?:photo|image|picture|video|graphic)s?(?: credits?)?\s*:|credits?\s*:|"
    r"(?:©|\(c\)|copyright\b))",
    re.I,
)
_STAMP = re.compile(r"^\W*(?:updated|last (?:updated|modified)|posted|published)\b(?: (?:on|at))?[\s:]*"
                    r"[\w ,.:/-]{0,40}\d[\w ,.:/-]{0,30}$", re.I)
_SEPARATOR = re.compile(r"^\s*[-_*=~#\u2013\u2014\u2022.]{2,}\s*$")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")


def _words(line: str) -> int:
    return len(line.split())


def is_furniture(line: str) -> bool:
    """Whether one line (a paragraph of extracted text) is site furniture of a kind above."""
    stripped = line.strip()
    if not stripped:
        return False
    if _SEPARATOR.match(stripped):
        return True
    if _words(stripped) > _MAX_WORDS:
        return False
    if _COOKIES.search(stripped) and _CONSENT.search(stripped):
        return True
    return bool(_TEASER.match(stripped) or _PROMPT.match(stripped) or _CREDIT.match(stripped)
                or _STAMP.match(stripped))


def drop_furniture(lines: list[str], title: str | None = None) -> list[str]:
    """``lines`` without furniture, blank lines and teaser link lists.

    A bulleted run right after a teaser label ("Related:", "See more") is the label's
    list of links: dropped with it.
    """
    out: list[str] = []
    in_teasers = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if in_teasers and _BULLET.match(stripped) and _words(stripped) <= 25:
            continue
        in_teasers = False
        if is_furniture(stripped):
            in_teasers = bool(_TEASER.match(stripped))
            continue
        out.append(stripped)
    return out
