"""Institutions that are in no gazetteer, found by the shape of their names.

"University of X", "X University", "X Hospital", "X Municipal People's Government",
"X Research Center", "X Inc.": a run of capitalised words around a head noun, trimmed of
titles ("President of ...") and sentence openers, split where two institutions are
joined by "and". Also "Full Name (ABBR)" definitions, which make ABBR an alias within
the document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from medtui.extract.boundaries import Candidate, Definition, after_campus, campuses, spelled_out
from medtui.extract.cjk import cjk_kind, cjk_names
from medtui.extract.runs import CONNECTORS, LEGAL, Token, bare, is_possessive, mixed, runs
from medtui.extract.vocabulary import is_generic_name, vocabulary

HEADS = frozenset("""
University Universities College School Faculty Hospital Hospitals Clinic Infirmary Sanatorium
Centre Center Institute Institutes Institution Academy Laboratory Laboratories Lab Labs
Government Ministry Department Bureau Commission Authority Council Committee Agency
Foundation Association Society Federation Organization Organisation Corporation Company
Inc Inc. Ltd Ltd. Limited LLC PLC plc Group Holdings Bank Trust Polytechnic Observatory
Museum Alliance Consortium Parks Administration Corp Corp. GmbH AG Research Board Court
""".split())
# Words that make a name generic when it has nothing else ("School of Medicine").
GENERIC = frozenset("""
School Faculty Department College Institute Centre Center Hospital University Clinic Lab
Laboratory Laboratories Medicine Medical Health Science Sciences Engineering Research Technology
Nursing Dentistry Pharmacy Public Social Studies Affairs Business Law Arts Education Graduate
Office Division Unit Program Programme Committee Council Government Authority Bureau Ministry
Group Company Foundation Association Society Academy Clinical Biomedical Life National
International Global General State City Municipal Regional Provincial Central Affiliated Joint
Management Innovation Development Training Teaching Advanced Applied Computer Data Information
Economic Economics Humanities Private Communication Design Architecture Finance Policy Services Service
Advisory Executive Steering Scientific Editorial Supervisory Organizing Organising
""".split()) | vocabulary().generic_words
STOP_LEADING = frozenset("""
The A An This That These Those Its Their Our His Her Both Each Every Yesterday Today Tomorrow
Meanwhile However Also And But With Under Through At In On By From To For As After Before During
Dear Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor President Chairman Chairwoman Chair
Director Dean Secretary Vice Provost Chief CEO Founder Head Member Members Minister Mayor
Governor Executive Deputy Senior Associate Assistant Honorary Former Last Next Since While When
Where Why How What Who Which Led Signed Joined Representatives Delegates Students Staff Faculty
About Additionally Furthermore Moreover Recently Currently Together Via Per Partner Partners
Several Many Some Other Another Two Three Four Five Six New Key Leading Renowned Top
Although Though Because If Unless Whether Once Upon Following According Including Like Unlike
Among Between Within Without Across Against Toward Towards Over Into Onto Then Thus Hence
Today's Since Until Whereas Whilst Despite Given Visit Contact Media Please See Read Learn
Join Call Email Phone Tel Website Source Photo Image Credit Note Notes Editor Editors
""".split())
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_DEFINITION = re.compile(r"\(\s*([^()\n]{1,80}?)\s*\)")
# One short name inside the brackets, maybe quoted: (HKUST), (\u201cLSU\u201d), (the "University").
_SHORT_NAME = re.compile(r"^(?:the\s+)?[\"\u201c\u2018']?((?:the\s+)?[A-Z][\w.&\-\u2019' ]{0,40}?)[\"\u201d\u2019']?$")
_CJK_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,24}")
"""A bracketed name in Han characters (its kind is told by its ending, :func:`cjk_kind`)."""
_ALTERNATIVES = re.compile(r"\s*(?:,|;|\bor\b)\s*")



LEADING_HEADS = vocabulary().heads
"""Heads of other languages (data/vocabulary.yaml), which lead their name: "Université de Lyon"."""
_ALL_HEADS = HEADS | LEADING_HEADS


def is_head(word: str) -> bool:
    """Whether ``word`` (possessive or not) is an institution's head word, in any language."""
    return _is_head(word)


@lru_cache(maxsize=65536)
def _is_head(word: str) -> bool:
    plain = bare(word)
    return plain in _ALL_HEADS or plain.rstrip(".") in _ALL_HEADS


def _proper(words: list[str]) -> bool:
    return any(
        (w[0].isupper() or mixed(w)) and bare(w) not in GENERIC and bare(w) not in HEADS
        and bare(w) not in STOP_LEADING
        for w in words
    )


# Leading words that belong to a name when a proper word follows ("New Zealand", "North
# Carolina"), and are openers before a generic one ("New Research Center").
_PLACE_LEADING = frozenset({"New", "North", "South", "East", "West", "Royal", "Central", "Upper", "Lower"})


DESCRIBED = re.compile(r"^[A-Z][\w'\u2019]*-[a-z]+(?:ed|ing)$")
""""Texas-based", "NIH-funded", "Israeli-occupied": a word that describes what follows."""


def _trim(tokens: list[Token]) -> list[Token]:
    months = vocabulary().months
    while tokens and (tokens[0][0] in STOP_LEADING or tokens[0][0].lower() in CONNECTORS
                      or tokens[0][0] in months or tokens[0][0].isdigit()
                      or "-" in tokens[0][0] and DESCRIBED.match(tokens[0][0])):
        if (tokens[0][0] in _PLACE_LEADING and len(tokens) > 1 and tokens[1][0][0].isupper()
                and not _is_head(tokens[1][0]) and bare(tokens[1][0]) not in GENERIC):
            break
        tokens = tokens[1:]
    while tokens and (tokens[-1][0].lower() in CONNECTORS or not tokens[-1][0][0].isupper()):
        tokens = tokens[:-1]
    return tokens


def _segments(tokens: list[Token]) -> list[list[Token]]:
    segs: list[list[Token]] = [[]]
    for tok in tokens:
        if tok[0] in ("of", "for", "on"):
            segs.append([])
        segs[-1].append(tok)
    return segs


def _name_in_run(tokens: list[Token]) -> list[list[Token]]:
    tokens = _trim(tokens)
    if not tokens:
        return []
    if len(tokens) > 2 and tokens[0][0] == "Board" and tokens[1][0] in ("of", "for"):
        return _board_owner(tokens[2:])
    # "Foundation for X and for Y": the second "for" starts a purpose, not more of the name.
    if len(tokens) > 3:
        again = next((i for i in range(1, len(tokens) - 1) if tokens[i][0] in ("and", "&")
                      and tokens[i + 1][0] in ("of", "for", "on")), None)
        if again is not None:
            tokens = _trim(tokens[:again])
    # "X University and Y Hospital": two institutions.
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i][0] in ("and", "&"):
            left, right = tokens[:i], tokens[i + 1 :]
            right_head = any(_is_head(t[0]) for t in right)
            right_ok = right_head and _proper([t[0] for t in right])
            left_ok = any(_is_head(t[0]) for t in left) and _proper([t[0] for t in left])
            if right_ok and any(_is_head(t[0]) for t in left):
                return _name_in_run(left) + _name_in_run(right)
            if left_ok and right_head:
                return _name_in_run(left)  # "X Research UK and the Clinical Research team"
            if right_ok and right[0][0] == "The":
                # "Pinewoods and The Lakeshore State University": "The" starts a new name.
                return (_name_in_run(left) if left_ok else []) + _name_in_run(right)
            if right_ok and len(left) == 1 and sum(c.isupper() for c in left[0][0]) >= 2:
                return _name_in_run(right)  # "HKUST and Zhejiang University": the left is named elsewhere
            if left_ok and len(right) == 1 and sum(c.isupper() for c in right[0][0]) >= 2:
                return _name_in_run(left)  # "X Institute of Marine Biology and HKUST": likewise
    segs = _segments(tokens)
    start = next((i for i, s in enumerate(segs) if any(_is_head(t[0]) for t in s)), None)
    if start is None:
        return []
    first = segs[start]
    if first and first[0][0] in ("of", "for", "on"):
        # "Code of Conduct Committee", "U of L Innovation Center": a word before "of" that is
        # no role, and one word of a name after it, make one name we cannot cut ("Patients of
        # Kowloon Riverside Hospital", "Officer of the Acme Group", "VP of Acme Labs" can be).
        before = [t[0] for s in segs[:start] for t in s if t[0] not in CONNECTORS]
        roles = vocabulary().roles
        own = [t[0] for t in first[1:] if not _is_head(t[0]) and bare(t[0]) not in GENERIC]
        if before and len(own) == 1 and first[1][0] != "the" and not any(
                w in STOP_LEADING or w in roles for w in before):
            return []
        first = first[1:]
    words_first = [t[0] for t in first]
    for i in range(len(words_first) - 1):
        # "... Social Sciences and the Institute of X": the name starts after "and the".
        if words_first[i] in ("and", "&") and words_first[i + 1] == "the" and not any(
            _is_head(w) for w in words_first[:i]
        ):
            first = first[i + 2 :]
            break
    # Inside the first segment, start after any leading titles or openers.
    first = _trim(first)
    name = first + [t for s in segs[start + 1 :] for t in s]
    name = _trim(name)
    if not name:
        return []
    roles = vocabulary().roles
    cut = next((i for i, t in enumerate(name) if i and (bare(t[0]) in roles or any(
        part in roles for part in t[0].split("-") if part))), None)
    if cut is not None:
        name = _trim(name[:cut])  # "Lincoln University Vice-Chancellor": the university
        if not name:
            return []
    words = [t[0] for t in name]
    # "Center for Missing Children's Data Registry": a possessive followed by words without a
    # head or "of" ends the name ("Institute for Women's Health" runs on: one word is a field;
    # so does "People's Republic of China").
    owner = next((i for i, w in enumerate(words[:-2]) if is_possessive(w)), None)
    if owner is not None and not any(_is_head(w) or w in _OF_WORDS for w in words[owner + 1 :]):
        name, words = name[: owner + 1], words[: owner + 1]
    # The last head must not be followed directly by more capitalised words
    # ("University Rankings", "Hospital Directory"): then it modifies something else.
    last_head = max(i for i, w in enumerate(words) if _is_head(w)) if any(map(_is_head, words)) else -1
    if last_head < 0:
        return []
    after = words[last_head + 1 :]
    # One trailing place, legal form or "District" is part of the name ("King's College
    # London", "Acme Group SE", "Riverside School District"); any other trailing word means
    # the head modifies something else ("University Rankings", "Research Careers").
    inside = after[:1] in (["and"], ["&"]) and any(w in _OF_WORDS for w in words[:last_head])
    if after and after[0] not in _OF_WORDS and not _is_head(after[0]) and not inside and (
        len(after) > 1 or not _name_tail(after[0])
    ):
        return []  # ("Institute of Archives and Library Studies": the "and" is inside "of ...")
    if not _proper(words) or len(words) < 2:
        return []
    if words[0] in _RANKING and words[last_head] in _PLURAL_HEADS:
        return []  # "Best Global Universities": a ranking
    if _is_head(words[0]) and len(words) == 2 and not _is_head(words[1]) and words[0] not in LEADING_HEADS:
        return []  # "Company Name", "Group Chat": a head needs a name before it or "of X" after
    return [name]


def _board_owner(rest: list[Token]) -> list[list[Token]]:
    """The institution whose board "Board of ..." names: "Board of Acme" is Acme's (whatever
    its words), "Board of Directors of Acme Inc." the company's; "Board of Education" or
    "Board of Directors" alone is no institution's name (see ``board_subjects``)."""
    subjects = vocabulary().board_subjects
    if rest and rest[0][0] == "the":
        rest = rest[1:]
    if not rest:
        return []
    if bare(rest[0][0]) in subjects:
        cut = next((i for i, t in enumerate(rest) if t[0] in ("of", "for")), None)
        return _name_in_run(rest[cut + 1 :]) if cut is not None else []
    owner = _trim(rest)
    return [owner] if owner and _proper([t[0] for t in owner]) else []


def _name_tail(word: str) -> bool:
    vocab = vocabulary()
    plain = bare(word)
    return (plain in LEGAL or plain in vocab.name_tails or plain in _COMPASS
            or plain.casefold() in vocab.places)


_RANKING = frozenset({"Best", "Top", "Leading", "Largest", "Greatest", "Most"})
_PLURAL_HEADS = frozenset({"Universities", "Colleges", "Schools", "Hospitals", "Companies", "Institutes"})
_COMPASS = frozenset({"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"})

_OF_WORDS = frozenset({"of", "for", "on", "de", "di", "du", "des", "der", "von", "van", "la", "le"})
"""Words after a head that lead its complement ("University of X", "Université de Lyon")."""

MAX_RUN_TOKENS = 64
"""Runs of capitalised words longer than this are read in slices of this many words."""
# Bounded around the "@": an unbounded \S+ before it is quadratic on long runs without spaces.
# An address starts where a run of non-space begins (not at every letter of every word).
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|(?<![^\s@])[^\s@]{1,256}+@[^\s@]{1,256}\.\w+")


def discover(text: str) -> list[Candidate]:
    """Institution-shaped names in ``text`` (body text, not Title Case headlines)."""
    found: list[Candidate] = []
    if "@" in text or "http" in text or "www." in text:  # most texts hold neither: skip the scan
        text = _URL_OR_EMAIL.sub(lambda m: " " * len(m.group()), text)
    previous: list[Token] = []
    for run in runs(text):
        run, previous = after_campus(text, previous, run, _is_head), run
        # A run far longer than any name (a line of capitalised words) is taken in slices:
        # the name rules are quadratic (and recursive) in a run's length.
        for i in range(0, len(run), MAX_RUN_TOKENS):
            for name in _name_in_run(run[i : i + MAX_RUN_TOKENS]):
                start, end = name[0][1], name[-1][2]
                surface = text[start:end]
                surface = _POSSESSIVE.sub("", surface) if _POSSESSIVE.search(surface) else surface
                end = start + len(surface)
                if "\n" in surface:  # a hard-wrapped name: one line in the list of names
                    surface = " ".join(surface.split())
                found.append(Candidate(start, end, surface))
    found = spelled_out(text, campuses(text, found, _is_head), _acronyms(text))
    return [c for c in found if not is_generic_name(c.name)] + listed_companies(text) + cjk_names(text)




_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{2,9})(?:['\u2019]s)?\)")


def _acronyms(text: str) -> list[Definition]:
    """The "(ABBR)" definitions alone (a cheap pass; :func:`definitions` reads every bracket).
    The name ends before the spaces or tabs in front of the bracket, and before a possessive
    ("Blood Institute's (NHLBI's) workshop")."""
    out = []
    for m in _ACRONYM.finditer(text):
        full_end = m.start()
        while full_end > 0 and text[full_end - 1] in " \t":
            full_end -= 1
        if text.endswith(("'s", "\u2019s"), 0, full_end):
            full_end -= 2
        out.append(Definition(full_end, m.group(1), m.start(1), m.end(1)))
    return out


_TICKER = re.compile(
    r"\(\s*(?:NASDAQ|Nasdaq|NYSE(?: American| Arca)?|NYSEAMERICAN|AMEX|OTC(?:QB|QX| Markets| Pink)?|"
    r"TSX(?:-?V)?|CSE|ASX|LSE|AIM|HKEX|SEHK|SSE|SZSE|NEO|Cboe|FSE|XETRA|Euronext)\s*:\s*[A-Z][A-Z0-9.\-]*"
)


_CORPORATE_SUFFIX = re.compile(r",\s*(?:Inc|Ltd|Corp|Co|LLC|PLC|plc|Limited|S\.A|AG|GmbH|N\.V)\.?$")


def listed_companies(text: str) -> list[Candidate]:
    """Names followed by a stock ticker, "Acme Robotics (NASDAQ: ACME)": companies, whatever their words."""
    found: list[Candidate] = []
    for m in _TICKER.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] in " ,":
            end -= 1
        suffix = _CORPORATE_SUFFIX.search(text, max(0, end - 12), end)
        if suffix:
            end = suffix.start()  # "NanoViricides, Inc. (NYSE: NNVC)": the name is before the comma
        window_start = max(0, end - 120)
        ends = {end, end - 1} if text[end - 1 : end] == "." else {end}
        found_runs = [r for r in runs(text[window_start:end]) if r and window_start + r[-1][2] in ends]
        if not found_runs:
            # A one-word name ("Aeva (NYSE: AEVA)") is not a run: take the word itself.
            word = re.search(r"[A-Z][\w&.\-]*$", text[window_start:end])
            if word and word.group() not in STOP_LEADING:
                found.append(Candidate(window_start + word.start(), end, word.group()))
            continue
        tokens = _trim(found_runs[-1])
        if tokens and tokens[-1][0] in ("ETF", "ETN", "ETFs"):
            continue  # "Acme Gold Miners ETF (NYSE: AGM)": a fund's units, not a company
        if tokens:
            start = window_start + tokens[0][1]
            found.append(Candidate(start, end, text[start:end]))
    return found


def definitions(text: str) -> list[Definition]:
    """Every "(SHORT)" right after a name: candidates for document-local aliases.

    The short name may be quoted, and there may be several: (\u201cNIMB\u201d or the \u201cInstitute\u201d).
    """
    out: list[Definition] = []
    for m in _DEFINITION.finditer(text):
        full_end = m.start()
        while full_end > 0 and text[full_end - 1] == " ":
            full_end -= 1
        if text.endswith(("'s", "\u2019s"), 0, full_end) and m.group(1).endswith(("'s", "\u2019s")):
            full_end -= 2
        for alternative in _ALTERNATIVES.split(m.group(1)):
            named = _SHORT_NAME.match(alternative.strip())
            if named is None:
                cjk = alternative.strip()
                if _CJK_NAME.fullmatch(cjk) and cjk_kind(cjk):
                    # A name's Chinese or Japanese form: "Riverside University (河畔大學)".
                    at = text.find(cjk, m.start(1), m.end(1))
                    out.append(Definition(full_end, cjk, at, at + len(cjk)))
                continue
            short = named.group(1).strip()
            if short.endswith(("'s", "\u2019s")) and " " not in short:
                short = short[:-2]  # "(NHLBI's)"
            if alternative.strip().startswith("the ") and not short.startswith("the "):
                short = "the " + short  # (the "University"): a generic short name, kept as such
            words = short.split()
            if len(words) > 5:
                continue
            if len(words) == 1 and sum(c.isupper() for c in short) < 2:
                continue  # "(Guangzhou)" is part of a name, not an abbreviation
            at = text.find(short.removeprefix("the "), m.start(1), m.end(1))
            out.append(Definition(full_end, short, at, at + len(short.removeprefix("the "))))
    return out
