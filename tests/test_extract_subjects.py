"""An act whose subject is written "the company", "it", "we": the issuer's act with each party
named after it (session 6, 2,000 random releases; the session 5 trial's commonest event
error). Invented text only."""

from __future__ import annotations

import pytest

from medtui.corpus.model import PartialDate
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions

_EMPTY = GazetteerMatcher(Gazetteer())
_LEAD = ("Larkspur Analytics Inc, a provider of clinical data tools, announced a partnership "
         "with Northgate Hospital. ")


def parties(text: str, title: str = "") -> set[frozenset[str]]:
    """The party names of each event of a one-story document."""
    mentions = find_mentions(_EMPTY, [text], [title])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], PartialDate(2025, 3, 4),
                        {k: e.kind for k, e in mentions.entities.items()})
    return {frozenset(names[p] for p in e.parties) for e in found}


LN = frozenset({"Larkspur Analytics Inc", "Northgate Hospital"})


def test_another_clauses_names_are_no_partners_of_the_company() -> None:
    text = _LEAD + ("The company counts Riverside University and Easton College as customers, and "
                    "recently entered into a collaboration with Westbrook Clinic.")
    assert parties(text) == {LN, frozenset({"Larkspur Analytics Inc", "Westbrook Clinic"})}


def test_the_company_partnered_with_two_is_a_pact_with_each() -> None:
    text = _LEAD + ("In September 2024, the company partnered with Harbor Housing Authority and "
                    "Summit Labs Inc. to acquire a clinic.")
    assert parties(text) == {LN, frozenset({"Larkspur Analytics Inc", "Harbor Housing Authority"}),
                             frozenset({"Larkspur Analytics Inc", "Summit Labs Inc"})}


def test_a_based_company_and_its_pronoun() -> None:
    text = _LEAD + ("The Boston, Massachusetts-based company has signed a supply agreement with Summit "
                    "Labs Inc. to expand testing. Its partnerships with Harbor Housing Authority and "
                    "Westbrook Clinic also grew.")
    assert parties(text) == {LN, frozenset({"Larkspur Analytics Inc", "Summit Labs Inc"}),
                             frozenset({"Larkspur Analytics Inc", "Harbor Housing Authority"}),
                             frozenset({"Larkspur Analytics Inc", "Westbrook Clinic"})}


def test_the_headlines_first_institution_is_the_issuer() -> None:
    text = ("Larkspur Analytics Inc is teaming with Summit Labs Inc. on a testing project. Summit Labs "
            "Inc. runs ten labs. The Boston-based company has signed a supply agreement with Harbor "
            "Housing Authority.")
    found = parties(text, title="Larkspur Analytics Teams Up with Summit Labs")
    assert frozenset({"Larkspur Analytics Inc", "Harbor Housing Authority"}) in found
    assert frozenset({"Summit Labs Inc", "Harbor Housing Authority"}) not in found


@pytest.mark.parametrize(
    "sentence",
    [
        # The act's own subject is named: "announced that X signed".
        "The company announced that Summit Labs Inc. signed an agreement with Westbrook Clinic.",
        # The company is one of two subjects.
        "The company and Summit Labs Inc. signed an agreement with Westbrook Clinic.",
        # The parties follow "between": they are the act's parties.
        "It is a collaboration between Summit Labs Inc. and Westbrook Clinic.",
    ],
)
def test_a_named_subject_is_kept(sentence: str) -> None:
    found = parties(_LEAD + sentence) - {LN}
    assert found
    assert not any("Larkspur Analytics Inc" in pair for pair in found)


def test_a_quoted_we_belongs_to_its_speaker() -> None:
    text = _LEAD + ("\u201cWe are thrilled to partner with Summit Labs Inc.,\u201d said Ann Lee, CEO of "
                    "Westbrook Clinic.")
    assert frozenset({"Summit Labs Inc", "Westbrook Clinic"}) in parties(text)


def test_a_university_is_no_company() -> None:
    text = ("Riverside University announced a new programme with Northgate Hospital. The company "
            "partnered with Summit Labs Inc. and Westbrook Clinic on the testing.")
    found = parties(text)
    assert frozenset({"Riverside University", "Summit Labs Inc"}) not in found


def test_co_objects_of_an_unnamed_subject_are_no_partners() -> None:
    text = ("Bright Liquidators has worked in close partnership with Riverside University, Northgate "
            "Hospital and Summit Labs Inc. for the last 25 years.")
    assert parties(text) == set()


def test_a_subject_after_the_list_is_kept() -> None:
    text = ("In partnership with Riverside University and Northgate Hospital, Summit Labs Inc. "
            "opened a clinic.")
    assert parties(text)
    text = "After partnering with Riverside University, Summit Labs Inc. grew fast."
    assert parties(text) == {frozenset({"Riverside University", "Summit Labs Inc"})}


def test_the_company_after_a_named_company_is_that_company() -> None:
    text = ("Summit Labs Inc. leads the field. Summit Labs Inc. grows. Northgate Hospital agrees. To see "
            "the value of Harbor Parts Inc. (ticker: HPI) stock, consider this: The company recently "
            "received a $10 million investment from an unnamed family office.")
    assert frozenset({"Summit Labs Inc", "Harbor Parts Inc"}) not in parties(text)


def test_a_sentence_without_subject_takes_the_issuer_before_it_not_any_name() -> None:
    lead = "Tallis Labs Inc. makes imaging tools. Tallis Labs Inc. has 40 staff. "
    text = lead + ("Tallis Labs Inc. grew fast. Developed in collaboration with Riverside University, "
                   "its tool reads scans.")
    assert parties(text) == {frozenset({"Tallis Labs Inc", "Riverside University"})}
    text = lead + ("Northgate Hospital hired a coach. Through her partnership with Riverside University, "
                   "she trains nurses.")
    assert frozenset({"Northgate Hospital", "Riverside University"}) not in parties(text)
