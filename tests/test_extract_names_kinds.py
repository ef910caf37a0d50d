"""Kinds decided by a phrase before the head words (vocabulary ``kind_phrases``): schools
below college, school districts, central banks; on invented names."""

from __future__ import annotations

import pytest

from medtui.extract.names import guess_kind


@pytest.mark.parametrize(("name", "kind"), [
    ("Northgate High School", "other"),
    ("Riverside Christian Academy Middle School", "other"),
    ("Quillon Elementary School", "other"),
    ("Riverside Unified School District", "government"),
    ("Federal Reserve Bank of Quillton", "government"),
    ("Zorbanian Central Bank", "government"),
    # Unchanged: head words decide.
    ("Riverside University", "university"),
    ("Northgate Graduate School of Education", "university"),
    ("Quillon Savings Bank", "company"),
    ("Royal Bank of Zorbania", "company"),
    ("Northgate Hospital", "hospital"),
])
def test_kind_phrases_decide_before_head_words(name: str, kind: str) -> None:
    assert guess_kind(name) == kind
