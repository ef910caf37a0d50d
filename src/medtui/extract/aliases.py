"""Whether a bracketed short form after a name can be a name of that institution.

"Riverside University (RU)", "Acme Robotics (the \u201cCompany\u201d)", "Northgate Health
(Northgate)" define aliases; the brackets after a name also hold dates ("Acme Heart
Association (March 2021)"), people ("Acme Search (Jane Doe)"), grant numbers ("the Agency
(R01 AB123456)"), places ("Acme Labs (Boston)") and quotes, which are no name of it. The
rule (issue 10, item 7): an alias is kept when it is an acronym or short form (capital
letters, initials, a word of the name, a head word such as "the Company"), never when it
holds a month or weekday, a number or code with digits that is not an acronym, a person's
name (capitalised words none of which is in the name), or a place alone.
"""

from __future__ import annotations

from medtui.extract.discover import GENERIC, is_head
from medtui.extract.runs import bare
from medtui.extract.vocabulary import is_generic_name, vocabulary

_SMALL = frozenset({"of", "for", "and", "the", "de", "du", "des", "der", "la", "le", "on", "at", "&"})


def _is_head_word(word: str) -> bool:
    return is_head(word) or bare(word) in GENERIC


def _acronym_with_digits(word: str) -> bool:
    """"A4R", "G7" no; "3M"-like codes are rare after a full name, "R35", "GM126956" are
    grant or part numbers: an acronym holds at least two capitals and no more digits than
    letters, at most two."""
    digits = sum(c.isdigit() for c in word)
    capitals = sum(c.isupper() for c in word)
    letters = sum(c.isalpha() for c in word)
    return capitals >= 2 and digits <= 2 and letters >= digits


def _spells(words: list[str], acronym: str) -> bool:
    """Whether the capitalised ``words``' initials are the capitals of a one-word ``acronym``."""
    if " " in acronym.strip():
        return False
    capitals = "".join(c for c in acronym if c.isupper())
    initials = "".join(w[0] for w in words if w[0].isupper())
    return len(capitals) >= 2 and initials == capitals


def alias_fits(short: str, full: str) -> bool:
    """Whether ``short`` (the text of the brackets, maybe with a leading "the ") can be a name
    of the institution named ``full`` just before the brackets."""
    vocab = vocabulary()
    plain = short.removeprefix("the ").strip()
    words = plain.split()
    if not words or is_generic_name(plain):
        return False  # a place or nationality alone ("Boston", "French")
    if any(w.rstrip(".,") in vocab.months for w in words):
        return False  # "March 2021", "Jan. 2021", "Monday"
    if any(c.isdigit() for c in plain) and not (len(words) == 1 and _acronym_with_digits(plain)):
        return False  # "R35 GM126956", "No. 42", "2021"
    if len(words) == 1:
        return bare(plain) not in vocab.roles  # "(CEO)" is a role, not a name
    if _spells(words, full) or _spells(full.split(), plain):
        return True  # initials either way: "Riverside Arts Program (RAP)", "R-AP (Riverside Arts Program)"
    squeezed = "".join(words).casefold()
    if squeezed in "".join(full.split()).casefold() or all(sum(c.isupper() for c in w) >= 2 for w in words):
        return True  # "Acme Works" for "AcmeWorks Inc.", or capital abbreviations ("RVR UTD")
    if any(w not in _SMALL and not (w[0].isupper() or any(c.isupper() for c in w[1:])) for w in words):
        return False  # a phrase or quote ("formerly Acme", "available by request")
    full_words = {bare(w).casefold() for w in full.split()}
    if any(bare(w).casefold() in full_words for w in words if w not in _SMALL):
        return True  # a part of the name ("Northgate Health" for "Northgate Health System")
    # A head word ("the Health Network") makes a short name; capitalised words none of which
    # is in the name are a person ("Jane Doe") or a place ("Lake County").
    return any(_is_head_word(w) for w in words)


__all__ = ["alias_fits"]
