"""One institution twice among an event's parties (session 5, trial of 2,000 random
releases). Invented names only."""

from __future__ import annotations

from medtui.corpus.model import PartialDate
from medtui.extract.doubles import once_each, within
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions


def test_a_name_without_words_before_it_is_the_same_institution() -> None:
    assert within({"tide group"}, {"coastal tide group"})
    assert within({"working group"}, {"qlx working group"})


def test_a_name_without_its_head_word_after_it_is_the_same_institution() -> None:
    assert within({"harbor light"}, {"harbor light foundation"})
    assert within({"tarn robotics"}, {"tarn robotics inc."})


def test_a_parent_or_a_unit_is_another_institution() -> None:
    assert not within({"lakeshore school of medicine"}, {"first hospital of lakeshore school of medicine"})
    assert not within({"university of coastland"}, {"university of coastland marrow cancer center"})
    assert not within({"acme"}, {"acme foundation"})  # one word: too little to tell


def test_once_each_keeps_the_longer_name() -> None:
    surfaces = {"a": {"harbor light"}, "b": {"harbor light foundation"}, "c": {"brightwater"}}
    assert once_each(["a", "b", "c"], surfaces) == ["b", "c"]


def test_an_event_of_an_institution_with_itself_is_dropped() -> None:
    text = ('Harbor Light Foundation partners with many brands. "Partnering with Harbor Light has been '
            'a joy," said the designer.')
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), [text], [""])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], "", mentions.spans[1], PartialDate(2025, 3, 4),
                        {k: e.kind for k, e in mentions.entities.items()})
    assert not any({"Harbor Light", "Harbor Light Foundation"} <= {names[p] for p in e.parties} for e in found)
