"""The index's unstemmed word list: counting, prefixes, near words, saving."""

from __future__ import annotations

import pytest

from medtui.search.vocabulary import Vocabulary, story_words


def test_words_are_cut_like_the_index_analysis() -> None:
    # Hyphenated words give their joined form and their pieces; accents fold.
    assert story_words("The U.S. Medical-School", "a 3.5 x") == {
        "the", "u.s", "medical", "school", "medicalschool", "3.5"}
    assert story_words("Universität Zürich") == {"universitat", "zurich"}


def test_counts_are_stories_not_occurrences_and_removal_uncounts() -> None:
    vocab = Vocabulary()
    vocab.add([story_words("medical medical school"), story_words("medical")])
    assert vocab.frequency("medical") == 2 and vocab.frequency("school") == 1
    vocab.remove(story_words("medical school"))
    assert vocab.frequency("medical") == 1 and vocab.frequency("school") == 0
    assert "school" not in vocab.counts


def test_prefix_gives_all_words_or_the_most_frequent() -> None:
    vocab = Vocabulary()
    vocab.add([{"medic", "medical", "media"}, {"medical"}, {"medical", "media"}, {"meet"}])
    assert sorted(vocab.with_prefix("medi", 10)) == ["media", "medic", "medical"]
    assert vocab.with_prefix("medi", 2) == ["medical", "media"]
    assert vocab.with_prefix("zzz", 10) == []
    vocab.add([{"medicine"}])  # the sorted list is rebuilt after a change
    assert "medicine" in vocab.with_prefix("medi", 10)


def test_within_finds_words_by_edit_distance() -> None:
    vocab = Vocabulary()
    vocab.add([{"government", "governments", "hospital", "zhejiang"}])
    assert vocab.within("goverment", 1) == {"government"}
    assert vocab.within("goverment", 2) == {"government", "governments"}
    assert vocab.within("zhejaing", 2) == {"zhejiang"}
    assert vocab.within("qqqq", 2) == set()


def test_saved_and_read_back_or_refused_when_damaged() -> None:
    vocab = Vocabulary()
    vocab.add([{"alpha", "beta"}, {"alpha"}])
    again = Vocabulary.from_bytes(vocab.to_bytes())
    assert again.counts == vocab.counts
    with pytest.raises(ValueError):
        Vocabulary.from_bytes(b"x" * 40)
    with pytest.raises(ValueError, match="not allowed"):  # a pickle of a foreign class is refused
        Vocabulary.from_bytes(vocab.to_bytes()[:15] + b"\x80\x04cos\nsystem\n.")


def test_a_deferred_vocabulary_is_read_at_first_use_and_damage_makes_it_empty() -> None:
    from medtui.search.vocabulary import Vocabulary

    saved = Vocabulary({"riverside": 2, "river": 1}).to_bytes()
    reads: list[int] = []

    def read() -> bytes:
        reads.append(1)
        return saved

    words = Vocabulary.deferred(read)
    assert reads == []
    assert words.with_prefix("riv", 5) == ["river", "riverside"] and reads == [1]
    assert words.frequency("riverside") == 2 and reads == [1]
    damaged = Vocabulary.deferred(lambda: saved[:-5])
    assert damaged.with_prefix("riv", 5) == [] and len(damaged) == 0
