"""Snippets taken from the first part of a story that holds a matched word."""

from __future__ import annotations

import pytest

from medtui.search.analysis import query_terms
from medtui.search.snippets import build_snippet

FILLER = "Riverside University reported on its harbour programme this week. " * 150  # ~10k chars


@pytest.mark.parametrize("at", [0, 500, 2_500, 9_000, len(FILLER)])
def test_the_snippet_lands_on_the_first_matched_word_wherever_it_is(at: int) -> None:
    text = FILLER[:at] + " Northgate Hospital signed a telemedicine agreement. " + FILLER[at:]
    snippet = build_snippet(text, set(query_terms("telemedicine")))
    assert len(snippet.highlights) == 1
    start, end = snippet.highlights[0]
    assert snippet.text[start:end] == "telemedicine"
    assert snippet.words == {"telemedicine"}
    assert snippet.text.startswith("…") == (at > 40)


def test_a_word_cut_by_a_step_boundary_is_still_found() -> None:
    words = "x" * 1_200 + " Zürich lab"  # no space near 1,000: the step cuts the x-word
    snippet = build_snippet(words, set(query_terms("zurich")))
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["Zürich"]


def test_no_match_gives_the_start_of_the_story() -> None:
    snippet = build_snippet(FILLER, set(query_terms("telemedicine")))
    assert snippet.text.startswith("Riverside University") and snippet.highlights == []


def test_a_window_with_every_word_in_the_lead_wins_over_an_earlier_one_word_match() -> None:
    text = ("Clinical staff met. " + FILLER[:2_400] + " The clinical training centre opened. "
            + FILLER)
    terms = set(query_terms("clinical")) | set(query_terms("training"))
    snippet = build_snippet(text, terms)
    assert {snippet.text[s:e].lower() for s, e in snippet.highlights} == {"clinical", "training"}
