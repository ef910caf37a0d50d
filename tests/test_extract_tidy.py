"""Found names that are no institution as they stand (issue 10, item 7), by kind, on
invented text: a legal form alone, a doubled name, text glued on by a lost break, a
document's title, two parties joined by "and", one ordinary word."""

from __future__ import annotations

import pytest

from medtui.extract.boundaries import Candidate
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions
from medtui.extract.tidy import tidy

_EMPTY = GazetteerMatcher(Gazetteer())


def names(text: str, title: str = "") -> set[str]:
    mentions = find_mentions(_EMPTY, [text], [title])
    return {e.name for e in mentions.entities.values()}


def tidied(text: str, name: str, others: set[str] | None = None) -> list[str]:
    at = text.index(name)
    return [c.name for c in tidy(text, [Candidate(at, at + len(name), name)], others)]


def test_legal_form_alone_is_no_name() -> None:
    assert tidied("Shares of Inc. rose.", "Inc.") == []
    assert tidied("Shares of Inc.. rose.", "Inc..") == []


def test_doubled_name_is_two_mentions() -> None:
    text = "About Quillon Robotics Group Quillon Robotics Group is a maker of arms."
    assert tidied(text, "Quillon Robotics Group Quillon Robotics Group") == [
        "Quillon Robotics Group", "Quillon Robotics Group"]
    assert "Quillon Robotics Group Quillon Robotics Group" not in names(text)


@pytest.mark.parametrize(("text", "glued", "name"), [
    ("Wider Market ReachZorbel Foods Ltd signed on. Zorbel Foods Ltd sells oats.",
     "Wider Market ReachZorbel Foods Ltd", "Zorbel Foods Ltd"),
    ("About Quillon Labs Inc.Quillon Labs Inc makes kits.", "Quillon Labs Inc.Quillon Labs Inc",
     "Quillon Labs Inc"),
    ("Contact Northgate Inc.Zorblax Digital Inc to learn more.", "Inc.Zorblax Digital Inc",
     "Zorblax Digital Inc"),
])
def test_glued_text_is_cut_at_the_join(text: str, glued: str, name: str) -> None:
    assert tidied(text, glued) == [name]


def test_camel_case_names_stay_whole() -> None:
    text = "TradeMarlin Holdings Inc. and its unit GreenQuill Labs grew."
    assert tidied(text, "TradeMarlin Holdings Inc.") == ["TradeMarlin Holdings Inc."]


def test_document_title_gives_the_name_after_from() -> None:
    text = "A Guidance Statement From the Riverside Heart Society was published today."
    assert tidied(text, "Guidance Statement From the Riverside Heart Society") == [
        "Riverside Heart Society"]


def test_two_parties_joined_by_and_are_split() -> None:
    text = ("Northgate Savings Bank and Riverside Quill College launched a fund. Northgate "
            "Savings Bank gave $1 million; Riverside Quill College will run it.")
    joined = "Northgate Savings Bank and Riverside Quill College"
    assert tidied(text, joined, {joined, "Northgate Savings Bank"}) == [
        "Northgate Savings Bank", "Riverside Quill College"]
    found = names(text)
    assert joined not in found
    assert {"Northgate Savings Bank", "Riverside Quill College"} <= found


@pytest.mark.parametrize(("text", "name"), [
    # "and" inside one name, or a first name: kept whole.
    ("The Institute of Quilts and Library Services funds it. Library Services are free.",
     "Institute of Quilts and Library Services"),
    ("The Jane and Tom Quillon Foundation gave. Jane spoke; Tom Quillon Foundation staff too.",
     "Jane and Tom Quillon Foundation"),
])
def test_and_inside_a_name_is_kept(text: str, name: str) -> None:
    assert tidied(text, name, {name, "Library Services", "Jane"}) == [name]


@pytest.mark.parametrize("word", ["Two", "Eleven", "Using", "Water"])
def test_one_ordinary_word_is_no_name(word: str) -> None:
    text = f"{word} partners joined. Clean water matters."
    assert tidied(text, word) == []


def test_one_word_name_kept_when_only_capitalised() -> None:
    assert tidied("Zorblax grew. Zorblax hired staff.", "Zorblax") == ["Zorblax"]


@pytest.mark.parametrize(("text", "name"), [
    ("I've seen the results, she said.", "I've"),
    ("Our featured company list names Featured Company as the top pick.", "Featured Company"),
    ("The mRNA platform of Zorblax Labs.", "mRNA"),
])
def test_contractions_common_words_and_generic_phrases_are_no_names(text: str, name: str) -> None:
    assert tidied(text, name) == []


def test_a_name_before_its_head_is_kept() -> None:
    text = "Riverside Group and its featured partners."
    assert tidied(text, "Riverside Group") == ["Riverside Group"]


@pytest.mark.parametrize(("text", "name"), [
    ("Financially, Zorblax Labs reported $2 million in cash.", "Financially"),
    ("Award-winning chefs joined Quillon Foods.", "Award-winning"),
    ("Tractors were sold; each tractor came with a warranty.", "Tractors"),
])
def test_adverbs_described_words_and_plurals_are_no_names(text: str, name: str) -> None:
    assert tidied(text, name) == []


def test_and_split_uses_names_known_from_the_gazetteer_too() -> None:
    text = ("Quillon Savings and Riverside Quill College opened a lab. Quillon Savings said "
            "Riverside Quill College leads it.")
    joined = "Quillon Savings and Riverside Quill College"
    assert tidied(text, joined, {joined}) == [joined]  # "Quillon Savings" is no name it knows
    assert tidied(text, joined, {joined, "Quillon Savings"}) == ["Quillon Savings", "Riverside Quill College"]
