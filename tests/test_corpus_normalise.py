"""Text normalised before anything else: invisible characters, spaces, ligatures, entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.corpus.normalise import normalise_chars, unescape_entities
from medtui.pipeline import load_corpus
from medtui.search.index import StoryIndex


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Uni\u00adversity", "University"),  # soft hyphen
        ("agree\u200bment", "agreement"),  # zero-width space
        ("tele\u2060medicine", "telemedicine"),  # word joiner
        ("Riverside\ufeff University", "Riverside University"),  # a BOM inside the text
        ("Northgate\u00a0Hospital", "Northgate Hospital"),  # no-break space
        ("10\u202f000 and 5\u2009km", "10 000 and 5 km"),  # narrow and thin spaces
        ("\ufb01nancial o\ufb03ce", "financial office"),  # compatibility ligatures
        ("co\u200dop", "coop"),  # a stray joiner in Latin text
        ("line\r\nend\rhere", "line\nend\nhere"),
        ("bell\x07 and \x1b escape", "bell and  escape"),
    ],
)
def test_normalise_chars(raw: str, expected: str) -> None:
    assert normalise_chars(raw) == expected


def test_normalise_keeps_what_shapes_other_scripts_and_other_compatibility_forms() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a ZWNJ between Arabic letters
    assert normalise_chars(persian) == persian
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # an emoji sequence
    assert normalise_chars(family) == family
    assert normalise_chars("x\u00b2 \u00bd \uff21") == "x\u00b2 \u00bd \uff21"  # not NFKC'd
    assert normalise_chars("e\u0301") == "\u00e9"  # NFC


def test_unescape_entities_in_text_decodes_only_whole_references() -> None:
    assert unescape_entities("memo&shy;randum, agree&#8203;ment, AT&amp;T") == "memorandum, agreement, AT&T"
    assert unescape_entities("R&D at AT&T, &notice") == "R&D at AT&T, &notice"
    assert unescape_entities("&#x41;&nbsp;B") == "A B"


def _load(tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8")
    return load_corpus([tmp_path], cache=False, workers=1)


def test_soft_hyphens_in_a_text_file_hide_neither_parties_nor_the_mou(tmp_path: Path) -> None:
    corpus = _load(tmp_path, "memo.txt", "Memorandum signed\n\n15 March 2025\n\nLakeshore Uni&shy;versity and "
                   "Pinecrest Hos&shy;pital signed a memo&shy;randum of under&shy;standing.\n")
    story = corpus.stories[0]
    assert "\u00ad" not in story.text and "&shy;" not in story.text
    names = {corpus.institution(i).name for i in story.institutions}  # type: ignore[union-attr]
    assert {"Lakeshore University", "Pinecrest Hospital"} <= names
    mous = [e for e in corpus.events if e.kind == "mou"]
    assert mous and {corpus.institution(p).name for p in mous[0].parties} == names  # type: ignore[union-attr]


def test_zero_width_spaces_in_markdown_hide_neither_the_agreement_nor_the_word(tmp_path: Path) -> None:
    corpus = _load(tmp_path, "agree.md", "# Telemedicine agreement\n\nGreenfield University and Oakridge "
                   "Hospital signed an agree&#8203;ment on tele&#8203;medicine.\n")
    story = corpus.stories[0]
    assert "\u200b" not in story.text and "agreement on telemedicine" in story.text
    assert any(e.kind == "agreement" and len(e.parties) == 2 for e in corpus.events)
    index = StoryIndex()
    index.add(corpus, corpus.stories)
    assert [h.story for h in index.search("telemedicine").hits] == [story.id]


def test_utf8_read_as_latin1_or_cp1252_is_repaired() -> None:
    from medtui.corpus.normalise import normalise_chars, normalise_markup

    assert normalise_chars("Riverside Didn\u00e2\u0080\u0099t wait") == "Riverside Didn\u2019t wait"
    assert normalise_chars("Northgate Didn\u00e2\u20ac\u2122t wait \u00e2\u20ac\u201d now") == \
        "Northgate Didn\u2019t wait \u2014 now"
    assert normalise_markup("<h2>Top 10 Things You Didn\u00e2\u0080\u0099t Know</h2>") == \
        "<h2>Top 10 Things You Didn\u2019t Know</h2>"
    assert normalise_chars("caf\u00e9 cr\u00e8me, S\u00e3o Paulo") == "caf\u00e9 cr\u00e8me, S\u00e3o Paulo"
