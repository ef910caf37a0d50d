"""Institution names: the key that makes two spellings one institution, and a kind guess."""

from __future__ import annotations

import re
from functools import lru_cache

from medtui.hanfold import fold_han

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SPELLING = (
    (re.compile(r"\bcentre\b"), "center"),
    (re.compile(r"\borganisation\b"), "organization"),
    (re.compile(r"\bpeoples\s+(?=government\b)"), ""),  # "People's Government" (after "'s" -> "s")
)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparison key: case, a leading "The", quotes, "&"/"and", Centre/Center folded, and
    traditional Han characters as simplified (香港大學 and 香港大学 are one institution)."""
    s = name.translate(_QUOTES).replace("&", " and ")
    if not s.isascii():
        s = fold_han(s)
    s = re.sub(r"[.,]", " ", s)
    s = re.sub(r"\s+", " ", s).strip().casefold()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s\b", "s", s)
    for pattern, replacement in _SPELLING:
        s = pattern.sub(replacement, s)
    return re.sub(r"\s+", " ", s).strip()


def is_acronym(name: str) -> bool:
    """One word with at least two capitals (HKUST, PolyU, ABC.XYZ) or all caps."""
    return " " not in name.strip() and sum(c.isupper() for c in name) >= 2


def case_sensitive(name: str) -> bool:
    """Single words (acronyms, brand names) match exactly; longer names ignore case."""
    return " " not in name.strip()


_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("government", re.compile(
        r"\b(government|ministry|department of|bureau|commission|authority|council of|"
        r"municipal|province|provincial|administration|agency|office of|legislative|senate|"
        r"parliament|state council|city of|county)\b", re.I)),
    ("hospital", re.compile(
        r"\b(hospitals?|clinic|clinics|medical cent(er|re)|health system|healthcare|"
        r"health care|sanatorium|infirmary|medical group|health services?)\b", re.I)),
    ("university", re.compile(
        r"\b(university|universities|college|school|faculty|polytechnic|academy of medicine|"
        r"institute of technology)\b", re.I)),
    ("research", re.compile(
        r"\b(institute|institutes|laborator(y|ies)|lab|research cent(er|re)|academy of sciences|"
        r"academy|observatory|cent(er|re) for|research)\b", re.I)),
    ("company", re.compile(
        r"\b(inc|ltd|limited|llc|plc|corp|corporation|company|co|group|holdings|gmbh|ag|sa|"
        r"technologies|technology co|pharmaceuticals?|therapeutics|biotech|bank|partners|"
        r"ventures|capital|solutions|systems)\b\.?", re.I)),
)


# "Department of Ocean Science", "Department of Surgery of X University": a university's
# department, not a government's ("Department of Health").
_ACADEMIC_UNIT = re.compile(
    r"^(?:the\s+)?(?:department|dept\.?|division|unit)\s+of\s+(?:.*\b(?:university|college|polytechnic)\b|"
    r"(?:[\w&,-]+\s+){0,3}(?:sciences?|engineering|medicine|surgery|chemistry|physics|biology|mathematics|"
    r"statistics|studies|nursing|pharmacy|pharmacology|economics|history|psychology|linguistics|"
    r"philosophy|paediatrics|pediatrics|radiology|pathology|anaesthesia|anesthesiology|oncology|"
    r"cardiology|neurology|orthopaedics|orthopedics|ophthalmology|psychiatry|dentistry)\b)",
    re.I,
)


_OWN_HEAD = re.compile(
    r"\b(?:committee|council|board|association|society|federation|foundation|alliance|"
    r"consortium|league|union|club|trust|fund|museum|library)\b", re.I)


@lru_cache(maxsize=1)
def _phrase_kinds() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The vocabulary's ``kind_phrases``, one pattern per kind (words whole, any case)."""
    from medtui.extract.vocabulary import vocabulary  # the vocabulary reads the gazetteer's YAML loader

    return tuple((kind, re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.I))
                 for kind, phrases in vocabulary().kind_phrases.items() if phrases)


# A company's legal form at the end of its name, in the forms seen in the 25k press releases
# (English, and the continental, Nordic and Asian forms: "Ferrari N.V.", "Acme Robotics AB",
# "Grant Roe LLP", "Acme Oyj", "Acme S.p.A.", "Acme Sdn Bhd", "Acme Pty Ltd").
LEGAL_END = re.compile(
    r"(?:,?\s(?:Inc|Ltd|LLC|L\.?L\.?P|L\.P|LP|Corp|Co|PLC|plc|Limited|GmbH|AG|SE|S\.A|N\.V|B\.V|"
    r"AB|ASA|A/S|Oyj?|S\.p\.A|SpA|S\.r\.l|Srl|Pty|Pte|Pvt|Bhd|Tbk|K\.K|Ltda|S\.A\.S|S\.L)\.?)+$")
# Heads that keep their kind under a legal form ("Riverside Hospital, Inc." is a hospital).
_KEPT_UNDER_LEGAL = re.compile(
    r"\b(?:hospitals?|clinics?|medical cent(?:er|re)|university|college|school)\b", re.I)


def phrase_kind(name: str) -> str | None:
    """The kind the vocabulary's ``kind_phrases`` give ``name``, or None."""
    for kind, phrases in _phrase_kinds():
        if phrases.search(name):
            return kind
    return None


@lru_cache(maxsize=65536)
def guess_kind(name: str) -> str:
    """The institution kind implied by a name's head words, or 'other'.

    A legal form at the end makes a company ("Agency Spotter LLC", "Acme Robotics AB"),
    but for a hospital's, clinic's or school's name ("Riverside Clinic Inc."): 16 names of
    2,833 on 2,000 random releases were typed other, government or hospital for want of it
    (session 6). Then the vocabulary's ``kind_phrases``; then the part before "of"/"for"
    decides: an "Institute of X of Y University" is research.
    """
    if LEGAL_END.search(name) and not _KEPT_UNDER_LEGAL.search(name):
        return "company"
    kind = phrase_kind(name)
    if kind is not None:
        return kind  # "Riverside High School", "Federal Reserve Bank of X"
    if _ACADEMIC_UNIT.search(name):
        return "university"
    head = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0]
    if head != name:
        kind = guess_kind(head)
        if kind != "other" or _OWN_HEAD.search(head):
            # "CPC Committee of X Hospital" is a committee, whatever X is.
            return kind
    for kind, pattern in _KIND_RULES:
        if pattern.search(name):
            return kind
    return "other"
