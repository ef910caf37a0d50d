"""The UI's headless parts: browser model rules and the text rendering helpers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from medtui.corpus.model import Institution, PartialDate, Story
from medtui.ui.model import BrowserModel, newest_first_key
from medtui.ui.render import (
    date_with_precision,
    find_sentence,
    group_header,
    institution_prompt,
    one_line,
    story_prompt,
    term_spans,
    wrap_offsets,
)
from test_ui_fixtures import make_corpus


def model() -> BrowserModel:
    browser = BrowserModel()
    browser.set_corpus(make_corpus(), lambda story: f"key-{story.id}")
    return browser


def test_newest_first_puts_undated_last_and_a_partial_date_after_the_dates_it_contains() -> None:
    stories = [
        Story("a", "d", "a", "", PartialDate(2024, 1, 2)),
        Story("b", "d", "b", "", None),
        Story("c", "d", "c", "", PartialDate(2025, 3)),
        Story("d", "d", "d", "", PartialDate(2025, 3, 30)),
        Story("e", "d", "e", "", PartialDate(2025)),
        Story("f", "d", "f", "", PartialDate(2025, 1, 2)),
    ]
    # The timeline's rule, newest first: 2025-03-30, 2025-03, 2025-01-02, 2025, 2024-01-02.
    assert [s.id for s in sorted(stories, key=newest_first_key)] == ["d", "c", "f", "e", "a", "b"]


def test_institution_rows_filter_by_name_or_alias_and_sort() -> None:
    browser = model()
    assert [i.id for i in browser.institution_rows()] == ["i1", "i2", "i3"]  # 3, 3, 1 stories
    browser.corpus.institutions[2].aliases.append("GG")
    browser.institution_text = "gg"
    assert [i.id for i in browser.institution_rows()] == ["i3"]
    browser.institution_text = ""
    browser.institution_sort = "name"
    browser.corpus.institutions[0].name = "Zeta University"
    browser.set_corpus(browser.corpus, lambda story: story.id)  # names are read then
    assert [i.id for i in browser.institution_rows()] == ["i2", "i3", "i1"]


def test_toggle_and_shared_counts() -> None:
    browser = model()
    assert browser.toggle_institution("i1") is True
    assert browser.shared() is None
    browser.toggle_institution("i2")
    assert browser.shared() == (2, 2)
    assert [s.id for s, _ in browser.visible_stories()] == ["s1", "s4"]
    assert browser.toggle_institution("i1") is False
    assert browser.filters.institutions == ["i2"]


def test_starred_and_unread_filters_use_reader_keys() -> None:
    browser = model()
    browser.starred = {"key-s2"}
    browser.read = {"key-s3"}
    browser.filters.starred_only = True
    assert [s.id for s, _ in browser.visible_stories()] == ["s2"]
    browser.filters.starred_only = False
    browser.filters.unread_only = True
    assert [s.id for s, _ in browser.visible_stories()] == ["s1", "s2", "s4"]


def test_starred_and_unread_filters_narrow_the_events_too() -> None:
    browser = model()
    assert len(browser.visible_events()) == 5
    browser.starred = {"key-s2"}
    browser.filters.starred_only = True
    assert [e.story for e in browser.visible_events()] == ["s2"]  # e3, the launch of s2
    browser.filters.starred_only = False
    browser.read = {"key-s1", "key-s3"}
    browser.filters.unread_only = True
    assert sorted(e.story for e in browser.visible_events()) == ["s2", "s4"]


def test_event_kind_cycles_through_present_kinds_then_all() -> None:
    browser = model()
    seen = [browser.cycle_event_kind() for _ in range(6)]
    assert seen == ["mou", "agreement", "grant", "launch", "meeting", None]


def test_citation_names_title_publisher_date_and_url() -> None:
    browser = model()
    story = browser.corpus.story("s2")
    assert story is not None
    assert browser.citation(story) == "“Alpha launches centre”. 2024-05. /docs/b.txt"  # nothing after the URL


def test_dates_say_how_precise_they_are() -> None:
    assert date_with_precision(PartialDate(2025)) == "2025 (year only)"
    assert date_with_precision(PartialDate(2025, 3)) == "2025-03 (month only)"
    assert date_with_precision(PartialDate(2025, 3, 1)) == "2025-03-01 (exact day)"
    assert date_with_precision(None) == "no date in the text"
    assert str(group_header("2025")) == "── 2025 (year only) ──"


def test_prompts_keep_markup_and_drop_control_characters() -> None:
    inst = Institution("i9", "[b]Bold[/b] \x1b[2JUniversity", kind="university", stories=["x"])
    assert "[b]Bold[/b] University" in institution_prompt(inst, selected=False).plain
    selected = institution_prompt(inst, selected=True)
    assert selected.plain.startswith("✓")
    story = Story("x", "d", "Title [i]x[/i]\nsecond line", "Body\x07 text", None)
    prompt = story_prompt(story, "", [], starred=True, read=False)
    assert isinstance(prompt, Text)
    first, second = prompt.plain.split("\n")
    assert first.startswith("★●") and "Title [i]x[/i] second line" in first
    assert second.strip() == "Body text"


def test_snippet_highlights_are_bold_and_underlined() -> None:
    story = Story("x", "d", "T", "", None)
    prompt = story_prompt(story, "a partnership here", [(2, 13)], starred=False, read=True)
    styled = [str(span.style) for span in prompt.spans if "underline" in str(span.style)]
    assert styled and all("bold" in s for s in styled)


def test_term_spans_match_word_starts_case_insensitively() -> None:
    text = "Partnership and partners; apartment. PARTNER"
    assert term_spans(text, ["partner"]) == [(0, 11), (16, 24), (37, 44)]
    assert term_spans(text, []) == []


def test_find_sentence_tolerates_spacing_and_case() -> None:
    text = "Intro.  Alpha University\nand Beta   signed it. Outro."
    assert find_sentence(text, "alpha university and beta signed it.") == (8, 46)
    assert find_sentence(text, "not there") is None


def test_wrap_offsets_cover_the_text_within_the_width() -> None:
    text = "one two three four five six seven\n\nsupercalifragilisticexpialidocious end"
    lines = wrap_offsets(text, 10)
    pieces = [text[a:b] for a, b in lines]
    assert all(len(p) <= 10 for p in pieces)
    assert pieces[:4] == ["one two", "three four", "five six", "seven"]
    assert "" in pieces  # the blank line between paragraphs stays
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_one_line_flattens_and_cuts() -> None:
    assert one_line("a\nb\t c") == "a b c"
    assert one_line("x" * 10, 5) == "xxxx…"


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab cd\n漢字")), max_size=200),
    st.integers(min_value=8, max_value=40),
)
def test_wrap_offsets_never_lose_or_repeat_characters(text: str, width: int) -> None:
    lines = wrap_offsets(text, width)
    covered: list[int] = []
    for start, end in lines:
        assert cell_len(text[start:end]) <= width
        covered.extend(range(start, end))
    assert covered == sorted(set(covered))  # in order, nothing twice
    dropped = set(range(len(text))) - set(covered)
    assert all(text[i] in " \n" for i in dropped)  # only spaces and newlines go
