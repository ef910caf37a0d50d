"""Queries as people type them: colons, symbols in words, accents, hyphens, invisible
characters and CJK runs, found by the index, highlighted in snippets, known to the word list."""

from __future__ import annotations

import pytest

from medtui.corpus.model import Corpus, Story
from medtui.search.analysis import analyze, fold, query_terms, surface_words
from medtui.search.index import StoryIndex
from medtui.search.snippets import match_spans

TEXTS = {
    "heart": ("Heart: Rhythm and Risk in Older Adults",
              "Riverside University studied heart rhythm and risk in older adults."),
    "att": ("New lab", "Westbrook University and AT&T opened a lab."),
    "symbols": ("Tools", "Northgate Hospital moved its C++ and C# code to .NET; its R&D "
                        "unit tracks COVID-19 over Wi-Fi with Q-Tel."),
    "zurich": ("Lab news", "The Universität Zürich opened a lab."),
    "accents": ("Visit", "A team from São Paulo visited the Hôpital Lakeside in Łódź."),
    "plain": ("Plain", "The Zurich office of Sao Paulo Partners wrote about hopital wards."),
    "hyphen": ("Sensors", "Riverside University builds non-invasive sensors."),
    "closed": ("Probes", "Westbrook Clinic tests noninvasive probes."),
    "invisible": ("Care", "Lakeside Hospital expands tele\u200bmedicine and cyber\u00adsecurity."),
    "zh": ("合作", "香港科技大學（科大）與浙江大學於2025年3月11日簽署合作備忘錄"),
    "ja": ("提携", "東京医科大学と北海道大学は共同研究の覚書を締結した"),
    "ko": ("협약", "서울대학교병원과 부산대학교는 업무협약을 체결했다"),
}


def build() -> StoryIndex:
    stories = [Story(key, f"{key}.md", title, text, None, []) for key, (title, text) in TEXTS.items()]
    index = StoryIndex()
    index.add(Corpus(documents=[], stories=stories, institutions=[], events=[]), stories)
    return index


@pytest.fixture(scope="module")
def index() -> StoryIndex:
    return build()


def found(index: StoryIndex, query: str) -> set[str]:
    result = index.search(query)
    assert result.error is None, result.error
    return {hit.story for hit in result.hits}


@pytest.mark.parametrize(("query", "expected"), [
    ("Heart: Rhythm", {"heart"}),
    ("Heart:", {"heart"}),
    ("Risk: older", {"heart"}),
    ("AT&T", {"att"}),
    ('"AT&T"', {"att"}),
    ("at&t", {"att"}),
    ("R&D", {"symbols"}),
    ("C++", {"symbols"}),
    ("c#", {"symbols"}),
    (".NET", {"symbols"}),
    ("COVID-19", {"symbols"}),
    ("covid19", {"symbols"}),
    ("Wi-Fi", {"symbols"}),
    ("wifi", {"symbols"}),
    ("zurich", {"zurich", "plain"}),
    ("Zürich", {"zurich", "plain"}),
    ("universitat", {"zurich"}),
    ("hopital", {"accents", "plain"}),
    ("Hôpital", {"accents", "plain"}),
    ('"sao paulo"', {"accents", "plain"}),
    ("lodz", {"accents"}),
    ("noninvasive", {"hyphen", "closed"}),
    ("non-invasive", {"hyphen", "closed"}),
    ("invasive", {"hyphen"}),
    ('"non-invasive sensors"', {"hyphen"}),
    ("telemedicine", {"invisible"}),
    ("cybersecurity", {"invisible"}),
    ("浙江大學", {"zh"}),
    ("科技", {"zh"}),
    ("合作備忘錄", {"zh"}),
    ('"浙江大學"', {"zh"}),
    ("北海道大学", {"ja"}),
    ("共同研究", {"ja"}),
    ("부산대학교", {"ko"}),
    ("대학교", {"ko"}),
])
def test_found_as_typed(index: StoryIndex, query: str, expected: set[str]) -> None:
    assert found(index, query) == expected


@pytest.mark.parametrize("query", ["AT", "浙大", "大學浙江", "Rhythm: Heart: Nope"])
def test_not_found_by_parts_that_are_not_there(index: StoryIndex, query: str) -> None:
    assert found(index, query) == set()


def test_cjk_snippet_highlights_the_right_characters(index: StoryIndex) -> None:
    hit = index.search("浙江大學").hits[0]
    marked = [hit.snippet[a:b] for a, b in hit.highlights]
    # Each matched bigram is highlighted where it stands (大學 of 香港科技大學 too).
    assert "浙江大學" in marked and set(marked) <= {"浙江大學", "大學"}
    words = index.search("浙江大學").terms
    body = TEXTS["zh"][1]
    assert "浙江大學" in [body[a:b] for a, b in match_spans(body, words)]


@pytest.mark.parametrize(("query", "marked"), [
    ("zurich", ["Zürich"]),
    ("AT&T", ["AT&T"]),
    ("noninvasive", ["non-invasive"]),
    ("telemedicine", ["tele\u200bmedicine"]),
])
def test_snippet_highlights_the_word_as_written(index: StoryIndex, query: str,
                                                 marked: list[str]) -> None:
    result = index.search(query)
    hit = next(h for h in result.hits if h.story in ("zurich", "att", "hyphen", "invisible"))
    assert [hit.snippet[a:b] for a, b in hit.highlights] == marked


def test_prefixes_and_suggestions_use_folded_words(index: StoryIndex) -> None:
    assert found(index, "zür*") == {"zurich", "plain"}
    assert found(index, "nonin*") == {"hyphen", "closed"}
    assert index.search("zurichh").suggestion == "zurich"


def test_analysis_pieces_share_one_position() -> None:
    terms = list(analyze("minimally non-invasive surgery"))
    assert [(t, p) for t, p, _s, _e in terms] == [
        ("minim", 0), ("noninvas", 1), ("non", 1), ("invas", 1), ("surgeri", 2)]
    assert query_terms("non-invasive") == ["noninvas"]
    assert query_terms("AT&T") == ["at&t"]


def test_fold_and_words() -> None:
    assert fold("Zürich") == "zurich" and fold("ŁÓDŹ") == "lodz" and fold("Straße") == "strasse"
    assert fold("ＡＢＣ") == "abc"
    assert surface_words("浙江大學") == {"浙江", "江大", "大学"}  # Han folded to simplified
    assert surface_words("Wi-Fi") == {"wifi", "wi", "fi"}
