"""Release tails: the blocks a wire or an issuer adds after the news in every press release.

A press release closes with furniture that is nobody's news: the issuer's "About X" block,
a media contact block ("Contact Details", "Media Contact", "For media inquiries, please
contact:", names, phones, e-mails), a forward-looking-statements or safe-harbor notice, a
disclaimer, a hashtag line, an end mark ("###", "-30-"), the wire's "The post ... first
appeared on ..." line. The line that opens such a tail, and everything after it in the story,
is boilerplate. A few single lines are the wire's wherever they stand (terms-of-use and SMS
alert lines, "This article has been disseminated on behalf of ...", newsroom pointers).

Source of the rules: the headings and lines were counted in 25,000 press releases from 18
wires (2024-2026): e.g. "Contact Information:" closes about 1,000 releases of 6 wires,
"Contact Details" opens News Direct's contact block (often glued to the name that follows:
"Contact DetailsJane Doe"), an "About ..." heading closes 35% of all releases, and the
forward-looking notices take some 40 heading forms ("Cautionary Note Regarding ...",
"Important Notice Regarding ...", "Safe Harbor", ...). The rules are written for those
kinds, not for any one release.

Precision guards: a tail only opens after :data:`MIN_WORDS_BEFORE` words of story; an "About"
heading about the story's own subject ("About the Study", "About the Transaction") is
text, not a tail; and a story never keeps fewer than :data:`MIN_WORDS_KEPT` words.
"""

from __future__ import annotations

import re

MIN_WORDS_BEFORE = 30
"""A tail opens only after this many words of story (a short release's lead paragraph)."""
MIN_WORDS_KEPT = 20
"""A cut that would leave fewer words than this is not made (the story is a tail itself)."""
HEADING_MAX_WORDS = 14
"""A heading that opens a tail has at most this many words (glued contact lines excepted)."""
CONTACT_HEADING_WORDS = 25
"""A contact heading glued to the contact data after it has at most this many words."""
CONTACT_LINE_WORDS = 20
"""A line of a contact block (name, title, address) has at most this many words, unless it
holds contact data (an e-mail, a URL, a phone)."""

_CONTACT_WORDS = (
    r"(?:(?:Media|Press|PR|Investors?|Company|Corporate|News|Public|Partnership|Business|Sales|Editorial)"
    r"(?:\s+(?:and|&)\s+[A-Za-z]+)?\s+)?(?:Relations\s+)?(?:Contacts?|Inquiries|Enquiries)"
    r"(?:\s+(?:Details|Information|Info|Persons?|Us|for more information))?"
)
_CONTACT_HEAD = re.compile(
    rf"^(?P<owner>(?:[A-Z][\w&.-]*\s+){{0,3}}?)(?P<phrase>(?i:{_CONTACT_WORDS}))"
    r"(?P<after>\s*[:\-\u2013\u2014]|\s*$|[A-Z0-9@]|\s+[A-Z0-9@+(])"
)
"""A contact heading, maybe glued to the name after it ("Contact DetailsJane Doe"), maybe
with its owner before it ("Acme Contact Information:")."""
_CONTACT_COLON = re.compile(r"^(?i:contacts?)\b[^:]{0,60}:$")
_CONTACT_LEAD = re.compile(
    r"^(?i:for\s+(?:(?:media|press|investor|public|all|general|further)\s+)?(?:inquiries|enquiries)\b"
    r"|for\s+(?:media|press|investor|public)\s+(?:relations|contacts?)\b"
    r"|for\s+(?:more|further|additional)\s+information(?:,?\s+(?:please\s+)?contact\b|\s*:))"
    r"|^(?i:for\s+(?:more|further|additional)\s+information,?\s+(?:please\s+)?contact\b"
    r"|(?:please\s+)?contact\s+us\s*:|email\s+us\s+here\b)"
)
_CONTACTISH = re.compile(r"@|https?://|www\.|\+?\d[\d\s().-]{7,}\d")
"""Contact data: an e-mail, a URL, a phone number."""

_LEGAL_HEAD = re.compile(
    r"(?i:forward[- ]looking\s+(?:statements?|information)|safe\s+harbou?r|"
    r"cautionary\s+(?:note|statements?|language)|^\W*(?:legal\s+)?disclaimers?\b|"
    r"^\W*disclosures?\s*(?:&|and\s+disclaimers?|:|$)|^\W*important\s+(?:notice|information)\s*:?\s*$)"
)
_LEGAL_PARAGRAPH = re.compile(r"(?i)forward[- ]looking\s+(?:statements?|information)")
_LEGAL_WORDS = re.compile(
    r"(?i)within the meaning of|historical facts?|risks? and uncertainties|undue reliance|"
    r"(?:expressly )?disclaims?|securities (?:litigation reform )?act|actual results")

_TAIL_LINE = re.compile(
    r"^(?:(?i:hashtags?)\s*:\s*#|The issuer is solely responsible for the content of this announcement|"
    r"The post .{3,300} (?:appeared first|first appeared) on\b|"
    r"(?i:disclaimers?)\s*:|"
    r"Follow (?:us|[A-Z][\w&.' -]{1,60}) on (?:[Ss]ocial [Mm]edia|X\b|Twitter|LinkedIn|Facebook|Instagram)|"
    r"\s*(?:#\s*#\s*#|-\s*30\s*-|-\s*ENDS?\s*-)\s*$)"
)
_INLINE_TAIL = re.compile(
    r"(?<=[.!?\"\u201d\u2019)\]])\s+(?=(?i:hashtags?)\s*:\s*#|The issuer is solely responsible for the content)"
)
"""A tail glued to the last paragraph (one wire writes the whole release as one line)."""

_WIRE_LINE = re.compile(
    r"^(?:Please see full terms of use and disclaimers on\b|To receive (?:SMS|text)(?: text)? alerts from\b|"
    r"This (?:article|content|release|press release|post) (?:has been|was|is being) "
    r"(?:disseminated|amplified|distributed|syndicated|published) (?:on behalf of|by|in collaboration)\b|"
    r"(?:Note to [Ii]nvestors:\s*)?The latest news and updates relating to .{1,80} (?:are|is) available in\b|"
    r"\S{0,40}?(?:More|Further|Additional) information about .{1,80} (?:is|can be) (?:available|found) (?:at|on)\b|"
    r"For more information,? (?:please )?visit\s+(?:https?://|www\.)\S+\s*$)"
)
"""Lines a wire adds to every release it carries, wherever they stand in the story."""

_ABOUT = re.compile(r"^\W{0,3}(?:About|ABOUT)\s+(?:(?:the|The|THE)\s+)?(?P<name>[A-Z0-9][^\n]*)$")
_ABOUT_SUBJECTS = frozenset(
    "study studies trial trials research survey report reports findings data results analysis program "
    "programme programs project projects event events award awards prize partnership agreement "
    "collaboration initiative grant grants deal transaction transactions acquisition merger offering "
    "book film album show exhibition conference summit festival tour campaign course series "
    "challenge competition product products technology platform app device treatment portfolio pipeline "
    "vaccine drug candidate property properties claims deposit asset assets".split()
)
"""First words of an "About ..." heading that introduce the story's own subject, not the issuer."""
_ABOUT_SUBJECT_ENDS = frozenset(
    "study trial program programme project portfolio pipeline claims property properties transaction deal "
    "agreement partnership collaboration initiative campaign report survey findings results data vaccine "
    "conference summit festival event".split()
)
"""Last words of such a heading ("About Acme's Vaccine Portfolio", "About the Mer Claims")."""


def cut_tail(text: str) -> tuple[str, str]:
    """Split a story's ``text`` into (story, tail): the tail is the release furniture that
    closes it plus the wire's lines found anywhere (see the module docstring). The lines of
    both keep their order; ``("text", "")`` when nothing is furniture.

    A contact block followed by more story (a law firm's "Contact the Firm Now:" above the
    complaint) is dropped alone; an "About" heading opens the tail only after a third of the
    story's words (an "About" section before that is the story's own background)."""
    lines = text.split("\n")
    total = len(text.split())
    words_before = 0
    kept: list[str] = []
    dropped: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            kept.append(line)
            i += 1
            continue
        if _WIRE_LINE.match(stripped):
            dropped.append(line)
            i += 1
            continue
        if words_before >= MIN_WORDS_BEFORE:
            kind = tail_kind(stripped)
            if kind == "contact":
                j = _contact_block_end(lines, i + 1)
                if j < len(lines) and not tail_kind(lines[j].strip()):
                    dropped.extend(lines[i:j])  # the story goes on after the contact block
                    i = j
                    continue
            if kind and (kind != "about" or 3 * words_before >= total):
                return _checked(text, kept, [*dropped, *lines[i:]])
            inline = _INLINE_TAIL.search(line)
            if inline:
                kept.append(line[: inline.start()])
                return _checked(text, kept, [*dropped, line[inline.end() :], *lines[i + 1 :]])
        kept.append(line)
        words_before += len(stripped.split())
        i += 1
    return _checked(text, kept, dropped)


def _contact_block_end(lines: list[str], start: int) -> int:
    """The index of the first line after a contact block's heading that is not part of it
    (a name, a title, a phone, an e-mail, an address: short lines, or lines with contact data)."""
    j = start
    while j < len(lines):
        words = len(lines[j].split())
        contact_data = _CONTACTISH.search(lines[j]) and words <= 40
        prose = words > CONTACT_LINE_WORDS or words > 8 and lines[j].rstrip().endswith(".")
        if prose and not contact_data:
            break
        j += 1
    return j


def tail_kind(line: str) -> str | None:
    """What tail ``line`` (stripped) opens: "contact", "legal" (forward-looking notice,
    disclaimer, safe harbor), "about" (the issuer's block), "end" (hashtags, end marks, the
    wire's closing lines), or None."""
    if _TAIL_LINE.match(line):
        return "end"
    if _CONTACT_LEAD.match(line):
        return "contact"
    words = line.split()
    if len(words) > CONTACT_HEADING_WORDS:  # a paragraph: only a legal notice or a glued About block
        head = " ".join(words[:25])
        if "orward" in head or "ORWARD" in head:
            return "legal" if _LEGAL_PARAGRAPH.search(head) and _LEGAL_WORDS.search(line) else None
        return "about" if line[:5] in ("About", "ABOUT") and _about_heading(line, words) else None
    short = len(words) <= HEADING_MAX_WORDS
    contact = _CONTACT_HEAD.match(line)
    if contact and (short or _CONTACTISH.search(line)):
        after = contact.group("after")
        # "Contact Tracing Apps Are ..." is a headline; "Contact Jane Doe, 555-0100" is a contact.
        if contact.group("owner"):
            if not after.strip() or after.strip()[0] in ":-\u2013\u2014":
                return "contact"
        elif (not after.startswith(" ") or _CONTACTISH.search(line) or len(words) <= 6
              or contact.group("phrase").casefold() not in ("contact", "contacts")):
            return "contact"  # "Contact Information Acme Corp, 10 Main Street": a heading
    if _CONTACT_COLON.match(line) and len(words) <= 8:
        return "contact"  # "Contact the Firm Now:", "Contact us:"
    if short and _LEGAL_HEAD.search(line) and (not line.endswith(".") or len(words) <= 6):
        return "legal"
    if _LEGAL_PARAGRAPH.search(" ".join(words[:25])) and _LEGAL_WORDS.search(line):
        return "legal"
    return "about" if _about_heading(line, words) else None


def _about_heading(line: str, words: list[str]) -> bool:
    about = _ABOUT.match(line)
    if about is None:
        return False
    name = about.group("name")
    first, last = (re.sub(r"^\W+|\W+$", "", w).casefold() for w in (name.split()[0], name.split()[-1]))
    if first in _ABOUT_SUBJECTS or last in _ABOUT_SUBJECT_ENDS:
        return False  # "About the Study", "About Acme's Vaccine Portfolio": the story's subject
    if len(words) <= HEADING_MAX_WORDS and not line.endswith((".", ",", ";")):
        return True
    # "About Acme Labs: Acme Labs is ..." / "About Acme Labs Acme Labs is ...": the block's
    # heading glued to its first sentence, which names the issuer again.
    head = re.split(r"\s*[:\u2013\u2014-]\s+|\s+(?=(?:is|was|are|has|provides|offers)\b)", name, maxsplit=1)[0]
    for size in range(min(6, len(head.split())), 0, -1):
        candidate = " ".join(name.split()[:size]).rstrip(":,")
        rest = name[len(candidate) :].lstrip(" :\u2013\u2014-")
        if len(candidate) >= 3 and rest.startswith(candidate.split()[0]):
            return True
    return False


def _checked(text: str, kept: list[str], dropped: list[str]) -> tuple[str, str]:
    if not dropped:
        return text, ""
    story = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    if len(story.split()) < MIN_WORDS_KEPT:
        return text, ""
    return story, "\n".join(ln for ln in dropped if ln.strip())
