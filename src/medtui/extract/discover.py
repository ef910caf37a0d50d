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
from medtui.extract.cjk import cjk_names
from medtui.extract.vocabulary import is_generic_name, vocabulary

HEADS = frozenset("""
University Universities College School Faculty Hospital Hospitals Clinic Infirmary Sanatorium
Centre Center Institute Institutes Institution Academy Laboratory Laboratories Lab Labs
Government Ministry Department Bureau Commission Authority Council Committee Agency
Foundation Association Society Federation Organization Organisation Corporation Company
Inc Inc. Ltd Ltd. Limited LLC PLC plc Group Holdings Bank Trust Polytechnic Observatory
Museum Alliance Consortium Parks Administration Corp Corp. GmbH AG Research Board
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
""".split())
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
# Possessives that are part of names ("People's Government", "Children's Hospital").
NAME_POSSESSIVES = frozenset({"People", "Children", "Women", "King", "Queen", "Men", "Mary", "John"})
NOT_NAME_TAILS = frozenset("""
Ranking Rankings Award Awards Directory Programme Program Programs Programmes Campus Day Week
Prize Scholarship Scholarships Building Road Street Hall Conference Forum Summit Report Index
Magazine Journal Press News President Dean Chair Chairman Professor Professorship Students
Student Alumni Staff Team Teams Project Projects Study Trial Trials Guidelines Guideline Website
App Library Station Hospital-based Level Grade Entrance Admission Admissions Fellow Fellowship
Name Website Email Phone Address Contact Logo Account Page Profile Chat Channel Token
""".split())
CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de", "du", "des", "di", "la", "le", "van", "von", "der"})

_TOKEN = re.compile(
    r"[A-Z][\w'\u2019\-]*(?:&[A-Z]\w*)*(?:\.(?=\s)|\.[A-Z][\w]*)*|[a-z]+|&|\d+(?:[A-Za-z]\w*)?")
ABBREVIATIONS = frozenset({"Inc.", "Ltd.", "Co.", "Corp.", "St.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Jr.", "Sr."})
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_DEFINITION = re.compile(r"\(\s*([^()\n]{1,80}?)\s*\)")
# One short name inside the brackets, maybe quoted: (HKUST), (\u201cLSU\u201d), (the "University").
_SHORT_NAME = re.compile(r"^(?:the\s+)?[\"\u201c\u2018']?((?:the\s+)?[A-Z][\w.&\-\u2019' ]{0,40}?)[\"\u201d\u2019']?$")
_ALTERNATIVES = re.compile(r"\s*(?:,|;|\bor\b)\s*")


_CAP = r"[A-Z][\w'\u2019\-]*(?:&[A-Z]\w*)*(?:\.[A-Z][\w]*)*\.?"
_CANDIDATE_RUN = re.compile(
    _CAP + r"(?:[ \t]+(?:(?:of|for|and|&|the|de|du|des|di|la|le|van|von|der)[ \t]+)*"
    + r"(?:" + _CAP + r"|\d+(?:[A-Za-z]\w*)?))*"
)


def _runs(text: str) -> list[list[tuple[str, int, int]]]:
    """Runs of capitalised tokens joined by connectors, broken by punctuation.

    A cheap regex finds the stretches of capitalised words first, so that the token
    loop only walks those, not every word of the text.
    """
    runs: list[list[tuple[str, int, int]]] = []
    for stretch in _CANDIDATE_RUN.finditer(text):
        if " " not in stretch.group() and "\t" not in stretch.group():
            continue  # one capitalised word alone holds no institution name
        runs.extend(_token_runs(text, stretch.start(), stretch.end()))
    return runs


def _token_runs(text: str, begin: int, finish: int) -> list[list[tuple[str, int, int]]]:
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    last_end = -1
    for m in _TOKEN.finditer(text, begin, finish):
        word = m.group()
        sentence_end = word.endswith(".") and word not in ABBREVIATIONS and len(word) > 2
        if sentence_end:
            word = word[:-1]
        gap = text[last_end:m.start()] if last_end >= 0 else " "
        capital = word[0].isupper() or word[0].isdigit() and (current != [] or _mixed(word))
        joined = bool(current) and gap.strip() == "" and "\n" not in gap
        if joined and (capital or word.lower() in CONNECTORS):
            current.append((word, m.start(), m.start() + len(word)))
        else:
            if current:
                runs.append(current)
            current = [(word, m.start(), m.start() + len(word))] if word[0].isupper() or _mixed(word) else []
        last_end = m.end()
        possessive = _is_possessive(word) and _bare(word) not in NAME_POSSESSIVES
        if current and (sentence_end or possessive and word[0].isupper()):
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _mixed(word: str) -> bool:
    """A word of digits and capitals that can start a name: "3D", "3M", "5G"."""
    return word[0].isdigit() and any(c.isupper() for c in word)


_QUOTES_S = ("'", "\u2019", "'s", "\u2019s")


def _is_possessive(word: str) -> bool:
    """Ends in ' or 's (straight or curly): what ``_POSSESSIVE`` finds, without a regex."""
    return word.endswith(_QUOTES_S)


def _bare(word: str) -> str:
    """The word without a possessive ending (and a full stop before it)."""
    if not word.endswith(_QUOTES_S):
        return word
    cut = 2 if word.endswith("s") else 1
    return word[:-cut].rstrip(".")


LEADING_HEADS = vocabulary().heads
"""Heads of other languages (data/vocabulary.yaml), which lead their name: "Université de Lyon"."""
_ALL_HEADS = HEADS | LEADING_HEADS


@lru_cache(maxsize=65536)
def _is_head(word: str) -> bool:
    bare = _bare(word)
    return bare in _ALL_HEADS or bare.rstrip(".") in _ALL_HEADS


def _proper(words: list[str]) -> bool:
    return any(
        (w[0].isupper() or _mixed(w)) and _bare(w) not in GENERIC and _bare(w) not in HEADS
        and _bare(w) not in STOP_LEADING
        for w in words
    )


# Leading words that belong to a name when a proper word follows ("New Zealand", "North
# Carolina"), and are openers before a generic one ("New Research Center").
_PLACE_LEADING = frozenset({"New", "North", "South", "East", "West", "Royal", "Central", "Upper", "Lower"})


def _trim(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    months = vocabulary().months
    while tokens and (tokens[0][0] in STOP_LEADING or tokens[0][0].lower() in CONNECTORS
                      or tokens[0][0] in months or tokens[0][0].isdigit()):
        if (tokens[0][0] in _PLACE_LEADING and len(tokens) > 1 and tokens[1][0][0].isupper()
                and not _is_head(tokens[1][0]) and _bare(tokens[1][0]) not in GENERIC):
            break
        tokens = tokens[1:]
    while tokens and (tokens[-1][0].lower() in CONNECTORS or not tokens[-1][0][0].isupper()):
        tokens = tokens[:-1]
    return tokens


def _segments(tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    segs: list[list[tuple[str, int, int]]] = [[]]
    for tok in tokens:
        if tok[0] in ("of", "for"):
            segs.append([])
        segs[-1].append(tok)
    return segs


def _name_in_run(tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    tokens = _trim(tokens)
    if not tokens:
        return []
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
                # "Northwoods and The Ohio State University": "The" starts a new name.
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
    if first and first[0][0] in ("of", "for"):
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
    cut = next((i for i, t in enumerate(name) if i and (_bare(t[0]) in roles or any(
        part in roles for part in t[0].split("-") if part))), None)
    if cut is not None:
        name = _trim(name[:cut])  # "Lincoln University Vice-Chancellor": the university
        if not name:
            return []
    words = [t[0] for t in name]
    # The last head must not be followed directly by more capitalised words
    # ("University Rankings", "Hospital Directory"): then it modifies something else.
    last_head = max(i for i, w in enumerate(words) if _is_head(w)) if any(map(_is_head, words)) else -1
    if last_head < 0:
        return []
    after = words[last_head + 1 :]
    # One trailing place name is part of the name ("King's College London"); a
    # trailing "Rankings" or "Award" means the head modifies something else.
    if after and after[0] not in _OF_WORDS and not _is_head(after[0]) and (
        len(after) > 1 or _bare(after[0]) in NOT_NAME_TAILS or not after[0][0].isupper()
    ):
        return []
    if not _proper(words) or len(words) < 2:
        return []
    if _is_head(words[0]) and len(words) == 2 and not _is_head(words[1]) and words[0] not in LEADING_HEADS:
        return []  # "Company Name", "Group Chat": a head needs a name before it or "of X" after
    return [name]


_OF_WORDS = frozenset({"of", "for", "de", "di", "du", "des", "der", "von", "van", "la", "le"})
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
    previous: list[tuple[str, int, int]] = []
    for run in _runs(text):
        run, previous = after_campus(text, previous, run, _is_head), run
        # A run far longer than any name (a line of capitalised words) is taken in slices:
        # the name rules are quadratic (and recursive) in a run's length.
        for i in range(0, len(run), MAX_RUN_TOKENS):
            for name in _name_in_run(run[i : i + MAX_RUN_TOKENS]):
                start, end = name[0][1], name[-1][2]
                surface = text[start:end]
                surface = _POSSESSIVE.sub("", surface) if _POSSESSIVE.search(surface) else surface
                end = start + len(surface)
                found.append(Candidate(start, end, surface))
    found = spelled_out(text, campuses(text, found, _is_head), _acronyms(text))
    return [c for c in found if not is_generic_name(c.name)] + listed_companies(text) + cjk_names(text)




_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{2,9})\)")


def _acronyms(text: str) -> list[Definition]:
    """The "(ABBR)" definitions alone (a cheap pass; :func:`definitions` reads every bracket).
    The name ends before the spaces or tabs in front of the bracket."""
    out = []
    for m in _ACRONYM.finditer(text):
        full_end = m.start()
        while full_end > 0 and text[full_end - 1] in " \t":
            full_end -= 1
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
        runs = [r for r in _runs(text[window_start:end]) if r and window_start + r[-1][2] in ends]
        if not runs:
            # A one-word name ("Aeva (NYSE: AEVA)") is not a run: take the word itself.
            word = re.search(r"[A-Z][\w&.\-]*$", text[window_start:end])
            if word and word.group() not in STOP_LEADING:
                found.append(Candidate(window_start + word.start(), end, word.group()))
            continue
        tokens = _trim(runs[-1])
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
        for alternative in _ALTERNATIVES.split(m.group(1)):
            named = _SHORT_NAME.match(alternative.strip())
            if named is None:
                continue
            short = named.group(1).strip()
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
