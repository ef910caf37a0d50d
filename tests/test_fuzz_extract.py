"""Property tests of the whole per-document pipeline: read, clean, split, extract, merge.

Whatever a file holds, processing it raises nothing (not even into the catch-all
"could not be processed" warning), every story's words come from the cleaned document,
and every event is grounded: its parties are institutions of its story and its evidence
is text of that story. Profiles: tests/helpers/fuzz.py, HYPOTHESIS_PROFILE=ci|long.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzz import FUZZ, document_text, html_text, raw_bytes
from medtui.corpus.clean import clean_lines
from medtui.corpus.html import read_html
from medtui.corpus.model import EVENT_KINDS, INSTITUTION_KINDS, PartialDate
from medtui.corpus.reader import InputFile, read_document_text
from medtui.pipeline import CorpusBuilder, default_matcher, process_document


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-extract")


def cleaned_words(path: Path) -> set[str]:
    """The words of the document as the pipeline cleans it (before story splitting)."""
    decoded = read_document_text(path)
    if decoded.text is None:
        return set()
    doc = read_html(decoded.text).clean if decoded.is_html else clean_lines(decoded.text)
    return {w for line in [*doc.lines, doc.title_hint or ""] for w in line.split()}


def valid(date: PartialDate | None) -> bool:
    if date is None:
        return True
    try:
        datetime.date(date.year, date.month or 1, date.day or 1)
    except ValueError:
        return False
    return 1900 <= date.year <= 2100 and (date.day is None or date.month is not None)


def check_document(path: Path) -> None:
    """Process the file at ``path`` and check every invariant of the result."""
    result = process_document(InputFile(path, path.name), default_matcher())
    crashes = [w for w in result.document.warnings if w.startswith("could not be processed")]
    assert not crashes, crashes
    builder = CorpusBuilder()
    builder.add(result)
    corpus = builder.corpus
    words = cleaned_words(path)
    for story in corpus.stories:
        missing = [w for w in story.text.split() if w not in words]
        assert not missing, f"story words not in the cleaned document: {missing[:5]}"
        assert valid(story.date)
        for inst_id in story.institutions:
            inst = corpus.institution(inst_id)
            assert inst is not None and inst.name.strip()
            assert inst.kind in INSTITUTION_KINDS
            assert story.id in inst.stories
    for event in corpus.events:
        story = corpus.story(event.story)
        assert story is not None
        assert event.kind in EVENT_KINDS
        assert event.parties and set(event.parties) <= set(story.institutions)
        evidence = event.evidence.removesuffix("\u2026")
        assert evidence in story.text or evidence in story.title, event.evidence
        assert valid(event.date)


@FUZZ
@given(document_text, st.sampled_from(("doc.txt", "doc.md")))
def test_any_text_document_is_processed_and_grounded(scratch: Path, text: str, name: str) -> None:
    path = scratch / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check_document(path)


@FUZZ
@given(html_text)
def test_any_html_document_is_processed_and_grounded(scratch: Path, html: str) -> None:
    path = scratch / "page.html"
    path.write_text(html, encoding="utf-8")
    check_document(path)


@FUZZ
@given(raw_bytes)
def test_any_bytes_are_processed_without_an_exception(scratch: Path, data: bytes) -> None:
    path = scratch / "bytes.txt"
    path.write_bytes(data)
    check_document(path)
