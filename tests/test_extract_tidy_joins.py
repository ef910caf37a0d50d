"""Names joined into one by "The", "and", a comma or a possessive (session 5's kinds, seen
on random releases), on invented text: mended where the parts are names, kept whole where
the join is inside one name."""

from __future__ import annotations

import pytest

from test_extract_tidy import names, tidied  # the same helpers


@pytest.mark.parametrize(("text", "glued", "expected"), [
    ("About Northgate Quill Society The Northgate Quill Society is a club for writers.",
     "Northgate Quill Society The Northgate Quill Society",
     ["Northgate Quill Society", "Northgate Quill Society"]),
    ("Introduction to the RQX Safety Program  The Department of Riverside Transit runs it.",
     "RQX Safety Program  The Department of Riverside Transit",
     ["Department of Riverside Transit"]),
    ("Tarn Department The Office of Care for Tarn Department serves.",
     "Tarn Department The Office of Care for Tarn Department", ["Office of Care for Tarn Department"]),
    ("Partners: Zorblax Bank, QRX The Riverside Quill Foundation and others.",
     "QRX The Riverside Quill Foundation", ["Riverside Quill Foundation"]),
    ("The Mission of the Centre The Centre for Quill Studies is a hub.",
     "Centre The Centre for Quill Studies", ["Centre for Quill Studies"]),
    ("About the Centre in Paris The Centre for Quill Studies in Paris is a hub.",
     "Paris The Centre for Quill Studies", ["Centre for Quill Studies"]),
])
def test_name_glued_by_the_is_cut_before_the(text: str, glued: str, expected: list[str]) -> None:
    assert tidied(text, glued) == expected


@pytest.mark.parametrize(("text", "name"), [
    ("She joined Get With The Quill Program and the Riverside Heart Society.",
     "Get With The Quill Program"),
    ("Aid came from the International League of The Riverside Cross.",
     "International League of The Riverside Cross"),
    ("Donate to Save The Northgate Children Fund today.", "Save The Northgate Children Fund"),
])
def test_the_inside_a_name_is_kept(text: str, name: str) -> None:
    assert tidied(text, name) == [name]


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("She holds a B.S. from the University of Zorbania, Dr. Roe said.",
     "University of Zorbania, Dr", ["University of Zorbania"]),
    ("He studied at the University of Quillton, Norway, in 2001.",
     "University of Quillton, Norway", ["University of Quillton"]),
    ("Founder Tam Velloway spoke. Tam Velloway has an MBA from the University of Quillton, "
     "Tam holds three patents. Tam Velloway lives in Riverside.",
     "University of Quillton, Tam", ["University of Quillton"]),
    ("A study led by the University of Quillton, Jan Marrow and others. \u201cIt works,\u201d "
     "said Marrow.", "University of Quillton, Jan Marrow", ["University of Quillton"]),
])
def test_university_with_a_person_title_or_country_after_the_comma(
        text: str, name: str, expected: list[str]) -> None:
    assert tidied(text, name) == expected


def test_university_campus_after_the_comma_is_kept() -> None:
    text = "Scientists at the University of Zorbania, Port Quill found it. Port Quill is a city."
    assert tidied(text, "University of Zorbania, Port Quill") == ["University of Zorbania, Port Quill"]


@pytest.mark.parametrize("city", ["Los Angeles", "San Francisco"])
def test_a_city_of_the_vocabulary_is_a_campus(city: str) -> None:
    # Cities are places (no institution alone), but after "University of X," a campus:
    # unlike a country or state there, which only says where the university is.
    text = f"Labs at the University of Zorbania, {city}. They opened in May."
    assert tidied(text, f"University of Zorbania, {city}") == [f"University of Zorbania, {city}"]
    assert names(f"Riverside Labs signed an agreement with the University of Zorbania, {city}.") >= {
        f"University of Zorbania, {city}"}


@pytest.mark.parametrize(("text", "name"), [
    ("A Legacy of Thrift and Trust The cost of care rose.", "Thrift and Trust"),
    ("by Ada Roe, Zorbel Associates and Board Chair of Quill New England.",
     "Zorbel Associates and Board"),
    ("* Faith & Trust: Ada Roe, Riverside Church", "Faith & Trust"),
])
def test_phrase_and_a_head_word_alone_is_no_name(text: str, name: str) -> None:
    assert tidied(text, name) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Deposits at Northgate Savings Bank and Trust grew.", "Northgate Savings Bank and Trust"),
    ("Ada Roe joined Zorbel and Company as a partner.", "Zorbel and Company"),
])
def test_head_word_after_a_name_and_is_kept(text: str, name: str) -> None:
    assert tidied(text, name) == [name]


@pytest.mark.parametrize(("text", "name", "expected"), [
    # One side named alone elsewhere, the other a company's name: two companies.
    ("Speakers from Zorblax and Quillon Data Labs spoke. Ada Roe of Zorblax chaired.",
     "Zorblax and Quillon Data Labs", ["Zorblax", "Quillon Data Labs"]),
    ("Miners such as Tarn Holdings lead. Tarn Holdings and Velloway Mining Inc. trail.",
     "Tarn Holdings and Velloway Mining Inc.", ["Tarn Holdings", "Velloway Mining Inc."]),
    # A person: dropped, the company kept.
    ("CEO Ada Marrow and Zorbel Limited discussed the rating. \u201cIt helps,\u201d said Marrow.",
     "Ada Marrow and Zorbel Limited", ["Zorbel Limited"]),
])
def test_two_names_joined_by_and_are_split(text: str, name: str, expected: list[str]) -> None:
    assert tidied(text, name) == expected


@pytest.mark.parametrize(("text", "name"), [
    # A family foundation: the first name is alone elsewhere, yet the "and" is inside the name.
    ("The Ada and Tom Quillon Foundation gave. Ada spoke.", "Ada and Tom Quillon Foundation"),
    # The left side appears only as part of the joined name itself.
    ("Members of the Quilling and Mapping Working Group (QMWG) met. The Quilling and "
     "Mapping Working Group will meet again.", "Quilling and Mapping Working Group"),
    # Both sides ordinary words the document writes in lower case.
    ("Riverside Science and Technology Labs opened; science and technology matter.",
     "Riverside Science and Technology Labs"),
])
def test_and_inside_one_name_is_kept(text: str, name: str) -> None:
    assert tidied(text, name) == [name]


def test_list_without_head_words_gives_the_items_named_alone() -> None:
    text = ("The merger agreement between Zorblax, Quillon and Tarnex was amended. Zorblax "
            "said Tarnex will vote.")
    assert tidied(text, "Zorblax, Quillon and Tarnex") == ["Zorblax", "Tarnex"]


def test_list_of_places_is_no_name_and_a_named_list_is_kept() -> None:
    assert tidied("Mines in Nevada, Canada, Mexico and Argentina.", "Nevada, Canada, Mexico and Argentina") == []
    text = "Funding came from Innovation, Science and Quill Development Zorbania this year."
    assert tidied(text, "Innovation, Science and Quill Development Zorbania") == [
        "Innovation, Science and Quill Development Zorbania"]


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Zorblax Labs\u2019s program grew.", "Zorblax Labs\u2019s", ["Zorblax Labs"]),
    ("Quillon Group AB's shares rose.", "Quillon Group AB's", ["Quillon Group AB"]),
    ("Riverside Children's care grew.", "Riverside Children's", ["Riverside Children's"]),
])
def test_possessive_at_the_end_is_cut(text: str, name: str, expected: list[str]) -> None:
    assert tidied(text, name) == expected


def test_joined_names_in_a_whole_document() -> None:
    text = ("About Riverside Quill Society The Riverside Quill Society helps writers. It works "
            "with Zorblax and Quillon Data Labs. Zorblax makes pens.")
    found = names(text)
    assert "Riverside Quill Society" in found
    assert not any(" The " in n or " and " in n for n in found)


@pytest.mark.parametrize(("text", "name"), [
    # The side recurs only in the same joined name, cut short ("... and Decking").
    ("Zorbel Roofing, Siding and Decking Inc. gave. Ada Roe of Zorbel Roofing, Siding and "
     "Decking spoke.", "Siding and Decking Inc."),
    # A founder's first name, used alone for a person, inside a foundation's name.
    ("The Ada and Tom Quillon Foundation gave. \u201cWe care,\u201d said Ada Quillon.",
     "Ada and Tom Quillon Foundation"),
])
def test_and_split_needs_the_side_alone_and_a_full_name_for_a_person(text: str, name: str) -> None:
    assert tidied(text, name) == [name]


@pytest.mark.parametrize(("text", "doubled", "expected"), [
    ("About Zorblax Zorblax Robotics Inc. makes arms.", "Zorblax Zorblax Robotics Inc.",
     ["Zorblax Robotics Inc."]),
    ("About Quill Labs Quill Labs Group LLC is a maker.", "Quill Labs Quill Labs Group LLC",
     ["Quill Labs Group LLC"]),
    ("Ask Tarn Tarn & Vell LLP for advice.", "Tarn Tarn & Vell LLP", ["Tarn Tarn & Vell LLP"]),
    ("ABOUT QUILL LABS Quill Labs Group LLC is a maker.", "ABOUT QUILL LABS Quill Labs Group LLC",
     ["Quill Labs Group LLC"]),
])
def test_heading_short_name_before_the_full_name_is_cut(text: str, doubled: str, expected: list[str]) -> None:
    assert tidied(text, doubled) == expected


def test_surname_alone_joined_to_a_company_is_dropped() -> None:
    text = ("Ada Marrow leads Tarnex Drilling Corporation. \u201cWe dig,\u201d said Marrow. Marrow "
            "and Tarnex Drilling Corporation take the risk.")
    assert tidied(text, "Marrow and Tarnex Drilling Corporation") == ["Tarnex Drilling Corporation"]


def test_agreement_abbreviations_and_described_places_are_no_parties() -> None:
    found = names("Acme Funds Management Ltd signed a memorandum of understanding (MOU) with US-based "
                  "Zorbel Capital LLC.", "Acme Funds signs MOU and partners with Zorbel Capital")
    assert "MOU" not in found
    assert not any(n.startswith("US-based") for n in found)
    assert "Zorbel Capital LLC" in found or "Zorbel Capital" in found
    found = names("Quillon Group announced new partnerships with U.S. drone companies Tarnwick "
                  "Holdings Inc. and Brisk Dynamics to integrate its software.")
    assert "U.S" not in found and "U.S." not in found
    assert {"Quillon Group", "Brisk Dynamics"} <= found


@pytest.mark.parametrize(("text", "joined", "expected"), [
    ("The fund holds Quillon Pipeline LP and Northgate National Corp. shares.",
     "Quillon Pipeline LP and Northgate National Corp.", ["Quillon Pipeline LP", "Northgate National Corp."]),
    ("QRX Limited and The QRX Digital Company signed the deal.",
     "QRX Limited and The QRX Digital Company", ["QRX Limited", "QRX Digital Company"]),
])
def test_a_legal_form_before_and_ends_the_first_name(text: str, joined: str, expected: list[str]) -> None:
    assert tidied(text, joined) == expected


def test_and_inside_a_name_without_a_legal_form_before_it_stays() -> None:
    name = "Riverside Oil and Gas Company"
    assert tidied(f"The {name} drills wells.", name) == [name]
