"""Traditional and simplified Chinese find each other: a Hong Kong reader's 大學 finds a
mainland release's 大学 and the other way round, with highlights where the text stands."""

from __future__ import annotations

import pytest

from medtui.corpus.model import Corpus, Story
from medtui.hanfold import fold_han, table
from medtui.search.analysis import query_terms
from medtui.search.index import StoryIndex
from medtui.search.snippets import match_spans

TEXTS = {
    "hant": "河畔大學醫學院與北門醫院簽署合作備忘錄，推動臨床教學。",
    "hans": "河畔大学医学院与北门医院签署合作备忘录，推动临床教学。",
    "hk": "衞生署與湖濱大學合辦講座。",
    "other": "東湖科技學院發佈年度報告。",
}


@pytest.fixture(scope="module")
def index() -> StoryIndex:
    stories = [Story(k, f"{k}.md", k, text, None, []) for k, text in TEXTS.items()]
    built = StoryIndex()
    built.add(Corpus(documents=[], stories=stories, institutions=[], events=[]), stories)
    return built


def found(index: StoryIndex, query: str) -> set[str]:
    return {hit.story for hit in index.search(query).hits}


def test_fold_keeps_length_and_simplified_text() -> None:
    assert fold_han("醫學院與醫院") == "医学院与医院"
    assert fold_han("医学院") == "医学院"
    text = "Riverside 大學 (RU) 衞生"
    assert len(fold_han(text)) == len(text)
    assert fold_han("Riverside (RU)") == "Riverside (RU)"
    assert len(table()) > 3000  # OpenCC's character table, not a handful by hand


@pytest.mark.parametrize("query", ["醫學院", "医学院", '"北門醫院"', '"北门医院"', "备忘录"])
def test_either_script_finds_both(index: StoryIndex, query: str) -> None:
    assert found(index, query) == {"hant", "hans"}


def test_hong_kong_variant_finds_standard_forms(index: StoryIndex) -> None:
    # 衞 is the Hong Kong form of 衛 (simplified 卫).
    assert found(index, "衞生署") == {"hk"}
    assert found(index, "卫生署") == {"hk"}
    assert found(index, "衛生署") == {"hk"}


def test_a_different_word_is_still_not_found(index: StoryIndex) -> None:
    assert found(index, "醫院院長") == set()
    assert query_terms("医学") == query_terms("醫學")
    assert found(index, "報告") == {"other"}


def test_highlights_mark_the_text_as_written(index: StoryIndex) -> None:
    result = index.search("医学院")
    hit = next(h for h in result.hits if h.story == "hant")
    marked = {hit.snippet[a:b] for a, b in hit.highlights}
    assert "醫學院" in marked
    body = TEXTS["hant"]
    words = index.search("医学院").terms
    assert "醫學院" in {body[a:b] for a, b in match_spans(body, words)}


def test_reader_highlights_either_script() -> None:
    body = TEXTS["hans"]
    assert [body[a:b] for a, b in match_spans(body, ["醫學院"])] == ["医学院"]
    assert [TEXTS["hant"][a:b] for a, b in match_spans(TEXTS["hant"], ["医学院"])] == ["醫學院"]
