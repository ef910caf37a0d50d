"""Finding institutions in no gazetteer by the shape of their names, and document-local aliases."""

from __future__ import annotations

import pytest

from medtui.extract.discover import definitions, discover
from medtui.extract.gazetteer import Gazetteer, load_gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions
from medtui.extract.sentences import split_sentences


def names(text: str) -> list[str]:
    return [c.name for c in discover(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegates from the University of Northbridge arrived.", ["University of Northbridge"]),
        ("She studied at Lakeshore University until 2020.", ["Lakeshore University"]),
        ("Patients of Kowloon Riverside Hospital were moved.", ["Kowloon Riverside Hospital"]),
        ("Officials of the Kowloon Municipal People's Government attended.",
         ["Kowloon Municipal People's Government"]),
        ("The Shatin Research Center opened a new wing.", ["Shatin Research Center"]),
        ("The Tuen Mun Research Centre opened a new wing.", ["Tuen Mun Research Centre"]),
        ("Researchers at the Northbridge Institute of Marine Biology said so.",
         ["Northbridge Institute of Marine Biology"]),
        ("Great Harbour Children's Hospital is the largest.", ["Great Harbour Children's Hospital"]),
        ("Harbour Biotech Ltd. signed it.", ["Harbour Biotech Ltd"]),
        ("Partners of 3M Company met staff.", ["3M Company"]),
        ("NanoViricides, Inc. (NYSE American: NNVC) announced a trial.", ["NanoViricides"]),
        # A saint's possessive is inside the name; an owner's possessive ends the run.
        ("St. Ambrose's Hospital signed it.", ["St. Ambrose's Hospital"]),
        ("Mount St. Ives's Medical Center grew.", ["Mount St. Ives's Medical Center"]),
        ("Saint Orla's College opened.", ["Saint Orla's College"]),
        ("San Quillo's Harbour Hospital grew.", ["Harbour Hospital"]),  # a city's possessive
        ("Northgate's Research Institute opened.", []),  # generic once the owner is cut
    ],
)
def test_institution_shaped_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("said the President of Lakeshore University on Monday.", ["Lakeshore University"]),
        ("said Professor Alan Tse, Dean of Lakeshore University.", ["Lakeshore University"]),
        ("Lakeshore University's medical school will open.", ["Lakeshore University"]),
        ("Northbridge University Hospital and Lakeshore University signed it.",
         ["Northbridge University Hospital", "Lakeshore University"]),
        ("The Northbridge Institute of Marine Biology and HKUST signed it.",
         ["Northbridge Institute of Marine Biology"]),
        ("HKUST and Lakeshore University signed it.", ["Lakeshore University"]),
        ("We partner with Pinewoods and The Lakeshore University College of Nursing.",
         ["Lakeshore University College of Nursing"]),
        ("Brigham and Women's Hospital signed it.", ["Brigham and Women's Hospital"]),
    ],
)
def test_titles_possessives_and_joined_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It rose in the Lakeshore University Rankings 2025 this year.",
        "The Hospital Directory lists every ward.",
        "She joined the School of Medicine last year.",  # generic: no proper name in it
        "The University said nothing.",
        "Contact the Media Relations Office for details.",
    ],
)
def test_not_institutions(text: str) -> None:
    assert names(text) == []


def test_candidate_offsets_point_at_the_name() -> None:
    text = "Yesterday Lakeshore University signed."
    [cand] = discover(text)
    assert text[cand.start : cand.end] == "Lakeshore University"


def test_definitions() -> None:
    text = "The Northbridge Institute of Marine Biology (NIMB) and the city (Guangzhou) met (the Institute)."
    found = definitions(text)
    assert [d.short for d in found] == ["NIMB", "the Institute"]
    assert text[: found[0].full_end].endswith("Marine Biology")


@pytest.mark.parametrize(
    ("text", "shorts"),
    [
        ("Lakeshore University (\u201cLSU\u201d) signed.", ["LSU"]),
        ('Lakeshore University ("LSU") signed.', ["LSU"]),
        ("Northbridge Institute of Marine Biology (\u201cNIMB\u201d or the \u201cInstitute\u201d) signed.",
         ["NIMB", "the Institute"]),
        ("Acme Robotics (NASDAQ: ACME) signed.", []),
        ("HKUST(Guangzhou) signed.", []),
    ],
)
def test_quoted_and_alternative_definitions(text: str, shorts: list[str]) -> None:
    assert [d.short for d in definitions(text)] == shorts


def test_quoted_abbreviation_is_an_alias() -> None:
    text = "Lakeshore University (\u201cLSU\u201d) signed an MoU. LSU will train nurses."
    assert {name for _, name in mentions_of(text)} == {"Lakeshore University"}
    assert [surface for surface, _ in mentions_of(text)] == ["Lakeshore University", "LSU", "LSU"]


def mentions_of(text: str, gazetteer: Gazetteer | None = None, title: str = "") -> list[tuple[str, str]]:
    matcher = GazetteerMatcher(gazetteer if gazetteer is not None else Gazetteer())
    found = find_mentions(matcher, [text], [title])
    return [(s.surface, found.entities[s.key].name) for s in found.spans[0]]


def test_full_name_abbreviation_is_an_alias_within_the_document() -> None:
    text = ("The Northbridge Institute of Marine Biology (NIMB) signed an MoU. "
            "NIMB was founded in 1987. Later NIMB grew.")
    found = mentions_of(text)
    assert [surface for surface, _ in found] == ["Northbridge Institute of Marine Biology", "NIMB", "NIMB", "NIMB"]
    assert {name for _, name in found} == {"Northbridge Institute of Marine Biology"}


def test_a_short_name_given_in_full_elsewhere_is_the_full_one() -> None:
    text = ("Staff of the Riverside Teaching Hospital of Lakeshore University met. "
            "The Riverside Teaching Hospital opened in 1990.")
    found = mentions_of(text)
    assert {name for _, name in found} == {"Riverside Teaching Hospital of Lakeshore University"}


def test_gazetteer_names_win_over_discovered_ones_and_titles_use_known_names() -> None:
    gaz = load_gazetteer()
    text = "The University of Hong Kong and Kowloon Riverside Hospital signed an agreement."
    title = "HKU And Kowloon Riverside Hospital Sign Agreement With New Partners Group"
    matcher = GazetteerMatcher(gaz)
    found = find_mentions(matcher, [text], [title])
    body = [(s.surface, s.key) for s in found.spans[0]]
    assert body[0] == ("The University of Hong Kong", "g:hku")
    assert body[1][0] == "Kowloon Riverside Hospital" and body[1][1].startswith("d:")
    title_surfaces = [s.surface for s in found.spans[1]]
    assert title_surfaces == ["HKU", "Kowloon Riverside Hospital"]  # nothing new from a Title Case headline


def test_chinese_names_match_inside_running_text(tmp_path: object) -> None:
    gaz = load_gazetteer()
    gaz.entries["cuhk"].aliases += ["香港中文大學", "中大"]
    matcher = GazetteerMatcher(gaz)
    text = "由香港中文大學與醫院合作。中大型企業亦參與。（中大）"
    spans = matcher.find(text)
    assert [(s.surface, s.key) for s in spans] == [("香港中文大學", "g:cuhk"), ("中大", "g:cuhk")]
    assert spans[1].start == text.index("（中大）") + 1  # not inside 中大型 ("medium-large")


def test_latin_names_need_word_boundaries() -> None:
    matcher = GazetteerMatcher(load_gazetteer())
    assert [s.surface for s in matcher.find("HKUSTx and xHKUST but HKUST.")] == ["HKUST"]


def test_sentences() -> None:
    text = "Prof. Ip met Dr. Ma at 3 p.m. on Monday. They signed the MoU with U.S. partners. No. 1 in Asia."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Prof. Ip met Dr. Ma at 3 p.m. on Monday.",
        "They signed the MoU with U.S. partners.",
        "No. 1 in Asia.",
    ]
    zh = "中大與醫院今日簽署合作備忘錄。校長表示：「合作很好。」他說。"
    assert [zh[a:b] for a, b in split_sentences(zh)] == [
        "中大與醫院今日簽署合作備忘錄。", "校長表示：「合作很好。」", "他說。",
    ]
